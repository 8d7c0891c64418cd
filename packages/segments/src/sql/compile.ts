// compileRule: a valid rule → one parameterized SELECT of customer ids from customer_features (alias cf).
// One walker over the tree; identifiers come only from the registry, values only as bound parameters.
import { assertNever, RuleError } from '../errors';
import { lowerBehaviour, lowerFieldCondition } from '../lower';
import type { FieldRegistry } from '../registry';
import type { ReachabilityCondition, RuleNode, SegmentRule } from '../schema';
import { assertValidRule, type ValidationContext } from '../validate';
import { behaviourSql } from './behaviourSql';
import { fieldConditionSql } from './fieldSql';
import { SqlWriter, type SqlDialect } from './writer';

export interface RuleContext extends ValidationContext {
  registry: FieldRegistry;
}

export interface CompileOptions {
  /** PostgreSQL: number the first parameter $(offset + 1), to embed the SQL after other parameters. */
  paramOffset?: number;
}

export interface CompiledRule {
  /** `SELECT cf.customer_id FROM customer_features cf WHERE …` */
  sql: string;
  params: unknown[];
  /** The WHERE condition alone (same parameters), to count or insert with: `… FROM customer_features cf WHERE ${where}`. */
  where: string;
}

/** PostgreSQL accepts at most 65535 parameters in one statement. */
const MAX_PARAMS = 65_000;

export function compileRule(rule: unknown, dialect: SqlDialect, ctx: RuleContext, options: CompileOptions = {}): CompiledRule {
  const valid = assertValidRule(rule, ctx.registry, ctx);
  const w = new SqlWriter(dialect, options.paramOffset ?? 0);
  const where = nodeSql(valid, w, ctx);
  if (w.params.length > MAX_PARAMS) {
    throw new RuleError('too_large', `The rule needs ${w.params.length} parameters; at most ${MAX_PARAMS} are allowed`, []);
  }
  return { sql: `SELECT cf.customer_id FROM customer_features cf WHERE ${where}`, params: w.params, where };
}

function nodeSql(node: RuleNode, w: SqlWriter, ctx: RuleContext): string {
  switch (node.kind) {
    case 'group': {
      const parts = node.children.map((c) => nodeSql(c, w, ctx));
      const joined = parts.length === 1 ? parts[0]! : `(${parts.join(node.combinator === 'and' ? ' AND ' : ' OR ')})`;
      return node.negate ? `(NOT ${joined})` : joined;
    }
    case 'attribute':
    case 'computed': {
      const field = ctx.registry.get(node.field);
      const lowered = field ? lowerFieldCondition(field, node.op, node.value, ctx.asOfDay) : null;
      if (!field || !lowered?.ok) throw new Error(`Validated condition on ${node.field} did not lower`);
      return fieldConditionSql(w, field.storage, lowered.test);
    }
    case 'behaviour': {
      const lowered = lowerBehaviour(node, ctx.asOfDay);
      if (!lowered.ok) throw new Error('Validated behaviour condition did not lower');
      return behaviourSql(w, lowered.test);
    }
    case 'segment': {
      // Inlined: always current, and validation has already rejected cycles and unknown ids.
      const target: SegmentRule | null | undefined = ctx.resolveSegment?.(node.segmentId);
      if (!target) throw new Error(`Validated segment ${node.segmentId} did not resolve`);
      const inner = nodeSql(target, w, ctx);
      return node.op === 'in' ? inner : `(NOT ${inner})`;
    }
    case 'reachability':
      return reachabilitySql(node);
    default:
      return assertNever(node);
  }
}

function reachabilitySql(node: ReachabilityCondition): string {
  switch (node.channel) {
    case 'email':
      return '(cf.has_email = 1 AND cf.email_opt_in = 1)';
    case 'sms':
      return '(cf.sms_opt_in = 1)';
    case 'push':
      return '(cf.push_opt_in = 1)';
    case 'line':
      return '(cf.line_opt_in = 1)';
    default:
      return assertNever(node.channel);
  }
}
