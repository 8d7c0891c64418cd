import { describe, expect, it } from 'vitest';
import { allocate } from './allocation';
import { bits, campaign, input, range } from './allocation.testing';
import { isHeldOut } from './hash';

const cellOf = (r: ReturnType<typeof allocate>, campaignId: string, segmentId: string) =>
  r.campaigns.find((c) => c.campaignId === campaignId)!.cells.find((c) => c.segmentId === segmentId)!;

describe('allocate, step by step', () => {
  it('1. keeps only members reachable on the campaign’s channel', () => {
    const spec = { size: 6, segments: { a: range(0, 6) }, reachable: { email: [0, 1, 2], sms: [4, 5] } };
    const email = allocate(input({ ...spec, campaigns: [campaign('mail', [['a']])] }));
    expect(cellOf(email, 'mail', 'a')).toMatchObject({ members: 6, eligible: 3, removedNoConsent: 3, treatment: 3 });
    expect(cellOf(email, 'mail', 'a').treatmentSet.toIndexes()).toEqual([0, 1, 2]);
    const sms = allocate(input({ ...spec, campaigns: [campaign('text', [['a']], { channel: 'sms' })] }));
    expect(cellOf(sms, 'text', 'a').treatmentSet.toIndexes()).toEqual([4, 5]);
    expect(sms.campaigns[0]).toMatchObject({ targeted: 6, eligible: 2, removedNoConsent: 4, leftOut: 4 });
  });

  it('2. gives a customer in several assigned segments the offer of the highest one only', () => {
    const segments = { a: [0, 1, 2, 3], b: [2, 3, 4, 5], c: [3, 6] };
    const r = allocate(input({ size: 8, segments, campaigns: [campaign('k', [['a', 'gold'], ['b', 'silver'], ['c', 'bronze']])] }));
    expect(r.campaigns[0]!.cells.map((c) => [c.segmentId, c.offerId, c.rank, c.treatmentSet.toIndexes(), c.removedDuplicate])).toEqual([
      ['a', 'gold', 1, [0, 1, 2, 3], 0],
      ['b', 'silver', 2, [4, 5], 2],
      ['c', 'bronze', 3, [6], 1],
    ]);
    // 2 and 3 qualified twice, 3 three times: two customers in conflict.
    expect(r.campaigns[0]).toMatchObject({ targeted: 7, eligible: 7, removedDuplicate: 3, conflicts: 2, treatment: 7, leftOut: 0 });

    const reordered = allocate(input({ size: 8, segments, campaigns: [campaign('k', [['c'], ['b'], ['a']])] }));
    expect(reordered.campaigns[0]!.cells.map((c) => c.treatmentSet.toIndexes())).toEqual([[3, 6], [2, 4, 5], [0, 1]]);
  });

  it('2. de-duplicates among eligible customers only', () => {
    // Customer 1 is in both segments but not reachable: it is a consent loss in each cell, not a duplicate.
    const r = allocate(input({ size: 3, segments: { a: [0, 1], b: [1, 2] }, reachable: { email: [0, 2] }, campaigns: [campaign('k', [['a'], ['b']])] }));
    expect(r.campaigns[0]!.cells.map((c) => [c.removedNoConsent, c.removedDuplicate, c.treatment])).toEqual([
      [1, 0, 1],
      [1, 0, 1],
    ]);
    expect(r.campaigns[0]).toMatchObject({ conflicts: 0, removedNoConsent: 1 });
  });

  it('3. caps a customer already messaged that week by a higher-priority campaign', () => {
    const segments = { a: [0, 1, 2, 3], b: [2, 3, 4] };
    const campaigns = [
      campaign('first', [['a']], { startDay: 100, endDay: 105 }),
      campaign('second', [['b']], { startDay: 103, endDay: 110 }),
      // Starts 7 days after "first" ends: never in the same week as it.
      campaign('later', [['a']], { startDay: 112, endDay: 120 }),
    ];
    const r = allocate(input({ size: 5, segments, campaigns, cap: 1 }));
    expect(cellOf(r, 'second', 'b')).toMatchObject({ eligible: 3, removedFrequencyCap: 2, treatment: 1 });
    expect(cellOf(r, 'second', 'b').treatmentSet.toIndexes()).toEqual([4]);
    // "later" shares a week with "second" (days 110 and 112) but its audience only overlaps "first".
    expect(cellOf(r, 'later', 'a')).toMatchObject({ removedFrequencyCap: 0, treatment: 4 });
    expect(r.campaigns.map((c) => c.sharesWeekWith)).toEqual([[], ['first'], ['second']]);

    // Lower-priority campaigns lose the customer first: swap the priorities and "first" is capped instead.
    const swapped = allocate(input({ size: 5, segments, campaigns: [campaigns[1]!, campaigns[0]!], cap: 1 }));
    expect(cellOf(swapped, 'first', 'a')).toMatchObject({ removedFrequencyCap: 2, treatment: 2 });
    // A cap of 2 a week lets both through.
    expect(cellOf(allocate(input({ size: 5, segments, campaigns, cap: 2 })), 'second', 'b').removedFrequencyCap).toBe(0);
  });

  it('3. counts only messages actually sent: a higher campaign’s holdout does not use up the cap', () => {
    const campaigns = [campaign('first', [['a']], { holdoutPercent: 50 }), campaign('second', [['a']])];
    const r = allocate(input({ size: 400, segments: { a: range(0, 400) }, campaigns, cap: 1 }));
    const first = cellOf(r, 'first', 'a');
    const second = cellOf(r, 'second', 'a');
    expect(first.holdout).toBeGreaterThan(150);
    expect(second.removedFrequencyCap).toBe(first.treatment);
    expect(second.treatmentSet.equals(first.holdoutSet)).toBe(true);
  });

  it('3. counts messages per week, not per overlapping pair', () => {
    // With a cap of 2: "a" and "b" never share a week, "c" shares one with each. Nobody is capped in "c",
    // since no week can hold a, b and c together.
    const campaigns = [
      campaign('a', [['s']], { startDay: 0, endDay: 0 }),
      campaign('b', [['s']], { startDay: 10, endDay: 10 }),
      campaign('c', [['s']], { startDay: 5, endDay: 5 }),
    ];
    const r = allocate(input({ size: 4, segments: { s: range(0, 4) }, campaigns, cap: 2 }));
    expect(r.campaigns.map((c) => c.treatment)).toEqual([4, 4, 4]);
    const capped = allocate(input({ size: 4, segments: { s: range(0, 4) }, campaigns, cap: 1 }));
    expect(capped.campaigns.map((c) => c.treatment)).toEqual([4, 4, 0]);
  });

  it('4. holds out a stable, hash-chosen share of each cell', () => {
    const size = 5_000;
    const ids = range(0, size).map((i) => `C${String(i).padStart(6, '0')}`);
    const spec = { size, segments: { a: range(0, 3_000), b: range(2_000, 5_000) }, customerIds: ids };
    const campaigns = [campaign('spring', [['a'], ['b']], { holdoutPercent: 10 })];
    const r = allocate(input({ ...spec, campaigns }));
    const again = allocate(input({ ...spec, campaigns }));
    for (const cell of r.campaigns[0]!.cells) {
      expect(cell.holdout / (cell.holdout + cell.treatment)).toBeGreaterThan(0.08);
      expect(cell.holdout / (cell.holdout + cell.treatment)).toBeLessThan(0.12);
      for (const i of cell.holdoutSet.toIndexes()) expect(isHeldOut(ids[i]!, 'spring', 10)).toBe(true);
      for (const i of cell.treatmentSet.toIndexes()) expect(isHeldOut(ids[i]!, 'spring', 10)).toBe(false);
    }
    expect(again.campaigns[0]!.cells.map((c) => c.holdoutSet.toIndexes())).toEqual(r.campaigns[0]!.cells.map((c) => c.holdoutSet.toIndexes()));

    // The same customers are held out whatever order the data was loaded in.
    const reversed = [...ids].reverse();
    const flipped = allocate(
      input({ size, segments: { a: range(2_000, 5_000), b: range(0, 3_000) }, customerIds: reversed, campaigns }),
    );
    const heldIds = (res: typeof r, order: string[]) => res.campaigns[0]!.cells.flatMap((c) => c.holdoutSet.toIndexes().map((i) => order[i]!)).sort();
    expect(heldIds(flipped, reversed)).toEqual(heldIds(r, ids));
  });

  it('estimates each cell’s cost and totals the matrix', () => {
    const campaigns = [campaign('x', [['a', 'big', 250.4], ['b', 'small', 10]]), campaign('y', [['b', 'o', 3]], { startDay: 500, endDay: 510 })];
    const r = allocate(input({ size: 10, segments: { a: [0, 1, 2], b: [2, 3, 4, 5] }, campaigns }));
    expect(r.campaigns[0]!.cells.map((c) => c.estimatedCost)).toEqual([751, 30]);
    expect(r.campaigns[0]!.estimatedCost).toBe(781);
    expect(r).toMatchObject({ reachedCustomers: 6, messages: 10, holdout: 0, estimatedCost: 781 + 12 });
  });

  it('handles a campaign without cells and refuses a segment it was not given', () => {
    const r = allocate(input({ size: 3, segments: {}, campaigns: [campaign('empty', [])] }));
    expect(r.campaigns[0]).toMatchObject({ targeted: 0, treatment: 0, cells: [] });
    expect(() => allocate(input({ size: 3, segments: {}, campaigns: [campaign('k', [['missing']])] }))).toThrow(/missing/);
    const wrongSize = { ...input({ size: 3, segments: {}, campaigns: [campaign('k', [['a']])] }), segments: new Map([['a', bits(4, [1])]]) };
    expect(() => allocate(wrongSize)).toThrow(/4 customers/);
  });
});
