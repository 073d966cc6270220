// Which automatic backups are kept: by age (every one of the last 24 h, the first of each of 30 days) and by kind (the
// latest 10 start-up ones), never more than MAX_BACKUPS_KEPT, and a flood of recent ones removes nothing older.
import {
  backupName,
  backupsToKeep,
  freshBackupName,
  MAX_BACKUPS_KEPT,
  parseBackupName,
  RETENTION,
  type BackupStamp,
} from '../../shared/backup-retention';
import type { BackupKind } from '../../shared/ipc-contract';

const NOW = new Date(2025, 5, 15, 12, 0, 0).getTime();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A backup taken `hoursAgo` before NOW, named by its time so ids sort as times do. */
function b(hoursAgo: number, kind: BackupKind = 'import'): BackupStamp {
  const takenAt = NOW - Math.round(hoursAgo * HOUR);
  return { id: backupName(new Date(takenAt), kind), takenAt, kind };
}

/** The kept ones, as hours ago, oldest first. */
function kept(backups: BackupStamp[]): number[] {
  const keep = backupsToKeep(backups, NOW);
  return backups
    .filter((x) => keep.has(x.id))
    .map((x) => (NOW - x.takenAt) / HOUR)
    .sort((x, y) => y - x);
}

const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

describe('backupsToKeep', () => {
  const cases: { name: string; backups: BackupStamp[]; kept: number[] }[] = [
    { name: 'nothing to keep', backups: [], kept: [] },
    {
      name: 'eleven imports and the start-up before them, all within a day: every one kept',
      backups: [b(5, 'startup'), ...range(11, (i) => b(4.5 - i * 0.25))],
      kept: [5, ...range(11, (i) => b(4.5 - i * 0.25)).map((x) => (NOW - x.takenAt) / HOUR)],
    },
    {
      // 12:00 now; 25 h ago is 11:00 yesterday, 36 h ago is 00:00 yesterday: the first of yesterday is the one kept
      name: 'older than a day: only the first of each calendar day',
      backups: [b(36, 'import'), b(30, 'restore'), b(25, 'import')],
      kept: [36],
    },
    {
      name: 'one a day for 30 days, none beyond',
      backups: range(40, (i) => b(24 * (i + 1) + 1, 'import')),
      kept: range(29, (i) => 24 * (29 - i) + 1),
    },
    {
      name: 'the latest 10 start-up backups, however old',
      backups: range(15, (i) => b(24 * 60 + i * 24, 'startup')),
      kept: range(10, (i) => 24 * 60 + (9 - i) * 24),
    },
    {
      name: 'legacy-like start-ups count as start-ups, imports do not',
      backups: [b(24 * 100, 'startup'), b(24 * 99, 'import')],
      kept: [24 * 100],
    },
  ];
  test.each(cases)('$name', ({ backups, kept: expected }) => {
    expect(kept(backups)).toEqual(expected);
  });

  test('a flood of recent backups thins its own middle and removes nothing older than itself', () => {
    const before = [
      ...range(10, (i) => b(24 * 40 + i, 'startup')), // ten start-ups, long ago
      ...range(20, (i) => b(24 * (i + 2) + 3)), // one import a day, 2–21 days ago
      b(10), b(9), b(8), // this morning's imports, before the flood
    ];
    const flood = range(500, (i) => b(7 - i * 0.01));
    const keep = backupsToKeep([...before, ...flood], NOW);
    for (const x of before) expect({ id: x.id, kept: keep.has(x.id) }).toEqual({ id: x.id, kept: true });
    const floodKept = flood.filter((x) => keep.has(x.id));
    // the flood's first ones beside this morning's within the first 10 of the day, and its newest 40
    expect(floodKept).toHaveLength(RETENTION.recentOldest - 3 + RETENTION.recentNewest);
    expect(floodKept.slice(-RETENTION.recentNewest)).toEqual(flood.slice(-RETENTION.recentNewest));
    expect(keep.size).toBeLessThanOrEqual(MAX_BACKUPS_KEPT);
  });

  test('however many and whatever their kinds, never more than MAX_BACKUPS_KEPT', () => {
    const kinds: BackupKind[] = ['startup', 'import', 'restore'];
    const many = range(3000, (i) => b(i * 0.37 - 30, kinds[i % 3]));
    expect(backupsToKeep(many, NOW).size).toBeLessThanOrEqual(MAX_BACKUPS_KEPT);
    expect(MAX_BACKUPS_KEPT).toBe(91);
  });

  test('the answer does not depend on the order the backups come in', () => {
    const list = [b(30), b(2, 'startup'), b(50, 'restore'), b(1)];
    expect(backupsToKeep([...list].reverse(), NOW)).toEqual(backupsToKeep(list, NOW));
  });
});

describe('backup names', () => {
  test('record local time and kind, and read back', () => {
    const at = new Date(2025, 2, 1, 8, 30, 15, 42);
    expect(backupName(at, 'import')).toBe('backup-20250301-083015-042-import.json');
    expect(parseBackupName('backup-20250301-083015-042-import.json')).toEqual({ takenAt: at, kind: 'import' });
    // an earlier release's name, without a kind
    expect(parseBackupName('backup-20250301-083015-042.json')).toEqual({ takenAt: at, kind: 'startup' });
  });

  test.each([
    '.backup-20250301-083015-042-import.json.1a2b3c4d.tmp',
    'backup-20250231-083015-042-import.json',
    'backup-20250301-083015-042-other.json',
    '../backup-20250301-083015-042-import.json',
    'backup-20250301-083015-042-import.json/x',
    'notes.json',
  ])('refuse %s', (name) => {
    expect(parseBackupName(name)).toBeNull();
  });

  test('a fresh name steps past a time already taken, by any kind', () => {
    const at = new Date(2025, 2, 1, 8, 5, 15, 7);
    const taken = [backupName(at, 'startup'), backupName(new Date(at.getTime() + 1), 'restore')];
    expect(freshBackupName(at, 'import', taken)).toEqual({ name: 'backup-20250301-080515-009-import.json', at: new Date(at.getTime() + 2) });
  });
});
