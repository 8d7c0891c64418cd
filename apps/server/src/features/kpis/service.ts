// kpis.dashboard: every number of the KPI page for one as-of date, range and period, overall and per
// segment, computed from the cached KPI state.
import { dayFromDate, getSettings, resolveAsOf, type KizunaDb } from '@kizuna/db';
import { cohortRetention, dayToIso, rfmGrid } from '@kizuna/metrics';
import { dataStamp, getKpiState, persistPredictions, type KpiState } from './cache';
import { CLV_HORIZON_DAYS } from './models';
import { resolveRange } from './range';
import { kpiDashboardInput, type KpiDashboardInput } from './schema';
import { segmentCuts } from './segmentCuts';
import { computeTiles } from './tiles';
import type { CohortRowView, KpiDashboard, ModelView, PeriodRef } from './types';

/** The probability-alive threshold of the "at risk" count. */
export const AT_RISK_BELOW = 0.3;

/** The KPI state for a dashboard request: the request's as-of day or the workspace's. */
export async function stateFor(db: KizunaDb, asOfDate?: string): Promise<{ state: KpiState; workspaceAsOfDate: string; dataThroughDate: string | null }> {
  const asOf = await resolveAsOf(db);
  const asOfDay = asOfDate === undefined ? asOf.asOfDay : dayFromDate(asOfDate);
  const state = await getKpiState(db, asOfDay, await dataStamp(db, asOf.dataThroughDate));
  // Brings customer_predictions in step when this is the workspace's own as-of date (a no-op when it is).
  if (asOfDay === asOf.asOfDay) await persistPredictions(db, state);
  return { state, workspaceAsOfDate: asOf.asOfDate, dataThroughDate: asOf.dataThroughDate };
}

export function modelView(state: KpiState): ModelView {
  const check = state.check;
  const base = { horizonDays: CLV_HORIZON_DAYS, check: check.ok ? check.check : null, checkReason: check.ok ? null : check.reason };
  if (!state.models.ok) {
    return { ...base, available: false, reason: state.models.reason, params: null, customers: 0, meanPAlive: null, atRisk: 0 };
  }
  const { pAlive, params } = state.models.models;
  let customers = 0;
  let sum = 0;
  let atRisk = 0;
  for (const p of pAlive) {
    if (Number.isNaN(p)) continue;
    customers++;
    sum += p;
    if (p < AT_RISK_BELOW) atRisk++;
  }
  return { ...base, available: true, reason: null, params, customers, meanPAlive: customers ? sum / customers : null, atRisk };
}

function cohortRows(rows: ReturnType<typeof cohortRetention>): CohortRowView[] {
  return rows.map((r) => ({
    cohort: r.cohort,
    size: r.size,
    cells: r.cells.map((c) => ({
      monthsSinceFirst: c.monthsSinceFirst,
      customers: c.customers,
      revenue: c.revenue,
      customerRetention: c.customerRetention,
      revenueRetention: c.revenueRetention,
      complete: c.complete,
    })),
  }));
}

export async function kpiDashboard(db: KizunaDb, rawInput: KpiDashboardInput): Promise<KpiDashboard> {
  const input = kpiDashboardInput.parse(rawInput);
  const settings = await getSettings(db);
  const { state, workspaceAsOfDate, dataThroughDate } = await stateFor(db, input.asOfDate);
  const started = performance.now();
  const range = resolveRange(
    state.asOfDay,
    input.period,
    input.from === undefined ? undefined : dayFromDate(input.from),
    input.to === undefined ? undefined : dayFromDate(input.to),
  );
  // Everything after the range's end is out of sight; the models and R/F/M stay as of the as-of date.
  const view = { ...state.data, asOfDay: range.toDay + 1 };
  const tileInput = { view, period: input.period, fromDay: range.fromDay, clvAt: state.clvAt };
  const all = computeTiles(tileInput);
  const { cuts, missing } = await segmentCuts(db, input.segmentIds, state.customerIds);
  const segments = cuts.map((s) => ({
    id: s.id,
    name: s.name,
    members: s.members,
    tiles: computeTiles({ ...tileInput, cut: s.cut }).tiles,
  }));
  const trendPoint = (i: number): PeriodRef | null => {
    const row = all.trend[i];
    return row ? { period: row.period, startDate: row.startDate, endDate: row.endDate, complete: row.complete } : null;
  };
  const grid = rfmGrid(state.data, { totals: state.totals, scores: state.scores });
  return {
    asOfDate: dayToIso(state.asOfDay),
    workspaceAsOfDate,
    dataThroughDate,
    currency: settings.currency,
    period: input.period,
    range: { from: dayToIso(range.fromDay), to: dayToIso(range.toDay) },
    current: all.current >= 0 ? trendPoint(all.current) : null,
    previous: all.current >= 1 ? trendPoint(all.current - 1) : null,
    tiles: all.tiles,
    trend: all.trend,
    csat: all.csat,
    cohorts: cohortRows(cohortRetention(view, { fromDay: range.fromDay })),
    rfm: { cells: grid.cells, customers: grid.customers, revenue: grid.revenue },
    model: modelView(state),
    segments,
    missingSegmentIds: missing,
    timings: { computeMs: Math.round(performance.now() - started), loadMs: state.loadMs, deriveMs: state.deriveMs },
  };
}

