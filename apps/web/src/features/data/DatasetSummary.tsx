// Cards with what the workspace holds: customers, orders, events, products, revenue and the order date range.
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { Loading } from '../../ui/Loading';
import { StatCard } from '../../ui/StatCard';
import { useWorkspaceSummary } from '../workspace/useWorkspaceSummary';
import { toSummaryCards } from './summaryCards';
import { useDataStats } from './useDataQueries';

export function DatasetSummary() {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const stats = useDataStats();
  const workspace = useWorkspaceSummary();

  let body;
  if (stats.isError) body = <ApiErrorNotice error={stats.error} />;
  else if (workspace.isError) body = <ApiErrorNotice error={workspace.error} />;
  else if (!stats.data || !workspace.data) body = <Loading />;
  else {
    const cards = toSummaryCards(stats.data, workspace.data.currency, locale);
    body = (
      <>
        <dl className="stat-grid">
          {cards.map((card) => (
            <StatCard
              key={card.key}
              label={t(`data.summary.${card.key}`)}
              value={card.value ?? t('data.summary.noOrders')}
              detail={card.key === 'revenue' ? t('data.summary.revenueDetail', { currency: workspace.data.currency }) : undefined}
            />
          ))}
        </dl>
        {stats.data.customers === 0 ? <p className="muted">{t('data.summary.empty')}</p> : null}
      </>
    );
  }

  return (
    <section className="panel" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('data.summary.title')}</h2>
      {body}
    </section>
  );
}
