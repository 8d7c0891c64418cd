// GET /api/export/matrix-cell?campaignId=…&segmentId=…&group=all|treatment|holdout: one cell's audience as
// CSV, computed exactly as the matrix shows it. Signed in with the session cookie; every role that reads the
// matrix may export, with email and first name masked for roles without PII access. Audited before the
// first byte is sent, then streamed in batches.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { exportCellQuery, renderContent, tokensUsed, tokenValues, type ExportCellQuery } from '@kizuna/campaigns';
import { getSettings, writeAudit, type KizunaDb } from '@kizuna/db';
import { createRequestContext, type AppServices, type SessionUser } from '../../context';
import { ConflictError, domainErrorCode, httpStatusOf, NotFoundError } from '../../errors';
import { sendError } from '../../http/respond';
import { canSeePii, maskEmail, maskName } from '../../pii';
import { batches } from '../campaigns/personalizationReads';
import { createPersonalizer } from '../campaigns/personalization';
import { computeMatrix } from './compute';
import { attachmentDisposition, CSV_BOM, csvLine, slug } from './csv';

/** The route's handler; it answers every failure itself (the returned promise never rejects). */
export function createMatrixExportHandler(services: AppServices, log: (message: string) => void = (m) => console.error(m)) {
  return async function handleMatrixExport(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await respond(services, req, res);
    } catch (err) {
      const code = domainErrorCode(err);
      if (code && !res.headersSent) return sendError(res, httpStatusOf[code], code, (err as Error).message);
      log(`matrix export failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else res.destroy();
    }
  };
}

async function respond(services: AppServices, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET');
    return sendError(res, 405, 'METHOD_NOT_SUPPORTED', 'Use GET');
  }
  const ctx = await createRequestContext(services, req, res);
  if (!ctx.user) return sendError(res, 401, 'UNAUTHORIZED', 'Sign in to continue');
  const params = Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams);
  const query = exportCellQuery.safeParse(params);
  if (!query.success) {
    return sendError(res, 400, 'BAD_REQUEST', query.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; '));
  }
  await exportCell(services.db, ctx.user, query.data, res);
}

async function exportCell(db: KizunaDb, user: SessionUser, query: ExportCellQuery, res: ServerResponse): Promise<void> {
  const m = await computeMatrix(db);
  const campaign = m.campaigns.find((c) => c.id === query.campaignId);
  if (!campaign) throw new NotFoundError('No such active campaign');
  const cell = m.cells.find((c) => c.campaignId === campaign.id && c.segmentId === query.segmentId);
  if (!cell) throw new NotFoundError('That segment is not assigned to this campaign');
  if (cell.status !== 'ok') throw new ConflictError(`This cell has no audience (${cell.status.replace('_', ' ')})`);
  const allocated = m.allocation.campaigns.find((c) => c.campaignId === campaign.id)!.cells.find((c) => c.segmentId === cell.segmentId)!;
  const segmentName = m.rows.find((r) => r.id === cell.segmentId)?.name ?? cell.segmentId;

  // Both groups in customer order, each member tagged with its group.
  const members: { index: number; group: 'treatment' | 'holdout' }[] = [];
  if (query.group !== 'holdout') for (const index of allocated.treatmentSet.toIndexes()) members.push({ index, group: 'treatment' });
  if (query.group !== 'treatment') for (const index of allocated.holdoutSet.toIndexes()) members.push({ index, group: 'holdout' });
  members.sort((a, b) => a.index - b.index);

  const masked = !canSeePii(user.role);
  await writeAudit(db, {
    action: 'matrix.export',
    entityType: 'matrix_cell',
    entityId: `${campaign.id}:${cell.segmentId}`,
    userId: user.id,
    userEmail: user.email,
    details: { campaignId: campaign.id, segmentId: cell.segmentId, group: query.group, rows: members.length, piiMasked: masked, matrixVersion: m.version },
  });

  const offer = campaign.offers.find((o) => o.id === cell.offerId) ?? null;
  const { currency } = await getSettings(db);
  const tokens = tokensUsed(campaign.content.subject, campaign.content.body);
  const tokenColumns = tokens.filter((t) => t !== 'first_name');
  const personalizer = await createPersonalizer(db, m.engine.data.asOfDay, tokens);

  res.writeHead(200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': attachmentDisposition(`${slug(campaign.name)}-${slug(segmentName)}-${query.group}.csv`),
    'Cache-Control': 'no-store',
  });
  res.write(CSV_BOM + csvLine(['customer_id', 'email', 'first_name', ...tokenColumns, 'subject', 'body', 'offer_id', 'group']));
  for (const batch of batches(members)) {
    if (res.destroyed) return;
    const ids = batch.map((x) => m.engine.customerIds[x.index]!);
    const loaded = await personalizer.load(ids);
    let chunk = '';
    batch.forEach((member, k) => {
      const p = loaded.get(ids[k]!)!;
      const values = tokenValues(p.data, offer, currency);
      if (masked) values.first_name = maskName(values.first_name);
      const rendered = renderContent(campaign.content, values);
      const email = p.contact?.email ?? null;
      chunk += csvLine([
        ids[k],
        masked ? maskEmail(email) : email,
        values.first_name,
        ...tokenColumns.map((t) => values[t] ?? ''),
        rendered.subject,
        rendered.body,
        cell.offerId,
        member.group,
      ]);
    });
    if (!res.write(chunk) && (await drainedOrClosed(res)) === 'closed') return;
  }
  res.end();
}

/** Waits for the socket to take more; a client that went away ends the export. */
function drainedOrClosed(res: ServerResponse): Promise<'drained' | 'closed'> {
  return new Promise((resolve) => {
    const drained = () => {
      res.off('close', closed);
      resolve('drained');
    };
    const closed = () => {
      res.off('drain', drained);
      resolve('closed');
    };
    res.once('drain', drained);
    res.once('close', closed);
  });
}
