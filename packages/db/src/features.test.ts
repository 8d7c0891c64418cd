import { describe, expect, it } from 'vitest';
import { featureCases } from './features.cases';
import { scoreQuintiles } from './features';
import { createTestDb } from './testing';

describe('customer features on SQLite', () => {
  featureCases(createTestDb);
});

describe('scoreQuintiles', () => {
  it.each([
    [[], []],
    [[7], [1]],
    [[1, 2, 3, 4, 5], [1, 2, 3, 4, 5]],
    [[10, 10, 10], [1, 1, 1]],
    [[1, 2, 2, 3], [1, 2, 2, 4]],
    [[5, 1, 3, 3, 9, 0, 2, 8, 7, 6], [3, 1, 2, 2, 5, 1, 2, 5, 4, 4]],
  ])('%j → %j', (values, scores) => {
    expect(scoreQuintiles(values)).toEqual(scores);
  });
});
