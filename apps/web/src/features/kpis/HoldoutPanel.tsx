// Campaign results: treatment vs holdout purchase rate for one campaign of the matrix, with the difference
// and its 95 % interval (kpis.holdout).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { formatNumber } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { formatKpiValue } from './kpiFormat';
import { useCampaignOptions, useHoldout } from './useKpis';

export function HoldoutPanel({ currency }: { currency: string }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const campaigns = useCampaignOptions();
  const [chosen, setChosen] = useState<string | null>(null);
  const holdout = useHoldout(chosen);
  const options = (campaigns.data ?? []).filter((c) => c.assignedSegments > 0);
  const points = (n: number) => new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(n * 100);
  const result = holdout.data;
  return (
    <section className="panel" aria-labelledby="kpi-holdout-heading">
      <h2 id="kpi-holdout-heading">{t('kpis.holdout.title')}</h2>
      <p className="muted">{t('kpis.holdout.description')}</p>
      {campaigns.isError ? <ApiErrorNotice error={campaigns.error} /> : null}
      {campaigns.data && options.length === 0 ? <p className="muted">{t('kpis.holdout.none')}</p> : null}
      {options.length > 0 ? (
        <label className="inline-select">
          {t('kpis.holdout.campaign')}
          <select value={chosen ?? ''} onChange={(e) => setChosen(e.target.value || null)}>
            <option value="">{t('kpis.holdout.choose')}</option>
            {options.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </label>
      ) : null}
      {holdout.isError ? <ApiErrorNotice error={holdout.error} /> : null}
      {chosen && holdout.isLoading ? <Loading /> : null}
      {result ? (
        <div className="holdout-result" aria-live="polite">
          {result.status === 'not_started' || !result.window ? (
            <p>{t('kpis.holdout.notStarted')}</p>
          ) : (
            <p>{t('kpis.holdout.window', { from: result.window.from, to: result.window.to })}</p>
          )}
          <table className="data-table counts-table">
            <thead>
              <tr>
                <th scope="col">{t('kpis.holdout.group')}</th>
                <th scope="col" className="num">{t('kpis.holdout.customers')}</th>
                <th scope="col" className="num">{t('kpis.holdout.buyers')}</th>
                <th scope="col" className="num">{t('kpis.holdout.rate')}</th>
                <th scope="col" className="num">{t('kpis.holdout.revenuePerCustomer')}</th>
              </tr>
            </thead>
            <tbody>
              {(['treatment', 'holdout'] as const).map((key) => {
                const g = result[key];
                return (
                  <tr key={key}>
                    <th scope="row">{t(`kpis.holdout.${key}`)}</th>
                    <td className="num">{formatNumber(g.customers, locale)}</td>
                    <td className="num">{formatNumber(g.buyers, locale)}</td>
                    <td className="num">{formatKpiValue('share', g.rate, currency, locale) ?? '–'}</td>
                    <td className="num">{formatKpiValue('money', g.revenuePerCustomer, currency, locale) ?? '–'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {result.difference ? (
            <p className="table-note">
              {t('kpis.holdout.difference', {
                delta: t('kpis.tiles.points', { amount: points(result.difference.delta) }),
                low: points(result.difference.low),
                high: points(result.difference.high),
                p: result.difference.pValue === null ? '–' : result.difference.pValue.toFixed(3),
              })}
            </p>
          ) : result.status === 'ok' ? (
            <p className="muted">{t('kpis.holdout.noDifference')}</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
