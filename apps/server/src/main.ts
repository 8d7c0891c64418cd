// `npm start`: open and migrate the database, make sure the workspace can be used, serve it on one port.
import { migrate, openDatabase } from '@kizuna/db';
import { ensureDemoWorkspace } from './bootstrap';
import { getEnv } from './env';
import { refreshWorkspaceKpis } from './features/kpis/cache';
import { getSegmentEngine } from './features/segments/engine';
import { startServer } from './server';

const env = getEnv();
const db = openDatabase(env.DATABASE_URL);
console.log(`Database: ${db.description}`);
const applied = await migrate(db);
if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);
await ensureDemoWorkspace(db, { customers: env.KIZUNA_DEMO_CUSTOMERS, log: (m) => console.log(m) });
const server = await startServer({ db, port: env.PORT, host: env.HOST, webDist: env.KIZUNA_WEB_DIST });
console.log(`Kizuna is running at ${server.url}`);
// Load the KPI data and the in-memory segment data now rather than on the first request (a while at millions of rows).
void refreshWorkspaceKpis(db)
  .then(() => getSegmentEngine(db))
  .catch((err: unknown) => console.error(`Warming up: ${err instanceof Error ? err.message : String(err)}`));

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping…`);
  await server.close().catch(() => undefined);
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
