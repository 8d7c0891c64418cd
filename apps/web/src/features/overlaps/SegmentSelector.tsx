// Choosing what to compare: saved segments (searchable checkboxes with their sizes) and unsaved rules
// brought from the builder, 2 to 12 in all.
import { MAX_OVERLAP_SETS } from '@kizuna/segments';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { foldText } from '../segments/segmentList';
import type { SegmentListItem } from '../segments/useSegments';
import type { Selection } from './overlapSelection';
import { setCount } from './overlapSelection';

export function SegmentSelector({ segments, selection, onChange }: { segments: readonly SegmentListItem[]; selection: Selection; onChange: (next: Selection) => void }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const [query, setQuery] = useState('');
  const chosen = new Set(selection.segmentIds);
  const full = setCount(selection) >= MAX_OVERLAP_SETS;
  const words = foldText(query).split(/\s+/).filter(Boolean);
  const shown = segments.filter((s) => words.every((w) => foldText(`${s.name} ${s.tags.join(' ')}`).includes(w)));

  const toggle = (id: string) =>
    onChange({ ...selection, segmentIds: chosen.has(id) ? selection.segmentIds.filter((x) => x !== id) : [...selection.segmentIds, id] });

  return (
    <section className="panel selector" aria-labelledby="selector-heading">
      <div className="selector-head">
        <h2 id="selector-heading">{t('overlaps.pick.title')}</h2>
        <span className="muted" aria-live="polite">
          {t('overlaps.pick.count', { count: setCount(selection), max: MAX_OVERLAP_SETS })}
        </span>
      </div>
      {selection.rules.length > 0 ? (
        <ul className="unsaved-chips" aria-label={t('overlaps.pick.unsaved')}>
          {selection.rules.map((r, i) => (
            <li key={`${r.label}${i}`} className="chip">
              <span className="chip-kind">{t('overlaps.pick.unsavedRule')}</span> {r.label}
              <button
                type="button"
                className="icon-button"
                aria-label={t('overlaps.pick.remove', { name: r.label })}
                onClick={() => onChange({ ...selection, rules: selection.rules.filter((_, j) => j !== i) })}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input type="search" className="list-search" value={query} onChange={(e) => setQuery(e.target.value)} aria-label={t('overlaps.pick.search')} placeholder={t('overlaps.pick.search')} />
      {segments.length === 0 ? <p className="muted">{t('overlaps.pick.noSegments')}</p> : null}
      <ul className="selector-list">
        {shown.map((s) => (
          <li key={s.id}>
            <label>
              <input type="checkbox" checked={chosen.has(s.id)} disabled={!chosen.has(s.id) && full} onChange={() => toggle(s.id)} />
              <span className="selector-name">{s.name}</span>
              <span className="muted">{s.size === null ? '—' : formatNumber(s.size, locale)}</span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
