/**
 * The bundled CLI carries its migrations: installed or packaged, there is no migrations folder to
 * read beside it. Built afresh into a temp folder (the repository's dist/ may be stale or being
 * rebuilt), with only what an installation holds: package.json, dist/main and node_modules.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAppRoot } from '../../../src/main/core/appRoot';
import { shippedMigrations } from '../../../src/main/core/db/migrate';
import { DB_FILE } from '../../../src/main/core/db/open';
import { tempDir } from '../../helpers/core';

const root = findAppRoot();

describe('the bundled CLI', () => {
  it('upgrades a release 0.1.0 database from a copy of dist/ with no migrations folder beside it', () => {
    const app = tempDir('ledger-app-');
    const built = spawnSync(process.execPath, [join(root, 'build/bundle-main.mjs'), '--outdir', join(app, 'dist/main')], { cwd: root, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    copyFileSync(join(root, 'package.json'), join(app, 'package.json'));
    // A junction needs no privilege on Windows; elsewhere the type is ignored.
    symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'), 'junction');
    expect(readdirSync(app).sort()).toEqual(['dist', 'node_modules', 'package.json']);
    expect(existsSync(join(app, 'migrations'))).toBe(false);

    const data = tempDir();
    copyFileSync(join(root, 'test/fixtures/release-0.1.0', DB_FILE), join(data, DB_FILE));
    const cli = (...args: string[]) => spawnSync(process.execPath, [join(app, 'dist/main/cli.mjs'), ...args, '--data-dir', data], { cwd: app, encoding: 'utf8' });

    const status = cli('status', '--json');
    expect(status.status, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ ok: true, result: { initialised: true } });
    const check = cli('check', '--json');
    expect(check.status, check.stdout + check.stderr).toBe(0);

    const db = new Database(join(data, DB_FILE), { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(shippedMigrations().length);
    } finally {
      db.close();
    }
  });
});
