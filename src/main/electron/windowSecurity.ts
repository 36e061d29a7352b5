/**
 * Renderer hardening. The UI shows personal data of children and elderly people (ID numbers,
 * family situations): a page that escaped into a remote origin, a new window or a granted
 * permission would be a leak, so everything not needed is refused.
 */
import type { Session, WebContents, WebPreferences, WindowOpenHandlerResponse } from 'electron';
import { externalWebUrl, isAppUrl } from './appUrl';

/**
 * The renderer gets no Node, runs in Chromium's sandbox and sees main only through the preload's
 * `window.ledger`. (Electron no longer has the `remote` module; nothing here may bring it back.)
 */
export function hardenedWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
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
    devTools,
  };
}

/** Every new window is refused; a plain web link is handed to the system browser instead. */
export function decideWindowOpen(url: string, openExternal: (url: string) => Promise<void>): WindowOpenHandlerResponse {
  const external = externalWebUrl(url);
  if (external !== null) {
    openExternal(external).catch(() => {
      // No browser registered: nothing useful to tell the user from here.
    });
  }
  return { action: 'deny' };
}

/**
 * Applied to every web contents the app creates. Navigation may only stay on app://ledger: a
 * link or a redirect to anywhere else would give that page the preload's `window.ledger`.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => Promise<void>): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => decideWindowOpen(url, openExternal));
}

/** Camera, microphone, geolocation, notifications, clipboard reads…: the ledger needs none. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}
