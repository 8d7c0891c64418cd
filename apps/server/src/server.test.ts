// The server over real HTTP on 127.0.0.1: health, the tRPC endpoint with cookies and error shapes, the
// static web app with its SPA fallback, and the security headers.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, createUser, type KizunaDb } from '@kizuna/db';
import { startServer, type RunningServer } from './server';
import { insertTestUser, sessionCookie, trpcHttp } from './testing';

describe('HTTP server', () => {
  let db: KizunaDb;
  let server: RunningServer;
  let webDist: string;

  beforeAll(async () => {
    db = await createTestDb();
    await createUser(db, { email: 'ann@example.com', name: 'Ann', role: 'admin', password: 'right-password' });
    webDist = mkdtempSync(join(tmpdir(), 'kizuna-web-'));
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Kizuna</title><div id="root"></div>');
    writeFileSync(join(webDist, 'assets', 'app-abc123.js'), 'console.log("kizuna")');
    server = await startServer({ db, port: 0, host: '127.0.0.1', webDist, log: () => undefined });
  });
  afterAll(async () => {
    await server.close();
    await db.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('listens on the requested host and answers /healthz', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'sqlite' });
  });

  it('signs in over /trpc with a session cookie that later requests use', async () => {
    const login = await trpcHttp(server.url, 'auth.login', {
      type: 'mutation',
      input: { email: 'ann@example.com', password: 'right-password' },
    });
    expect(login.status).toBe(200);
    expect(login.body.result?.data).toMatchObject({ user: { email: 'ann@example.com', role: 'admin', canSeePii: true } });
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^kizuna_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=604800; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
    const cookie = setCookie.split(';')[0]!;

    const me = await trpcHttp(server.url, 'auth.me', { type: 'query', cookie });
    expect(me.body.result?.data).toMatchObject({ email: 'ann@example.com' });
    const summary = await trpcHttp(server.url, 'workspace.summary', { type: 'query', cookie });
    expect(summary.status).toBe(200);

    const logout = await trpcHttp(server.url, 'auth.logout', { type: 'mutation', cookie });
    expect(logout.headers.get('set-cookie')).toMatch(/^kizuna_session=; Path=\/; Max-Age=0;/);
    const after = await trpcHttp(server.url, 'auth.me', { type: 'query', cookie });
    expect(after.body.result?.data).toBeNull();
  });

  it('refuses cross-site tRPC mutations', async () => {
    const input = { email: 'ann@example.com', password: 'right-password' };
    const crossSite = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify(input),
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get('set-cookie')).toBeNull();
    const sameOrigin = await trpcHttp(server.url, 'auth.login', {
      type: 'mutation',
      input,
      headers: { 'sec-fetch-site': 'same-origin', origin: server.url },
    });
    expect(sameOrigin.status).toBe(200);
  });

  it('sets Secure on the cookie behind an HTTPS proxy', async () => {
    const login = await trpcHttp(server.url, 'auth.login', {
      type: 'mutation',
      input: { email: 'ann@example.com', password: 'right-password' },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(login.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('maps auth failures to 401/403 and hides nothing the client needs', async () => {
    const signedOut = await trpcHttp(server.url, 'users.list', { type: 'query' });
    expect(signedOut.status).toBe(401);
    expect(signedOut.body.error?.data.code).toBe('UNAUTHORIZED');

    const marketer = await insertTestUser(db, 'marketer');
    const forbidden = await trpcHttp(server.url, 'users.list', { type: 'query', cookie: sessionCookie(marketer.token) });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error?.data.code).toBe('FORBIDDEN');

    const bogus = await trpcHttp(server.url, 'auth.me', { type: 'query', cookie: sessionCookie('x'.repeat(43)) });
    expect(bogus.body.result?.data).toBeNull();
  });

  it('returns zod field errors for bad input and domain errors with their code', async () => {
    const admin = await insertTestUser(db, 'admin');
    const cookie = sessionCookie(admin.token);
    const bad = await trpcHttp(server.url, 'users.create', {
      type: 'mutation',
      cookie,
      input: { email: 'nope', name: 'X', role: 'marketer', password: 'long-enough' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.data.zodError?.fieldErrors.email).toEqual(['Enter a valid email']);

    const dup = await trpcHttp(server.url, 'users.create', {
      type: 'mutation',
      cookie,
      input: { email: 'ann@example.com', name: 'Ann again', role: 'marketer', password: 'long-enough' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error?.message).toBe('A user with email ann@example.com already exists');

    const cursor = await trpcHttp(server.url, 'audit.list', { type: 'query', cookie, input: { limit: 5, cursor: 'forged' } });
    expect(cursor.status).toBe(400);
    expect(cursor.body.error?.data.zodError?.fieldErrors.cursor).toEqual(['Invalid audit cursor']);
  });

  it('answers too many failed logins with 429 and retryAfterSeconds', async () => {
    const attempt = () =>
      trpcHttp(server.url, 'auth.login', { type: 'mutation', input: { email: 'victim@example.com', password: 'guess' } });
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
    const blocked = await attempt();
    expect(blocked.status).toBe(429);
    expect(blocked.body.error?.data.retryAfterSeconds).toBeGreaterThan(800);
    expect(blocked.headers.get('retry-after')).toBe(String(blocked.body.error?.data.retryAfterSeconds));
  });

  it('serves the web app, falls back to index.html for client routes, and caches hashed assets', async () => {
    const index = await fetch(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="root">');
    expect(index.headers.get('cache-control')).toBe('no-cache');

    const deep = await fetch(`${server.url}/segments/42/edit`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');

    const asset = await fetch(`${server.url}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('console.log("kizuna")');
    expect(asset.headers.get('cache-control')).toContain('immutable');

    expect((await fetch(`${server.url}/`, { method: 'POST' })).status).toBe(405);
    const api = await fetch(`${server.url}/api/nothing`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('sets security headers on every response', async () => {
    for (const path of ['/', '/healthz', '/trpc/auth.me']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('content-security-policy'), path).toContain("default-src 'self'");
    }
  });

  it('explains a missing web build instead of failing obscurely', async () => {
    const bare = await startServer({ db, port: 0, host: '127.0.0.1', webDist: null, log: () => undefined });
    try {
      const res = await fetch(`${bare.url}/`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain('npm run build');
      expect((await fetch(`${bare.url}/healthz`)).status).toBe(200);
    } finally {
      await bare.close();
    }
    const unbuilt = await startServer({ db, port: 0, host: '127.0.0.1', webDist: join(webDist, 'missing'), log: () => undefined });
    try {
      expect((await fetch(`${unbuilt.url}/some/page`)).status).toBe(404);
    } finally {
      await unbuilt.close();
    }
  });
});
