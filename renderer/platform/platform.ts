// The platform adapter: the only way the renderer reaches files and the host.
// Two implementations: electron-platform.ts (preload bridge) and browser-platform.ts (<a download>, <input type=file>).

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' inside the desktop app, 'browser' in a plain browser */
  host: 'electron' | 'browser';
}

export interface Platform {
  /** Save bytes under a suggested file name; resolves to the saved path/name, or null if the user cancelled. */
  saveFile(suggestedName: string, bytes: Uint8Array, filters?: { name: string; extensions: string[] }[]): Promise<string | null>;
  /** Let the user pick one file; null if cancelled. */
  openFile(filters?: { name: string; extensions: string[] }[]): Promise<OpenedFile | null>;
  appInfo(): Promise<AppInfo>;
}
