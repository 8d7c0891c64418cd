// Data layer: time to import 1M orders from CSV into an empty SQLite database, and to rebuild the customer
// feature table on the benchmark database.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { importCsv, migrate, openDatabase, rebuildFeatures, writeDemoCsv } from '@kizuna/db';
import { openBenchDb, cacheDir } from './benchDb';
import { ms, printTable } from './stats';

export async function benchData(): Promise<void> {
  // ~103k demo customers place ~1M orders.
  const dir = join(cacheDir, 'import-1m');
  if (!existsSync(join(dir, 'orders.csv'))) {
    mkdirSync(dir, { recursive: true });
    writeDemoCsv(dir, { customers: 103_000 });
  }
  const rows: string[][] = [];
  const target = join(cacheDir, 'import-target.db');
  for (const f of [target, `${target}-wal`, `${target}-shm`]) rmSync(f, { force: true });
  const db = openDatabase(target);
  await migrate(db);
  const files = { customers: { path: join(dir, 'customers.csv') }, orders: { path: join(dir, 'orders.csv') } };
  const report = await importCsv(db, files, { rebuildFeatures: false });
  if (!report.ok) throw new Error(`bench import failed: ${report.errorCount} bad rows`);
  rows.push([
    `import customers.csv + orders.csv (${report.counts.orders.inserted.toLocaleString('en')} orders)`,
    ms(report.durationMs),
  ]);
  const again = await importCsv(db, files, { rebuildFeatures: false });
  rows.push([`re-import the same files (${again.counts.orders.updated.toLocaleString('en')} updated)`, ms(again.durationMs)]);
  await db.close();
  for (const f of [target, `${target}-wal`, `${target}-shm`]) rmSync(f, { force: true });

  const big = await openBenchDb();
  const { n } = big.sqlite!.prepare('SELECT count(*) AS n FROM orders').get() as { n: number };
  const rebuilt = await rebuildFeatures(big);
  rows.push([
    `rebuild features (${rebuilt.customers.toLocaleString('en')} customers, ${n.toLocaleString('en')} orders)`,
    ms(rebuilt.durationMs),
  ]);
  await big.close();
  console.log('\n## Data layer (one run each)\n');
  printTable(['case', 'time'], rows);
}
