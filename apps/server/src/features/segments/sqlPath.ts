// The SQL push-down path without loading the data into memory: a field registry read from the database
// (custom attribute keys, event types, optional columns), rule contexts for compileRule, and counts run by
// the database. Used where loading every order would cost more than the question (CLI exports, --sql).
import { resolveAsOf, type CompileWhere, type KizunaDb } from '@kizuna/db';
import { compileRule, coreFields, createRegistry, isNumericText, type CustomAttributeSpec, type FieldRegistry, type SegmentRule } from '@kizuna/segments';
import { readLiveRules } from './engine';

/** What compiling a rule needs: the registry and the as-of day (a loaded engine has both). */
export interface CompileBasis {
  registry: FieldRegistry;
  asOfDay: number;
}

export interface SqlRuleContext extends CompileBasis {
  asOfDate: string;
  /** Live saved rules by segment id. */
  rules: ReadonlyMap<string, SegmentRule>;
}

export async function sqlRuleContext(db: KizunaDb): Promise<SqlRuleContext> {
  const asOf = await resolveAsOf(db);
  return { registry: await sqlRegistry(db), asOfDay: asOf.asOfDay, asOfDate: asOf.asOfDate, rules: await readLiveRules(db) };
}

/** The compiled WHERE of a rule, with saved segments inlined from `rules`. */
export function compileWhereFor(db: KizunaDb, basis: CompileBasis, rules: ReadonlyMap<string, SegmentRule>, rule: SegmentRule, segmentId?: string): CompileWhere {
  return (paramOffset) => {
    const ctx = { registry: basis.registry, asOfDay: basis.asOfDay, resolveSegment: (id: string) => rules.get(id), segmentId };
    const { where, params } = compileRule(rule, db.dialect, ctx, { paramOffset });
    return { where, params };
  };
}

/**
 * The registry createRegistry({ data }) would build, read with SQL: a custom attribute is numeric when it
 * has a value and every non-empty value is a plain decimal (the same test as over loaded data).
 */
export async function sqlRegistry(db: KizunaDb): Promise<FieldRegistry> {
  const custom = new Map<string, { any: boolean; numeric: boolean }>();
  const rows = await db.kysely.selectFrom('customer_features').select('custom_attributes').where('custom_attributes', '<>', '{}').execute();
  for (const { custom_attributes: text } of rows) {
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch {
      continue;
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) continue;
    for (const [key, value] of Object.entries(obj as Record<string, unknown>)) {
      if (value === null || value === undefined) continue;
      const s = typeof value === 'string' ? value : String(value);
      const entry = custom.get(key) ?? { any: false, numeric: true };
      if (s !== '') {
        entry.any = true;
        entry.numeric &&= isNumericText(s);
      }
      custom.set(key, entry);
    }
  }
  const customAttributes: CustomAttributeSpec[] = [...custom]
    .map(([key, e]) => ({ key, numeric: e.any && e.numeric }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const types = await db.kysely.selectFrom('events').select('event_type').distinct().execute();
  // Optional fields (predictions) exist when their column does, in customer_features or the table joined for them.
  const tables = new Set<string>(['customer_features']);
  for (const f of coreFields) if ('table' in f.storage && f.storage.table) tables.add(f.storage.table);
  const present = (await db.kysely.introspection.getTables()).filter((t) => tables.has(t.name));
  return createRegistry({
    customAttributes,
    eventTypes: types.map((t) => t.event_type),
    availableColumns: present.flatMap((t) => t.columns.map((c) => c.name)),
  });
}
