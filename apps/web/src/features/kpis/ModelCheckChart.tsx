// Predicted vs actual purchases of the BG/NBD fit (calibration/holdout split, by repeat purchases before the
// holdout), with the model's headline numbers: customers predicted, mean probability alive, at risk.
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { toModelCheckRows } from './chartData';
import { ChartPanel } from './ChartPanel';
import { modelCheckCsv } from './csv';
import type { ModelView } from './kpiTypes';
import { seriesColor } from './palette';
import { SeriesChart, type SeriesSpec } from './SeriesChart';

export function ModelCheckChart({ model, currency }: { model: ModelView; currency: string }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const title = t('kpis.model.title');
  const check = model.check;
  const rows = check ? toModelCheckRows(check) : [];
  const series: SeriesSpec[] = [
    { key: 'actual', name: t('kpis.model.actual'), color: seriesColor(0), type: 'bar' },
    { key: 'predicted', name: t('kpis.model.predicted'), color: seriesColor(1), type: 'bar' },
  ];
  const decimal = (n: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
  return (
    <ChartPanel
      title={title}
      definitionId="expected_purchases"
      description={
        check
          ? t('kpis.model.description', { calibrationEnd: check.calibrationEndDate, holdoutStart: check.holdoutStartDate, holdoutEnd: check.holdoutEndDate })
          : undefined
      }
      csv={() => modelCheckCsv(rows)}
      legend={series.map((s) => ({ name: s.name, color: s.color }))}
    >
      {!model.available ? <p className="muted">{t('kpis.model.unavailable', { reason: model.reason ?? '' })}</p> : null}
      {model.available ? (
        <dl className="model-facts">
          <div>
            <dt>{t('kpis.model.customers')}</dt>
            <dd>{formatNumber(model.customers, locale)}</dd>
          </div>
          <div>
            <dt>{t('kpis.model.meanPAlive')}</dt>
            <dd>{model.meanPAlive === null ? '–' : decimal(model.meanPAlive, 3)}</dd>
          </div>
          <div>
            <dt>{t('kpis.model.atRisk')}</dt>
            <dd>{formatNumber(model.atRisk, locale)}</dd>
          </div>
        </dl>
      ) : null}
      {check ? (
        <>
          <SeriesChart rows={rows as unknown as Record<string, unknown>[]} series={series} unit="ratio" currency={currency} title={title} xKey="bucket" periods={false} />
          <p className="chart-axis-note muted">{t('kpis.model.bucket')}</p>
          <p className="muted chart-note">{t('kpis.model.total', { actual: formatNumber(check.total.actual, locale), predicted: decimal(check.total.predicted, 0) })}</p>
        </>
      ) : (
        <p className="muted">{t('kpis.model.checkUnavailable', { reason: model.checkReason ?? '' })}</p>
      )}
    </ChartPanel>
  );
}
