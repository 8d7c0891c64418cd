// The time window of a behaviour condition: ever, the last N days, between two dates, more than N days ago.
import type { Window } from '@kizuna/segments';
import { useTranslation } from 'react-i18next';
import { NumberInput } from '../../../ui/NumberInput';

const windowTypes = ['ever', 'last_days', 'between', 'more_than_days_ago'] as const;

export function WindowEditor({ window, onChange, label }: { window: Window; onChange: (w: Window) => void; label: string }) {
  const { t } = useTranslation();
  const part = (p: string) => t('segments.builder.valuePart', { name: label, part: p });
  const days = window.type === 'last_days' || window.type === 'more_than_days_ago' ? window.days : 30;

  const setType = (type: Window['type']) => {
    if (type === 'ever') onChange({ type });
    else if (type === 'between') onChange({ type, from: '', to: '' });
    else onChange({ type, days });
  };

  return (
    <div className="behaviour-line">
      <select value={window.type} onChange={(e) => setType(e.target.value as Window['type'])} aria-label={part(t('segments.behaviour.window'))}>
        {windowTypes.map((w) => (
          <option key={w} value={w}>
            {t(`segments.behaviour.windows.${w}`)}
          </option>
        ))}
      </select>
      {window.type === 'last_days' || window.type === 'more_than_days_ago' ? (
        <span className="value-inline">
          <NumberInput
            className="input-days"
            min={window.type === 'last_days' ? 1 : 0}
            step={1}
            value={window.days}
            onValue={(v) => onChange({ ...window, days: v as number })}
            aria-label={part(t('segments.builder.days'))}
          />
          <span>{t(window.type === 'last_days' ? 'segments.builder.windowDaysUnit' : 'segments.builder.daysAgoUnit')}</span>
        </span>
      ) : null}
      {window.type === 'between' ? (
        <span className="value-inline">
          <input type="date" value={window.from} onChange={(e) => onChange({ ...window, from: e.target.value })} aria-label={part(t('segments.builder.from'))} />
          <span>–</span>
          <input type="date" value={window.to} onChange={(e) => onChange({ ...window, to: e.target.value })} aria-label={part(t('segments.builder.to'))} />
        </span>
      ) : null}
    </div>
  );
}
