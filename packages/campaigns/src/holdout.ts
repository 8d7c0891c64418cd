// Holdout membership as bitset words. A campaign's control group depends only on customer and campaign ids and
// the share, so for a loaded dataset it can be hashed once and reused by every recomputation of the matrix.
import { hashString, holdoutThreshold, pairHash } from './hash';

/** Words of the customers whose pair hash falls below the threshold: the whole dataset's holdout for a campaign. */
export function holdoutWords(customerKeys: Uint32Array, campaignId: string, holdoutPercent: number): Int32Array {
  const words = new Int32Array((customerKeys.length + 31) >>> 5);
  const threshold = holdoutThreshold(holdoutPercent);
  if (threshold === 0) return words;
  const campaignKey = hashString(campaignId);
  const keys = new Int32Array(customerKeys.buffer, customerKeys.byteOffset, customerKeys.length);
  for (let i = 0; i < keys.length; i++) {
    if (pairHash(keys[i]!, campaignKey) < threshold) words[i >>> 5]! |= 1 << (i & 31);
  }
  return words;
}

/**
 * A cache of holdoutWords for one dataset (one customerKeys array), keyed by campaign id and share. Bounded:
 * the oldest entries go first once `limit` is reached.
 */
export class HoldoutMasks {
  private readonly masks = new Map<string, Int32Array>();

  constructor(
    readonly customerKeys: Uint32Array,
    private readonly limit = 64,
  ) {}

  get(campaignId: string, holdoutPercent: number): Int32Array {
    const key = `${holdoutThreshold(holdoutPercent)}\u0000${campaignId}`;
    let mask = this.masks.get(key);
    if (!mask) {
      mask = holdoutWords(this.customerKeys, campaignId, holdoutPercent);
      if (this.masks.size >= this.limit) this.masks.delete(this.masks.keys().next().value!);
      this.masks.set(key, mask);
    }
    return mask;
  }

  get size(): number {
    return this.masks.size;
  }
}
