// What kpis.dashboard returns: plain JSON (dates as ISO strings, money in minor units, rates as 0–1 with
// null for "no value"), shaped for the KPI page's tiles, charts and tables.
import type { BgNbdParams, CohortCell, KpiId, RfmCell } from '@kizuna/metrics';
import type { ModelCheck, ModelParams } from './models';

export const tileIds = [
  'customers',
  'active_customers',
  'repeat_purchase_rate',
  'retention',
  'churn',
  'aov',
  'purchase_frequency',
  'revenue_per_customer',
  'csat',
  'predicted_clv',
] as const;
export type TileId = (typeof tileIds)[number];

/** count: customers · share: 0–1 · money: minor units · ratio: orders per customer. */
export type TileUnit = 'count' | 'share' | 'money' | 'ratio';

export interface SeriesPoint {
  /** Period label (`2024-03`, or the Monday `2024-03-04` of a week). */
  period: string;
  value: number | null;
}

export interface KpiTile {
  id: TileId;
  /** The KPI_DEFINITIONS entry that defines it (for the info tip). */
  definitionId: KpiId;
  unit: TileUnit;
  /** Value in the tile's period; null when it has no value (an empty group has no rate). */
  value: number | null;
  /** Value in the period before. */
  previous: number | null;
  /** value − previous (for shares: points of the 0–1 scale). */
  delta: number | null;
  /** (value − previous) / |previous|. */
  relative: number | null;
  /** For rates and averages: what the value is a ratio of ("12 of 40"). */
  numerator: number | null;
  denominator: number | null;
  /** One point per period up to the tile's period, oldest first. */
  series: SeriesPoint[];
}

export interface PeriodRef {
  period: string;
  startDate: string;
  /** Last day counted (the range's end for a period cut short). */
  endDate: string;
  complete: boolean;
}

export interface TrendRow extends PeriodRef {
  activeCustomers: number;
  /** Customers whose first order fell in the period. */
  newCustomers: number;
  orders: number;
  revenue: number;
  aov: number | null;
  /** Active customers with two or more purchase days within the period / active customers. */
  repeatRate: number | null;
  /** Of this period's active customers, the share also active in the next; null for the last period. */
  retention: number | null;
  churn: number | null;
}

export interface CsatPoint extends PeriodRef {
  responses: number;
  satisfied: number;
  /** satisfied / responses. */
  share: number | null;
  mean: number | null;
}

/** A cohort cell as the metrics define it (docs/kpis.md). */
export type CohortCellView = CohortCell;

export interface CohortRowView {
  cohort: string;
  size: number;
  cells: CohortCellView[];
}

export interface RfmGridView {
  /** 25 cells, R-major: index (r − 1) · 5 + (f − 1). */
  cells: RfmCell[];
  customers: number;
  revenue: number;
}

export interface ModelView {
  /** False when no model could be fitted (too few repeat buyers); reason says why. */
  available: boolean;
  reason: string | null;
  params: ModelParams | null;
  horizonDays: number;
  /** Customers with a prediction (a purchase before the as-of date). */
  customers: number;
  meanPAlive: number | null;
  /** Customers whose probability alive is below 0.3: the "at risk" segment. */
  atRisk: number;
  check: ModelCheck | null;
  checkReason: string | null;
}

export interface SegmentCutView {
  id: string;
  name: string;
  /** Customers in the segment (its members as of the workspace's as-of date). */
  members: number;
  tiles: KpiTile[];
}

export interface KpiDashboard {
  /** The as-of date every number is computed for (the request's, else the workspace's). */
  asOfDate: string;
  workspaceAsOfDate: string;
  dataThroughDate: string | null;
  currency: string;
  period: 'month' | 'week';
  range: { from: string; to: string };
  /** The period the tiles show (the last complete one in the range), and the one they are compared with. */
  current: PeriodRef | null;
  previous: PeriodRef | null;
  tiles: KpiTile[];
  trend: TrendRow[];
  csat: CsatPoint[];
  cohorts: CohortRowView[];
  rfm: RfmGridView;
  model: ModelView;
  segments: SegmentCutView[];
  /** Segment ids asked for that do not exist (deleted, or never saved). */
  missingSegmentIds: string[];
  timings: { computeMs: number; loadMs: number; deriveMs: number };
}

export type { BgNbdParams };
