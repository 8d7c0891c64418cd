import { describe } from 'vitest';
import { createTestDb } from '@kizuna/db';
import { predictionFieldCases } from './predictionFields.cases';

describe('SQLite', () => {
  predictionFieldCases(createTestDb);
});
