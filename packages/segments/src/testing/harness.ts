// Test-only glue between the pure engine and a real database: writes a TestDataset into a migrated
// database (SQLite or PostgreSQL), loads it back with loadSegmentData and runs compiled rules.
import { loadSegmentData, type KizunaDb } from '@kizuna/db';
import type { SegmentData } from '../data';
import { dayToIso } from '../dates';
import { segmentColumns } from '../fields';
import type { CompiledRule } from '../sql/compile';
import type { TestDataset } from './dataset';

const NOW = '2026-11-01T00:00:00Z';

export async function fillDatabase(db: KizunaDb, ds: TestDataset): Promise<void> {
  const k = db.kysely;
  for (const chunk of chunks(ds.customers, 100)) {
    await k.insertInto('customers').values(chunk.map((c) => ({ customer_id: c.customer_id, updated_at: NOW }))).execute();
    await k.insertInto('customer_features').values(chunk).execute();
  }
  if (ds.products.length > 0) {
    await k.insertInto('products').values(ds.products.map((p) => ({ ...p, name: null, price: null, updated_at: NOW }))).execute();
  }
  for (const chunk of chunks(ds.orders, 200)) {
    await k
      .insertInto('orders')
      .values(chunk.map((o) => ({ ...o, ordered_at: dayToIso(o.ordered_day), updated_at: NOW })))
      .execute();
  }
  for (const chunk of chunks(ds.events, 200)) {
    await k
      .insertInto('events')
      .values(chunk.map((e) => ({ ...e, occurred_at: dayToIso(e.occurred_day), properties: null, updated_at: NOW })))
      .execute();
  }
}

export function loadTestData(db: KizunaDb, ds: TestDataset): Promise<SegmentData> {
  return loadSegmentData(db, { asOfDay: ds.asOfDay, columns: segmentColumns() });
}

/** Runs a compiled rule and returns the customer ids it selects, sorted. */
export async function sqlMembers(db: KizunaDb, compiled: CompiledRule): Promise<string[]> {
  let ids: string[];
  if (db.sqlite) {
    ids = (db.sqlite.prepare(compiled.sql).raw(true).all(...compiled.params) as [string][]).map((r) => r[0]);
  } else if (db.pgPool) {
    const res = await db.pgPool.query<{ customer_id: string }>(compiled.sql, compiled.params);
    ids = res.rows.map((r) => r.customer_id);
  } else {
    throw new Error('No database handle');
  }
  return ids.sort();
}

export function memberIds(data: SegmentData, indexes: readonly number[]): string[] {
  return indexes.map((i) => data.customerIds[i]!).sort();
}

function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
