import { describe } from 'vitest';
import { auditCases } from './audit.cases';
import { createTestDb } from './testing';

describe('SQLite', () => {
  auditCases(createTestDb);
});
