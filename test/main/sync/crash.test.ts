/**
 * A county PC loses power (or the user kills the CLI) in the middle of an import: the database
 * must be exactly as before, and importing the same file again must then apply it whole.
 *
 * A real child process runs the real CLI on real SQLite files. The kill is aimed inside the
 * import transaction by probing the write lock from a second connection: the import holds
 * SQLite's write lock (BEGIN IMMEDIATE) from its first row to its COMMIT, and nothing else the
 * CLI does on an import writes, so a probe that finds the lock taken finds the process inside
 * that transaction — and SIGKILLs it then and there.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/core/core';
import { findAppRoot } from '../../../src/main/core/appRoot';
import { DB_FILE } from '../../../src/main/core/db/open';
import { tempDir } from '../../helpers/core';

const PASSPHRASE = 'crash-test passphrase 口令';
const COUNTY = '341723';
const STATION = '341723100'; // 蓉城镇: the largest share of the county demo (about a thousand children)
const repoRoot = findAppRoot();

async function withCore<T>(dataDir: string, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = createCore({ dataDir, actor: 'tester' });
  try {
    return await fn(core);
  } finally {
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    core.close();
  }
}

interface DbState {
  integrity: unknown;
  children: number;
  categories: number;
  bundles: number;
  conflicts: number;
  importAudit: number;
  countyVersions: number;
  station: { state: string; acks: string; fingerprint: string | null; last_received_at: string | null } | undefined;
}

function fileHash(dataDir: string): string {
  return createHash('sha256').update(readFileSync(join(dataDir, DB_FILE))).digest('hex');
}

/** Opens the file as the app would after a crash (a fresh connection recovers the WAL). */
function readState(dataDir: string): DbState {
  const db = new Database(join(dataDir, DB_FILE));
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      children: count('SELECT count(*) AS n FROM children'),
      categories: count('SELECT count(*) AS n FROM child_categories'),
      bundles: count('SELECT count(*) AS n FROM sync_bundles'),
      conflicts: count('SELECT count(*) AS n FROM sync_conflicts'),
      importAudit: count("SELECT count(*) AS n FROM audit_log WHERE operation = 'sync.import'"),
      countyVersions: count('SELECT count(*) AS n FROM county_versions'),
      station: db.prepare('SELECT state, acks, fingerprint, last_received_at FROM sync_stations WHERE code = ?').get(STATION) as DbState['station'],
    };
  } finally {
    db.close();
  }
}

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** ms from spawn to the first probe that found the write lock taken. */
  lockSeenAt: number | null;
  /** ms from spawn to the SIGKILL, sent only while the lock was (just) seen taken. */
  killedAt: number | null;
  /** ms from spawn to exit. */
  elapsed: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `station-ledger import FILE --json` in a child process while probing the write lock from
 * this process about every millisecond (busy timeout 0: a taken lock answers SQLITE_BUSY at once,
 * and a free one is held for microseconds). With `killAfter` = d, the child is SIGKILLed d ms
 * after the lock was first seen taken — if a probe then still finds it taken; otherwise (the
 * import committed first) it is left to finish. With null, it always finishes.
 */
async function runImport(dataDir: string, file: string, killAfter: number | null): Promise<CliRun> {
  const started = performance.now();
  const since = () => Math.round(performance.now() - started);
  // tsx as a loader, not its CLI: the tsx CLI forks a second process that SIGKILL would not reach.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli/main.ts', 'import', file, '--data-dir', dataDir, '--json'], {
    cwd: repoRoot,
    env: { ...process.env, STATION_LEDGER_PASSPHRASE: PASSPHRASE },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let exited = false;
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    }),
  );
  let lockSeenAt: number | null = null;
  let killedAt: number | null = null;
  const probe = new Database(join(dataDir, DB_FILE), { timeout: 0 });
  const locked = (): boolean => {
    try {
      probe.exec('BEGIN IMMEDIATE');
      probe.exec('ROLLBACK');
      return false;
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_BUSY') return true;
      throw e;
    }
  };
  try {
    while (!exited && lockSeenAt === null) {
      if (locked()) lockSeenAt = since();
      // The transaction lasts hundreds of milliseconds; a millisecond's pause keeps a core free.
      else await sleep(1);
    }
    if (lockSeenAt !== null && killAfter !== null) {
      if (killAfter > 0) await sleep(killAfter);
      if (!exited && locked()) {
        child.kill('SIGKILL');
        killedAt = since();
      }
    }
    await exit;
  } finally {
    probe.close();
  }
  const { code, signal } = await exit;
  return { code, signal, stdout, stderr, lockSeenAt, killedAt, elapsed: since() };
}

let countyDir: string;
let bundle: string;
let stationChildren: number;
let stationCategories: number;
/** Every change in the bundle: the demo writes elders and visits too, each row once. */
let stationChanges: number;

beforeAll(async () => {
  countyDir = tempDir('crash-county-');
  const stationDir = tempDir('crash-station-');
  const enrolment = join(tempDir('crash-usb-'), 'enrol.json');
  await withCore(countyDir, async (county) => {
    await county.call('station.init', { role: 'county', code: COUNTY, name: '青阳县民政局' });
    await county.call('sync.createKeys', { passphrase: PASSPHRASE });
    await county.call('sync.enrolStation', { code: STATION, outPath: enrolment });
  });
  await withCore(stationDir, async (station) => {
    await station.call('station.init', { role: 'station', code: STATION, name: '蓉城镇社工站' });
    await station.call('sync.acceptEnrolment', { path: enrolment, passphrase: PASSPHRASE });
    stationChildren = (await station.call('demo.load', { scale: 'county' })).children;
    stationCategories = (station.db.prepare('SELECT count(*) AS n FROM child_categories').get() as { n: number }).n;
    stationChanges = (station.db.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;
    bundle = (await station.call('sync.exportBundle', { outPath: join(tempDir('crash-usb-'), 'up.slbundle'), passphrase: PASSPHRASE })).path;
  });
}, 60_000);

describe('a process killed in the middle of an import', () => {
  it('leaves the database as before, and the next import of the same file applies everything', async () => {
    // A big first bundle: the station's whole register, plus its enrolment.
    expect(stationChildren).toBeGreaterThan(500);
    const pristine = readState(countyDir);
    const pristineHash = fileHash(countyDir);
    expect(pristine).toMatchObject({ integrity: 'ok', children: 0, categories: 0, bundles: 0, conflicts: 0, importAudit: 0, station: { state: 'pending', fingerprint: null, acks: '{}' } });

    // Each attempt starts from a copy of the untouched county and kills deeper into the
    // transaction than the last, until one is too late and the import completes.
    const attempts: { killAfter: number; lockSeenAt: number | null; killedAt: number | null; elapsed: number; children: number }[] = [];
    const killedDirs: { dir: string; killAfter: number }[] = [];
    for (const killAfter of [0, 30, 60, 90, 120, 160, 220, 300, 450]) {
      const dir = tempDir('crash-attempt-');
      cpSync(countyDir, dir, { recursive: true });
      const run = await runImport(dir, bundle, killAfter);
      const after = readState(dir);
      attempts.push({ killAfter, lockSeenAt: run.lockSeenAt, killedAt: run.killedAt, elapsed: run.elapsed, children: after.children });
      if (run.killedAt === null) {
        // Too late: the import finished before the kill. It must have succeeded, whole.
        expect(run, run.stderr).toMatchObject({ code: 0, signal: null });
        expect(after).toMatchObject({ integrity: 'ok', children: stationChildren, categories: stationCategories, bundles: 1, station: { state: 'enrolled' } });
        break;
      }
      expect(run.signal).toBe('SIGKILL');
      expect(after.integrity).toBe('ok');
      // The signal can still race a COMMIT that was already under way: then everything landed.
      // Anything between nothing and everything is the bug this test is for.
      if (after.children !== 0) {
        expect(after).toMatchObject({ children: stationChildren, categories: stationCategories, bundles: 1 });
        break;
      }
      // Killed inside the transaction: the file holds nothing of the bundle — no rows, no
      // bookkeeping, the station still pending — and not one committed byte.
      expect(after).toEqual(pristine);
      expect(fileHash(dir)).toBe(pristineHash);
      killedDirs.push({ dir, killAfter });
    }
    console.info(
      `crash attempts (ms since spawn): ${attempts.map((a) => `kill ${a.killAfter} ms after the lock (seen ${a.lockSeenAt}) → ${a.killedAt === null ? `finished at ${a.elapsed}` : `killed at ${a.killedAt}`}, ${a.children} children`).join('; ')}`,
    );
    expect(killedDirs.length, `no kill landed inside the import transaction: ${JSON.stringify(attempts)}`).toBeGreaterThan(0);
    // At least one kill landed well into the transaction, not just at its BEGIN.
    const deepest = killedDirs.at(-1)!;
    expect(deepest.killAfter).toBeGreaterThanOrEqual(30);

    // The next import of the same file, by the same CLI, applies everything.
    const retry = await runImport(deepest.dir, bundle, null);
    expect(retry, retry.stderr).toMatchObject({ code: 0, signal: null });
    const out = JSON.parse(retry.stdout) as { ok: boolean; result: { results: { outcome: string; applied: number; refused: number; conflicts: number }[] } };
    expect(out.ok).toBe(true);
    expect(out.result.results).toEqual([expect.objectContaining({ outcome: 'applied', applied: stationChanges, refused: 0, conflicts: 0 })]);
    const done = readState(deepest.dir);
    expect(done).toMatchObject({ integrity: 'ok', children: stationChildren, categories: stationCategories, bundles: 1, conflicts: 0, station: { state: 'enrolled' } });
    expect(done.station!.fingerprint).not.toBeNull();
    expect(done.importAudit).toBeGreaterThan(0);
    console.info('import after the crash', { elapsed: retry.elapsed, lockSeenAt: retry.lockSeenAt });
  }, 120_000);
});
