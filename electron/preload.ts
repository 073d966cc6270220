// The sandboxed preload: exposes `window.perfDesk` with one function per contract channel, never ipcRenderer itself.
// Bundled into a single file that imports only 'electron' (sandboxed preloads cannot require anything else).
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNELS, BRIDGE_KEY, type PerfDeskBridge } from '../shared/ipc-contract';

const bridge: PerfDeskBridge = {
  saveFile: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.saveFile, request),
  openFile: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.openFile, request),
  openFiles: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.openFiles, request),
  appInfo: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.appInfo, request),
  writeBackup: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.writeBackup, request),
  listBackups: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.listBackups, request),
  readBackup: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.readBackup, request),
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
