// Membership plan and status from the purchase process: frequent buyers pay for standard or premium plans;
// members whose buying died out long ago have often canceled (on a date after their last order) or paused.
import type { DemoCalendar } from './calendar';
import type { PurchaseLife } from './orders';
import type { Rng } from './prng';

export type MembershipPlan = 'free' | 'standard' | 'premium';
export type MembershipStatus = 'active' | 'paused' | 'canceled';

export interface Membership {
  membership_plan: MembershipPlan;
  membership_status: MembershipStatus;
  canceled_at: string | null;
}

/** Days without buying after which a lapsed member has likely ended the membership. */
const lapsedAfterDays = 60;

export function drawMembership(
  rng: Rng,
  calendar: DemoCalendar,
  signupDay: number,
  life: PurchaseLife,
  lastOrderDay: number | null,
): Membership {
  const engaged = Math.min(1, life.rate / 0.12);
  const u = rng.next();
  const plan: MembershipPlan = u < 0.02 + 0.25 * engaged ? 'premium' : u < 0.22 + 0.45 * engaged ? 'standard' : 'free';
  const floorDay = Math.max(signupDay, lastOrderDay ?? signupDay);
  const lapsed = life.firstDay === null ? signupDay + lapsedAfterDays < calendar.endDay : life.aliveUntil + lapsedAfterDays < calendar.endDay;
  const cancelChance = !lapsed ? 0.01 : life.firstDay === null ? 0.3 : 0.45;
  const pauseChance = lapsed ? 0.08 : 0.03;
  const v = rng.next();
  if (v < cancelChance) {
    const base = life.firstDay === null ? signupDay + Math.ceil(rng.exponential(90)) : Math.max(life.aliveUntil, floorDay) + rng.int(0, 120);
    const day = Math.min(calendar.endDay, Math.max(floorDay, base));
    return { membership_plan: plan, membership_status: 'canceled', canceled_at: calendar.date(day) };
  }
  if (v < cancelChance + pauseChance) return { membership_plan: plan, membership_status: 'paused', canceled_at: null };
  return { membership_plan: plan, membership_status: 'active', canceled_at: null };
}
