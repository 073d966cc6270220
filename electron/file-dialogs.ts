// Native save and open dialogs behind the file:save, file:open and file:openMany channels.
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

  async function choose(request: OpenFileRequest, multiple: boolean): Promise<string[]> {
    const properties = multiple ? ['openFile' as const, 'multiSelections' as const] : ['openFile' as const];
    const options = { defaultPath: lastDir, filters: request.filters ?? [FILTERS.dataPackage], properties };
    const win = deps.window();
    const choice = win ? await deps.dialog.showOpenDialog(win, options) : await deps.dialog.showOpenDialog(options);
    return choice.canceled ? [] : choice.filePaths;
  }

  /** Reads the chosen files, all or none: at most MAX_FILE_BYTES together, as they cross to the renderer at once. */
  async function read(files: readonly string[]): Promise<IpcResult<OpenedFilePayload[]>> {
    try {
      let total = 0;
      for (const file of files) total += (await fs.promises.stat(file)).size;
      if (total > MAX_FILE_BYTES) return { ok: false, message: ERRORS.tooLarge(MAX_MB) };
      const opened: OpenedFilePayload[] = [];
      for (const file of files) {
        const data = await fs.promises.readFile(file);
        opened.push({ name: path.basename(file), bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
      }
      if (files.length > 0) lastDir = path.dirname(files[0]);
      return { ok: true, value: opened };
    } catch (err) {
      return { ok: false, message: ERRORS.readFailed(err instanceof Error ? err.message : String(err)) };
    }
  }

  async function open(request: OpenFileRequest): Promise<IpcResult<OpenedFilePayload | null>> {
    const file = (await choose(request, false))[0];
    if (!file) return { ok: true, value: null };
    const opened = await read([file]);
    return opened.ok ? { ok: true, value: opened.value[0] } : opened;
  }

  async function openMany(request: OpenFileRequest): Promise<IpcResult<OpenedFilePayload[]>> {
    return read(await choose(request, true));
  }

  return { save, open, openMany };
}
