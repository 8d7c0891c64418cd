// How the two in-memory loaders (segment columns, KPI data) treat the event loop on the benchmark database:
// load time and CPU time, peak RSS, the longest event-loop stall while loading (monitorEventLoopDelay max
// and p99), how late a 20 ms "request" timer fired at worst, and the most CPU time spent between two of its
// runs (what an idle machine would see as the stall; wall-clock stalls also count time the OS gave to other
// processes). Each loader runs in its own child process, one after the other, so peak RSS is that loader's
// alone and two 1M loads never share the machine's memory.
// The database is opened read-only: the cached bench file is never written.
// Run alone: node --import tsx bench/loadStall.bench.ts [segments|kpis] (KIZUNA_BENCH_CUSTOMERS=N for another size).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { loadSegmentData, resolveAsOf, type Database, type KizunaDb } from '@kizuna/db';
import { segmentColumns } from '@kizuna/segments';
import { loadMetricsData } from '../apps/server/src/features/kpis/loader';
import { benchCustomers, cacheDir } from './benchDb';
import { ms, printTable } from './stats';

const loaders = ['segments', 'kpis'] as const;
type LoaderName = (typeof loaders)[number];

interface StallResult {
  loader: LoaderName;
  rows: number;
  loadMs: number;
  /** CPU time (user + system) of the load: less sensitive than loadMs to other processes on the machine. */
  cpuMs: number;
  /** 1-minute load average when the load finished. */
  loadAverage: number;
  peakRssMb: number;
  rssAfterMb: number;
  stallMaxMs: number;
  stallP99Ms: number;
  lateTimerMs: number;
  /** The most CPU time spent between two runs of the 20 ms timer: the stall an idle machine would see. */
  busyMaxMs: number;
}

/** The bench database, read-only (no migration, no WAL writes). */
function openReadOnly(file: string): KizunaDb {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('cache_size = -262144');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { kysely, reader: kysely, dialect: 'sqlite', sqlite, pgPool: null, description: `sqlite:${file} (read-only)`, close: () => kysely.destroy() };
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const sleep = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait));

/** One load in this process, measured. */
export async function measureLoad(loader: LoaderName, file: string): Promise<StallResult> {
  const db = openReadOnly(file);
  try {
    const asOf = await resolveAsOf(db);
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    let lateTimerMs = 0;
    let busyMaxMs = 0;
    const cpuNow = () => {
      const c = process.cpuUsage();
      return (c.user + c.system) / 1000;
    };
    let cpuBefore = cpuNow();
    let expected = performance.now() + 20;
    // Stands in for a request arriving every 20 ms: how long it would wait for the thread.
    const timer = setInterval(() => {
      const now = performance.now();
      lateTimerMs = Math.max(lateTimerMs, now - expected);
      const cpu = cpuNow();
      busyMaxMs = Math.max(busyMaxMs, cpu - cpuBefore);
      cpuBefore = cpu;
      expected = now + 20;
    }, 20);
    histogram.enable();
    // The histogram records from its second tick on: let it start before the load can block the thread.
    await sleep(50);
    const t0 = performance.now();
    cpuBefore = cpuNow();
    const cpu0 = process.cpuUsage();
    let rows: number;
    if (loader === 'segments') {
      const data = await loadSegmentData(db, { asOfDay: asOf.asOfDay, columns: segmentColumns() });
      rows = data.orders.count;
    } else {
      const loaded = await loadMetricsData(db, asOf.asOfDay);
      rows = loaded.data.orders.day.length;
    }
    const loadMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    // Let the timers due during a blocking stretch fire, so the stretch is recorded.
    await sleep(50);
    histogram.disable();
    clearInterval(timer);
    return {
      loader,
      rows,
      loadMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      loadAverage: loadavg()[0]!,
      // maxRSS is the process's peak so far, in KiB.
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      rssAfterMb: mb(process.memoryUsage().rss),
      stallMaxMs: histogram.max / 1e6,
      stallP99Ms: histogram.percentile(99) / 1e6,
      lateTimerMs,
      busyMaxMs,
    };
  } finally {
    await db.close();
  }
}

function benchFile(): string {
  const file = join(cacheDir, `bench-${benchCustomers}.db`);
  if (!existsSync(file)) throw new Error(`${file} is missing: build it first (npm run bench -- segments-db)`);
  return file;
}

/** Every loader, each in a fresh child process, one after the other. */
export async function benchLoadStall(): Promise<void> {
  console.log(`\nLoader stalls on ${benchFile()} (one child process per loader)`);
  const results: StallResult[] = [];
  for (const loader of loaders) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), loader, '--json'], {
      encoding: 'utf8',
      env: process.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (child.status !== 0) throw new Error(`the ${loader} load failed (exit ${child.status})`);
    results.push(JSON.parse(child.stdout.trim().split('\n').at(-1)!) as StallResult);
  }
  printResults(results);
}

function printResults(results: StallResult[]): void {
  printTable(
    ['loader', 'orders', 'load', 'CPU', 'load avg', 'peak RSS', 'RSS after', 'stall max', 'stall p99', 'late 20 ms timer', 'busy max (CPU)'],
    results.map((r) => [
      r.loader,
      r.rows.toLocaleString('en'),
      ms(r.loadMs),
      ms(r.cpuMs),
      r.loadAverage.toFixed(1),
      `${r.peakRssMb} MB`,
      `${r.rssAfterMb} MB`,
      ms(r.stallMaxMs),
      ms(r.stallP99Ms),
      ms(r.lateTimerMs),
      ms(r.busyMaxMs),
    ]),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const args = process.argv.slice(2);
  const which = args.find((a) => !a.startsWith('--'));
  if (which === undefined) {
    await benchLoadStall();
  } else {
    if (!(loaders as readonly string[]).includes(which)) throw new Error(`unknown loader ${which}; known: ${loaders.join(', ')}`);
    const result = await measureLoad(which as LoaderName, benchFile());
    if (args.includes('--json')) console.log(JSON.stringify(result));
    else printResults([result]);
  }
}
