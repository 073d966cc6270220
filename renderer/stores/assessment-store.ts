// Year-end self-assessment (绩效自评) of the chosen unit and year: every project's self-assessment, the year overview,
// and the department plan's year-end figures. Scores come from shared/scoring.ts; this store only holds and saves
// what the filler types. Autosave as in the authoring editor: debounced, flushed on leaving, journalled on pagehide.
import { makeAutoObservable, reaction, runInAction, toJS } from 'mobx';
import {
  EMPTY_FUNDING,
  fundingTotal,
  type DepartmentPlan,
  type Fen,
  type Funding,
  type Id,
  type IndicatorResult,
  type Project,
  type QualitativeOutcome,
  type RuleSet,
  type SelfAssessment,
  type Timestamp,
} from '../../shared/model';
import { copyRuleSet, ruleSetLabel, ruleSetOf, sameRuleSet } from '../../shared/rule-sets';
import {
  assessDepartmentPlan,
  assessProject,
  completedScoringOf,
  type IndicatorScore,
  type PlanAssessment,
  type ProjectAssessment,
} from '../../shared/scoring';
import { completenessOf, sortOverview, yearOverview, type Completeness, type OverviewRow, type OverviewSortKey, type SortDirection, type YearOverview } from '../../shared/year-overview';
import { changeOf, type ChangeBatch, type Repository, type Revised, type StoredPlan } from '../db/repository';
import { MC } from '../messages-concurrency';
import { Autosaver } from './autosave';
import { InvalidTexts } from './invalid-texts';
import { sameData, sameParts } from './conflict';
import { defaultChoices, saveAgainstRevision } from './conflict-store';
import { clearJournal, writeJournal } from './journal';
import { NavigationStore, type AssessmentView } from './navigation-store';
import { assessmentShape, indicatorNames, planYearEndShape } from './record-shapes';
import { MonitoringStore } from './monitoring-store';
import type { WorkspaceContext } from './workspace-context';

export type { AssessmentView } from './navigation-store';
export type MoneyGroup = 'budgetInitial' | 'budgetAdjusted' | 'spent';
export type AssessmentTextField = 'overallResult' | 'problems' | 'rectification' | 'executionNote';
/** the two amounts a plan task's spending is typed in, as its budget is (财政拨款 / 其他资金) */
export type TaskSpentPart = 'fiscal' | 'other';

/** per unit and year: the rule set the year-end screen last showed, and the note of its last change */
const ruleSetKey = (unitId: Id, year: number) => `assessment.ruleSet:${unitId}:${year}`;

/** What a change of the unit's rule set did to the open self-assessments (shown until dismissed). */
export interface RuleSetChange {
  /** labels of the sets before and after (rule-sets.ts ruleSetLabel) */
  from: string;
  to: string;
  at: Timestamp;
  /** the open (not 已完成) self-assessments whose scores changed, with the totals before and after */
  projects: { id: Id; name: string; before: number | null; after: number | null }[];
}

interface RuleSetRecord {
  seen: RuleSet;
  change: RuleSetChange | null;
}

function isRuleSetRecord(x: unknown): x is RuleSetRecord {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as { seen?: { id?: unknown; parameters?: unknown } };
  return typeof r.seen?.id === 'string' && typeof r.seen.parameters === 'object';
}

/** Whether two assessments of one project differ in any score. */
function scoresDiffer(a: ProjectAssessment, b: ProjectAssessment): boolean {
  if (a.total !== b.total || a.executionScore !== b.executionScore) return true;
  return a.indicatorScores.some((s, i) => s.score !== b.indicatorScores[i]?.score || s.maxScore !== b.indicatorScores[i]?.maxScore);
}

export interface AssessmentStoreOptions {
  now?: () => Date;
  /** autosave pause in ms */
  delayMs?: number;
}

/** A fresh self-assessment: both budgets from the project's funding, nothing spent, nothing filled. */
export function startAssessment(project: Project): SelfAssessment {
  return {
    budgetInitial: { ...project.funding },
    budgetAdjusted: { ...project.funding },
    spent: { ...EMPTY_FUNDING },
    overallResult: '',
    results: [],
    problems: '',
    rectification: '',
    status: 'notStarted',
  };
}

export class AssessmentStore {
  projects: Project[] = [];
  plan: DepartmentPlan | null = null;
  loadedFor: { unitId: Id; year: number } | null = null;
  loading = false;
  sortKey: OverviewSortKey = 'name';
  sortDirection: SortDirection = 'asc';
  /** the 已完成 self-assessment the user asked to edit, waiting for confirmation */
  reopenPending = false;
  /** bumped when records are read again, so inputs holding their own text start from the stored values */
  generation = 0;
  /** the last change of the unit's rule set for the loaded year, until dismissed */
  ruleSetChange: RuleSetChange | null = null;
  readonly autosaver: Autosaver;
  /** 绩效运行监控 of the same projects (the workspace's third view); it saves only the monitoring rounds */
  readonly monitoring: MonitoringStore;
  /** what the year-end fields hold that is not a value ("300万"): never in the records, listed, blocks 已完成 */
  readonly invalid = new InvalidTexts('assessment');
  private readonly now: () => Date;
  /** edit counters of unsaved projects; a save clears an entry only if no edit came in meanwhile */
  private readonly unsaved = new Map<Id, number>();
  private planUnsaved = 0;
  private loadToken = 0;
  /** the window's route (the view shown is part of it) */
  private readonly navigation: NavigationStore;
  /** each loaded project and the plan as last read or saved: their revisions are the ones a save expects to replace */
  private readonly bases = new Map<Id, Revised<Project>>();
  private planBase: StoredPlan | null = null;
  /** the rule-set checks run one after another */
  private ruleSetCheck: Promise<void> = Promise.resolve();

  constructor(
    readonly repo: Repository,
    readonly context: WorkspaceContext,
    options: AssessmentStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.autosaver = new Autosaver(() => this.save(), options.delayMs ?? 400);
    this.navigation = context.navigation ?? new NavigationStore(repo.settings);
    // no move of the window leaves this workspace's edits unsaved
    this.navigation.register({ commit: () => this.commit() });
    this.monitoring = new MonitoringStore(repo, this, { now: this.now, delayMs: options.delayMs });
    makeAutoObservable<AssessmentStore, 'now' | 'unsaved' | 'planUnsaved' | 'loadToken' | 'ruleSetCheck' | 'navigation' | 'bases' | 'planBase'>(this, {
      navigation: false,
      bases: false,
      planBase: false,
      repo: false,
      context: false,
      autosaver: false,
      monitoring: false,
      invalid: false,
      now: false,
      unsaved: false,
      planUnsaved: false,
      loadToken: false,
      ruleSetCheck: false,
    });
    // the unit's rule set changed while its year is on screen (the unit dialog, an import): note what it changed
    reaction(
      () => this.ruleSet,
      () => void this.checkRuleSet(),
      { equals: (a, b) => sameRuleSet(a, b) },
    );
  }

  // ---------------------------------------------------------------- reading

  /** Reads the chosen unit's projects and plan of the chosen year (after saving pending edits). */
  async load(): Promise<void> {
    await this.flush();
    const token = ++this.loadToken;
    const unitId = this.context.unitId();
    const year = this.context.year();
    if (unitId === null) {
      runInAction(() => {
        this.projects = [];
        this.plan = null;
        this.loadedFor = null;
        this.generation++;
      });
      return;
    }
    runInAction(() => (this.loading = true));
    // used on its own (tests), the store reads the remembered view itself; in the app the root store has read it
    if (!this.context.navigation && !this.loadedFor) await this.navigation.restore();
    const loaded = await this.repo.projects.listFull(unitId, year);
    const plan = await this.repo.plans.get(unitId, year);
    if (token !== this.loadToken) return;
    const view = this.view;
    if (view.kind === 'project' && !loaded.some((p) => p.id === view.id)) await this.navigation.replace({ screen: 'assessment', view: { kind: 'overview' } });
    runInAction(() => {
      this.projects = loaded;
      this.plan = plan ?? null;
      this.bases.clear();
      for (const p of loaded) this.bases.set(p.id, structuredClone(p));
      this.planBase = plan ? structuredClone(plan) : null;
      this.loadedFor = { unitId, year };
      this.loading = false;
      this.reopenPending = false;
      this.generation++;
      this.ensureStarted();
    });
    // a change made while this screen was closed is noted now
    await this.checkRuleSet();
  }

  get scheme() {
    return this.context.scheme();
  }

  /** what the workspace shows (the window's route, navigation-store.ts) */
  get view(): AssessmentView {
    return this.navigation.routeOf('assessment').view;
  }

  get selected(): Project | null {
    const v = this.view;
    if (v.kind !== 'project') return null;
    return this.projects.find((p) => p.id === v.id) ?? null;
  }

  /** The unit's rule set for the year (a 已完成 self-assessment keeps the one it was completed by). */
  get ruleSet(): RuleSet {
    return ruleSetOf(this.context.unit(), this.context.year());
  }

  get assessment(): ProjectAssessment | null {
    const p = this.selected;
    return p ? assessProject(p, this.scheme, this.ruleSet) : null;
  }

  /** The rule-set change's line for one project, or null when the change did not touch it. */
  ruleSetChangeOf(projectId: Id): RuleSetChange['projects'][number] | null {
    return this.ruleSetChange?.projects.find((p) => p.id === projectId) ?? null;
  }

  /** A 已完成 self-assessment takes no edit until the user confirms reopening it. */
  get locked(): boolean {
    return this.selected?.selfAssessment?.status === 'done';
  }

  resultOf(indicatorId: Id): IndicatorResult | undefined {
    return this.selected?.selfAssessment?.results.find((r) => r.indicatorId === indicatorId);
  }

  completenessOf(project: Project): Completeness {
    return completenessOf(project);
  }

  get overview(): YearOverview {
    return yearOverview(this.projects, this.scheme, this.ruleSet);
  }

  get sortedRows(): OverviewRow[] {
    return sortOverview(this.overview.rows, this.sortKey, this.sortDirection);
  }

  /** The plan's year end by the same rule set: execution from the tasks, each indicator's score. */
  get planAssessment(): PlanAssessment | null {
    return this.plan ? assessDepartmentPlan(this.plan, this.scheme, this.ruleSet) : null;
  }

  /** Scores of the plan's indicators, in the plan's order. */
  get planScores(): IndicatorScore[] {
    return this.planAssessment?.indicatorScores ?? [];
  }

  get planTotals(): { budget: Fen; spent: Fen } {
    let budget = 0;
    let spent = 0;
    for (const t of this.plan?.tasks ?? []) {
      budget += fundingTotal(t.funding);
      spent += t.spent ? fundingTotal(t.spent) : 0;
    }
    return { budget, spent };
  }

  // ---------------------------------------------------------------- navigation

  /** Shows another view (after saving every draft, as every move does); false when an edit could not be saved. */
  async open(view: AssessmentView): Promise<boolean> {
    // the project's self-assessment exists in memory before the form shows it
    if (view.kind === 'project') {
      const p = this.projects.find((x) => x.id === view.id);
      if (p && !p.selfAssessment) p.selfAssessment = startAssessment(p);
    }
    const moved = await this.navigation.navigate({ screen: 'assessment', view });
    if (moved) runInAction(() => (this.reopenPending = false));
    return moved;
  }

  sortBy(key: OverviewSortKey): void {
    if (this.sortKey === key) this.sortDirection = this.sortDirection === 'asc' ? 'desc' : 'asc';
    else {
      this.sortKey = key;
      this.sortDirection = key === 'name' ? 'asc' : 'desc';
    }
  }

  /** The selected project gets its self-assessment in memory; it is stored on the first edit. */
  private ensureStarted(): void {
    const p = this.selected;
    if (p && !p.selfAssessment) p.selfAssessment = startAssessment(p);
  }

  // ---------------------------------------------------------------- editing the selected project

  /** Applies an edit to the selected self-assessment; false when there is none or it is locked. */
  private edit(change: (sa: SelfAssessment) => boolean): boolean {
    const p = this.selected;
    if (!p) return false;
    this.ensureStarted();
    const sa = p.selfAssessment!;
    if (sa.status === 'done') return false;
    if (!change(sa)) return true;
    if (sa.status === 'notStarted') sa.status = 'inProgress';
    this.unsaved.set(p.id, (this.unsaved.get(p.id) ?? 0) + 1);
    this.autosaver.touch();
    return true;
  }

  private editResult(indicatorId: Id, change: (r: IndicatorResult) => boolean): boolean {
    return this.edit((sa) => {
      let r = sa.results.find((x) => x.indicatorId === indicatorId);
      if (!r) {
        sa.results.push({ indicatorId, actual: '' });
        r = sa.results[sa.results.length - 1];
      }
      return change(r);
    });
  }

  setMoney(group: MoneyGroup, source: keyof Funding, fen: Fen): boolean {
    return this.edit((sa) => {
      if (sa[group][source] === fen) return false;
      sa[group][source] = fen;
      return true;
    });
  }

  /** 上年结转资金 of one column (年初预算数, 全年预算数 or 全年执行数). */
  setCarriedOver(group: MoneyGroup, fen: Fen): boolean {
    return this.edit((sa) => {
      const carried = sa.carriedOver ?? { budgetInitial: 0, budgetAdjusted: 0, spent: 0 };
      if (carried[group] === fen) return false;
      sa.carriedOver = { ...carried, [group]: fen };
      return true;
    });
  }

  setText(field: AssessmentTextField, text: string): boolean {
    return this.edit((sa) => {
      if ((sa[field] ?? '') === text) return false;
      sa[field] = text;
      return true;
    });
  }

  setActual(indicatorId: Id, actual: string): boolean {
    return this.editResult(indicatorId, (r) => {
      if (r.actual === actual) return false;
      r.actual = actual;
      return true;
    });
  }

  /** 定性: the outcome; a score chosen inside the previous outcome's band no longer applies. */
  setOutcome(indicatorId: Id, outcome: QualitativeOutcome | undefined): boolean {
    return this.editResult(indicatorId, (r) => {
      if (r.outcome === outcome) return false;
      if (outcome === undefined) delete r.outcome;
      else r.outcome = outcome;
      delete r.scoreOverride;
      return true;
    });
  }

  /** The filler's own score with its reason; undefined removes it. Validity is judged by the scoring. */
  setScoreOverride(indicatorId: Id, override: { score: number; reason: string } | undefined): boolean {
    return this.editResult(indicatorId, (r) => {
      const current = r.scoreOverride;
      if (override === undefined) {
        if (current === undefined) return false;
        delete r.scoreOverride;
        return true;
      }
      if (current && current.score === override.score && current.reason === override.reason) return false;
      r.scoreOverride = { score: override.score, reason: override.reason };
      return true;
    });
  }

  setDeviationNote(indicatorId: Id, note: string): boolean {
    return this.editResult(indicatorId, (r) => {
      if ((r.deviationNote ?? '') === note) return false;
      if (note === '') delete r.deviationNote;
      else r.deviationNote = note;
      return true;
    });
  }

  /** 不适用 with its reason ('' while it is being written); undefined makes the indicator applicable again. */
  setNotApplicable(indicatorId: Id, reason: string | undefined): boolean {
    return this.editResult(indicatorId, (r) => applyNotApplicable(r, reason));
  }

  // ---------------------------------------------------------------- locking

  /** Marks the selected self-assessment 已完成, only when nothing is missing and nothing is wrong. */
  async markDone(): Promise<boolean> {
    const p = this.selected;
    const a = this.assessment;
    if (!p?.selfAssessment || !a?.complete || this.locked || this.invalid.of(p.id).length > 0) return false;
    const sa = p.selfAssessment;
    sa.status = 'done';
    sa.completedAt = this.now().toISOString();
    // the scores stay as they are now, whatever later happens to the unit's rule set, until it is reopened
    sa.completedScoring = completedScoringOf(a);
    this.unsaved.set(p.id, (this.unsaved.get(p.id) ?? 0) + 1);
    this.autosaver.touch();
    await this.autosaver.flush();
    return true;
  }

  requestReopen(): void {
    if (this.locked) this.reopenPending = true;
  }

  cancelReopen(): void {
    this.reopenPending = false;
  }

  /** The user confirmed: the self-assessment is editable again, and when that happened is recorded. */
  async confirmReopen(): Promise<void> {
    const p = this.selected;
    this.reopenPending = false;
    if (!p?.selfAssessment || p.selfAssessment.status !== 'done') return;
    const sa = p.selfAssessment;
    sa.status = 'inProgress';
    sa.reopenedAt = [...(sa.reopenedAt ?? []), this.now().toISOString()];
    delete sa.completedScoring;
    this.unsaved.set(p.id, (this.unsaved.get(p.id) ?? 0) + 1);
    this.autosaver.touch();
    await this.autosaver.flush();
  }

  // ---------------------------------------------------------------- department plan at year end

  private editPlan(change: (plan: DepartmentPlan) => boolean): void {
    const plan = this.plan;
    if (!plan || !change(plan)) return;
    this.planUnsaved++;
    this.autosaver.touch();
  }

  setTaskSpent(taskId: Id, part: TaskSpentPart, fen: Fen): void {
    this.editPlan((plan) => {
      const task = plan.tasks.find((t) => t.id === taskId);
      if (!task) return false;
      if (!task.spent) task.spent = { ...EMPTY_FUNDING };
      const key: keyof Funding = part === 'fiscal' ? 'generalPublic' : 'other';
      if (task.spent[key] === fen) return false;
      task.spent[key] = fen;
      return true;
    });
  }

  private editPlanResult(indicatorId: Id, change: (r: IndicatorResult) => boolean): void {
    this.editPlan((plan) => {
      if (!plan.results) plan.results = [];
      let r = plan.results.find((x) => x.indicatorId === indicatorId);
      if (!r) {
        plan.results.push({ indicatorId, actual: '' });
        r = plan.results[plan.results.length - 1];
      }
      return change(r);
    });
  }

  planResultOf(indicatorId: Id): IndicatorResult | undefined {
    return this.plan?.results?.find((r) => r.indicatorId === indicatorId);
  }

  setPlanActual(indicatorId: Id, actual: string): void {
    this.editPlanResult(indicatorId, (r) => {
      if (r.actual === actual) return false;
      r.actual = actual;
      return true;
    });
  }

  setPlanOutcome(indicatorId: Id, outcome: QualitativeOutcome | undefined): void {
    this.editPlanResult(indicatorId, (r) => {
      if (r.outcome === outcome) return false;
      if (outcome === undefined) delete r.outcome;
      else r.outcome = outcome;
      delete r.scoreOverride;
      return true;
    });
  }

  setPlanNotApplicable(indicatorId: Id, reason: string | undefined): void {
    this.editPlanResult(indicatorId, (r) => applyNotApplicable(r, reason));
  }

  /** 实际完成情况 of the plan's 年度总体目标 (printed by F8). */
  setPlanOverallResult(text: string): void {
    this.editPlan((plan) => {
      if ((plan.overallResult ?? '') === text) return false;
      if (text === '') delete plan.overallResult;
      else plan.overallResult = text;
      return true;
    });
  }

  setPlanDeviationNote(indicatorId: Id, note: string): void {
    this.editPlanResult(indicatorId, (r) => {
      if ((r.deviationNote ?? '') === note) return false;
      if (note === '') delete r.deviationNote;
      else r.deviationNote = note;
      return true;
    });
  }

  // ---------------------------------------------------------------- the unit's rule set

  /** Resolves once the rule-set checks started so far have finished. */
  ruleSetSettled(): Promise<void> {
    return this.ruleSetCheck;
  }

  /** Runs `work` after the checks before it; one that failed (its caller saw the error) does not stop the next. */
  private queueRuleSetWork(work: () => Promise<void>): Promise<void> {
    this.ruleSetCheck = this.ruleSetCheck.catch(() => undefined).then(work);
    return this.ruleSetCheck;
  }

  private checkRuleSet(): Promise<void> {
    return this.queueRuleSetWork(() => this.compareRuleSet());
  }

  /**
   * Compares the unit's rule set with the one this screen last showed for the year: when it differs, the open
   * self-assessments (进行中) are scored by both and those whose scores moved are listed with their totals before and
   * after. 已完成 ones keep their stored scores and are not listed. The note is kept until dismissed.
   */
  private async compareRuleSet(): Promise<void> {
    const loaded = this.loadedFor;
    if (!loaded || loaded.unitId !== this.context.unitId() || loaded.year !== this.context.year()) return;
    const key = ruleSetKey(loaded.unitId, loaded.year);
    const stored = await this.repo.settings.get(key);
    const current = copyRuleSet(toJS(this.ruleSet));
    const record: RuleSetRecord | null = isRuleSetRecord(stored) ? stored : null;
    if (record && sameRuleSet(record.seen, current)) {
      runInAction(() => (this.ruleSetChange = record.change));
      return;
    }
    let change: RuleSetChange | null = null;
    if (record) {
      const scheme = this.scheme;
      const projects = this.projects.flatMap((p) => {
        if (!p.selfAssessment || completenessOf(p) !== 'inProgress') return [];
        const before = assessProject(p, scheme, record.seen);
        const after = assessProject(p, scheme, current);
        return scoresDiffer(before, after) ? [{ id: p.id, name: p.name, before: before.total, after: after.total }] : [];
      });
      change = { from: ruleSetLabel(record.seen), to: ruleSetLabel(current), at: this.now().toISOString(), projects };
    }
    await this.repo.settings.set(key, { seen: current, change } satisfies RuleSetRecord);
    runInAction(() => (this.ruleSetChange = change));
  }

  /** The note of the change has been read. */
  dismissRuleSetChange(): Promise<void> {
    const loaded = this.loadedFor;
    this.ruleSetChange = null;
    if (!loaded) return Promise.resolve();
    const key = ruleSetKey(loaded.unitId, loaded.year);
    return this.queueRuleSetWork(async () => {
      const stored = await this.repo.settings.get(key);
      if (isRuleSetRecord(stored)) await this.repo.settings.set(key, { seen: stored.seen, change: null } satisfies RuleSetRecord);
    });
  }

  // ---------------------------------------------------------------- saving

  flush(): Promise<void> {
    return Promise.all([this.autosaver.flush(), this.monitoring.flush()]).then(() => undefined);
  }

  /** Saves now; null once everything is saved, else why not (the navigation store stays put then). */
  async commit(): Promise<string | null> {
    await this.flush();
    for (const saver of [this.autosaver, this.monitoring.autosaver]) if (saver.state === 'error') return saver.error ?? '';
    return null;
  }

  private get dirty(): boolean {
    return this.autosaver.hasUnsavedChanges || this.monitoring.hasUnsavedChanges;
  }

  /**
   * Leaving the workspace: save, and when something was saved let the authoring screens read the records again, so
   * the open draft there never holds (and later writes back) an older self-assessment.
   */
  async leave(): Promise<void> {
    const pending = this.autosaver.hasUnsavedChanges || this.monitoring.hasUnsavedChanges;
    await this.flush();
    if (pending) await this.context.reloadAll();
  }

  /** The page is closing: keep a synchronous copy of the edit most at risk, and start saving. */
  onPageHide(): void {
    if (this.autosaver.hasUnsavedChanges) {
      const id = this.unsaved.keys().next().value;
      const project = id === undefined ? undefined : this.projects.find((p) => p.id === id);
      const base = project ? this.bases.get(project.id) : undefined;
      if (project) writeJournal({ kind: 'assessment', data: toJS(project), ...(base ? { base } : {}) });
      else if (this.planUnsaved > 0 && this.plan) writeJournal({ kind: 'planYearEnd', data: toJS(this.plan), ...(this.planBase ? { base: this.planBase } : {}) });
    }
    this.monitoring.onPageHide();
    void this.flush();
  }

  /**
   * Writes the edited self-assessments and the plan's year-end figures into the records as they are now in the
   * database (the repository merges in one transaction), so targets edited elsewhere are never overwritten.
   */
  private async save(): Promise<string | null> {
    const ask = this.context.ask ?? defaultChoices;
    for (const [id, version] of [...this.unsaved]) {
      const mine = this.projects.find((p) => p.id === id);
      if (!mine?.selfAssessment) {
        this.unsaved.delete(id);
        continue;
      }
      // only the self-assessment is written, onto the project as stored, in one transaction, against the revision read
      const result = await saveAgainstRevision<Project>({
        shape: assessmentShape(indicatorNames(mine)),
        base: this.bases.get(id) ?? null,
        mine: () => toJS(this.projects.find((p) => p.id === id) ?? mine),
        write: (p, options) => this.repo.projects.saveSelfAssessment(id, p.selfAssessment ?? startAssessment(p), options),
        adopt: (merged, stored) => this.adoptProject(merged, stored),
        name: (p) => MC.assessmentRecord(p.name),
        ask,
      });
      if (!result.ok) {
        if (!(await this.repo.projects.get(id))) {
          // the project was deleted meanwhile: nothing left to save it to
          this.unsaved.delete(id);
          continue;
        }
        return result.error;
      }
      this.bases.set(id, result.value);
      if (this.unsaved.get(id) === version) this.unsaved.delete(id);
      clearJournal(id);
    }
    if (this.planUnsaved > 0 && this.plan) {
      const version = this.planUnsaved;
      const plan = this.plan;
      // only the year-end figures, onto the plan as stored, in one transaction, against the revision read
      const result = await saveAgainstRevision<DepartmentPlan>({
        shape: planYearEndShape(indicatorNames(plan)),
        base: this.planBase,
        mine: () => toJS(this.plan ?? plan),
        write: (p, options) => this.repo.plans.saveYearEnd(p, options),
        adopt: (merged, stored) => this.adoptPlan(merged, stored),
        name: (p) => MC.planYearEndRecord(p.year),
        ask,
      });
      if (!result.ok) return result.error;
      this.planBase = result.value;
      if (this.planUnsaved === version) this.planUnsaved = 0;
      clearJournal(result.value.id);
    }
    return null;
  }

  /**
   * Takes the stored project with the merged self-assessment (a save refused as stale). The monitoring rounds in
   * memory stay: the monitoring store owns them and saves them on its own.
   */
  private adoptProject(merged: Project, stored: Revised<Project>): void {
    const p = this.projects.find((x) => x.id === merged.id);
    this.bases.set(merged.id, stored);
    if (!p) return;
    const redraw = !sameParts(assessmentShape(indicatorNames(merged)), toJS(p), merged) || !sameData(toJS(p.indicators), merged.indicators);
    const { monitoring: _owned, ...rest } = merged;
    runInAction(() => {
      Object.assign(p, rest);
      if (redraw) this.generation++;
    });
  }

  private adoptPlan(merged: DepartmentPlan, stored: StoredPlan): void {
    const current = this.plan;
    this.planBase = stored;
    if (!current) return;
    const redraw = merged.id !== current.id || !sameParts(planYearEndShape(indicatorNames(merged)), toJS(current), merged);
    runInAction(() => {
      this.plan = merged;
      if (redraw) this.generation++;
    });
  }

  /**
   * A unit's project or plan was written, here or in another window. The records of the loaded year that are newer
   * than what this screen read are shown as stored when nothing of the screen is unsaved; with unsaved edits they are
   * saved now, and the save merges (asking where both sides changed the same thing). A project new to the year, or one
   * gone, has the year read again.
   */
  async onStored(batch: ChangeBatch): Promise<void> {
    const loaded = this.loadedFor;
    if (!loaded) return;
    const cleared = batch.cleared.includes('project') || batch.cleared.includes('plan');
    const held = new Set(this.projects.map((p) => p.id));
    const projectChanges = batch.changes.filter((c) => c.kind === 'project');
    const planId = this.plan?.id;
    const planChange = planId ? changeOf(batch, 'plan', planId) : batch.changes.find((c) => c.kind === 'plan');
    if (!cleared && !planChange && projectChanges.length === 0) return;
    await this.autosaver.settled();
    if (this.loadedFor !== loaded) return;
    const newer = projectChanges.filter((c) => held.has(c.id) && (c.revision === null || c.revision > (this.bases.get(c.id)?.revision ?? 0)));
    const planNewer = planChange !== undefined && (planChange.revision === null || planChange.revision > (this.planBase?.revision ?? 0));
    const others = projectChanges.filter((c) => !held.has(c.id) && c.revision !== null);
    if (!cleared && newer.length === 0 && !planNewer && others.length === 0) return;
    if (this.dirty) {
      void this.flush();
      return;
    }
    // a new project of this unit and year, or one deleted, or a restore: the year is read again
    const arrived = others.length > 20 ? true : (await Promise.all(others.map((c) => this.repo.projects.get(c.id)))).some((p) => p?.unitId === loaded.unitId && p.year === loaded.year);
    if (cleared || arrived || newer.some((c) => c.revision === null)) {
      if (!this.dirty && this.loadedFor === loaded) await this.load();
      return;
    }
    const projects = await Promise.all(newer.map((c) => this.repo.projects.get(c.id)));
    const plan = planNewer ? await this.repo.plans.get(loaded.unitId, loaded.year) : undefined;
    if (this.dirty || this.loadedFor !== loaded) return;
    runInAction(() => {
      for (const stored of projects) {
        if (!stored) continue;
        const at = this.projects.findIndex((p) => p.id === stored.id);
        if (at < 0) continue;
        this.projects[at] = stored;
        this.bases.set(stored.id, structuredClone(stored));
      }
      if (planNewer) {
        this.plan = plan ?? null;
        this.planBase = plan ? structuredClone(plan) : null;
      }
      this.generation++;
      this.ensureStarted();
    });
  }
}

/** Marks a result 不适用 with `reason`, or (undefined) applicable again; false when nothing changes. */
function applyNotApplicable(r: IndicatorResult, reason: string | undefined): boolean {
  if (reason === undefined) {
    if (!r.notApplicable) return false;
    delete r.notApplicable;
    return true;
  }
  if (r.notApplicable?.reason === reason) return false;
  r.notApplicable = { reason };
  // a score chosen for the indicator no longer applies
  delete r.scoreOverride;
  return true;
}
