// Up to six saved segments to compare, as checkboxes in a disclosure; choices beyond the limit are disabled.
import { useTranslation } from 'react-i18next';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { MAX_SEGMENTS } from './kpiQuery';
import { useSegmentOptions } from './useKpis';

export function SegmentPicker({ chosen, onChange }: { chosen: readonly string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const options = useSegmentOptions();
  const items = options.data?.items ?? [];
  const full = chosen.length >= MAX_SEGMENTS;
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((x) => x !== id));
  return (
    <details className="segment-picker">
      <summary>
        {t('kpis.controls.segments')}
        {chosen.length > 0 ? <span className="badge">{t('kpis.controls.segmentsChosen', { count: chosen.length })}</span> : null}
      </summary>
      <fieldset className="plain-fieldset">
        <legend className="visually-hidden">{t('kpis.controls.segments')}</legend>
        <p className="field-hint">{full ? t('kpis.controls.segmentsFull', { max: MAX_SEGMENTS }) : t('kpis.controls.segmentsHint', { max: MAX_SEGMENTS })}</p>
        {options.isError ? <ApiErrorNotice error={options.error} /> : null}
        {options.data && items.length === 0 ? <p className="muted">{t('kpis.controls.segmentsNone')}</p> : null}
        <ul className="segment-options">
          {items.map((s) => {
            const on = chosen.includes(s.id);
            return (
              <li key={s.id}>
                <label className="field-checkbox">
                  <input type="checkbox" checked={on} disabled={!on && full} onChange={(e) => toggle(s.id, e.target.checked)} />
                  {s.name}
                </label>
              </li>
            );
          })}
        </ul>
        {chosen.length > 0 ? (
          <button type="button" className="button button-secondary button-small" onClick={() => onChange([])}>
            {t('kpis.controls.clearSegments')}
          </button>
        ) : null}
      </fieldset>
    </details>
  );
}
