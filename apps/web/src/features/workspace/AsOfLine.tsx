// "Data through 2026-10-31 · As of 2026-11-01" in the header. ISO dates on purpose: they are the
// reproducibility anchor every number on screen is computed from, so they read the same in any language.
import { useTranslation } from 'react-i18next';
import { useWorkspaceSummary } from './useWorkspaceSummary';

export function AsOfLine() {
  const { t } = useTranslation();
  const { data } = useWorkspaceSummary();
  if (!data) return <p className="as-of" aria-hidden="true" />;
  return (
    <p className="as-of" data-testid="as-of">
      <span>
        {data.dataThroughDate
          ? t('header.dataThrough', { date: data.dataThroughDate })
          : t('header.noData')}
      </span>
      <span aria-hidden="true"> · </span>
      <span>
        {t('header.asOf', { date: data.asOfDate })}
        {data.asOfExplicit ? <span className="as-of-fixed"> {t('header.asOfFixed')}</span> : null}
      </span>
    </p>
  );
}
