import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APP_SCHEME_PRIVILEGES } from '../../../src/main/electron/appProtocol';
import { APP_ENTRY_URL } from '../../../src/main/electron/appUrl';
import { INVOKE_CHANNEL } from '../../../src/main/electron/ipcChannels';
import { createFakeElectron, FakeBrowserWindow, FakeWebContents, navigationEvent, settle, type FakeElectron } from './fakeElectron';

const realArgv = process.argv;
afterEach(() => {
  process.argv = realArgv;
});

/** Loads the real main.ts against a fresh fake Electron; 'ready' fires only when the test says so. */
async function launch(options: Parameters<typeof createFakeElectron>[0] = {}, argv: string[] = []): Promise<FakeElectron> {
  const fake = createFakeElectron(options);
  process.argv = ['electron', '.', ...argv];
  vi.resetModules();
  vi.doMock('electron', () => fake.module);
  await import('../../../src/main/electron/main');
  return fake;
}

async function launchReady(options: Parameters<typeof createFakeElectron>[0] = {}, argv: string[] = []): Promise<FakeElectron> {
  const fake = await launch(options, argv);
  fake.becomeReady();
  await settle();
  return fake;
}

describe('Electron main', () => {
  it('registers the app:// scheme and enables the sandbox before ready, and nothing else yet', async () => {
    const fake = await launch();
    expect(fake.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(fake.module.app.enableSandbox).toHaveBeenCalled();
    expect(fake.module.protocol.handle).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('quits when another instance holds the lock', async () => {
    const fake = await launch({ singleInstanceLock: false });
    expect(fake.module.app.quit).toHaveBeenCalled();
    expect(fake.module.app.whenReady).not.toHaveBeenCalled();
    expect(fake.module.app.listenerCount('web-contents-created')).toBe(0);
  });

  it('creates one hardened window on app://ledger', async () => {
    await launchReady();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const window = FakeBrowserWindow.instances[0];
    const prefs = window?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(prefs.preload).toMatch(/preload\.cjs$/);
    expect(prefs).not.toHaveProperty('enableRemoteModule');
    expect(window?.options.title).toBe('社工站台账');
    expect(window?.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    window?.emit('ready-to-show');
    expect(window?.show).toHaveBeenCalled();
  });

  it('serves app:// from dist/renderer and denies every permission', async () => {
    const fake = await launchReady();
    expect(fake.module.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.module.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    const callback = vi.fn();
    fake.permissions.request?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(fake.permissions.check?.({}, 'geolocation')).toBe(false);
  });

  it('hardens every web contents the app creates', async () => {
    const fake = await launchReady();
    const contents = new FakeWebContents();
    fake.module.app.emit('web-contents-created', {}, contents);
    const leave = navigationEvent();
    contents.emit('will-navigate', leave, 'https://evil.example/');
    expect(leave.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://www.gov.cn/' })).toEqual({ action: 'deny' });
    expect(fake.module.shell.openExternal).toHaveBeenCalledWith('https://www.gov.cn/');
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.module.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('starts the core host on the default data dir and answers ledger:invoke', async () => {
    const fake = await launchReady({ userData: '/home/worker/.config/社工站台账' });
    expect(fake.module.ipcMain.handle).toHaveBeenCalledWith(INVOKE_CHANNEL, expect.any(Function));
    expect(fake.module.utilityProcess.fork).toHaveBeenCalledTimes(1);
    const [host] = fake.forked;
    expect(host?.modulePath).toMatch(/core-host\.mjs$/);
    expect(host?.args).toEqual(['--data-dir', join('/home/worker/.config/社工站台账', 'data')]);
  });

  it('passes --data-dir to the core host', async () => {
    const fake = await launchReady({}, ['--data-dir', 'county-data']);
    expect(fake.forked[0]?.args).toEqual(['--data-dir', resolve('county-data')]);
  });

  it('sets a Chinese menu whose data-folder item opens the data dir', async () => {
    const fake = await launchReady({}, ['--data-dir=/srv/ledger']);
    const [template] = fake.module.Menu.buildFromTemplate.mock.calls[0] as [Array<{ label: string; submenu: Array<{ label?: string; click?: () => void }> }>];
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    template[0]?.submenu.find((i) => i.label === '打开数据文件夹')?.click?.();
    expect(fake.module.shell.openPath).toHaveBeenCalledWith('/srv/ledger');
    expect(fake.module.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('stops the core host on quit and quits when the window closes', async () => {
    const fake = await launchReady();
    fake.module.app.emit('window-all-closed');
    expect(fake.module.app.quit).toHaveBeenCalled();
    fake.module.app.emit('will-quit');
    expect(fake.forked[0]?.kill).toHaveBeenCalled();
  });

  it('focuses the existing window when a second copy is started', async () => {
    const fake = await launchReady();
    const window = FakeBrowserWindow.instances[0];
    if (window) window.minimized = true;
    fake.module.app.emit('second-instance', {}, ['app.exe'], '/');
    expect(window?.restore).toHaveBeenCalled();
    expect(window?.focus).toHaveBeenCalled();
  });
});
