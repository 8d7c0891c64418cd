import { describe, expect, it } from 'vitest';
import { createTestDb, datasetStats, findUserCredentials, listUsers, updateUser, verifyPassword } from '@kizuna/db';
import { demoUsers, ensureDemoWorkspace } from './bootstrap';

describe('ensureDemoWorkspace', () => {
  it('fills an empty workspace, creates one user per role, prints the sign-ins, and is idempotent', async () => {
    const db = await createTestDb();
    try {
      const log: string[] = [];
      const first = await ensureDemoWorkspace(db, { customers: 20, seed: 3, log: (m) => log.push(m) });
      expect(first).toEqual({ generatedCustomers: 20, createdUsers: demoUsers.map((u) => u.email) });
      expect((await datasetStats(db)).customers).toBe(20);
      const users = await listUsers(db);
      expect(users.map((u) => [u.email, u.role]).sort()).toEqual([
        ['admin@kizuna.example', 'admin'],
        ['manager@kizuna.example', 'manager'],
        ['marketer@kizuna.example', 'marketer'],
        ['planner@kizuna.example', 'planner'],
      ]);
      for (const u of demoUsers) {
        const creds = await findUserCredentials(db, u.email);
        expect(await verifyPassword(u.password, creds!.passwordHash), u.email).toBe(true);
        expect(log.join('\n')).toMatch(new RegExp(`${u.role}\\s+${u.email.replace('.', '\\.')}\\s+${u.password}`));
      }

      // A second start adds no data and no users, and recreates only a demo user that was removed.
      const planner = users.find((u) => u.role === 'planner')!;
      await updateUser(db, planner.id, { name: 'Renamed' });
      await db.kysely.deleteFrom('users').where('email', '=', 'manager@kizuna.example').execute();
      const second = await ensureDemoWorkspace(db, { customers: 20, log: () => undefined });
      expect(second).toEqual({ generatedCustomers: 0, createdUsers: ['manager@kizuna.example'] });
      expect((await datasetStats(db)).customers).toBe(20);
      expect((await listUsers(db)).find((u) => u.id === planner.id)?.name).toBe('Renamed');
    } finally {
      await db.close();
    }
  });

  it('leaves the workspace empty when asked for 0 customers, but still creates the users', async () => {
    const db = await createTestDb();
    try {
      const result = await ensureDemoWorkspace(db, { customers: 0, log: () => undefined });
      expect(result.generatedCustomers).toBe(0);
      expect(result.createdUsers).toHaveLength(4);
      expect((await datasetStats(db)).customers).toBe(0);
    } finally {
      await db.close();
    }
  });
});
