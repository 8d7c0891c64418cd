// Saved segments as KPI cuts: each segment's members (the segment engine's current evaluation, as of the
// workspace's as-of date) turned into a byte mask over the KPI data's customer indexes, cached per member set.
import { getSavedSegment, type KizunaDb } from '@kizuna/db';
import type { Cut } from '@kizuna/metrics';
import type { Bitset } from '@kizuna/segments';
import { evaluateOrThrow, getSegmentEngine } from '../segments/engine';

export interface SegmentCut {
  id: string;
  name: string;
  cut: Cut;
  members: number;
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

/**
 * A segment's cut per (evaluated member set, KPI customer order). The evaluator hands out its cached, never
 * mutated set for an unchanged rule on unchanged data, so a new rule, a referenced segment's edit or a
 * reloaded engine gives a new set and a new cut; repeated dashboards reuse the mask.
 */
const cutCache = new WeakMap<Bitset, WeakMap<readonly string[], { cut: Cut; members: number }>>();

export function cachedMemberCut(members: Bitset, from: readonly string[], to: readonly string[]): { cut: Cut; members: number } {
  let inner = cutCache.get(members);
  if (!inner) {
    inner = new WeakMap();
    cutCache.set(members, inner);
  }
  let hit = inner.get(to);
  if (!hit) {
    hit = indexesToCut(members.toIndexes(), from, to);
    inner.set(to, hit);
  }
  return hit;
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
  // One read of the live rules for all cuts (what engine.membersOf reads for each one).
  const rules = await engine.savedRules();
  for (const id of new Set(segmentIds)) {
    const saved = await getSavedSegment(db, id);
    const rule = rules.get(id);
    if (!saved || saved.deletedAt || !rule) {
      missing.push(id);
      continue;
    }
    // Shared with the evaluator's cache: read only (cachedMemberCut copies it into a mask).
    const members = evaluateOrThrow(engine.evaluator, rule, id);
    const { cut, members: count } = cachedMemberCut(members, engine.customerIds, customerIds);
    cuts.push({ id, name: saved.name, cut, members: count });
  }
  return { cuts, missing };
}
