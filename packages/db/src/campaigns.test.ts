import { describe } from 'vitest';
import { campaignCases } from './campaigns.cases';
import { createTestDb } from './testing';

describe('SQLite', () => {
  campaignCases(createTestDb);
});
