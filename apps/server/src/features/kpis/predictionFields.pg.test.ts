import { describe } from 'vitest';
import { createPgTestDb } from '@kizuna/db';
import { predictionFieldCases } from './predictionFields.cases';

describe('PostgreSQL', () => {
  predictionFieldCases(createPgTestDb);
});
