import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createTestDb, createUser, findSessionByToken, listAudit, updateUser, type KizunaDb } from '@kizuna/db';
import { createCaller } from '../../appRouter';
import { createAppServices, SESSION_COOKIE, type AppServices } from '../../context';
import { createTestContext } from '../../testing';
import { LoginRateLimiter } from './rateLimit';

function tokenFrom(setCookie: string | undefined): string {
  const match = /^kizuna_session=([^;]*)/.exec(setCookie ?? '');
  if (!match) throw new Error(`no session cookie in ${setCookie}`);
  return decodeURIComponent(match[1]!);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (err) {
    return err instanceof TRPCError ? err.code : String(err);
  }
}

describe('auth router', () => {
  let db: KizunaDb;
  let services: AppServices;
  let now: number;

  beforeEach(async () => {
    db = await createTestDb();
    now = Date.parse('2025-06-01T00:00:00Z');
    services = createAppServices(db, { loginLimiter: new LoginRateLimiter({ now: () => now }) });
    await createUser(db, { email: 'ann@example.com', name: 'Ann', role: 'planner', password: 'right-password' });
  });
  afterEach(async () => {
    await db.close();
  });

  it('signs in, sets an httpOnly SameSite=Strict cookie for 7 days, and me() returns the user', async () => {
    const ctx = createTestContext(db, { services });
    const { user } = await createCaller(ctx).auth.login({ email: ' ANN@example.com ', password: 'right-password' });
    expect(user).toMatchObject({ email: 'ann@example.com', name: 'Ann', role: 'planner', canSeePii: true });

    const [header] = ctx.cookies.setCookieHeaders;
    expect(ctx.cookies.setCookieHeaders).toHaveLength(1);
    expect(header).toMatch(/^kizuna_session=[A-Za-z0-9_-]{43}; /);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Strict');
    expect(header).toContain('Path=/');
    expect(header).toContain(`Max-Age=${7 * 24 * 3600}`);
    expect(header).not.toContain('Secure');

    const session = await findSessionByToken(db, tokenFrom(header));
    expect(session?.user.id).toBe(user.id);
    const me = await createCaller(createTestContext(db, { services, user, sessionId: session!.sessionId })).auth.me();
    expect(me).toEqual(user);
    expect(await createCaller(createTestContext(db, { services })).auth.me()).toBeNull();
  });

  it('marks the cookie Secure when the request came over HTTPS', async () => {
    const ctx = createTestContext(db, { services, secure: true });
    await createCaller(ctx).auth.login({ email: 'ann@example.com', password: 'right-password' });
    expect(ctx.cookies.setCookieHeaders[0]).toMatch(/; Secure$/);
  });

  it('refuses a wrong password or unknown email with the same message, and audits both', async () => {
    const caller = createCaller(createTestContext(db, { services }));
    const wrong = await caller.auth.login({ email: 'ann@example.com', password: 'nope' }).catch((e: unknown) => e);
    const unknown = await caller.auth.login({ email: 'bob@example.com', password: 'nope' }).catch((e: unknown) => e);
    for (const err of [wrong, unknown]) {
      expect(err).toBeInstanceOf(TRPCError);
      expect((err as TRPCError).code).toBe('UNAUTHORIZED');
      expect((err as TRPCError).message).toBe('Wrong email or password');
    }
    const { items } = await listAudit(db, { limit: 10 });
    expect(items.map((i) => [i.action, i.userEmail, i.details.reason])).toEqual([
      ['auth.login_failed', 'bob@example.com', 'unknown_email'],
      ['auth.login_failed', 'ann@example.com', 'wrong_password'],
    ]);
  });

  it('refuses a disabled account even with the right password', async () => {
    const creds = await createUser(db, { email: 'off@example.com', name: 'Off', role: 'manager', password: 'right-password' });
    await updateUser(db, creds.id, { disabled: true });
    const code = await codeOf(createCaller(createTestContext(db, { services })).auth.login({ email: 'off@example.com', password: 'right-password' }));
    expect(code).toBe('UNAUTHORIZED');
  });

  it('audits a successful login and logout; logout ends the session and clears the cookie', async () => {
    const loginCtx = createTestContext(db, { services });
    const { user } = await createCaller(loginCtx).auth.login({ email: 'ann@example.com', password: 'right-password' });
    const token = tokenFrom(loginCtx.cookies.setCookieHeaders[0]);
    const session = await findSessionByToken(db, token);

    const logoutCtx = createTestContext(db, { services, user, sessionId: session!.sessionId });
    await expect(createCaller(logoutCtx).auth.logout()).resolves.toEqual({ ok: true });
    expect(await findSessionByToken(db, token)).toBeNull();
    expect(logoutCtx.cookies.setCookieHeaders[0]).toMatch(/^kizuna_session=; Path=\/; Max-Age=0; .*HttpOnly; SameSite=Strict/);

    const { items } = await listAudit(db, { limit: 10 });
    expect(items.map((i) => [i.action, i.userId])).toEqual([
      ['auth.logout', user.id],
      ['auth.login', user.id],
    ]);
    // Signing out without a session is harmless and still clears the cookie.
    const anon = createTestContext(db, { services });
    await createCaller(anon).auth.logout();
    expect(anon.cookies.setCookieHeaders[0]).toContain(`${SESSION_COOKIE}=;`);
  });

  it('locks an email+IP after 5 failures for 15 minutes, even for the right password', async () => {
    const caller = (ip: string) => createCaller(createTestContext(db, { services, ip }));
    for (let i = 0; i < 5; i++) {
      expect(await codeOf(caller('10.0.0.1').auth.login({ email: 'ann@example.com', password: `guess-${i}` }))).toBe('UNAUTHORIZED');
      now += 1000;
    }
    const blocked = await caller('10.0.0.1')
      .auth.login({ email: 'ann@example.com', password: 'right-password' })
      .catch((e: unknown) => e as TRPCError);
    expect(blocked).toBeInstanceOf(TRPCError);
    expect((blocked as TRPCError).code).toBe('TOO_MANY_REQUESTS');
    // The first failure was at t0; the window reopens 15 minutes after it, 5 s have passed.
    expect((blocked as TRPCError & { cause: { retryAfterSeconds: number } }).cause.retryAfterSeconds).toBe(15 * 60 - 5);

    // Another IP, or another email from the same IP, is not affected.
    expect(await codeOf(caller('10.0.0.2').auth.login({ email: 'ann@example.com', password: 'right-password' }))).toBe('OK');

    now += 15 * 60 * 1000;
    expect(await codeOf(caller('10.0.0.1').auth.login({ email: 'ann@example.com', password: 'right-password' }))).toBe('OK');
    const { items } = await listAudit(db, { limit: 50 });
    expect(items.filter((i) => i.details.reason === 'rate_limited')).toHaveLength(1);
  });

  it('a successful login resets the failure count', async () => {
    const caller = createCaller(createTestContext(db, { services, ip: '10.0.0.9' }));
    for (let i = 0; i < 4; i++) await codeOf(caller.auth.login({ email: 'ann@example.com', password: 'bad' }));
    expect(await codeOf(caller.auth.login({ email: 'ann@example.com', password: 'right-password' }))).toBe('OK');
    for (let i = 0; i < 4; i++) await codeOf(caller.auth.login({ email: 'ann@example.com', password: 'bad' }));
    expect(await codeOf(caller.auth.login({ email: 'ann@example.com', password: 'right-password' }))).toBe('OK');
  });
});
