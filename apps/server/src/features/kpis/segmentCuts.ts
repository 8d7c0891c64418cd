// Saved segments as KPI cuts: each segment's members (the segment engine's current evaluation, as of the
// workspace's as-of date) turned into a byte mask over the KPI data's customer indexes.
import { getSavedSegment, type KizunaDb } from '@kizuna/db';
import type { Cut } from '@kizuna/metrics';
import { NotFoundError } from '../../errors';
import { getSegmentEngine } from '../segments/engine';

export interface SegmentCut {
  id: string;
  name: string;
  cut: Cut;
  members: number;
}

/** What segmentCuts needs of the segment engine: its customer order and a segment's members. */
export interface MemberSource {
  readonly customerIds: readonly string[];
  membersOf(segmentId: string): Promise<{ has(i: number): boolean; toIndexes(): number[] }>;
}

/** Both lists come from customer_features in customer_id order; when they agree, index i is the same customer. */
const aligned = new WeakMap<readonly string[], WeakMap<readonly string[], boolean>>();

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  let inner = aligned.get(a);
  if (!inner) {
    inner = new WeakMap();
    aligned.set(a, inner);
  }
  let same = inner.get(b);
  if (same === undefined) {
    same = a.length === b.length && a.every((id, i) => id === b[i]);
    inner.set(b, same);
  }
  return same;
}

/** The segment engine's index → the KPI data's index (-1: unknown there), or null when both orders agree. */
const permutations = new WeakMap<readonly string[], WeakMap<readonly string[], Int32Array>>();

function permutation(from: readonly string[], to: readonly string[]): Int32Array | null {
  if (sameOrder(from, to)) return null;
  let inner = permutations.get(from);
  if (!inner) {
    inner = new WeakMap();
    permutations.set(from, inner);
  }
  let map = inner.get(to);
  if (!map) {
    // The engine reads customer_features in table order on SQLite, the KPI loader in id order: map once.
    const index = new Map<string, number>();
    to.forEach((id, i) => index.set(id, i));
    map = Int32Array.from(from, (id) => index.get(id) ?? -1);
    inner.set(to, map);
  }
  return map;
}

/** Customer indexes of `from`'s order (a segment engine bitset) as a cut over `to` (the KPI data's ids). */
export function indexesToCut(indexes: Iterable<number>, from: readonly string[], to: readonly string[]): { cut: Cut; members: number } {
  const map = permutation(from, to);
  const cut = new Uint8Array(to.length);
  let members = 0;
  for (const i of indexes) {
    const j = map ? map[i]! : i;
    if (j < 0 || j >= to.length) continue;
    cut[j] = 1;
    members++;
  }
  return { cut, members };
}

/** The members of a segment as a cut over `customerIds` (members the KPI data does not know are left out). */
export async function memberCut(source: MemberSource, segmentId: string, customerIds: readonly string[]): Promise<{ cut: Cut; members: number }> {
  const members = await source.membersOf(segmentId);
  return indexesToCut(members.toIndexes(), source.customerIds, customerIds);
}

/** Cuts for the requested segments, in the order asked; ids of segments that do not exist are returned apart. */
export async function segmentCuts(
  db: KizunaDb,
  segmentIds: readonly string[],
  customerIds: readonly string[],
): Promise<{ cuts: SegmentCut[]; missing: string[] }> {
  const cuts: SegmentCut[] = [];
  const missing: string[] = [];
  if (segmentIds.length === 0) return { cuts, missing };
  const engine = await getSegmentEngine(db);
  for (const id of new Set(segmentIds)) {
    const saved = await getSavedSegment(db, id);
    if (!saved || saved.deletedAt) {
      missing.push(id);
      continue;
    }
    try {
      const { cut, members } = await memberCut(engine, id, customerIds);
      cuts.push({ id, name: saved.name, cut, members });
    } catch (err) {
      if (err instanceof NotFoundError) missing.push(id);
      else throw err;
    }
  }
  return { cuts, missing };
}
