// The renderer's one entry to files and the host: the Electron bridge when the preload exposed it, else the browser.
import { APP_PRODUCT_NAME } from '../../shared/ipc-contract';
import { createBrowserPlatform } from './browser-platform';
import { createElectronPlatform, type DesktopPlatform } from './electron-platform';
import type { Platform } from './platform';

export type { AppInfo, OpenedFile, Platform } from './platform';
export type { DesktopPlatform } from './electron-platform';

/** Injected by the bundler (vite `define`); absent in tests and tools. */
declare const __APP_VERSION__: string | undefined;

const browserVersion = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';

export function selectPlatform(host: Pick<Window, 'perfDesk'> | undefined): Platform | DesktopPlatform {
  return host?.perfDesk ? createElectronPlatform(host.perfDesk) : createBrowserPlatform({ name: APP_PRODUCT_NAME, version: browserVersion });
}

export function isDesktopPlatform(p: Platform): p is DesktopPlatform {
  return 'writeBackup' in p;
}

export const platform: Platform = selectPlatform(typeof window === 'undefined' ? undefined : window);

/** The automatic start-up backup: written by the desktop app, skipped (null) in a plain browser. */
export async function writeAutomaticBackup(bytes: Uint8Array): Promise<string | null> {
  return isDesktopPlatform(platform) ? (await platform.writeBackup(bytes)).path : null;
}
