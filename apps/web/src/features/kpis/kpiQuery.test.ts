import { describe, expect, it } from 'vitest';
import { dashboardInput, isIsoDate, kpiSearch, parseKpiQuery, queryProblem } from './kpiQuery';

describe('KPI query in the URL', () => {
  it('reads every control and round-trips', () => {
    const params = new URLSearchParams('asOf=2026-06-15&period=week&from=2026-01-01&to=2026-05-31&segments=a,b,a');
    const query = parseKpiQuery(params);
    expect(query).toEqual({ asOfDate: '2026-06-15', period: 'week', from: '2026-01-01', to: '2026-05-31', segmentIds: ['a', 'b'] });
    expect(parseKpiQuery(kpiSearch(query))).toEqual(query);
    expect(dashboardInput(query)).toEqual({ period: 'week', segmentIds: ['a', 'b'], asOfDate: '2026-06-15', from: '2026-01-01', to: '2026-05-31' });
  });

  it('ignores malformed values and keeps at most six segments', () => {
    const query = parseKpiQuery(new URLSearchParams('asOf=2026-02-30&period=year&from=soon&segments=1,2,3,4,5,6,7,,'));
    expect(query).toEqual({ period: 'month', segmentIds: ['1', '2', '3', '4', '5', '6'] });
    expect(kpiSearch({ period: 'month', segmentIds: [] }).toString()).toBe('');
    expect(dashboardInput({ period: 'month', segmentIds: [] })).toEqual({ period: 'month', segmentIds: [] });
  });

  it('checks dates and the order of the range', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-1')).toBe(false);
    expect(queryProblem({ period: 'month', segmentIds: [], from: '2026-05-01', to: '2026-04-30' })).toBe('rangeOrder');
    expect(queryProblem({ period: 'month', segmentIds: [], from: '2026-05-01', to: '2026-05-01' })).toBeNull();
  });
});
