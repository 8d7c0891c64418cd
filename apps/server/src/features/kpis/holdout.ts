// kpis.holdout: a campaign's treatment group (customers the matrix sends it to) against its holdout (the
// customers it holds back), on the share who bought during the campaign, with the difference, its 95 %
// interval and a two-proportion z-test (compareRates), plus revenue per customer in each group.
import { resolveAsOf, type KizunaDb } from '@kizuna/db';
import { compareRates, dayToIso, isoToDay, orderTotals, ratio, type Cut, type MetricsData } from '@kizuna/metrics';
import { NotFoundError } from '../../errors';
import { computeMatrix } from '../matrix/compute';
import { dataStamp, getKpiState } from './cache';
import { indexesToCut } from './segmentCuts';

export interface HoldoutGroup {
  customers: number;
  /** Customers with an order in the campaign window. */
  buyers: number;
  /** buyers / customers; null for an empty group. */
  rate: number | null;
  /** Revenue in the window, minor units. */
  revenue: number;
  revenuePerCustomer: number | null;
}

export interface HoldoutComparison {
  campaignId: string;
  campaignName: string;
  holdoutPercent: number;
  asOfDate: string;
  /** The window compared: the campaign's start to its end, cut at the day before the as-of date. */
  window: { from: string; to: string } | null;
  /** not_started: the campaign starts on or after the as-of date, so there is nothing to compare yet. */
  status: 'ok' | 'not_started';
  treatment: HoldoutGroup;
  holdout: HoldoutGroup;
  /** Treatment − holdout purchase rate (points of the 0–1 scale), 95 % interval, z and p; null without both rates. */
  difference: { delta: number; relative: number | null; low: number; high: number; z: number | null; pValue: number | null } | null;
}

function group(data: MetricsData, cut: Cut, customers: number, window: { start: number; end: number } | null): HoldoutGroup {
  const totals = window ? orderTotals(data, { window, cut }) : { customers: 0, revenue: 0 };
  return {
    customers,
    buyers: totals.customers,
    rate: ratio(totals.customers, customers).value,
    revenue: totals.revenue,
    revenuePerCustomer: ratio(totals.revenue, customers).value,
  };
}

/** The standard normal quantile of 0.975: a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

export async function holdoutComparison(db: KizunaDb, campaignId: string): Promise<HoldoutComparison> {
  const matrix = await computeMatrix(db);
  const campaign = matrix.campaigns.find((c) => c.id === campaignId);
  const allocation = matrix.allocation.campaigns.find((c) => c.campaignId === campaignId);
  if (!campaign || !allocation) throw new NotFoundError('No active campaign with that id in the matrix');
  const asOf = await resolveAsOf(db);
  const state = await getKpiState(db, asOf.asOfDay, await dataStamp(db, asOf.dataThroughDate));
  const ids = matrix.engine.customerIds;
  // The campaign reaches the union of its cells: each customer is in at most one cell of a campaign.
  const treated = allocation.cells.flatMap((c) => c.treatmentSet.toIndexes());
  const held = allocation.cells.flatMap((c) => c.holdoutSet.toIndexes());
  const t = indexesToCut(treated, ids, state.customerIds);
  const h = indexesToCut(held, ids, state.customerIds);

  const start = isoToDay(campaign.startDate);
  const end = Math.min(campaign.endDate === null ? Infinity : isoToDay(campaign.endDate), asOf.asOfDay - 1);
  const window = start <= end ? { start, end } : null;
  const treatment = group(state.data, t.cut, t.members, window);
  const holdout = group(state.data, h.cut, h.members, window);
  let difference: HoldoutComparison['difference'] = null;
  if (window && treatment.rate !== null && holdout.rate !== null) {
    const c = compareRates(ratio(treatment.buyers, treatment.customers), ratio(holdout.buyers, holdout.customers));
    // Wald interval of the difference (unpooled): the test uses the pooled rate, the interval must not.
    const se = Math.sqrt((treatment.rate * (1 - treatment.rate)) / treatment.customers + (holdout.rate * (1 - holdout.rate)) / holdout.customers);
    const delta = treatment.rate - holdout.rate;
    difference = { delta, relative: c.relative, low: delta - Z95 * se, high: delta + Z95 * se, z: c.z, pValue: c.pValue };
  }
  return {
    campaignId,
    campaignName: campaign.name,
    holdoutPercent: campaign.holdoutPercent,
    asOfDate: asOf.asOfDate,
    window: window ? { from: dayToIso(window.start), to: dayToIso(window.end) } : null,
    status: window ? 'ok' : 'not_started',
    treatment,
    holdout,
    difference,
  };
}
