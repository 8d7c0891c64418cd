import { describe } from 'vitest';
import { campaignCases } from './campaigns.cases';
import { createPgTestDb } from './testing';

describe('PostgreSQL', () => {
  campaignCases(createPgTestDb);
});
