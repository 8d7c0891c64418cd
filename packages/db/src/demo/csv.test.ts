import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { KizunaDb } from '../client';
import { importCsv } from '../import';
import { createTestDb } from '../testing';
import { demoCsvHeaders, writeDemoCsv } from './csv';
import { generateDemo } from './write';

const dir = mkdtempSync(join(tmpdir(), 'kizuna-demo-csv-'));
const dbs: KizunaDb[] = [];
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const db of dbs) await db.close();
});

function rowsOf(db: KizunaDb, table: string, key: string): unknown[] {
  return db.sqlite!.prepare(`SELECT * FROM ${table} ORDER BY ${key}`).all().map((row) => {
    const { updated_at: _ignored, ...rest } = row as Record<string, unknown>;
    return rest;
  });
}

describe('writeDemoCsv', () => {
  it('writes the four contract files with headers and one line per row', () => {
    const result = writeDemoCsv(join(dir, 'small'), { customers: 50, seed: 9 });
    expect(result.rows.customers).toBe(50);
    for (const file of ['customers', 'orders', 'events', 'products'] as const) {
      const text = readFileSync(result.paths[file], 'utf8');
      expect(text.split('\n')[0]).toBe(demoCsvHeaders[file].join(','));
      // No demo value contains a line break, so lines = header + rows + the final newline.
      expect(text.split('\n').length).toBe(result.rows[file] + 2);
    }
  });

  it('imports (strict) into exactly the rows generateDemo writes', async () => {
    const csv = writeDemoCsv(join(dir, 'roundtrip'), { customers: 300, seed: 11 });
    const imported = await createTestDb();
    const generated = await createTestDb();
    dbs.push(imported, generated);
    const report = await importCsv(
      imported,
      { customers: { path: csv.paths.customers }, orders: { path: csv.paths.orders }, events: { path: csv.paths.events }, products: { path: csv.paths.products } },
      { strict: true },
    );
    expect(report.errors.slice(0, 5)).toEqual([]);
    expect(report.ok).toBe(true);
    const result = await generateDemo(generated, { customers: 300, seed: 11 });
    expect(report.counts.orders.inserted).toBe(result.orders);
    expect(report.counts.events.inserted).toBe(result.events);
    for (const [table, key] of [['products', 'product_id'], ['customers', 'customer_id'], ['orders', 'order_id'], ['events', 'event_key'], ['customer_features', 'customer_id']] as const) {
      expect(rowsOf(imported, table, key)).toEqual(rowsOf(generated, table, key));
    }
  });
});
