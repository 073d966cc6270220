// Main process entry: identity and scheme before ready, then session hardening, protocol, IPC, menu and the window.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BACKUPS_DIR_NAME, createBackupHandlers } from './backups';
import { createFileDialogs } from './file-dialogs';
import { APP_ENTRY_URL, APP_ID, APP_ORIGIN, APP_PRODUCT_NAME, USER_DATA_DIR_NAME, originOf } from './identity';
import { registerIpcHandlers, type IpcHandlers } from './ipc';
import { buildMenuTemplate } from './menu';
import { DIALOG } from './messages';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { applyCspHeader, createSenderCheck, denyAllPermissions, devContentSecurityPolicy, guardWebContents } from './security';
import { createMainWindow } from './window';
import { WINDOW_STATE_FILE } from './window-state';

function startMainProcess(env: NodeJS.ProcessEnv): void {
  // A packaged app never follows the variable: it would make the app load, and trust, any URL.
  const devServerUrl = !app.isPackaged && env.VITE_DEV_SERVER_URL ? env.VITE_DEV_SERVER_URL : undefined;
  const trustedOrigin = devServerUrl ? originOf(devServerUrl) : APP_ORIGIN;
  if (trustedOrigin === null) throw new Error(`VITE_DEV_SERVER_URL is not a URL: ${devServerUrl}`);

  // Fixed name and data folder before anything reads them (the single-instance lock is keyed by userData).
  app.setName(APP_PRODUCT_NAME);
  app.setPath('userData', path.join(app.getPath('appData'), USER_DATA_DIR_NAME));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  registerAppScheme(protocol);
  guardWebContents(app, trustedOrigin);

  let mainWindow: BrowserWindow | null = null;
  const backupsDir = () => path.join(app.getPath('userData'), BACKUPS_DIR_NAME);

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // The page's last safety copy of unsaved edits goes to localStorage as the window closes; Chromium writes it to disk
  // lazily, so push it out before the process ends.
  app.on('before-quit', () => session.defaultSession.flushStorageData());

  void app.whenReady().then(() => {
    if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
    const ses = session.defaultSession;
    denyAllPermissions(ses);
    if (devServerUrl) applyCspHeader(ses, devContentSecurityPolicy(trustedOrigin));
    else handleAppProtocol(protocol, path.join(app.getAppPath(), 'dist'));

    const files = createFileDialogs({ dialog, window: () => mainWindow, defaultDir: app.getPath('documents') });
    const handlers: IpcHandlers = {
      'file:save': (request) => files.save(request),
      'file:open': (request) => files.open(request),
      'file:openMany': (request) => files.openMany(request),
      'app:info': async () => ({ ok: true, value: { name: APP_PRODUCT_NAME, version: app.getVersion() } }),
      ...createBackupHandlers(backupsDir),
    };
    registerIpcHandlers(ipcMain, handlers, createSenderCheck(trustedOrigin, () => (mainWindow ? [mainWindow.webContents.id] : [])));

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          isDev: devServerUrl !== undefined,
          openBackupsFolder: () => {
            fs.mkdirSync(backupsDir(), { recursive: true });
            void shell.openPath(backupsDir());
          },
          showAbout: () => {
            const options = {
              type: 'info' as const,
              title: DIALOG.aboutTitle,
              message: APP_PRODUCT_NAME,
              detail: DIALOG.aboutDetail(app.getVersion(), app.getPath('userData')),
              buttons: [DIALOG.ok],
            };
            void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
          },
        }),
      ),
    );

    mainWindow = createMainWindow({
      url: devServerUrl ?? APP_ENTRY_URL,
      preloadPath: path.join(__dirname, 'preload.cjs'),
      stateFile: path.join(app.getPath('userData'), WINDOW_STATE_FILE),
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });
}

startMainProcess(process.env);
