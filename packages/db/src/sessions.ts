// Login sessions. The browser holds a random 32-byte token; the table holds only its SHA-256, so a copy of
// the table cannot be replayed as a cookie.
import { createHash, randomBytes } from 'node:crypto';
import type { KizunaDb } from './client';
import type { Role } from './tables';

/** A database or an open transaction (`{ kysely: trx }`). */
type DbExecutor = Pick<KizunaDb, 'kysely'>;

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface SessionLookup {
  sessionId: string;
  expiresAt: string;
  user: { id: string; email: string; name: string; role: Role };
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Stores a new session; the returned token goes into the cookie and nowhere else. */
export async function createSession(
  db: DbExecutor,
  userId: string,
  now = new Date(),
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const sessionId = hashSessionToken(token);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.kysely
    .insertInto('sessions')
    .values({ id: sessionId, user_id: userId, created_at: now.toISOString(), expires_at: expiresAt.toISOString() })
    .execute();
  return { token, sessionId, expiresAt };
}

/** The session and its user for a cookie token; null when unknown, expired, or the user is disabled. */
export async function findSessionByToken(db: DbExecutor, token: string, now = new Date()): Promise<SessionLookup | null> {
  // Tokens are 43 base64url characters; anything else cannot be ours, so skip the query.
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await db.kysely
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.expires_at',
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.disabled',
    ])
    .where('sessions.id', '=', hashSessionToken(token))
    .executeTakeFirst();
  if (!row || row.disabled === 1) return null;
  // ISO 8601 UTC strings of one length sort like the instants they name.
  if (row.expires_at <= now.toISOString()) return null;
  return {
    sessionId: row.session_id,
    expiresAt: row.expires_at,
    user: { id: row.id, email: row.email, name: row.name, role: row.role },
  };
}

export async function deleteSession(db: DbExecutor, sessionId: string): Promise<void> {
  await db.kysely.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/**
 * Signs a user out everywhere (after a password change, or when the account is disabled), except for the
 * session `exceptSessionId`, e.g. the one an admin changing their own password is using.
 */
export async function deleteUserSessions(db: DbExecutor, userId: string, exceptSessionId?: string | null): Promise<number> {
  let query = db.kysely.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: DbExecutor, now = new Date()): Promise<number> {
  const result = await db.kysely.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
