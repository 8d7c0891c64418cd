// The whole KPI stack on PostgreSQL: the same demo workspace gives the same dashboard as on SQLite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgTestDb, createTestDb, generateDemo, readPredictionFit, type KizunaDb } from '@kizuna/db';
import { callerAs } from '../../testing';

describe('kpis.dashboard on PostgreSQL', () => {
  let pg: KizunaDb;
  let lite: KizunaDb;
  beforeAll(async () => {
    pg = await createPgTestDb();
    lite = await createTestDb();
    for (const db of [pg, lite]) await generateDemo(db, { customers: 250, seed: 21 });
  });
  afterAll(async () => {
    await pg.close();
    await lite.close();
  });

  it('equals the SQLite dashboard for the same data, and stores the predictions', async () => {
    const input = { period: 'month' as const, asOfDate: '2026-09-15' };
    const onPg = await (await callerAs(pg, 'manager')).caller.kpis.dashboard(input);
    const onLite = await (await callerAs(lite, 'manager')).caller.kpis.dashboard(input);
    const strip = (d: typeof onPg) => ({ ...d, timings: null });
    expect(strip(onPg)).toEqual(strip(onLite));
    expect(onPg.tiles.find((t) => t.id === 'customers')?.value).toBeGreaterThan(0);
    await (await callerAs(pg, 'manager')).caller.kpis.dashboard({ period: 'month' });
    expect((await readPredictionFit(pg))?.asOfDate).toBe('2026-11-01');
  });
});
