/** The one window of the app. Its hardening lives in windowSecurity.ts. */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './appUrl';
import { hardenedWebPreferences } from './windowSecurity';

export const APP_TITLE = '社工站台账';

export interface MainWindowOptions {
  preloadPath: string;
  devTools: boolean;
  onLoadFailed?: (error: unknown) => void;
}

export type BrowserWindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export function createMainWindow(Window: BrowserWindowConstructor, options: MainWindowOptions): BrowserWindow {
  const window = new Window({
    title: APP_TITLE,
    width: 1280,
    height: 800,
    // Village PCs often run 1366×768 screens: the forms are laid out for at least this.
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: hardenedWebPreferences(options.preloadPath, options.devTools),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => options.onLoadFailed?.(error));
  return window;
}
