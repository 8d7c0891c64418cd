// Reads what went wrong from a tRPC client error, without depending on its class, so pages can say it plainly.

export type ApiErrorCode =
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_REQUEST'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'PAYLOAD_TOO_LARGE'
  | 'NETWORK'
  | 'UNKNOWN';

const known = new Set<string>([
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_REQUEST',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'PAYLOAD_TOO_LARGE',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The tRPC error code (from `error.data.code`), 'NETWORK' when the server could not be reached. */
export function apiErrorCode(error: unknown): ApiErrorCode {
  if (!isRecord(error)) return 'UNKNOWN';
  const data = error.data;
  if (isRecord(data) && typeof data.code === 'string') {
    return known.has(data.code) ? (data.code as ApiErrorCode) : 'UNKNOWN';
  }
  // fetch() rejects with a TypeError when the server is down or the connection drops.
  if (error instanceof TypeError || (isRecord(error.cause) && error.cause instanceof TypeError)) return 'NETWORK';
  return 'UNKNOWN';
}

/** The server's own message, when it sent one worth showing. */
export function apiErrorMessage(error: unknown): string | null {
  if (isRecord(error) && typeof error.message === 'string' && error.message.trim() !== '') return error.message;
  return null;
}

/** Field errors from zod, attached by the server's error formatter as `data.zodError.fieldErrors`. */
export function apiFieldErrors(error: unknown): Record<string, string[]> {
  if (!isRecord(error) || !isRecord(error.data) || !isRecord(error.data.zodError)) return {};
  const fieldErrors = error.data.zodError.fieldErrors;
  if (!isRecord(fieldErrors)) return {};
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(fieldErrors)) {
    if (Array.isArray(messages)) out[field] = messages.filter((m): m is string => typeof m === 'string');
  }
  return out;
}

/** Seconds until a rate-limited call may be retried, when the server says (`data.retryAfterSeconds`). */
export function retryAfterSeconds(error: unknown): number | null {
  if (!isRecord(error) || !isRecord(error.data)) return null;
  const seconds = error.data.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : null;
}

/** Client errors will fail the same way again; only network and server errors are worth a retry. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const code = apiErrorCode(error);
  if (code !== 'NETWORK' && code !== 'UNKNOWN') return false;
  return failureCount < 2;
}
