import { describe } from 'vitest';
import { createPgTestDb } from '@kizuna/db';
import { loaderSliceCases } from './loaderSlices.cases';

describe('PostgreSQL', () => {
  loaderSliceCases(createPgTestDb);
});
