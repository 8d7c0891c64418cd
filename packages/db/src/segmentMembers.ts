// Materialized segment memberships (the SQL push-down path: a compiled rule run by the database), the size
// history behind segment trends, member exports streamed page by page, and which campaigns use a segment.
import { CompiledQuery } from 'kysely';
import type { KizunaDb } from './client';
import { segmentsKysely } from './segments';

/** The WHERE condition of a compiled rule over `customer_features cf`, numbering PostgreSQL parameters after `paramOffset`. */
export type CompileWhere = (paramOffset: number) => { where: string; params: readonly unknown[] };

type Db = Pick<KizunaDb, 'kysely' | 'dialect'>;

/**
 * Replaces a segment's materialized members with the customers the compiled rule selects (one
 * INSERT … SELECT) and records the as-of date they are for. Returns the member count.
 */
export async function replaceSegmentMembers(db: Db, segmentId: string, compileWhere: CompileWhere, asOfDate: string, now = new Date()): Promise<number> {
  const k = segmentsKysely(db);
  await k.deleteFrom('segment_members').where('segment_id', '=', segmentId).execute();
  // The segment id is the first parameter: `?` binds by position, and PostgreSQL's $1 comes first too.
  const { where, params } = compileWhere(1);
  const id = db.dialect === 'postgres' ? '$1::text' : '?';
  const res = await db.kysely.executeQuery(
    CompiledQuery.raw(
      `INSERT INTO segment_members (segment_id, customer_id) SELECT ${id}, cf.customer_id FROM customer_features cf WHERE (${where})`,
      [segmentId, ...params],
    ),
  );
  await k
    .updateTable('segments')
    .set({ members_as_of_date: asOfDate, members_refreshed_at: now.toISOString() })
    .where('id', '=', segmentId)
    .execute();
  return Number(res.numAffectedRows ?? 0);
}

/** How many customers a compiled rule selects, counted by the database. */
export async function countWhere(db: Pick<KizunaDb, 'kysely'>, compileWhere: CompileWhere): Promise<number> {
  const { where, params } = compileWhere(0);
  const res = await db.kysely.executeQuery<{ n: number | string }>(
    CompiledQuery.raw(`SELECT COUNT(*) AS n FROM customer_features cf WHERE (${where})`, [...params]),
  );
  return Number(res.rows[0]?.n ?? 0);
}

/** The materialized member ids of a segment, sorted. */
export async function readSegmentMemberIds(db: Pick<KizunaDb, 'kysely'>, segmentId: string): Promise<string[]> {
  const rows = await segmentsKysely(db)
    .selectFrom('segment_members')
    .select('customer_id')
    .where('segment_id', '=', segmentId)
    .orderBy('customer_id')
    .execute();
  return rows.map((r) => r.customer_id);
}

/** Keeps one size per segment and as-of date: the latest computation wins. */
export async function recordSegmentSize(db: Pick<KizunaDb, 'kysely'>, segmentId: string, date: string, size: number, now = new Date()): Promise<void> {
  const computedAt = now.toISOString();
  await segmentsKysely(db)
    .insertInto('segment_size_history')
    .values({ segment_id: segmentId, date, size, computed_at: computedAt })
    .onConflict((oc) => oc.columns(['segment_id', 'date']).doUpdateSet({ size, computed_at: computedAt }))
    .execute();
}

export interface SizePoint {
  /** As-of date, `YYYY-MM-DD`. */
  date: string;
  size: number;
}

/** The newest `limit` sizes (default 30) of each segment (of all segments when ids is omitted), oldest first. */
export async function segmentSizeHistory(
  db: Pick<KizunaDb, 'kysely'>,
  options: { ids?: readonly string[]; limit?: number } = {},
): Promise<Map<string, SizePoint[]>> {
  let q = segmentsKysely(db).selectFrom('segment_size_history').select(['segment_id', 'date', 'size']);
  if (options.ids) {
    if (options.ids.length === 0) return new Map();
    q = q.where('segment_id', 'in', [...options.ids]);
  }
  const rows = await q.orderBy('segment_id').orderBy('date').execute();
  const out = new Map<string, SizePoint[]>();
  for (const r of rows) {
    let list = out.get(r.segment_id);
    if (!list) out.set(r.segment_id, (list = []));
    list.push({ date: r.date, size: Number(r.size) });
  }
  const limit = options.limit ?? 30;
  for (const [id, list] of out) if (list.length > limit) out.set(id, list.slice(-limit));
  return out;
}

/** One exported member: id, contact fields and consent flags (has_email: a non-empty address). */
export interface SegmentExportRow {
  customerId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  hasEmail: boolean;
  emailOptIn: boolean;
  smsOptIn: boolean;
  pushOptIn: boolean;
  lineOptIn: boolean;
}

/**
 * Streams the customers a compiled rule selects, by customer id, in keyset pages (the same SQL on both
 * dialects, bounded memory at any size). Returns how many rows were passed to onRow.
 */
export async function forEachSegmentExportRow(
  db: Db,
  compileWhere: CompileWhere,
  onRow: (row: SegmentExportRow) => void | Promise<void>,
  pageSize = 5000,
): Promise<number> {
  const { where, params } = compileWhere(0);
  const after = db.dialect === 'postgres' ? `$${params.length + 1}::text` : '?';
  const text =
    'SELECT cf.customer_id, c.email, c.first_name, c.last_name, cf.has_email, cf.email_opt_in, cf.sms_opt_in, cf.push_opt_in, cf.line_opt_in ' +
    `FROM customer_features cf JOIN customers c ON c.customer_id = cf.customer_id WHERE (${where}) AND cf.customer_id > ${after} ` +
    `ORDER BY cf.customer_id LIMIT ${Math.max(1, Math.floor(pageSize))}`;
  let last = '';
  let total = 0;
  for (;;) {
    const res = await db.kysely.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, [...params, last]));
    for (const r of res.rows) {
      await onRow({
        customerId: String(r.customer_id),
        email: nullableText(r.email),
        firstName: nullableText(r.first_name),
        lastName: nullableText(r.last_name),
        hasEmail: Number(r.has_email) === 1,
        emailOptIn: Number(r.email_opt_in) === 1,
        smsOptIn: Number(r.sms_opt_in) === 1,
        pushOptIn: Number(r.push_opt_in) === 1,
        lineOptIn: Number(r.line_opt_in) === 1,
      });
    }
    total += res.rows.length;
    const tail = res.rows.at(-1);
    if (!tail || res.rows.length < pageSize) return total;
    last = String(tail.customer_id);
  }
}

function nullableText(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

export interface CampaignRef {
  id: string;
  name: string;
}

const PLAIN_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Which campaigns use each segment. The campaigns feature owns its tables, so they are found rather than
 * named: every table with both segment_id and campaign_id columns (matrix cells, assignments…), joined to
 * campaigns(id, name), skipping archived or deleted campaigns (archived / deleted_at columns). Empty without them.
 */
export async function campaignUsageOfSegments(db: Db): Promise<Map<string, CampaignRef[]>> {
  const columns = await tableColumnsByName(db);
  const campaigns = columns.get('campaigns');
  const out = new Map<string, CampaignRef[]>();
  if (!campaigns?.has('id') || !campaigns.has('name')) return out;
  const links = [...columns]
    .filter(([table, cols]) => cols.has('segment_id') && cols.has('campaign_id') && !/(_versions|_history|_snapshots)$/.test(table))
    .map(([table]) => table)
    .filter((t) => PLAIN_NAME.test(t) && !t.startsWith('segment_'))
    .sort();
  if (links.length === 0) return out;
  const live = [campaigns.has('deleted_at') ? 'c.deleted_at IS NULL' : null, campaigns.has('archived') ? 'c.archived = 0' : null].filter(Boolean);
  const where = live.length > 0 ? ` WHERE ${live.join(' AND ')}` : '';
  const union = links.map((t) => `SELECT segment_id, campaign_id FROM ${t}`).join(' UNION ');
  const res = await db.kysely.executeQuery<{ segment_id: string; id: string; name: string }>(
    CompiledQuery.raw(`SELECT DISTINCT l.segment_id, c.id, c.name FROM (${union}) l JOIN campaigns c ON c.id = l.campaign_id${where} ORDER BY c.name, c.id`),
  );
  for (const r of res.rows) {
    const segmentId = String(r.segment_id);
    let list = out.get(segmentId);
    if (!list) out.set(segmentId, (list = []));
    list.push({ id: String(r.id), name: String(r.name) });
  }
  return out;
}

async function tableColumnsByName(db: Db): Promise<Map<string, Set<string>>> {
  const text =
    db.dialect === 'postgres'
      ? `SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = current_schema()`
      : `SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'`;
  const res = await db.kysely.executeQuery<{ t: string; c: string }>(CompiledQuery.raw(text));
  const out = new Map<string, Set<string>>();
  for (const r of res.rows) {
    let set = out.get(r.t);
    if (!set) out.set(r.t, (set = new Set()));
    set.add(r.c);
  }
  return out;
}

/** Drops a segment's materialized members (a deleted segment keeps its versions and history only). */
export async function clearSegmentMembers(db: Pick<KizunaDb, 'kysely'>, segmentId: string): Promise<void> {
  const k = segmentsKysely(db);
  await k.deleteFrom('segment_members').where('segment_id', '=', segmentId).execute();
  await k.updateTable('segments').set({ members_as_of_date: null, members_refreshed_at: null }).where('id', '=', segmentId).execute();
}

/** A customer as shown in a segment's sample: contact fields (mask them by role) and a few key features. */
export interface CustomerCard {
  customerId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  gender: string | null;
  age: number | null;
  region: string | null;
  city: string | null;
  frequency: number;
  /** Minor units. */
  monetary: number;
  lastOrderDay: number | null;
}

/** Cards of the given customers, in the order of `ids` (unknown ids are skipped). */
export async function customerCards(db: Pick<KizunaDb, 'kysely'>, ids: readonly string[]): Promise<CustomerCard[]> {
  if (ids.length === 0) return [];
  const rows = await db.kysely
    .selectFrom('customer_features as cf')
    .innerJoin('customers as c', 'c.customer_id', 'cf.customer_id')
    .select([
      'cf.customer_id',
      'c.email',
      'c.first_name',
      'c.last_name',
      'cf.gender',
      'cf.age',
      'cf.region',
      'cf.city',
      'cf.frequency',
      'cf.monetary',
      'cf.last_order_day',
    ])
    .where('cf.customer_id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [r.customer_id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        customerId: r.customer_id,
        email: r.email,
        firstName: r.first_name,
        lastName: r.last_name,
        gender: r.gender,
        age: r.age === null ? null : Number(r.age),
        region: r.region,
        city: r.city,
        frequency: Number(r.frequency),
        monetary: Number(r.monetary),
        lastOrderDay: r.last_order_day === null ? null : Number(r.last_order_day),
      },
    ];
  });
}

/** When the newest successful import finished (segment members refreshed before it may be stale). */
export async function lastImportFinishedAt(db: Pick<KizunaDb, 'kysely'>): Promise<string | null> {
  const row = await db.kysely
    .selectFrom('imports')
    .select((eb) => eb.fn.max('finished_at').as('at'))
    .where('status', '=', 'succeeded')
    .executeTakeFirst();
  return row?.at ?? null;
}
