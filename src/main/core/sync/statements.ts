import type Database from 'better-sqlite3';
import type { Sqlite } from '../db/open';

type Statement = Database.Statement<unknown[], unknown>;

/** Prepared statements by SQL text, per connection: bulk paths reuse them instead of re-preparing. */
const cache = new WeakMap<Sqlite, Map<string, Statement>>();

export function prepared(db: Sqlite, sql: string): Statement {
  let byDb = cache.get(db);
  if (!byDb) cache.set(db, (byDb = new Map()));
  let stmt = byDb.get(sql);
  if (!stmt) byDb.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** Table and column names are spliced into SQL: only plain identifiers may pass. */
export function assertIdentifiers(names: readonly string[]): void {
  for (const n of names) if (!IDENT.test(n)) throw new Error(`bad column name ${n}`);
}
