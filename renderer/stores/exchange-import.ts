// 导入数据包: a supervisor consolidates the packages of its units. Parse (every problem listed) → plan against the
// database (shared/consolidation.ts) → show it and let the user settle each conflict → apply all or nothing.
import { backupBeforeChange } from './exchange-startup';
import { makeAutoObservable, observable, runInAction } from 'mobx';
import { applyPlan, expectedLocalState, type ConflictChoice, type ImportPlan, type PlanEntry } from '../../shared/consolidation';
import { parseExchange, type ExchangeDocument, type ExchangeProblem, type ProblemGroup } from '../../shared/exchange/exchange';
import type { Id } from '../../shared/model';
import type { OpenedFile } from '../platform/platform';
import type { Repository } from '../db/repository';
import { MX } from '../messages-exchange';
import { BatchImportStore } from './exchange-batch-import';
import { openSeveralThrough, type FileHost } from './exchange-files';
import { IMPORT_FILTERS, isTableFile } from './file-import-store';
import { receiveLibraryRecords } from './library-store';
import { DirectoryImportStore, UnitPlacementStore } from './directory-store';
import { ReviewImportStore } from './review-store';
import { MR } from '../messages-review';

/** 'directory' and 'review': a package a supervisor handed down, imported by directory-store.ts or review-store.ts */
export type ImportStage = 'idle' | 'invalid' | 'planned' | 'directory' | 'review';

/** The reading of Excel and Word tables (file-import-store.ts), which hands its document back to planDocument. */
export interface TableReader {
  open(file: OpenedFile): Promise<void>;
  reset(): void;
}

export interface ImportedPackage {
  fileName: string;
  summary: string;
}

export class ImportStore {
  stage: ImportStage = 'idle';
  fileName = '';
  /** why the file cannot be read as a package */
  problems: ExchangeProblem[] = [];
  /** how many problems the file has; `problems` lists the first ones */
  problemCount = 0;
  /** `problems` by the record they are in */
  problemGroups: ProblemGroup[] = [];
  document: ExchangeDocument | null = null;
  plan: ImportPlan | null = null;
  /** incoming record id → the side chosen for that conflict */
  choices = new Map<Id, ConflictChoice>();
  /** refusals of the last apply (unresolved conflicts, a failed write) */
  errors: string[] = [];
  busy = false;
  outcome: string | null = null;
  /** packages imported since the workspace opened */
  history: ImportedPackage[] = [];
  /** a unit directory handed down (导入单位名录) */
  readonly directoryImport: DirectoryImportStore;
  /** review opinions handed down (导入审核意见) */
  readonly reviewImport: ReviewImportStore;
  /** where the units of a package sent up land, and the name-only matches to confirm */
  readonly placement: UnitPlacementStore;
  /** several packages picked at once, imported one after another */
  readonly batch: BatchImportStore;

  constructor(
    private readonly repo: Repository,
    private readonly host: FileHost,
    private readonly now: () => Date,
    private readonly afterImport: () => Promise<void>,
    private readonly tables?: TableReader,
  ) {
    this.directoryImport = new DirectoryImportStore(repo, host, now, afterImport);
    this.reviewImport = new ReviewImportStore(repo, host, now, afterImport);
    this.placement = new UnitPlacementStore(repo);
    this.batch = new BatchImportStore(
      repo,
      host,
      now,
      afterImport,
      // a package left out of a run opens here on its own, as if picked alone
      (file) => (this.tables && isTableFile(file) ? (this.reset(), this.tables.open(file)) : this.load(file.name, file.bytes)),
      (imported) => runInAction(() => (this.history = [...this.history, imported])),
    );
    makeAutoObservable<ImportStore, 'repo' | 'host' | 'now' | 'afterImport' | 'tables'>(this, {
      repo: false, host: false, now: false, afterImport: false, tables: false, document: observable.ref, plan: observable.ref,
      directoryImport: false, reviewImport: false, placement: false, batch: false,
    });
  }

  /** Asks the platform for a file and plans its import; several files picked at once are imported one by one. */
  async pick(): Promise<void> {
    const opened = await openSeveralThrough(this.host, IMPORT_FILTERS);
    if (opened.kind === 'several') {
      this.tables?.reset();
      this.reset();
      return this.batch.run(opened.files);
    }
    if (opened.kind === 'cancelled') return;
    this.tables?.reset();
    if (this.tables && opened.kind === 'opened' && isTableFile(opened.file)) {
      this.reset();
      return this.tables.open(opened.file);
    }
    if (opened.kind === 'failed') {
      runInAction(() => {
        this.reset();
        this.errors = [opened.message];
      });
      return;
    }
    await this.load(opened.file.name, opened.file.bytes);
  }

  /** Parses and plans a package; writes nothing. */
  async load(fileName: string, bytes: Uint8Array): Promise<void> {
    this.reset();
    this.fileName = fileName;
    const parsed = parseExchange(bytes);
    if (!parsed.ok) {
      this.problems = parsed.problems;
      this.problemCount = parsed.problemCount;
      this.problemGroups = parsed.groups;
      this.stage = 'invalid';
      return;
    }
    await this.planDocument(fileName, parsed.document);
  }

  /** Plans the import of a document (a package's, or one read from a table); writes nothing. */
  async planDocument(fileName: string, document: ExchangeDocument): Promise<void> {
    this.reset();
    this.fileName = fileName;
    const handedDown = document.directory?.purpose;
    if (handedDown) {
      await (handedDown === 'directory' ? this.directoryImport : this.reviewImport).load(fileName, document);
      runInAction(() => (this.stage = handedDown));
      return;
    }
    this.busy = true;
    try {
      await this.placement.load(document);
      const plan = await this.repo.exchange.planPackageImport(document, { unitDecisions: this.placement.decisions });
      runInAction(() => {
        this.document = document;
        this.plan = plan;
        this.stage = 'planned';
      });
    } finally {
      runInAction(() => (this.busy = false));
    }
  }

  reset(): void {
    this.stage = 'idle';
    this.fileName = '';
    this.problems = [];
    this.problemCount = 0;
    this.problemGroups = [];
    this.document = null;
    this.plan = null;
    this.choices = new Map();
    this.errors = [];
    this.outcome = null;
    this.directoryImport.reset();
    this.reviewImport.reset();
    this.placement.reset();
  }

  /** A unit of the package matched by name only: it is the local unit proposed (same), or a unit of its own. */
  async decideUnit(incomingId: Id, same: boolean): Promise<void> {
    const document = this.document;
    if (!document || this.busy) return;
    this.placement.decide(incomingId, same);
    this.errors = [];
    const plan = await this.repo.exchange.planPackageImport(document, { unitDecisions: this.placement.decisions });
    runInAction(() => {
      if (this.document === document) this.plan = plan;
    });
  }

  /** Imports the package a supervisor handed down (a unit directory, review opinions); records it in the history. */
  async applyHandedDown(): Promise<boolean> {
    const fileName = this.fileName;
    const line = this.stage === 'directory' ? await this.directoryImport.apply() : this.stage === 'review' ? await this.reviewImport.apply() : null;
    if (line === null) return false;
    runInAction(() => {
      this.reset();
      this.outcome = MR.handedDownApplied(fileName, line);
      this.history = [...this.history, { fileName, summary: line }];
    });
    return true;
  }

  choose(id: Id, choice: ConflictChoice): void {
    this.choices.set(id, choice);
    this.errors = [];
  }

  chooseAll(choice: ConflictChoice): void {
    this.choices = new Map((this.plan?.conflicts ?? []).map((c) => [c.id, choice]));
    this.errors = [];
  }

  get unresolvedCount(): number {
    return (this.plan?.conflicts ?? []).filter((c) => !this.choices.has(c.id)).length;
  }

  get blocked(): boolean {
    return (this.plan?.problems.length ?? 0) > 0 || this.placement.pending.length > 0;
  }

  get summary(): string {
    const p = this.plan;
    return p ? MX.importSummary(p.add.length, p.update.length, p.unchanged.length, p.keepLocal.length, p.conflicts.length) : '';
  }

  /** Nothing would be written but the bases (everything unchanged or kept local). */
  get nothingNew(): boolean {
    const p = this.plan;
    return p !== null && p.add.length + p.update.length + p.conflicts.length === 0 && p.problems.length === 0;
  }

  /** Writes the plan in one transaction; on success reloads the app's data. Returns whether it was written. */
  async apply(): Promise<boolean> {
    const plan = this.plan;
    if (!plan || this.busy) return false;
    if (this.placement.pending.length > 0) {
      this.errors = [MR.confirmUnitsFirst(this.placement.pending.length)];
      return false;
    }
    const applied = applyPlan(plan, this.choices, this.now().toISOString());
    if (!applied.ok) {
      this.errors = applied.errors;
      return false;
    }
    this.busy = true;
    try {
      const { records, bases } = applied.value;
      // the local state the plan was read against; the repository refuses if it has changed since
      const expected = expectedLocalState(plan);
      // the data about to be changed goes into the automatic backups first; without that backup nothing is written
      const backed = await backupBeforeChange(this.repo, 'import', this.host, this.now);
      if (!backed.ok) {
        runInAction(() => (this.errors = [backed.message]));
        return false;
      }
      const result = await this.repo.exchange.applyImport(records, bases, expected);
      if (!result.ok) {
        runInAction(() => (this.errors = [result.error]));
        return false;
      }
      // the sender's own indicator library (a supervisor's common one) joins the entries received before
      if (this.document?.library) await receiveLibraryRecords(this.repo, this.document.library);
      const written = records.units.length + records.projects.length + records.departmentPlans.length;
      const fileName = this.fileName;
      const summary = this.summary;
      await this.afterImport();
      runInAction(() => {
        this.reset();
        this.outcome = MX.importApplied(fileName, written);
        this.history = [...this.history, { fileName, summary }];
        this.batch.importedAlone(fileName, summary);
      });
      return true;
    } finally {
      runInAction(() => (this.busy = false));
    }
  }
}

/** The entries of a plan section in display order: units, then projects, then plans. */
export function orderedEntries(entries: readonly PlanEntry[]): PlanEntry[] {
  const rank = { unit: 0, project: 1, departmentPlan: 2 } as const;
  return [...entries].sort((a, b) => rank[a.kind] - rank[b.kind]);
}
