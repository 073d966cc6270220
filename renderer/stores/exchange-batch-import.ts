// 批量导入: a supervisor picks the packages of many units at once and they are imported one after another, each in a
// transaction of its own (all or nothing), after ONE automatic backup taken before the first write: the backup holds
// the data as it was before the run, and every package after it only adds to that. A package that needs the user —
// conflicts to choose, units matched by name only to confirm, records that cannot be imported, a file that is no unit
// package — is not imported; it is listed with the reason, to be opened on its own afterwards (the single import shows
// its plan and the choices), and the run goes on. 取消 stops before the next package: what was imported stays, the
// rest is untouched.
import { makeAutoObservable, observable, runInAction } from 'mobx';
import { applyPlan, expectedLocalState } from '../../shared/consolidation';
import { matchUnitsToDirectory } from '../../shared/directory';
import { parseExchange } from '../../shared/exchange/exchange';
import type { Repository } from '../db/repository';
import { MS } from '../messages-city';
import { MX } from '../messages-exchange';
import type { OpenedFile } from '../platform/platform';
import { backupBeforeChange } from './exchange-startup';
import { isTableFile } from './file-import-store';
import { receiveLibraryRecords } from './library-store';

export type BatchStatus = 'waiting' | 'imported' | 'needsChoice' | 'refused' | 'notRun';

export interface BatchEntry {
  fileName: string;
  status: BatchStatus;
  /** what was written (the plan's summary line), or why not */
  detail: string;
  /** how long the package took, parse to written, in ms (the bench reads it) */
  ms: number;
}

/** A package imported in the run, for the import section's history. */
export interface BatchImported {
  fileName: string;
  summary: string;
}

type Outcome = { status: 'imported' | 'needsChoice' | 'refused'; detail: string } | { status: 'stop'; detail: string };

export class BatchImportStore {
  entries: BatchEntry[] = [];
  running = false;
  /** the package being imported, from 1; 0 when no run is under way */
  position = 0;
  cancelRequested = false;
  /** why the run stopped before its end, other than a cancel (the backup could not be written, a storage fault) */
  error: string | null = null;
  /** the line shown once the run is over */
  outcome: string | null = null;
  /** the files of the last run, by position, to open one on its own */
  private files: readonly OpenedFile[] = [];

  constructor(
    private readonly repo: Repository,
    /** keeps the backups (the platform); a host without writeBackup (a test's) skips them */
    private readonly host: object,
    private readonly now: () => Date,
    /** reloads what the app shows; called once, after the run, when something was imported */
    private readonly afterImport: () => Promise<void>,
    /** opens one file in the single import, where its plan and choices are shown */
    private readonly openOne: (file: OpenedFile) => Promise<void>,
    private readonly remember: (imported: BatchImported) => void,
  ) {
    makeAutoObservable<BatchImportStore, 'repo' | 'host' | 'now' | 'afterImport' | 'openOne' | 'remember' | 'files'>(this, {
      repo: false, host: false, now: false, afterImport: false, openOne: false, remember: false, files: false, entries: observable.shallow,
    });
  }

  get total(): number {
    return this.entries.length;
  }

  get importedCount(): number {
    return this.entries.filter((e) => e.status === 'imported').length;
  }

  /** "正在导入 37/100：……" while a run is under way */
  get progress(): string | null {
    if (!this.running || this.position === 0) return null;
    return MS.batchProgress(this.position, this.total, this.entries[this.position - 1].fileName);
  }

  /** Stops the run before its next package; the one being written finishes (it is all or nothing). */
  cancel(): void {
    if (this.running) this.cancelRequested = true;
  }

  /** Whether a listed package can be opened on its own (one that was read but not imported). */
  canOpen(index: number): boolean {
    const status = this.entries[index]?.status;
    return !this.running && (status === 'needsChoice' || status === 'refused') && this.files[index] !== undefined;
  }

  async open(index: number): Promise<void> {
    const file = this.files[index];
    if (file && this.canOpen(index)) await this.openOne(file);
  }

  /** A package the run left out was imported on its own afterwards: the list says so. */
  importedAlone(fileName: string, summary: string): void {
    this.entries = this.entries.map((e) =>
      e.fileName === fileName && (e.status === 'needsChoice' || e.status === 'refused') ? { ...e, status: 'imported', detail: MS.batchImportedAlone(summary) } : e,
    );
  }

  /** Imports the files one after another; resolves when the run is over (done, cancelled or stopped). */
  async run(files: readonly OpenedFile[]): Promise<void> {
    if (this.running) return;
    this.files = files;
    this.entries = files.map((f) => ({ fileName: f.name, status: 'waiting', detail: '', ms: 0 }));
    this.running = true;
    this.cancelRequested = false;
    this.error = null;
    this.outcome = null;
    let backedUp = false;
    const backupOnce = async (): Promise<string | null> => {
      if (backedUp) return null;
      const backed = await backupBeforeChange(this.repo, 'import', this.host, this.now);
      backedUp = backed.ok;
      return backed.ok ? null : backed.message;
    };
    try {
      for (let i = 0; i < files.length && !this.cancelRequested; i++) {
        runInAction(() => (this.position = i + 1));
        const started = performance.now();
        const outcome = await this.importOne(files[i], backupOnce);
        const ms = performance.now() - started;
        if (outcome.status === 'stop') {
          runInAction(() => (this.error = outcome.detail));
          break;
        }
        runInAction(() => (this.entries[i] = { ...this.entries[i], status: outcome.status, detail: outcome.detail, ms }));
        if (outcome.status === 'imported') this.remember({ fileName: files[i].name, summary: outcome.detail });
      }
    } finally {
      const imported = this.importedCount;
      try {
        if (imported > 0) await this.afterImport();
      } finally {
        this.finish(imported);
      }
    }
  }

  /** The run is over: what was not reached is said so, and the outcome line written. */
  private finish(imported: number): void {
    runInAction(() => {
      this.entries = this.entries.map((e) => (e.status === 'waiting' ? { ...e, status: 'notRun' } : e));
      const rest = this.entries.filter((e) => e.status === 'notRun').length;
      const leftOut = this.entries.filter((e) => e.status === 'needsChoice' || e.status === 'refused').length;
      const head =
        this.error !== null ? MS.batchStopped(imported, rest) : rest > 0 ? MS.batchCancelled(imported, rest) : MS.batchDone(imported, this.total);
      this.outcome = leftOut > 0 ? `${head}${MS.batchLeftOut(leftOut)}` : head;
      this.running = false;
      this.position = 0;
      this.cancelRequested = false;
    });
  }

  /** One package: read, plan against the database, and written when nothing in it needs the user. */
  private async importOne(file: OpenedFile, backupOnce: () => Promise<string | null>): Promise<Outcome> {
    if (isTableFile(file)) return { status: 'refused', detail: MS.batchNotPackage };
    const parsed = parseExchange(file.bytes);
    if (!parsed.ok) return { status: 'refused', detail: MS.batchInvalid(parsed.problemCount, parsed.problems[0]?.message ?? '') };
    const doc = parsed.document;
    if (doc.directory?.purpose) return { status: 'refused', detail: MS.batchHandedDown };
    try {
      const pending = matchUnitsToDirectory({ units: await this.repo.units.list() }, doc).placements.filter((p) => p.needsConfirmation);
      if (pending.length > 0) return { status: 'needsChoice', detail: MS.batchUnitsToConfirm(pending.length) };
      const plan = await this.repo.exchange.planPackageImport(doc);
      if (plan.problems.length > 0) return { status: 'refused', detail: MS.batchBlocked(plan.problems.length, plan.problems[0].message) };
      if (plan.conflicts.length > 0) return { status: 'needsChoice', detail: MS.batchConflicts(plan.conflicts.length) };
      const applied = applyPlan(plan, new Map(), this.now().toISOString());
      if (!applied.ok) return { status: 'refused', detail: applied.errors[0] ?? '' };
      // the data as it was before the run goes into the automatic backups; without that backup nothing is written
      const backupFailed = await backupOnce();
      if (backupFailed !== null) return { status: 'stop', detail: backupFailed };
      const result = await this.repo.exchange.applyImport(applied.value.records, applied.value.bases, expectedLocalState(plan));
      if (!result.ok) return { status: 'refused', detail: result.error };
      if (doc.library) await receiveLibraryRecords(this.repo, doc.library);
      return { status: 'imported', detail: MX.importSummary(plan.add.length, plan.update.length, plan.unchanged.length, plan.keepLocal.length, 0) };
    } catch (e) {
      // a storage fault, not something about this package: the packages after it would meet the same
      return { status: 'stop', detail: MS.batchCrashed(e instanceof Error ? e.message : String(e)) };
    }
  }
}
