// 备份与恢复: the whole database as one exchange file, and back. A restore validates the whole file first, asks for
// confirmation (it replaces everything), then replaces all data in one transaction; a bad file changes nothing.
import { automaticBackup } from './exchange-startup';
import { makeAutoObservable, observable, runInAction } from 'mobx';
import { createExchangeDocument, parseExchange, serializeExchange, type ExchangeDocument, type ExchangeProblem } from '../../shared/exchange/exchange';
import type { Repository } from '../db/repository';
import { MX } from '../messages-exchange';
import { countsText, encodeText, EXCHANGE_FILTERS, fileStamp, openThrough, saveThrough, shownTime, type FileHost } from './exchange-files';

export type RestoreStage = 'idle' | 'invalid' | 'confirm';

/** The backup document of a database snapshot. */
export async function backupDocument(repo: Pick<Repository, 'exportAll'>, now: Date): Promise<ExchangeDocument> {
  return createExchangeDocument(await repo.exportAll(), now.toISOString());
}

export class BackupStore {
  busy = false;
  backupOutcome: string | null = null;
  backupError: string | null = null;
  stage: RestoreStage = 'idle';
  fileName = '';
  problems: ExchangeProblem[] = [];
  /** the validated backup waiting for confirmation */
  pending: ExchangeDocument | null = null;
  /** what the file holds and what the database holds now, for the confirmation */
  fileCounts = '';
  currentCounts = '';
  restoreError: string | null = null;
  restoreOutcome: string | null = null;

  constructor(
    private readonly repo: Repository,
    private readonly host: FileHost,
    private readonly now: () => Date,
    private readonly afterRestore: () => Promise<void>,
  ) {
    makeAutoObservable<BackupStore, 'repo' | 'host' | 'now' | 'afterRestore'>(this, {
      repo: false, host: false, now: false, afterRestore: false, pending: observable.ref,
    });
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
      this.stage = 'invalid';
      return;
    }
    const current = await this.repo.exportAll();
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
      // the data about to be replaced goes into the desktop app's automatic backups first
      await automaticBackup(this.repo);
      const result = await this.repo.restoreBackup(doc);
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
      return true;
    } finally {
      runInAction(() => (this.busy = false));
    }
  }
}
