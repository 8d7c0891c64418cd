import { describe, expect, it } from 'vitest';
import { categories, generateProducts, lowStockBelow } from './catalog';

describe('generateProducts', () => {
  const products = generateProducts(42);

  it('makes a few hundred products in every category with unique ids and names', () => {
    expect(products.length).toBeGreaterThanOrEqual(200);
    expect(products.length).toBeLessThanOrEqual(500);
    expect(new Set(products.map((p) => p.product_id)).size).toBe(products.length);
    expect(new Set(products.map((p) => p.name)).size).toBe(products.length);
    expect(new Set(products.map((p) => p.category))).toEqual(new Set(categories));
    expect(products[0]?.product_id).toBe('P0001');
  });

  it('names products in Japanese', () => {
    const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
    expect(products.every((p) => japanese.test(p.name))).toBe(true);
  });

  it('prices in whole yen at plausible levels', () => {
    for (const p of products) {
      expect(Number.isInteger(p.price)).toBe(true);
      expect(p.price).toBeGreaterThanOrEqual(300);
      expect(p.price).toBeLessThanOrEqual(60_000);
    }
    // Most prices end in …80 or …00 like real shelf prices.
    const familiar = products.filter((p) => p.price % 100 === 80 || p.price % 100 === 0).length;
    expect(familiar / products.length).toBeGreaterThan(0.95);
  });

  it('has some low-stock and sold-out items among well-stocked ones', () => {
    const low = products.filter((p) => p.stock > 0 && p.stock < lowStockBelow).length;
    const out = products.filter((p) => p.stock === 0).length;
    expect(low / products.length).toBeGreaterThan(0.04);
    expect(low / products.length).toBeLessThan(0.2);
    expect(out).toBeGreaterThan(0);
    expect(products.every((p) => Number.isInteger(p.stock) && p.stock >= 0)).toBe(true);
  });

  it('is the same for the same seed and different for another', () => {
    expect(generateProducts(42)).toEqual(products);
    expect(generateProducts(43)).not.toEqual(products);
  });
});
