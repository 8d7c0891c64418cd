// The audit log: one row per change (settings, users, imports, segments, campaigns, …) and per login
// attempt, newest first, paged by an opaque keyset cursor.
import { randomUUID } from 'node:crypto';
import type { KizunaDb } from './client';

/** A database or an open transaction (`{ kysely: trx }`), so an entry can commit with the change it records. */
type DbExecutor = Pick<KizunaDb, 'kysely'>;

export interface AuditInput {
  /** Dotted verb, e.g. `user.create`, `settings.update`, `auth.login_failed`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  userId?: string | null;
  userEmail?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditEntry {
  id: string;
  at: string;
  userId: string | null;
  userEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
}

export async function writeAudit(db: DbExecutor, input: AuditInput, now = new Date()): Promise<AuditEntry> {
  const entry: AuditEntry = {
    id: sortableId(now),
    at: now.toISOString(),
    userId: input.userId ?? null,
    userEmail: input.userEmail ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    details: input.details ?? {},
  };
  await db.kysely
    .insertInto('audit_log')
    .values({
      id: entry.id,
      at: entry.at,
      user_id: entry.userId,
      user_email: entry.userEmail,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      details: JSON.stringify(entry.details),
    })
    .execute();
  return entry;
}

// Ids sort in the order entries were written, also within one millisecond: the log orders by (at, id), and a
// random id would shuffle changes made in the same millisecond.
let lastMs = -1;
let sequence = 0;
function sortableId(now: Date): string {
  const ms = now.getTime();
  sequence = ms === lastMs ? sequence + 1 : 0;
  lastMs = ms;
  return `${ms.toString(36).padStart(9, '0')}-${sequence.toString(36).padStart(4, '0')}-${randomUUID()}`;
}

function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { at: value[0], id: value[1] };
    }
  } catch {
    // fall through: a malformed cursor is reported as null
  }
  return null;
}

export class InvalidAuditCursorError extends Error {
  constructor() {
    super('Invalid audit cursor');
    this.name = 'InvalidAuditCursorError';
  }
}

/** Newest first. `nextCursor` is null on the last page. */
export async function listAudit(
  db: DbExecutor,
  options: { limit: number; cursor?: string | null },
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  let query = db.kysely.selectFrom('audit_log').selectAll();
  if (options.cursor) {
    const after = decodeCursor(options.cursor);
    if (!after) throw new InvalidAuditCursorError();
    query = query.where((eb) =>
      eb.or([eb('at', '<', after.at), eb.and([eb('at', '=', after.at), eb('id', '<', after.id)])]),
    );
  }
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit + 1)
    .execute();
  const page = rows.slice(0, options.limit);
  const items = page.map(
    (row): AuditEntry => ({
      id: row.id,
      at: row.at,
      userId: row.user_id,
      userEmail: row.user_email,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      details: JSON.parse(row.details) as Record<string, unknown>,
    }),
  );
  const last = page.at(-1);
  const nextCursor = rows.length > options.limit && last ? encodeCursor(last.at, last.id) : null;
  return { items, nextCursor };
}
