// The automatic backups of the desktop app — at start-up, and just before a restore or an import replaces data: the
// whole database, written silently by the main process, which keeps the latest 10. A plain browser has no place to write it and skips it; so does an empty database, whose
// backup would only push a real one out of the ten kept.
import type { Repository } from '../db/repository';
import { isDesktopPlatform, platform, writeAutomaticBackup } from '../platform';
import { serializeExchange } from '../../shared/exchange/exchange';
import { backupDocument } from './exchange-backup';
import { encodeText } from './exchange-files';

export interface StartupBackupOptions {
  /** whether this host writes automatic backups; the desktop app does */
  enabled?: boolean;
  write?: (bytes: Uint8Array) => Promise<string | null>;
  now?: () => Date;
}

/** Writes an automatic backup; resolves to its path, or null when skipped. Never rejects: the work it guards goes on. */
export async function automaticBackup(repo: Pick<Repository, 'exportAll'>, options: StartupBackupOptions = {}): Promise<string | null> {
  const enabled = options.enabled ?? isDesktopPlatform(platform);
  if (!enabled) return null;
  try {
    const doc = await backupDocument(repo, (options.now ?? (() => new Date()))());
    if (doc.units.length === 0) return null;
    return await (options.write ?? writeAutomaticBackup)(encodeText(serializeExchange(doc)));
  } catch (e) {
    console.warn('automatic backup failed', e);
    return null;
  }
}
