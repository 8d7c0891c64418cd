// KPIs: headline tiles with change and sparkline, trends by month or week, cohort retention, the R × F
// grid, predicted vs actual purchases, CSAT and segments side by side, for the as-of date and range in the
// URL. The page renders; useKpis fetches; the shaping lives in tested pure functions.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useLanguage } from '../../i18n';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { periodLabel } from './chartData';
import { CohortHeatmap } from './CohortHeatmap';
import { CsatChart } from './CsatChart';
import { HoldoutPanel } from './HoldoutPanel';
import { KpiControls } from './KpiControls';
import { kpiSearch, parseKpiQuery, queryProblem, type KpiQuery } from './kpiQuery';
import { KpiTiles } from './KpiTiles';
import type { KpiDashboard } from './kpiTypes';
import { ModelCheckChart } from './ModelCheckChart';
import { RfmGridChart } from './RfmGridChart';
import { SegmentComparison } from './SegmentComparison';
import { TrendCharts } from './TrendCharts';
import { useKpiDashboard } from './useKpis';
import './kpis.css';

function Summary({ dashboard, updating }: { dashboard: KpiDashboard; updating: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const current = dashboard.current ? periodLabel(dashboard.current.period, locale) : null;
  const previous = dashboard.previous ? periodLabel(dashboard.previous.period, locale) : null;
  return (
    <div className="kpi-summary" aria-live="polite">
      {dashboard.asOfDate !== dashboard.workspaceAsOfDate ? (
        <p className="alert alert-info" data-testid="kpi-override">
          {t('kpis.summary.override', { date: dashboard.asOfDate, workspace: dashboard.workspaceAsOfDate })}
        </p>
      ) : null}
      {current ? (
        <p data-testid="kpi-period">
          {previous ? t('kpis.summary.period', { current, previous }) : t('kpis.summary.periodOnly', { current })}{' '}
          {dashboard.current && !dashboard.current.complete ? t('kpis.summary.incomplete', { current }) : null}
        </p>
      ) : null}
      {dashboard.rfm.customers === 0 ? <p className="muted">{t('kpis.summary.noData')}</p> : null}
      {updating ? <p className="muted">{t('kpis.summary.updating')}</p> : null}
    </div>
  );
}

export function KpisPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = parseKpiQuery(params);
  const problem = queryProblem(query);
  const dashboard = useKpiDashboard(query, problem === null);
  const setQuery = (next: KpiQuery) => setParams(kpiSearch(next), { replace: true });
  const data = dashboard.data;

  let body;
  if (dashboard.isError && !data) body = <ApiErrorNotice error={dashboard.error} />;
  else if (!data) body = <Loading />;
  else {
    body = (
      <div className={dashboard.isPlaceholderData ? 'kpi-body kpi-stale' : 'kpi-body'} aria-busy={dashboard.isFetching}>
        {dashboard.isError ? <ApiErrorNotice error={dashboard.error} /> : null}
        <Summary dashboard={data} updating={dashboard.isFetching} />
        <KpiTiles dashboard={data} />
        {data.segments.length > 0 || data.missingSegmentIds.length > 0 ? <SegmentComparison dashboard={data} /> : null}
        <TrendCharts trend={data.trend} currency={data.currency} />
        <div className="chart-grid">
          <CohortHeatmap cohorts={data.cohorts} />
          <RfmGridChart grid={data.rfm} currency={data.currency} />
          <ModelCheckChart model={data.model} currency={data.currency} />
          <CsatChart points={data.csat} currency={data.currency} />
        </div>
        <HoldoutPanel currency={data.currency} />
      </div>
    );
  }

  return (
    <>
      <PageHeader title={t('nav.kpis')} description={t('kpis.description')} />
      <KpiControls query={query} onChange={setQuery} workspaceAsOfDate={data?.workspaceAsOfDate} rangeProblem={problem !== null} />
      {body}
    </>
  );
}
