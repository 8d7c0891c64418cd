// The import history, newest first: when, who, which files, outcome, rows written and errors.
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { formatDateTime, formatNumber } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { useWorkspaceSummary } from '../workspace/useWorkspaceSummary';
import { toHistoryRow } from './recentImports';
import { useRecentImports } from './useDataQueries';

export function RecentImports() {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const imports = useRecentImports();
  const timeZone = useWorkspaceSummary().data?.timeZone ?? 'UTC';

  let body;
  if (imports.isError) body = <ApiErrorNotice error={imports.error} />;
  else if (!imports.data) body = <Loading />;
  else if (imports.data.length === 0) body = <p className="muted">{t('data.history.empty')}</p>;
  else {
    const rows = imports.data.map(toHistoryRow);
    body = (
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{t('data.history.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('data.history.started')}</th>
              <th scope="col">{t('data.history.user')}</th>
              <th scope="col">{t('data.history.files')}</th>
              <th scope="col">{t('data.history.status')}</th>
              <th scope="col" className="num">
                {t('data.history.rows')}
              </th>
              <th scope="col" className="num">
                {t('data.history.errors')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td className="nowrap">{formatDateTime(row.startedAt, locale, timeZone)}</td>
                <td>{row.userEmail ?? <span className="muted">{t('data.history.system')}</span>}</td>
                <td>{row.files.map((f) => `${f}.csv`).join(', ')}</td>
                <td>
                  <span className={`badge badge-${row.status}`}>{t(`data.history.statuses.${row.status}`)}</span>
                </td>
                <td className="num">{formatNumber(row.rowsWritten, locale)}</td>
                <td className="num">{formatNumber(row.errorCount, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('data.history.title')}</h2>
      {body}
    </section>
  );
}
