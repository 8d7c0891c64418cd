// Deterministic 32-bit hashes for holdout groups: a customer's place in a campaign's control group depends
// only on the customer id and the campaign id, never on row order, time or a random seed.

/** murmur3's finalizer: every input bit affects every output bit. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over the UTF-16 code units, finalized. Stable across runs, machines and Node versions. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** hashString of every customer id, by index: computed once per loaded dataset, reused by every allocation. */
export function hashCustomerIds(ids: readonly string[]): Uint32Array {
  const out = new Uint32Array(ids.length);
  for (let i = 0; i < ids.length; i++) out[i] = hashString(ids[i]!);
  return out;
}

/** Uniform in [0, 2^32) for a (customer, campaign) pair; independent across campaigns. */
export function pairHash(customerKey: number, campaignKey: number): number {
  return fmix32((customerKey ^ campaignKey) + 0x9e3779b9);
}

/** Pair hashes below this go to the holdout: holdoutPercent of 2^32, so raising the share only adds people. */
export function holdoutThreshold(holdoutPercent: number): number {
  return Math.round((Math.min(100, Math.max(0, holdoutPercent)) / 100) * 0x1_0000_0000);
}

/** Whether a customer falls in a campaign's holdout (the rule allocate() applies to every member). */
export function isHeldOut(customerId: string, campaignId: string, holdoutPercent: number): boolean {
  return pairHash(hashString(customerId), hashString(campaignId)) < holdoutThreshold(holdoutPercent);
}
