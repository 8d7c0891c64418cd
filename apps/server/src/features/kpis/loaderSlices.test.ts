import { describe } from 'vitest';
import { createFileTestDb, createTestDb } from '@kizuna/db';
import { loaderSliceCases } from './loaderSlices.cases';

describe('SQLite in memory', () => {
  loaderSliceCases(createTestDb);
});

describe('SQLite file', () => {
  loaderSliceCases(createFileTestDb);
});
