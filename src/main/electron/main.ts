/**
 * Electron main entry (dist/main/electron-main.mjs): lifecycle, one instance, the app:// protocol,
 * the window, the menu and the core's utility process. Logic lives in the modules it wires.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, utilityProcess } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { logger, openLog } from '../core/log';
import { buildAppMenuTemplate } from './appMenu';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './appProtocol';
import { APP_SCHEME } from './appUrl';
import { createCoreHostClient } from './coreHostClient';
import { DATA_DIR_FLAG, resolveDataDir } from './dataDir';
import { registerFileDialogs } from './fileDialogs';
import { registerLedgerIpc } from './ledgerIpc';
import { APP_TITLE, createMainWindow } from './mainWindow';
import { registerPrinting } from './printing';
import { denyAllPermissions, hardenWebContents } from './windowSecurity';

/** Files next to this bundle in dist/main, and the renderer build beside it. */
const bundleDir = dirname(fileURLToPath(import.meta.url));
const paths = {
  preload: join(bundleDir, 'preload.cjs'),
  coreHost: join(bundleDir, 'core-host.mjs'),
  renderer: join(bundleDir, '..', 'renderer'),
};

// Both must happen before 'ready'.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

// A second copy would open the same SQLite file from a second core; focus the first instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  const dataDir = resolveDataDir(process.argv, app.getPath('userData'));
  openLog(dataDir, 'shell');
  const devTools = !app.isPackaged;
  let mainWindow: BrowserWindow | null = null;

  const core = createCoreHostClient(
    () => utilityProcess.fork(paths.coreHost, [DATA_DIR_FLAG, dataDir], { serviceName: 'station-ledger-core', stdio: 'inherit' }),
    { onExit: (code) => logger.error(`core host exited with code ${code}`) },
  );

  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Every web contents, not only the main window's, so nothing created later escapes hardening.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (url) => shell.openExternal(url)));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core.dispose());

  app
    .whenReady()
    .then(() => {
      denyAllPermissions(session.defaultSession);
      protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.renderer));
      registerLedgerIpc(ipcMain, core);
      registerFileDialogs(ipcMain, dialog, (event) => BrowserWindow.fromWebContents(event.sender), () => app.getPath('desktop'));
      registerPrinting(ipcMain, dialog, (event) => BrowserWindow.fromWebContents(event.sender), () => app.getPath('documents'));
      core.start();

      app.setAboutPanelOptions({ applicationName: APP_TITLE, applicationVersion: app.getVersion() });
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildAppMenuTemplate({
            devTools,
            openDataFolder: () => void shell.openPath(dataDir),
            showAbout: () => app.showAboutPanel(),
          }),
        ),
      );

      mainWindow = createMainWindow(BrowserWindow, {
        preloadPath: paths.preload,
        devTools,
        onLoadFailed: (e) => logger.error(`cannot load the UI from ${paths.renderer}`, e),
      });
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
    })
    .catch((e: unknown) => {
      logger.error('startup failed', e);
      app.quit();
    });
}
