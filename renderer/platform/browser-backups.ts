// The browser build's automatic backups: kept in an IndexedDB database of their own, apart from the app's, so they
// survive a broken or deleted main database. The same names and the same retention as the desktop app's folder.
import Dexie, { type DexieOptions, type Table } from 'dexie';
import { backupsToKeep, freshBackupName, RETENTION, type RetentionPolicy } from '../../shared/backup-retention';
import type { BackupInfo, BackupKind } from '../../shared/ipc-contract';
import { ML } from '../messages-lifecycle';

export const BACKUPS_DB_NAME = 'perf-target-desk-backups';

interface StoredContent {
  id: string;
  bytes: Uint8Array;
}

/** What is listed and what is restored sit in two tables, so listing never reads the backups themselves. */
class BackupsDatabase extends Dexie {
  declare infos: Table<BackupInfo, string>;
  declare contents: Table<StoredContent, string>;

  constructor(options?: DexieOptions) {
    super(BACKUPS_DB_NAME, options);
    this.version(1).stores({ infos: 'id, takenAt', contents: 'id' });
  }
}

export interface BrowserBackupsOptions {
  /** `{ indexedDB, IDBKeyRange }` of another IndexedDB (tests use fake-indexeddb) */
  dexie?: DexieOptions;
  now?: () => Date;
  policy?: RetentionPolicy;
}

const detailOf = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

export class BrowserBackups {
  private db: BackupsDatabase | null = null;

  constructor(private readonly options: BrowserBackupsOptions = {}) {}

  /** Opened on first use: creating the platform touches no storage. */
  private database(): BackupsDatabase {
    this.db ??= new BackupsDatabase(this.options.dexie);
    return this.db;
  }

  /** Stores a backup and thins the rest, in one transaction; rejects with a Chinese message. */
  async write(bytes: Uint8Array, kind: BackupKind): Promise<BackupInfo> {
    const now = (this.options.now ?? (() => new Date()))();
    try {
      const db = this.database();
      return await db.transaction('rw', db.infos, db.contents, async () => {
        const infos = await db.infos.toArray();
        const { name, at } = freshBackupName(now, kind, infos.map((i) => i.id));
        const info: BackupInfo = { id: name, takenAt: at.toISOString(), kind, size: bytes.byteLength };
        await db.infos.add(info);
        // a copy of exactly these bytes: a view would store the whole buffer behind it
        await db.contents.add({ id: name, bytes: bytes.slice() });
        const stamps = [...infos, info].map((i) => ({ id: i.id, takenAt: Date.parse(i.takenAt), kind: i.kind }));
        const keep = backupsToKeep(stamps, now.getTime(), this.options.policy ?? RETENTION);
        keep.add(name);
        const dropped = stamps.filter((s) => !keep.has(s.id)).map((s) => s.id);
        await db.infos.bulkDelete(dropped);
        await db.contents.bulkDelete(dropped);
        return info;
      });
    } catch (e) {
      throw new Error(ML.browserBackupFailed(detailOf(e)));
    }
  }

  /** Newest first. */
  async list(): Promise<BackupInfo[]> {
    try {
      return await this.database().infos.orderBy('takenAt').reverse().toArray();
    } catch (e) {
      throw new Error(ML.browserBackupsUnreadable(detailOf(e)));
    }
  }

  async read(id: string): Promise<Uint8Array | null> {
    try {
      return (await this.database().contents.get(id))?.bytes ?? null;
    } catch (e) {
      throw new Error(ML.browserBackupsUnreadable(detailOf(e)));
    }
  }
}
