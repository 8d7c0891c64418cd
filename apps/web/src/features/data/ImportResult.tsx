// How an import ended: rows written per file, or why nothing was written (row errors, refused upload).
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { formatNumber } from '../../ui/format';
import { ImportErrorTable } from './ImportErrorTable';
import type { ImportState } from './importProgress';
import { countTotals, toCountRows, toErrorTable } from './importReport';
import type { ImportReportView } from './importTypes';

function CountsTable({ report, files }: { report: ImportReportView; files: readonly string[] }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const rows = toCountRows(report.counts, files);
  const totals = countTotals(rows);
  return (
    <table className="data-table counts-table">
      <caption className="visually-hidden">{t('data.result.countsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('data.result.file')}</th>
          <th scope="col" className="num">
            {t('data.result.inserted')}
          </th>
          <th scope="col" className="num">
            {t('data.result.updated')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.file}>
            <th scope="row">{row.file}</th>
            <td className="num">{formatNumber(row.inserted, locale)}</td>
            <td className="num">{formatNumber(row.updated, locale)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('data.result.total')}</th>
          <td className="num">{formatNumber(totals.inserted, locale)}</td>
          <td className="num">{formatNumber(totals.updated, locale)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

export function ImportResult({ state }: { state: ImportState }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();

  if (state.stage === 'rejected') return <ApiErrorNotice error={state.error} />;
  if (state.stage !== 'finished') return null;

  const { report, status, error } = state.status;
  const seconds = report ? formatNumber(Math.round(report.durationMs / 100) / 10, locale) : null;

  if (status === 'succeeded' && report) {
    return (
      <section className="import-result" aria-labelledby="import-result-heading">
        <h3 id="import-result-heading">{t('data.result.succeededTitle')}</h3>
        <Alert tone="success">
          <p>{t('data.result.succeeded', { seconds })}</p>
          {report.customersCreatedFromOrders > 0 ? (
            <p>
              {t('data.result.createdFromOrders', {
                count: report.customersCreatedFromOrders,
                formatted: formatNumber(report.customersCreatedFromOrders, locale),
              })}
            </p>
          ) : null}
        </Alert>
        <CountsTable report={report} files={state.files} />
      </section>
    );
  }

  const table = report ? toErrorTable(report) : null;
  return (
    <section className="import-result" aria-labelledby="import-result-heading">
      <h3 id="import-result-heading">{t('data.result.failedTitle')}</h3>
      <Alert tone="error">
        <p>{t('data.result.nothingWritten')}</p>
        {table ? (
          <p>{t('data.result.errorSummary', { count: table.total, total: formatNumber(table.total, locale) })}</p>
        ) : null}
        {error ? <p className="alert-detail">{error}</p> : null}
      </Alert>
      {table && table.rows.length > 0 ? <ImportErrorTable table={table} /> : null}
    </section>
  );
}
