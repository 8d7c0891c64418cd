// Remembers the ids a file has used so far, to catch duplicates within the file. On SQLite the ids live
// in a temporary table (C memory): a million strings held in a JS Map cost more in garbage collection
// than the lookups themselves.
import type { KizunaDb } from '../client';

export interface IdRegistry {
  /** Records id at line; returns the line it was first seen on when it is a duplicate, else null. */
  firstSeen(id: string, line: number): number | null;
  /** The ids seen, for customers.csv (its ids count as known customers). */
  ids(): Iterable<string>;
  /** Frees what it holds; call once the file is done. */
  close(): void;
}

class MapRegistry implements IdRegistry {
  private readonly seen = new Map<string, number>();

  firstSeen(id: string, line: number): number | null {
    const first = this.seen.get(id);
    if (first !== undefined) return first;
    this.seen.set(id, line);
    return null;
  }

  ids(): Iterable<string> {
    return this.seen.keys();
  }

  close(): void {
    this.seen.clear();
  }
}

let tableCounter = 0;

function sqliteRegistry(sqlite: NonNullable<KizunaDb['sqlite']>): IdRegistry {
  // A fresh name per file, so two files of one import never share it.
  const table = `temp.kizuna_import_ids_${++tableCounter}`;
  sqlite.exec(`CREATE TABLE ${table} (id TEXT PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID`);
  const insert = sqlite.prepare(`INSERT INTO ${table} (id, line) VALUES (?, ?) ON CONFLICT (id) DO NOTHING`);
  const lineOf = sqlite.prepare(`SELECT line FROM ${table} WHERE id = ?`).pluck();
  const all = sqlite.prepare(`SELECT id FROM ${table}`).pluck();
  return {
    firstSeen(id, line) {
      if (insert.run(id, line).changes === 1) return null;
      return lineOf.get(id) as number;
    },
    ids: () => all.iterate() as Iterable<string>,
    close: () => sqlite.exec(`DROP TABLE IF EXISTS ${table}`),
  };
}

export function createIdRegistry(db: KizunaDb): IdRegistry {
  return db.sqlite ? sqliteRegistry(db.sqlite) : new MapRegistry();
}
