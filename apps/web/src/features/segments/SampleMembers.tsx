// A few members of the segment being edited (personal data masked for roles that may not see it), each
// with a button that explains why they are in.
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { formatNumber } from '../../ui/format';
import type { ValidPreview } from './useSegmentPreview';

export function SampleMembers({ members, masked, onExplain }: { members: ValidPreview['sample']; masked: boolean; onExplain: (customerId: string) => void }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  return (
    <>
      <h3>{t('segments.preview.sample')}</h3>
      {masked ? <p className="muted small-note">{t('segments.preview.masked')}</p> : null}
      {members.length === 0 ? (
        <p className="muted">{t('segments.preview.noMembers')}</p>
      ) : (
        <ul className="sample-list">
          {members.map((m) => {
            const name = [m.lastName, m.firstName].filter(Boolean).join(' ');
            const facts = [m.region, m.age === null ? null : t('segments.preview.age', { age: m.age }), t('segments.preview.orders', { count: m.frequency, formatted: formatNumber(m.frequency, locale) })];
            return (
              <li key={m.customerId}>
                <div className="sample-who">
                  <span className="mono">{m.customerId}</span>
                  {name ? <span> · {name}</span> : null}
                </div>
                <div className="sample-facts muted">{facts.filter(Boolean).join(' · ')}</div>
                <button type="button" className="link-button" onClick={() => onExplain(m.customerId)}>
                  {t('segments.preview.explain')}
                  <span className="visually-hidden"> {m.customerId}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
