// What the last matrix change came to: a refused change explained (a conflict plainly, as the fresh matrix
// is already reloading), or a restore confirmed. Brought into view, since the control used may be far below.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert';
import { apiErrorCode } from '../../ui/apiError';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';

export function MatrixNotices({ failure, restored }: { failure: unknown; restored: { from: number; to: number } | null }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const shown = failure !== null || restored !== null;
  useEffect(() => {
    if (shown) ref.current?.scrollIntoView?.({ block: 'center' });
  }, [shown, failure, restored]);
  return (
    <div ref={ref} className="matrix-notices">
      {failure === null ? null : apiErrorCode(failure) === 'CONFLICT' ? (
        <Alert tone="warning" title={t('matrix.conflict.title')}>
          <p>{t('matrix.conflict.body')}</p>
        </Alert>
      ) : (
        <ApiErrorNotice error={failure} />
      )}
      {restored ? <Alert tone="success">{t('matrix.history.restored', restored)}</Alert> : null}
    </div>
  );
}
