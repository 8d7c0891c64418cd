// Builders for allocation tests: bitsets from index lists and inputs with sensible defaults.
import { Bitset, channels, type Channel } from '@kizuna/segments';
import type { AllocationCampaign, AllocationInput } from './allocation';
import { hashCustomerIds } from './hash';

export function bits(size: number, indexes: Iterable<number>): Bitset {
  return Bitset.fromIndexes(size, indexes);
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

export interface InputSpec {
  size: number;
  segments: Record<string, number[]>;
  campaigns: AllocationCampaign[];
  /** Reachable indexes per channel; default: everyone on every channel. */
  reachable?: Partial<Record<Channel, number[]>>;
  customerIds?: string[];
  cap?: number;
}

export function input(spec: InputSpec): AllocationInput {
  const ids = spec.customerIds ?? range(0, spec.size).map((i) => `cust-${i}`);
  const reachable = {} as Record<Channel, Bitset>;
  for (const ch of channels) reachable[ch] = spec.reachable?.[ch] ? bits(spec.size, spec.reachable[ch]) : Bitset.full(spec.size);
  return {
    size: spec.size,
    reachable,
    customerKeys: hashCustomerIds(ids),
    segments: new Map(Object.entries(spec.segments).map(([id, members]) => [id, bits(spec.size, members)])),
    campaigns: spec.campaigns,
    frequencyCapPerWeek: spec.cap ?? 3,
  };
}

export function campaign(id: string, cells: [segmentId: string, offerId?: string, unitCost?: number][], more: Partial<AllocationCampaign> = {}): AllocationCampaign {
  return {
    id,
    channel: 'email',
    startDay: 100,
    endDay: 110,
    holdoutPercent: 0,
    cells: cells.map(([segmentId, offerId = 'o', unitCost = 0]) => ({ segmentId, offerId, unitCost })),
    ...more,
  };
}
