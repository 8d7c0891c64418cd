import { describe } from 'vitest';
import { openPgTestDb } from './testHelpers';
import { badRowCases } from './badRows.cases';
import { importCases } from './import.cases';

describe('CSV import on PostgreSQL', () => {
  importCases(openPgTestDb);
  badRowCases(openPgTestDb);
});
