import { describe } from 'vitest';
import { readSnapshotCases } from './readSnapshot.cases';
import { createPgTestDb } from './testing';

describe('PostgreSQL', () => {
  readSnapshotCases(createPgTestDb);
});
