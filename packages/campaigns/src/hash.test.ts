import { describe, expect, it } from 'vitest';
import { hashCustomerIds, hashString, holdoutThreshold, isHeldOut, pairHash } from './hash';

describe('holdout hashing', () => {
  it('is a pure function of the ids: fixed values that must not change between releases', () => {
    // Changing these moves customers between treatment and control of running campaigns.
    expect(hashString('C0001')).not.toBe(hashString('C0002'));
    expect(hashCustomerIds(['a', 'b'])).toEqual(Uint32Array.from([hashString('a'), hashString('b')]));
    expect(snapshot()).toMatchInlineSnapshot(`"272717252 4122626035 3322158622"`);
  });

  it('puts close to the holdout share in the control group, independently per campaign', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `cust-${i}`);
    const inA = ids.map((id) => isHeldOut(id, 'campaign-a', 10));
    const inB = ids.map((id) => isHeldOut(id, 'campaign-b', 10));
    const share = (xs: boolean[]) => xs.filter(Boolean).length / xs.length;
    expect(share(inA)).toBeGreaterThan(0.09);
    expect(share(inA)).toBeLessThan(0.11);
    // Independent campaigns: about 1% are held out of both.
    expect(share(inA.map((a, i) => a && inB[i]!))).toBeGreaterThan(0.005);
    expect(share(inA.map((a, i) => a && inB[i]!))).toBeLessThan(0.015);
  });

  it('only adds people to the holdout when its share grows', () => {
    const ids = Array.from({ length: 2_000 }, (_, i) => `c${i}`);
    for (const id of ids) if (isHeldOut(id, 'k', 5)) expect(isHeldOut(id, 'k', 20)).toBe(true);
    expect(ids.some((id) => isHeldOut(id, 'k', 0))).toBe(false);
    expect(holdoutThreshold(100)).toBe(2 ** 32);
    expect(pairHash(1, 2)).toBeGreaterThanOrEqual(0);
    expect(pairHash(1, 2)).toBeLessThan(2 ** 32);
  });
});

function snapshot(): string {
  return [hashString('C0001'), hashString('顧客-42'), pairHash(hashString('C0001'), hashString('campaign-1'))].join(' ');
}
