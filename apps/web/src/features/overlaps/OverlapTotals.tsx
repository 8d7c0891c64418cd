// The totals under the charts: all customers, those in at least one compared segment, and those in none
// (which opens as a segment too), with each segment's own size.
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { formatNumber, formatPercent } from '../../ui/format';
import { setColor } from './palette';
import type { OverlapsResult } from './useOverlaps';

export function OverlapTotals({ result, onOpenNone }: { result: OverlapsResult; onOpenNone: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const share = (n: number) => formatPercent(result.total ? n / result.total : 0, locale);
  return (
    <section className="panel" aria-labelledby="totals-heading">
      <h2 id="totals-heading">{t('overlaps.totals.title')}</h2>
      <dl className="totals-grid">
        <div className="stat-card">
          <dt className="stat-label">{t('overlaps.totals.total')}</dt>
          <dd className="stat-value" data-testid="total-all">{formatNumber(result.total, locale)}</dd>
        </div>
        <div className="stat-card">
          <dt className="stat-label">{t('overlaps.totals.union')}</dt>
          <dd className="stat-value" data-testid="total-union">{formatNumber(result.union, locale)}</dd>
          <dd className="stat-detail">{share(result.union)}</dd>
        </div>
        <div className="stat-card">
          <dt className="stat-label">{t('overlaps.totals.none')}</dt>
          <dd className="stat-value" data-testid="total-none">{formatNumber(result.none, locale)}</dd>
          <dd className="stat-detail">
            {share(result.none)} ·{' '}
            <button type="button" className="link-button" onClick={onOpenNone}>
              {t('overlaps.totals.openNone')}
            </button>
          </dd>
        </div>
      </dl>
      <table className="data-table set-table">
        <caption className="visually-hidden">{t('overlaps.totals.sizes')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('overlaps.totals.segment')}</th>
            <th scope="col" className="num">{t('overlaps.totals.size')}</th>
            <th scope="col" className="num">{t('overlaps.totals.share')}</th>
          </tr>
        </thead>
        <tbody>
          {result.sets.map((s) => (
            <tr key={s.index}>
              <th scope="row">
                <span className="swatch" style={{ background: setColor(s.index) }} aria-hidden="true" /> {s.label}
                {s.segmentId === null ? <span className="muted"> ({t('overlaps.pick.unsavedRule')})</span> : null}
              </th>
              <td className="num" data-testid={`set-size-${s.index}`}>{formatNumber(s.size, locale)}</td>
              <td className="num">{share(s.size)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
