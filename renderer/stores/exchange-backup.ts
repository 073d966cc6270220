// 备份与恢复: the whole database as one exchange file, and back. A restore validates the whole file first, asks for
// confirmation (it replaces everything), then replaces all data in one transaction; a bad file changes nothing.
// The automatic backups the platform keeps are listed too, and restore the same way.
import { backupBeforeChange } from './exchange-startup';
import { makeAutoObservable, observable, runInAction } from 'mobx';
import { createExchangeDocument, parseExchange, serializeExchange, type ExchangeDocument, type ExchangeProblem, type ProblemGroup } from '../../shared/exchange/exchange';
import type { Repository } from '../db/repository';
import { MX } from '../messages-exchange';
import { ML } from '../messages-lifecycle';
import type { BackupInfo, Platform } from '../platform/platform';
import { countsText, encodeText, EXCHANGE_FILTERS, fileStamp, openThrough, saveThrough, shownTime, type FileHost } from './exchange-files';

export type RestoreStage = 'idle' | 'invalid' | 'confirm';

/** The backup document of a database snapshot. */
export async function backupDocument(repo: Pick<Repository, 'exchange'>, now: Date): Promise<ExchangeDocument> {
  return createExchangeDocument(await repo.exchange.exportAll(), now.toISOString());
}

export class BackupStore {
  busy = false;
  backupOutcome: string | null = null;
  backupError: string | null = null;
  stage: RestoreStage = 'idle';
  fileName = '';
  problems: ExchangeProblem[] = [];
  /** how many problems the file has; `problems` lists the first ones, `problemGroups` by record */
  problemCount = 0;
  problemGroups: ProblemGroup[] = [];
  /** the validated backup waiting for confirmation */
  pending: ExchangeDocument | null = null;
  /** what the file holds and what the database holds now, for the confirmation */
  fileCounts = '';
  currentCounts = '';
  restoreError: string | null = null;
  restoreOutcome: string | null = null;
  /** the automatic backups, newest first; null until listed */
  automatic: BackupInfo[] | null = null;
  automaticError: string | null = null;

  constructor(
    private readonly repo: Repository,
    private readonly host: FileHost,
    private readonly now: () => Date,
    private readonly afterRestore: () => Promise<void>,
  ) {
    makeAutoObservable<BackupStore, 'repo' | 'host' | 'now' | 'afterRestore' | 'backupSource'>(this, {
      repo: false, host: false, now: false, afterRestore: false, pending: observable.ref, automatic: observable.ref, backupSource: false,
    });
  }

  /** Where the automatic backups are listed from: the host, when it keeps them (the platform does). */
  private backupSource(): Pick<Platform, 'listBackups' | 'readBackup'> | null {
    const h = this.host as Partial<Platform>;
    return typeof h.listBackups === 'function' && typeof h.readBackup === 'function' ? (h as Pick<Platform, 'listBackups' | 'readBackup'>) : null;
  }

  async loadAutomatic(): Promise<void> {
    const source = this.backupSource();
    if (!source) return;
    try {
      const listed = await source.listBackups();
      runInAction(() => {
        this.automatic = listed;
        this.automaticError = null;
      });
    } catch (e) {
      runInAction(() => (this.automaticError = ML.automaticListFailed(e instanceof Error ? e.message : String(e))));
    }
  }

  /** Reads one automatic backup and checks it as a file picked for restore would be; writes nothing. */
  async pickAutomatic(info: BackupInfo): Promise<void> {
    const source = this.backupSource();
    if (!source) return;
    let bytes: Uint8Array | null;
    try {
      bytes = await source.readBackup(info.id);
    } catch (e) {
      runInAction(() => {
        this.cancelRestore();
        this.restoreError = MX.openFailed(e instanceof Error ? e.message : String(e));
      });
      return;
    }
    if (!bytes) {
      runInAction(() => {
        this.cancelRestore();
        this.restoreError = ML.automaticMissing;
      });
      return;
    }
    await this.loadRestore(ML.automaticName(shownTime(info.takenAt), info.kind), bytes);
  }

  async backup(): Promise<boolean> {
    if (this.busy) return false;
    this.backupOutcome = null;
    this.backupError = null;
    this.busy = true;
    try {
      const now = this.now();
      const doc = await backupDocument(this.repo, now);
      if (doc.units.length === 0) {
        runInAction(() => (this.backupError = MX.backupEmpty));
        return false;
      }
      const saved = await saveThrough(this.host, MX.backupFileName(fileStamp(now)), encodeText(serializeExchange(doc)), EXCHANGE_FILTERS);
      runInAction(() => {
        if (saved.kind === 'saved') this.backupOutcome = MX.backupSaved(saved.name, countsText(doc));
        else if (saved.kind === 'cancelled') this.backupOutcome = MX.saveCancelled;
        else this.backupError = saved.message;
      });
      return saved.kind === 'saved';
    } finally {
      runInAction(() => (this.busy = false));
    }
  }

  async pickRestore(): Promise<void> {
    const opened = await openThrough(this.host, EXCHANGE_FILTERS);
    if (opened.kind === 'cancelled') return;
    if (opened.kind === 'failed') {
      runInAction(() => {
        this.cancelRestore();
        this.restoreError = opened.message;
      });
      return;
    }
    await this.loadRestore(opened.file.name, opened.file.bytes);
  }

  /** Validates the whole file; a valid one waits for confirmation. Writes nothing. */
  async loadRestore(fileName: string, bytes: Uint8Array): Promise<void> {
    this.cancelRestore();
    this.restoreOutcome = null;
    this.fileName = fileName;
    const parsed = parseExchange(bytes);
    if (!parsed.ok) {
      this.problems = parsed.problems;
      this.problemCount = parsed.problemCount;
      this.problemGroups = parsed.groups;
      this.stage = 'invalid';
      return;
    }
    const current = await this.repo.exchange.exportAll();
    runInAction(() => {
      this.pending = parsed.document;
      this.fileCounts = MX.restoreFileHas(countsText(parsed.document), shownTime(parsed.document.exportedAt));
      this.currentCounts = MX.restoreCurrentHas(countsText(current));
      this.stage = 'confirm';
    });
  }

  cancelRestore(): void {
    this.stage = 'idle';
    this.problems = [];
    this.problemCount = 0;
    this.problemGroups = [];
    this.pending = null;
    this.fileCounts = '';
    this.currentCounts = '';
    this.restoreError = null;
  }

  async confirmRestore(): Promise<boolean> {
    const doc = this.pending;
    if (!doc || this.busy) return false;
    this.busy = true;
    try {
      // the data about to be replaced goes into the automatic backups first; without that backup nothing is replaced
      const backed = await backupBeforeChange(this.repo, 'restore', this.host, this.now);
      if (!backed.ok) {
        runInAction(() => (this.restoreError = backed.message));
        return false;
      }
      const result = await this.repo.exchange.restoreBackup(doc);
      if (!result.ok) {
        runInAction(() => (this.restoreError = result.error));
        return false;
      }
      const c = result.value;
      await this.afterRestore();
      runInAction(() => {
        this.cancelRestore();
        this.restoreOutcome = MX.restoreDone(MX.counts(c.units, c.projects, c.indicators, c.departmentPlans));
      });
      await this.loadAutomatic();
      return true;
    } finally {
      runInAction(() => (this.busy = false));
    }
  }
}
