// SQL for attribute and computed conditions: the field's value expression (from the registry's storage,
// never from the rule) and the lowered test on it. Every result is TRUE or FALSE, never NULL, so NOT of a
// group is exactly the complement, as in the evaluator.
import { dayToIso } from '../dates';
import { assertNever } from '../errors';
import type { FieldStorage } from '../fields';
import type { ScalarTest } from '../lower';
import type { ParamType, SqlWriter } from './writer';

/** Builds a value expression; called once per use because SQLite's `?` cannot be referenced twice. */
type Expr = () => string;

interface ValueSql {
  expr: Expr;
  type: ParamType;
  /** Dates stored as text compare as ISO strings; the lowered test holds day numbers. */
  isoDates: boolean;
}

export function fieldConditionSql(w: SqlWriter, storage: FieldStorage, test: ScalarTest): string {
  if (storage.kind === 'tags') return tagsSql(w, `cf.${storage.column}`, test);
  return scalarTestSql(w, valueSql(w, storage), test);
}

function valueSql(w: SqlWriter, storage: Exclude<FieldStorage, { kind: 'tags' }>): ValueSql {
  switch (storage.kind) {
    case 'text':
      return { expr: () => `NULLIF(cf.${storage.column}, '')`, type: 'text', isoDates: false };
    case 'number': {
      // A joined table's column: a scalar subquery, NULL when the customer has no row there.
      const { table, column } = storage;
      const expr = table ? () => `(SELECT j.${column} FROM ${table} j WHERE j.customer_id = cf.customer_id)` : () => `cf.${column}`;
      return { expr, type: 'num', isoDates: false };
    }
    case 'day':
      return { expr: () => `cf.${storage.column}`, type: 'int', isoDates: false };
    case 'flag':
      return { expr: () => `cf.${storage.column}`, type: 'int', isoDates: false };
    case 'isoDate':
      return { expr: () => w.isoDatePrefix(`cf.${storage.column}`), type: 'text', isoDates: true };
    case 'custom':
      if (storage.numeric) return { expr: () => w.numericText(() => w.customText(storage.key)), type: 'num', isoDates: false };
      return { expr: () => w.customText(storage.key), type: 'text', isoDates: false };
    default:
      return assertNever(storage);
  }
}

export function scalarTestSql(w: SqlWriter, v: ValueSql, test: ScalarTest): string {
  const bound = (n: number): string => (v.isoDates ? w.param(dayToIso(n), 'text') : w.param(n, v.type));
  switch (test.t) {
    case 'set':
      return test.negate ? `(${v.expr()} IS NULL)` : `(${v.expr()} IS NOT NULL)`;
    case 'range': {
      const parts = [`${v.expr()} IS NOT NULL`];
      if (test.lo !== -Infinity) parts.push(`${v.expr()} ${test.loOpen ? '>' : '>='} ${bound(test.lo)}`);
      if (test.hi !== Infinity) parts.push(`${v.expr()} ${test.hiOpen ? '<' : '<='} ${bound(test.hi)}`);
      return `(${parts.join(' AND ')})`;
    }
    case 'neq':
      return `(${v.expr()} IS NOT NULL AND ${v.expr()} <> ${bound(test.value)})`;
    case 'num_in':
      return `(${v.expr()} IS NOT NULL AND ${v.expr()} ${test.negate ? 'NOT IN' : 'IN'} (${w.list(test.values, 'num')}))`;
    case 'text_in':
      return `(${v.expr()} IS NOT NULL AND ${v.expr()} ${test.negate ? 'NOT IN' : 'IN'} (${w.list(test.values, 'text')}))`;
    case 'tags':
      throw new Error('tag tests apply only to tag fields');
    default:
      return assertNever(test);
  }
}

/** Tags are `;`-separated text: a tag t is present when `;t;` occurs in `;` || list || `;`. */
function tagsSql(w: SqlWriter, column: string, test: ScalarTest): string {
  const isSet = `${column} IS NOT NULL AND replace(${column}, ';', '') <> ''`;
  if (test.t === 'set') return test.negate ? `(NOT (${isSet}))` : `(${isSet})`;
  if (test.t !== 'tags') throw new Error(`A tag field cannot take a ${test.t} test`);
  const has = (tag: string): string => `${w.position(`(';' || ${column} || ';')`, w.param(`;${tag};`, 'text'))} > 0`;
  const hits = test.values.map(has);
  switch (test.mode) {
    case 'any':
      return `(${isSet} AND (${hits.join(' OR ')}))`;
    case 'all':
      return `(${isSet} AND ${hits.join(' AND ')})`;
    case 'none':
      return `(${isSet} AND NOT (${hits.join(' OR ')}))`;
    default:
      return assertNever(test.mode);
  }
}
