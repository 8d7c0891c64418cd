import { describe } from 'vitest';
import { segmentsCases } from './segments.cases';
import { createPgTestDb } from './testing';

describe('PostgreSQL', () => {
  segmentsCases(createPgTestDb);
});
