// What every procedure receives: long-lived services shared by all requests (database, import jobs, login
// limiter) plus the caller (session user, IP, cookies) resolved per request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { findSessionByToken, type KizunaDb, type Role } from '@kizuna/db';
import { LoginRateLimiter } from './features/auth/rateLimit';
import { ImportJobs } from './features/data/jobs';
import { httpCookieJar, type CookieJar } from './http/cookies';
import { canSeePii } from './pii';

export const SESSION_COOKIE = 'kizuna_session';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  canSeePii: boolean;
}

/** Created once per app. */
export interface AppServices {
  db: KizunaDb;
  imports: ImportJobs;
  loginLimiter: LoginRateLimiter;
}

export interface Context extends AppServices {
  user: SessionUser | null;
  /** SHA-256 of the session cookie's token (the sessions table's id), or null when signed out. */
  sessionId: string | null;
  cookies: CookieJar;
  ip: string;
  /** True when the request reached us over HTTPS, so cookies get the Secure flag. */
  secure: boolean;
}

export function createAppServices(db: KizunaDb, overrides: Partial<Omit<AppServices, 'db'>> = {}): AppServices {
  return {
    db,
    imports: overrides.imports ?? new ImportJobs(),
    loginLimiter: overrides.loginLimiter ?? new LoginRateLimiter(),
  };
}

export function toSessionUser(user: { id: string; email: string; name: string; role: Role }): SessionUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, canSeePii: canSeePii(user.role) };
}

export function isSecureRequest(req: IncomingMessage): boolean {
  const socket = req.socket as { encrypted?: boolean };
  // Behind a TLS-terminating proxy the socket is plain; the proxy says so in X-Forwarded-Proto.
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = Array.isArray(forwarded) ? forwarded[0] : forwarded;
  return socket.encrypted === true || proto?.split(',')[0]?.trim() === 'https';
}

/** The session user for a request's cookie, or nulls when there is no valid session. */
export async function resolveSession(
  db: KizunaDb,
  cookies: CookieJar,
): Promise<{ user: SessionUser | null; sessionId: string | null }> {
  const token = cookies.get(SESSION_COOKIE);
  if (!token) return { user: null, sessionId: null };
  // The reader: a running import holds the writer, and signed-in requests (its progress polls) must not wait.
  const found = await findSessionByToken({ kysely: db.reader }, token);
  if (!found) return { user: null, sessionId: null };
  return { user: toSessionUser(found.user), sessionId: found.sessionId };
}

export async function createRequestContext(
  services: AppServices,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<Context> {
  const cookies = httpCookieJar(req, res);
  const session = await resolveSession(services.db, cookies);
  return {
    ...services,
    ...session,
    cookies,
    ip: req.socket.remoteAddress ?? 'unknown',
    secure: isSecureRequest(req),
  };
}
