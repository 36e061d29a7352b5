import Database from 'better-sqlite3';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAppRoot } from '../../../src/main/core/appRoot';
import { createCore } from '../../../src/main/core/core';
import { DatabaseFromFutureError, loadMigrations, migrate, MIGRATION_NAME, shippedMigrations } from '../../../src/main/core/db/migrate';
import { MIGRATION_FILES } from '../../../src/main/core/db/migrations.generated';
import { DB_FILE, openDatabase } from '../../../src/main/core/db/open';
import { SYNCED_BASE_COLUMNS, SYNCED_TABLES } from '../../../src/main/core/sync/tables';
import { tempDir } from '../../helpers/core';

const shipped = shippedMigrations();

describe('migrations', () => {
  it('replays the whole chain on an empty database', () => {
    const db = openDatabase(tempDir());
    expect(migrate(db, shipped)).toEqual({ from: 0, to: shipped.length });
    expect(db.pragma('user_version', { simple: true })).toBe(shipped.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(migrate(db, shipped)).toEqual({ from: shipped.length, to: shipped.length });
    db.close();
  });

  it('opens a database made by release 0.1.0 and keeps its records', async () => {
    const dir = tempDir();
    copyFileSync(join(findAppRoot(), 'test/fixtures/release-0.1.0', DB_FILE), join(dir, DB_FILE));
    const core = createCore({ dataDir: dir });
    expect(core.db.pragma('user_version', { simple: true })).toBe(shipped.length);
    const list = await core.call('children.list', {});
    expect(list.rows.map((r) => [r.name, r.reported])).toEqual([
      ['王小明', true],
      ['张三', false],
    ]);
    expect((await core.call('station.check', {})).ok).toBe(true);
    core.close();
  });

  it('refuses a database written by a newer release, and leaves it alone', () => {
    const dir = tempDir();
    createCore({ dataDir: dir }).close();
    const raw = new Database(join(dir, DB_FILE));
    raw.pragma(`user_version = ${shipped.length + 1}`);
    raw.close();
    expect(() => createCore({ dataDir: dir })).toThrow(DatabaseFromFutureError);
    const again = new Database(join(dir, DB_FILE));
    expect(again.pragma('user_version', { simple: true })).toBe(shipped.length + 1);
    again.close();
  });

  it('applies pending migrations in one transaction: a failing one leaves the database as it was', () => {
    const migrations = loadMigrations([
      { name: '0001_a.sql', sql: 'CREATE TABLE a (x INTEGER) STRICT;' },
      { name: '0002_b.sql', sql: 'CREATE TABLE b (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1);' },
    ]);
    const db = openDatabase(tempDir());
    expect(() => migrate(db, migrations)).toThrow(/nowhere/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([]);
    db.close();
  });

  it('refuses a gap or a repeat in the numbering, and a file not named NNNN_name.sql', () => {
    expect(() => loadMigrations([{ name: '0001_a.sql', sql: 'SELECT 1;' }, { name: '0003_c.sql', sql: 'SELECT 1;' }])).toThrow(/0003_c\.sql is out of sequence: expected 0002/);
    expect(() => loadMigrations([{ name: '0002_b.sql', sql: 'SELECT 1;' }])).toThrow(/out of sequence: expected 0001/);
    expect(() => loadMigrations([{ name: '0001_a.sql', sql: 'SELECT 1;' }, { name: '0001_b.sql', sql: 'SELECT 1;' }])).toThrow(/out of sequence/);
    expect(() => loadMigrations([{ name: '1_a.sql', sql: 'SELECT 1;' }])).toThrow(/not named/);
  });

  it('orders migrations by number, whatever order they are listed in', () => {
    const sql = 'SELECT 1;';
    expect(loadMigrations([{ name: '0002_b.sql', sql }, { name: '0001_a.sql', sql }]).map((m) => [m.version, m.name])).toEqual([
      [1, '0001_a.sql'],
      [2, '0002_b.sql'],
    ]);
  });

  it('embeds exactly the migrations in migrations/ (run `npm run -s build:main` after adding one)', () => {
    const dir = join(findAppRoot(), 'migrations');
    const onDisk = readdirSync(dir)
      .filter((f) => MIGRATION_NAME.test(f))
      .sort()
      .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8').replace(/\r\n/g, '\n') }));
    expect(
      MIGRATION_FILES.map((f) => f.name),
      'src/main/core/db/migrations.generated.ts is out of date: run `npm run -s build:main`',
    ).toEqual(onDisk.map((f) => f.name));
    for (const [i, f] of MIGRATION_FILES.entries()) {
      expect(f.sql, `${f.name} differs from migrations/${f.name}: run \`npm run -s build:main\``).toBe(onDisk[i]!.sql);
    }
    expect(shipped.map((m) => m.version)).toEqual(onDisk.map((_, i) => i + 1));
  });

  it('gives every synced table the sync columns, STRICT, and declares every such table', () => {
    const db = openDatabase(tempDir());
    migrate(db, shipped);
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
    const withSyncColumns = tables.filter((t) => {
      const cols = (db.pragma(`table_info(${t.name})`) as { name: string }[]).map((c) => c.name);
      return SYNCED_BASE_COLUMNS.every((c) => cols.includes(c));
    });
    expect(withSyncColumns.map((t) => t.name).sort()).toEqual(Object.keys(SYNCED_TABLES).sort());
    for (const t of tables) expect(t.sql, t.name).toMatch(/STRICT/);
    db.close();
  });
});
