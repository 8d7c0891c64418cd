// Small pieces every node shows: its count badge (the waterfall: what it matches alone and what is left
// after it among its siblings) and its problems, in place.
import type { NodePath } from '@kizuna/segments';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { useBuilder, useFigures } from './builderContext';
import { pathKey } from './ruleTree';

export function CountBadge({ id }: { id: string }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const { counts, current } = useFigures();
  const figures = counts.get(id);
  if (!figures) return null;
  const count = formatNumber(figures.count, locale);
  const label =
    figures.cumulative === null
      ? t('segments.builder.countAlone', { count: figures.count, formatted: count })
      : t('segments.builder.countWaterfall', { count: figures.count, formatted: count, kept: formatNumber(figures.cumulative, locale) });
  return (
    <span className={`count-badge${current ? '' : ' stale'}`} title={label} aria-label={label} data-count={figures.count} role="img">
      {count}
      {/* The running count only where it differs: the first child of a group keeps what it matches. */}
      {figures.cumulative !== null && figures.cumulative !== figures.count ? (
        <span className="count-kept"> → {formatNumber(figures.cumulative, locale)}</span>
      ) : null}
    </span>
  );
}

export function IssueList({ path }: { path: NodePath }) {
  const { t } = useTranslation();
  const { issues } = useFigures();
  // The root's "empty group" is said by its drop zone and the preview; repeating it in red would shout.
  const list = issues.get(pathKey(path))?.filter((i) => path.length > 0 || i.code !== 'empty_group');
  if (!list || list.length === 0) return null;
  return (
    <ul className="node-issues">
      {list.map((issue) => (
        <li key={`${issue.code}:${issue.message}`} title={issue.message}>
          {t(`segments.errors.${issue.code}` as 'segments.errors.bad_value', { defaultValue: issue.message })}
        </li>
      ))}
    </ul>
  );
}

/** Focuses the first control inside `ref` when this node was just added, duplicated or moved. */
export function useFocusWhenAsked(id: string, ref: React.RefObject<HTMLElement | null>): void {
  const { takeFocus } = useBuilder();
  useEffect(() => {
    if (!takeFocus(id)) return;
    const target = ref.current?.querySelector<HTMLElement>('select, input, button:not(.drag-handle)');
    target?.focus();
  }, [id, ref, takeFocus]);
}
