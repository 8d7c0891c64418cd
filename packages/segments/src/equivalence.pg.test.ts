// The in-memory evaluator and the SQL compiler agree on PostgreSQL (see testing/equivalenceSuite.ts).
import { createPgTestDb } from '@kizuna/db';
import { equivalenceSuite } from './testing/equivalenceSuite';

equivalenceSuite('postgres', createPgTestDb);
