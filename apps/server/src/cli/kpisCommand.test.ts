// `kizuna kpis` in-process through runCli on a temp demo database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo, getSettings, migrate, openDatabase } from '@kizuna/db';
import { KPI_DEFINITIONS } from '@kizuna/metrics';
import { runCli } from './program';
import type { KpiReport } from './kpisReport';

/** The parts of the report's KPIs these tests read. */
interface Kpis {
  customers: number;
  active_customers: { last30Days: number; last365Days: number };
  repeat_purchase_rate: { allHistory: { value: number } };
  period_retention: { period: string }[];
  cohort_retention: { cohort: string }[];
  rfm_grid: { cells: unknown[]; customers: number };
  predicted_clv: { mean: number };
  probability_alive: { customers: number };
}

async function run(dbPath: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--db', dbPath, ...argv], { out: (t) => void out.push(t), err: (t) => void err.push(t) }, () => dbPath);
  return { code, out: out.join(''), err: err.join('') };
}

describe('kizuna kpis', () => {
  let dir: string;
  let dbPath: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kizuna-kpis-cli-'));
    dbPath = join(dir, 'kizuna.db');
    const db = openDatabase(dbPath);
    await migrate(db);
    await generateDemo(db, { customers: 200, seed: 4 });
    await db.close();
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints every KPI of the definitions as JSON, as of the workspace as-of date', async () => {
    const { code, out } = await run(dbPath, 'kpis', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as KpiReport;
    expect(report).toMatchObject({ asOfDate: '2026-11-01', workspaceAsOfDate: '2026-11-01', dataThroughDate: '2026-10-31', currency: 'JPY' });
    expect(Object.keys(report.kpis).sort()).toEqual(KPI_DEFINITIONS.map((d) => d.id).sort());
    const k = report.kpis as unknown as Kpis;
    expect(k.customers).toBe(200);
    expect(k.active_customers.last30Days).toBeGreaterThan(0);
    expect(k.active_customers.last30Days).toBeLessThanOrEqual(k.active_customers.last365Days);
    expect(k.repeat_purchase_rate.allHistory.value).toBeGreaterThan(0);
    expect(k.period_retention).toHaveLength(12);
    expect(k.period_retention.at(-1)!.period).toBe('2026-09');
    expect(k.cohort_retention[0]!.cohort).toBe('2025-11');
    expect(k.rfm_grid.cells).toHaveLength(25);
    expect(k.predicted_clv.mean).toBeGreaterThan(0);
    expect(k.probability_alive.customers).toBe(k.rfm_grid.customers);
    expect(report.model.available).toBe(true);
    expect(report.windows.last30Days).toEqual({ from: '2026-10-02', to: '2026-10-31' });
  });

  it('computes as of --as-of without changing the setting, and refuses a bad date', async () => {
    const { code, out } = await run(dbPath, 'kpis', '--json', '--as-of', '2026-06-01');
    expect(code).toBe(0);
    const report = JSON.parse(out) as KpiReport;
    expect(report).toMatchObject({ asOfDate: '2026-06-01', workspaceAsOfDate: '2026-11-01' });
    expect((report.kpis as unknown as Kpis).cohort_retention.at(-1)!.cohort).toBe('2026-05');
    const db = openDatabase(dbPath);
    try {
      expect((await getSettings(db)).asOfDate).toBeNull();
    } finally {
      await db.close();
    }
    const bad = await run(dbPath, 'kpis', '--as-of', '2026-13-01');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--as-of expects a date as YYYY-MM-DD');
  });

  it('prints a readable summary without --json', async () => {
    const { code, out } = await run(dbPath, 'kpis');
    expect(code).toBe(0);
    expect(out).toMatch(/^As of\s+2026-11-01\n/);
    expect(out).toMatch(/Customers\s+200\n/);
    expect(out).toMatch(/Repeat-purchase rate\s+\d+\.\d % \(\d+ of \d+\)/);
    expect(out).toContain('BG/NBD + Gamma-Gamma fitted');
  });
});
