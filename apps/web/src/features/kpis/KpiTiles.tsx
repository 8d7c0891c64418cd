// The headline tiles: each KPI's value in the tile period, its change on the previous period (coloured by
// whether it is good news), a note on what it counts, its definition tip and a sparkline by period.
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { periodLabel } from './chartData';
import { InfoTip } from './InfoTip';
import { changeView, formatKpiValue, type ChangeView } from './kpiFormat';
import type { KpiDashboard, KpiTile } from './kpiTypes';
import { sparklinePath } from './sparkline';

export function ChangeText({ change, compact }: { change: ChangeView; compact?: boolean }) {
  const { t } = useTranslation();
  const arrow = change.direction === 'up' ? '▲' : change.direction === 'down' ? '▼' : '■';
  const amount = change.kind === 'points' ? t('kpis.tiles.points', { amount: change.amount }) : change.amount;
  return (
    <span className={`kpi-change kpi-change-${change.tone}${compact ? ' kpi-change-compact' : ''}`}>
      <span aria-hidden="true">{arrow} </span>
      <span className="visually-hidden">{t(`kpis.tiles.${change.direction}`)} </span>
      {amount}
    </span>
  );
}

function Sparkline({ tile, name }: { tile: KpiTile; name: string }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const path = sparklinePath(tile.series.map((p) => p.value), 120, 32);
  if (!path || tile.series.length < 2) return <span className="kpi-sparkline" />;
  const first = tile.series[0]!.period;
  const last = tile.series[tile.series.length - 1]!.period;
  return (
    <svg className="kpi-sparkline" width={120} height={32} viewBox="0 0 120 32" role="img" aria-label={t('kpis.tiles.sparkline', { name, from: periodLabel(first, locale), to: periodLabel(last, locale) })}>
      <path d={path} fill="none" stroke="#3451b2" strokeWidth={1.75} strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}

function Tile({ tile, currency, previousLabel }: { tile: KpiTile; currency: string; previousLabel: string | null }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const name = t(`kpis.tiles.names.${tile.id}`);
  const value = formatKpiValue(tile.unit, tile.value, currency, locale);
  const change = changeView(tile.unit, tile, tile.id === 'churn', currency, locale);
  return (
    <div className="kpi-tile" data-testid={`tile-${tile.id}`}>
      <dt className="kpi-tile-label">
        {name}
        <InfoTip id={tile.definitionId} />
      </dt>
      <dd className="kpi-tile-value" data-value={tile.value ?? ''}>
        {value ?? (
          <>
            <span aria-hidden="true">{t('kpis.tiles.noValue')}</span>
            <span className="visually-hidden">{t('kpis.tiles.noValueLabel')}</span>
          </>
        )}
      </dd>
      <dd className="kpi-tile-change">
        {change && previousLabel ? (
          <>
            <ChangeText change={change} /> <span className="muted">{t('kpis.tiles.versus', { period: previousLabel })}</span>
          </>
        ) : (
          <span className="muted">{t('kpis.tiles.noPrevious')}</span>
        )}
      </dd>
      <dd className="kpi-tile-note muted">
        {t(`kpis.tiles.notes.${tile.id}`)}
        {tile.numerator !== null && tile.denominator !== null && tile.unit === 'share'
          ? ` · ${t('kpis.tiles.ofTotal', { numerator: formatNumber(tile.numerator, locale), denominator: formatNumber(tile.denominator, locale) })}`
          : null}
      </dd>
      <dd className="kpi-tile-spark">
        <Sparkline tile={tile} name={name} />
      </dd>
    </div>
  );
}

export function KpiTiles({ dashboard }: { dashboard: KpiDashboard }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const previous = dashboard.previous ? periodLabel(dashboard.previous.period, locale) : null;
  return (
    <section aria-labelledby="kpi-tiles-heading">
      <h2 id="kpi-tiles-heading" className="visually-hidden">{t('kpis.tiles.title')}</h2>
      <dl className="kpi-tiles">
        {dashboard.tiles.map((tile) => (
          <Tile key={tile.id} tile={tile} currency={dashboard.currency} previousLabel={previous} />
        ))}
      </dl>
    </section>
  );
}
