import { describe, expect, it } from 'vitest';
import { loginErrorMessage, loginInput } from './loginForm';

const withCode = (code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error('x'), { data: { code, ...extra } });

describe('loginInput', () => {
  it('accepts an email and a password', () => {
    expect(loginInput.parse({ email: 'admin@kizuna.example', password: 'kizuna-admin' })).toEqual({
      email: 'admin@kizuna.example',
      password: 'kizuna-admin',
    });
  });

  it('reports each bad field with a translation key', () => {
    const result = loginInput.safeParse({ email: 'not-an-email', password: '' });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['email', 'login.errors.emailInvalid'],
      ['password', 'login.errors.passwordRequired'],
    ]);
  });
});

describe('loginErrorMessage', () => {
  it('tells bad credentials from rate limiting', () => {
    expect(loginErrorMessage(withCode('UNAUTHORIZED'))).toEqual({ key: 'login.errors.badCredentials' });
    expect(loginErrorMessage(withCode('TOO_MANY_REQUESTS'))).toEqual({ key: 'login.errors.rateLimited' });
  });

  it('says how long to wait when the server tells', () => {
    expect(loginErrorMessage(withCode('TOO_MANY_REQUESTS', { retryAfterSeconds: 60 }))).toEqual({
      key: 'login.errors.rateLimitedFor',
      seconds: 60,
    });
    expect(loginErrorMessage(withCode('TOO_MANY_REQUESTS', { retryAfterSeconds: 892 }))).toEqual({
      key: 'login.errors.rateLimitedMinutes',
      minutes: 15,
    });
  });

  it('explains an unreachable server and anything else', () => {
    expect(loginErrorMessage(new TypeError('Failed to fetch'))).toEqual({ key: 'login.errors.network' });
    expect(loginErrorMessage(withCode('INTERNAL_SERVER_ERROR'))).toEqual({ key: 'login.errors.generic' });
  });
});
