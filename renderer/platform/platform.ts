// The platform adapter: the only way the renderer reaches files and the host.
// Two implementations: electron-platform.ts (preload bridge) and browser-platform.ts (<a download>, <input type=file>).
import type { BackupInfo, BackupKind } from '../../shared/ipc-contract';

export type { BackupInfo, BackupKind } from '../../shared/ipc-contract';

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
  /** Let the user pick one or more files in one go (a supervisor's unit packages); empty if cancelled. */
  openFiles(filters?: { name: string; extensions: string[] }[]): Promise<OpenedFile[]>;
  appInfo(): Promise<AppInfo>;
  /**
   * Keeps an automatic backup (an exchange package of the whole database): in the desktop app's backups folder, in
   * the browser in a database of its own. Rejects with a Chinese message when it could not be kept.
   */
  writeBackup(bytes: Uint8Array, kind: BackupKind): Promise<BackupInfo>;
  /** The automatic backups kept, newest first. */
  listBackups(): Promise<BackupInfo[]>;
  /** One automatic backup's bytes; null when there is none under that id. */
  readBackup(id: string): Promise<Uint8Array | null>;
}
