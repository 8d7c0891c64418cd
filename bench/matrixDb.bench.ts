// The segment × campaign matrix on the benchmark database (1M customers): 10 saved segments × 10 campaigns, every
// cell assigned, recomputed through the server's own path (campaigns and cells from SQLite, members from the
// loaded segment engine, consent, de-duplication, weekly cap, holdout, the view). Target: under 200 ms.
// Run alone: node --import tsx bench/matrixDb.bench.ts (KIZUNA_BENCH_CUSTOMERS=N for another size).
import { pathToFileURL } from 'node:url';
import type { Channel, CreateCampaignInput } from '@kizuna/campaigns';
import { createSavedSegment, findLiveSegmentByName, listCampaignRecords, listMatrixCells, type KizunaDb } from '@kizuna/db';
import type { SegmentRule } from '@kizuna/segments';
import { createCampaign, type Actor } from '../apps/server/src/features/campaigns/service';
import { getMatrix } from '../apps/server/src/features/matrix/queries';
import { assignCells, reorderSegments } from '../apps/server/src/features/matrix/mutations';
import { getSegmentEngine } from '../apps/server/src/features/segments/engine';
import { benchCustomers, openBenchDb } from './benchDb';
import { eight } from './segmentsDb.bench';
import { ms, printTable, time } from './stats';

const TARGET_MS = 200;
const actor: Actor = { id: 'bench', email: 'bench@kizuna.example' };
const rule = (...children: SegmentRule['children']): SegmentRule => ({ version: 1, kind: 'group', combinator: 'and', children });

const segmentRules: SegmentRule[] = [
  ...eight,
  rule({ kind: 'computed', field: 'recency_days', op: 'gt', value: 180 }),
  rule({ kind: 'behaviour', source: 'orders', aggregate: 'count', op: 'gte', value: 2, window: { type: 'last_days', days: 90 } }),
];

const channelCycle: Channel[] = ['email', 'line', 'email', 'push', 'sms', 'email', 'line', 'email', 'push', 'email'];

async function ensureSegments(db: KizunaDb): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, r] of segmentRules.entries()) {
    const name = `Bench matrix segment ${i + 1}`;
    const found = await findLiveSegmentByName(db, name);
    ids.push(found ? found.id : (await createSavedSegment(db, { name, description: 'Created by bench/matrixDb.bench.ts', tags: ['bench'], rule: r }, { userId: null })).id);
  }
  return ids;
}

function campaignInput(i: number, startDate: string): CreateCampaignInput {
  return {
    name: `Bench matrix campaign ${i + 1}`,
    goal: 'engagement',
    channel: channelCycle[i]!,
    startDate,
    endDate: null,
    holdoutPercent: 10,
    offers: [
      { kind: 'percent_discount', id: 'ten', label: '10% off', percent: 10, costPerRedemption: 500, redemptionRatePercent: 5 },
      { kind: 'points', id: 'points', label: '200 points', points: 200, costPerRedemption: 200, redemptionRatePercent: 10 },
    ],
    content: { subject: 'Hello {first_name}', body: 'Something for you, {first_name}: {offer}.' },
    marks: { segmentation: true, personalization: true },
    templateId: null,
  };
}

/** Ten campaigns with every segment assigned (alternating offers); created once, reused by later runs. */
async function ensureCampaigns(db: KizunaDb, segmentIds: string[], startDate: string): Promise<string[]> {
  const existing = new Map((await listCampaignRecords(db)).map((c) => [c.name, c.id]));
  const assigned = new Set((await listMatrixCells(db)).map((c) => `${c.campaignId}/${c.segmentId}`));
  const ids: string[] = [];
  for (let i = 0; i < 10; i++) {
    const input = campaignInput(i, startDate);
    const id = existing.get(input.name) ?? (await createCampaign(db, actor, input)).id;
    const cells = segmentIds.filter((s) => !assigned.has(`${id}/${s}`)).map((segmentId, j) => ({ segmentId, offerId: (i + j) % 2 === 0 ? 'ten' : 'points' }));
    if (cells.length > 0) await assignCells(db, actor, id, cells, `bench: ${cells.length} cells`);
    ids.push(id);
  }
  return ids;
}

export async function benchMatrixDb(): Promise<void> {
  const db = await openBenchDb();
  try {
    const loadStart = performance.now();
    const engine = await getSegmentEngine(db);
    const loadMs = performance.now() - loadStart;
    const segmentIds = await ensureSegments(db);
    const campaignIds = await ensureCampaigns(db, segmentIds, engine.asOfDate);
    const first = await getMatrix(db);
    const ours = first.campaigns.filter((c) => campaignIds.includes(c.id));
    const runs = 20;
    const warm = await time('recompute', runs, () => getMatrix(db));
    // A planner's edit: one campaign's segment priority rotated, then the matrix recomputed.
    let order = [...segmentIds];
    const edit = await time('edit', runs, async () => {
      order = [...order.slice(1), order[0]!];
      const view = await getMatrix(db);
      await reorderSegments(db, actor, { campaignId: campaignIds[0]!, segmentIds: order, baseVersion: view.version });
      return getMatrix(db);
    });
    const cold = await time(
      'cold',
      5,
      () => {
        engine.evaluator.clearCache();
        return getMatrix(db);
      },
      1,
    );
    console.log(`\n## Matrix on the database (${benchCustomers.toLocaleString('en')} customers)\n`);
    console.log(
      `Engine load ${ms(loadMs)}; ${ours.length} bench campaigns × ${segmentIds.length} segments (${first.cells.length} cells in the matrix, ${first.campaigns.length} campaigns in all); reached ${first.totals.reachedCustomers.toLocaleString('en')}, messages ${first.totals.messages.toLocaleString('en')}.\n`,
    );
    printTable(
      ['case', 'median', 'p95', `target ${TARGET_MS} ms`, 'note'],
      [
        ['recompute (segments cached)', ms(warm.medianMs), ms(warm.p95Ms), warm.p95Ms < TARGET_MS ? 'met' : 'missed', 'matrix.get: SQLite reads, allocation, view'],
        ['reorder + recompute', ms(edit.medianMs), ms(edit.p95Ms), '', 'matrix.reorderSegments (a version + audit), then matrix.get twice'],
        ['recompute, segment cache cleared', ms(cold.medianMs), ms(cold.p95Ms), cold.p95Ms < TARGET_MS ? 'met' : 'missed', 'all 10 rules evaluated again'],
      ],
    );
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchMatrixDb();
