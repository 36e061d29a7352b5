import { describe, expect, it, vi } from 'vitest';
import type { Progress } from '../../../src/shared/contract/define';
import type { Outcome } from '../../../src/shared/contract/errors';
import { createCoreHostClient } from '../../../src/main/electron/coreHostClient';
import { HOST_EXITED_MESSAGE, HOST_STOPPED_MESSAGE } from '../../../src/main/electron/failures';
import type { CoreInvoke } from '../../../src/main/electron/hostService';
import { settle } from './fakeElectron';
import { LoopbackHost } from './fakeHost';

const echo: CoreInvoke = async (name, input, { onProgress }) => {
  onProgress({ phase: '导入', done: 1, total: 2 });
  onProgress({ phase: '导入', done: 2, total: 2 });
  return { ok: true, result: { name, input } };
};

/** A core call that never finishes, like an import interrupted by a crash. */
const hang: CoreInvoke = () => new Promise<Outcome<unknown>>(() => {});

function client(invoke: CoreInvoke = echo) {
  const hosts: LoopbackHost[] = [];
  const fork = vi.fn(() => {
    const host = new LoopbackHost(invoke);
    hosts.push(host);
    return host;
  });
  const onExit = vi.fn();
  return { core: createCoreHostClient(fork, { onExit }), fork, hosts, onExit };
}

describe('core host client', () => {
  it('round-trips a call through the utility process protocol, with progress', async () => {
    const { core, fork, hosts } = client();
    const progress: Progress[] = [];
    const outcome = await core.invoke('children.list', { q: '王' }, (p) => progress.push(p));
    expect(outcome).toEqual({ ok: true, result: { name: 'children.list', input: { q: '王' } } });
    expect(progress).toEqual([
      { phase: '导入', done: 1, total: 2 },
      { phase: '导入', done: 2, total: 2 },
    ]);
    expect(fork).toHaveBeenCalledTimes(1);
    expect(hosts[0]?.requests).toEqual([{ id: 1, name: 'children.list', input: { q: '王' } }]);
  });

  it('keeps concurrent calls apart by id', async () => {
    const { core } = client();
    const [a, b] = await Promise.all([core.invoke('a.one', 1), core.invoke('b.two', 2)]);
    expect(a).toEqual({ ok: true, result: { name: 'a.one', input: 1 } });
    expect(b).toEqual({ ok: true, result: { name: 'b.two', input: 2 } });
  });

  it('starts the process ahead of the first call, once', () => {
    const { core, fork } = client();
    core.start();
    core.start();
    expect(fork).toHaveBeenCalledTimes(1);
  });

  it('answers pending calls with a Chinese error when the process dies, then restarts it', async () => {
    const { core, fork, hosts, onExit } = client(hang);
    const first = core.invoke('demo.load', { scale: 'county' });
    const second = core.invoke('children.list', {});
    await settle();
    hosts[0]?.crash(3);

    for (const outcome of await Promise.all([first, second])) {
      expect(outcome).toEqual({
        ok: false,
        error: { code: 'internal', message: HOST_EXITED_MESSAGE, detail: 'core host exited with code 3' },
      });
    }
    expect(HOST_EXITED_MESSAGE).toBe('后台服务意外退出，请重新启动软件');
    expect(onExit).toHaveBeenCalledWith(3);

    void core.invoke('station.info', {});
    expect(fork).toHaveBeenCalledTimes(2);
    expect(hosts[1]?.requests.map((r) => r.name)).toEqual(['station.info']);
  });

  it('ignores malformed and unknown replies', async () => {
    const { core, hosts } = client(hang);
    const call = core.invoke('station.info', {});
    await settle();
    const host = hosts[0];
    host?.emit('message', { id: 1, outcome: { ok: 'yes' } });
    host?.emit('message', { id: 99, outcome: { ok: true, result: 1 } });
    host?.emit('message', 'garbage');
    host?.emit('message', { id: 1, outcome: { ok: true, result: 'real' } });
    expect(await call).toEqual({ ok: true, result: 'real' });
  });

  it('keeps the outcome when a progress listener throws', async () => {
    const { core } = client();
    const outcome = await core.invoke('demo.load', {}, () => {
      throw new Error('listener bug');
    });
    expect(outcome.ok).toBe(true);
  });

  it('answers input that cannot cross the process boundary without throwing', async () => {
    const { core } = client();
    const outcome = await core.invoke('children.create', { callback: () => 1 });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('internal');
  });

  it('stops the process on dispose and refuses later calls', async () => {
    const { core, fork, hosts } = client(hang);
    const pending = core.invoke('station.info', {});
    core.dispose();
    expect(hosts[0]?.alive).toBe(false);
    expect((await pending).ok).toBe(false);
    expect(await core.invoke('station.info', {})).toMatchObject({ ok: false, error: { message: HOST_STOPPED_MESSAGE } });
    expect(fork).toHaveBeenCalledTimes(1);
  });
});
