import { describe } from 'vitest';
import { predictionCases } from './predictions.cases';
import { createTestDb } from './testing';

describe('SQLite', () => {
  predictionCases(createTestDb);
});
