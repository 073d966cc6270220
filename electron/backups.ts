// Automatic backups: the renderer hands over its exported data package at start-up; it is written atomically to
// userData/backups/ under a timestamped name, and only the newest few are kept.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from './atomic-write';

export const BACKUPS_DIR_NAME = 'backups';
export const BACKUPS_KEPT = 10;

// backup-20250301-083015-042.json: fixed width, so name order is time order.
const BACKUP_NAME = /^backup-\d{8}-\d{6}-\d{3}\.json$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Local time, which is what the user sees in the folder (China has no daylight saving to disturb the order). */
export function backupFileName(at: Date): string {
  const day = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `backup-${day}-${time}-${pad(at.getMilliseconds(), 3)}.json`;
}

export function isBackupFileName(name: string): boolean {
  return BACKUP_NAME.test(name);
}

export interface BackupResult {
  path: string;
  kept: number;
}

export async function writeBackup(
  dir: string,
  bytes: Uint8Array,
  options: { now?: Date; keep?: number } = {},
): Promise<BackupResult> {
  const keep = Math.max(1, options.keep ?? BACKUPS_KEPT);
  await fs.promises.mkdir(dir, { recursive: true });
  const existing = new Set((await fs.promises.readdir(dir)).filter(isBackupFileName));
  // Two backups within one millisecond would share a name; step forward so the older one is not overwritten.
  let at = (options.now ?? new Date()).getTime();
  while (existing.has(backupFileName(new Date(at)))) at++;
  const name = backupFileName(new Date(at));
  const target = path.join(dir, name);
  await writeFileAtomic(target, bytes);

  // The backup just written always stays, even if a clock set back gave it an older name than the rest.
  const othersNewestFirst = [...existing].sort().reverse();
  for (const old of othersNewestFirst.slice(keep - 1)) {
    await fs.promises.rm(path.join(dir, old), { force: true });
  }
  return { path: target, kept: Math.min(othersNewestFirst.length + 1, keep) };
}
