import { describe } from 'vitest';
import { auditCases } from './audit.cases';
import { createPgTestDb } from './testing';

describe('PostgreSQL', () => {
  auditCases(createPgTestDb);
});
