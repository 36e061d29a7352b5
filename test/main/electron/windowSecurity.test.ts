import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from '../../../src/main/electron/appUrl';
import { decideWindowOpen, denyAllPermissions, hardenedWebPreferences, hardenWebContents } from '../../../src/main/electron/windowSecurity';
import { FakeWebContents, navigationEvent, type PermissionCheckHandler, type PermissionRequestHandler } from './fakeElectron';

function hardened() {
  const contents = new FakeWebContents();
  const openExternal = vi.fn((_url: string) => Promise.resolve());
  hardenWebContents(contents as unknown as WebContents, openExternal);
  return { contents, openExternal };
}

function navigate(contents: FakeWebContents, event: 'will-navigate' | 'will-redirect', url: string): boolean {
  const e = navigationEvent();
  contents.emit(event, e, url);
  return e.defaultPrevented;
}

describe('hardened web preferences', () => {
  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(hardenedWebPreferences('/app/dist/main/preload.cjs', false)).toEqual({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    });
  });
});

describe('navigation', () => {
  it.each(['https://evil.example/', 'http://127.0.0.1:8080/', 'file:///C:/Windows/win.ini', 'app://other/index.html', 'app://ledger.evil/index.html', 'javascript:alert(1)', 'not a url'])(
    'prevents leaving app://ledger for %s',
    (url) => {
      const { contents } = hardened();
      expect(navigate(contents, 'will-navigate', url)).toBe(true);
      expect(navigate(contents, 'will-redirect', url)).toBe(true);
    },
  );

  it('lets the app move within its own origin', () => {
    const { contents } = hardened();
    expect(navigate(contents, 'will-navigate', APP_ENTRY_URL)).toBe(false);
    expect(navigate(contents, 'will-navigate', 'app://ledger/index.html#/children')).toBe(false);
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = hardened();
    const e = navigationEvent();
    contents.emit('will-attach-webview', e, {}, {});
    expect(e.defaultPrevented).toBe(true);
  });
});

describe('new windows', () => {
  it('denies window.open and hands http(s) links to the system browser', () => {
    const { contents, openExternal } = hardened();
    const handler = contents.windowOpenHandler;
    expect(handler).not.toBeNull();
    expect(handler?.({ url: 'https://www.mca.gov.cn/policy?id=1' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'http://example.org' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://www.mca.gov.cn/policy?id=1'], ['http://example.org/']]);
  });

  it.each(['file:///C:/Windows/System32/calc.exe', 'javascript:alert(1)', 'smb://server/share', 'app://ledger/index.html', 'ms-msdt:/id', ''])(
    'denies %s without opening anything',
    (url) => {
      const openExternal = vi.fn((_url: string) => Promise.resolve());
      expect(decideWindowOpen(url, openExternal)).toEqual({ action: 'deny' });
      expect(openExternal).not.toHaveBeenCalled();
    },
  );

  it('survives a failing openExternal', async () => {
    const openExternal = vi.fn((_url: string) => Promise.reject(new Error('no browser')));
    expect(decideWindowOpen('https://example.org', openExternal)).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    let request: PermissionRequestHandler | null = null;
    let check: PermissionCheckHandler | null = null;
    const session = {
      setPermissionRequestHandler: (h: PermissionRequestHandler) => {
        request = h;
      },
      setPermissionCheckHandler: (h: PermissionCheckHandler) => {
        check = h;
      },
    };
    denyAllPermissions(session as unknown as Parameters<typeof denyAllPermissions>[0]);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      (request as PermissionRequestHandler | null)?.({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect((check as PermissionCheckHandler | null)?.({}, permission)).toBe(false);
    }
  });
});
