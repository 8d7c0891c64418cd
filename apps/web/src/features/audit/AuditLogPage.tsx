// Audit log (admins): every change and sign-in, newest first, paged.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { useCurrentUser } from '../auth/useSession';
import { useWorkspaceSummary } from '../workspace/useWorkspaceSummary';
import { auditLabel, currentCursor, firstPage, nextPage, pageNumber, previousPage, summarizeDetails } from './auditDetails';
import { useAuditLog } from './useAuditLog';

export function AuditLogPage() {
  const { t } = useTranslation();
  // Keys built from the server's codes: the compiler cannot check them, auditLabel falls back to the code.
  const label = t as unknown as Parameters<typeof auditLabel>[0];
  const { locale } = useLanguage();
  const isAdmin = useCurrentUser().role === 'admin';
  const [pages, setPages] = useState(firstPage);
  const log = useAuditLog(currentCursor(pages), isAdmin);
  const timeZone = useWorkspaceSummary().data?.timeZone ?? 'UTC';

  if (!isAdmin) {
    return (
      <>
        <PageHeader title={t('nav.audit')} />
        <Alert tone="info">{t('audit.adminOnly')}</Alert>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('nav.audit')} description={t('audit.description')} />
      <section className="panel" aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="visually-hidden">
          {t('audit.entries')}
        </h2>
        {log.isError ? <ApiErrorNotice error={log.error} /> : null}
        {log.isPending ? <Loading /> : null}
        {log.data && log.data.items.length === 0 ? <p className="muted">{t('audit.empty')}</p> : null}
        {log.data && log.data.items.length > 0 ? (
          <div className="table-scroll" aria-busy={log.isPlaceholderData}>
            <table className="data-table audit-table">
              <caption className="visually-hidden">{t('audit.entries')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.time')}</th>
                  <th scope="col">{t('audit.user')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.entity')}</th>
                  <th scope="col">{t('audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {log.data.items.map((item) => (
                  <tr key={item.id}>
                    <td className="nowrap">{formatDateTime(item.at, locale, timeZone)}</td>
                    <td>{item.userEmail ?? <span className="muted">{t('audit.system')}</span>}</td>
                    <td className="nowrap" title={item.action}>{auditLabel(label, 'actions', item.action)}</td>
                    <td className="nowrap">
                      {auditLabel(label, 'entities', item.entityType)}
                      {item.entityId ? <span className="muted mono"> {item.entityId.slice(0, 8)}</span> : null}
                    </td>
                    <td className="cell-details">
                      <details>
                        <summary>{summarizeDetails(item.details) || t('audit.noDetails')}</summary>
                        <pre>{JSON.stringify(item.details, null, 2)}</pre>
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <nav className="pager" aria-label={t('audit.paging')}>
          <button type="button" className="button button-secondary" disabled={pageNumber(pages) === 1} onClick={() => setPages(previousPage)}>
            {t('audit.previous')}
          </button>
          <span className="pager-page">{t('audit.page', { page: pageNumber(pages) })}</span>
          <button
            type="button"
            className="button button-secondary"
            disabled={!log.data?.nextCursor || log.isPlaceholderData}
            onClick={() => setPages((p) => nextPage(p, log.data?.nextCursor ?? null))}
          >
            {t('audit.next')}
          </button>
        </nav>
      </section>
    </>
  );
}
