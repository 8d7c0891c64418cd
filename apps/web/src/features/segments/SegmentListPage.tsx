// All saved segments: name, size and share as of the as-of date, size trend, last change and where used;
// searchable and sortable by any column.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useLanguage } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { Sparkline } from '../../ui/Sparkline';
import { useWorkspaceSummary } from '../workspace/useWorkspaceSummary';
import { useCanEditSegments } from './permissions';
import type { SortKey, SortState } from './segmentList';
import { nextSort, searchRows, sortRows, sparklinePoints } from './segmentList';
import type { SegmentListItem } from './useSegments';
import { useSegmentList } from './useSegments';

const columns: { key: SortKey; numeric: boolean }[] = [
  { key: 'name', numeric: false },
  { key: 'size', numeric: true },
  { key: 'share', numeric: true },
  { key: 'lastChange', numeric: false },
  { key: 'usedBy', numeric: false },
];

export function SegmentListPage() {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const list = useSegmentList();
  const canEdit = useCanEditSegments();
  const timeZone = useWorkspaceSummary().data?.timeZone ?? 'Asia/Tokyo';
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortState>({ key: 'name', direction: 'ascending' });
  const rows = list.data ? sortRows(searchRows(list.data.items, query), sort, locale) : [];
  const deleted = (useLocation().state as { deleted?: string } | null)?.deleted;

  const trendLabel = (s: SegmentListItem) => {
    const first = s.trend[0];
    const last = s.trend[s.trend.length - 1];
    if (!first || !last || s.trend.length < 2) return t('segments.list.noTrend', { name: s.name });
    return t('segments.list.trendLabel', {
      name: s.name,
      from: formatDate(first.date, locale),
      to: formatDate(last.date, locale),
      first: formatNumber(first.size, locale),
      last: formatNumber(last.size, locale),
    });
  };

  return (
    <>
      <PageHeader title={t('nav.segments')} description={t('segments.list.description')} />
      {deleted ? <Alert tone="success" title={t('segments.list.deleted', { name: deleted })} /> : null}
      <div className="list-toolbar">
        <input type="search" className="list-search" value={query} onChange={(e) => setQuery(e.target.value)} aria-label={t('segments.list.search')} placeholder={t('segments.list.search')} />
        <Link to="/overlaps" className="button button-secondary">
          {t('segments.list.compare')}
        </Link>
        {canEdit ? (
          <Link to="/segments/new" className="button button-primary">
            {t('segments.list.new')}
          </Link>
        ) : null}
      </div>
      {list.error ? <ApiErrorNotice error={list.error} /> : null}
      {list.isPending ? <Loading /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <p className="panel muted">{t('segments.list.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table segment-table">
              <caption className="visually-hidden">{t('segments.list.caption', { date: formatDate(list.data.asOfDate, locale) })}</caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c.key} scope="col" aria-sort={sort.key === c.key ? sort.direction : 'none'} className={c.numeric ? 'num' : undefined}>
                      <button type="button" className="sort-button" onClick={() => setSort(nextSort(sort, c.key))}>
                        {t(`segments.list.columns.${c.key}`)}
                        <span aria-hidden="true">{sort.key === c.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                      </button>
                    </th>
                  ))}
                  <th scope="col">{t('segments.list.columns.trend')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      <Link to={`/segments/${s.id}`}>{s.name}</Link>
                      {s.tags.length > 0 ? <div className="tag-list">{s.tags.map((tag) => <span key={tag} className="tag">{tag}</span>)}</div> : null}
                    </th>
                    <td className="num">{s.size === null ? <span className="badge badge-failed">{t('segments.list.invalid')}</span> : formatNumber(s.size, locale)}</td>
                    <td className="num">{s.share === null ? '—' : formatPercent(s.share, locale)}</td>
                    <td>
                      {formatDateTime(s.lastChange.at, locale, timeZone)}
                      <div className="muted small-note">
                        {t('segments.list.versionBy', { version: s.lastChange.version, name: s.lastChange.by?.name ?? t('segments.history.system') })}
                      </div>
                    </td>
                    <td>
                      {s.usedBy.segments.length + s.usedBy.campaigns.length === 0
                        ? '—'
                        : t('segments.list.usedBy', { segments: s.usedBy.segments.length, campaigns: s.usedBy.campaigns.length })}
                    </td>
                    <td>
                      <Sparkline points={sparklinePoints(s.trend.map((p) => p.size), 96, 24)} label={trendLabel(s)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length === 0 ? <p className="table-note muted">{t('segments.list.noMatch')}</p> : null}
          </div>
        )
      ) : null}
    </>
  );
}
