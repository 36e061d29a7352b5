/**
 * A stand-in for the 'electron' module, only as wide as the shell uses it. Tests install it with
 * vi.mock('electron', …); everything behind it is the real shell code.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface FakeNavigationEvent {
  preventDefault: () => void;
  defaultPrevented: boolean;
}

export function navigationEvent(): FakeNavigationEvent {
  const event: FakeNavigationEvent = {
    defaultPrevented: false,
    preventDefault: () => {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  destroyed = false;
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn((_url: string) => Promise.resolve());
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  minimized = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  isMinimized(): boolean {
    return this.minimized;
  }
}

export class FakeUtilityProcess extends EventEmitter {
  readonly posted: unknown[] = [];
  readonly kill = vi.fn(() => true);
  constructor(
    readonly modulePath: string,
    readonly args: string[],
  ) {
    super();
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
}

export type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
export type PermissionCheckHandler = (contents: unknown, permission: string) => boolean;

export function createFakeElectron(options: { singleInstanceLock?: boolean; userData?: string } = {}) {
  let becomeReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    becomeReady = resolve;
  });
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => options.singleInstanceLock ?? true),
    enableSandbox: vi.fn(),
    quit: vi.fn(),
    whenReady: vi.fn(() => ready),
    getPath: vi.fn((_name: string) => options.userData ?? '/fake/userData'),
    getVersion: vi.fn(() => '0.1.0'),
    setAboutPanelOptions: vi.fn(),
    showAboutPanel: vi.fn(),
  });
  FakeBrowserWindow.instances = [];
  const forked: FakeUtilityProcess[] = [];
  const permissions: { request: PermissionRequestHandler | null; check: PermissionCheckHandler | null } = { request: null, check: null };
  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn((handler: PermissionRequestHandler) => {
          permissions.request = handler;
        }),
        setPermissionCheckHandler: vi.fn((handler: PermissionCheckHandler) => {
          permissions.check = handler;
        }),
      },
    },
    ipcMain: { handle: vi.fn() },
    dialog: {
      showSaveDialog: vi.fn(() => Promise.resolve({ canceled: false, filePath: '/usb/bundle.slbundle' })),
      showOpenDialog: vi.fn(() => Promise.resolve({ canceled: false, filePaths: ['/usb/a.slbundle', '/usb/b.slbundle'] })),
    },
    utilityProcess: {
      fork: vi.fn((modulePath: string, args: string[]) => {
        const child = new FakeUtilityProcess(modulePath, args);
        forked.push(child);
        return child;
      }),
    },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    shell: { openExternal: vi.fn((_url: string) => Promise.resolve()), openPath: vi.fn((_path: string) => Promise.resolve('')) },
  };
  return { module, becomeReady, forked, permissions };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** Lets queued promise callbacks (whenReady().then, IPC replies) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
