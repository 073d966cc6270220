// The Electron platform over a fake bridge: requests shaped as the contract says, Chinese errors surfaced as Errors.
import type { PerfDeskBridge } from '../../../shared/ipc-contract';
import { createElectronPlatform } from '../../../renderer/platform/electron-platform';
import { canKeepBackups, selectPlatform } from '../../../renderer/platform/index';

function fakeBridge(): { [K in keyof PerfDeskBridge]: jest.Mock } {
  return {
    saveFile: jest.fn(async () => ({ ok: true, value: '/home/u/表1.docx' })),
    openFile: jest.fn(async () => ({ ok: true, value: { name: 'a.json', bytes: new Uint8Array([123, 125]) } })),
    openFiles: jest.fn(async () => ({ ok: true, value: [{ name: 'a.json', bytes: new Uint8Array([123]) }, { name: 'b.json', bytes: new Uint8Array([125]) }] })),
    appInfo: jest.fn(async () => ({ ok: true, value: { name: '预算绩效管理', version: '0.1.0' } })),
    writeBackup: jest.fn(async () => ({
      ok: true,
      value: { id: 'backup-20250301-080015-000-import.json', takenAt: '2025-03-01T00:00:15.000Z', kind: 'import', size: 3, path: '/data/backups/backup-20250301-080015-000-import.json', kept: 3 },
    })),
    listBackups: jest.fn(async () => ({ ok: true, value: [{ id: 'backup-20250301-080015-000-import.json', takenAt: '2025-03-01T00:00:15.000Z', kind: 'import', size: 3 }] })),
    readBackup: jest.fn(async () => ({ ok: true, value: new Uint8Array([123, 125]) })),
  };
}

it('saves, opens and reports the app through the bridge', async () => {
  const bridge = fakeBridge();
  const platform = createElectronPlatform(bridge);
  const bytes = new Uint8Array([1, 2, 3]);
  expect(await platform.saveFile('表1.docx', bytes)).toBe('/home/u/表1.docx');
  expect(bridge.saveFile).toHaveBeenCalledWith({ suggestedName: '表1.docx', bytes });
  const filters = [{ name: '数据包 (JSON)', extensions: ['json'] }];
  expect(await platform.openFile(filters)).toEqual({ name: 'a.json', bytes: new Uint8Array([123, 125]) });
  expect(bridge.openFile).toHaveBeenCalledWith({ filters });
  expect((await platform.openFiles(filters)).map((f) => f.name)).toEqual(['a.json', 'b.json']);
  expect(bridge.openFiles).toHaveBeenCalledWith({ filters });
  expect(await platform.appInfo()).toEqual({ name: '预算绩效管理', version: '0.1.0', host: 'electron' });
  const info = { id: 'backup-20250301-080015-000-import.json', takenAt: '2025-03-01T00:00:15.000Z', kind: 'import', size: 3 };
  expect(await platform.writeBackup(bytes, 'import')).toEqual(info);
  expect(bridge.writeBackup).toHaveBeenCalledWith({ bytes, kind: 'import' });
  expect(await platform.listBackups()).toEqual([info]);
  expect(bridge.listBackups).toHaveBeenCalledWith({});
  expect(await platform.readBackup(info.id)).toEqual(new Uint8Array([123, 125]));
  expect(bridge.readBackup).toHaveBeenCalledWith({ id: info.id });
});

it('a backup the main process refused rejects with its Chinese message', async () => {
  const bridge = fakeBridge();
  bridge.writeBackup.mockResolvedValue({ ok: false, message: '自动备份过于频繁（每分钟最多 6 次），请稍候一分钟再试。' });
  await expect(createElectronPlatform(bridge).writeBackup(new Uint8Array([1]), 'restore')).rejects.toThrow('自动备份过于频繁（每分钟最多 6 次），请稍候一分钟再试。');
});

it('passes a cancelled dialog through as null', async () => {
  const bridge = fakeBridge();
  bridge.saveFile.mockResolvedValue({ ok: true, value: null });
  bridge.openFile.mockResolvedValue({ ok: true, value: null });
  const platform = createElectronPlatform(bridge);
  expect(await platform.saveFile('a.xlsx', new Uint8Array())).toBeNull();
  expect(await platform.openFile()).toBeNull();
  expect(bridge.openFile).toHaveBeenCalledWith({});
});

it("turns a failure into an Error carrying the main process's Chinese message", async () => {
  const bridge = fakeBridge();
  bridge.saveFile.mockResolvedValue({ ok: false, message: '无法写入文件：磁盘空间不足。' });
  await expect(createElectronPlatform(bridge).saveFile('a.xlsx', new Uint8Array())).rejects.toThrow('无法写入文件：磁盘空间不足。');
});

it('selects the Electron platform only when the preload exposed the bridge', async () => {
  const desktop = selectPlatform({ perfDesk: fakeBridge() });
  expect((await desktop.appInfo()).host).toBe('electron');
  expect(canKeepBackups({ perfDesk: fakeBridge() })).toBe(true);
  const browser = selectPlatform(undefined);
  expect(await browser.appInfo()).toEqual({ name: '预算绩效管理', version: '0.0.0-dev', host: 'browser' });
  // Node has no IndexedDB: tools and tests keep no start-up backups
  expect(canKeepBackups(undefined)).toBe(false);
});
