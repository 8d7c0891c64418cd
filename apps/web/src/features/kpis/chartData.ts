// Shapes dashboard results into chart rows: trend series, CSAT, the model check, and per-segment series of
// one KPI. Values stay numbers (shares 0–1, money in minor units); components format them.
import type { CsatPoint, KpiDashboard, KpiTileId, ModelCheck, TrendRow } from './kpiTypes';

export interface TrendChartRow {
  period: string;
  complete: boolean;
  activeCustomers: number;
  newCustomers: number;
  repeatRate: number | null;
  retention: number | null;
  churn: number | null;
  aov: number | null;
  revenue: number;
}

export function toTrendSeries(trend: readonly TrendRow[]): TrendChartRow[] {
  return trend.map((r) => ({
    period: r.period,
    complete: r.complete,
    activeCustomers: r.activeCustomers,
    newCustomers: r.newCustomers,
    repeatRate: r.repeatRate,
    retention: r.retention,
    churn: r.churn,
    aov: r.aov,
    revenue: r.revenue,
  }));
}

/** Axis label of a period: months "Oct 2026" / "2026年10月", weeks by their Monday "Oct 19" / "10/19". */
export function periodLabel(period: string, locale: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
  }
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (day) {
    const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
  }
  return period;
}

export interface CsatChartRow {
  period: string;
  share: number | null;
  mean: number | null;
  responses: number;
}

export function toCsatSeries(points: readonly CsatPoint[]): CsatChartRow[] {
  return points.map((p) => ({ period: p.period, share: p.share, mean: p.mean, responses: p.responses }));
}

export interface ModelCheckRow {
  /** "0" … "6", and "7+" for the last bucket. */
  bucket: string;
  customers: number;
  actual: number | null;
  predicted: number | null;
}

export function toModelCheckRows(check: ModelCheck): ModelCheckRow[] {
  const last = check.buckets.length - 1;
  return check.buckets.map((b, i) => ({
    bucket: i === last ? `${b.repeatPurchases}+` : String(b.repeatPurchases),
    customers: b.customers,
    actual: b.actual,
    predicted: b.predicted,
  }));
}

export interface SegmentSeries {
  /** One row per period: `all` for the whole base and one key per segment (its id). */
  rows: Record<string, string | number | null>[];
  series: { key: string; segmentId: string | null; name: string | null }[];
}

/** The sparkline series of one tile for the whole base and each segment, aligned by period. */
export function toSegmentSeries(dashboard: Pick<KpiDashboard, 'tiles' | 'segments'>, tileId: KpiTileId): SegmentSeries {
  const sources = [
    { key: 'all', segmentId: null, name: null, tiles: dashboard.tiles },
    ...dashboard.segments.map((s, i) => ({ key: `s${i}`, segmentId: s.id, name: s.name, tiles: s.tiles })),
  ];
  const periods: string[] = [];
  const byPeriod = new Map<string, Record<string, string | number | null>>();
  for (const source of sources) {
    const tile = source.tiles.find((t) => t.id === tileId);
    for (const point of tile?.series ?? []) {
      let row = byPeriod.get(point.period);
      if (!row) {
        row = { period: point.period };
        byPeriod.set(point.period, row);
        periods.push(point.period);
      }
      row[source.key] = point.value;
    }
  }
  periods.sort();
  return {
    rows: periods.map((p) => byPeriod.get(p)!),
    series: sources.map(({ key, segmentId, name }) => ({ key, segmentId, name })),
  };
}

export interface SegmentTableRow {
  tileId: KpiTileId;
  unit: KpiDashboard['tiles'][number]['unit'];
  /** The whole base first, then each segment in the order chosen. */
  values: { value: number | null; previous: number | null; delta: number | null; relative: number | null }[];
}

/** One row per KPI, one column per group: the side-by-side segment table. */
export function toSegmentTable(dashboard: Pick<KpiDashboard, 'tiles' | 'segments'>): SegmentTableRow[] {
  return dashboard.tiles.map((tile) => ({
    tileId: tile.id,
    unit: tile.unit,
    values: [tile, ...dashboard.segments.map((s) => s.tiles.find((t) => t.id === tile.id))].map((t) => ({
      value: t?.value ?? null,
      previous: t?.previous ?? null,
      delta: t?.delta ?? null,
      relative: t?.relative ?? null,
    })),
  }));
}
