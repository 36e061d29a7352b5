import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAppRoot } from '../../../src/main/core/appRoot';
import { createCore } from '../../../src/main/core/core';
import { DatabaseFromFutureError, loadMigrations, migrate } from '../../../src/main/core/db/migrate';
import { DB_FILE, openDatabase } from '../../../src/main/core/db/open';
import { SYNCED_BASE_COLUMNS, SYNCED_TABLES } from '../../../src/main/core/sync/tables';
import { tempDir } from '../../helpers/core';

const shipped = loadMigrations(join(findAppRoot(), 'migrations'));

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
    const dir = tempDir();
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    writeFileSync(join(migrations, '0001_a.sql'), 'CREATE TABLE a (x INTEGER) STRICT;');
    writeFileSync(join(migrations, '0002_b.sql'), 'CREATE TABLE b (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1);');
    const db = openDatabase(join(dir, 'data'));
    expect(() => migrate(db, loadMigrations(migrations))).toThrow(/nowhere/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([]);
    db.close();
  });

  it('refuses a gap in the numbering', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '0001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '0003_c.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/out of sequence/);
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
