// Which automatic backups to keep, for the desktop app's backup folder and the browser's backup database alike.
// Retention is by age as well as by count, so that neither a burst of imports nor a flood of writes can push out the
// copy taken before them:
// - every backup of the last 24 hours, up to the first RECENT_OLDEST and the last RECENT_NEWEST of them (a flood
//   thins its own middle, never what came before it);
// - the first backup of each of the last 30 calendar days (the first, not the last: that is the copy from before the
//   day's imports and restores, and later backups of the day cannot displace it);
// - the latest STARTUPS start-up backups.
// No rule counts backups another rule keeps, so recent ones never push out daily or start-up ones, and the total is
// bounded: MAX_BACKUPS_KEPT.
import type { BackupKind } from './ipc-contract';

export interface RetentionPolicy {
  /** how far back "recent" reaches, in ms */
  recentMs: number;
  /** of the recent backups, the oldest this many are kept… */
  recentOldest: number;
  /** …and the newest this many */
  recentNewest: number;
  /** one backup per calendar day, for this many days back */
  days: number;
  /** the latest this many start-up backups, however old */
  startups: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const RETENTION: RetentionPolicy = { recentMs: DAY_MS, recentOldest: 10, recentNewest: 40, days: 30, startups: 10 };

/** The most backups the rules can keep, plus the one just written (kept even when a clock set back makes it look old). */
export function maxBackupsKept(policy: RetentionPolicy = RETENTION): number {
  return policy.recentOldest + policy.recentNewest + policy.days + policy.startups + 1;
}

export const MAX_BACKUPS_KEPT = maxBackupsKept();

export interface BackupStamp {
  id: string;
  /** ms since the epoch */
  takenAt: number;
  kind: BackupKind;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The local calendar day: what "one a day" means to the user. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The ids of the backups to keep at `now`; every other one may be deleted. Pure: the same backups and time give the
 * same answer, whatever order they come in.
 */
export function backupsToKeep(
  backups: readonly BackupStamp[],
  now: number,
  policy: RetentionPolicy = RETENTION,
  dayOf: (ms: number) => string = localDay,
): Set<string> {
  const oldestFirst = [...backups].sort((a, b) => a.takenAt - b.takenAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const keep = new Set<string>();
  const keepAll = (list: readonly BackupStamp[]) => list.forEach((b) => keep.add(b.id));

  const startups = oldestFirst.filter((b) => b.kind === 'startup');
  keepAll(startups.slice(Math.max(0, startups.length - policy.startups)));

  // a backup from the future (a clock set back since) counts as recent
  const recent = oldestFirst.filter((b) => now - b.takenAt < policy.recentMs);
  if (recent.length <= policy.recentOldest + policy.recentNewest) keepAll(recent);
  else {
    keepAll(recent.slice(0, policy.recentOldest));
    keepAll(recent.slice(recent.length - policy.recentNewest));
  }

  const firstOfDay = new Map<string, BackupStamp>();
  for (const b of oldestFirst) {
    if (now - b.takenAt >= policy.days * DAY_MS) continue;
    const day = dayOf(b.takenAt);
    if (!firstOfDay.has(day)) firstOfDay.set(day, b);
  }
  const days = [...firstOfDay.values()];
  keepAll(days.slice(Math.max(0, days.length - policy.days)));
  return keep;
}

// backup-20250301-083015-042-import.json: fixed width, so name order is time order; the kind last. Backups of earlier
// releases have no kind in their name: they were taken at start-up or before a change, and count as start-up ones.
const BACKUP_NAME = /^backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})(?:-(startup|import|restore))?\.json$/;

/** Local time, which is what the user sees in the folder (China has no daylight saving to disturb the order). */
export function backupName(at: Date, kind: BackupKind): string {
  const day = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `backup-${day}-${time}-${pad(at.getMilliseconds(), 3)}-${kind}.json`;
}

/** The time and kind a backup's name records, or null for any other name. */
export function parseBackupName(name: string): { takenAt: Date; kind: BackupKind } | null {
  const m = BACKUP_NAME.exec(name);
  if (!m) return null;
  const [y, mo, d, h, mi, s, ms] = m.slice(1, 8).map(Number);
  const takenAt = new Date(y, mo - 1, d, h, mi, s, ms);
  // 20250231 is no date: Date would roll it over into March
  if (takenAt.getMonth() !== mo - 1 || takenAt.getDate() !== d) return null;
  return { takenAt, kind: (m[8] as BackupKind | undefined) ?? 'startup' };
}

const STAMP_LENGTH = 'backup-YYYYMMDD-HHMMSS-mmm'.length;

/**
 * A name whose time no backup in `taken` has yet: two backups within one millisecond would otherwise share it, or
 * differ by kind only and sort by kind. Steps forward a millisecond at a time.
 */
export function freshBackupName(at: Date, kind: BackupKind, taken: Iterable<string>): { name: string; at: Date } {
  const stamps = new Set([...taken].map((n) => n.slice(0, STAMP_LENGTH)));
  let ms = at.getTime();
  while (stamps.has(backupName(new Date(ms), kind).slice(0, STAMP_LENGTH))) ms++;
  return { name: backupName(new Date(ms), kind), at: new Date(ms) };
}
