// How the current matrix differs from a version: cells added, removed or given another offer, segment and
// campaign priorities that moved, and the cap.
import { useTranslation } from 'react-i18next';
import type { SnapshotDiff } from './matrixHistory';
import { isEmptyDiff, nameOf } from './matrixHistory';

interface Props {
  version: number;
  diff: SnapshotDiff;
  names: Readonly<Record<string, string>>;
  offerLabel: (campaignId: string, offerId: string) => string;
}

export function MatrixVersionDiff({ version, diff, names, offerLabel }: Props) {
  const { t } = useTranslation();
  const name = (id: string) => nameOf(names, id);
  const list = (ids: readonly string[]) => ids.map(name).join(', ');
  const cellText = (c: { campaignId: string; segmentId: string; offerId: string }) =>
    t('matrix.history.cellText', { campaign: name(c.campaignId), segment: name(c.segmentId), offer: offerLabel(c.campaignId, c.offerId) });
  const title = t('matrix.history.diffTitle', { n: version });
  return (
    <div className="matrix-diff">
      <h4>{title}</h4>
      {isEmptyDiff(diff) ? <p className="muted">{t('matrix.history.noChanges')}</p> : null}
      <ul aria-label={title}>
        {diff.cap ? (
          <li className="matrix-diff-changed">
            <span className="matrix-diff-mark">{t('matrix.history.changed')}</span> {t('matrix.history.capChanged', { from: diff.cap.from, to: diff.cap.to })}
          </li>
        ) : null}
        {diff.campaignOrder ? (
          <li className="matrix-diff-changed">
            <span className="matrix-diff-mark">{t('matrix.history.changed')}</span>{' '}
            {t('matrix.history.campaignOrder', { from: list(diff.campaignOrder.from), to: list(diff.campaignOrder.to) })}
          </li>
        ) : null}
        {diff.added.map((c) => (
          <li key={`a-${c.campaignId}-${c.segmentId}`} className="matrix-diff-added">
            <span className="matrix-diff-mark">{t('matrix.history.added')}</span> {cellText(c)}
          </li>
        ))}
        {diff.removed.map((c) => (
          <li key={`r-${c.campaignId}-${c.segmentId}`} className="matrix-diff-removed">
            <span className="matrix-diff-mark">{t('matrix.history.removed')}</span> {cellText(c)}
          </li>
        ))}
        {diff.changed.map((c) => (
          <li key={`c-${c.campaignId}-${c.segmentId}`} className="matrix-diff-changed">
            <span className="matrix-diff-mark">{t('matrix.history.changed')}</span>{' '}
            {t('matrix.history.offerChanged', {
              campaign: name(c.campaignId),
              segment: name(c.segmentId),
              from: offerLabel(c.campaignId, c.fromOffer),
              to: offerLabel(c.campaignId, c.toOffer),
            })}
          </li>
        ))}
        {diff.segmentOrder.map((s) => (
          <li key={`o-${s.campaignId}`} className="matrix-diff-changed">
            <span className="matrix-diff-mark">{t('matrix.history.changed')}</span>{' '}
            {t('matrix.history.segmentOrder', { campaign: name(s.campaignId), from: list(s.from), to: list(s.to) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
