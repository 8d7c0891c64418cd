import { describe } from 'vitest';
import { sessionsCases } from './sessions.cases';
import { createTestDb } from './testing';

describe('SQLite', () => {
  sessionsCases(createTestDb);
});
