// The one contract between the renderer and the main process: channel names, request and response types.
// Pure types and constants (no Node, no DOM) so the main process, the preload and the renderer all import it.

/** The name under which the preload exposes the bridge: `window.perfDesk`. */
export const BRIDGE_KEY = 'perfDesk';

/** Product name shown in window titles and dialogs; also the fixed Electron app name. */
export const APP_PRODUCT_NAME = '预算绩效管理';

/** Largest file the bridge moves in either direction (exports, opened packages, backups). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** Largest automatic backup the main process writes: a city's whole database is tens of MB. */
export const MAX_BACKUP_BYTES = 128 * 1024 * 1024;

/** Automatic backups the main process accepts per minute: a few imports in a row pass, a flood does not. */
export const BACKUP_WRITES_PER_MINUTE = 6;

/** The `format` of an exchange package (shared/exchange/exchange.ts EXCHANGE_FORMAT), the only thing a backup may hold. */
export const BACKUP_PACKAGE_FORMAT = 'perf-target-desk/exchange';

export interface FileFilter {
  /** Shown in the dialog, e.g. 'Word 文档' */
  name: string;
  /** Without the dot, e.g. ['docx'] */
  extensions: string[];
}

/**
 * Every response carries either a value or a Chinese message the UI can show as is.
 * (A thrown error would reach the renderer wrapped in Electron's English "Error invoking remote method …".)
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; message: string };

export interface SaveFileRequest {
  suggestedName: string;
  bytes: Uint8Array;
  /** When absent the main process picks the filter from the suggested name's extension. */
  filters?: FileFilter[];
}

export interface OpenFileRequest {
  /** When absent the dialog offers data packages (JSON). */
  filters?: FileFilter[];
}

export interface OpenedFilePayload {
  name: string;
  bytes: Uint8Array;
}

export interface AppInfoPayload {
  name: string;
  version: string;
}

/** Why an automatic backup was taken: at start-up, or just before an import or a restore replaced data. */
export type BackupKind = 'startup' | 'import' | 'restore';

export const BACKUP_KINDS: readonly BackupKind[] = ['startup', 'import', 'restore'];

/** One automatic backup as listed to the renderer. */
export interface BackupInfo {
  /** its file name (desktop) or key (browser), e.g. backup-20250301-083015-042-import.json */
  id: string;
  /** ISO time it was taken */
  takenAt: string;
  kind: BackupKind;
  /** bytes */
  size: number;
}

export interface WriteBackupRequest {
  bytes: Uint8Array;
  kind: BackupKind;
}

export interface BackupWritten extends BackupInfo {
  /** Absolute path of the backup just written */
  path: string;
  /** How many backups the folder holds after rotation */
  kept: number;
}

export interface ReadBackupRequest {
  /** a listed backup's id; never a path */
  id: string;
}

/** Channel → request and the value its successful response carries. The single source both sides are typed from. */
export interface IpcContract {
  'file:save': { request: SaveFileRequest; value: string | null };
  'file:open': { request: OpenFileRequest; value: OpenedFilePayload | null };
  /** several files picked in one dialog; empty when cancelled */
  'file:openMany': { request: OpenFileRequest; value: OpenedFilePayload[] };
  'app:info': { request: Record<string, never>; value: AppInfoPayload };
  'backup:write': { request: WriteBackupRequest; value: BackupWritten };
  /** newest first */
  'backup:list': { request: Record<string, never>; value: BackupInfo[] };
  /** null when no such backup exists */
  'backup:read': { request: ReadBackupRequest; value: Uint8Array | null };
}

export type IpcChannel = keyof IpcContract;
export type IpcRequest<C extends IpcChannel> = IpcContract[C]['request'];
export type IpcResponse<C extends IpcChannel> = IpcResult<IpcContract[C]['value']>;

/** Bridge method name → channel. The preload exposes exactly these methods, one per channel. */
export const BRIDGE_CHANNELS = {
  saveFile: 'file:save',
  openFile: 'file:open',
  openFiles: 'file:openMany',
  appInfo: 'app:info',
  writeBackup: 'backup:write',
  listBackups: 'backup:list',
  readBackup: 'backup:read',
} as const satisfies Record<string, IpcChannel>;

export type BridgeMethod = keyof typeof BRIDGE_CHANNELS;

/** The typed surface of `window.perfDesk`: each method takes its channel's request and resolves to its response. */
export type PerfDeskBridge = {
  [M in BridgeMethod]: (request: IpcRequest<(typeof BRIDGE_CHANNELS)[M]>) => Promise<IpcResponse<(typeof BRIDGE_CHANNELS)[M]>>;
};

export const IPC_CHANNELS: readonly IpcChannel[] = Object.values(BRIDGE_CHANNELS);

// Compile-time guard: a channel added to IpcContract without a bridge method fails type checking here.
type Unbridged = Exclude<IpcChannel, (typeof BRIDGE_CHANNELS)[BridgeMethod]>;
export const EVERY_CHANNEL_BRIDGED: [Unbridged] extends [never] ? true : never = true;
