// Reading saved segments: the list (size, share and trend as of the as-of date, last change, where used),
// one segment in full, its versions and the difference between two of them.
import {
  campaignUsageOfSegments,
  getSavedSegment,
  getSegmentVersion,
  lastImportFinishedAt,
  listSavedSegments,
  listSegmentVersions,
  segmentSizeHistory,
  type CampaignRef,
  type KizunaDb,
  type SavedSegment,
  type SizePoint,
} from '@kizuna/db';
import { RuleError, type SegmentRule } from '@kizuna/segments';
import { NotFoundError } from '../../errors';
import { diffRules, type RuleDiff } from './diff';
import { getSegmentEngine, type LoadedSegmentEngine } from './engine';
import { directReferrers, referencedSegmentIds } from './references';
import { ruleErrorsJson, type RuleErrorJson } from './ruleErrors';

export interface UserRef {
  id: string;
  email: string;
  name: string;
}

export interface SegmentRef {
  id: string;
  name: string;
}

export interface SegmentUsage {
  /** Live segments whose rule references this one. */
  segments: SegmentRef[];
  campaigns: CampaignRef[];
}

export interface SegmentListItem {
  id: string;
  name: string;
  description: string;
  tags: string[];
  version: number;
  /** Members as of the as-of date; null when the rule no longer validates (see errors). */
  size: number | null;
  /** size / all customers. */
  share: number | null;
  errors: RuleErrorJson[] | null;
  /** Sizes by as-of date, oldest first (at most 30). */
  trend: SizePoint[];
  lastChange: { at: string; by: UserRef | null; version: number };
  usedBy: SegmentUsage;
  /** The materialized members (exports, other tools) predate the current data or as-of date: refresh them. */
  membersStale: boolean;
}

export interface SegmentList {
  asOfDate: string;
  /** All customers. */
  total: number;
  items: SegmentListItem[];
}

export interface SegmentDetail extends SegmentListItem {
  rule: SegmentRule;
  createdAt: string;
  createdBy: UserRef | null;
  /** Segments this rule references. */
  references: SegmentRef[];
  membersAsOfDate: string | null;
  membersRefreshedAt: string | null;
}

interface ReadContext {
  engine: LoadedSegmentEngine;
  rules: ReadonlyMap<string, SegmentRule>;
  names: Map<string, string>;
  users: Map<string, UserRef>;
  campaigns: Map<string, CampaignRef[]>;
  history: Map<string, SizePoint[]>;
  importedAt: string | null;
}

async function readContext(db: KizunaDb, segments: readonly SavedSegment[], allLive: readonly SavedSegment[]): Promise<ReadContext> {
  const engine = await getSegmentEngine(db);
  const rules = await engine.savedRules();
  const userIds = segments.flatMap((s) => [s.createdBy, s.updatedBy]).filter((u): u is string => u !== null);
  return {
    engine,
    rules,
    names: new Map(allLive.map((s) => [s.id, s.name])),
    users: await usersById(db, userIds),
    campaigns: await campaignUsageOfSegments(db),
    history: await segmentSizeHistory(db, { ids: segments.map((s) => s.id), limit: 30 }),
    importedAt: await lastImportFinishedAt(db),
  };
}

export async function usersById(db: KizunaDb, ids: readonly string[]): Promise<Map<string, UserRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.kysely.selectFrom('users').select(['id', 'email', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

function sizeOf(ctx: ReadContext, s: SavedSegment): { size: number | null; errors: RuleErrorJson[] | null } {
  if (s.deletedAt !== null) return { size: null, errors: null };
  try {
    return { size: ctx.engine.evaluator.count(s.rule, { segmentId: s.id }), errors: null };
  } catch (err) {
    if (err instanceof RuleError) return { size: null, errors: ruleErrorsJson(err.errors) };
    throw err;
  }
}

function listItem(ctx: ReadContext, s: SavedSegment): SegmentListItem {
  const { size, errors } = sizeOf(ctx, s);
  const total = ctx.engine.data.size;
  const ref = (id: string): SegmentRef => ({ id, name: ctx.names.get(id) ?? id });
  const stale =
    s.membersAsOfDate !== ctx.engine.asOfDate ||
    s.membersRefreshedAt === null ||
    (ctx.importedAt !== null && s.membersRefreshedAt < ctx.importedAt);
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    tags: s.tags,
    version: s.version,
    size,
    share: size === null ? null : total === 0 ? 0 : size / total,
    errors,
    trend: ctx.history.get(s.id) ?? [],
    lastChange: { at: s.updatedAt, by: s.updatedBy ? (ctx.users.get(s.updatedBy) ?? null) : null, version: s.version },
    usedBy: { segments: directReferrers(ctx.rules, s.id).map(ref), campaigns: ctx.campaigns.get(s.id) ?? [] },
    membersStale: s.deletedAt === null && stale,
  };
}

export async function listSegments(db: KizunaDb, filter: { search?: string; tag?: string } = {}): Promise<SegmentList> {
  const live = await listSavedSegments(db);
  const search = filter.search?.toLowerCase();
  const shown = live.filter(
    (s) =>
      (!search || s.name.toLowerCase().includes(search) || s.description.toLowerCase().includes(search)) &&
      (!filter.tag || s.tags.includes(filter.tag)),
  );
  const ctx = await readContext(db, shown, live);
  return { asOfDate: ctx.engine.asOfDate, total: ctx.engine.data.size, items: shown.map((s) => listItem(ctx, s)) };
}

/** A live segment in full; NotFoundError for unknown or deleted ids. */
export async function getSegment(db: KizunaDb, id: string): Promise<SegmentDetail> {
  const s = await getSavedSegment(db, id);
  if (!s || s.deletedAt !== null) throw new NotFoundError('No such segment');
  const ctx = await readContext(db, [s], await listSavedSegments(db));
  return {
    ...listItem(ctx, s),
    rule: s.rule,
    createdAt: s.createdAt,
    createdBy: s.createdBy ? (ctx.users.get(s.createdBy) ?? null) : null,
    references: referencedSegmentIds(s.rule).map((r) => ({ id: r, name: ctx.names.get(r) ?? r })),
    membersAsOfDate: s.membersAsOfDate,
    membersRefreshedAt: s.membersRefreshedAt,
  };
}

export interface SegmentVersionItem {
  version: number;
  name: string;
  description: string;
  tags: string[];
  rule: SegmentRule;
  createdAt: string;
  createdBy: UserRef | null;
  /** e.g. "restored version 2"; null for a plain edit. */
  note: string | null;
  current: boolean;
}

async function requireSegment(db: KizunaDb, id: string): Promise<SavedSegment> {
  const s = await getSavedSegment(db, id);
  if (!s || s.deletedAt !== null) throw new NotFoundError('No such segment');
  return s;
}

/** Every version, newest first. */
export async function segmentVersions(db: KizunaDb, id: string): Promise<SegmentVersionItem[]> {
  const s = await requireSegment(db, id);
  const versions = await listSegmentVersions(db, id);
  const users = await usersById(db, versions.flatMap((v) => (v.createdBy ? [v.createdBy] : [])));
  return versions.map((v) => ({
    version: v.version,
    name: v.name,
    description: v.description,
    tags: v.tags,
    rule: v.rule,
    createdAt: v.createdAt,
    createdBy: v.createdBy ? (users.get(v.createdBy) ?? null) : null,
    note: v.note,
    current: v.version === s.version,
  }));
}

export interface SegmentDiff {
  from: { version: number; createdAt: string };
  to: { version: number; createdAt: string };
  name: { from: string; to: string } | null;
  description: { from: string; to: string } | null;
  tags: { added: string[]; removed: string[] } | null;
  rule: RuleDiff;
}

export async function segmentDiff(db: KizunaDb, id: string, from: number, to: number): Promise<SegmentDiff> {
  await requireSegment(db, id);
  const a = await getSegmentVersion(db, id, from);
  const b = await getSegmentVersion(db, id, to);
  if (!a) throw new NotFoundError(`The segment has no version ${from}`);
  if (!b) throw new NotFoundError(`The segment has no version ${to}`);
  const added = b.tags.filter((t) => !a.tags.includes(t));
  const removed = a.tags.filter((t) => !b.tags.includes(t));
  return {
    from: { version: a.version, createdAt: a.createdAt },
    to: { version: b.version, createdAt: b.createdAt },
    name: a.name === b.name ? null : { from: a.name, to: b.name },
    description: a.description === b.description ? null : { from: a.description, to: b.description },
    tags: added.length + removed.length === 0 ? null : { added, removed },
    rule: diffRules(a.rule, b.rule),
  };
}
