// A saved segment's members as CSV, selected by the compiled SQL and streamed page by page (no data
// loaded into memory, any size). Contact fields are exported as stored: callers decide who may export.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { findLiveSegmentByName, forEachSegmentExportRow, getSavedSegment, writeAudit, type KizunaDb, type SegmentExportRow } from '@kizuna/db';
import { validateRule } from '@kizuna/segments';
import { NotFoundError } from '../../errors';
import { ruleValidationError } from './ruleErrors';
import type { Actor } from './service';
import { compileWhereFor, sqlRuleContext } from './sqlPath';

export const exportColumns = ['customer_id', 'email', 'first_name', 'last_name', 'email_reachable', 'sms_opt_in', 'push_opt_in', 'line_opt_in'] as const;

export interface SegmentExportResult {
  segmentId: string;
  name: string;
  version: number;
  asOfDate: string;
  rows: number;
  path: string;
}

/**
 * One CSV cell, quoted when needed. Text a spreadsheet would run as a formula (= + - @ …) gets a leading
 * ' unless `verbatim` (the customer id: the join key back to the data is never altered).
 */
export function csvCell(value: string | boolean | null, verbatim = false): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const safe = !verbatim && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(row: SegmentExportRow): string {
  return [
    csvCell(row.customerId, true),
    csvCell(row.email),
    csvCell(row.firstName),
    csvCell(row.lastName),
    csvCell(row.hasEmail && row.emailOptIn),
    csvCell(row.smsOptIn),
    csvCell(row.pushOptIn),
    csvCell(row.lineOptIn),
  ].join(',');
}

/** Writes the members of the live segment named `segment` (or with that id) to `path`, and audits it. */
export async function exportSegmentCsv(db: KizunaDb, segment: string, path: string, actor: Actor, via: 'cli' | 'web'): Promise<SegmentExportResult> {
  const saved = (await findLiveSegmentByName(db, segment)) ?? (await getSavedSegment(db, segment));
  if (!saved || saved.deletedAt !== null) throw new NotFoundError(`No segment named "${segment}"`);
  const ctx = await sqlRuleContext(db);
  const errors = validateRule(saved.rule, ctx.registry, { asOfDay: ctx.asOfDay, resolveSegment: (id) => ctx.rules.get(id), segmentId: saved.id });
  if (errors.length > 0) throw ruleValidationError(errors);

  const out = createWriteStream(path, { encoding: 'utf8', mode: 0o600 });
  const failed = once(out, 'error').then(([err]) => Promise.reject(err as Error));
  failed.catch(() => undefined);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };
  let rows: number;
  try {
    await write(`${exportColumns.join(',')}\n`);
    rows = await forEachSegmentExportRow(db, compileWhereFor(db, ctx, ctx.rules, saved.rule, saved.id), (row) => write(`${csvLine(row)}\n`));
  } finally {
    out.end();
  }
  await Promise.race([once(out, 'finish'), failed]);
  await writeAudit(db, {
    action: 'segment.export',
    entityType: 'segment',
    entityId: saved.id,
    userId: actor?.id ?? null,
    userEmail: actor?.email ?? null,
    details: { name: saved.name, version: saved.version, asOfDate: ctx.asOfDate, rows, via },
  });
  return { segmentId: saved.id, name: saved.name, version: saved.version, asOfDate: ctx.asOfDate, rows, path };
}
