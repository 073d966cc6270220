// The browser build's automatic backups, on fake-indexeddb: kept in a database of their own, listed newest first,
// thinned by the same rules as the desktop app's folder, and still there when the app's database is gone.
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { backupName } from '../../../shared/backup-retention';
import { DB_NAME } from '../../../renderer/db/database';
import { BACKUPS_DB_NAME, BrowserBackups } from '../../../renderer/platform/browser-backups';
import { createBrowserPlatform } from '../../../renderer/platform/browser-platform';
import type { Platform } from '../../../renderer/platform/platform';

const info = { name: '预算绩效管理', version: '1.2.3' };
const at = (day: number, hour: number, minute = 0) => new Date(2025, 2, day, hour, minute, 15);
const text = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array | null) => (b ? new TextDecoder().decode(b) : null);

function browser(clock: { now: Date }, factory = new IDBFactory()): { platform: Platform; factory: IDBFactory } {
  const backups = new BrowserBackups({ dexie: { indexedDB: factory, IDBKeyRange }, now: () => clock.now });
  return { platform: createBrowserPlatform(info, () => document, backups), factory };
}

it('keeps, lists (newest first) and reads backups', async () => {
  const clock = { now: at(1, 8) };
  const { platform } = browser(clock);
  expect(await platform.listBackups()).toEqual([]);
  expect(await platform.writeBackup(text('at start'), 'startup')).toEqual({
    id: 'backup-20250301-080015-000-startup.json',
    takenAt: at(1, 8).toISOString(),
    kind: 'startup',
    size: 8,
  });
  clock.now = at(1, 9);
  await platform.writeBackup(text('before import'), 'import');
  expect((await platform.listBackups()).map((b) => [b.id, b.kind, b.size])).toEqual([
    ['backup-20250301-090015-000-import.json', 'import', 13],
    ['backup-20250301-080015-000-startup.json', 'startup', 8],
  ]);
  expect(decode(await platform.readBackup('backup-20250301-090015-000-import.json'))).toBe('before import');
  expect(await platform.readBackup('backup-20250301-100015-000-import.json')).toBeNull();
});

it('stores exactly the bytes given, not the buffer behind them', async () => {
  const { platform } = browser({ now: at(1, 8) });
  const whole = text('xxxxpayloadyyyy');
  const { id } = await platform.writeBackup(whole.subarray(4, 11), 'import');
  expect(decode(await platform.readBackup(id))).toBe('payload');
});

it('eleven imports keep the backup taken before the first; later days keep the first of that day', async () => {
  const clock = { now: at(3, 8) };
  const { platform } = browser(clock);
  await platform.writeBackup(text('at start'), 'startup');
  for (let i = 1; i <= 11; i++) {
    clock.now = at(3, 9, i * 2);
    await platform.writeBackup(text(`before import ${i}`), 'import');
  }
  expect(await platform.listBackups()).toHaveLength(12);
  expect(decode(await platform.readBackup(backupName(at(3, 9, 2), 'import')))).toBe('before import 1');
  for (let d = 4; d <= 14; d++) {
    clock.now = at(d, 8);
    await platform.writeBackup(text(`start ${d}`), 'startup');
  }
  const ids = (await platform.listBackups()).map((b) => b.id);
  expect(ids).toContain(backupName(at(3, 8), 'startup'));
  expect(ids).not.toContain(backupName(at(3, 9, 2), 'import'));
  expect(ids).toHaveLength(12);
});

it('lives in its own database, and survives the deletion of the app’s', async () => {
  const clock = { now: at(1, 8) };
  const { platform, factory } = browser(clock);
  const app = new Dexie(DB_NAME, { indexedDB: factory, IDBKeyRange });
  app.version(1).stores({ units: 'id' });
  await app.table('units').put({ id: 'u1' });
  await platform.writeBackup(text('copy'), 'startup');
  expect((await factory.databases()).map((d) => d.name).sort()).toEqual([DB_NAME, BACKUPS_DB_NAME].sort());
  expect(BACKUPS_DB_NAME).toBe('perf-target-desk-backups');
  await app.delete();

  // a new page on the same browser storage
  const again = browser(clock, factory).platform;
  const [only] = await again.listBackups();
  expect(decode(await again.readBackup(only.id))).toBe('copy');
});

it('a backup that cannot be kept rejects with a Chinese message', async () => {
  const broken = new BrowserBackups({ dexie: { indexedDB: undefined as unknown as IDBFactory, IDBKeyRange } });
  await expect(broken.write(text('x'), 'import')).rejects.toThrow(/^无法在本浏览器中保存自动备份：MissingAPIError/);
  await expect(broken.list()).rejects.toThrow(/^无法读取本浏览器中的自动备份：/);
});
