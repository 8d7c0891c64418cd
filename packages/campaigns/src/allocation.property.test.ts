// Property tests (fast-check, fixed seed): allocate() against a per-customer reference that follows the
// definitions literally, plus the invariants the matrix relies on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channels, type Channel } from '@kizuna/segments';
import { allocate, type AllocationCampaign, type AllocationResult } from './allocation';
import { input, range } from './allocation.testing';
import { weekStarts } from './frequencyCap';
import { isHeldOut } from './hash';
import { HoldoutMasks } from './holdout';

interface Scenario {
  size: number;
  segments: Record<string, number[]>;
  reachable: Record<Channel, number[]>;
  campaigns: AllocationCampaign[];
  cap: number;
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({ size: fc.integer({ min: 1, max: 90 }), segmentCount: fc.integer({ min: 1, max: 5 }), campaignCount: fc.integer({ min: 1, max: 5 }) })
  .chain(({ size, segmentCount, campaignCount }) => {
    const indexes = fc.uniqueArray(fc.integer({ min: 0, max: size - 1 }), { maxLength: size });
    const segmentIds = range(0, segmentCount).map((i) => `s${i}`);
    const campaignArb = (i: number) =>
      fc.record({
        channel: fc.constantFrom(...channels),
        startDay: fc.integer({ min: 0, max: 30 }),
        length: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
        holdoutPercent: fc.constantFrom(0, 0, 10, 25, 50),
        cells: fc.shuffledSubarray(segmentIds),
      }).map(
        (c): AllocationCampaign => ({
          id: `campaign-${i}`,
          channel: c.channel,
          startDay: c.startDay,
          endDay: c.length === null ? null : c.startDay + c.length,
          holdoutPercent: c.holdoutPercent,
          cells: c.cells.map((segmentId, k) => ({ segmentId, offerId: `o${k}`, unitCost: k + 0.5 })),
        }),
      );
    return fc.record({
      size: fc.constant(size),
      segments: fc.record(Object.fromEntries(segmentIds.map((id) => [id, indexes]))) as fc.Arbitrary<Record<string, number[]>>,
      reachable: fc.record({ email: indexes, sms: indexes, push: indexes, line: indexes }),
      campaigns: fc.tuple(...range(0, campaignCount).map(campaignArb)),
      cap: fc.integer({ min: 1, max: 4 }),
    });
  });

type Outcome = { cell: number; group: 'treatment' | 'holdout' } | 'none';

/** The definitions, one customer at a time. */
function reference(s: Scenario): Outcome[][] {
  const ids = range(0, s.size).map((i) => `cust-${i}`);
  const treated: boolean[][] = [];
  const out: Outcome[][] = [];
  s.campaigns.forEach((c, ci) => {
    treated.push([]);
    out.push(
      ids.map((id, i) => {
        if (!s.reachable[c.channel].includes(i)) return 'none';
        const cell = c.cells.findIndex((cell) => s.segments[cell.segmentId]!.includes(i));
        if (cell < 0) return 'none';
        const w = weekStarts(c);
        const last = Math.min(w.hi, 60);
        for (let start = w.lo; start <= last; start++) {
          const sent = s.campaigns.slice(0, ci).filter((e, ei) => {
            const x = weekStarts(e);
            return treated[ei]![i] && x.lo <= start && start <= x.hi;
          }).length;
          if (sent >= s.cap) return 'none';
        }
        if (isHeldOut(id, c.id, c.holdoutPercent)) return { cell, group: 'holdout' };
        treated[ci]![i] = true;
        return { cell, group: 'treatment' };
      }),
    );
  });
  return out;
}

function outcomes(r: AllocationResult, size: number): Outcome[][] {
  return r.campaigns.map((c) =>
    range(0, size).map((i): Outcome => {
      const cell = c.cells.findIndex((x) => x.treatmentSet.has(i) || x.holdoutSet.has(i));
      if (cell < 0) return 'none';
      return { cell, group: c.cells[cell]!.treatmentSet.has(i) ? 'treatment' : 'holdout' };
    }),
  );
}

const params = { seed: 20_250_505, numRuns: 300 };

describe('allocate (properties)', () => {
  it('agrees with the per-customer definition of every step', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = allocate(input({ size: s.size, segments: s.segments, reachable: s.reachable, campaigns: s.campaigns, cap: s.cap }));
        expect(outcomes(r, s.size)).toEqual(reference(s));
      }),
      params,
    );
  });

  it('never gives one customer two cells of a campaign, and accounts for every eligible member', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = allocate(input({ size: s.size, segments: s.segments, reachable: s.reachable, campaigns: s.campaigns, cap: s.cap }));
        for (const c of r.campaigns) {
          const seen = new Set<number>();
          for (const cell of c.cells) {
            for (const i of [...cell.treatmentSet.toIndexes(), ...cell.holdoutSet.toIndexes()]) {
              expect(seen.has(i)).toBe(false);
              seen.add(i);
            }
            expect(cell.treatment + cell.holdout + cell.removedDuplicate + cell.removedFrequencyCap).toBe(cell.eligible);
            expect(cell.eligible + cell.removedNoConsent).toBe(cell.members);
            expect(cell.treatmentSet.count()).toBe(cell.treatment);
            expect(cell.holdoutSet.count()).toBe(cell.holdout);
          }
          expect(c.treatment + c.holdout + c.removedFrequencyCap + c.removedNoConsent).toBe(c.targeted);
          expect(c.leftOut).toBe(c.targeted - c.treatment - c.holdout);
        }
      }),
      params,
    );
  });

  it('gives the same result with a holdout cache as without', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const plain = input({ size: s.size, segments: s.segments, reachable: s.reachable, campaigns: s.campaigns, cap: s.cap });
        const cached = { ...plain, holdoutMasks: new HoldoutMasks(plain.customerKeys) };
        expect(outcomes(allocate(cached), s.size)).toEqual(outcomes(allocate(plain), s.size));
      }),
      params,
    );
  });

  it('never sends a customer more than the cap in any 7 days', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = allocate(input({ size: s.size, segments: s.segments, reachable: s.reachable, campaigns: s.campaigns, cap: s.cap }));
        // Messages per customer per week start (days -6..60 cover every schedule generated).
        const perWeek = range(0, s.size).map(() => new Array<number>(67).fill(0));
        r.campaigns.forEach((c, ci) => {
          const w = weekStarts(s.campaigns[ci]!);
          for (const i of c.treatmentSet.toIndexes()) {
            for (let start = Math.max(w.lo, -6); start <= Math.min(w.hi, 60); start++) perWeek[i]![start + 6]!++;
          }
        });
        for (const weeks of perWeek) expect(Math.max(...weeks)).toBeLessThanOrEqual(s.cap);
      }),
      params,
    );
  });
});
