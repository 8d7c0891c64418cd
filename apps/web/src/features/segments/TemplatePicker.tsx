// One click starts the rule from a ready-made segment: the seed table's segmentation ideas and the RFM
// groups, each with its size in this workspace. Using one is an undoable edit like any other.
import type { SegmentRule } from '@kizuna/segments';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { formatNumber, formatPercent } from '../../ui/format';
import { withIds } from './ruleTree';
import type { TemplateWithSize } from './useSegments';
import { useTemplates } from './useSegments';

/** Open while the rule is empty; a closed panel can still be opened by its summary. */
export function TemplatePicker({ onUse, open }: { onUse: (rule: SegmentRule, name: string) => void; open: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const templates = useTemplates(true);
  const groups: { key: 'seed' | 'rfm'; items: TemplateWithSize[] }[] = [
    { key: 'seed', items: (templates.data ?? []).filter((x) => x.group === 'seed') },
    { key: 'rfm', items: (templates.data ?? []).filter((x) => x.group === 'rfm') },
  ];
  const label = (tpl: TemplateWithSize, part: 'name' | 'description') => t(`${tpl.labelKey}.${part}` as 'segments.templates.women.name', { defaultValue: tpl.id });
  return (
    <details className="panel templates-panel" open={open || undefined}>
      <summary>
        <h2>{t('segments.templates.title')}</h2>
      </summary>
      {groups.map((group) =>
        group.items.length > 0 ? (
          <div key={group.key} className="template-group">
            <h3>{t(group.key === 'seed' ? 'segments.templates.seed' : 'segments.templates.rfm')}</h3>
            <ul className="template-list">
              {group.items.map((tpl) => (
                <li key={tpl.id}>
                  <button type="button" className="template-card" onClick={() => onUse(withIds(tpl.rule), label(tpl, 'name'))}>
                    <span className="template-name">{label(tpl, 'name')}</span>
                    <span className="template-description">{label(tpl, 'description')}</span>
                    <span className="template-size">
                      {tpl.count === null
                        ? t('segments.templates.noFit')
                        : t('segments.templates.size', { formatted: formatNumber(tpl.count, locale), share: formatPercent(tpl.share ?? 0, locale) })}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
    </details>
  );
}
