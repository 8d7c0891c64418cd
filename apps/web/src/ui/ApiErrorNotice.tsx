// A failed request explained in the UI language; the server's own text is added where it says something useful.
import { useTranslation } from 'react-i18next';
import { useValidationMessage } from '../i18n/validation';
import { Alert } from './Alert';
import type { ApiErrorCode } from './apiError';
import { apiErrorCode, apiErrorMessage } from './apiError';

const keys = {
  UNAUTHORIZED: 'errors.unauthorized',
  FORBIDDEN: 'errors.forbidden',
  NOT_FOUND: 'errors.notFound',
  BAD_REQUEST: 'errors.badRequest',
  CONFLICT: 'errors.conflict',
  TOO_MANY_REQUESTS: 'errors.tooManyRequests',
  PAYLOAD_TOO_LARGE: 'errors.payloadTooLarge',
  NETWORK: 'errors.network',
  UNKNOWN: 'errors.unknown',
} as const satisfies Record<ApiErrorCode, string>;

/** Codes whose server message names the actual problem (a field, a duplicate) rather than an internal detail. */
const showsServerMessage: ReadonlySet<ApiErrorCode> = new Set(['BAD_REQUEST', 'CONFLICT', 'NOT_FOUND']);

export function ApiErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const validation = useValidationMessage();
  const code = apiErrorCode(error);
  // A schema message the server repeats (a refused field) is shown in the UI language too.
  const detail = showsServerMessage.has(code) ? validation(apiErrorMessage(error) ?? undefined) : null;
  return (
    <Alert tone="error" title={t(keys[code])}>
      {detail ? <p className="alert-detail">{detail}</p> : null}
    </Alert>
  );
}
