// Last-admin protection, run on SQLite (users.test.ts) and PostgreSQL (users.pg.test.ts): the check and the
// change happen in one transaction, so even concurrent demotions cannot leave the workspace without an admin.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { listUsers, type KizunaDb } from '@kizuna/db';
import { createCaller } from '../../appRouter';
import { createTestContext, insertTestUser } from '../../testing';

export function lastAdminCases(createDb: () => Promise<KizunaDb>): void {
  describe('last admin', () => {
    let db: KizunaDb;
    beforeEach(async () => {
      db = await createDb();
    });
    afterEach(async () => {
      await db.close();
    });

    const callerFor = (signedIn: Awaited<ReturnType<typeof insertTestUser>>) =>
      createCaller(createTestContext(db, { user: signedIn.user, sessionId: signedIn.sessionId }));

    it('refuses to demote or disable the only enabled admin', async () => {
      const admin = await insertTestUser(db, 'admin');
      const caller = callerFor(admin);
      for (const change of [{ role: 'manager' as const }, { disabled: true }]) {
        const err = await caller.users.update({ id: admin.user.id, ...change }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(TRPCError);
        expect((err as TRPCError).code).toBe('CONFLICT');
      }
      expect((await listUsers(db)).map((u) => [u.role, u.disabled])).toEqual([['admin', false]]);
    });

    it('lets exactly one of two simultaneous demotions through', async () => {
      const a = await insertTestUser(db, 'admin');
      const b = await insertTestUser(db, 'admin');
      const results = await Promise.allSettled([
        callerFor(a).users.update({ id: b.user.id, role: 'planner' }),
        callerFor(b).users.update({ id: a.user.id, role: 'planner' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect((rejected.reason as TRPCError).code).toBe('CONFLICT');
      expect((await listUsers(db)).filter((u) => u.role === 'admin')).toHaveLength(1);
    });
  });
}
