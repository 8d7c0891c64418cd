import { describe } from 'vitest';
import { featureCases } from './features.cases';
import { openPgTestDb } from './import/testHelpers';

describe('customer features on PostgreSQL', () => {
  featureCases(openPgTestDb);
});
