import { describe, expect, it } from 'vitest';
import { assertCut, complementCut, cutFromIndexes, cutFromPredicate, cutSize, intersectCuts } from './cut';
import {
  buildCustomerColumns,
  buildOrderColumns,
  memberStatusCode,
  MemberStatus,
  NO_DAY,
  plainCustomers,
  validateMetricsData,
  validateOrderColumns,
  buildSurveyColumns,
  type MetricsData,
  type OrderColumns,
} from './data';

describe('buildOrderColumns', () => {
  it('sorts by customer, then day, keeping same-day input order, with CSR offsets', () => {
    const o = buildOrderColumns(4, [
      { customer: 2, day: 10, amount: 1 },
      { customer: 0, day: 7, amount: 2 },
      { customer: 2, day: 3, amount: 3 },
      { customer: 0, day: 7, amount: 4 },
      { customer: 0, day: 5, amount: 5 },
    ]);
    expect(Array.from(o.offsets)).toEqual([0, 3, 3, 5, 5]);
    expect(Array.from(o.customer)).toEqual([0, 0, 0, 2, 2]);
    expect(Array.from(o.day)).toEqual([5, 7, 7, 3, 10]);
    expect(Array.from(o.amount)).toEqual([5, 2, 4, 3, 1]);
    expect(() => validateOrderColumns(o, 4)).not.toThrow();
  });

  it.each([
    [{ customer: 4, day: 1, amount: 1 }, /outside/],
    [{ customer: -1, day: 1, amount: 1 }, /outside/],
    [{ customer: 0, day: 1.5, amount: 1 }, /whole day/],
    [{ customer: 0, day: 1, amount: NaN }, /finite/],
  ])('rejects %o', (row, message) => {
    expect(() => buildOrderColumns(4, [row])).toThrow(message);
  });
});

describe('validateOrderColumns', () => {
  const good = (): OrderColumns => buildOrderColumns(2, [
    { customer: 0, day: 1, amount: 1 },
    { customer: 0, day: 2, amount: 1 },
    { customer: 1, day: 1, amount: 1 },
  ]);

  it.each([
    ['unsorted days', (o: OrderColumns) => o.day.set([2, 1], 0), /not sorted/],
    ['wrong customer', (o: OrderColumns) => o.customer.set([1], 0), /belongs to customer/],
    ['short offsets', (o: OrderColumns) => Object.assign(o, { offsets: Int32Array.of(0, 3) }), /offsets has length/],
    ['offsets not ending at n', (o: OrderColumns) => o.offsets.set([2], 2), /0 to the order count/],
    ['decreasing offsets', (o: OrderColumns) => o.offsets.set([4], 1), /offsets decrease at customer 1/],
    ['ragged columns', (o: OrderColumns) => Object.assign(o, { amount: new Float64Array(2) }), /differ in length/],
  ])('catches %s', (_name, damage, message) => {
    const o = good();
    damage(o);
    expect(() => validateOrderColumns(o, 2)).toThrow(message);
  });
});

describe('validateMetricsData', () => {
  const valid = () => ({
    customers: buildCustomerColumns([{ memberStatus: 'active', signupDay: 1 }, {}]),
    orders: buildOrderColumns(2, [{ customer: 1, day: 3, amount: 10 }]),
    surveys: buildSurveyColumns([{ customer: 0, day: 2, value: 5 }]),
    asOfDay: 10,
  });

  it('accepts consistent data', () => {
    expect(() => validateMetricsData(valid())).not.toThrow();
  });

  it.each([
    ['a fractional as-of day', (m: MetricsData) => Object.assign(m, { asOfDay: 1.5 }), /whole day/],
    ['short customer columns', (m: MetricsData) => Object.assign(m.customers, { signupDay: new Int32Array(1) }), /2 entries/],
    ['an unknown status code', (m: MetricsData) => m.customers.memberStatus.set([9], 0), /status code 9/],
    ['orders for another customer count', (m: MetricsData) => Object.assign(m, { orders: buildOrderColumns(3, []) }), /offsets/],
    ['a survey of a missing customer', (m: MetricsData) => m.surveys?.customer.set([2], 0), /outside 0..1/],
    ['ragged survey columns', (m: MetricsData) => Object.assign(m.surveys as object, { value: new Float64Array(0) }), /differ/],
  ])('rejects %s', (_name, damage, message) => {
    const m: MetricsData = valid();
    damage(m);
    expect(() => validateMetricsData(m)).toThrow(message);
  });
});

describe('customer columns', () => {
  it('maps membership text to codes, and fails on unknown statuses', () => {
    expect(memberStatusCode('Active')).toBe(MemberStatus.active);
    expect(memberStatusCode(' paused ')).toBe(MemberStatus.paused);
    expect(memberStatusCode('cancelled')).toBe(MemberStatus.canceled);
    expect(memberStatusCode(null)).toBe(MemberStatus.none);
    expect(memberStatusCode('')).toBe(MemberStatus.none);
    expect(() => memberStatusCode('gold')).toThrow(RangeError);
  });

  it('fills missing days with NO_DAY', () => {
    const c = buildCustomerColumns([{ signupDay: 100, memberStatus: 'canceled', canceledDay: 200 }, {}]);
    expect(c.count).toBe(2);
    expect(Array.from(c.signupDay)).toEqual([100, NO_DAY]);
    expect(Array.from(c.canceledDay)).toEqual([200, NO_DAY]);
    expect(Array.from(c.memberStatus)).toEqual([MemberStatus.canceled, MemberStatus.none]);
    expect(plainCustomers(3)).toMatchObject({ count: 3 });
  });
});

describe('cuts', () => {
  it('builds, combines and measures masks', () => {
    const a = cutFromIndexes(5, [0, 2, 4]);
    const b = cutFromPredicate(5, (i) => i >= 2);
    expect(Array.from(a)).toEqual([1, 0, 1, 0, 1]);
    expect(Array.from(complementCut(a))).toEqual([0, 1, 0, 1, 0]);
    expect(Array.from(intersectCuts(a, b))).toEqual([0, 0, 1, 0, 1]);
    expect(cutSize(b)).toBe(3);
    expect(() => cutFromIndexes(5, [5])).toThrow(RangeError);
    expect(() => intersectCuts(a, new Uint8Array(4))).toThrow(RangeError);
    expect(() => assertCut(a, plainCustomers(4))).toThrow(RangeError);
    expect(() => assertCut(undefined, plainCustomers(4))).not.toThrow();
  });
});
