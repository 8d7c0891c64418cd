// Repository cases for users.ts, run on SQLite (users.test.ts) and PostgreSQL (users.pg.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KizunaDb } from './client';
import {
  countActiveAdmins,
  createUser,
  findUserByEmail,
  findUserCredentials,
  getUser,
  listUsers,
  updateUser,
  verifyPassword,
} from './users';

export function usersCases(createDb: () => Promise<KizunaDb>): void {
  describe('users repository', () => {
    let db: KizunaDb;
    beforeEach(async () => {
      db = await createDb();
    });
    afterEach(async () => {
      await db.close();
    });

    it('creates, finds case-insensitively, and lists users', async () => {
      const user = await createUser(db, { email: ' Ann@Example.COM ', name: ' Ann ', role: 'marketer', password: 'pw-123456' });
      expect(user).toMatchObject({ email: 'ann@example.com', name: 'Ann', role: 'marketer', disabled: false });
      expect(await getUser(db, user.id)).toEqual(user);
      expect(await findUserByEmail(db, 'ANN@example.com')).toEqual(user);
      const creds = await findUserCredentials(db, 'ann@example.com');
      expect(creds?.user).toEqual(user);
      expect(await verifyPassword('pw-123456', creds!.passwordHash)).toBe(true);
      await createUser(db, { email: 'bob@example.com', name: 'Bob', role: 'admin', password: 'pw-123456' });
      expect((await listUsers(db)).map((u) => u.email)).toEqual(['ann@example.com', 'bob@example.com']);
      expect(await getUser(db, 'nope')).toBeNull();
    });

    it('refuses a second user with the same email', async () => {
      await createUser(db, { email: 'ann@example.com', name: 'Ann', role: 'marketer', password: 'pw-123456' });
      await expect(
        createUser(db, { email: 'ANN@example.com', name: 'Ann 2', role: 'admin', password: 'pw-123456' }),
      ).rejects.toThrow(/UNIQUE/i);
    });

    it('updates fields, including the password, and counts active admins', async () => {
      const a = await createUser(db, { email: 'a@example.com', name: 'A', role: 'admin', password: 'old-password' });
      const b = await createUser(db, { email: 'b@example.com', name: 'B', role: 'admin', password: 'pw-123456' });
      expect(await countActiveAdmins(db)).toBe(2);
      expect(await countActiveAdmins(db, a.id)).toBe(1);
      const updated = await updateUser(db, b.id, { role: 'planner', name: 'Bee' });
      expect(updated).toMatchObject({ role: 'planner', name: 'Bee', disabled: false });
      expect(await countActiveAdmins(db)).toBe(1);
      await updateUser(db, a.id, { disabled: true, password: 'new-password' });
      expect(await countActiveAdmins(db)).toBe(0);
      const creds = await findUserCredentials(db, 'a@example.com');
      expect(creds?.user.disabled).toBe(true);
      expect(await verifyPassword('new-password', creds!.passwordHash)).toBe(true);
      expect(await verifyPassword('old-password', creds!.passwordHash)).toBe(false);
      expect(await updateUser(db, 'missing', { name: 'x' })).toBeNull();
    });
  });
}
