// Every saved version, newest first: when and by whom, a diff against the current version, and restore
// (which saves the old version again as a new one, so history is never rewritten).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { useWorkspaceSummary } from '../workspace/useWorkspaceSummary';
import { VersionDiff } from './VersionDiff';
import type { SegmentDetail } from './useSegments';
import { useRestoreSegment, useSegmentVersions } from './useSegments';
import { versionNoteText } from './versionNote';

export function VersionHistory({ segment, readOnly, onRestored }: { segment: SegmentDetail; readOnly: boolean; onRestored: (from: number, to: number) => void }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const timeZone = useWorkspaceSummary().data?.timeZone ?? 'Asia/Tokyo';
  const versions = useSegmentVersions(segment.id);
  const restore = useRestoreSegment();
  const [compare, setCompare] = useState<number | null>(null);
  // The server stores its notes in English; the ones it writes itself are worded in the UI language.
  const noteText = (note: string) => versionNoteText(note, (m) => t(m.key, m.values));

  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('segments.history.title')}</h2>
      {versions.isPending ? <Loading /> : null}
      {versions.error ? <ApiErrorNotice error={versions.error} /> : null}
      {restore.error ? <ApiErrorNotice error={restore.error} /> : null}
      <ol className="version-list">
        {(versions.data ?? []).map((v) => (
          <li key={v.version} className={v.current ? 'current' : undefined}>
            <div className="version-head">
              <strong>{t('segments.history.version', { version: v.version })}</strong>
              {v.current ? <span className="badge badge-running">{t('segments.history.current')}</span> : null}
              <span className="muted">
                {formatDateTime(v.createdAt, locale, timeZone)}
                {' · '}
                {v.createdBy ? v.createdBy.name : t('segments.history.system')}
              </span>
            </div>
            <div className="version-name">
              {v.name}
              {v.note ? <span className="muted"> ({noteText(v.note)})</span> : null}
            </div>
            {v.current ? null : (
              <div className="version-actions">
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-expanded={compare === v.version}
                  onClick={() => setCompare(compare === v.version ? null : v.version)}
                >
                  {t('segments.history.compare', { version: v.version })}
                </button>
                {readOnly ? null : (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={restore.isPending}
                    onClick={() =>
                      restore.mutate(
                        { id: segment.id, version: v.version, expectedVersion: segment.version },
                        { onSuccess: (saved) => onRestored(v.version, saved.version) },
                      )
                    }
                  >
                    {t('segments.history.restore', { version: v.version })}
                  </button>
                )}
              </div>
            )}
            {compare === v.version ? <VersionDiff segmentId={segment.id} from={v.version} to={segment.version} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
