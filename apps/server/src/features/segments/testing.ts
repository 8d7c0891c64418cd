// Helpers for the segments and overlaps tests: a small demo workspace, rules that match parts of it, and
// the members of a rule by the compiled SQL and by the in-memory engine, for comparing the two.
import { CompiledQuery } from 'kysely';
import { createTestDb, generateDemo, type KizunaDb } from '@kizuna/db';
import { compileRule, type GroupNode, type RuleNode, type SegmentRule } from '@kizuna/segments';
import { getSegmentEngine } from './engine';

/** A migrated in-memory SQLite database with `customers` demo customers (orders, events, products). */
export async function demoDb(customers = 500, seed = 11): Promise<KizunaDb> {
  const db = await createTestDb();
  await generateDemo(db, { customers, seed });
  return db;
}

export const ruleOf = (...children: RuleNode[]): SegmentRule => ({ version: 1, kind: 'group', combinator: 'and', children });
export const anyOf = (...children: RuleNode[]): SegmentRule => ({ version: 1, kind: 'group', combinator: 'or', children });
/** A nested group (no version: only the root carries it). */
export const allOf = (...children: RuleNode[]): GroupNode => ({ kind: 'group', combinator: 'and', children });
export const eitherOf = (...children: RuleNode[]): GroupNode => ({ kind: 'group', combinator: 'or', children });
/** A whole rule as a child node of another rule. */
export function asNode(rule: SegmentRule): GroupNode {
  const { version: _version, ...group } = rule;
  return group;
}

export const women: RuleNode = { kind: 'attribute', field: 'gender', op: 'eq', value: 'female' };
export const greaterTokyo: RuleNode = { kind: 'attribute', field: 'region', op: 'in', value: ['東京都', '神奈川県', '千葉県', '埼玉県'] };
export const boughtLast90: RuleNode = {
  kind: 'behaviour',
  source: 'orders',
  aggregate: 'count',
  op: 'gte',
  value: 2,
  window: { type: 'last_days', days: 90 },
};
export const emailReachable: RuleNode = { kind: 'reachability', channel: 'email' };
export const highValue: RuleNode = { kind: 'computed', field: 'm_score', op: 'gte', value: 4 };

/** Customer ids the compiled SQL selects (saved segments resolved from the database), sorted. */
export async function sqlMemberIds(db: KizunaDb, rule: unknown, segmentId?: string): Promise<string[]> {
  const engine = await getSegmentEngine(db);
  const rules = await engine.savedRules();
  const compiled = compileRule(rule, db.dialect, { registry: engine.registry, asOfDay: engine.asOfDay, resolveSegment: (id) => rules.get(id), segmentId });
  const res = await db.kysely.executeQuery<{ customer_id: string }>(CompiledQuery.raw(compiled.sql, compiled.params));
  return res.rows.map((r) => r.customer_id).sort();
}

/** Customer ids the in-memory engine selects, sorted. */
export async function memoryMemberIds(db: KizunaDb, rule: unknown, segmentId?: string): Promise<string[]> {
  const engine = await getSegmentEngine(db);
  const bits = await engine.evaluate(rule, segmentId);
  return bits
    .toIndexes()
    .map((i) => engine.customerIds[i]!)
    .sort();
}

export { failure } from '../../testing';
