import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/run';
import { DB_FILE } from '../../src/main/core/db/open';
import { findAppRoot } from '../../src/main/core/appRoot';
import { tempDir } from '../helpers/core';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('station-ledger CLI', () => {
  it('initialises a station and reports its status, in Chinese or as one JSON object', async () => {
    const dir = tempDir();
    const init = await cli('init', '--role', 'station', '--code', '341723100', '--name', '蓉城镇社工站', '--data-dir', dir);
    expect(init).toMatchObject({ code: 0, out: '已初始化：蓉城镇社工站（341723100，乡镇站点，青阳县）' });
    const status = await cli('status', '--data-dir', dir);
    expect(status.out).toContain('儿童台账：0 人');
    expect(status.out).toContain('14 个乡镇（街道）');
    expect(status.out).toContain('老年助餐：0 个助餐点，今日在册就餐 0 人，本月就餐 0 人次');
    const json = await cli('status', '--data-dir', dir, '--json');
    const parsed = JSON.parse(json.out) as { ok: boolean; result: { code: string; counts: { villages: number }; unsyncedChanges: number } };
    expect(parsed).toMatchObject({ ok: true, result: { code: '341723100', counts: { villages: 130 } } });
    // The seeded places are reference data: nothing to upload yet.
    expect(parsed.result.unsyncedChanges).toBe(0);
    expect((await cli('check', '--data-dir', dir)).out).toBe('检查通过：数据完整');
  });

  it('exits 2 on usage errors and 3 when input is rejected, with English JSON messages', async () => {
    const dir = tempDir();
    expect((await cli()).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('init', '--role', 'mayor', '--code', '1', '--name', 'x', '--data-dir', dir)).code).toBe(2);
    expect((await cli('status', '--bogus', '--data-dir', dir)).code).toBe(2);
    const badCode = await cli('init', '--role', 'station', '--code', '12345', '--name', 'x', '--data-dir', dir, '--json');
    expect(badCode.code).toBe(3);
    expect(JSON.parse(badCode.out)).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/^[\x20-\x7e]+$/) } });
    await cli('init', '--role', 'county', '--code', '341723', '--name', '青阳县民政局', '--data-dir', dir);
    const again = await cli('init', '--role', 'county', '--code', '341723', '--name', '青阳县民政局', '--data-dir', dir);
    expect(again.code).toBe(3);
    expect(again.err).toContain('不能重复初始化');
  });

  it('loads demo data and refuses to load it twice', async () => {
    const dir = tempDir();
    await cli('init', '--role', 'station', '--code', '341723100', '--name', '蓉城镇社工站', '--data-dir', dir);
    const demo = await cli('demo', '--scale', 'small', '--data-dir', dir, '--json');
    expect(demo.code).toBe(0);
    expect((JSON.parse(demo.out) as { result: { children: number } }).result.children).toBeGreaterThan(0);
    expect((await cli('demo', '--data-dir', dir)).code).toBe(3);
    expect((await cli('check', '--data-dir', dir)).code).toBe(0);
  });

  it('runs as a real process with JSON on stdout', async () => {
    const root = findAppRoot();
    const dir = tempDir();
    await cli('init', '--role', 'station', '--code', '341723100', '--name', '蓉城镇社工站', '--data-dir', dir);
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/main/cli/main.ts'), 'status', '--data-dir', dir, '--json'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, result: { initialised: true, code: '341723100' } });
  });

  it('a process killed in the middle of a long write leaves the database as it was', async () => {
    const dir = tempDir();
    await cli('init', '--role', 'county', '--code', '341723', '--name', '青阳县民政局', '--data-dir', dir);
    const root = findAppRoot();
    // tsx as a loader, not its CLI: the CLI forks a second process that SIGKILL would not reach.
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/main/cli/main.ts'), 'demo', '--scale', 'county', '--data-dir', dir], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    // Kill as soon as the generator reports progress: the transaction is open and half written.
    child.stderr.on('data', (d: Buffer) => {
      if (d.toString().includes('%')) child.kill('SIGKILL');
    });
    expect(await exited).toBe('SIGKILL');
    const db = new Database(join(dir, DB_FILE));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) AS n FROM children').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM sync_outbox WHERE tbl <> 'places'").get()).toEqual({ n: 0 });
    db.close();
    const retry = await cli('demo', '--scale', 'small', '--data-dir', dir);
    expect(retry.code).toBe(0);
  });
});

describe('refusals that change nothing', () => {
  const INIT_STATION = ['init', '--role', 'station', '--code', '341723100', '--name', '蓉城镇社工站'];
  const withPassphrase = async <T>(value: string, run: () => Promise<T>): Promise<T> => {
    const before = process.env.STATION_LEDGER_PASSPHRASE;
    process.env.STATION_LEDGER_PASSPHRASE = value;
    try {
      return await run();
    } finally {
      if (before === undefined) delete process.env.STATION_LEDGER_PASSPHRASE;
      else process.env.STATION_LEDGER_PASSPHRASE = before;
    }
  };

  it('a data dir that does not exist, or holds no ledger, is an error for every command but init, and is not created', async () => {
    const missing = join(tempDir(), 'nowhere', 'data');
    for (const args of [['status'], ['check'], ['demo'], ['export', '--out', tempDir()], ['enrol', '--station', '341723100', '--out', join(tempDir(), 'e.json')]]) {
      const r = await cli(...args, '--data-dir', missing, '--json');
      expect(r.code, args[0]).toBe(3);
      expect(JSON.parse(r.out)).toMatchObject({ ok: false, error: { code: 'not_initialised', message: expect.stringContaining('no ledger') } });
      expect(existsSync(join(tempDir(), 'nowhere'))).toBe(false);
    }
    expect(existsSync(missing)).toBe(false);
    const empty = tempDir();
    const human = await cli('status', '--data-dir', empty);
    expect(human.code).toBe(3);
    expect(human.err).toContain('没有找到台账数据');
    expect(human.err).toContain('init');
    expect(readdirSync(empty)).toEqual([]);
  });

  it('a failed init leaves nothing behind: a short passphrase, a wrong enrolment file', async () => {
    const parent = tempDir();
    const dir = join(parent, 'new', 'data');
    const short = await withPassphrase('short', () => cli('init', '--role', 'county', '--code', '341723', '--name', '青阳县民政局', '--data-dir', dir));
    expect(short.code).toBe(3);
    expect(short.err).toContain('密钥口令至少8个字符');
    expect(readdirSync(parent)).toEqual([]);

    // An enrolment file meant for another township: refused after the ledger was made, and undone.
    const county = tempDir();
    const enrolment = join(tempDir(), 'e.json');
    await withPassphrase('county-passphrase', async () => {
      await cli('init', '--role', 'county', '--code', '341723', '--name', '青阳县民政局', '--data-dir', county);
      expect((await cli('enrol', '--station', '341723101', '--out', enrolment, '--data-dir', county)).code).toBe(0);
    });
    const existing = tempDir();
    const wrong = await withPassphrase('station-passphrase', () => cli(...INIT_STATION, '--enrolment', enrolment, '--data-dir', existing));
    expect(wrong.code).toBe(3);
    expect(wrong.err).toContain('不是本站');
    expect(readdirSync(existing)).toEqual([]);
    // Nothing half-made: the same folder takes a proper init afterwards.
    expect((await cli(...INIT_STATION, '--data-dir', existing)).code).toBe(0);
  });

  it('the data dir is private: folder 0700, database and key files 0600', async () => {
    const dir = join(tempDir(), 'data');
    await withPassphrase('county-passphrase', () => cli('init', '--role', 'county', '--code', '341723', '--name', '青阳县民政局', '--data-dir', dir));
    await cli('status', '--data-dir', dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(dir).filter((f) => f.startsWith(DB_FILE))) expect(statSync(join(dir, f)).mode & 0o777, f).toBe(0o600);
    expect(statSync(join(dir, 'keys')).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(join(dir, 'keys'))) expect(statSync(join(dir, 'keys', f)).mode & 0o777, f).toBe(0o600);
    const enrolment = join(tempDir(), 'e.json');
    expect((await cli('enrol', '--station', '341723100', '--out', enrolment, '--data-dir', dir)).code).toBe(0);
    expect(statSync(enrolment).mode & 0o777).toBe(0o600);
    // Never into the data dir itself, where it could replace the ledger.
    const into = await cli('enrol', '--station', '341723101', '--out', join(dir, DB_FILE), '--data-dir', dir, '--json');
    expect(into.code).toBe(3);
    expect(JSON.parse(into.out)).toMatchObject({ error: { message: expect.stringContaining('inside the data dir') } });
    expect((await cli('check', '--data-dir', dir)).code).toBe(0);
  });

  it('re-enrolling a station that already syncs needs --force, says what it does, and is audited', async () => {
    const dir = tempDir();
    await withPassphrase('county-passphrase', () => cli('init', '--role', 'county', '--code', '341723', '--name', '青阳县民政局', '--data-dir', dir));
    const db = new Database(join(dir, DB_FILE));
    // As after the station's first bundle arrived.
    const enrol = (...extra: string[]) => cli('enrol', '--station', '341723100', '--out', join(tempDir(), 'e.json'), '--data-dir', dir, ...extra);
    expect((await enrol()).code).toBe(0);
    db.prepare("UPDATE sync_stations SET state = 'enrolled', token_hash = NULL, sign_public = 'k' WHERE code = '341723100'").run();
    const out = join(tempDir(), 'again.json');
    const refused = await cli('enrol', '--station', '341723100', '--out', out, '--data-dir', dir);
    expect(refused.code).toBe(3);
    expect(refused.err).toContain('已登记并在同步');
    expect(refused.err).toContain('--force');
    expect(existsSync(out)).toBe(false);
    expect(db.prepare("SELECT state, sign_public FROM sync_stations WHERE code = '341723100'").get()).toEqual({ state: 'enrolled', sign_public: 'k' });
    const forced = await cli('enrol', '--station', '341723100', '--out', out, '--data-dir', dir, '--force');
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('原登记已作废');
    expect(db.prepare("SELECT state, sign_public FROM sync_stations WHERE code = '341723100'").get()).toEqual({ state: 'pending', sign_public: null });
    const audit = db.prepare("SELECT action, fields FROM audit_log WHERE tbl = 'sync_stations' AND row_id = '341723100' ORDER BY id").all() as { action: string; fields: string }[];
    expect(audit.map((a) => a.action)).toEqual(['insert', 'update']);
    expect(audit[1]!.fields).toContain('replaced:enrolled');
    db.close();
  });

  it('a data dir that is a file, a corrupt database, a locked one, one that cannot be written: clear messages and exit codes', async () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    const isFile = await cli('status', '--data-dir', file, '--json');
    expect(isFile.code).toBe(3);
    expect(JSON.parse(isFile.out)).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('is a file') } });
    expect((await cli(...INIT_STATION, '--data-dir', file)).err).toContain('是一个文件，不是文件夹');
    expect(readFileSync(file, 'utf8')).toBe('x');

    const corrupt = tempDir();
    writeFileSync(join(corrupt, DB_FILE), Buffer.alloc(8192, 0x5a));
    const status = await cli('status', '--data-dir', corrupt);
    expect(status.code).toBe(1);
    expect(status.err).toContain('数据库文件已损坏');
    expect(status.err).not.toMatch(/\n\s+at /);
    const check = await cli('check', '--data-dir', corrupt, '--json');
    expect(check.code).toBe(1);
    expect(JSON.parse(check.out)).toMatchObject({ ok: true, result: { ok: false, problems: [expect.stringContaining('数据库文件已损坏')] } });

    const locked = tempDir();
    await cli(...INIT_STATION, '--data-dir', locked);
    const holder = new Database(join(locked, DB_FILE), { timeout: 0 });
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const busy = await cli('status', '--data-dir', locked, '--json');
      expect(busy.code).toBe(1);
      expect(JSON.parse(busy.out)).toMatchObject({ ok: false, error: { message: expect.stringContaining('locked') } });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect((await cli('status', '--data-dir', locked)).code).toBe(0);

    // /sys refuses new folders even to root.
    const unwritable = await cli(...INIT_STATION, '--data-dir', '/sys/station-ledger-test');
    expect(unwritable.code).toBe(1);
    expect(unwritable.err).toContain('数据目录无法写入');
  }, 60_000);
});
