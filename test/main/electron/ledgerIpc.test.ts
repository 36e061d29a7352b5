import type { IpcMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createCoreHostClient } from '../../../src/main/electron/coreHostClient';
import { MALFORMED_REQUEST_MESSAGE, UNTRUSTED_SENDER_MESSAGE } from '../../../src/main/electron/failures';
import type { CoreInvoke } from '../../../src/main/electron/hostService';
import { INVOKE_CHANNEL } from '../../../src/main/electron/ipcChannels';
import { handleInvoke, parseInvokePayload, registerLedgerIpc, type InvokeEvent } from '../../../src/main/electron/ledgerIpc';
import { FakeWebContents } from './fakeElectron';
import { LoopbackHost } from './fakeHost';

const importing: CoreInvoke = async (name, input, { onProgress }) => {
  onProgress({ phase: '校验', done: 1, total: 3 });
  onProgress({ phase: '写入', done: 3, total: 3 });
  return { ok: true, result: { name, input } };
};

function setup(invoke: CoreInvoke = importing) {
  const hosts: LoopbackHost[] = [];
  const core = createCoreHostClient(() => {
    const host = new LoopbackHost(invoke);
    hosts.push(host);
    return host;
  });
  let handler: ((event: InvokeEvent, payload: unknown) => Promise<unknown>) | null = null;
  const ipcMain = {
    handle: vi.fn((channel: string, listener: (event: InvokeEvent, payload: unknown) => Promise<unknown>) => {
      expect(channel).toBe(INVOKE_CHANNEL);
      handler = listener;
    }),
  };
  registerLedgerIpc(ipcMain as unknown as Pick<IpcMain, 'handle'>, core);
  const call = (event: InvokeEvent, payload: unknown) => {
    if (handler === null) throw new Error('ledger:invoke was not registered');
    return handler(event, payload);
  };
  return { call, hosts };
}

function eventFrom(url: string | null, sender = new FakeWebContents()): InvokeEvent {
  return { senderFrame: url === null ? null : { url }, sender } as unknown as InvokeEvent;
}

describe('ledger:invoke', () => {
  it('passes a call from app://ledger to the core host and back, forwarding progress to the sender', async () => {
    const { call, hosts } = setup();
    const sender = new FakeWebContents();
    const outcome = await call(eventFrom('app://ledger/index.html#/children', sender), {
      name: 'sync.importBundle',
      input: { path: 'E:\\station.ledger' },
      progressChannel: 'ledger:progress:7',
    });
    expect(outcome).toEqual({ ok: true, result: { name: 'sync.importBundle', input: { path: 'E:\\station.ledger' } } });
    expect(sender.sent).toEqual([
      { channel: 'ledger:progress:7', args: [{ phase: '校验', done: 1, total: 3 }] },
      { channel: 'ledger:progress:7', args: [{ phase: '写入', done: 3, total: 3 }] },
    ]);
    expect(hosts).toHaveLength(1);
  });

  it('sends no progress when the caller did not ask for it', async () => {
    const { call } = setup();
    const sender = new FakeWebContents();
    expect(await call(eventFrom('app://ledger/index.html', sender), { name: 'station.info', input: {} })).toMatchObject({ ok: true });
    expect(sender.sent).toEqual([]);
  });

  it('stops sending progress to a window that was closed', async () => {
    const { call } = setup();
    const sender = new FakeWebContents();
    sender.destroyed = true;
    const outcome = await call(eventFrom('app://ledger/index.html', sender), { name: 'demo.load', input: {}, progressChannel: 'ledger:progress:1' });
    expect(outcome).toMatchObject({ ok: true });
    expect(sender.sent).toEqual([]);
  });

  it.each([
    ['a remote page', 'https://evil.example/'],
    ['a local file', 'file:///C:/Users/Public/page.html'],
    ['a look-alike host', 'app://ledger.evil/index.html'],
    ['another app host', 'app://other/index.html'],
    ['the dev server', 'http://localhost:5173/'],
    ['a destroyed frame', null],
  ])('refuses a call from %s without reaching the core', async (_what, url) => {
    const { call, hosts } = setup();
    const outcome = await call(eventFrom(url), { name: 'children.list', input: {} });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'internal', message: UNTRUSTED_SENDER_MESSAGE } });
    expect(hosts).toHaveLength(0);
  });

  it('refuses a frame whose url cannot be read', async () => {
    const core = { invoke: vi.fn() };
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
      sender: new FakeWebContents(),
    } as unknown as InvokeEvent;
    expect(await handleInvoke(event, { name: 'station.info', input: {} }, core)).toMatchObject({ ok: false });
    expect(core.invoke).not.toHaveBeenCalled();
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'children.list'],
    ['no name', { input: {} }],
    ['a numeric name', { name: 42, input: {} }],
    ['an empty name', { name: '', input: {} }],
    ['a progress channel outside ledger:progress:', { name: 'station.info', input: {}, progressChannel: 'ledger:invoke' }],
    ['a non-string progress channel', { name: 'station.info', input: {}, progressChannel: 5 }],
  ])('refuses a malformed payload: %s', async (_what, payload) => {
    const { call, hosts } = setup();
    expect(await call(eventFrom('app://ledger/index.html'), payload)).toMatchObject({
      ok: false,
      error: { code: 'validation', message: MALFORMED_REQUEST_MESSAGE },
    });
    expect(hosts).toHaveLength(0);
  });

  it('leaves checking the input itself to the core', () => {
    expect(parseInvokePayload({ name: 'children.create', input: 'anything', progressChannel: 'ledger:progress:3' })).toEqual({
      name: 'children.create',
      input: 'anything',
      progressChannel: 'ledger:progress:3',
    });
    expect(parseInvokePayload({ name: 'station.info' })).toEqual({ name: 'station.info', input: undefined });
  });
});
