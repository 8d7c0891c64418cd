// Cases for audit.ts, run on SQLite (audit.test.ts) and PostgreSQL (audit.pg.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidAuditCursorError, listAudit, writeAudit } from './audit';
import type { KizunaDb } from './client';

export function auditCases(createDb: () => Promise<KizunaDb>): void {
  describe('audit log', () => {
    let db: KizunaDb;
    beforeEach(async () => {
      db = await createDb();
    });
    afterEach(async () => {
      await db.close();
    });

    it('writes entries with their details and reads them back newest first', async () => {
      await writeAudit(db, { action: 'user.create', entityType: 'user', entityId: 'u1', userId: 'a', userEmail: 'a@x' }, new Date('2025-01-01T00:00:00Z'));
      await writeAudit(db, { action: 'settings.update', entityType: 'settings', details: { asOfDate: '2024-12-31' } }, new Date('2025-01-02T00:00:00Z'));
      const { items, nextCursor } = await listAudit(db, { limit: 10 });
      expect(nextCursor).toBeNull();
      expect(items.map((i) => i.action)).toEqual(['settings.update', 'user.create']);
      expect(items[0]).toMatchObject({ entityType: 'settings', entityId: null, userId: null, details: { asOfDate: '2024-12-31' } });
      expect(items[1]).toMatchObject({ entityId: 'u1', userId: 'a', userEmail: 'a@x', details: {}, at: '2025-01-01T00:00:00.000Z' });
    });

    it('pages through every entry exactly once, even when many share a timestamp', async () => {
      const at = new Date('2025-03-01T00:00:00Z');
      const written = new Set<string>();
      for (let i = 0; i < 23; i++) {
        const when = i % 3 === 0 ? at : new Date(at.getTime() + i * 1000);
        written.add((await writeAudit(db, { action: `a.${i}`, entityType: 't' }, when)).id);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<typeof listAudit>> = await listAudit(db, { limit: 5, cursor });
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(5);
      expect(seen).toHaveLength(23);
      expect(new Set(seen)).toEqual(written);
    });

    it('rejects a forged cursor, and accepts a cursor it issued', async () => {
      await writeAudit(db, { action: 'a.1', entityType: 't' });
      await writeAudit(db, { action: 'a.2', entityType: 't' });
      await expect(listAudit(db, { limit: 5, cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidAuditCursorError);
      const forged = Buffer.from(JSON.stringify({ at: 'x' })).toString('base64url');
      await expect(listAudit(db, { limit: 5, cursor: forged })).rejects.toBeInstanceOf(InvalidAuditCursorError);
      const { nextCursor } = await listAudit(db, { limit: 1 });
      expect((await listAudit(db, { limit: 5, cursor: nextCursor })).items).toHaveLength(1);
    });
  });
}
