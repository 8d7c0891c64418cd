import { describe, expect, it } from 'vitest';
import { apiErrorCode, apiErrorMessage, apiFieldErrors, retryAfterSeconds, shouldRetry } from './apiError';

const trpcError = (code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error('boom'), { data: { code, httpStatus: 400, ...extra } });

describe('apiErrorCode', () => {
  it('reads the tRPC code', () => {
    expect(apiErrorCode(trpcError('UNAUTHORIZED'))).toBe('UNAUTHORIZED');
    expect(apiErrorCode(trpcError('TOO_MANY_REQUESTS'))).toBe('TOO_MANY_REQUESTS');
    expect(apiErrorCode(trpcError('FORBIDDEN'))).toBe('FORBIDDEN');
  });

  it('maps unexpected codes and shapes to UNKNOWN', () => {
    expect(apiErrorCode(trpcError('INTERNAL_SERVER_ERROR'))).toBe('UNKNOWN');
    expect(apiErrorCode(new Error('x'))).toBe('UNKNOWN');
    expect(apiErrorCode(null)).toBe('UNKNOWN');
    expect(apiErrorCode('text')).toBe('UNKNOWN');
  });

  it('recognizes a failed fetch as a network error', () => {
    expect(apiErrorCode(new TypeError('Failed to fetch'))).toBe('NETWORK');
    expect(apiErrorCode(Object.assign(new Error('wrapped'), { cause: new TypeError('Failed to fetch') }))).toBe(
      'NETWORK',
    );
  });
});

describe('apiErrorMessage and apiFieldErrors', () => {
  it('returns the message or null', () => {
    expect(apiErrorMessage(new Error('Email already used'))).toBe('Email already used');
    expect(apiErrorMessage(new Error('  '))).toBeNull();
    expect(apiErrorMessage(undefined)).toBeNull();
  });

  it('extracts zod field errors and drops non-strings', () => {
    const error = trpcError('BAD_REQUEST', { zodError: { fieldErrors: { email: ['Invalid email', 3] } } });
    expect(apiFieldErrors(error)).toEqual({ email: ['Invalid email'] });
    expect(apiFieldErrors(trpcError('BAD_REQUEST'))).toEqual({});
  });
});

describe('shouldRetry', () => {
  it('never retries client errors', () => {
    expect(shouldRetry(0, trpcError('UNAUTHORIZED'))).toBe(false);
    expect(shouldRetry(0, trpcError('BAD_REQUEST'))).toBe(false);
  });

  it('retries network and server errors twice', () => {
    expect(shouldRetry(0, new TypeError('Failed to fetch'))).toBe(true);
    expect(shouldRetry(1, trpcError('INTERNAL_SERVER_ERROR'))).toBe(true);
    expect(shouldRetry(2, trpcError('INTERNAL_SERVER_ERROR'))).toBe(false);
  });
});

describe('retryAfterSeconds', () => {
  it('reads whole seconds from the error data', () => {
    expect(retryAfterSeconds(trpcError('TOO_MANY_REQUESTS', { retryAfterSeconds: 42 }))).toBe(42);
    expect(retryAfterSeconds(trpcError('TOO_MANY_REQUESTS', { retryAfterSeconds: 2.1 }))).toBe(3);
  });

  it('is null when absent or meaningless', () => {
    expect(retryAfterSeconds(trpcError('TOO_MANY_REQUESTS', { retryAfterSeconds: null }))).toBeNull();
    expect(retryAfterSeconds(trpcError('TOO_MANY_REQUESTS', { retryAfterSeconds: 0 }))).toBeNull();
    expect(retryAfterSeconds(new Error('x'))).toBeNull();
  });
});
