// Helpers for the campaigns and matrix tests: a demo workspace with callers per role, campaigns that differ
// only where a test needs them to, and the TRPCError of a failing call.
import type { CreateCampaignInput } from '@kizuna/campaigns';
import { createTestDb, generateDemo, type KizunaDb } from '@kizuna/db';
import type { RuleNode, SegmentRule } from '@kizuna/segments';
import { callerAs } from '../../testing';

export type Caller = Awaited<ReturnType<typeof callerAs>>['caller'];

export interface Workspace {
  db: KizunaDb;
  admin: Caller;
  planner: Caller;
  marketer: Caller;
  manager: Caller;
}

/** A migrated in-memory database with demo customers, orders, events and products. */
export async function demoWorkspace(customers = 400, seed = 5): Promise<Workspace> {
  const db = await createTestDb();
  await generateDemo(db, { customers, seed });
  return {
    db,
    admin: (await callerAs(db, 'admin')).caller,
    planner: (await callerAs(db, 'planner')).caller,
    marketer: (await callerAs(db, 'marketer')).caller,
    manager: (await callerAs(db, 'manager')).caller,
  };
}

export const ruleOf = (...children: RuleNode[]): SegmentRule => ({ version: 1, kind: 'group', combinator: 'and', children });

export const women: RuleNode = { kind: 'attribute', field: 'gender', op: 'eq', value: 'female' };
export const buyers90: RuleNode = { kind: 'behaviour', source: 'orders', aggregate: 'count', op: 'gte', value: 1, window: { type: 'last_days', days: 90 } };
export const loyal: RuleNode = { kind: 'computed', field: 'f_score', op: 'gte', value: 3 };

export function campaignInput(name: string, more: Partial<CreateCampaignInput> = {}): CreateCampaignInput {
  return {
    name,
    goal: 'cross_sell',
    channel: 'email',
    startDate: '2025-06-01',
    endDate: '2025-06-10',
    offers: [
      { kind: 'percent_discount', id: 'ten', label: '10% off', percent: 10, couponCode: 'TEN', costPerRedemption: 500, redemptionRatePercent: 20 },
      { kind: 'free_shipping', id: 'ship', label: 'Free shipping', costPerRedemption: 600, redemptionRatePercent: 50 },
    ],
    holdoutPercent: 10,
    content: { subject: 'Hello {first_name}', body: 'Enjoy {offer} with {coupon_code}. For you: {recommended_products}. Near {city}.' },
    marks: { segmentation: true, personalization: true },
    ...more,
  };
}

export { failure } from '../../testing';
