// Cases for sessions.ts, run on SQLite (sessions.test.ts) and PostgreSQL (sessions.pg.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KizunaDb } from './client';
import {
  SESSION_TTL_MS,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSessionByToken,
  hashSessionToken,
} from './sessions';
import { createUser, updateUser } from './users';

export function sessionsCases(createDb: () => Promise<KizunaDb>): void {
  describe('sessions', () => {
    let db: KizunaDb;
    let userId: string;
    beforeEach(async () => {
      db = await createDb();
      userId = (await createUser(db, { email: 'm@example.com', name: 'M', role: 'manager', password: 'pw-123456' })).id;
    });
    afterEach(async () => {
      await db.close();
    });

    it('stores only the SHA-256 of a random 32-byte token, valid for 7 days', async () => {
      const now = new Date('2025-01-01T00:00:00Z');
      const { token, sessionId, expiresAt } = await createSession(db, userId, now);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      expect(sessionId).toBe(hashSessionToken(token));
      expect(sessionId).toMatch(/^[0-9a-f]{64}$/);
      expect(expiresAt.getTime() - now.getTime()).toBe(SESSION_TTL_MS);
      const rows = await db.kysely.selectFrom('sessions').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(token);

      const found = await findSessionByToken(db, token, new Date('2025-01-07T23:59:59Z'));
      expect(found).toMatchObject({ sessionId, user: { id: userId, email: 'm@example.com', role: 'manager' } });
      expect(await findSessionByToken(db, token, new Date('2025-01-08T00:00:00Z'))).toBeNull();
    });

    it('rejects unknown tokens, a token of another shape, and the stored hash itself', async () => {
      const { sessionId } = await createSession(db, userId);
      expect(await findSessionByToken(db, 'A'.repeat(43))).toBeNull();
      expect(await findSessionByToken(db, 'short')).toBeNull();
      expect(await findSessionByToken(db, sessionId)).toBeNull();
    });

    it('ends sessions one at a time, per user, when disabled, and when expired', async () => {
      const a = await createSession(db, userId);
      const b = await createSession(db, userId);
      await deleteSession(db, a.sessionId);
      expect(await findSessionByToken(db, a.token)).toBeNull();
      expect(await findSessionByToken(db, b.token)).not.toBeNull();

      await updateUser(db, userId, { disabled: true });
      expect(await findSessionByToken(db, b.token)).toBeNull();
      await updateUser(db, userId, { disabled: false });
      expect(await findSessionByToken(db, b.token)).not.toBeNull();
      const c = await createSession(db, userId);
      expect(await deleteUserSessions(db, userId, c.sessionId)).toBe(1);
      expect(await findSessionByToken(db, b.token)).toBeNull();
      expect(await findSessionByToken(db, c.token)).not.toBeNull();
      expect(await deleteUserSessions(db, userId)).toBe(1);
      expect(await findSessionByToken(db, c.token)).toBeNull();

      await createSession(db, userId, new Date('2000-01-01T00:00:00Z'));
      await createSession(db, userId);
      expect(await deleteExpiredSessions(db)).toBe(1);
      expect(await db.kysely.selectFrom('sessions').selectAll().execute()).toHaveLength(1);
    });
  });
}
