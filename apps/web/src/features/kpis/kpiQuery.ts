// The KPI page's controls live in the URL (/kpis?asOf=…&period=week&from=…&to=…&segments=a,b), so a view
// can be bookmarked and shared; these functions read and write them, ignoring anything malformed.

export type KpiPeriod = 'month' | 'week';

/** Most segments compared side by side (the server's limit too). */
export const MAX_SEGMENTS = 6;

export interface KpiQuery {
  /** Compute as of this date instead of the workspace's; undefined = the workspace's. */
  asOfDate?: string;
  from?: string;
  to?: string;
  period: KpiPeriod;
  segmentIds: string[];
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date as `YYYY-MM-DD` (not 2024-02-30). */
export function isIsoDate(value: string): boolean {
  const m = isoDate.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

function dateParam(params: URLSearchParams, key: string): string | undefined {
  const value = params.get(key);
  return value !== null && isIsoDate(value) ? value : undefined;
}

export function parseKpiQuery(params: URLSearchParams): KpiQuery {
  const ids = (params.get('segments') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= 100);
  const query: KpiQuery = {
    period: params.get('period') === 'week' ? 'week' : 'month',
    segmentIds: [...new Set(ids)].slice(0, MAX_SEGMENTS),
  };
  const asOf = dateParam(params, 'asOf');
  const from = dateParam(params, 'from');
  const to = dateParam(params, 'to');
  if (asOf) query.asOfDate = asOf;
  if (from) query.from = from;
  if (to) query.to = to;
  return query;
}

export function kpiSearch(query: KpiQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.asOfDate) params.set('asOf', query.asOfDate);
  if (query.period !== 'month') params.set('period', query.period);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.segmentIds.length > 0) params.set('segments', query.segmentIds.join(','));
  return params;
}

/** What is wrong with the query before asking the server, or null. */
export function queryProblem(query: KpiQuery): 'rangeOrder' | null {
  if (query.from && query.to && query.from > query.to) return 'rangeOrder';
  return null;
}

/** The dashboard procedure's input for a query. */
export function dashboardInput(query: KpiQuery) {
  return {
    period: query.period,
    segmentIds: query.segmentIds,
    ...(query.asOfDate ? { asOfDate: query.asOfDate } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
  };
}
