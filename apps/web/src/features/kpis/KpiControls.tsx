// The controls of the KPI page: as-of date (this view only), period, date range and the segments to
// compare. Every change goes to the URL, which the dashboard query follows.
import { useTranslation } from 'react-i18next';
import { isIsoDate, type KpiPeriod, type KpiQuery } from './kpiQuery';
import { SegmentPicker } from './SegmentPicker';

export interface KpiControlsProps {
  query: KpiQuery;
  onChange: (query: KpiQuery) => void;
  workspaceAsOfDate: string | undefined;
  rangeProblem: boolean;
}

export function KpiControls({ query, onChange, workspaceAsOfDate, rangeProblem }: KpiControlsProps) {
  const { t } = useTranslation();
  const setDate = (key: 'asOfDate' | 'from' | 'to', value: string) => {
    const next = { ...query };
    if (value === '' || !isIsoDate(value)) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  return (
    <form className="panel kpi-controls" aria-label={t('kpis.controls.label')} onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="kpi-as-of">{t('kpis.controls.asOf')}</label>
        <input
          id="kpi-as-of"
          type="date"
          value={query.asOfDate ?? workspaceAsOfDate ?? ''}
          onChange={(e) => setDate('asOfDate', e.target.value === workspaceAsOfDate ? '' : e.target.value)}
          aria-describedby="kpi-as-of-hint"
        />
        <p id="kpi-as-of-hint" className="field-hint">
          {workspaceAsOfDate ? t('kpis.controls.asOfHint', { date: workspaceAsOfDate }) : null}
          {query.asOfDate ? (
            <>
              {' '}
              <button type="button" className="link-button" onClick={() => setDate('asOfDate', '')}>
                {t('kpis.controls.asOfReset')}
              </button>
            </>
          ) : null}
        </p>
      </div>
      <fieldset className="plain-fieldset kpi-period">
        <legend>{t('kpis.controls.period')}</legend>
        <div className="radio-row">
          {(['month', 'week'] as KpiPeriod[]).map((p) => (
            <label key={p} className="radio">
              <input type="radio" name="kpi-period" value={p} checked={query.period === p} onChange={() => onChange({ ...query, period: p })} />
              {t(`kpis.controls.${p}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="kpi-from">{t('kpis.controls.from')}</label>
        <input id="kpi-from" type="date" value={query.from ?? ''} onChange={(e) => setDate('from', e.target.value)} aria-invalid={rangeProblem || undefined} aria-describedby="kpi-range-hint" />
      </div>
      <div className="field">
        <label htmlFor="kpi-to">{t('kpis.controls.to')}</label>
        <input id="kpi-to" type="date" value={query.to ?? ''} onChange={(e) => setDate('to', e.target.value)} aria-invalid={rangeProblem || undefined} aria-describedby="kpi-range-hint" />
      </div>
      <p id="kpi-range-hint" className={rangeProblem ? 'field-error kpi-range-hint' : 'field-hint kpi-range-hint'} role={rangeProblem ? 'alert' : undefined}>
        {rangeProblem ? t('kpis.controls.rangeOrder') : t('kpis.controls.rangeHint')}
        {!rangeProblem && (query.from || query.to) ? (
          <>
            {' '}
            <button type="button" className="link-button" onClick={() => onChange({ ...query, from: undefined, to: undefined })}>
              {t('kpis.controls.rangeReset')}
            </button>
          </>
        ) : null}
      </p>
      <SegmentPicker chosen={query.segmentIds} onChange={(segmentIds) => onChange({ ...query, segmentIds })} />
    </form>
  );
}
