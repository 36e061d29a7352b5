import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DB_FILE } from '../../../src/main/core/db/open';
import { DatabaseFromFutureError } from '../../../src/main/core/db/migrate';
import { CORE_UNAVAILABLE_MESSAGE, DATABASE_TOO_NEW_MESSAGE } from '../../../src/main/electron/failures';
import type { HostReply } from '../../../src/main/electron/hostMessages';
import { serveCoreRequests, startupFailure, type CoreInvoke } from '../../../src/main/electron/hostService';
import { LedgerError } from '../../../src/shared/contract/errors';
import { settle } from './fakeElectron';
import { tempDir, TOWNSHIP } from '../../helpers/core';

/** Electron's process.parentPort, as the utility process sees it. */
class FakeParentPort extends EventEmitter {
  readonly replies: HostReply[] = [];
  postMessage(message: HostReply): void {
    this.replies.push(structuredClone(message));
  }
  request(id: number, name: string, input: unknown): void {
    this.emit('message', { data: { id, name, input }, ports: [] });
  }
  async outcomeOf(id: number) {
    for (let i = 0; i < 100; i++) {
      const reply = this.replies.find((r) => r.id === id && 'outcome' in r);
      if (reply && 'outcome' in reply) return reply.outcome;
      await settle();
    }
    throw new Error(`no outcome for request ${id}`);
  }
}

const realArgv = process.argv;

/** Runs the real coreHost.ts entry, as the utility process would, against a fake parentPort. */
async function startHost(dataDir: string): Promise<FakeParentPort> {
  const port = new FakeParentPort();
  Object.defineProperty(process, 'parentPort', { value: port, configurable: true, writable: true });
  process.argv = [process.execPath, 'core-host.mjs', '--data-dir', dataDir];
  vi.resetModules();
  await import('../../../src/main/electron/coreHost');
  return port;
}

afterEach(() => {
  process.argv = realArgv;
  Reflect.deleteProperty(process, 'parentPort');
});

describe('core host entry (utility process)', () => {
  it('answers contract calls with a real core on the given data dir', async () => {
    const port = await startHost(tempDir());
    port.request(1, 'station.info', {});
    expect(await port.outcomeOf(1)).toMatchObject({ ok: true, result: { initialised: false } });

    port.request(2, 'station.init', { role: 'station', code: TOWNSHIP, name: '蓉城镇社工站' });
    expect(await port.outcomeOf(2)).toMatchObject({ ok: true, result: { initialised: true, code: TOWNSHIP } });

    port.request(3, 'station.init', { role: 'station', code: '12', name: '' });
    const rejected = await port.outcomeOf(3);
    expect(rejected).toMatchObject({ ok: false, error: { code: 'validation' } });

    port.request(4, 'no.such.operation', {});
    expect(await port.outcomeOf(4)).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
  });

  it('drops messages that are not requests', async () => {
    const port = await startHost(tempDir());
    port.emit('message', { data: { name: 'station.info', input: {} } });
    port.emit('message', { data: null });
    port.request(5, 'station.info', {});
    await port.outcomeOf(5);
    expect(port.replies.map((r) => r.id)).toEqual([5]);
  });

  it('answers every call with an upgrade message when the database is newer than the app', async () => {
    const dir = tempDir();
    const db = new Database(join(dir, DB_FILE));
    db.pragma('user_version = 999');
    db.close();
    const port = await startHost(dir);
    port.request(1, 'station.info', {});
    expect(await port.outcomeOf(1)).toMatchObject({ ok: false, error: { code: 'internal', message: DATABASE_TOO_NEW_MESSAGE } });
    // The reason, with its stack, is in the data dir's log for a supporter (the host's own log
    // module: modules were reset for it).
    const { closeLog } = await import('../../../src/main/core/log');
    await closeLog();
    expect(readFileSync(join(dir, 'logs', 'desktop.log'), 'utf8')).toContain('DatabaseFromFutureError');
  });
});

describe('host service', () => {
  it('posts progress before the outcome, tagged with the request id', async () => {
    const port = new FakeParentPort();
    const invoke: CoreInvoke = async (_name, _input, { onProgress }) => {
      onProgress({ phase: '生成演示数据', done: 50, total: 100 });
      return { ok: true, result: { children: 100 } };
    };
    serveCoreRequests(port, invoke);
    port.request(9, 'demo.load', { scale: 'small' });
    expect(await port.outcomeOf(9)).toEqual({ ok: true, result: { children: 100 } });
    expect(port.replies).toEqual([
      { id: 9, progress: { phase: '生成演示数据', done: 50, total: 100 } },
      { id: 9, outcome: { ok: true, result: { children: 100 } } },
    ]);
  });

  it('turns a throwing core into an outcome', async () => {
    const port = new FakeParentPort();
    serveCoreRequests(port, () => {
      throw new Error('boom');
    });
    port.request(1, 'station.info', {});
    expect(await port.outcomeOf(1)).toMatchObject({ ok: false, error: { code: 'internal', message: CORE_UNAVAILABLE_MESSAGE } });
  });

  it('explains startup failures in Chinese', () => {
    expect(startupFailure(new DatabaseFromFutureError(9, 1)).error.message).toBe(DATABASE_TOO_NEW_MESSAGE);
    expect(startupFailure(new LedgerError({ code: 'not_initialised', message: '本机尚未设置站点' })).error).toEqual({
      code: 'not_initialised',
      message: '本机尚未设置站点',
    });
    expect(startupFailure(new Error('EACCES')).error).toMatchObject({ message: CORE_UNAVAILABLE_MESSAGE, detail: expect.stringContaining('EACCES') });
  });
});
