// The platform inside the desktop app: every operation goes through the preload bridge `window.perfDesk`.
import type { IpcResult, PerfDeskBridge } from '../../shared/ipc-contract';
import type { Platform } from './platform';

declare global {
  interface Window {
    /** Present only inside the Electron app (exposed by electron/preload.ts). */
    perfDesk?: PerfDeskBridge;
  }
}

/** A failed operation becomes an Error whose message is the main process's Chinese text, ready to show. */
function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new Error(result.message);
}

export function createElectronPlatform(bridge: PerfDeskBridge): Platform {
  return {
    async saveFile(suggestedName, bytes, filters) {
      return unwrap(await bridge.saveFile(filters ? { suggestedName, bytes, filters } : { suggestedName, bytes }));
    },
    async openFile(filters) {
      return unwrap(await bridge.openFile(filters ? { filters } : {}));
    },
    async openFiles(filters) {
      return unwrap(await bridge.openFiles(filters ? { filters } : {}));
    },
    async appInfo() {
      return { ...unwrap(await bridge.appInfo({})), host: 'electron' };
    },
    async writeBackup(bytes, kind) {
      const { id, takenAt, size } = unwrap(await bridge.writeBackup({ bytes, kind }));
      return { id, takenAt, kind, size };
    },
    async listBackups() {
      return unwrap(await bridge.listBackups({}));
    },
    async readBackup(id) {
      return unwrap(await bridge.readBackup({ id }));
    },
  };
}
