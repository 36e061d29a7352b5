import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sqlite } from './open';

export interface Migration {
  version: number;
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

export function loadMigrations(dir: string): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort();
  return files.map((f, i) => {
    const version = Number(f.slice(0, 4));
    if (version !== i + 1) throw new Error(`migration ${f} is out of sequence: expected ${String(i + 1).padStart(4, '0')}`);
    return { version, name: f, sql: readFileSync(join(dir, f), 'utf8') };
  });
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
