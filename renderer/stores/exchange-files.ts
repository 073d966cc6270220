// What the export and exchange stores need from the host: saving bytes and opening one file (the platform adapter),
// plus small helpers for file names and record counts shared by the stores of the 导出与汇总 workspace.
import { serializeExchange, type ExchangeDocument } from '../../shared/exchange/exchange';
import type { DataSet } from '../db/repository';
import { MX } from '../messages-exchange';
import type { OpenedFile, Platform } from '../platform/platform';

export type FileHost = Pick<Platform, 'saveFile' | 'openFile'>;

export type FileFilters = { name: string; extensions: string[] }[];

export const EXCHANGE_FILTERS: FileFilters = [{ name: MX.exchangeFilter, extensions: ['json'] }];

/** Outcome of a save: the name it was saved under, a cancel, or a Chinese failure message. */
export type SaveOutcome = { kind: 'saved'; name: string } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

/** Saves through the host; the desktop bridge reports failures as thrown Errors with Chinese text. */
export async function saveThrough(host: FileHost, name: string, bytes: Uint8Array, filters: FileFilters): Promise<SaveOutcome> {
  try {
    const saved = await host.saveFile(name, bytes, filters);
    return saved === null ? { kind: 'cancelled' } : { kind: 'saved', name: baseName(saved) };
  } catch (e) {
    return { kind: 'failed', message: MX.saveFailed(e instanceof Error ? e.message : String(e)) };
  }
}

/** Saves an exchange package under the name given, with the characters no system allows in a file name replaced. */
export function savePackageThrough(host: FileHost, name: string, doc: ExchangeDocument): Promise<SaveOutcome> {
  return saveThrough(host, name.replace(/[\\/:*?"<>|]/g, '_'), encodeText(serializeExchange(doc)), EXCHANGE_FILTERS);
}

/** Where a store shows how a save went: a line when saved or cancelled, the failure among its messages. */
export interface SaveShown {
  outcome: string | null;
  messages: string[];
}

/** Shows a save's outcome on the store (inside an action); true when saved. */
export function showSave(store: SaveShown, saved: SaveOutcome, savedLine: (name: string) => string): boolean {
  if (saved.kind === 'saved') store.outcome = savedLine(saved.name);
  else if (saved.kind === 'cancelled') store.outcome = MX.saveCancelled;
  else store.messages = [saved.message];
  return saved.kind === 'saved';
}

export type OpenOutcome = { kind: 'opened'; file: OpenedFile } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

export async function openThrough(host: FileHost, filters: FileFilters): Promise<OpenOutcome> {
  try {
    const file = await host.openFile(filters);
    return file === null ? { kind: 'cancelled' } : { kind: 'opened', file };
  } catch (e) {
    return { kind: 'failed', message: MX.openFailed(e instanceof Error ? e.message : String(e)) };
  }
}

export type OpenSeveralOutcome = OpenOutcome | { kind: 'several'; files: OpenedFile[] };

/** Lets the user pick one file or several in one go, where the host can (the platform); else one. */
export async function openSeveralThrough(host: FileHost, filters: FileFilters): Promise<OpenSeveralOutcome> {
  const openFiles = (host as FileHost & Partial<Pick<Platform, 'openFiles'>>).openFiles;
  if (typeof openFiles !== 'function') return openThrough(host, filters);
  try {
    const files = await openFiles.call(host, filters);
    if (files.length === 0) return { kind: 'cancelled' };
    return files.length === 1 ? { kind: 'opened', file: files[0] } : { kind: 'several', files };
  } catch (e) {
    return { kind: 'failed', message: MX.openFailed(e instanceof Error ? e.message : String(e)) };
  }
}

/** The last part of a path (the desktop app returns full paths, the browser the name). */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** "20250115-0800" in local time, for file names. */
export function fileStamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

/** "2025-01-15 08:00" in local time, for showing an exchange document's exportedAt. */
export function shownTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function countsText(data: DataSet): string {
  const indicators = data.projects.reduce((sum, p) => sum + p.indicators.length, 0);
  return MX.counts(data.units.length, data.projects.length, indicators, data.departmentPlans.length);
}

export function encodeText(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
