// The matrix's version history: every change with its number, time, author, kind and summary (newest first,
// a page at a time). Viewing one opens its snapshot, its difference from the current matrix and Restore.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { useWorkspaceSummary } from '../workspace/useWorkspaceSummary';
import type { MatrixView } from './matrixGrid';
import { MatrixVersionView } from './MatrixVersionView';
import { useMatrixVersions } from './useMatrixHistory';
import { useVersionText } from './useVersionText';

const pageSize = 20;
/** The most the server lists at once. */
const maxVersions = 200;

interface Props {
  view: MatrixView;
  canEdit: boolean;
  busy: boolean;
  onRestore: (version: number) => void;
}

export function MatrixHistory({ view, canEdit, busy, onRestore }: Props) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const timeZone = useWorkspaceSummary().data?.timeZone ?? 'Asia/Tokyo';
  const text = useVersionText();
  const [limit, setLimit] = useState(pageSize);
  const [selected, setSelected] = useState<number | null>(null);
  const versions = useMatrixVersions(limit);
  const rows = versions.data ?? [];
  return (
    <section className="panel" aria-labelledby="matrix-history-heading">
      <h2 id="matrix-history-heading">{t('matrix.history.title')}</h2>
      <p className="muted">{t('matrix.history.hint')}</p>
      {versions.isPending ? <Loading /> : null}
      {versions.error ? <ApiErrorNotice error={versions.error} /> : null}
      {versions.isSuccess && rows.length === 0 ? <p>{t('matrix.history.empty')}</p> : null}
      {rows.length > 0 ? (
        <div className="table-scroll matrix-history-scroll">
          <table className="data-table matrix-history">
            <caption className="visually-hidden">{t('matrix.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('matrix.history.colVersion')}</th>
                <th scope="col">{t('matrix.history.colWhen')}</th>
                <th scope="col">{t('matrix.history.colWho')}</th>
                <th scope="col">{t('matrix.history.colChange')}</th>
                <th scope="col">{t('matrix.history.colSummary')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('matrix.history.view')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((v) => {
                const open = selected === v.version;
                return (
                  <tr key={v.version} className={open ? 'selected' : undefined} data-testid={`matrix-version-${v.version}`}>
                    <th scope="row">
                      {v.version}
                      {v.version === view.version ? <span className="badge badge-running matrix-current">{t('matrix.history.current')}</span> : null}
                    </th>
                    <td className="nowrap">{formatDateTime(v.createdAt, locale, timeZone)}</td>
                    <td>{v.userEmail ?? t('matrix.history.system')}</td>
                    <td>{text.change(v.change)}</td>
                    <td>{text.summary(v.summary)}</td>
                    <td>
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        aria-expanded={open}
                        aria-controls={open ? 'matrix-version-detail' : undefined}
                        aria-label={t(open ? 'matrix.history.hideLabel' : 'matrix.history.viewLabel', { n: v.version })}
                        onClick={() => setSelected(open ? null : v.version)}
                      >
                        {open ? t('matrix.history.hide') : t('matrix.history.view')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {rows.length === limit && limit < maxVersions ? (
        <button type="button" className="button button-secondary button-small" disabled={versions.isFetching} onClick={() => setLimit(Math.min(maxVersions, limit + pageSize * 2))}>
          {t('matrix.history.more')}
        </button>
      ) : null}
      {selected !== null ? (
        <div id="matrix-version-detail">
          <MatrixVersionView version={selected} view={view} canEdit={canEdit} busy={busy} onRestore={onRestore} />
        </div>
      ) : null}
    </section>
  );
}
