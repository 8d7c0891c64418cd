// The word-parallel inner loops of allocate(): one pass per cell, and the mask of customers the weekly cap
// removes from a campaign.
import { popcount32 } from '@kizuna/segments';
import type { AllocationInput, CampaignAllocation } from './allocation';
import { atLeastK, cappingGroups } from './frequencyCap';
import { pairHash } from './hash';

/**
 * Int32 views of bitset words: V8 keeps int32 values unboxed, while Uint32Array reads above 2^31 become
 * heap doubles and made the inner loops several times slower.
 */
export function int32(words: Uint32Array): Int32Array {
  return new Int32Array(words.buffer, words.byteOffset, words.length);
}

export function count(words: Int32Array): number {
  let n = 0;
  for (let k = 0; k < words.length; k++) n += popcount32(words[k]!);
  return n;
}

/** How step 4 decides: a cached mask of the campaign's whole holdout, else hashing each kept customer. */
export interface Holdout {
  keys: Int32Array;
  campaignKey: number;
  threshold: number;
  mask: Int32Array | null;
}

/**
 * One cell over every word: steps 1–4 for the segment's members, updating the campaign's running sets.
 * Returns [duplicates, capped, holdout, treatment]; eligible is their sum, so it needs no count of its own.
 */
export function cellKernel(
  m: Int32Array,
  reach: Int32Array,
  taken: Int32Array,
  twice: Int32Array,
  targeted: Int32Array,
  campaignTreated: Int32Array,
  capped: Int32Array | null,
  tw: Int32Array,
  hw: Int32Array,
  holdout: Holdout,
): Int32Array {
  const { keys, campaignKey, threshold, mask } = holdout;
  let duplicate = 0;
  let cappedOut = 0;
  let held = 0;
  let treated = 0;
  const words = m.length;
  for (let w = 0; w < words; w++) {
    const mw = m[w]!;
    if (mw === 0) continue;
    targeted[w]! |= mw;
    const e = mw & reach[w]!;
    const already = taken[w]!;
    const dup = e & already;
    const fresh = e ^ dup;
    twice[w]! |= dup;
    taken[w] = already | e;
    const cw = capped === null ? 0 : fresh & capped[w]!;
    let kept = fresh ^ cw;
    let h = 0;
    if (mask !== null) {
      h = kept & mask[w]!;
      kept ^= h;
    } else if (threshold > 0 && kept !== 0) {
      for (let bits = kept; bits !== 0; bits &= bits - 1) {
        const bit = bits & -bits;
        const i = (w << 5) + 31 - Math.clz32(bit);
        if (pairHash(keys[i]!, campaignKey) < threshold) h |= bit;
      }
      kept ^= h;
    }
    tw[w] = kept;
    hw[w] = h;
    campaignTreated[w]! |= kept;
    if (dup !== 0) duplicate += popcount32(dup);
    if (cw !== 0) cappedOut += popcount32(cw);
    if (h !== 0) held += popcount32(h);
    if (kept !== 0) treated += popcount32(kept);
  }
  return Int32Array.of(duplicate, cappedOut, held, treated);
}

/** Words of the customers the cap removes from campaign `position`, or null when nobody can be capped. */
export function cappedWords(input: AllocationInput, done: readonly CampaignAllocation[], position: number, words: number): Int32Array | null {
  const cap = input.frequencyCapPerWeek;
  if (position < cap) return null;
  const earlier = input.campaigns.slice(0, position);
  const groups = cappingGroups(input.campaigns[position]!, earlier, cap);
  if (groups.length === 0) return null;
  const out = new Int32Array(words);
  for (const group of groups) {
    const full = atLeastK(
      group.map((i) => done[i]!.treatmentSet.words),
      cap,
      words,
    );
    const f = int32(full);
    for (let w = 0; w < words; w++) out[w]! |= f[w]!;
  }
  return out;
}
