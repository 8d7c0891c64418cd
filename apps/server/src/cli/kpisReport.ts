// Every KPI of the definitions list for one as-of date, as one JSON-safe object keyed by KPI id: what
// `kizuna kpis --json` prints. Windows: all history, and the last 30, 90 and 365 days before the as-of date.
import { dayFromDate, getSettings, resolveAsOf, type KizunaDb } from '@kizuna/db';
import {
  allHistory,
  averageOrderValue,
  cohortRetention,
  countActiveCustomers,
  countCustomers,
  csat,
  dayToIso,
  lastNDays,
  membershipRetention,
  monthStartDay,
  monthIndex,
  orderTotals,
  periodRetention,
  purchaseFrequency,
  repeatPurchaseRate,
  revenuePerCustomer,
  rfmGrid,
  type DayWindow,
  type KpiId,
  type MetricsData,
  type Ratio,
} from '@kizuna/metrics';
import { dataStamp, getKpiState } from '../features/kpis/cache';
import { CLV_HORIZON_DAYS, EXPECTED_PURCHASES_DAYS } from '../features/kpis/models';
import { AT_RISK_BELOW, modelView } from '../features/kpis/service';

/** Months of period retention and cohorts printed. */
const MONTHS = 12;

export interface KpiReport {
  asOfDate: string;
  workspaceAsOfDate: string;
  dataThroughDate: string | null;
  currency: string;
  windows: Record<WindowName, { from: string | null; to: string }>;
  kpis: Record<KpiId, unknown>;
  model: ReturnType<typeof modelView>;
}

type WindowName = 'allHistory' | 'last30Days' | 'last90Days' | 'last365Days';

function perWindow<T>(windows: Record<WindowName, DayWindow>, fn: (window: DayWindow) => T): Record<WindowName, T> {
  return {
    allHistory: fn(windows.allHistory),
    last30Days: fn(windows.last30Days),
    last90Days: fn(windows.last90Days),
    last365Days: fn(windows.last365Days),
  };
}

/** Sums and means of a per-customer column over customers with a value (NaN = none). */
function summarize(values: Float64Array | null): { customers: number; total: number | null; mean: number | null } {
  if (!values) return { customers: 0, total: null, mean: null };
  let customers = 0;
  let total = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    customers++;
    total += v;
  }
  return { customers, total: customers ? total : null, mean: customers ? total / customers : null };
}

function scoreCounts(scores: Uint8Array): number[] {
  const counts = [0, 0, 0, 0, 0];
  for (const s of scores) if (s > 0) counts[s - 1]!++;
  return counts;
}

/** Every KPI as of `asOfDate` (default: the workspace's as-of date); the workspace setting is not changed. */
export async function kpiReport(db: KizunaDb, asOfDate?: string): Promise<KpiReport> {
  const settings = await getSettings(db);
  const asOf = await resolveAsOf(db, settings);
  const asOfDay = asOfDate === undefined ? asOf.asOfDay : dayFromDate(asOfDate);
  const state = await getKpiState(db, asOfDay, await dataStamp(db, asOf.dataThroughDate));
  const data: MetricsData = state.data;
  const windows: Record<WindowName, DayWindow> = {
    allHistory: allHistory(asOfDay),
    last30Days: lastNDays(asOfDay, 30),
    last90Days: lastNDays(asOfDay, 90),
    last365Days: lastNDays(asOfDay, 365),
  };
  const firstMonth = monthStartDay(monthIndex(asOfDay - 1) - (MONTHS - 1));
  const models = state.models.ok ? state.models.models : null;
  const pAlive = summarize(models?.pAlive ?? null);
  let atRisk = 0;
  for (const p of models?.pAlive ?? []) if (p < AT_RISK_BELOW) atRisk++;

  const kpis: Record<KpiId, unknown> = {
    customers: countCustomers(data),
    active_customers: perWindow(windows, (window) => countActiveCustomers(data, { window })),
    repeat_purchase_rate: perWindow(windows, (window) => repeatPurchaseRate(data, { window })),
    period_retention: periodRetention(data, { period: 'month', fromDay: monthStartDay(monthIndex(asOfDay - 1) - MONTHS) }).slice(-MONTHS),
    membership_retention: perWindow(
      { ...windows, allHistory: lastNDays(asOfDay, 365) },
      (window) => membershipRetention(data, { window }),
    ),
    cohort_retention: cohortRetention(data, { fromDay: firstMonth }),
    revenue: perWindow(windows, (window) => orderTotals(data, { window }).revenue),
    aov: perWindow(windows, (window) => averageOrderValue(data, { window })),
    purchase_frequency: perWindow(windows, (window) => purchaseFrequency(data, { window })),
    revenue_per_customer: perWindow(windows, (window) => revenuePerCustomer(data, { window })),
    csat: perWindow(windows, (window) => csat(data, { window })),
    rfm_scores: { r: scoreCounts(state.scores.r), f: scoreCounts(state.scores.f), m: scoreCounts(state.scores.m) },
    rfm_grid: rfmGrid(data, { totals: state.totals, scores: state.scores }),
    probability_alive: { ...pAlive, atRisk, atRiskBelow: AT_RISK_BELOW },
    expected_purchases: { days: EXPECTED_PURCHASES_DAYS, ...summarize(models?.expectedPurchases90d ?? null) },
    predicted_clv: { horizonDays: CLV_HORIZON_DAYS, ...summarize(models?.clv ?? null) },
  };
  return {
    asOfDate: dayToIso(asOfDay),
    workspaceAsOfDate: asOf.asOfDate,
    dataThroughDate: asOf.dataThroughDate,
    currency: settings.currency,
    windows: perWindow(windows, (w) => ({ from: w.start === windows.allHistory.start ? null : dayToIso(w.start), to: dayToIso(w.end) })),
    kpis,
    model: modelView(state),
  };
}

/** A ratio as text: "42.0 % (21 of 50)", or "–" without a value. */
export function ratioText(r: Ratio, percent = true, digits = 1): string {
  if (r.value === null) return '–';
  const value = percent ? `${(r.value * 100).toFixed(digits)} %` : r.value.toFixed(digits);
  return `${value} (${r.numerator.toLocaleString('en-US')} of ${r.denominator.toLocaleString('en-US')})`;
}
