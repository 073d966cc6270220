// Fixed identity of the app. IndexedDB lives under userData and is keyed by origin, so neither may drift
// between versions (a renamed product or a changed URL would leave the user's data behind).
import { APP_PRODUCT_NAME } from '../shared/ipc-contract';

export { APP_PRODUCT_NAME };

/** Must equal `appId` in electron-builder.yml (Windows uses it as the AppUserModelID). */
export const APP_ID = 'cn.perfdesk.budget';

/** Folder under the OS app-data directory; ASCII so no locale or file system can mangle it. */
export const USER_DATA_DIR_NAME = 'perf-target-desk';

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
/** The one origin the packaged renderer ever has. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Origin as scheme://host[:port]. Node's URL reports 'null' as the origin of non-special schemes such as app:,
 * so it cannot be compared with `new URL(x).origin`. Returns null for anything unparsable.
 */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (!u.host) return null;
    return `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}
