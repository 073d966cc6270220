// The unit directory (单位名录, shared/directory.ts): the supervisor hands it down (下发单位目录, one package per unit or
// one for all); a unit imports it and is set up, its own unit under the right parent with the scheme and rule sets
// the supervisor gave it; and a package sent up is placed onto the units the supervisor knows, with name-only matches
// confirmed by someone before anything is written.
import { makeAutoObservable, observable, runInAction } from 'mobx';
import {
  buildDirectoryPackage,
  matchUnitsToDirectory,
  planDirectoryImport,
  type DirectoryImportPlan,
  type DirectoryStep,
  type UnitDecision,
  type UnitPlacement,
} from '../../shared/directory';
import type { ExchangeDocument } from '../../shared/exchange/exchange';
import { isLibraryRecords } from '../../shared/library/own-library';
import type { Id, LibraryRecord, Unit } from '../../shared/model';
import { UnitTree, type UnitAtDepth } from '../../shared/unit-tree';
import type { DataSet, Repository, StoredUnit } from '../db/repository';
import { MR } from '../messages-review';
import { fileStamp, savePackageThrough, showSave, type FileHost } from './exchange-files';
import { backupBeforeChange } from './exchange-startup';
import { SHARED_LIBRARY_KEY } from './library-store';
import { UNIT_KEY } from './units-store';
import type { WorkspaceContext } from './workspace-context';

/** 下发单位目录 (the supervisor): the chosen unit's units, and a package for one of them or for all. */
export class DirectoryExportStore {
  units: StoredUnit[] = [];
  library: LibraryRecord[] = [];
  busy = false;
  messages: string[] = [];
  outcome: string | null = null;

  constructor(
    private readonly repo: Repository,
    private readonly context: WorkspaceContext,
    private readonly host: FileHost,
    private readonly now: () => Date,
  ) {
    makeAutoObservable<DirectoryExportStore, 'repo' | 'context' | 'host' | 'now'>(this, {
      repo: false, context: false, host: false, now: false, units: observable.ref, library: observable.ref,
    });
  }

  async load(): Promise<void> {
    const [units, library] = await Promise.all([this.repo.units.list(), this.repo.settings.get(SHARED_LIBRARY_KEY)]);
    runInAction(() => {
      this.units = units;
      this.library = isLibraryRecords(library) ? library : [];
    });
  }

  get supervisor(): Unit | undefined {
    return this.units.find((u) => u.id === this.context.unitId());
  }

  /** The units below the supervisor, indented, each of which can be given its package. */
  get below(): UnitAtDepth[] {
    const id = this.context.unitId();
    return id ? new UnitTree(this.units).descendants(id) : [];
  }

  /** Saves the directory package for one unit, or (null) for every unit below the supervisor. */
  async exportFor(unitId: Id | null): Promise<boolean> {
    const supervisor = this.supervisor;
    if (!supervisor || this.busy) return false;
    this.messages = [];
    this.outcome = null;
    await this.load();
    // packages carry content only: the local revisions stay here
    const units = this.units.map(({ revision: _r, ...u }) => u);
    const built = buildDirectoryPackage({ units, library: this.library }, supervisor.id, unitId ? [unitId] : undefined, this.now().toISOString(), supervisor.name);
    if (!built.ok) {
      this.messages = built.errors;
      return false;
    }
    this.busy = true;
    try {
      const who = unitId ? this.units.find((u) => u.id === unitId) : supervisor;
      const name = MR.directoryFileName(who?.shortName ?? who?.name ?? '', unitId === null, fileStamp(this.now()));
      const saved = await savePackageThrough(this.host, name, built.document);
      return runInAction(() => showSave(this, saved, (file) => MR.directorySaved(file, built.document.directory!.unitIds.length)));
    } finally {
      runInAction(() => (this.busy = false));
    }
  }
}

/** 导入单位名录 (the unit): the plan of planDirectoryImport, the confirmations it asks for, and the set-up. */
export class DirectoryImportStore {
  fileName = '';
  document: ExchangeDocument | null = null;
  local: DataSet | null = null;
  /** what was decided about name-only matches, by the unit's id in the package */
  decisions = new Map<Id, UnitDecision>();
  /** which of the units of a package for several this installation is; null: not chosen yet */
  ownUnitId: Id | null = null;
  busy = false;
  errors: string[] = [];

  constructor(
    private readonly repo: Repository,
    private readonly host: object,
    private readonly now: () => Date,
    private readonly afterImport: () => Promise<void>,
  ) {
    makeAutoObservable<DirectoryImportStore, 'repo' | 'host' | 'now' | 'afterImport'>(this, {
      repo: false, host: false, now: false, afterImport: false, document: observable.ref, local: observable.ref,
    });
  }

  async load(fileName: string, doc: ExchangeDocument): Promise<void> {
    this.reset();
    this.fileName = fileName;
    this.busy = true;
    try {
      const local = await this.repo.exchange.exportAll();
      runInAction(() => {
        this.document = doc;
        this.local = local;
        const issued = doc.directory?.unitIds ?? [];
        if (issued.length === 1) this.ownUnitId = issued[0];
      });
    } finally {
      runInAction(() => (this.busy = false));
    }
  }

  reset(): void {
    this.fileName = '';
    this.document = null;
    this.local = null;
    this.decisions = new Map();
    this.ownUnitId = null;
    this.errors = [];
  }

  /** The units the package was issued for: a package for several asks which of them this installation is. */
  get issued(): Unit[] {
    const doc = this.document;
    return doc?.directory ? doc.directory.unitIds.map((id) => doc.units.find((u) => u.id === id)).filter((u): u is Unit => u !== undefined) : [];
  }

  get issuedBy(): Unit | undefined {
    const doc = this.document;
    return doc?.units.find((u) => u.id === doc.directory?.issuedBy);
  }

  /** The plan for the chosen unit; null while a package for several units waits for the choice. */
  get plan(): DirectoryImportPlan | null {
    if (!this.document || !this.local || this.ownUnitId === null) return null;
    return planDirectoryImport(this.local, this.document, { decisions: this.decisions, ownUnitIds: [this.ownUnitId], now: this.document.directory?.issuedAt });
  }

  /** The step that sets up this installation's own unit. */
  get ownStep(): DirectoryStep | undefined {
    return this.plan?.steps.find((s) => s.issued);
  }

  chooseOwn(id: Id): void {
    this.ownUnitId = id;
    this.decisions = new Map();
    this.errors = [];
  }

  /** A name-only match: the same unit as the local one proposed, or a unit of its own. */
  confirm(incomingId: Id, same: boolean): void {
    const match = this.plan?.confirmations.find((m) => m.incoming.id === incomingId) ?? null;
    const local = match?.local ?? match?.candidates[0];
    const next = new Map(this.decisions);
    next.set(incomingId, same && local ? { kind: 'same', localId: local.id } : { kind: 'new' });
    this.decisions = next;
    this.errors = [];
  }

  /** Nothing to write: every unit is already as the directory has it. */
  get upToDate(): boolean {
    const plan = this.plan;
    return plan !== null && plan.problems.length === 0 && plan.confirmations.length === 0 && plan.steps.every((s) => s.action === 'unchanged');
  }

  get blocked(): boolean {
    const plan = this.plan;
    return plan === null || plan.problems.length > 0 || plan.confirmations.length > 0;
  }

  /** Sets the units up in one transaction (after the automatic backup); returns a line for the history, or null. */
  async apply(): Promise<string | null> {
    const plan = this.plan;
    const own = this.ownStep;
    if (!plan || !own || this.busy) return null;
    if (plan.confirmations.length > 0) {
      this.errors = [MR.directoryConfirmFirst(plan.confirmations.length)];
      return null;
    }
    if (plan.problems.length > 0) return null;
    if (this.upToDate) {
      this.errors = [MR.directoryUpToDate];
      return null;
    }
    this.busy = true;
    try {
      const backed = await backupBeforeChange(this.repo, 'import', this.host, this.now);
      if (!backed.ok) {
        runInAction(() => (this.errors = [backed.message]));
        return null;
      }
      const result = await this.repo.directory.setUp({
        records: plan.records,
        expected: plan.steps.map((s) => ({ id: s.record.id, updatedAt: s.local?.updatedAt ?? null })),
        library: { key: SHARED_LIBRARY_KEY, records: plan.library },
        choose: { key: UNIT_KEY, unitId: own.record.id },
      });
      if (!result.ok) {
        runInAction(() => (this.errors = [result.error]));
        return null;
      }
      await this.afterImport();
      const line = MR.directoryApplied(own.record.name, plan.issuedBy?.name ?? '', result.value.length);
      runInAction(() => this.reset());
      return line;
    } finally {
      runInAction(() => (this.busy = false));
    }
  }
}

/**
 * Where the units of a package sent up land (shared/directory.ts matchUnitsToDirectory): by id, by code, or by a
 * name someone confirms. The import waits for every name-only match to be confirmed or refused.
 */
export class UnitPlacementStore {
  localUnits: Unit[] = [];
  document: ExchangeDocument | null = null;
  decisions = new Map<Id, UnitDecision>();

  constructor(private readonly repo: Repository) {
    makeAutoObservable<UnitPlacementStore, 'repo'>(this, { repo: false, localUnits: observable.ref, document: observable.ref });
  }

  async load(doc: ExchangeDocument): Promise<void> {
    const units = await this.repo.units.list();
    runInAction(() => {
      this.localUnits = units;
      this.document = doc;
      this.decisions = new Map();
    });
  }

  reset(): void {
    this.document = null;
    this.decisions = new Map();
  }

  get placements(): UnitPlacement[] {
    return this.document ? matchUnitsToDirectory({ units: this.localUnits }, this.document, this.decisions).placements : [];
  }

  /**
   * The placements worth showing: units recognised other than by id, name matches (decided or not), units placed at
   * the top or nowhere.
   */
  get notable(): UnitPlacement[] {
    return this.placements.filter(
      (p) => this.decisions.has(p.incoming.id) || (p.by !== 'id' && (p.local !== null || p.orphan || p.newTopLevel || p.attention !== null)),
    );
  }

  /** For a unit matched by name only, the local unit proposed, whatever was decided since. */
  proposalFor(incomingId: Id): Unit | undefined {
    const first = this.undecided.find((p) => p.incoming.id === incomingId);
    return first?.needsConfirmation ? (first.local ?? first.candidates[0]) : undefined;
  }

  private get undecided(): UnitPlacement[] {
    return this.document ? matchUnitsToDirectory({ units: this.localUnits }, this.document).placements : [];
  }

  /** Name-only matches nobody has confirmed or refused yet. */
  get pending(): UnitPlacement[] {
    return this.placements.filter((p) => p.needsConfirmation && !this.decisions.has(p.incoming.id));
  }

  decide(incomingId: Id, same: boolean): void {
    const local = this.proposalFor(incomingId);
    const next = new Map(this.decisions);
    next.set(incomingId, same && local ? { kind: 'same', localId: local.id } : { kind: 'new' });
    this.decisions = next;
  }

  /** The decision taken about a unit: 'same', 'new', or null. */
  decisionOf(incomingId: Id): 'same' | 'new' | null {
    return this.decisions.get(incomingId)?.kind ?? null;
  }

  parentName(id: Id | null): string {
    if (id === null) return MR.topLevel;
    return this.localUnits.find((u) => u.id === id)?.name ?? this.document?.units.find((u) => u.id === id)?.name ?? id;
  }
}
