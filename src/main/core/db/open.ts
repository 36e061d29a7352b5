import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Sqlite = Database.Database;

export const DB_FILE = 'ledger.sqlite';

/** Opens the data dir's database with the pragmas every connection needs. */
export function openDatabase(dataDir: string): Sqlite {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DB_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // The CLI and the app may open the same file; wait for the other writer instead of failing.
  db.pragma('busy_timeout = 5000');
  // FULL: a power cut on a village PC must not lose a committed write.
  db.pragma('synchronous = FULL');
  return db;
}
