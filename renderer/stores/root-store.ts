// The renderer's state, one store per concern, wired together here: units and year, the project list, the project
// draft, the department-plan draft, the indicator library and undo; the year-end and exchange workspaces.
import { comparer, computed, makeAutoObservable, runInAction } from 'mobx';
import type { Id, Unit } from '../../shared/model';
import type { Repository, RepoResult } from '../db/repository';
import { M } from '../messages';
import type { IndicatorDraft } from './indicator-draft';
import type { AssessmentStore } from './assessment-store';
import { DatabaseLifecycle } from './database-lifecycle';
import type { ExchangeStore } from './exchange-store';
import { replayJournal } from './journal';
import { LibraryStore } from './library-store';
import type { WorkspaceContext } from './workspace-context';
import { PlanDraftStore } from './plan-draft-store';
import { ProjectDraftStore } from './project-draft-store';
import { ProjectListStore } from './project-list-store';
import { UndoStore } from './undo-store';
import { UnitsStore } from './units-store';
import type { WorkspaceStores } from './workspace-stores';

export type Selection = { kind: 'project'; id: Id } | { kind: 'plan' } | null;

const SELECTION_KEY = 'ui.selection';

export type Workspace = 'targets' | 'assessment' | 'exchange';

export class RootStore {
  /** which of the three workspaces the window shows: authoring, year-end self-assessment, export and exchange */
  workspace: Workspace = 'targets';
  /** the stores of the year-end and exchange workspaces: their code is loaded when one of them is first opened */
  private workspaceStores: WorkspaceStores | null = null;
  private workspaceStoresLoading: Promise<WorkspaceStores> | null = null;
  private readonly context: WorkspaceContext;
  readonly undo = new UndoStore();
  readonly units: UnitsStore;
  readonly list: ProjectListStore;
  readonly draft: ProjectDraftStore;
  readonly plan: PlanDraftStore;
  readonly library: LibraryStore;
  selection: Selection = null;
  ready = false;
  /**
   * Status facts of the project in the editor. Compared by value: typing re-validates the draft at every keystroke,
   * and the list must only hear about it when a count actually changes.
   */
  private readonly liveFacts = computed(
    () => {
      const p = this.draft.project;
      if (!p) return null;
      return {
        id: p.id,
        facts: {
          assessmentStatus: p.selfAssessment?.status ?? 'notStarted',
          errorCount: this.draft.errors.length,
          indicatorCount: p.indicators.length,
          hasAnnualGoal: p.annualGoal.trim() !== '',
        },
      };
    },
    { equals: comparer.structural },
  );

  constructor(
    readonly repo: Repository,
    newId: () => Id = () => crypto.randomUUID(),
    /** the database's life: opened first, watched for a newer version elsewhere (main.tsx hands the real one) */
    readonly database: DatabaseLifecycle = new DatabaseLifecycle(null),
  ) {
    this.units = new UnitsStore(repo);
    const env = { scheme: () => this.units.scheme, ruleSet: () => this.units.ruleSet, undo: this.undo, newId };
    this.draft = new ProjectDraftStore(env, repo, (p) => this.list.applySaved(p, this.units.scheme));
    this.plan = new PlanDraftStore(env, repo);
    this.library = new LibraryStore(repo, { scheme: () => this.units.scheme, unit: () => this.units.unit });
    this.list = new ProjectListStore(repo, this.undo, {
      unitId: () => this.units.unitId,
      year: () => this.units.year,
      scheme: () => this.units.scheme,
      ruleSet: () => this.units.ruleSet,
      liveFacts: () => this.liveFacts.get(),
    });
    this.context = {
      unitId: () => this.units.unitId,
      unit: () => this.units.unit,
      units: () => this.units.units,
      year: () => this.units.year,
      scheme: () => this.units.scheme,
      reloadAll: () => this.reloadAll(),
    };
    makeAutoObservable<RootStore, 'repo' | 'liveFacts' | 'context' | 'workspaceStores' | 'workspaceStoresLoading' | 'firstScreen'>(this, {
      repo: false, database: false, liveFacts: false, units: false, list: false, draft: false, plan: false, library: false, undo: false,
      context: false, workspaceStores: false, workspaceStoresLoading: false, firstScreen: false, assessment: false, exchange: false, loadWorkspaceStores: false,
    });
  }

  /** The year-end workspace's store; exists once loadWorkspaceStores() has resolved (before that workspace shows). */
  get assessment(): AssessmentStore {
    if (!this.workspaceStores) throw new Error('the year-end workspace has not been loaded');
    return this.workspaceStores.assessment;
  }

  /** The exchange workspace's store; exists once loadWorkspaceStores() has resolved (before that workspace shows). */
  get exchange(): ExchangeStore {
    if (!this.workspaceStores) throw new Error('the exchange workspace has not been loaded');
    return this.workspaceStores.exchange;
  }

  /** Loads (once) the code of the year-end and exchange workspaces' stores and creates them. */
  loadWorkspaceStores(): Promise<WorkspaceStores> {
    if (this.workspaceStores) return Promise.resolve(this.workspaceStores);
    this.workspaceStoresLoading ??= import('./workspace-stores').then((m) => {
      this.workspaceStores ??= m.createWorkspaceStores(this.repo, this.context);
      return this.workspaceStores;
    });
    return this.workspaceStoresLoading;
  }

  /** The draft shown in the editor, whose problems the check panel lists. */
  get activeDraft(): IndicatorDraft | null {
    if (this.selection?.kind === 'project') return this.draft.project ? this.draft : null;
    if (this.selection?.kind === 'plan') return this.plan.plan ? this.plan : null;
    return null;
  }

  private firstScreen: Promise<void> | null = null;

  /**
   * What the first screen shows: unsaved edits recovered, the units, the list of the remembered unit and year.
   * main.tsx renders once this is in, so the window paints the list in one go rather than an empty frame first.
   */
  loadFirstScreen(): Promise<void> {
    this.firstScreen ??= (async () => {
      // a database that cannot be opened shows its failure screen instead (app/DatabaseFailure.tsx)
      if (!(await this.database.open())) return;
      await this.recoverUnsavedDraft();
      await this.units.load();
      await this.list.reload();
    })();
    return this.firstScreen;
  }

  async start(): Promise<void> {
    await this.loadFirstScreen();
    if (this.database.state.kind === 'failed') return;
    const saved = await this.repo.settings.get(SELECTION_KEY);
    if (isSelection(saved)) {
      // the list is shown first; the remembered draft opens after it has been painted
      if (saved.kind === 'project' && this.list.summaries.some((s) => s.id === saved.id)) {
        await afterPaint();
        await this.openProject(saved.id);
      } else if (saved.kind === 'plan') {
        await afterPaint();
        await this.openPlan();
      }
    }
    runInAction(() => (this.ready = true));
  }

  /** A draft the closing page could not write to the database was kept in localStorage: write it now. */
  private async recoverUnsavedDraft(): Promise<void> {
    await replayJournal(this.repo);
  }

  async setWorkspace(workspace: Workspace): Promise<void> {
    // edits in the editor are saved before another workspace reads the same records
    await this.flushAll();
    if (workspace !== 'targets') await this.loadWorkspaceStores();
    runInAction(() => (this.workspace = workspace));
    if (workspace === 'targets') await this.reloadAll();
  }

  /** Data changed underneath the authoring screens (an import, a restore, year-end edits): read it again. */
  async reloadAll(): Promise<void> {
    await this.flushAll();
    this.library.invalidate();
    await this.units.load();
    await this.list.reload();
    if (this.selection?.kind === 'project') await this.draft.load(this.selection.id);
    else if (this.selection?.kind === 'plan') await this.openPlan();
  }

  async flushAll(): Promise<void> {
    await Promise.all([this.draft.autosaver.flush(), this.plan.autosaver.flush(), this.workspaceStores?.assessment.flush()]);
  }

  /** The page is being hidden or closed: keep a synchronous copy of unsaved edits, and start saving them. */
  onPageHide(): void {
    this.draft.writeJournalIfUnsaved();
    this.plan.writeJournalIfUnsaved();
    this.workspaceStores?.assessment.onPageHide();
    void this.flushAll();
  }

  private async select(selection: Selection): Promise<void> {
    runInAction(() => (this.selection = selection));
    await this.repo.settings.set(SELECTION_KEY, selection);
  }

  async selectUnit(id: Id): Promise<void> {
    await this.flushAll();
    await this.units.selectUnit(id);
    await this.afterContextChange();
  }

  async selectYear(year: number): Promise<void> {
    await this.flushAll();
    await this.units.selectYear(year);
    await this.afterContextChange();
  }

  /**
   * Deletes a unit that holds nothing; the choice of unit then moves on (units-store.ts). Pending edits are saved
   * first, so a plan just typed for this unit is in the database and the repository refuses.
   */
  async deleteUnit(id: Id): Promise<RepoResult<Unit>> {
    await this.flushAll();
    const wasChosen = this.units.unitId === id;
    const result = await this.units.delete(id);
    if (!result.ok) return result;
    if (wasChosen) await this.afterContextChange();
    this.undo.inform(M.deletedUnit(result.value.name));
    return result;
  }

  private async afterContextChange(): Promise<void> {
    await this.draft.load(null);
    await this.list.reload();
    // with no unit left there is no plan to show
    if (this.selection?.kind === 'plan' && this.units.unitId) await this.openPlan();
    else await this.select(null);
  }

  async openProject(id: Id): Promise<void> {
    await this.plan.autosaver.flush();
    await this.select({ kind: 'project', id });
    await this.draft.load(id);
  }

  async openPlan(): Promise<void> {
    const unitId = this.units.unitId;
    if (!unitId) return;
    await this.draft.load(null);
    await this.select({ kind: 'plan' });
    await this.plan.load(unitId, this.units.year);
  }

  async createProject(): Promise<void> {
    const result = await this.list.create();
    if (typeof result === 'string') this.undo.inform(result, 'error');
    else await this.openProject(result.id);
  }

  async duplicateProject(id: Id): Promise<void> {
    await this.draft.autosaver.flush();
    const result = await this.list.duplicate(id);
    if (typeof result === 'string') this.undo.inform(result, 'error');
    else await this.openProject(result.id);
  }

  /** Deletes projects (after saving the open one, so 撤销 brings back its latest text). */
  async deleteProjects(ids: readonly Id[]): Promise<void> {
    await this.draft.autosaver.flush();
    if (this.draft.projectId && ids.includes(this.draft.projectId)) {
      this.draft.close();
      await this.select(null);
    }
    await this.list.delete(ids);
  }

  async copySelectedToNextYear(): Promise<void> {
    await this.flushAll();
    await this.list.copySelectedToNextYear();
    this.library.invalidate();
    await this.units.loadYears();
  }

  async copyYearToNextYear(): Promise<void> {
    await this.flushAll();
    await this.list.copyYearToNextYear();
    this.library.invalidate();
    await this.units.loadYears();
  }

  async undoLast(): Promise<boolean> {
    return this.undo.undoLast();
  }

  get unitName(): string {
    return this.units.unit?.name ?? M.pickUnit;
  }
}

/** Resolves once the next frame has been produced (or soon, where frames do not come: no DOM, a hidden window). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 50);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

function isSelection(x: unknown): x is Exclude<Selection, null> {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as { kind?: unknown; id?: unknown };
  return (s.kind === 'project' && typeof s.id === 'string') || s.kind === 'plan';
}

