// One version opened from the history: what its snapshot held (campaigns by priority, each with its segments
// and offers, and the cap), how the current matrix differs, and Restore for planners and admins (confirmed
// first; a restore is saved as a new version, so history is never rewritten).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { Loading } from '../../ui/Loading';
import type { MatrixView } from './matrixGrid';
import { diffSnapshots, nameOf, offerLabeller, snapshotGroups } from './matrixHistory';
import { MatrixVersionDiff } from './MatrixVersionDiff';
import { useMatrixVersion } from './useMatrixHistory';

interface Props {
  version: number;
  view: MatrixView;
  canEdit: boolean;
  busy: boolean;
  onRestore: (version: number) => void;
}

export function MatrixVersionView({ version, view, canEdit, busy, onRestore }: Props) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const selected = useMatrixVersion(version);
  // The current state as the server records it, so archived campaigns' cells are compared like for like.
  const current = useMatrixVersion(view.version);
  if (selected.isPending || current.isPending) return <Loading />;
  if (selected.error) return <ApiErrorNotice error={selected.error} />;
  if (current.error) return <ApiErrorNotice error={current.error} />;
  const { snapshot, names } = selected.data;
  const allNames = { ...current.data.names, ...names };
  const offerLabel = offerLabeller(view.campaigns);
  const isCurrent = version === view.version;
  const heldLabel = t('matrix.history.heldList', { n: version });
  return (
    <section className="matrix-version" aria-labelledby="matrix-version-heading">
      <h3 id="matrix-version-heading">{t('matrix.history.detailTitle', { n: version })}</h3>
      <div className="matrix-version-body">
        <div>
          <h4>{t('matrix.history.held')}</h4>
          <p>{t('matrix.history.capHeld', { n: snapshot.frequencyCapPerWeek })}</p>
          <ol className="matrix-held" aria-label={heldLabel}>
            {snapshotGroups(snapshot).map((g) => (
              <li key={g.campaignId}>
                <strong>{nameOf(allNames, g.campaignId)}</strong>
                {g.cells.length === 0 ? (
                  <span className="muted"> — {t('matrix.history.noCells')}</span>
                ) : (
                  <ol>
                    {g.cells.map((c) => (
                      <li key={c.segmentId}>
                        {nameOf(allNames, c.segmentId)} → {offerLabel(g.campaignId, c.offerId)}
                      </li>
                    ))}
                  </ol>
                )}
              </li>
            ))}
          </ol>
        </div>
        <MatrixVersionDiff version={version} diff={diffSnapshots(snapshot, current.data.snapshot)} names={allNames} offerLabel={offerLabel} />
      </div>
      {isCurrent ? <p className="muted">{t('matrix.history.isCurrent')}</p> : null}
      {canEdit && !isCurrent ? (
        confirming ? (
          <div className="matrix-confirm" role="group" aria-label={t('matrix.history.restore', { n: version })}>
            <p>{t('matrix.history.confirm', { n: version })}</p>
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                onRestore(version);
              }}
            >
              {t('matrix.history.confirmButton')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              {t('matrix.history.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => setConfirming(true)}>
            {t('matrix.history.restore', { n: version })}
          </button>
        )
      ) : null}
    </section>
  );
}
