import { describe } from 'vitest';
import { createPgTestDb } from '@kizuna/db';
import { loaderCases } from './loader.cases';

describe('PostgreSQL', () => {
  loaderCases(createPgTestDb);
});
