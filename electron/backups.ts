// Automatic backups: the renderer hands over its exported data package at start-up and before every import or
// restore; it is written atomically to userData/backups/ under a name that records its time and kind, and the folder
// is thinned by shared/backup-retention.ts (by age as well as count). The renderer is untrusted here: it only ever
// names a backup by an id shaped like a backup's file name, never by a path, and what it writes must be a package.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { backupsToKeep, freshBackupName, parseBackupName, RETENTION, type RetentionPolicy } from '../shared/backup-retention';
import {
  BACKUP_PACKAGE_FORMAT,
  MAX_BACKUP_BYTES,
  type BackupInfo,
  type BackupKind,
  type BackupWritten,
} from '../shared/ipc-contract';
import { writeFileAtomic } from './atomic-write';
import type { IpcHandlers } from './ipc';
import { ERRORS } from './messages';

export const BACKUPS_DIR_NAME = 'backups';

export function isBackupFileName(name: string): boolean {
  return parseBackupName(name) !== null;
}

async function backupNames(dir: string): Promise<string[]> {
  try {
    return (await fs.promises.readdir(dir)).filter(isBackupFileName);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

const newestFirst = (a: BackupInfo, b: BackupInfo) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : a.id < b.id ? 1 : -1);

/** The backups in the folder, newest first. */
export async function listBackups(dir: string): Promise<BackupInfo[]> {
  const listed: BackupInfo[] = [];
  for (const id of await backupNames(dir)) {
    const parsed = parseBackupName(id);
    const stat = await fs.promises.stat(path.join(dir, id)).catch(() => null);
    if (!parsed || !stat?.isFile()) continue;
    listed.push({ id, takenAt: parsed.takenAt.toISOString(), kind: parsed.kind, size: stat.size });
  }
  return listed.sort(newestFirst);
}

/** The bytes of one backup, or null when there is none of that name. Anything but a backup's file name is refused. */
export async function readBackup(dir: string, id: string): Promise<Uint8Array | null> {
  if (!isBackupFileName(id)) return null;
  try {
    return new Uint8Array(await fs.promises.readFile(path.join(dir, id)));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

export async function writeBackup(
  dir: string,
  bytes: Uint8Array,
  options: { kind?: BackupKind; now?: Date; policy?: RetentionPolicy } = {},
): Promise<BackupWritten> {
  const kind = options.kind ?? 'startup';
  const now = options.now ?? new Date();
  await fs.promises.mkdir(dir, { recursive: true });
  const existing = await backupNames(dir);
  const { name, at } = freshBackupName(now, kind, existing);
  const target = path.join(dir, name);
  await writeFileAtomic(target, bytes);

  const stamps = [...existing, name].flatMap((id) => {
    const parsed = parseBackupName(id);
    return parsed ? [{ id, takenAt: parsed.takenAt.getTime(), kind: parsed.kind }] : [];
  });
  const keep = backupsToKeep(stamps, now.getTime(), options.policy ?? RETENTION);
  // the backup just written always stays, even if a clock set back gave it an older name than the rest
  keep.add(name);
  for (const s of stamps) if (!keep.has(s.id)) await fs.promises.rm(path.join(dir, s.id), { force: true });
  return { id: name, takenAt: at.toISOString(), kind, size: bytes.byteLength, path: target, kept: keep.size };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Why these bytes are not written as a backup (too large, not an exchange package), or null. Only the package's
 * outline is checked: the main process bundles no schema validator, and a backup is validated whole when restored.
 */
export function backupPayloadProblem(bytes: Uint8Array): string | null {
  if (bytes.byteLength > MAX_BACKUP_BYTES) return ERRORS.backupTooLarge(MAX_BACKUP_BYTES / 1024 / 1024);
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    return ERRORS.backupNotPackage;
  }
  const isPackage =
    isRecord(data) &&
    data.format === BACKUP_PACKAGE_FORMAT &&
    typeof data.version === 'number' &&
    Array.isArray(data.units) &&
    Array.isArray(data.projects) &&
    Array.isArray(data.departmentPlans);
  return isPackage ? null : ERRORS.backupNotPackage;
}

/** The handlers of the three backup channels over one folder. Their rate limit is applied by ipc.ts. */
export function createBackupHandlers(
  dir: () => string,
  options: { now?: () => Date } = {},
): Pick<IpcHandlers, 'backup:write' | 'backup:list' | 'backup:read'> {
  const now = options.now ?? (() => new Date());
  // Start-up backups are kept however old; one per run, so a renderer claiming the kind again and again cannot push
  // out the real ones.
  let startupTaken = false;
  return {
    'backup:write': async ({ bytes, kind }) => {
      const problem = backupPayloadProblem(bytes);
      if (problem !== null) return { ok: false, message: problem };
      if (kind === 'startup') {
        if (startupTaken) return { ok: false, message: ERRORS.backupStartupTaken };
        startupTaken = true;
      }
      try {
        return { ok: true, value: await writeBackup(dir(), bytes, { kind, now: now() }) };
      } catch (err) {
        if (kind === 'startup') startupTaken = false;
        return { ok: false, message: ERRORS.backupFailed(err instanceof Error ? err.message : String(err)) };
      }
    },
    'backup:list': async () => ({ ok: true, value: await listBackups(dir()) }),
    'backup:read': async ({ id }) => ({ ok: true, value: await readBackup(dir(), id) }),
  };
}
