// The segment × campaign allocation, exact over the members: campaigns in priority order, and in each the
// assigned segments in priority order, go through (1) consent on the campaign's channel, (2) de-duplication
// (a customer gets the cell of the highest segment only), (3) the weekly frequency cap (higher-priority
// campaigns keep the customer) and (4) the holdout (a hash of customer and campaign id). Word-parallel on
// bitsets, so a 10 × 10 matrix over a million customers takes milliseconds.
import { Bitset, type Channel } from '@kizuna/segments';
import { shareAWeek, type Schedule } from './frequencyCap';
import { hashString, holdoutThreshold } from './hash';
import type { HoldoutMasks } from './holdout';
import { cappedWords, cellKernel, count, int32, type Holdout } from './kernel';

export interface AllocationCell {
  segmentId: string;
  offerId: string;
  /** Expected cost per treated customer in minor units (expectedCostPerRecipient of the offer). */
  unitCost: number;
}

export interface AllocationCampaign extends Schedule {
  id: string;
  channel: Channel;
  holdoutPercent: number;
  /** Highest segment priority first. */
  cells: readonly AllocationCell[];
}

export interface AllocationInput {
  /** Number of customers; every bitset has this size. */
  size: number;
  /** Customers reachable on each channel (email: has an email and opted in; others: opted in). */
  reachable: Readonly<Record<Channel, Bitset>>;
  /** hashCustomerIds(customerIds): the holdout depends on the id, not the index. */
  customerKeys: Uint32Array;
  segments: ReadonlyMap<string, Bitset>;
  /** Highest campaign priority first. */
  campaigns: readonly AllocationCampaign[];
  /** At most this many messages per customer in any 7 days. */
  frequencyCapPerWeek: number;
  /** Optional cache of whole-dataset holdouts over the same customerKeys: repeated recomputations skip hashing. */
  holdoutMasks?: HoldoutMasks;
}

export interface CellCounts {
  /** Members of the segment. */
  members: number;
  /** Members reachable on the campaign's channel (step 1). */
  eligible: number;
  removedNoConsent: number;
  /** Eligible members who get the cell of a higher-priority segment of this campaign instead (step 2). */
  removedDuplicate: number;
  /** Lost to higher-priority campaigns under the weekly cap (step 3). */
  removedFrequencyCap: number;
  /** Control group (step 4). */
  holdout: number;
  /** Final reach: who gets the message. */
  treatment: number;
  /** Minor units: treatment × expected cost per recipient, rounded. */
  estimatedCost: number;
}

export interface CellAllocation extends CellCounts {
  campaignId: string;
  segmentId: string;
  offerId: string;
  /** 1 = highest segment priority in its campaign. */
  rank: number;
  treatmentSet: Bitset;
  holdoutSet: Bitset;
}

export interface CampaignAllocation {
  campaignId: string;
  cells: CellAllocation[];
  /** Distinct customers of the assigned segments. */
  targeted: number;
  /** Distinct targeted customers reachable on the channel. */
  eligible: number;
  removedNoConsent: number;
  removedDuplicate: number;
  removedFrequencyCap: number;
  holdout: number;
  treatment: number;
  estimatedCost: number;
  /** Eligible customers who qualified for more than one cell (each still gets one). */
  conflicts: number;
  /** Targeted customers who receive nothing for a reason other than the holdout: no consent, or capped. */
  leftOut: number;
  /** Higher-priority campaigns that can share a week with this one (the ones that can cap it). */
  sharesWeekWith: string[];
  treatmentSet: Bitset;
}

export interface AllocationResult {
  campaigns: CampaignAllocation[];
  /** Customers who receive at least one message. */
  reachedCustomers: number;
  messages: number;
  holdout: number;
  estimatedCost: number;
}

export function allocate(input: AllocationInput): AllocationResult {
  const { size, campaigns } = input;
  const words = (size + 31) >>> 5;
  if (input.customerKeys.length !== size) throw new Error(`customerKeys has ${input.customerKeys.length} entries for ${size} customers`);
  if (input.holdoutMasks && input.holdoutMasks.customerKeys !== input.customerKeys) {
    throw new Error('holdoutMasks was built for other customer keys');
  }
  const results: CampaignAllocation[] = [];
  const reached = new Int32Array(words);
  const keys = int32(input.customerKeys);
  // Scratch sets of the campaign being allocated, reused by the next one.
  const taken = new Int32Array(words);
  const twice = new Int32Array(words);
  const targeted = new Int32Array(words);
  // A segment's size is the same in every campaign: counted once.
  const memberCounts = new Map<string, number>();
  let messages = 0;
  let holdoutTotal = 0;
  let costTotal = 0;

  campaigns.forEach((campaign, position) => {
    const reach = int32(input.reachable[campaign.channel].words);
    const capped = cappedWords(input, results, position, words);
    taken.fill(0);
    twice.fill(0);
    targeted.fill(0);
    const campaignTreated = new Int32Array(words);
    const threshold = holdoutThreshold(campaign.holdoutPercent);
    const holdoutRule: Holdout = {
      keys,
      campaignKey: hashString(campaign.id),
      threshold,
      mask: threshold > 0 && input.holdoutMasks ? input.holdoutMasks.get(campaign.id, campaign.holdoutPercent) : null,
    };
    const cells: CellAllocation[] = [];
    // One zeroed buffer for every cell's treatment and holdout words: far fewer large allocations to collect.
    const cellWords = new Uint32Array(campaign.cells.length * 2 * words);

    campaign.cells.forEach((cell, index) => {
      const segment = input.segments.get(cell.segmentId);
      if (!segment) throw new Error(`No members given for segment ${cell.segmentId}`);
      if (segment.size !== size) throw new Error(`Segment ${cell.segmentId} has ${segment.size} customers, expected ${size}`);
      const treatmentSet = new Bitset(size, cellWords.subarray(2 * index * words, (2 * index + 1) * words));
      const holdoutSet = new Bitset(size, cellWords.subarray((2 * index + 1) * words, (2 * index + 2) * words));
      const counts = cellKernel(
        int32(segment.words), reach, taken, twice, targeted, campaignTreated, capped,
        int32(treatmentSet.words), int32(holdoutSet.words), holdoutRule,
      );
      const [duplicate, cappedOut, held, treated] = counts as unknown as [number, number, number, number];
      const eligible = duplicate + cappedOut + held + treated;
      let members = memberCounts.get(cell.segmentId);
      if (members === undefined) memberCounts.set(cell.segmentId, (members = segment.count()));
      cells.push({
        campaignId: campaign.id,
        segmentId: cell.segmentId,
        offerId: cell.offerId,
        rank: index + 1,
        members,
        eligible,
        removedNoConsent: members - eligible,
        removedDuplicate: duplicate,
        removedFrequencyCap: cappedOut,
        holdout: held,
        treatment: treated,
        estimatedCost: Math.round(treated * cell.unitCost),
        treatmentSet,
        holdoutSet,
      });
    });

    const sum = (f: (c: CellAllocation) => number) => cells.reduce((a, c) => a + f(c), 0);
    const targetedCount = count(targeted);
    const eligibleCount = count(taken);
    const treatment = sum((c) => c.treatment);
    const holdout = sum((c) => c.holdout);
    const removedFrequencyCap = sum((c) => c.removedFrequencyCap);
    const estimatedCost = sum((c) => c.estimatedCost);
    for (let w = 0; w < words; w++) reached[w]! |= campaignTreated[w]!;
    messages += treatment;
    holdoutTotal += holdout;
    costTotal += estimatedCost;
    results.push({
      campaignId: campaign.id,
      cells,
      targeted: targetedCount,
      eligible: eligibleCount,
      removedNoConsent: targetedCount - eligibleCount,
      removedDuplicate: sum((c) => c.removedDuplicate),
      removedFrequencyCap,
      holdout,
      treatment,
      estimatedCost,
      conflicts: count(twice),
      leftOut: targetedCount - eligibleCount + removedFrequencyCap,
      sharesWeekWith: campaigns.slice(0, position).filter((c) => shareAWeek(c, campaign)).map((c) => c.id),
      treatmentSet: new Bitset(size, new Uint32Array(campaignTreated.buffer)),
    });
  });

  return { campaigns: results, reachedCustomers: count(reached), messages, holdout: holdoutTotal, estimatedCost: costTotal };
}

