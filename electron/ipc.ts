// The allow-list of IPC channels. Each channel of the contract gets one handler; before it runs, the sender is
// checked and the request's shape validated, because whatever runs in the renderer is untrusted input here.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { parseBackupName } from '../shared/backup-retention';
import {
  BACKUP_KINDS,
  BACKUP_WRITES_PER_MINUTE,
  IPC_CHANNELS,
  MAX_FILE_BYTES,
  type BackupKind,
  type FileFilter,
  type IpcChannel,
  type IpcRequest,
  type IpcResponse,
} from '../shared/ipc-contract';
import { ERRORS } from './messages';
import type { SenderCheck } from './security';

export type IpcHandler<C extends IpcChannel> = (request: IpcRequest<C>, event: IpcMainInvokeEvent) => Promise<IpcResponse<C>>;
export type IpcHandlers = { [C in IpcChannel]: IpcHandler<C> };
type RequestParsers = { [C in IpcChannel]: (raw: unknown) => IpcRequest<C> | null };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array && v.byteLength <= MAX_FILE_BYTES;

const isBackupKind = (v: unknown): v is BackupKind => typeof v === 'string' && (BACKUP_KINDS as readonly string[]).includes(v);

function parseFilters(v: unknown): FileFilter[] | undefined | null {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.length > 10) return null;
  const filters: FileFilter[] = [];
  for (const f of v) {
    if (!isRecord(f) || typeof f.name !== 'string' || f.name.length > 100 || !Array.isArray(f.extensions)) return null;
    const extensions = f.extensions;
    if (extensions.length > 20 || !extensions.every((e): e is string => typeof e === 'string' && /^(\*|[A-Za-z0-9]{1,16})$/.test(e))) {
      return null;
    }
    filters.push({ name: f.name, extensions: [...extensions] });
  }
  return filters;
}

function parseOpenRequest(raw: unknown): IpcRequest<'file:open'> | null {
  if (raw !== undefined && !isRecord(raw)) return null;
  const filters = parseFilters(raw?.filters);
  if (filters === null) return null;
  return filters ? { filters } : {};
}

export const REQUEST_PARSERS: RequestParsers = {
  'file:save': (raw) => {
    if (!isRecord(raw) || typeof raw.suggestedName !== 'string' || raw.suggestedName.length > 255 || !isBytes(raw.bytes)) return null;
    const filters = parseFilters(raw.filters);
    if (filters === null) return null;
    return filters ? { suggestedName: raw.suggestedName, bytes: raw.bytes, filters } : { suggestedName: raw.suggestedName, bytes: raw.bytes };
  },
  'file:open': (raw) => parseOpenRequest(raw),
  'file:openMany': (raw) => parseOpenRequest(raw),
  'app:info': () => ({}),
  'backup:write': (raw) => (isRecord(raw) && isBytes(raw.bytes) && isBackupKind(raw.kind) ? { bytes: raw.bytes, kind: raw.kind } : null),
  'backup:list': () => ({}),
  // a backup's file name and nothing else: no separators, no '..', so it can only name a file in the backups folder
  'backup:read': (raw) => (isRecord(raw) && typeof raw.id === 'string' && parseBackupName(raw.id) !== null ? { id: raw.id } : null),
};

export interface RateLimit {
  max: number;
  windowMs: number;
  /** the refusal, in Chinese */
  message: string;
}

/**
 * Channels a compromised renderer could use to wear something down: at most `max` calls per `windowMs`. Automatic
 * backups: each write also thins the folder, so a flood must not get through.
 */
export const RATE_LIMITS: { readonly [C in IpcChannel]?: RateLimit } = {
  'backup:write': { max: BACKUP_WRITES_PER_MINUTE, windowMs: 60_000, message: ERRORS.backupTooFrequent(BACKUP_WRITES_PER_MINUTE) },
};

/** A sliding window over the calls it let through; answers a call with its refusal, or null to let it through. */
function rateLimiter(limit: RateLimit): (now: number) => string | null {
  const calls: number[] = [];
  return (now) => {
    while (calls.length > 0 && now - calls[0] >= limit.windowMs) calls.shift();
    if (calls.length >= limit.max) return limit.message;
    calls.push(now);
    return null;
  };
}

export interface RegisterOptions {
  /** the clock of the rate limits (tests) */
  now?: () => number;
}

/** Raised to the renderer for a refused sender; deliberately says nothing more. */
export const REFUSED = 'refused';

function registerChannel<C extends IpcChannel>(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: C,
  handler: IpcHandler<C>,
  isTrustedSender: SenderCheck,
  now: () => number,
): void {
  const parse = REQUEST_PARSERS[channel];
  const limit = RATE_LIMITS[channel];
  const refusal = limit ? rateLimiter(limit) : () => null;
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, raw: unknown): Promise<IpcResponse<C>> => {
    if (!isTrustedSender(event)) {
      console.warn(`[ipc] ${channel}: message from an untrusted sender ignored (${event.senderFrame?.url ?? 'no frame'})`);
      throw new Error(REFUSED);
    }
    const request = parse(raw);
    if (request === null) return { ok: false, message: ERRORS.badRequest };
    const refused = refusal(now());
    if (refused !== null) {
      console.warn(`[ipc] ${channel}: too many calls, refused`);
      return { ok: false, message: refused };
    }
    try {
      return await handler(request, event);
    } catch (err) {
      console.error(`[ipc] ${channel} failed`, err);
      return { ok: false, message: ERRORS.unexpected(err instanceof Error ? err.message : String(err)) };
    }
  });
}

/** Registers exactly the channels of the contract, no more. */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: IpcHandlers,
  isTrustedSender: SenderCheck,
  options: RegisterOptions = {},
): void {
  const now = options.now ?? (() => Date.now());
  for (const channel of IPC_CHANNELS) registerChannel(ipcMain, channel, handlers[channel] as IpcHandler<typeof channel>, isTrustedSender, now);
}
