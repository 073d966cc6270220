// Automatic backups on a real temporary folder: timestamped names, atomic writes, the newest 10 kept.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { backupFileName, BACKUPS_KEPT, isBackupFileName, writeBackup } from '../../electron/backups';

let dir: string;
beforeEach(() => {
  dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'backups-')), 'backups');
});
afterEach(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

const at = (minute: number, ms = 0) => new Date(2025, 2, 1, 8, minute, 15, ms);
const text = (s: string) => new TextEncoder().encode(s);

it('names a backup by its local time, sortable', () => {
  expect(backupFileName(new Date(2025, 2, 1, 8, 30, 15, 42))).toBe('backup-20250301-083015-042.json');
  expect(isBackupFileName('backup-20250301-083015-042.json')).toBe(true);
  expect(isBackupFileName('.backup-20250301-083015-042.json.1a2b3c4d.tmp')).toBe(false);
  expect(isBackupFileName('notes.json')).toBe(false);
});

it('creates the folder and writes the bytes', async () => {
  const res = await writeBackup(dir, text('{"v":1}'), { now: at(0) });
  expect(res).toEqual({ path: path.join(dir, 'backup-20250301-080015-000.json'), kept: 1 });
  expect(fs.readFileSync(res.path, 'utf8')).toBe('{"v":1}');
});

it('keeps the newest 10 and deletes the oldest, leaving other files alone', async () => {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'readme.txt'), 'mine');
  let last = { path: '', kept: 0 };
  for (let i = 0; i < 13; i++) last = await writeBackup(dir, text(`backup ${i}`), { now: at(i) });
  expect(BACKUPS_KEPT).toBe(10);
  expect(last.kept).toBe(10);
  const names = fs.readdirSync(dir).filter(isBackupFileName).sort();
  expect(names).toEqual(Array.from({ length: 10 }, (_, k) => backupFileName(at(k + 3))));
  expect(fs.readFileSync(path.join(dir, names[0]), 'utf8')).toBe('backup 3');
  expect(fs.readFileSync(path.join(dir, names[9]), 'utf8')).toBe('backup 12');
  expect(fs.readFileSync(path.join(dir, 'readme.txt'), 'utf8')).toBe('mine');
  expect(fs.readdirSync(dir)).toHaveLength(11);
});

it('two backups in the same millisecond do not overwrite each other', async () => {
  const a = await writeBackup(dir, text('first'), { now: at(5, 7) });
  const b = await writeBackup(dir, text('second'), { now: at(5, 7) });
  expect(path.basename(a.path)).toBe('backup-20250301-080515-007.json');
  expect(path.basename(b.path)).toBe('backup-20250301-080515-008.json');
  expect(fs.readFileSync(a.path, 'utf8')).toBe('first');
  expect(fs.readFileSync(b.path, 'utf8')).toBe('second');
});

it('keeps the backup just written even when the clock was set back', async () => {
  for (let i = 10; i < 20; i++) await writeBackup(dir, text(`backup ${i}`), { now: at(i) });
  const res = await writeBackup(dir, text('after clock change'), { now: at(1) });
  expect(fs.readFileSync(res.path, 'utf8')).toBe('after clock change');
  const names = fs.readdirSync(dir).sort();
  expect(names).toHaveLength(10);
  expect(names).toContain(path.basename(res.path));
  expect(names).not.toContain(backupFileName(at(10)));
});
