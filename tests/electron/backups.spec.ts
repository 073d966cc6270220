// Automatic backups on a real temporary folder: names with time and kind, atomic writes, retention by age and count
// (shared/backup-retention.ts), listing and reading by id only, and the checks on what the renderer hands over.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { backupName } from '../../shared/backup-retention';
import { EXCHANGE_FORMAT } from '../../shared/exchange/exchange';
import { BACKUP_PACKAGE_FORMAT, MAX_BACKUP_BYTES, type BackupKind } from '../../shared/ipc-contract';
import { backupPayloadProblem, createBackupHandlers, isBackupFileName, listBackups, readBackup, writeBackup } from '../../electron/backups';

let dir: string;
beforeEach(() => {
  dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'backups-')), 'backups');
});
afterEach(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

const at = (day: number, hour: number, minute = 0, ms = 0) => new Date(2025, 2, day, hour, minute, 15, ms);
const text = (s: string) => new TextEncoder().encode(s);
const names = () => fs.readdirSync(dir).filter(isBackupFileName).sort();
const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
const pkg = (note: string) => text(JSON.stringify({ format: EXCHANGE_FORMAT, version: 1, exportedAt: '2025-03-01T00:00:00.000Z', note, units: [], projects: [], departmentPlans: [] }));

it('names a backup by its local time and kind, and writes the bytes', async () => {
  const res = await writeBackup(dir, text('{"v":1}'), { now: at(1, 8, 0), kind: 'import' });
  expect(res).toEqual({
    id: 'backup-20250301-080015-000-import.json',
    takenAt: at(1, 8, 0).toISOString(),
    kind: 'import',
    size: 7,
    path: path.join(dir, 'backup-20250301-080015-000-import.json'),
    kept: 1,
  });
  expect(read(res.id)).toBe('{"v":1}');
  expect(isBackupFileName('.backup-20250301-083015-042-import.json.1a2b3c4d.tmp')).toBe(false);
});

it('eleven imports in a row keep the backup taken before the first import, and the start-up one', async () => {
  await writeBackup(dir, text('at start'), { now: at(3, 8), kind: 'startup' });
  await writeBackup(dir, text('before import 1'), { now: at(3, 9), kind: 'import' });
  for (let i = 2; i <= 11; i++) await writeBackup(dir, text(`before import ${i}`), { now: at(3, 9, i * 3), kind: 'import' });
  expect(names()).toHaveLength(12);
  expect(read(backupName(at(3, 9), 'import'))).toBe('before import 1');
  expect(read(backupName(at(3, 8), 'startup'))).toBe('at start');

  // ten restarts on the following days: the day of the imports keeps its first backup for 30 days
  for (let d = 4; d <= 13; d++) await writeBackup(dir, text(`start ${d}`), { now: at(d, 8), kind: 'startup' });
  expect(read(backupName(at(3, 8), 'startup'))).toBe('at start');
  expect(names()).not.toContain(backupName(at(3, 9, 33), 'import'));
});

it('ten restarts within a day keep the backup taken before an import', async () => {
  await writeBackup(dir, text('before import'), { now: at(3, 9), kind: 'import' });
  for (let i = 1; i <= 10; i++) await writeBackup(dir, text(`start ${i}`), { now: at(3, 10, i), kind: 'startup' });
  expect(read(backupName(at(3, 9), 'import'))).toBe('before import');
  expect(names()).toHaveLength(11);
});

it('leaves files that are not backups alone', async () => {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'readme.txt'), 'mine');
  for (let d = 1; d <= 31; d++) await writeBackup(dir, text(`day ${d}`), { now: at(d, 8), kind: 'import' });
  expect(fs.readFileSync(path.join(dir, 'readme.txt'), 'utf8')).toBe('mine');
  expect(names()).toHaveLength(30);
  expect(names()[0]).toBe(backupName(at(2, 8), 'import'));
});

it('two backups in the same millisecond do not overwrite each other', async () => {
  const a = await writeBackup(dir, text('first'), { now: at(1, 8, 5, 7), kind: 'startup' });
  const b = await writeBackup(dir, text('second'), { now: at(1, 8, 5, 7), kind: 'import' });
  expect(a.id).toBe('backup-20250301-080515-007-startup.json');
  expect(b.id).toBe('backup-20250301-080515-008-import.json');
  expect(read(a.id)).toBe('first');
  expect(read(b.id)).toBe('second');
});

it('keeps the backup just written even when the clock was set back', async () => {
  for (let d = 10; d < 20; d++) await writeBackup(dir, text(`day ${d}`), { now: at(d, 8), kind: 'startup' });
  const res = await writeBackup(dir, text('after clock change'), { now: at(1, 8), kind: 'import' });
  expect(read(res.id)).toBe('after clock change');
  expect(names()).toContain(res.id);
});

it('lists newest first with time, kind and size, earlier releases’ names as start-up backups', async () => {
  await writeBackup(dir, text('abc'), { now: at(1, 8), kind: 'startup' });
  await writeBackup(dir, text('abcdef'), { now: at(1, 9), kind: 'restore' });
  fs.writeFileSync(path.join(dir, 'backup-20250301-070015-000.json'), 'legacy');
  fs.writeFileSync(path.join(dir, 'other.json'), 'x');
  expect(await listBackups(dir)).toEqual([
    { id: 'backup-20250301-090015-000-restore.json', takenAt: at(1, 9).toISOString(), kind: 'restore', size: 6 },
    { id: 'backup-20250301-080015-000-startup.json', takenAt: at(1, 8).toISOString(), kind: 'startup', size: 3 },
    { id: 'backup-20250301-070015-000.json', takenAt: at(1, 7).toISOString(), kind: 'startup', size: 6 },
  ]);
  expect(await listBackups(path.join(dir, 'missing'))).toEqual([]);
});

it('reads a backup by its id, and nothing that is not a backup’s name', async () => {
  const { id } = await writeBackup(dir, text('content'), { now: at(1, 8), kind: 'import' });
  fs.writeFileSync(path.join(path.dirname(dir), 'secret.json'), 'secret');
  expect(new TextDecoder().decode((await readBackup(dir, id))!)).toBe('content');
  expect(await readBackup(dir, 'backup-20250301-080015-001-import.json')).toBeNull();
  expect(await readBackup(dir, '../secret.json')).toBeNull();
  expect(await readBackup(dir, path.join(path.dirname(dir), 'secret.json'))).toBeNull();
});

describe('what the renderer hands over', () => {
  it('must be an exchange package of at most MAX_BACKUP_BYTES', () => {
    expect(BACKUP_PACKAGE_FORMAT).toBe(EXCHANGE_FORMAT);
    expect(backupPayloadProblem(pkg('ok'))).toBeNull();
    expect(backupPayloadProblem(text('{"units":[]}'))).toBe('自动备份失败：要备份的内容不是本程序的数据包。');
    expect(backupPayloadProblem(text('not json'))).toBe('自动备份失败：要备份的内容不是本程序的数据包。');
    expect(backupPayloadProblem(new Uint8Array([0xff, 0xfe, 0x7b]))).toBe('自动备份失败：要备份的内容不是本程序的数据包。');
    const big = { byteLength: MAX_BACKUP_BYTES + 1 };
    Object.setPrototypeOf(big, Uint8Array.prototype);
    expect(backupPayloadProblem(big as Uint8Array)).toBe('自动备份失败：数据超过 128 MB，无法备份。');
  });

  it('the write handler refuses what is not a package and a second start-up backup, and writes nothing for them', async () => {
    let now = at(1, 8);
    const handlers = createBackupHandlers(() => dir, { now: () => now });
    const write = (bytes: Uint8Array, kind: BackupKind) => handlers['backup:write']({ bytes, kind }, {} as never);
    expect(await write(text('{"units":[]}'), 'import')).toEqual({ ok: false, message: '自动备份失败：要备份的内容不是本程序的数据包。' });
    const first = await write(pkg('start'), 'startup');
    expect(first.ok).toBe(true);
    now = at(1, 9);
    expect(await write(pkg('start again'), 'startup')).toEqual({ ok: false, message: '自动备份失败：本次启动时已经备份过。' });
    expect((await write(pkg('import'), 'import')).ok).toBe(true);
    expect(names()).toEqual([backupName(at(1, 8), 'startup'), backupName(at(1, 9), 'import')]);
    expect(await handlers['backup:list']({}, {} as never)).toEqual({ ok: true, value: await listBackups(dir) });
    const got = await handlers['backup:read']({ id: backupName(at(1, 9), 'import') }, {} as never);
    expect(got.ok && new TextDecoder().decode(got.value!)).toContain('"note":"import"');
  });

  it('a failed write answers with a Chinese message', async () => {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(dir, 'a file where the folder should be');
    const handlers = createBackupHandlers(() => dir);
    const res = await handlers['backup:write']({ bytes: pkg('x'), kind: 'import' }, {} as never);
    expect(res.ok).toBe(false);
    expect(!res.ok && res.message).toMatch(/^自动备份失败：/);
  });
});
