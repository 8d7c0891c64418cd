// Duplicate or delete a saved segment. Deleting asks first; when campaigns use the segment the server says
// so, and the user may delete it anyway (segments that reference it must be changed first).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { apiErrorCode } from '../../ui/apiError';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import type { SegmentDetail } from './useSegments';
import { useDeleteSegment, useDuplicateSegment } from './useSegments';

export function SegmentActions({ segment }: { segment: SegmentDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const duplicate = useDuplicateSegment();
  const remove = useDeleteSegment();
  const [confirming, setConfirming] = useState(false);
  const conflict = apiErrorCode(remove.error) === 'CONFLICT' && segment.usedBy.campaigns.length > 0;

  const doDelete = (force: boolean) =>
    remove.mutate({ id: segment.id, force }, { onSuccess: () => void navigate('/segments', { state: { deleted: segment.name } }) });

  return (
    <div className="segment-actions">
      <button
        type="button"
        className="button button-secondary"
        disabled={duplicate.isPending}
        onClick={() => duplicate.mutate({ id: segment.id }, { onSuccess: (copy) => void navigate(`/segments/${copy.id}`, { state: { created: true } }) })}
      >
        {t('segments.actions.duplicate')}
      </button>
      {confirming ? (
        <span className="confirm" role="group" aria-label={t('segments.actions.confirm', { name: segment.name })}>
          <span>{t('segments.actions.confirm', { name: segment.name })}</span>
          <button type="button" className="button button-danger" disabled={remove.isPending} onClick={() => doDelete(false)}>
            {t('segments.actions.delete')}
          </button>
          {conflict ? (
            <button type="button" className="button button-danger" disabled={remove.isPending} onClick={() => doDelete(true)}>
              {t('segments.actions.deleteAnyway')}
            </button>
          ) : null}
          <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
            {t('segments.actions.cancel')}
          </button>
        </span>
      ) : (
        <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
          {t('segments.actions.delete')}
        </button>
      )}
      {duplicate.error ? <ApiErrorNotice error={duplicate.error} /> : null}
      {remove.error ? <ApiErrorNotice error={remove.error} /> : null}
    </div>
  );
}
