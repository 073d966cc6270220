// The preload exposes exactly the contract: one function per channel under window.perfDesk, each forwarding its one
// request to its own channel, and nothing else (never ipcRenderer itself).
import { BRIDGE_CHANNELS, BRIDGE_KEY, IPC_CHANNELS } from '../../shared/ipc-contract';
import type { FakeElectron } from './fake-electron';

jest.mock('electron', () => require('./fake-electron').createFakeElectron());

let electron: FakeElectron;

beforeEach(() => {
  jest.resetModules();
  electron = jest.requireMock<FakeElectron>('electron');
  require('../../electron/preload');
});

afterEach(() => electron.cleanup());

it('exposes one object, window.perfDesk, once', () => {
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  expect(electron.contextBridge.exposeInMainWorld.mock.calls[0][0]).toBe(BRIDGE_KEY);
  expect(BRIDGE_KEY).toBe('perfDesk');
});

it('exposes exactly one function per contract channel and nothing else', () => {
  const api = electron.contextBridge.exposed[BRIDGE_KEY] as Record<string, unknown>;
  expect(Object.keys(api).sort()).toEqual(['appInfo', 'listBackups', 'openFile', 'openFiles', 'readBackup', 'saveFile', 'writeBackup']);
  expect(Object.keys(api).sort()).toEqual(Object.keys(BRIDGE_CHANNELS).sort());
  for (const value of Object.values(api)) expect(typeof value).toBe('function');
  expect(Object.values(api)).not.toContain(electron.ipcRenderer);
  expect(Object.values(BRIDGE_CHANNELS).sort()).toEqual([...IPC_CHANNELS].sort());
});

it('each function invokes its own channel with exactly the request it was given', async () => {
  const api = electron.contextBridge.exposed[BRIDGE_KEY] as Record<string, (request: unknown, ...extra: unknown[]) => Promise<unknown>>;
  electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: 'reply' });
  for (const [method, channel] of Object.entries(BRIDGE_CHANNELS)) {
    electron.ipcRenderer.invoke.mockClear();
    const request = { method, bytes: new Uint8Array([1]) };
    await expect(api[method](request, 'smuggled extra argument')).resolves.toEqual({ ok: true, value: 'reply' });
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([[channel, request]]);
  }
  expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
  expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
});
