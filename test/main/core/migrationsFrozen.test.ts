/**
 * Shipped migrations are frozen: a station that already applied one never applies it again, so an
 * edit would leave old and new installations with different schemas. And a synced table only ever
 * grows: stations on the previous release keep sending rows in its old shape, and the county keeps
 * sending rows down to them.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { findAppRoot } from '../../../src/main/core/appRoot';
import { migrate, MIGRATION_NAME, shippedMigrations } from '../../../src/main/core/db/migrate';
import { DB_FILE, openDatabase } from '../../../src/main/core/db/open';
import { SYNCED_BASE_COLUMNS, SYNCED_TABLES } from '../../../src/main/core/sync/tables';
import { tempDir } from '../../helpers/core';

/**
 * SHA-256 of every migration that has shipped (line endings as LF, so a Windows checkout hashes
 * the same). When a new migration ships in a release, add its line here; never change a line.
 */
const SHIPPED: Readonly<Record<string, string>> = {
  '0001_init.sql': 'b7043d729419338add9a1e81bfcd16a32a6b443f9632a0db5188e0f4a0d6e281',
  '0002_sync.sql': '0c2f270c7cc7ef90a65caf4ed7a17e80348f48e7c54bf719b5150887b9e67a08',
  '0003_elderly.sql': '75cada755defe5be6a0a007e853c9269ab2ece21beda83f586e8d47e717147d4',
  '0004_visits.sql': 'f75f2f1898e4df3abf663ddb8758d5db25c40517bb7a07d0f31d24510c59eb02',
  '0005_sync_versions.sql': 'b8eb0b3771432a925d2cf9b710b3ba0e8a17462d96bc3750e5af8cc55746989b',
  '0006_visit_child_check.sql': '5a78890f3dbdb4161b0f793ed7b0f0d22fdcd040d8decb5384d97512a3df4ec5',
  '0007_meals.sql': '9d83224d37cc79e6b082541f40783b06671299fc7549d044fdcdfe0a0e794f30',
  '0008_meal_month_index.sql': '8d145f8174e9b0268b08b95bc350092f0a2e36fe13d2dbf81c701c2df28db2ff',
};
const MANIFEST = 'test/main/core/migrationsFrozen.test.ts (SHIPPED)';

const root = findAppRoot();
const migrationsDir = join(root, 'migrations');

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file, 'utf8').replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

interface Column {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

const columnsOf = (db: Database, table: string): Column[] => db.pragma(`table_info(${JSON.stringify(table)})`) as Column[];
const tablesOf = (db: Database): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);

describe('shipped migrations', () => {
  const files = readdirSync(migrationsDir)
    .filter((f) => MIGRATION_NAME.test(f))
    .sort();

  it('are unchanged since they shipped', () => {
    for (const [name, hash] of Object.entries(SHIPPED)) {
      const file = join(migrationsDir, name);
      expect(files, `migrations/${name} has shipped: it must never be renamed or removed`).toContain(name);
      expect(sha256(file), `migrations/${name} has shipped and is frozen: put the change in a new migration, and restore this file`).toBe(hash);
    }
  });

  it('are all listed: a new migration is added to the manifest once it ships', () => {
    const unlisted = files.filter((f) => !(f in SHIPPED));
    const lines = unlisted.map((f) => `  '${f}': '${sha256(join(migrationsDir, f))}',`);
    expect(
      unlisted,
      `migrations not in the manifest of shipped migrations: ${unlisted.join(', ')}. Add each one's checksum to ${MANIFEST} once it ships (from then on it is frozen):\n${lines.join('\n')}`,
    ).toEqual([]);
  });

  it('are the migrations the app applies', () => {
    expect(shippedMigrations().map((m) => m.name)).toEqual(files);
  });
});

describe('synced tables, against the schema of release 0.1.0', () => {
  /** The fixture as release 0.1.0 left it, and a copy of it migrated to the current schema. */
  function schemas(): { before: Database; after: Database } {
    const fixture = join(root, 'test/fixtures/release-0.1.0', DB_FILE);
    const [beforeDir, afterDir] = [tempDir(), tempDir()];
    copyFileSync(fixture, join(beforeDir, DB_FILE));
    copyFileSync(fixture, join(afterDir, DB_FILE));
    const after = openDatabase(afterDir);
    migrate(after, shippedMigrations());
    return { before: openDatabase(beforeDir), after };
  }

  /** The fixture's synced tables: declared so now, or carrying the sync columns then. */
  function syncedIn(db: Database): string[] {
    return tablesOf(db).filter((t) => t in SYNCED_TABLES || SYNCED_BASE_COLUMNS.every((c) => columnsOf(db, t).some((col) => col.name === c)));
  }

  it('the fixture is an older schema that holds synced tables', () => {
    const { before, after } = schemas();
    try {
      expect(before.pragma('user_version', { simple: true })).toBeLessThan(shippedMigrations().length);
      expect(syncedIn(before)).toContain('children');
    } finally {
      before.close();
      after.close();
    }
  });

  it('none was dropped, and each is still synced', () => {
    const { before, after } = schemas();
    try {
      const now = tablesOf(after);
      for (const table of syncedIn(before)) {
        expect(now, `synced table ${table} of release 0.1.0 was dropped`).toContain(table);
        expect(Object.keys(SYNCED_TABLES), `${table} was synced in release 0.1.0`).toContain(table);
      }
    } finally {
      before.close();
      after.close();
    }
  });

  it('only grow: every old column kept with its declared type; every new column nullable or defaulted', () => {
    const { before, after } = schemas();
    try {
      for (const table of syncedIn(before)) {
        const old = columnsOf(before, table);
        const current = new Map(columnsOf(after, table).map((c) => [c.name, c]));
        for (const col of old) {
          const now = current.get(col.name);
          expect(now, `${table}.${col.name} existed in release 0.1.0 and was removed or renamed`).toBeDefined();
          expect(now!.type, `${table}.${col.name} changed its declared type`).toBe(col.type);
        }
        const oldNames = new Set(old.map((c) => c.name));
        for (const col of current.values()) {
          if (oldNames.has(col.name)) continue;
          // Rows from a station on the previous release carry no value for a new column.
          expect(col.notnull === 0 || col.dflt_value !== null, `new column ${table}.${col.name} is NOT NULL without a default`).toBe(true);
        }
      }
    } finally {
      before.close();
      after.close();
    }
  });
});
