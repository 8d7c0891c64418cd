import { describe, expect, it } from 'vitest';
import { currencyExponent, describeOffer, expectedCostPerRecipient, formatMoney } from './offers';
import type { Offer } from './schema';

const common = { id: 'a', label: 'Spring coupon', costPerRedemption: 800, redemptionRatePercent: 12.5 };

describe('offers', () => {
  it('knows the minor unit of each currency', () => {
    expect([currencyExponent('JPY'), currencyExponent('USD'), currencyExponent('KWD')]).toEqual([0, 2, 3]);
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500');
    expect(formatMoney(1250, 'USD')).toBe('$12.50');
  });

  it.each<[Offer, string | null]>([
    [{ ...common, kind: 'percent_discount', percent: 15 }, '15% off'],
    [{ ...common, kind: 'fixed_discount', amount: 500 }, '¥500 off'],
    [{ ...common, kind: 'coupon', couponCode: 'SPRING' }, 'Spring coupon'],
    [{ ...common, kind: 'free_shipping' }, 'free shipping'],
    [{ ...common, kind: 'points', points: 1200 }, '1,200 points'],
    [{ ...common, kind: 'gift', gift: 'a tote bag' }, 'a free gift: a tote bag'],
    [{ ...common, kind: 'none' }, null],
  ])('describes %o', (offer, text) => {
    expect(describeOffer(offer, 'JPY')).toBe(text);
  });

  it('expects cost per recipient = cost per redemption × redemption rate', () => {
    expect(expectedCostPerRecipient({ ...common, kind: 'free_shipping' })).toBe(100);
    expect(expectedCostPerRecipient({ ...common, kind: 'none', costPerRedemption: 0 })).toBe(0);
  });
});
