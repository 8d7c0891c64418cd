import { describe } from 'vitest';
import { sessionsCases } from './sessions.cases';
import { createPgTestDb } from './testing';

describe('PostgreSQL', () => {
  sessionsCases(createPgTestDb);
});
