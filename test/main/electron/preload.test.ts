import { build } from 'esbuild';
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Progress } from '../../../src/shared/contract/define';
import type { LedgerBridge } from '../../../src/shared/contract/transport';
import { INVOKE_CHANNEL } from '../../../src/main/electron/ipcChannels';
import { createLedgerBridge, type BridgeIpc } from '../../../src/main/electron/ledgerBridge';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
}));
vi.mock('electron', () => electron);

/** ipcRenderer as the preload sees it; `reply` plays main's part of ledger:invoke. */
class FakeIpcRenderer extends EventEmitter {
  readonly calls: Array<{ channel: string; payload: unknown }> = [];
  constructor(private readonly reply: (payload: { name: string; progressChannel?: string }, ipc: FakeIpcRenderer) => Promise<unknown>) {
    super();
  }
  invoke(channel: string, payload: { name: string; progressChannel?: string }): Promise<unknown> {
    this.calls.push({ channel, payload });
    return this.reply(payload, this);
  }
}

function bridgeOver(ipc: FakeIpcRenderer): LedgerBridge {
  return createLedgerBridge(ipc as unknown as BridgeIpc);
}

describe('preload', () => {
  beforeEach(() => {
    vi.resetModules();
    electron.contextBridge.exposeInMainWorld.mockClear();
  });

  it('exposes exactly `invoke` on window.ledger and `chooseFiles` and `print` on window.ledgerDesktop, never ipcRenderer', async () => {
    await import('../../../src/main/electron/preload');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(2);
    const exposed = Object.fromEntries(electron.contextBridge.exposeInMainWorld.mock.calls as [string, Record<string, unknown>][]);
    expect(Object.keys(exposed)).toEqual(['ledger', 'ledgerDesktop']);
    expect(Object.keys(exposed.ledger!)).toEqual(['invoke']);
    expect(Object.keys(exposed.ledgerDesktop!)).toEqual(['chooseFiles', 'print']);
    for (const api of Object.values(exposed)) expect(Object.values(api)).not.toContain(electron.ipcRenderer);
  });

  it('bundles to a sandbox-loadable script that requires nothing but electron', async () => {
    // Same options as build/bundle-main.mjs gives the preload.
    const result = await build({
      entryPoints: ['src/main/electron/preload.ts'],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      packages: 'external',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(code).not.toMatch(/\bimport\s*\(/);
  });
});

describe('ledger bridge', () => {
  it('sends the call on ledger:invoke and returns the outcome', async () => {
    const ipc = new FakeIpcRenderer(async (p) => ({ ok: true, result: p.name }));
    const outcome = await bridgeOver(ipc).invoke('station.info', {});
    expect(outcome).toEqual({ ok: true, result: 'station.info' });
    expect(ipc.calls).toEqual([{ channel: INVOKE_CHANNEL, payload: { name: 'station.info', input: {}, progressChannel: undefined } }]);
    expect(ipc.eventNames()).toEqual([]);
  });

  it('delivers progress on a per-call channel and removes the listener when the call settles', async () => {
    const ipc = new FakeIpcRenderer(async (p, self) => {
      const channel = p.progressChannel ?? '';
      expect(self.listenerCount(channel)).toBe(1);
      self.emit(channel, {}, { phase: '导入', done: 1, total: 2 });
      self.emit(channel, {}, { phase: '导入', done: 2, total: 2 });
      return { ok: true, result: null };
    });
    const bridge = bridgeOver(ipc);
    const seen: Progress[] = [];
    await bridge.invoke('demo.load', { scale: 'small' }, (p) => seen.push(p));
    await bridge.invoke('demo.load', { scale: 'small' }, () => {});
    expect(seen).toEqual([
      { phase: '导入', done: 1, total: 2 },
      { phase: '导入', done: 2, total: 2 },
    ]);
    const channels = ipc.calls.map((c) => (c.payload as { progressChannel: string }).progressChannel);
    expect(channels[0]).toMatch(/^ledger:progress:\w+$/);
    expect(channels[1]).not.toBe(channels[0]);
    expect(ipc.eventNames()).toEqual([]);
  });

  it('returns an outcome instead of rejecting, and still removes the listener', async () => {
    const ipc = new FakeIpcRenderer(() => Promise.reject(new Error('An object could not be cloned.')));
    const outcome = await bridgeOver(ipc).invoke('children.create', {}, () => {});
    expect(outcome).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(ipc.eventNames()).toEqual([]);
  });
});
