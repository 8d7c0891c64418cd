// Matrix page: totals and the editable frequency cap, the segment × campaign grid, campaign priority, each
// campaign's segment priority and the version history. Planners and admins edit; other roles read. Every
// change names the version it was made against, so concurrent edits conflict instead of overwriting.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { StatCard } from '../../ui/StatCard';
import { useCurrentUser } from '../auth/useSession';
import { CampaignPriority } from './CampaignPriority';
import { FrequencyCapForm, FrequencyCapStat, useCapEditor } from './FrequencyCapStat';
import { canEditMatrix } from './matrixGrid';
import { MatrixGrid } from './MatrixGrid';
import { MatrixHistory } from './MatrixHistory';
import { MatrixNotices } from './MatrixNotices';
import { PriorityList } from './PriorityList';
import { useMatrix, useMatrixMutations } from './useMatrix';
import { useMatrixFormat } from './useMatrixFormat';
import './matrix.css';

export function MatrixPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canEdit = canEditMatrix(user.role);
  const matrix = useMatrix();
  const m = useMatrixMutations();
  const { num, money } = useMatrixFormat();
  const [restored, setRestored] = useState<{ from: number; to: number } | null>(null);
  const capEditor = useCapEditor();
  const view = matrix.data;
  const segments = useMemo(() => new Map((view?.segments ?? []).map((s) => [s.id, s])), [view]);
  const busy = m.pending || matrix.isFetching;

  const onCellChange = (campaignId: string, segmentId: string, offerId: string | null) => {
    if (!view) return;
    setRestored(null);
    const baseVersion = view.version;
    if (offerId === null) m.unassign.mutate({ campaignId, segmentId, baseVersion });
    else m.assign.mutate({ campaignId, segmentId, offerId, baseVersion });
  };
  const onRestore = (version: number) => {
    if (!view) return;
    setRestored(null);
    m.restore.mutate({ version, baseVersion: view.version }, { onSuccess: (r) => setRestored({ from: version, to: r.version }) });
  };

  return (
    <>
      <PageHeader title={t('nav.matrix')} description={t('matrix.description')} />
      {matrix.isPending ? <Loading /> : null}
      {matrix.isError ? <ApiErrorNotice error={matrix.error} /> : null}
      {view ? (
        <>
          <dl className="stat-grid matrix-stats">
            <StatCard label={t('matrix.stats.reached')} value={num(view.totals.reachedCustomers)} detail={t('matrix.stats.ofCustomers', { n: num(view.customers) })} />
            <StatCard label={t('matrix.stats.messages')} value={num(view.totals.messages)} />
            <StatCard label={t('matrix.stats.holdout')} value={num(view.totals.holdout)} />
            <FrequencyCapStat cap={view.frequencyCapPerWeek} version={view.version} canEdit={canEdit} busy={busy} editor={capEditor} />
            <StatCard label={t('matrix.stats.cost')} value={money(view.totals.estimatedCost)} />
            <StatCard label={t('matrix.stats.asOf')} value={view.asOfDate} detail={t('matrix.stats.version', { n: view.version })} />
          </dl>
          {canEdit && capEditor.editing ? (
            <FrequencyCapForm
              cap={view.frequencyCapPerWeek}
              version={view.version}
              busy={busy}
              editor={capEditor}
              onSave={(input) => {
                setRestored(null);
                return m.setFrequencyCap.mutateAsync(input);
              }}
            />
          ) : null}
          {!canEdit ? <Alert tone="info">{t('matrix.readOnly')}</Alert> : null}
          <MatrixNotices failure={m.failure} restored={restored} />
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
            <>
              <CampaignPriority
                campaigns={view.campaigns}
                canEdit={canEdit}
                busy={busy}
                onReorder={(campaignIds) => {
                  setRestored(null);
                  m.reorderCampaigns.mutate({ campaignIds, baseVersion: view.version });
                }}
              />
              <section className="panel" aria-labelledby="matrix-priority-heading">
                <h2 id="matrix-priority-heading">{t('matrix.priorityTitle')}</h2>
                <p className="muted">
                  {t('matrix.priorityHint')} {canEdit ? t('matrix.priorityHowTo') : null}
                </p>
                <div className="priority-grid">
                  {view.campaigns.map((c) => (
                    <PriorityList
                      key={c.id}
                      column={c}
                      segments={segments}
                      canEdit={canEdit}
                      busy={busy}
                      onReorder={(segmentIds) => {
                        setRestored(null);
                        m.reorderSegments.mutate({ campaignId: c.id, segmentIds, baseVersion: view.version });
                      }}
                    />
                  ))}
                </div>
              </section>
            </>
          ) : null}
          <MatrixHistory view={view} canEdit={canEdit} busy={busy} onRestore={onRestore} />
        </>
      ) : null}
    </>
  );
}
