import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createSession, createTestDb, findSessionByToken, findUserCredentials, listAudit, verifyPassword, type KizunaDb } from '@kizuna/db';
import { createCaller } from '../../appRouter';
import { createTestContext, insertTestUser } from '../../testing';
import { lastAdminCases } from './users.cases';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (err) {
    return err instanceof TRPCError ? err.code : String(err);
  }
}

describe('users router', () => {
  let db: KizunaDb;
  let admin: Awaited<ReturnType<typeof insertTestUser>>;
  let caller: ReturnType<typeof createCaller>;

  beforeEach(async () => {
    db = await createTestDb();
    admin = await insertTestUser(db, 'admin', 'root@example.com');
    caller = createCaller(createTestContext(db, { user: admin.user, sessionId: admin.sessionId }));
  });
  afterEach(async () => {
    await db.close();
  });

  it('creates users who can then sign in, and lists them without password hashes', async () => {
    const created = await caller.users.create({ email: 'Mia@Example.com', name: 'Mia', role: 'marketer', password: 'mia-password' });
    expect(created).toMatchObject({ email: 'mia@example.com', name: 'Mia', role: 'marketer', disabled: false });
    const list = await caller.users.list();
    expect(list.map((u) => u.email)).toEqual(['mia@example.com', 'root@example.com']);
    expect(JSON.stringify(list)).not.toMatch(/scrypt|password/i);
    const signIn = createCaller(createTestContext(db));
    await expect(signIn.auth.login({ email: 'mia@example.com', password: 'mia-password' })).resolves.toMatchObject({
      user: { role: 'marketer', canSeePii: false },
    });
  });

  it('validates input with field errors and refuses a duplicate email', async () => {
    const bad = await caller.users
      .create({ email: 'not-an-email', name: '', role: 'marketer', password: 'short' })
      .catch((e: unknown) => e as TRPCError);
    expect(bad).toBeInstanceOf(TRPCError);
    expect((bad as TRPCError).code).toBe('BAD_REQUEST');
    await caller.users.create({ email: 'mia@example.com', name: 'Mia', role: 'marketer', password: 'mia-password' });
    expect(await codeOf(caller.users.create({ email: 'MIA@example.com', name: 'Mia 2', role: 'admin', password: 'mia-password' }))).toBe(
      'CONFLICT',
    );
    expect(await caller.users.list()).toHaveLength(2);
  });

  it('never disables or demotes the last enabled admin', async () => {
    expect(await codeOf(caller.users.update({ id: admin.user.id, role: 'manager' }))).toBe('CONFLICT');
    expect(await codeOf(caller.users.update({ id: admin.user.id, disabled: true }))).toBe('CONFLICT');
    const second = await caller.users.create({ email: 'two@example.com', name: 'Two', role: 'admin', password: 'two-password' });
    await caller.users.update({ id: second.id, disabled: true });
    // A disabled admin does not count.
    expect(await codeOf(caller.users.update({ id: admin.user.id, role: 'planner' }))).toBe('CONFLICT');
    await caller.users.update({ id: second.id, disabled: false });
    await expect(caller.users.update({ id: admin.user.id, role: 'planner' })).resolves.toMatchObject({ role: 'planner' });
    expect(await codeOf(caller.users.update({ id: second.id, disabled: true }))).toBe('CONFLICT');
    expect((await caller.users.list()).filter((u) => u.role === 'admin' && !u.disabled)).toHaveLength(1);
  });

  it('reports an unknown user as NOT_FOUND', async () => {
    expect(await codeOf(caller.users.update({ id: 'missing', name: 'X' }))).toBe('NOT_FOUND');
  });

  it('a password reset or disabling ends the user’s sessions; an admin keeps the session in use', async () => {
    const mia = await caller.users.create({ email: 'mia@example.com', name: 'Mia', role: 'marketer', password: 'mia-password' });
    const miaSession = await createSession(db, mia.id);
    await caller.users.update({ id: mia.id, password: 'new-password' });
    expect(await findSessionByToken(db, miaSession.token)).toBeNull();
    const creds = await findUserCredentials(db, 'mia@example.com');
    expect(await verifyPassword('new-password', creds!.passwordHash)).toBe(true);

    const again = await createSession(db, mia.id);
    await caller.users.update({ id: mia.id, disabled: true });
    await caller.users.update({ id: mia.id, disabled: false });
    expect(await findSessionByToken(db, again.token)).toBeNull();

    const otherAdminSession = await createSession(db, admin.user.id);
    await caller.users.update({ id: admin.user.id, password: 'admin-new-password' });
    expect(await findSessionByToken(db, admin.token)).not.toBeNull();
    expect(await findSessionByToken(db, otherAdminSession.token)).toBeNull();
  });

  it('audits every change with what changed, never the password', async () => {
    const mia = await caller.users.create({ email: 'mia@example.com', name: 'Mia', role: 'marketer', password: 'mia-password' });
    await caller.users.update({ id: mia.id, role: 'planner', name: 'Mia K', password: 'secret-password' });
    const { items } = await listAudit(db, { limit: 10 });
    expect(items.map((i) => i.action)).toEqual(['user.update', 'user.create']);
    expect(items[0]).toMatchObject({
      userId: admin.user.id,
      userEmail: 'root@example.com',
      entityId: mia.id,
      details: { changes: { role: { from: 'marketer', to: 'planner' }, name: { from: 'Mia', to: 'Mia K' }, password: 'changed' } },
    });
    expect(items[1]).toMatchObject({ details: { email: 'mia@example.com', role: 'marketer' } });
    expect(JSON.stringify(items)).not.toContain('secret-password');
    expect(JSON.stringify(items)).not.toContain('mia-password');
  });
});

describe('SQLite', () => {
  lastAdminCases(createTestDb);
});
