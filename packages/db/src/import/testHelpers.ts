// Helpers for the import tests (SQLite and PostgreSQL suites): in-memory CSV sources, fixture paths and
// whole-database snapshots.
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { KizunaDb } from '../client';
import { createPgTestDb } from '../testing';
import type { CsvSource } from './types';

export function csv(text: string): CsvSource {
  const bytes = Buffer.from(text, 'utf8');
  return { stream: () => Readable.from([bytes]), size: bytes.length };
}

/** A source that delivers its text in small chunks, splitting multi-byte characters and CRLFs. */
export function chunkedCsv(text: string, chunk = 7): CsvSource {
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  return { stream: () => Readable.from(parts), size: bytes.length };
}

export function fixture(name: string): CsvSource {
  return { path: fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)) };
}

const snapshotTables = {
  products: 'product_id',
  customers: 'customer_id',
  orders: 'order_id',
  events: 'event_key',
  customer_features: 'customer_id',
  settings: 'key',
} as const;

/** Every row of the data tables, in key order: equal snapshots mean nothing changed. */
export async function snapshot(db: KizunaDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, key] of Object.entries(snapshotTables)) {
    out[table] = await db.kysely
      .selectFrom(table as keyof typeof snapshotTables)
      .selectAll()
      .orderBy(key as never)
      .execute();
  }
  return out;
}

export async function rowsOf<T = Record<string, unknown>>(db: KizunaDb, table: 'customers' | 'orders' | 'events' | 'products' | 'customer_features' | 'imports', key: string): Promise<T[]> {
  return (await db.kysely.selectFrom(table).selectAll().orderBy(key as never).execute()) as T[];
}

/**
 * createPgTestDb, plus a pool error handler: dropping the test database can terminate a connection the pool
 * is still closing, and an 'error' event without a listener would crash the test run.
 */
export async function openPgTestDb(): Promise<KizunaDb> {
  const db = await createPgTestDb();
  db.pgPool?.on('error', () => undefined);
  return db;
}
