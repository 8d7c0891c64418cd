// The in-memory evaluator and the SQL compiler agree on SQLite (see testing/equivalenceSuite.ts).
import { createTestDb } from '@kizuna/db';
import { equivalenceSuite } from './testing/equivalenceSuite';

equivalenceSuite('sqlite', createTestDb);
