// The database's life as the window sees it: opening, open, closed because another page opened a newer version, or
// failed to open (an upgrade that threw rolls back, but nothing could be shown). A failed open offers the newest
// automatic backup; restoring it deletes the broken database, restores into a fresh one and reloads the page.
import { makeAutoObservable, runInAction } from 'mobx';
import type { PerfDatabase } from '../db/database';
import type { Repository } from '../db/repository';
import { ML } from '../messages-lifecycle';
import type { BackupInfo, Platform } from '../platform/platform';

export type DatabaseState =
  /** `blocked`: an upgrade waits for a page still holding the older version open */
  | { kind: 'opening'; blocked?: boolean }
  | { kind: 'open' }
  /** another page opened the database at a newer version: closed here, nothing more is written */
  | { kind: 'outdated' }
  /** the database could not be opened; `details` is the error as it was raised, for whoever supports the user */
  | { kind: 'failed'; details: string };

export interface LifecycleDeps {
  db: PerfDatabase;
  /** where the automatic backups are kept */
  backups: Pick<Platform, 'listBackups' | 'readBackup'>;
  /** a new connection under the same name, with its repository: what the restore writes into */
  fresh: () => { db: PerfDatabase; repo: Pick<Repository, 'exchange'> };
  reload: () => void;
}

const detailOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** "Name: message" of an error and of the errors it wraps (Dexie keeps the original one as `inner`). */
export function errorDetails(error: unknown): string {
  const lines: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    if (e instanceof Error) {
      const line = `${e.name}: ${e.message}`;
      if (!lines.includes(line)) lines.push(line);
      e = (e as Error & { inner?: unknown }).inner ?? e.cause;
    } else {
      lines.push(String(e));
      break;
    }
  }
  return lines.join('\n');
}

export class DatabaseLifecycle {
  state: DatabaseState;
  /** the backup the failure screen offers */
  newestBackup: BackupInfo | null = null;
  backupsError: string | null = null;
  /** the restore waits for a second click: it deletes the database */
  confirming = false;
  restoring = false;
  restoreError: string | null = null;

  /** @param deps null: a database nobody watches (tests of other stores); it counts as open */
  constructor(private readonly deps: LifecycleDeps | null) {
    this.state = deps ? { kind: 'opening' } : { kind: 'open' };
    makeAutoObservable<DatabaseLifecycle, 'deps'>(this, { deps: false });
    deps?.db.onOutdated(() => runInAction(() => (this.state = { kind: 'outdated' })));
    deps?.db.on('blocked', () =>
      runInAction(() => {
        if (this.state.kind === 'opening') this.state = { kind: 'opening', blocked: true };
      }),
    );
  }

  /** What the window must say instead of working normally, or null. */
  get message(): string | null {
    if (this.state.kind === 'outdated') return ML.outdatedTitle;
    if (this.state.kind === 'failed') return ML.failedTitle;
    return null;
  }

  /** Opens the database; false (with the failure state and the newest backup looked up) when it cannot be opened. */
  async open(): Promise<boolean> {
    if (!this.deps) return true;
    try {
      await this.deps.db.open();
      runInAction(() => {
        if (this.state.kind === 'opening') this.state = { kind: 'open' };
      });
      return true;
    } catch (e) {
      console.error('the database could not be opened', e);
      runInAction(() => (this.state = { kind: 'failed', details: errorDetails(e) }));
      await this.findNewestBackup();
      return false;
    }
  }

  private async findNewestBackup(): Promise<void> {
    if (!this.deps) return;
    try {
      const [newest] = await this.deps.backups.listBackups();
      runInAction(() => (this.newestBackup = newest ?? null));
    } catch (e) {
      runInAction(() => (this.backupsError = detailOf(e)));
    }
  }

  askRestore(): void {
    this.restoreError = null;
    this.confirming = true;
  }

  cancelRestore(): void {
    this.confirming = false;
  }

  /**
   * Replaces the database with the newest backup: the backup is read and checked first (a bad one changes nothing),
   * then the broken database is deleted, a fresh one takes the backup, and the page reloads onto it.
   */
  async restoreNewest(): Promise<boolean> {
    const deps = this.deps;
    const info = this.newestBackup;
    if (!deps || !info || this.restoring) return false;
    this.restoring = true;
    this.restoreError = null;
    try {
      const bytes = await deps.backups.readBackup(info.id);
      if (!bytes) return this.restoreFailed(ML.automaticMissing);
      const { parseExchange } = await import('../../shared/exchange/exchange');
      const parsed = parseExchange(bytes);
      if (!parsed.ok) return this.restoreFailed(ML.backupInvalid(parsed.problems.map((p) => p.message).slice(0, 3).join('；')));
      deps.db.close();
      await deps.db.delete();
      const fresh = deps.fresh();
      try {
        const restored = await fresh.repo.exchange.restoreBackup(parsed.document);
        if (!restored.ok) return this.restoreFailed(restored.error);
      } finally {
        fresh.db.close();
      }
      deps.reload();
      return true;
    } catch (e) {
      return this.restoreFailed(errorDetails(e));
    } finally {
      runInAction(() => {
        this.restoring = false;
        this.confirming = false;
      });
    }
  }

  private restoreFailed(detail: string): false {
    runInAction(() => (this.restoreError = ML.restoreFailed(detail)));
    return false;
  }

  reload(): void {
    this.deps?.reload();
  }
}
