import { describe } from 'vitest';
import { createPgTestDb } from '@kizuna/db';
import { lastAdminCases } from './users.cases';

describe('PostgreSQL', () => {
  lastAdminCases(createPgTestDb);
});
