import { describe } from 'vitest';
import { predictionCases } from './predictions.cases';
import { createPgTestDb } from './testing';

describe('PostgreSQL', () => {
  predictionCases(createPgTestDb);
});
