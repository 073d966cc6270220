// The main process wired up against the fake 'electron': identity before ready, the hardened window, refused
// navigation and windows, the IPC allow-list with its sender check, the menu, dev mode and the remembered window size.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IPC_CHANNELS } from '../../shared/ipc-contract';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import type { FakeElectron, FakeWindow } from './fake-electron';
import { fakeEvent } from './fake-electron';

jest.mock('electron', () => require('./fake-electron').createFakeElectron());

let electron: FakeElectron | undefined;

function start(options: { env?: Record<string, string>; setup?: (e: FakeElectron) => void } = {}): FakeElectron {
  jest.resetModules();
  const fake = jest.requireMock<FakeElectron>('electron');
  electron = fake;
  options.setup?.(fake);
  const saved = process.env.VITE_DEV_SERVER_URL;
  if (options.env?.VITE_DEV_SERVER_URL) process.env.VITE_DEV_SERVER_URL = options.env.VITE_DEV_SERVER_URL;
  else delete process.env.VITE_DEV_SERVER_URL;
  try {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    require('../../electron/main');
  } finally {
    if (saved === undefined) delete process.env.VITE_DEV_SERVER_URL;
    else process.env.VITE_DEV_SERVER_URL = saved;
  }
  return fake;
}

async function startReady(options: Parameters<typeof start>[0] = {}): Promise<{ e: FakeElectron; win: FakeWindow }> {
  const e = start(options);
  await e.ready();
  expect(e.BrowserWindow.instances).toHaveLength(1);
  return { e, win: e.BrowserWindow.instances[0] };
}

const frame = (url: string, parent: unknown = null) => ({ url, parent });
const trusted = (win: FakeWindow) => ({ sender: win.webContents, senderFrame: frame('app://bundle/index.html') });

afterEach(() => {
  electron?.cleanup();
  electron = undefined;
  jest.restoreAllMocks();
});

describe('before ready', () => {
  it('fixes the app name and data folder before taking the single-instance lock', () => {
    const e = start();
    expect(e.app.setName).toHaveBeenCalledWith('预算绩效管理');
    expect(e.app.setPath).toHaveBeenCalledWith('userData', path.join(e.root, 'appData', 'perf-target-desk'));
    expect(e.app.setPath.mock.invocationCallOrder[0]).toBeLessThan(e.app.requestSingleInstanceLock.mock.invocationCallOrder[0]);
    expect(e.app.getPath('userData')).toBe(path.join(e.root, 'appData', 'perf-target-desk'));
  });

  it('registers app:// as a privileged standard, secure scheme before ready, and sandboxes every renderer', () => {
    const e = start();
    expect(e.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
    ]);
    expect(e.app.enableSandbox).toHaveBeenCalled();
    expect(e.BrowserWindow.instances).toHaveLength(0);
  });

  it('a second instance quits at once and opens no window', async () => {
    const e = start({ setup: (f) => f.app.requestSingleInstanceLock.mockReturnValue(false) });
    expect(e.app.quit).toHaveBeenCalled();
    await e.ready();
    expect(e.BrowserWindow.instances).toHaveLength(0);
    expect(e.ipcMain.handle).not.toHaveBeenCalled();
  });
});

describe('the window', () => {
  it('is created once with isolated, sandboxed web preferences without Node', async () => {
    const { win } = await startReady();
    expect(win.options.webPreferences).toEqual({
      preload: path.join(__dirname, '..', '..', 'electron', 'preload.cjs'),
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
    });
    expect(win.options).toMatchObject({ title: '预算绩效管理', show: false, width: 1280, height: 800, minWidth: 1024 });
  });

  it('loads the bundle from app://bundle, served by the protocol handler with the CSP', async () => {
    const { e, win } = await startReady({
      setup: (f) => {
        const dist = path.join(f.app.getAppPath(), 'dist');
        fs.mkdirSync(dist);
        fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>预算绩效管理</title>');
      },
    });
    expect(win.loadURL).toHaveBeenCalledWith('app://bundle/index.html');
    const handler = e.protocol.handlers.get('app');
    expect(handler).toBeDefined();
    const res = await handler!(new Request('app://bundle/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toContain('<title>预算绩效管理</title>');
    expect(e.session.defaultSession.webRequest.onHeadersReceived).not.toHaveBeenCalled();
  });

  it('is shown only when painted', async () => {
    const { win } = await startReady();
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('refuses navigation away from the app origin, and redirects likewise', async () => {
    const { win } = await startReady();
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'http://localhost:5173/', 'app://other/index.html', 'javascript:alert(1)']) {
      const ev = fakeEvent();
      win.webContents.emit('will-navigate', ev, url);
      expect(ev.preventDefault).toHaveBeenCalled();
      const redirect = fakeEvent();
      win.webContents.emit('will-redirect', redirect, url);
      expect(redirect.preventDefault).toHaveBeenCalled();
    }
    const inside = fakeEvent();
    win.webContents.emit('will-navigate', inside, 'app://bundle/index.html#/projects');
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every window.open and every webview', async () => {
    const { win } = await startReady();
    expect(win.webContents.windowOpenHandler).not.toBeNull();
    expect(win.webContents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(win.webContents.windowOpenHandler!({ url: 'app://bundle/index.html' })).toEqual({ action: 'deny' });
    const ev = fakeEvent();
    win.webContents.emit('will-attach-webview', ev, {}, {});
    expect(ev.preventDefault).toHaveBeenCalled();
  });

  it('refuses every permission request', async () => {
    const { e } = await startReady();
    const requestHandler = e.session.defaultSession.setPermissionRequestHandler.mock.calls[0][0];
    const callback = jest.fn();
    requestHandler({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    const checkHandler = e.session.defaultSession.setPermissionCheckHandler.mock.calls[0][0];
    expect(checkHandler({}, 'clipboard-read')).toBe(false);
  });

  it('a second launch brings the existing window back', async () => {
    const { e, win } = await startReady();
    win.isMinimized.mockReturnValue(true);
    e.app.emit('second-instance');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('quits when the window is closed', async () => {
    const { e } = await startReady();
    e.app.emit('window-all-closed');
    expect(e.app.quit).toHaveBeenCalled();
  });

  it('writes the page\'s localStorage safety copy to disk before quitting', async () => {
    const { e } = await startReady();
    expect(e.session.defaultSession.flushStorageData).not.toHaveBeenCalled();
    e.app.emit('before-quit');
    expect(e.session.defaultSession.flushStorageData).toHaveBeenCalledTimes(1);
  });

  it('remembers its size and position across runs', async () => {
    const first = await startReady();
    const userData = first.e.app.getPath('userData');
    first.win.getNormalBounds.mockReturnValue({ x: 100, y: 60, width: 1500, height: 900 });
    first.win.isMaximized.mockReturnValue(true);
    first.win.emit('close');
    const saved = fs.readFileSync(path.join(userData, 'window-state.json'), 'utf8');
    expect(JSON.parse(saved)).toEqual({ x: 100, y: 60, width: 1500, height: 900, maximized: true });
    first.e.cleanup();

    const second = await startReady({
      setup: (f) => {
        const dir = path.join(f.root, 'appData', 'perf-target-desk');
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'window-state.json'), saved);
      },
    });
    expect(second.win.options).toMatchObject({ x: 100, y: 60, width: 1500, height: 900 });
    second.win.emit('ready-to-show');
    expect(second.win.maximize).toHaveBeenCalled();
  });
});

describe('IPC', () => {
  it('registers exactly the channels of the contract', async () => {
    const { e } = await startReady();
    expect([...e.ipcMain.handlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('ignores messages from an unknown sender: another web contents, a foreign origin, a subframe, no frame', async () => {
    const { e, win } = await startReady();
    const target = path.join(e.root, 'documents', 'x.docx');
    e.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const request = { suggestedName: 'x.docx', bytes: new Uint8Array([1, 2, 3]) };
    const strangers = [
      { sender: { id: win.webContents.id + 100 }, senderFrame: frame('app://bundle/index.html') },
      { sender: win.webContents, senderFrame: frame('https://evil.example/') },
      { sender: win.webContents, senderFrame: frame('app://bundle/index.html', { url: 'app://bundle/index.html' }) },
      { sender: win.webContents, senderFrame: null },
    ];
    for (const event of strangers) {
      for (const channel of IPC_CHANNELS) {
        await expect(e.ipcMain.invoke(channel, event, request)).rejects.toThrow('refused');
      }
    }
    expect(e.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(e.dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.existsSync(path.join(e.app.getPath('userData'), 'backups'))).toBe(false);
  });

  it('file:save shows a save dialog with the Word filter and writes the bytes where the user chose', async () => {
    const { e, win } = await startReady();
    const target = path.join(e.root, 'documents', '项目支出绩效目标表.docx');
    e.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const bytes = new Uint8Array([80, 75, 3, 4, 9]);
    const res = await e.ipcMain.invoke('file:save', trusted(win), { suggestedName: '项目支出绩效目标表.docx', bytes });
    expect(res).toEqual({ ok: true, value: target });
    expect([...fs.readFileSync(target)]).toEqual([80, 75, 3, 4, 9]);
    const [parent, options] = e.dialog.showSaveDialog.mock.calls[0];
    expect(parent).toBe(win);
    expect(options).toEqual({
      defaultPath: path.join(e.root, 'documents', '项目支出绩效目标表.docx'),
      filters: [{ name: 'Word 文档', extensions: ['docx'] }],
    });
  });

  it('file:save resolves to null when the user cancels, and writes nothing', async () => {
    const { e, win } = await startReady();
    const res = await e.ipcMain.invoke('file:save', trusted(win), { suggestedName: 'a.xlsx', bytes: new Uint8Array([1]) });
    expect(res).toEqual({ ok: true, value: null });
    expect(e.dialog.showSaveDialog.mock.calls[0][1].filters).toEqual([{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
    expect(fs.readdirSync(path.join(e.root, 'documents'))).toEqual([]);
  });

  it('file:save reports a Chinese message when the file cannot be written', async () => {
    const { e, win } = await startReady();
    const target = path.join(e.root, 'documents', 'busy.xlsx');
    fs.mkdirSync(target); // a folder where the file should go: the rename fails
    e.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const res = (await e.ipcMain.invoke('file:save', trusted(win), { suggestedName: 'busy.xlsx', bytes: new Uint8Array([1]) })) as {
      ok: boolean;
      message: string;
    };
    expect(res.ok).toBe(false);
    expect(res.message).toMatch(/^无法写入文件/);
    expect(fs.readdirSync(path.join(e.root, 'documents'))).toEqual(['busy.xlsx']);
  });

  it('rejects a malformed request without opening a dialog', async () => {
    const { e, win } = await startReady();
    const bad = [undefined, 'x', { suggestedName: 'a.docx', bytes: [1, 2] }, { suggestedName: 7, bytes: new Uint8Array(1) }];
    for (const request of bad) {
      expect(await e.ipcMain.invoke('file:save', trusted(win), request)).toEqual({ ok: false, message: '请求的数据格式不正确。' });
    }
    expect(await e.ipcMain.invoke('backup:write', trusted(win), { bytes: 'not bytes' })).toEqual({ ok: false, message: '请求的数据格式不正确。' });
    expect(e.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('file:open offers data packages and returns the chosen file', async () => {
    const { e, win } = await startReady();
    const file = path.join(e.root, 'documents', '单位数据包.json');
    fs.writeFileSync(file, '{"format":"perf-desk"}');
    e.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });
    const res = (await e.ipcMain.invoke('file:open', trusted(win), {})) as { ok: true; value: { name: string; bytes: Uint8Array } };
    expect(res.ok).toBe(true);
    expect(res.value.name).toBe('单位数据包.json');
    expect(new TextDecoder().decode(res.value.bytes)).toBe('{"format":"perf-desk"}');
    expect(e.dialog.showOpenDialog.mock.calls[0][1]).toMatchObject({
      filters: [{ name: '数据包 (JSON)', extensions: ['json'] }],
      properties: ['openFile'],
    });
  });

  it('app:info gives the fixed name and the version', async () => {
    const { e, win } = await startReady();
    expect(await e.ipcMain.invoke('app:info', trusted(win), {})).toEqual({ ok: true, value: { name: '预算绩效管理', version: '0.1.0' } });
  });

  it('backup:write puts a timestamped backup into userData/backups', async () => {
    const { e, win } = await startReady();
    const pkg = '{"format":"perf-target-desk/exchange","version":1,"units":[],"projects":[],"departmentPlans":[]}';
    const res = (await e.ipcMain.invoke('backup:write', trusted(win), { bytes: new TextEncoder().encode(pkg), kind: 'startup' })) as {
      ok: true;
      value: { path: string; kept: number };
    };
    expect(res.ok).toBe(true);
    expect(path.dirname(res.value.path)).toBe(path.join(e.app.getPath('userData'), 'backups'));
    expect(path.basename(res.value.path)).toMatch(/^backup-\d{8}-\d{6}-\d{3}-startup\.json$/);
    expect(fs.readFileSync(res.value.path, 'utf8')).toBe(pkg);
    expect(res.value.kept).toBe(1);
  });
});

describe('the menu', () => {
  type Item = { label?: string; role?: string; type?: string; submenu?: Item[]; click?: () => void };
  const template = (e: FakeElectron): Item[] => e.Menu.buildFromTemplate.mock.calls[0][0];

  it('is in Chinese: 文件 / 编辑 / 视图 / 帮助, every item labelled', async () => {
    const { e } = await startReady();
    const items = template(e);
    expect(items.map((i) => i.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const labels = items.flatMap((i) => (i.submenu ?? []).filter((s) => s.type !== 'separator').map((s) => s.label));
    expect(labels).toEqual(['打开备份文件夹', '退出', '撤销', '重做', '剪切', '复制', '粘贴', '删除', '全选', '实际大小', '放大', '缩小', '全屏', '关于']);
    expect(e.Menu.setApplicationMenu).toHaveBeenCalledWith({ template: items });
  });

  it('has no reload or developer tools in the built app', async () => {
    const { e } = await startReady();
    const roles = template(e).flatMap((i) => (i.submenu ?? []).map((s) => s.role));
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('toggleDevTools');
  });

  it('opens the backups folder and the about box', async () => {
    const { e, win } = await startReady();
    const [file, , , help] = template(e);
    file.submenu![0].click!();
    const backups = path.join(e.app.getPath('userData'), 'backups');
    expect(e.shell.openPath).toHaveBeenCalledWith(backups);
    expect(fs.statSync(backups).isDirectory()).toBe(true);
    help.submenu![0].click!();
    expect(e.dialog.showMessageBox).toHaveBeenCalledWith(win, expect.objectContaining({ title: '关于', message: '预算绩效管理' }));
    expect(e.dialog.showMessageBox.mock.calls[0][1].detail).toContain('版本 0.1.0');
  });
});

describe('development against the Vite dev server', () => {
  const env = { VITE_DEV_SERVER_URL: 'http://localhost:5173/' };

  it('loads the dev server, trusts only its origin and applies a CSP header to its responses', async () => {
    const { e, win } = await startReady({ env });
    expect(win.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(e.protocol.handle).not.toHaveBeenCalled();

    const ok = fakeEvent();
    win.webContents.emit('will-navigate', ok, 'http://localhost:5173/?x=1');
    expect(ok.preventDefault).not.toHaveBeenCalled();
    const away = fakeEvent();
    win.webContents.emit('will-navigate', away, 'http://localhost:5174/');
    expect(away.preventDefault).toHaveBeenCalled();

    const onHeaders = e.session.defaultSession.webRequest.onHeadersReceived.mock.calls[0][0];
    const callback = jest.fn();
    onHeaders({ responseHeaders: { 'content-type': ['text/html'] } }, callback);
    const headers = callback.mock.calls[0][0].responseHeaders;
    expect(headers['content-type']).toEqual(['text/html']);
    expect(headers['Content-Security-Policy'][0]).toContain("connect-src 'self' ws://localhost:5173;");
    expect(headers['Content-Security-Policy'][0]).toContain("script-src 'self';");

    await expect(e.ipcMain.invoke('app:info', { sender: win.webContents, senderFrame: frame('http://localhost:5173/') }, {})).resolves.toMatchObject({ ok: true });
    await expect(e.ipcMain.invoke('app:info', trusted(win), {})).rejects.toThrow('refused');
    expect(template(e).map((i) => i.submenu!.map((s) => s.role)).flat()).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('is ignored by a packaged app, which always loads app://bundle', async () => {
    const { win } = await startReady({ env, setup: (f) => (f.app.isPackaged = true) });
    expect(win.loadURL).toHaveBeenCalledWith('app://bundle/index.html');
  });

  function template(e: FakeElectron): { submenu?: { role?: string }[] }[] {
    return e.Menu.buildFromTemplate.mock.calls[0][0];
  }
});
