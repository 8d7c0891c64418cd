import { describe, expect, it } from 'vitest';
import { formatBirthday, rankCategories, recommendProducts, tokenValues, type ProductRef } from './personalize';

const p = (productId: string, name: string | null = `Item ${productId}`): ProductRef => ({ productId, name });

describe('recommendProducts', () => {
  const popular = new Map<string, ProductRef[]>([
    ['Skincare', [p('s1'), p('s2'), p('s3')]],
    ['Books', [p('b1'), p('s1')]],
    ['Food', [p('f1')]],
  ]);
  const overall = [p('f1'), p('x1'), p('x2'), p('s1')];

  it('takes one product per category in affinity order, round-robin', () => {
    const affinity = [
      { category: 'Books', orders: 2, lastOrderDay: 100 },
      { category: 'Skincare', orders: 5, lastOrderDay: 90 },
    ];
    expect(recommendProducts(affinity, popular, overall).map((x) => x.productId)).toEqual(['s1', 'b1', 's2']);
  });

  it('never repeats a product that two categories share', () => {
    const affinity = [
      { category: 'Skincare', orders: 1, lastOrderDay: 10 },
      { category: 'Books', orders: 1, lastOrderDay: 20 },
    ];
    // Books ranks first (more recent): b1, then Skincare's s1; Books' next is s1 again, so it is skipped.
    expect(recommendProducts(affinity, popular, overall, 4).map((x) => x.productId)).toEqual(['b1', 's1', 's2', 's3']);
  });

  it('tops up from what is popular overall when history runs short or is missing', () => {
    expect(recommendProducts([{ category: 'Food', orders: 3, lastOrderDay: 5 }], popular, overall).map((x) => x.productId)).toEqual([
      'f1',
      'x1',
      'x2',
    ]);
    expect(recommendProducts([], popular, overall, 2).map((x) => x.productId)).toEqual(['f1', 'x1']);
    expect(recommendProducts([{ category: 'Unknown', orders: 9, lastOrderDay: 1 }], popular, [])).toEqual([]);
  });

  it('ranks categories by orders, then recency, then name', () => {
    expect(
      rankCategories([
        { category: 'b', orders: 1, lastOrderDay: 5 },
        { category: 'a', orders: 1, lastOrderDay: 5 },
        { category: 'c', orders: 1, lastOrderDay: 6 },
        { category: 'd', orders: 2, lastOrderDay: 1 },
      ]),
    ).toEqual(['d', 'c', 'a', 'b']);
  });
});

describe('formatBirthday', () => {
  it('names month and day in the customer’s locale, English by default', () => {
    expect(formatBirthday('1990-03-14', null)).toBe('March 14');
    expect(formatBirthday('1990-03-14', 'ja-JP')).toBe('3月14日');
    expect(formatBirthday('1990-03-14', 'ja_JP')).toBe('3月14日');
    expect(formatBirthday('1990-03-14T00:00:00', 'not a locale!')).toBe('March 14');
  });

  it('is null for a missing or impossible date', () => {
    expect(formatBirthday(null, 'en')).toBeNull();
    expect(formatBirthday('1990-02-30', 'en')).toBeNull();
    expect(formatBirthday('sometime', 'en')).toBeNull();
  });
});

describe('tokenValues', () => {
  it('fills every token from the customer and the cell’s offer, null where unknown', () => {
    const values = tokenValues(
      { firstName: '結衣', city: null, birthDate: '2001-12-01', locale: 'en', recommendedProducts: [p('a', 'Tea'), p('b', null)], favoriteLowStock: [] },
      { kind: 'fixed_discount', id: 'x', label: 'X', amount: 500, couponCode: 'YEN500', costPerRedemption: 500, redemptionRatePercent: 10 },
      'JPY',
    );
    expect(values).toEqual({
      first_name: '結衣',
      city: null,
      birthday: 'December 1',
      recommended_products: 'Tea, b',
      favorite_low_stock: null,
      offer: '¥500 off',
      coupon_code: 'YEN500',
    });
    expect(tokenValues({ firstName: null, city: null, birthDate: null, locale: null, recommendedProducts: [], favoriteLowStock: [] }, null, 'JPY')).toMatchObject({
      offer: null,
      coupon_code: null,
    });
  });
});
