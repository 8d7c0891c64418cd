// The SQL text: values only as parameters, identifiers only from the registry, PostgreSQL placeholders
// numbered and typed. (What the SQL selects is checked against the evaluator in equivalence.test.ts.)
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../registry';
import type { SegmentRule } from '../schema';
import { TEST_AS_OF_DAY } from '../testing/dataset';
import { compileRule } from './compile';

const registry = createRegistry({ customAttributes: [{ key: 'tier', numeric: false }] });
const ctx = { registry, asOfDay: TEST_AS_OF_DAY };
const hostile = "x') OR 1=1 OR ('";

const rule: SegmentRule = {
  version: 1,
  kind: 'group',
  combinator: 'or',
  children: [
    { kind: 'attribute', field: 'region', op: 'in', value: [hostile, '東京都'] },
    { kind: 'attribute', field: 'custom:tier', op: 'eq', value: hostile },
    { kind: 'attribute', field: 'interests', op: 'contains', value: hostile },
    {
      kind: 'behaviour',
      source: 'events',
      eventType: 'favorite',
      aggregate: 'count',
      op: 'gte',
      value: 2,
      window: { type: 'last_days', days: 30 },
      filters: { productIds: [hostile], lowStockBelow: 5 },
    },
  ],
};

describe('compileRule', () => {
  it('never writes a value into the SQL text', () => {
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const { sql, params } = compileRule(rule, dialect, ctx);
      expect(sql).not.toContain('1=1');
      expect(sql).not.toContain('東京都');
      expect(sql).not.toContain('favorite');
      expect(params).toContain(hostile);
      expect(params).toContain(`;${hostile};`);
    }
  });

  it('uses ? on SQLite and numbered, typed $n on PostgreSQL, one per parameter', () => {
    const lite = compileRule(rule, 'sqlite', ctx);
    expect(lite.sql.split('?').length - 1).toBe(lite.params.length);
    const pg = compileRule(rule, 'postgres', ctx);
    const numbers = [...pg.sql.matchAll(/\$(\d+)::(integer|double precision|text)/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: pg.params.length }, (_, i) => i + 1));
    expect(pg.sql).not.toContain('?');
  });

  it('numbers PostgreSQL parameters after an offset, and exposes the WHERE alone', () => {
    const { sql, where, params } = compileRule(rule, 'postgres', ctx, { paramOffset: 3 });
    expect(where).toContain('$4::');
    expect(where).not.toContain('$3::');
    expect(sql).toBe(`SELECT cf.customer_id FROM customer_features cf WHERE ${where}`);
    expect(params.length).toBeGreaterThan(0);
  });

  it('writes only registry columns and fixed table names', () => {
    const { sql } = compileRule(rule, 'sqlite', ctx);
    const identifiers = new Set(sql.match(/\b(cf|o|e|p)\.[a-z_]+/g));
    expect([...identifiers].sort()).toEqual(['cf.custom_attributes', 'cf.customer_id', 'cf.interests', 'cf.region', 'e.customer_id', 'e.event_type', 'e.occurred_day', 'e.product_id', 'p.product_id', 'p.stock']);
  });

  it('uses EXISTS for "at least one" and NOT EXISTS for "none"', () => {
    const count = (op: 'gte' | 'lt', value: number): string =>
      compileRule({ version: 1, kind: 'group', combinator: 'and', children: [{ kind: 'behaviour', source: 'orders', aggregate: 'count', op, value, window: { type: 'ever' } }] }, 'sqlite', ctx).where;
    expect(count('gte', 1)).toMatch(/^EXISTS \(SELECT 1 FROM orders o/);
    expect(count('lt', 1)).toMatch(/^NOT EXISTS \(SELECT 1 FROM orders o/);
    expect(count('gte', 2)).toContain('COUNT(*)');
  });
});
