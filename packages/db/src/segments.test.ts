import { describe } from 'vitest';
import { segmentsCases } from './segments.cases';
import { createTestDb } from './testing';

describe('SQLite', () => {
  segmentsCases(createTestDb);
});
