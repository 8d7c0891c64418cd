// The benchmark database: 1M customers (~10M orders) of deterministic demo data, built once and cached under
// .cache/ (several minutes the first time). KIZUNA_BENCH_CUSTOMERS picks another size for a quick run.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemo, migrate, openDatabase, type KizunaDb } from '@kizuna/db';

export const benchCustomers = Number(process.env.KIZUNA_BENCH_CUSTOMERS ?? 1_000_000);
export const cacheDir = join(import.meta.dirname, '..', '.cache');

export async function openBenchDb(): Promise<KizunaDb> {
  const file = join(cacheDir, `bench-${benchCustomers}.db`);
  if (!existsSync(file)) {
    const partial = `${file}.partial`;
    rmSync(partial, { force: true });
    console.log(`Building the benchmark database (${benchCustomers.toLocaleString('en')} customers) at ${file}…`);
    const db = openDatabase(partial);
    await migrate(db);
    let last = 0;
    const result = await generateDemo(db, {
      customers: benchCustomers,
      onProgress: (p) => {
        const now = Date.now();
        if (now - last > 5000) {
          last = now;
          console.log(`  ${p.phase} ${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')}`);
        }
      },
    });
    db.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    await db.close();
    renameSync(partial, file);
    rmSync(`${partial}-wal`, { force: true });
    rmSync(`${partial}-shm`, { force: true });
    console.log(`  done: ${result.orders.toLocaleString('en')} orders in ${(result.durationMs / 1000).toFixed(1)} s`);
  }
  const db = openDatabase(file);
  await migrate(db);
  return db;
}
