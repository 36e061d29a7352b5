import { spawn, spawnSync } from 'node:child_process';
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

  it('runs as a real process with JSON on stdout', () => {
    const root = findAppRoot();
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/main/cli/main.ts'), 'status', '--data-dir', tempDir(), '--json'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, result: { initialised: false } });
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
