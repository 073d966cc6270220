// A hand-written fake of the parts of 'electron' the main process and the preload use. Each test file does
//   jest.mock('electron', () => require('./fake-electron').createFakeElectron());
// and `jest.resetModules()` before each test gives a fresh fake (the factory runs again on the next require).
// Paths point into a real temporary folder so file operations are real.
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface FakeEvent {
  preventDefault: jest.Mock;
}

export const fakeEvent = (): FakeEvent => ({ preventDefault: jest.fn() });

let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler = jest.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
}

export interface FakeElectron {
  root: string;
  ready(): Promise<void>;
  cleanup(): void;
  app: FakeApp;
  BrowserWindow: { new (options: FakeWindow['options']): FakeWindow; instances: FakeWindow[]; getAllWindows(): FakeWindow[] };
  ipcMain: {
    handlers: Map<string, (event: unknown, ...args: unknown[]) => unknown>;
    handle: jest.Mock;
    on: jest.Mock;
    invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown>;
  };
  dialog: { showSaveDialog: jest.Mock; showOpenDialog: jest.Mock; showMessageBox: jest.Mock; showErrorBox: jest.Mock };
  protocol: { registerSchemesAsPrivileged: jest.Mock; handle: jest.Mock; handlers: Map<string, (request: Request) => Promise<Response>> };
  Menu: { buildFromTemplate: jest.Mock; setApplicationMenu: jest.Mock };
  contextBridge: { exposeInMainWorld: jest.Mock; exposed: Record<string, unknown> };
  ipcRenderer: { invoke: jest.Mock; on: jest.Mock; send: jest.Mock };
  session: { defaultSession: { setPermissionRequestHandler: jest.Mock; setPermissionCheckHandler: jest.Mock; webRequest: { onHeadersReceived: jest.Mock }; flushStorageData: jest.Mock } };
  shell: { openPath: jest.Mock; openExternal: jest.Mock };
  screen: { getAllDisplays: jest.Mock };
}

export interface FakeApp extends EventEmitter {
  isPackaged: boolean;
  setName: jest.Mock;
  getName: jest.Mock;
  getVersion: jest.Mock;
  getPath: jest.Mock;
  setPath: jest.Mock;
  getAppPath: jest.Mock;
  requestSingleInstanceLock: jest.Mock;
  quit: jest.Mock;
  enableSandbox: jest.Mock;
  setAppUserModelId: jest.Mock;
  whenReady: jest.Mock;
}

export interface FakeWindow extends EventEmitter {
  options: Record<string, unknown> & { webPreferences: Record<string, unknown> };
  webContents: FakeWebContents;
  loadURL: jest.Mock;
  show: jest.Mock;
  maximize: jest.Mock;
  restore: jest.Mock;
  focus: jest.Mock;
  isMinimized: jest.Mock;
  isMaximized: jest.Mock;
  getNormalBounds: jest.Mock;
}

export function createFakeElectron(): FakeElectron {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-electron-'));
  const paths: Record<string, string> = {
    appData: path.join(root, 'appData'),
    userData: path.join(root, 'appData', 'Electron'),
    documents: path.join(root, 'documents'),
    temp: path.join(root, 'temp'),
  };
  for (const p of Object.values(paths)) fs.mkdirSync(p, { recursive: true });
  const appPath = path.join(root, 'app');
  fs.mkdirSync(appPath);

  let resolveReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  let name = 'Electron';

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    setName: jest.fn((n: string) => {
      name = n;
    }),
    getName: jest.fn(() => name),
    getVersion: jest.fn(() => '0.1.0'),
    getPath: jest.fn((key: string) => {
      const p = paths[key];
      if (!p) throw new Error(`fake app.getPath: unknown path ${key}`);
      return p;
    }),
    setPath: jest.fn((key: string, value: string) => {
      paths[key] = value;
      fs.mkdirSync(value, { recursive: true });
    }),
    getAppPath: jest.fn(() => appPath),
    requestSingleInstanceLock: jest.fn(() => true),
    quit: jest.fn(),
    enableSandbox: jest.fn(),
    setAppUserModelId: jest.fn(),
    whenReady: jest.fn(() => readyPromise),
  }) as FakeApp;

  const instances: FakeWindow[] = [];
  class FakeBrowserWindow extends EventEmitter {
    static instances = instances;
    static getAllWindows = () => [...instances];
    options: FakeWindow['options'];
    webContents = new FakeWebContents();
    loadURL = jest.fn(async (_url: string) => undefined);
    show = jest.fn();
    maximize = jest.fn();
    restore = jest.fn();
    focus = jest.fn();
    isMinimized = jest.fn(() => false);
    isMaximized = jest.fn(() => false);
    getNormalBounds = jest.fn(() => {
      const o = this.options as unknown as { x?: number; y?: number; width: number; height: number };
      return { x: o.x ?? 10, y: o.y ?? 20, width: o.width, height: o.height };
    });
    constructor(options: FakeWindow['options']) {
      super();
      this.options = options;
      instances.push(this as unknown as FakeWindow);
      // As in Electron, every new web contents is announced on the app.
      app.emit('web-contents-created', {}, this.webContents);
    }
  }

  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const exposed: Record<string, unknown> = {};

  return {
    root,
    ready: async () => {
      resolveReady();
      await readyPromise;
      // let the whenReady().then(...) continuation run
      await new Promise((r) => setImmediate(r));
    },
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
    app,
    BrowserWindow: FakeBrowserWindow as unknown as FakeElectron['BrowserWindow'],
    ipcMain: {
      handlers: ipcHandlers,
      handle: jest.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => {
        if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        ipcHandlers.set(channel, fn);
      }),
      on: jest.fn(),
      invoke: async (channel, event, ...args) => {
        const handler = ipcHandlers.get(channel);
        if (!handler) throw new Error(`No handler registered for '${channel}'`);
        return handler(event, ...args);
      },
    },
    dialog: {
      showSaveDialog: jest.fn(async () => ({ canceled: true, filePath: '' })),
      showOpenDialog: jest.fn(async () => ({ canceled: true, filePaths: [] })),
      showMessageBox: jest.fn(async () => ({ response: 0, checkboxChecked: false })),
      showErrorBox: jest.fn(),
    },
    protocol: {
      handlers: protocolHandlers,
      registerSchemesAsPrivileged: jest.fn(),
      handle: jest.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
        protocolHandlers.set(scheme, handler);
      }),
    },
    Menu: {
      buildFromTemplate: jest.fn((template: unknown[]) => ({ template })),
      setApplicationMenu: jest.fn(),
    },
    contextBridge: {
      exposed,
      exposeInMainWorld: jest.fn((key: string, api: unknown) => {
        exposed[key] = api;
      }),
    },
    ipcRenderer: { invoke: jest.fn(async () => ({ ok: true, value: null })), on: jest.fn(), send: jest.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: jest.fn(),
        setPermissionCheckHandler: jest.fn(),
        webRequest: { onHeadersReceived: jest.fn() },
        flushStorageData: jest.fn(),
      },
    },
    shell: { openPath: jest.fn(async () => ''), openExternal: jest.fn(async () => undefined) },
    screen: { getAllDisplays: jest.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]) },
  };
}
