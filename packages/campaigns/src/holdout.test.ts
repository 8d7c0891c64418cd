import { describe, expect, it } from 'vitest';
import { Bitset } from '@kizuna/segments';
import { allocate } from './allocation';
import { campaign, input, range } from './allocation.testing';
import { hashCustomerIds, isHeldOut } from './hash';
import { HoldoutMasks, holdoutWords } from './holdout';

const ids = range(0, 1_000).map((i) => `member-${i}`);

describe('holdout masks', () => {
  it('marks exactly the customers isHeldOut names', () => {
    const words = holdoutWords(hashCustomerIds(ids), 'summer', 20);
    const set = new Bitset(ids.length, new Uint32Array(words.buffer));
    expect(set.toIndexes()).toEqual(range(0, ids.length).filter((i) => isHeldOut(ids[i]!, 'summer', 20)));
    expect(set.count()).toBeGreaterThan(150);
    expect(holdoutWords(hashCustomerIds(ids), 'summer', 0).every((w) => w === 0)).toBe(true);
  });

  it('computes each campaign and share once, and forgets the oldest beyond its limit', () => {
    const masks = new HoldoutMasks(hashCustomerIds(ids), 2);
    const first = masks.get('a', 10);
    expect(masks.get('a', 10)).toBe(first);
    expect(masks.get('a', 20)).not.toBe(first);
    masks.get('b', 10);
    expect(masks.size).toBe(2);
    expect(masks.get('a', 10)).not.toBe(first);
  });

  it('must belong to the keys of the allocation it serves', () => {
    const spec = input({ size: 3, segments: { s: [0, 1, 2] }, campaigns: [campaign('k', [['s']], { holdoutPercent: 10 })] });
    expect(() => allocate({ ...spec, holdoutMasks: new HoldoutMasks(hashCustomerIds(['x', 'y', 'z'])) })).toThrow(/other customer keys/);
  });
});
