// The automatic backups — at start-up, and just before a restore or an import replaces data: the whole database as
// an exchange package, kept by the platform (the desktop app's backups folder, the browser's backup database), which
// thins them by age and count (shared/backup-retention.ts). An empty database is not backed up: there is nothing to
// lose, and its backup would only take a place among the kept ones.
// At start-up a failure is logged and the app goes on; before a change, a backup that cannot be kept stops the change.
import type { Repository } from '../db/repository';
import { canKeepBackups, platform } from '../platform';
import type { BackupInfo, BackupKind, Platform } from '../platform/platform';
import { ML } from '../messages-lifecycle';
import { serializeExchange } from '../../shared/exchange/exchange';
import { backupDocument } from './exchange-backup';
import { encodeText } from './exchange-files';

export type BackupWriter = (bytes: Uint8Array, kind: BackupKind) => Promise<string | null>;

export interface StartupBackupOptions {
  /** whether this process has somewhere to keep backups; tools and tests in Node have not */
  enabled?: boolean;
  /** keeps the bytes; resolves to the backup's id */
  write?: BackupWriter;
  now?: () => Date;
}

const writeThroughPlatform: BackupWriter = async (bytes, kind) => (await platform.writeBackup(bytes, kind)).id;

async function backupBytes(repo: Pick<Repository, 'exchange'>, now: Date): Promise<Uint8Array | null> {
  const doc = await backupDocument(repo, now);
  return doc.units.length === 0 ? null : encodeText(serializeExchange(doc));
}

/** The start-up backup; resolves to its id, or null when skipped or failed. Never rejects: the app starts regardless. */
export async function automaticBackup(repo: Pick<Repository, 'exchange'>, options: StartupBackupOptions = {}): Promise<string | null> {
  if (!(options.enabled ?? canKeepBackups())) return null;
  try {
    const bytes = await backupBytes(repo, (options.now ?? (() => new Date()))());
    return bytes ? await (options.write ?? writeThroughPlatform)(bytes, 'startup') : null;
  } catch (e) {
    console.warn('automatic backup failed', e);
    return null;
  }
}

/** The host that keeps the backups taken before a change: the platform, or what a test hands the stores instead. */
export type BackupHost = Pick<Platform, 'writeBackup'>;

export type BackupBeforeChange = { ok: true; backup: BackupInfo | null } | { ok: false; message: string };

function keepsBackups(host: object): host is BackupHost {
  return typeof (host as Partial<BackupHost>).writeBackup === 'function';
}

/**
 * The backup just before an import or a restore. `ok: false` (with the Chinese reason) means the change must not go
 * ahead: without the backup, a bad import could not be undone. A host without backups (a test's file host) skips.
 */
export async function backupBeforeChange(
  repo: Pick<Repository, 'exchange'>,
  kind: Exclude<BackupKind, 'startup'>,
  host: object,
  now: () => Date = () => new Date(),
): Promise<BackupBeforeChange> {
  if (!keepsBackups(host)) return { ok: true, backup: null };
  const failed = kind === 'import' ? ML.backupBeforeImportFailed : ML.backupBeforeRestoreFailed;
  try {
    const bytes = await backupBytes(repo, now());
    return { ok: true, backup: bytes ? await host.writeBackup(bytes, kind) : null };
  } catch (e) {
    return { ok: false, message: failed(e instanceof Error ? e.message : String(e)) };
  }
}
