// The renderer's state, one store per concern, wired together here: where the window is (navigation), units and year,
// the project list, the project draft, the department-plan draft, the indicator library, undo and the conflict dialog;
// the year-end and exchange workspaces. What other windows save arrives through the repository's change feed.
import { comparer, computed, makeAutoObservable, runInAction } from 'mobx';
import type { Id, Unit } from '../../shared/model';
import type { ChangeBatch, Repository, RepoResult } from '../db/repository';
import { M } from '../messages';
import type { IndicatorDraft } from './indicator-draft';
import type { AssessmentStore } from './assessment-store';
import { ConflictStore } from './conflict-store';
import { DatabaseLifecycle } from './database-lifecycle';
import type { ExchangeStore } from './exchange-store';
import { replayJournal } from './journal';
import { LibraryStore } from './library-store';
import { NavigationStore, type Route, type Screen, type Selection } from './navigation-store';
import type { WorkspaceContext } from './workspace-context';
import { PlanDraftStore } from './plan-draft-store';
import { ProjectDraftStore } from './project-draft-store';
import { ProjectListStore } from './project-list-store';
import { UndoStore } from './undo-store';
import { UnitsStore } from './units-store';
import { UnitReviewStore } from './unit-review-store';
import type { WorkspaceStores } from './workspace-stores';

export type { Selection } from './navigation-store';
export type Workspace = Screen;

export class RootStore {
  /** where the window is: the workspace and what it shows (navigation-store.ts) */
  readonly navigation: NavigationStore;
  /** the dialog of a save refused because another window saved first */
  readonly conflicts = new ConflictStore();
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
  /** 绩效目标审核 of the project in the editor (提交审核, the opinions and answers) */
  readonly review: UnitReviewStore;
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
    this.navigation = new NavigationStore(repo.settings, {
      prepare: (to, from) => this.prepare(to, from),
      blocked: (message) => this.undo.inform(message, 'error'),
    });
    this.units = new UnitsStore(repo, undefined, {
      ask: this.conflicts.ask,
      sectorLabel: (id) => this.library.catalog?.SECTORS.find((s) => s.id === id)?.label ?? id,
    });
    const env = { scheme: () => this.units.scheme, ruleSet: () => this.units.ruleSet, undo: this.undo, newId, conflicts: this.conflicts.ask };
    this.draft = new ProjectDraftStore(env, repo, (p) => this.list.applySaved(p, this.units.scheme));
    this.plan = new PlanDraftStore(env, repo);
    this.library = new LibraryStore(repo, { scheme: () => this.units.scheme, unit: () => this.units.unit });
    this.review = new UnitReviewStore(repo, {
      project: () => this.draft.project,
      flush: () => this.draft.autosaver.commit(),
      reload: async (id) => {
        await this.draft.load(id);
        await this.list.reload();
      },
      now: () => new Date(),
      newId,
    });
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
      navigation: this.navigation,
      ask: this.conflicts.ask,
    };
    // the drafts register their saving: no move leaves their edits behind
    this.navigation.register(this.draft.autosaver);
    this.navigation.register(this.plan.autosaver);
    repo.changes.subscribe((batch) => this.onStored(batch));
    makeAutoObservable<RootStore, 'repo' | 'liveFacts' | 'context' | 'workspaceStores' | 'workspaceStoresLoading' | 'firstScreen' | 'prepare' | 'onStored'>(this, {
      repo: false, database: false, liveFacts: false, units: false, list: false, draft: false, plan: false, library: false, undo: false,
      navigation: false, conflicts: false, review: false, context: false, workspaceStores: false, workspaceStoresLoading: false, firstScreen: false,
      assessment: false, exchange: false, loadWorkspaceStores: false, prepare: false, onStored: false,
    });
  }

  /** which of the three workspaces the window shows: authoring, year-end self-assessment, export and exchange */
  get workspace(): Workspace {
    return this.navigation.screen;
  }

  /** what the authoring workspace shows (or showed, when another workspace is open) */
  get selection(): Selection {
    return this.navigation.routeOf('targets').selection;
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
    const remembered = await this.navigation.restore();
    const saved = remembered.selection;
    // the list is shown first; the remembered draft opens after it has been painted
    if ((saved?.kind === 'project' && this.list.summaries.some((s) => s.id === saved.id)) || (saved?.kind === 'plan' && this.units.unitId)) {
      await afterPaint();
      await this.navigation.navigate(remembered);
    } else if (saved) {
      await this.navigation.replace({ screen: 'targets', selection: null });
    }
    runInAction(() => (this.ready = true));
  }

  /** A draft the closing page could not write to the database was kept in localStorage: write it now. */
  private async recoverUnsavedDraft(): Promise<void> {
    await replayJournal(this.repo);
  }

  /** Opens a workspace where it was left; edits are saved before another workspace reads the same records. */
  setWorkspace(workspace: Workspace): Promise<boolean> {
    return this.navigation.navigate(workspace);
  }

  /** Loads what a route shows, before it is shown (navigation-store.ts calls it after saving every draft). */
  private async prepare(to: Route, from: Route): Promise<void> {
    if (to.screen !== 'targets') {
      await this.loadWorkspaceStores();
      return;
    }
    if (from.screen !== 'targets') {
      // the other workspaces write the same records: the authoring screens read them again
      this.library.invalidate();
      await this.units.load();
      await this.list.reload();
    }
    const selection = to.selection;
    if (selection?.kind === 'project') {
      await this.draft.load(selection.id);
    } else if (selection?.kind === 'plan' && this.units.unitId) {
      await this.draft.load(null);
      await this.plan.load(this.units.unitId, this.units.year);
    } else {
      await this.draft.load(null);
    }
  }

  /**
   * A unit, project or plan was written, here or in another window: the stores holding it show the stored record (an
   * editor with unsaved edits saves them at once, and the save asks what to keep when the other window changed them).
   */
  private onStored(batch: ChangeBatch): void {
    void this.draft.onStored(batch);
    void this.plan.onStored(batch);
    void this.workspaceStores?.assessment.onStored(batch);
    if (batch.fromHere) return;
    const kinds = new Set([...batch.cleared, ...batch.changes.map((c) => c.kind)]);
    if (kinds.has('unit')) void this.units.onStored();
    if (kinds.has('project')) {
      this.library.invalidate();
      void this.list.reload();
    }
    if (this.workspace === 'exchange') void this.workspaceStores?.exchange.refresh();
  }

  /** Data changed underneath the authoring screens (an import, a restore, year-end edits): read it again. */
  async reloadAll(): Promise<void> {
    // a draft whose edits could not be saved keeps them: its next save finds the newer record and asks
    const saved = await this.flushAll();
    this.library.invalidate();
    await this.units.load();
    await this.list.reload();
    if (!saved) return;
    const selection = this.selection;
    if (selection?.kind === 'project') await this.draft.load(selection.id);
    else if (selection?.kind === 'plan' && this.units.unitId) await this.plan.load(this.units.unitId, this.units.year);
  }

  /** Saves every draft; false when one could not be saved (the reason is shown, and in navigation.blocked). */
  flushAll(): Promise<boolean> {
    return this.navigation.flush();
  }

  /** The page is being hidden or closed: keep a synchronous copy of unsaved edits, and start saving them. */
  onPageHide(): void {
    this.draft.writeJournalIfUnsaved();
    this.plan.writeJournalIfUnsaved();
    this.workspaceStores?.assessment.onPageHide();
    void this.flushAll();
  }

  async selectUnit(id: Id): Promise<void> {
    if (!(await this.flushAll())) return;
    await this.units.selectUnit(id);
    await this.afterContextChange();
  }

  async selectYear(year: number): Promise<void> {
    if (!(await this.flushAll())) return;
    await this.units.selectYear(year);
    await this.afterContextChange();
  }

  /**
   * Deletes a unit that holds nothing; the choice of unit then moves on (units-store.ts). Pending edits are saved
   * first, so a plan just typed for this unit is in the database and the repository refuses.
   */
  async deleteUnit(id: Id): Promise<RepoResult<Unit>> {
    if (!(await this.flushAll())) return { ok: false, error: this.navigation.blocked ?? '' };
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
    // the plan of the new unit or year is shown in its place; with no unit left there is no plan to show
    if (this.selection?.kind === 'plan' && this.units.unitId) await this.plan.load(this.units.unitId, this.units.year);
    else await this.navigation.replace({ screen: 'targets', selection: null });
  }

  openProject(id: Id): Promise<boolean> {
    return this.navigation.navigate({ screen: 'targets', selection: { kind: 'project', id } });
  }

  async openPlan(): Promise<boolean> {
    if (!this.units.unitId) return false;
    return this.navigation.navigate({ screen: 'targets', selection: { kind: 'plan' } });
  }

  async createProject(): Promise<void> {
    const result = await this.list.create();
    if (typeof result === 'string') this.undo.inform(result, 'error');
    else await this.openProject(result.id);
  }

  async duplicateProject(id: Id): Promise<void> {
    if (!(await this.flushAll())) return;
    const result = await this.list.duplicate(id);
    if (typeof result === 'string') this.undo.inform(result, 'error');
    else await this.openProject(result.id);
  }

  /** Deletes projects (after saving the open one, so 撤销 brings back its latest text). */
  async deleteProjects(ids: readonly Id[]): Promise<void> {
    if (!(await this.flushAll())) return;
    if (this.draft.projectId && ids.includes(this.draft.projectId)) {
      this.draft.close();
      await this.navigation.replace({ screen: 'targets', selection: null });
    }
    await this.list.delete(ids);
  }

  async copySelectedToNextYear(): Promise<void> {
    if (!(await this.flushAll())) return;
    await this.list.copySelectedToNextYear();
    this.library.invalidate();
    await this.units.loadYears();
  }

  async copyYearToNextYear(): Promise<void> {
    if (!(await this.flushAll())) return;
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

