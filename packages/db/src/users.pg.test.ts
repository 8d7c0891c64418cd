import { describe } from 'vitest';
import { createPgTestDb } from './testing';
import { usersCases } from './users.cases';

describe('PostgreSQL', () => {
  usersCases(createPgTestDb);
});
