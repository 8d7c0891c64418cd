import { describe } from 'vitest';
import { bulkCases } from './bulk.cases';
import { openPgTestDb } from './import/testHelpers';

describe('PostgreSQL', () => {
  bulkCases(openPgTestDb);
});
