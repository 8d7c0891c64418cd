// The row-error report: every bad row the server sent (file, line, column, value, reason) and the true total.
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { formatNumber } from '../../ui/format';
import type { ErrorTable } from './importReport';
import { rowErrorText, type Translate } from './rowErrorText';

export function ImportErrorTable({ table }: { table: ErrorTable }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const shown = formatNumber(table.shown, locale);
  const total = formatNumber(table.total, locale);
  // The keys are built from the server's codes, so the compiler cannot check them; rowErrorText falls back.
  const translate: Translate = (key, values) => String(t(key as never, values as never));
  return (
    <div className="error-report">
      <p className="table-note">
        {table.truncated ? t('data.result.showingFirst', { shown, total }) : t('data.result.errorTotal', { count: table.total, total })}
      </p>
      <div className="table-scroll table-scroll-tall">
        <table className="data-table">
          <caption className="visually-hidden">{t('data.result.errorsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('data.result.file')}</th>
              <th scope="col" className="num">
                {t('data.result.line')}
              </th>
              <th scope="col">{t('data.result.column')}</th>
              <th scope="col">{t('data.result.value')}</th>
              <th scope="col">{t('data.result.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                <td>{row.file}</td>
                <td className="num">{row.line === null ? '—' : formatNumber(row.line, locale)}</td>
                <td>
                  <code>{row.column ?? '—'}</code>
                </td>
                <td className="cell-value">{row.value === null || row.value === '' ? <span className="muted">{t('data.result.empty')}</span> : row.value}</td>
                <td>{rowErrorText(row, translate, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
