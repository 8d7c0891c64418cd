// Saved segments, versions, memberships and size history (see migrations/0003_create_segments.sql). Every
// save appends a version; the segment row points at the current one. Rules are stored as JSON text and are
// validated by the caller (the server) before they get here. Memberships and sizes: segmentMembers.ts.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SegmentRule } from '@kizuna/segments';
import type { KizunaDb } from './client';
import type { Database } from './tables';

export * from './segmentMembers';

export interface SegmentsTable {
  id: string;
  name: string;
  description: string;
  /** JSON array of strings. */
  tags: string;
  current_version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
  members_as_of_date: string | null;
  members_refreshed_at: string | null;
}

export interface SegmentVersionsTable {
  segment_id: string;
  version: number;
  /** JSON of the SegmentRule. */
  rule: string;
  name: string;
  description: string;
  tags: string;
  created_at: string;
  created_by: string | null;
  note: string | null;
}

export interface SegmentMembersTable {
  segment_id: string;
  customer_id: string;
}

export interface SegmentSizeHistoryTable {
  segment_id: string;
  /** The as-of date (`YYYY-MM-DD`) the size was computed for. */
  date: string;
  size: number;
  computed_at: string;
}

// A type alias, not an interface: Kysely's withTables needs an index-signature-compatible record.
export type SegmentTables = {
  segments: SegmentsTable;
  segment_versions: SegmentVersionsTable;
  segment_members: SegmentMembersTable;
  segment_size_history: SegmentSizeHistoryTable;
};

/** The query builder with the segment tables known (tables.ts's Database lists the core tables only). */
export function segmentsKysely(db: Pick<KizunaDb, 'kysely'>): Kysely<Database & SegmentTables> {
  return db.kysely.withTables<SegmentTables>();
}

export interface SavedSegment {
  id: string;
  name: string;
  description: string;
  tags: string[];
  /** The current version number (1 for a new segment). */
  version: number;
  rule: SegmentRule;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
  deletedAt: string | null;
  /** The as-of date segment_members was computed for, and when; null before the first materialization. */
  membersAsOfDate: string | null;
  membersRefreshedAt: string | null;
}

export interface SegmentVersion {
  segmentId: string;
  version: number;
  rule: SegmentRule;
  name: string;
  description: string;
  tags: string[];
  createdAt: string;
  createdBy: string | null;
  note: string | null;
}

/** What one save writes: the full snapshot of the segment's editable fields. */
export interface SegmentSnapshot {
  name: string;
  description: string;
  tags: string[];
  rule: SegmentRule;
}

export interface SaveMeta {
  userId: string | null;
  /** e.g. "restored version 2"; null for a plain edit. */
  note?: string | null;
  now?: Date;
}

/** A live segment already has this name (ASCII case ignored), or the version changed under the caller. */
export class SegmentConflictError extends Error {
  constructor(
    readonly reason: 'name_taken' | 'version_changed',
    message: string,
  ) {
    super(message);
    this.name = 'SegmentConflictError';
  }
}

type SegmentJoinRow = SegmentsTable & { rule: string };

function parseTags(text: string): string[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
}

function toSaved(r: SegmentJoinRow): SavedSegment {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    tags: parseTags(r.tags),
    version: Number(r.current_version),
    rule: JSON.parse(r.rule) as SegmentRule,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    deletedAt: r.deleted_at,
    membersAsOfDate: r.members_as_of_date,
    membersRefreshedAt: r.members_refreshed_at,
  };
}

function selectSegments(db: Pick<KizunaDb, 'kysely'>) {
  return segmentsKysely(db)
    .selectFrom('segments as s')
    .innerJoin('segment_versions as v', (j) => j.onRef('v.segment_id', '=', 's.id').onRef('v.version', '=', 's.current_version'))
    .selectAll('s')
    .select('v.rule');
}

/** Live segments (and deleted ones when asked), by name. */
export async function listSavedSegments(db: Pick<KizunaDb, 'kysely'>, options: { includeDeleted?: boolean } = {}): Promise<SavedSegment[]> {
  let q = selectSegments(db);
  if (!options.includeDeleted) q = q.where('s.deleted_at', 'is', null);
  const rows = await q.orderBy('s.name').orderBy('s.id').execute();
  return rows.map(toSaved);
}

/** A segment by id, deleted or not; null when there is none. */
export async function getSavedSegment(db: Pick<KizunaDb, 'kysely'>, id: string): Promise<SavedSegment | null> {
  const row = await selectSegments(db).where('s.id', '=', id).executeTakeFirst();
  return row ? toSaved(row) : null;
}

/** The live segment with this name (ASCII case ignored), or null. */
export async function findLiveSegmentByName(db: Pick<KizunaDb, 'kysely'>, name: string): Promise<SavedSegment | null> {
  const row = await selectSegments(db)
    .where('s.deleted_at', 'is', null)
    .where((eb) => eb(eb.fn('lower', ['s.name']), '=', name.toLowerCase()))
    .executeTakeFirst();
  return row ? toSaved(row) : null;
}

async function assertNameFree(db: Pick<KizunaDb, 'kysely'>, name: string, exceptId: string | null): Promise<void> {
  const other = await findLiveSegmentByName(db, name);
  if (other && other.id !== exceptId) throw new SegmentConflictError('name_taken', `A segment named "${other.name}" already exists`);
}

/** Unique violations that slip past the check (two writers at once on PostgreSQL) become the same error. */
function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown };
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

async function mapUnique<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isUniqueViolation(err)) throw new SegmentConflictError('name_taken', `A segment named "${name}" already exists`);
    throw err;
  }
}

function versionRow(segmentId: string, version: number, s: SegmentSnapshot, meta: SaveMeta, at: string): SegmentVersionsTable {
  return {
    segment_id: segmentId,
    version,
    rule: JSON.stringify(s.rule),
    name: s.name,
    description: s.description,
    tags: JSON.stringify(s.tags),
    created_at: at,
    created_by: meta.userId,
    note: meta.note ?? null,
  };
}

/** Creates a segment at version 1. Run it inside withTransaction together with its audit entry. */
export async function createSavedSegment(
  db: Pick<KizunaDb, 'kysely'>,
  snapshot: SegmentSnapshot,
  meta: SaveMeta & { id?: string },
): Promise<SavedSegment> {
  const id = meta.id ?? randomUUID();
  const at = (meta.now ?? new Date()).toISOString();
  await assertNameFree(db, snapshot.name, null);
  const k = segmentsKysely(db);
  await mapUnique(snapshot.name, () =>
    k
      .insertInto('segments')
      .values({
        id,
        name: snapshot.name,
        description: snapshot.description,
        tags: JSON.stringify(snapshot.tags),
        current_version: 1,
        created_at: at,
        created_by: meta.userId,
        updated_at: at,
        updated_by: meta.userId,
        deleted_at: null,
        members_as_of_date: null,
        members_refreshed_at: null,
      })
      .execute(),
  );
  await k.insertInto('segment_versions').values(versionRow(id, 1, snapshot, meta, at)).execute();
  return (await getSavedSegment(db, id))!;
}

/**
 * Appends a version with the full snapshot and makes it current. Null when there is no live segment with
 * this id; SegmentConflictError when `expectedVersion` is given and is no longer current, or the name is taken.
 */
export async function saveSegmentVersion(
  db: Pick<KizunaDb, 'kysely'>,
  id: string,
  snapshot: SegmentSnapshot,
  meta: SaveMeta & { expectedVersion?: number },
): Promise<SavedSegment | null> {
  const at = (meta.now ?? new Date()).toISOString();
  await assertNameFree(db, snapshot.name, id);
  const k = segmentsKysely(db);
  // Bumping the counter first takes the row lock (PostgreSQL) so two saves cannot claim the same version.
  let bump = k
    .updateTable('segments')
    .set((eb) => ({
      current_version: eb('current_version', '+', 1),
      name: snapshot.name,
      description: snapshot.description,
      tags: JSON.stringify(snapshot.tags),
      updated_at: at,
      updated_by: meta.userId,
    }))
    .where('id', '=', id)
    .where('deleted_at', 'is', null);
  if (meta.expectedVersion !== undefined) bump = bump.where('current_version', '=', meta.expectedVersion);
  const bumped = await mapUnique(snapshot.name, () => bump.returning('current_version').executeTakeFirst());
  if (!bumped) {
    const current = await getSavedSegment(db, id);
    if (!current || current.deletedAt !== null) return null;
    throw new SegmentConflictError(
      'version_changed',
      `The segment was changed by someone else (now version ${current.version}, you edited version ${meta.expectedVersion})`,
    );
  }
  await k.insertInto('segment_versions').values(versionRow(id, Number(bumped.current_version), snapshot, meta, at)).execute();
  return (await getSavedSegment(db, id))!;
}

/** Marks a live segment deleted (its name becomes free); false when there was none. */
export async function softDeleteSegment(db: Pick<KizunaDb, 'kysely'>, id: string, meta: SaveMeta): Promise<boolean> {
  const at = (meta.now ?? new Date()).toISOString();
  const res = await segmentsKysely(db)
    .updateTable('segments')
    .set({ deleted_at: at, updated_at: at, updated_by: meta.userId })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

function toVersion(r: SegmentVersionsTable): SegmentVersion {
  return {
    segmentId: r.segment_id,
    version: Number(r.version),
    rule: JSON.parse(r.rule) as SegmentRule,
    name: r.name,
    description: r.description,
    tags: parseTags(r.tags),
    createdAt: r.created_at,
    createdBy: r.created_by,
    note: r.note,
  };
}

/** Every version of a segment, newest first. */
export async function listSegmentVersions(db: Pick<KizunaDb, 'kysely'>, id: string): Promise<SegmentVersion[]> {
  const rows = await segmentsKysely(db).selectFrom('segment_versions').selectAll().where('segment_id', '=', id).orderBy('version', 'desc').execute();
  return rows.map(toVersion);
}

export async function getSegmentVersion(db: Pick<KizunaDb, 'kysely'>, id: string, version: number): Promise<SegmentVersion | null> {
  const row = await segmentsKysely(db)
    .selectFrom('segment_versions')
    .selectAll()
    .where('segment_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? toVersion(row) : null;
}

