import { describe } from 'vitest';
import { createTestDb } from '@kizuna/db';
import { loaderCases } from './loader.cases';

describe('SQLite', () => {
  loaderCases(createTestDb);
});
