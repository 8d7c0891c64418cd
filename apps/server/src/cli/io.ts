// What a CLI command needs from its surroundings: output streams and the database to use, so tests can run
// commands in-process against a temp database and read what they printed.
import { migrate, openDatabase, type KizunaDb } from '@kizuna/db';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when err is a terminal, so progress can redraw one line instead of printing many. */
  errIsTty?: boolean;
}

/** Opens and migrates the database, runs `fn`, and always closes it. */
export async function withDatabase<T>(url: string, fn: (db: KizunaDb) => Promise<T>): Promise<T> {
  const db = openDatabase(url);
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

export function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
}
