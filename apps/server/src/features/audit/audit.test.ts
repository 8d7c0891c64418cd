import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createTestDb, writeAudit, type KizunaDb } from '@kizuna/db';
import { createCaller } from '../../appRouter';
import { createTestContext, insertTestUser } from '../../testing';

describe('audit.list', () => {
  let db: KizunaDb;
  let caller: ReturnType<typeof createCaller>;
  beforeEach(async () => {
    db = await createTestDb();
    const admin = await insertTestUser(db, 'admin');
    caller = createCaller(createTestContext(db, { user: admin.user, sessionId: admin.sessionId }));
  });
  afterEach(async () => {
    await db.close();
  });

  it('pages newest first until nextCursor is null', async () => {
    for (let i = 0; i < 7; i++) {
      await writeAudit(db, { action: `test.${i}`, entityType: 'test' }, new Date(Date.UTC(2025, 0, 1, 0, 0, i)));
    }
    const first = await caller.audit.list({ limit: 3 });
    expect(first.items.map((i) => i.action)).toEqual(['test.6', 'test.5', 'test.4']);
    const second = await caller.audit.list({ limit: 3, cursor: first.nextCursor });
    expect(second.items.map((i) => i.action)).toEqual(['test.3', 'test.2', 'test.1']);
    const third = await caller.audit.list({ limit: 3, cursor: second.nextCursor });
    expect(third).toEqual({ items: [expect.objectContaining({ action: 'test.0' })], nextCursor: null });
  });

  it('answers a forged cursor with BAD_REQUEST and a field error on cursor', async () => {
    const err = await caller.audit.list({ limit: 3, cursor: 'garbage' }).catch((e: unknown) => e as TRPCError);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe('BAD_REQUEST');
  });
});
