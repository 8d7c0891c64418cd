// Starts the built app for the browser tests: a fresh SQLite file in a temp folder, migrated and seeded with a
// small deterministic demo workspace (one user per role), on 127.0.0.1 at KIZUNA_E2E_PORT.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase } from '@kizuna/db';
import { ensureDemoWorkspace } from '../apps/server/src/bootstrap';
import { startServer } from '../apps/server/src/server';

const port = Number(process.env.KIZUNA_E2E_PORT ?? 4317);
const dir = mkdtempSync(join(tmpdir(), 'kizuna-e2e-'));
const db = openDatabase(join(dir, 'e2e.db'));
await migrate(db);
await ensureDemoWorkspace(db, { customers: 3000, log: (line) => console.log(line) });
const server = await startServer({ db, port, host: '127.0.0.1' });
console.log(`e2e server on ${server.url}`);

const stop = async () => {
  await server.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
