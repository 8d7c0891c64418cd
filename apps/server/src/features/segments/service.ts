// Changing saved segments: create, update, restore and duplicate (each save a new version), delete, and
// refreshing materialized members. A save validates the rule in memory, then materializes its members with
// the compiled SQL (and those of segments that reference it) and audits the change, in one transaction.
import {
  campaignUsageOfSegments,
  clearSegmentMembers,
  createSavedSegment,
  getSavedSegment,
  getSegmentVersion,
  listSavedSegments,
  recordSegmentSize,
  replaceSegmentMembers,
  saveSegmentVersion,
  SegmentConflictError,
  softDeleteSegment,
  withTransaction,
  writeAudit,
  type KizunaDb,
  type SavedSegment,
  type SegmentSnapshot,
} from '@kizuna/db';
import { validateRule, type SegmentRule } from '@kizuna/segments';
import type { SessionUser } from '../../context';
import { ConflictError, NotFoundError } from '../../errors';
import { getSegmentEngine, readLiveRules, type LoadedSegmentEngine } from './engine';
import { getSegment, type SegmentDetail } from './queries';
import { dependentSegmentIds, directReferrers } from './references';
import { ruleValidationError } from './ruleErrors';
import { compileWhereFor } from './sqlPath';
import type { CreateSegmentInput, UpdateSegmentInput } from './schema';

/** Who made a change; null for the CLI. */
export type Actor = Pick<SessionUser, 'id' | 'email'> | null;

/** Recomputes a segment's members in SQL and records its size for the as-of date. */
async function materialize(tx: KizunaDb, engine: LoadedSegmentEngine, rules: ReadonlyMap<string, SegmentRule>, id: string): Promise<number> {
  const rule = rules.get(id);
  if (!rule) throw new Error(`Segment ${id} has no rule to materialize`);
  const size = await replaceSegmentMembers(tx, id, compileWhereFor(tx, engine, rules, rule, id), engine.asOfDate);
  await recordSegmentSize(tx, id, engine.asOfDate, size);
  return size;
}

/**
 * The saved rules as the transaction sees them, with `rule` as segment `id`'s, after checking the rule
 * against them once more: a reference saved since the first check (another request) could close a cycle.
 */
async function rulesWith(tx: KizunaDb, engine: LoadedSegmentEngine, id: string, rule: SegmentRule): Promise<Map<string, SegmentRule>> {
  const rules = await readLiveRules(tx);
  const errors = validateRule(rule, engine.registry, { asOfDay: engine.asOfDay, resolveSegment: (x) => rules.get(x), segmentId: id });
  if (errors.length > 0) throw ruleValidationError(errors);
  return rules.set(id, rule);
}

async function validated(engine: LoadedSegmentEngine, rule: unknown, segmentId?: string): Promise<SegmentRule> {
  const errors = await engine.validate(rule, segmentId);
  if (errors.length > 0) throw ruleValidationError(errors);
  return rule as SegmentRule;
}

function conflicts<T>(run: Promise<T>): Promise<T> {
  return run.catch((err: unknown) => {
    if (err instanceof SegmentConflictError) throw new ConflictError(err.message);
    throw err;
  });
}

const auditUser = (actor: Actor) => ({ userId: actor?.id ?? null, userEmail: actor?.email ?? null });

export async function createSegment(db: KizunaDb, actor: Actor, input: CreateSegmentInput): Promise<SegmentDetail> {
  const engine = await getSegmentEngine(db);
  const rule = await validated(engine, input.rule);
  const saved = await conflicts(
    withTransaction(db, async (tx) => {
      const s = await createSavedSegment(tx, { name: input.name, description: input.description, tags: input.tags, rule }, { userId: actor?.id ?? null });
      const rules = await rulesWith(tx, engine, s.id, rule);
      const size = await materialize(tx, engine, rules, s.id);
      await writeAudit(tx, { action: 'segment.create', entityType: 'segment', entityId: s.id, ...auditUser(actor), details: { name: s.name, version: 1, size } });
      return s;
    }),
  );
  return getSegment(db, saved.id);
}

interface SaveOptions {
  action: 'segment.update' | 'segment.restore';
  note: string | null;
  expectedVersion?: number;
  details?: Record<string, unknown>;
}

/** Appends a version, then re-materializes this segment and every segment that references it. */
async function saveVersion(db: KizunaDb, actor: Actor, current: SavedSegment, next: SegmentSnapshot, options: SaveOptions): Promise<SegmentDetail> {
  const engine = await getSegmentEngine(db);
  const rule = await validated(engine, next.rule, current.id);
  const changed = (['name', 'description', 'tags', 'rule'] as const).filter((k) => JSON.stringify(current[k]) !== JSON.stringify(next[k]));
  await conflicts(
    withTransaction(db, async (tx) => {
      const meta = { userId: actor?.id ?? null, note: options.note, expectedVersion: options.expectedVersion };
      const saved = await saveSegmentVersion(tx, current.id, { ...next, rule }, meta);
      if (!saved) throw new NotFoundError('No such segment');
      const rules = await rulesWith(tx, engine, saved.id, rule);
      const size = await materialize(tx, engine, rules, saved.id);
      const dependents = dependentSegmentIds(rules, saved.id);
      for (const id of dependents) await materialize(tx, engine, rules, id);
      await writeAudit(tx, {
        action: options.action,
        entityType: 'segment',
        entityId: saved.id,
        ...auditUser(actor),
        details: { name: saved.name, version: saved.version, changed, size, rematerialized: dependents, ...options.details },
      });
    }),
  );
  return getSegment(db, current.id);
}

async function requireLive(db: KizunaDb, id: string): Promise<SavedSegment> {
  const s = await getSavedSegment(db, id);
  if (!s || s.deletedAt !== null) throw new NotFoundError('No such segment');
  return s;
}

/** Every save is a new version, even one that changes nothing but is saved on purpose. */
export async function updateSegment(db: KizunaDb, actor: Actor, input: UpdateSegmentInput): Promise<SegmentDetail> {
  const current = await requireLive(db, input.id);
  const next: SegmentSnapshot = {
    name: input.name ?? current.name,
    description: input.description ?? current.description,
    tags: input.tags ?? current.tags,
    rule: (input.rule as SegmentRule | undefined) ?? current.rule,
  };
  return saveVersion(db, actor, current, next, { action: 'segment.update', note: null, expectedVersion: input.expectedVersion });
}

/**
 * The notes the service writes on a version, stored as English text (what API clients and old rows show).
 * The web matches these exact shapes back to sentences in the user's language (apps/web/src/features/
 * segments/versionNote.ts): change them together, and keep reading the old shape.
 */
export const versionNotes = {
  restored: (version: number) => `restored version ${version}`,
  duplicated: (name: string, version: number) => `duplicated from "${name}" version ${version}`,
};

/** A new version equal to an old one (name, description, tags and rule). */
export async function restoreSegment(db: KizunaDb, actor: Actor, input: { id: string; version: number; expectedVersion?: number }): Promise<SegmentDetail> {
  const current = await requireLive(db, input.id);
  const old = await getSegmentVersion(db, input.id, input.version);
  if (!old) throw new NotFoundError(`The segment has no version ${input.version}`);
  const next: SegmentSnapshot = { name: old.name, description: old.description, tags: old.tags, rule: old.rule };
  return saveVersion(db, actor, current, next, {
    action: 'segment.restore',
    note: versionNotes.restored(old.version),
    expectedVersion: input.expectedVersion,
    details: { restoredVersion: old.version },
  });
}

/** "Name (copy)", "Name (copy 2)", … : the first one no live segment uses (ignoring case). */
export function copyName(name: string, taken: ReadonlySet<string>): string {
  const base = `${name} (copy`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${base})` : `${base} ${n})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

export async function duplicateSegment(db: KizunaDb, actor: Actor, input: { id: string; name?: string }): Promise<SegmentDetail> {
  const source = await requireLive(db, input.id);
  const taken = new Set((await listSavedSegments(db)).map((s) => s.name.toLowerCase()));
  const name = input.name ?? copyName(source.name, taken);
  const engine = await getSegmentEngine(db);
  const rule = await validated(engine, source.rule);
  const saved = await conflicts(
    withTransaction(db, async (tx) => {
      const s = await createSavedSegment(
        tx,
        { name, description: source.description, tags: source.tags, rule },
        { userId: actor?.id ?? null, note: versionNotes.duplicated(source.name, source.version) },
      );
      const rules = await rulesWith(tx, engine, s.id, rule);
      const size = await materialize(tx, engine, rules, s.id);
      await writeAudit(tx, {
        action: 'segment.duplicate',
        entityType: 'segment',
        entityId: s.id,
        ...auditUser(actor),
        details: { name, sourceId: source.id, sourceVersion: source.version, size },
      });
      return s;
    }),
  );
  return getSegment(db, saved.id);
}

/**
 * Soft-deletes a segment. Refused while another segment's rule references it (that rule would break), and
 * while campaigns use it unless `force`.
 */
export async function deleteSegment(db: KizunaDb, actor: Actor, input: { id: string; force: boolean }): Promise<{ id: string; deleted: true }> {
  const s = await requireLive(db, input.id);
  const engine = await getSegmentEngine(db);
  const rules = await engine.savedRules();
  const names = new Map((await listSavedSegments(db)).map((x) => [x.id, x.name]));
  const referrers = directReferrers(rules, s.id).map((id) => names.get(id) ?? id);
  if (referrers.length > 0) {
    throw new ConflictError(`"${s.name}" is used by the segments ${referrers.map((n) => `"${n}"`).join(', ')}: change them first`);
  }
  const campaigns = (await campaignUsageOfSegments(db)).get(s.id) ?? [];
  if (campaigns.length > 0 && !input.force) {
    throw new ConflictError(
      `"${s.name}" is used by the campaigns ${campaigns.map((c) => `"${c.name}"`).join(', ')}: remove it there, or delete with force`,
    );
  }
  await withTransaction(db, async (tx) => {
    if (!(await softDeleteSegment(tx, s.id, { userId: actor?.id ?? null }))) throw new NotFoundError('No such segment');
    await clearSegmentMembers(tx, s.id);
    await writeAudit(tx, {
      action: 'segment.delete',
      entityType: 'segment',
      entityId: s.id,
      ...auditUser(actor),
      details: { name: s.name, version: s.version, force: input.force, campaigns },
    });
  });
  return { id: s.id, deleted: true };
}

export interface RefreshedSegment {
  id: string;
  name: string;
  size: number | null;
  /** Why it could not be refreshed (its rule no longer validates). */
  error: string | null;
}

/**
 * Re-materializes the members of the given live segments (all when omitted) for the current data and
 * as-of date, and records their sizes. Each segment commits on its own.
 */
export async function refreshSegments(db: KizunaDb, actor: Actor, ids?: readonly string[]): Promise<{ asOfDate: string; segments: RefreshedSegment[] }> {
  const engine = await getSegmentEngine(db);
  const live = await listSavedSegments(db);
  const wanted = ids ? live.filter((s) => ids.includes(s.id)) : live;
  if (ids && wanted.length !== new Set(ids).size) throw new NotFoundError('Some of these segments do not exist');
  const rules = await engine.savedRules();
  const out: RefreshedSegment[] = [];
  for (const s of wanted) {
    const errors = await engine.validate(s.rule, s.id);
    if (errors.length > 0) {
      out.push({ id: s.id, name: s.name, size: null, error: errors[0]!.message });
      continue;
    }
    const size = await withTransaction(db, (tx) => materialize(tx, engine, rules, s.id));
    out.push({ id: s.id, name: s.name, size, error: null });
  }
  await writeAudit(db, {
    action: 'segment.refresh',
    entityType: 'segment',
    ...auditUser(actor),
    details: { asOfDate: engine.asOfDate, segments: out.map((r) => ({ id: r.id, size: r.size })) },
  });
  return { asOfDate: engine.asOfDate, segments: out };
}
