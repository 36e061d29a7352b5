import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/run';
import { closeLog, logger, openLog, scrub } from '../../../src/main/core/log';
import { tempDir } from '../../helpers/core';

afterEach(async () => {
  await closeLog();
});

const ID = '34172320150101001X';
const lines = (dir: string, host: string) =>
  readFileSync(join(dir, 'logs', `${host}.log`), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { level: number; msg: string; host: string; err?: { stack: string }; passphrase?: string });

describe('the log a supporter can ask for', () => {
  it('writes English JSON lines with stacks to a private file in the data dir, never an ID number or a passphrase', async () => {
    const dir = tempDir();
    openLog(dir, 'web');
    logger.info(`imported a row for ${ID}`);
    logger.error('operation children.create failed', new Error(`UNIQUE constraint failed: children.id_number ${ID.toLowerCase()}`));
    await closeLog();
    const written = readFileSync(join(dir, 'logs', 'web.log'), 'utf8');
    expect(written).not.toMatch(/\d{17}[\dXx]/);
    expect(written).toContain('341723************');
    const [info, error] = lines(dir, 'web');
    expect(info).toMatchObject({ level: 30, host: 'web', msg: 'imported a row for 341723************' });
    expect(error!.level).toBe(50);
    expect(error!.err!.stack).toContain('log.test.ts');
    expect(statSync(join(dir, 'logs')).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'logs', 'web.log')).mode & 0o777).toBe(0o600);
  });

  it('masks old 15-digit numbers too, and leaves phone numbers and dates alone', () => {
    expect(scrub('id 341723850101001 phone 13912345678 on 2026-12-05')).toBe('id 341723********* phone 13912345678 on 2026-12-05');
  });

  it('each CLI command leaves a line in the cli log; --verbose is accepted', async () => {
    const dir = tempDir();
    const io = { out: () => undefined, err: () => undefined };
    expect(await runCli(['init', '--role', 'station', '--code', '341723100', '--name', '蓉城镇社工站', '--data-dir', dir], io)).toBe(0);
    expect(await runCli(['demo', '--scale', 'small', '--data-dir', dir, '--verbose', '--json'], io)).toBe(0);
    expect(await runCli(['demo', '--data-dir', dir], io)).toBe(3);
    const msgs = lines(dir, 'cli').map((l) => l.msg);
    expect(msgs).toEqual(expect.arrayContaining(['command init started', 'command demo finished with exit code 0', expect.stringMatching(/^command demo refused: conflict/)]));
    expect(readdirSync(join(dir, 'logs'))).toEqual(['cli.log']);
    // Demo data is full of names and ID numbers; none of them reached the log.
    expect(readFileSync(join(dir, 'logs', 'cli.log'), 'utf8')).not.toMatch(/\d{17}[\dXx]/);
  });
});
