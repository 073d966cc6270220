// Native save and open dialogs behind the file:save and file:open channels.
import type { BrowserWindow, Dialog } from 'electron';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  MAX_FILE_BYTES,
  type FileFilter,
  type IpcResult,
  type OpenedFilePayload,
  type OpenFileRequest,
  type SaveFileRequest,
} from '../shared/ipc-contract';
import { errorCode, writeFileAtomic } from './atomic-write';
import { ERRORS, FILTERS } from './messages';

/** The dialog filter matching a suggested name's extension. */
export function filtersFor(name: string): FileFilter[] {
  switch (path.extname(name).toLowerCase()) {
    case '.docx':
      return [FILTERS.word];
    case '.xlsx':
      return [FILTERS.excel];
    case '.json':
      return [FILTERS.dataPackage];
    default:
      return [];
  }
}

/** A bare file name valid on Windows and Linux: no folders, no reserved characters, no trailing dots or spaces. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[<>:"|?*\p{Cc}]/gu, '_').replace(/[. ]+$/, '').trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? '未命名' : cleaned;
}

/** GTK dialogs do not add the extension when the user types a bare name; Word and Excel need it. */
export function withExtension(filePath: string, filters: readonly FileFilter[]): string {
  const ext = filters[0]?.extensions[0];
  if (!ext || ext === '*' || path.extname(filePath) !== '') return filePath;
  return `${filePath}.${ext}`;
}

export function writeErrorMessage(err: unknown): string {
  switch (errorCode(err)) {
    case 'EBUSY':
    case 'EPERM':
      return ERRORS.fileBusy;
    case 'EACCES':
    case 'EROFS':
      return ERRORS.noPermission;
    case 'ENOSPC':
      return ERRORS.diskFull;
    default:
      return ERRORS.writeFailed(err instanceof Error ? err.message : String(err));
  }
}

const MAX_MB = MAX_FILE_BYTES / 1024 / 1024;

export interface FileDialogDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  /** The window the dialogs are modal to. */
  window: () => BrowserWindow | null;
  /** Where the first dialog opens (the user's Documents); later ones open where the last file was. */
  defaultDir: string;
}

export function createFileDialogs(deps: FileDialogDeps) {
  let lastDir = deps.defaultDir;

  async function save(request: SaveFileRequest): Promise<IpcResult<string | null>> {
    const name = safeFileName(request.suggestedName);
    const filters = request.filters ?? filtersFor(name);
    const options = { defaultPath: path.join(lastDir, name), filters };
    const win = deps.window();
    const choice = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { ok: true, value: null };
    const target = withExtension(choice.filePath, filters);
    try {
      await writeFileAtomic(target, request.bytes);
    } catch (err) {
      return { ok: false, message: writeErrorMessage(err) };
    }
    lastDir = path.dirname(target);
    return { ok: true, value: target };
  }

  async function open(request: OpenFileRequest): Promise<IpcResult<OpenedFilePayload | null>> {
    const options = { defaultPath: lastDir, filters: request.filters ?? [FILTERS.dataPackage], properties: ['openFile' as const] };
    const win = deps.window();
    const choice = win ? await deps.dialog.showOpenDialog(win, options) : await deps.dialog.showOpenDialog(options);
    const file = choice.filePaths[0];
    if (choice.canceled || !file) return { ok: true, value: null };
    try {
      const { size } = await fs.promises.stat(file);
      if (size > MAX_FILE_BYTES) return { ok: false, message: ERRORS.tooLarge(MAX_MB) };
      const data = await fs.promises.readFile(file);
      lastDir = path.dirname(file);
      return { ok: true, value: { name: path.basename(file), bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) } };
    } catch (err) {
      return { ok: false, message: ERRORS.readFailed(err instanceof Error ? err.message : String(err)) };
    }
  }

  return { save, open };
}
