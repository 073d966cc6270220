// The renderer's one entry to files and the host: the Electron bridge when the preload exposed it, else the browser.
import { APP_PRODUCT_NAME } from '../../shared/ipc-contract';
import { createBrowserPlatform } from './browser-platform';
import { createElectronPlatform } from './electron-platform';
import type { Platform } from './platform';

export type { AppInfo, BackupInfo, BackupKind, OpenedFile, Platform } from './platform';

/** Injected by the bundler (vite `define`); absent in tests and tools. */
declare const __APP_VERSION__: string | undefined;

const browserVersion = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';

export function selectPlatform(host: Pick<Window, 'perfDesk'> | undefined): Platform {
  return host?.perfDesk ? createElectronPlatform(host.perfDesk) : createBrowserPlatform({ name: APP_PRODUCT_NAME, version: browserVersion });
}

export const platform: Platform = selectPlatform(typeof window === 'undefined' ? undefined : window);

/**
 * Whether this process has somewhere to keep automatic backups: the desktop app always, a browser with IndexedDB.
 * Tools and tests in Node have neither and skip the start-up backup.
 */
export function canKeepBackups(host: Pick<Window, 'perfDesk'> | undefined = typeof window === 'undefined' ? undefined : window): boolean {
  return host?.perfDesk !== undefined || typeof indexedDB !== 'undefined';
}
