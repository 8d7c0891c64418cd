// Matrix page: totals, the segment × campaign grid and each campaign's segment priority. Planners and admins
// edit; other roles read. Every change names the version it was made against, so concurrent edits conflict.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { StatCard } from '../../ui/StatCard';
import { useCurrentUser } from '../auth/useSession';
import { canEditMatrix } from './matrixGrid';
import { MatrixGrid } from './MatrixGrid';
import { PriorityList } from './PriorityList';
import { useMatrix, useMatrixMutations } from './useMatrix';
import { useMatrixFormat } from './useMatrixFormat';
import './matrix.css';

export function MatrixPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canEdit = canEditMatrix(user.role);
  const matrix = useMatrix();
  const { assign, unassign, reorderSegments } = useMatrixMutations();
  const { num, money } = useMatrixFormat();
  const view = matrix.data;
  const segments = useMemo(() => new Map((view?.segments ?? []).map((s) => [s.id, s])), [view]);
  const busy = assign.isPending || unassign.isPending || reorderSegments.isPending || matrix.isFetching;
  const error = assign.error ?? unassign.error ?? reorderSegments.error;

  const onCellChange = (campaignId: string, segmentId: string, offerId: string | null) => {
    if (!view) return;
    const baseVersion = view.version;
    if (offerId === null) unassign.mutate({ campaignId, segmentId, baseVersion });
    else assign.mutate({ campaignId, segmentId, offerId, baseVersion });
  };

  return (
    <>
      <PageHeader title={t('nav.matrix')} description={t('matrix.description')} />
      {matrix.isPending ? <Loading /> : null}
      {matrix.isError ? <ApiErrorNotice error={matrix.error} /> : null}
      {error ? <ApiErrorNotice error={error} /> : null}
      {view ? (
        <>
          <dl className="stat-grid matrix-stats">
            <StatCard label={t('matrix.stats.reached')} value={num(view.totals.reachedCustomers)} detail={t('matrix.stats.ofCustomers', { n: num(view.customers) })} />
            <StatCard label={t('matrix.stats.messages')} value={num(view.totals.messages)} />
            <StatCard label={t('matrix.stats.holdout')} value={num(view.totals.holdout)} />
            <StatCard label={t('matrix.stats.cap')} value={t('matrix.stats.capValue', { n: num(view.frequencyCapPerWeek) })} />
            <StatCard label={t('matrix.stats.cost')} value={money(view.totals.estimatedCost)} />
            <StatCard label={t('matrix.stats.asOf')} value={view.asOfDate} detail={t('matrix.stats.version', { n: view.version })} />
          </dl>
          {!canEdit ? <Alert tone="info">{t('matrix.readOnly')}</Alert> : null}
          {view.campaigns.length === 0 ? (
            <Alert tone="info">{t('matrix.noCampaigns')}</Alert>
          ) : (
            <section className="panel" aria-labelledby="matrix-grid-heading">
              <h2 id="matrix-grid-heading">{t('matrix.gridTitle')}</h2>
              <p className="muted">{t('matrix.gridHint')}</p>
              <MatrixGrid view={view} canEdit={canEdit} busy={busy} onCellChange={onCellChange} />
            </section>
          )}
          {view.campaigns.length > 0 ? (
            <section className="panel" aria-labelledby="matrix-priority-heading">
              <h2 id="matrix-priority-heading">{t('matrix.priorityTitle')}</h2>
              <p className="muted">{t('matrix.priorityHint')}</p>
              <div className="priority-grid">
                {view.campaigns.map((c) => (
                  <PriorityList
                    key={c.id}
                    column={c}
                    segments={segments}
                    canEdit={canEdit}
                    busy={busy}
                    onReorder={(segmentIds) => reorderSegments.mutate({ campaignId: c.id, segmentIds, baseVersion: view.version })}
                  />
                ))}
              </div>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
