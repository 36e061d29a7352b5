import type { Sqlite } from './open';
import { MIGRATION_FILES } from './migrations.generated';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** A migration as shipped: its file name under migrations/ and its SQL. */
export interface MigrationFile {
  name: string;
  sql: string;
}

/** Thrown when the database was written by a newer release: opening it could corrupt data. */
export class DatabaseFromFutureError extends Error {
  constructor(
    readonly dbVersion: number,
    readonly codeVersion: number,
  ) {
    super(`database schema version ${dbVersion} is newer than this app (${codeVersion}); upgrade the app`);
    this.name = 'DatabaseFromFutureError';
  }
}

export const MIGRATION_NAME = /^\d{4}_[\w-]+\.sql$/;

/** Orders migration files by name and checks their numbering runs 0001, 0002… with no gap or repeat. */
export function loadMigrations(files: readonly MigrationFile[]): Migration[] {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return sorted.map((f, i) => {
    if (!MIGRATION_NAME.test(f.name)) throw new Error(`migration ${f.name} is not named NNNN_name.sql`);
    const version = Number(f.name.slice(0, 4));
    if (version !== i + 1) throw new Error(`migration ${f.name} is out of sequence: expected ${String(i + 1).padStart(4, '0')}`);
    return { version, name: f.name, sql: f.sql };
  });
}

/**
 * The migrations compiled into this build (migrations/*.sql, embedded by build/bundle-main.mjs):
 * a bundle or packaged app needs no migrations folder at run time.
 */
export function shippedMigrations(): Migration[] {
  return loadMigrations(MIGRATION_FILES);
}

/** Applies pending migrations in one transaction; refuses a database newer than the code. */
export function migrate(db: Sqlite, migrations: Migration[]): { from: number; to: number } {
  const latest = migrations.at(-1)?.version ?? 0;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latest) throw new DatabaseFromFutureError(from, latest);
  if (from === latest) return { from, to: from };
  db.transaction(() => {
    for (const m of migrations) {
      if (m.version > from) db.exec(m.sql);
    }
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return { from, to: latest };
}
