// The project list of the chosen unit and year: search, status filter, totals, selection, and the list's commands
// (create, duplicate, delete with undo, copy to next year). A row's status comes from the error count the repository
// stores with it; rows stored without one are checked in the background after the list is painted.
import { makeAutoObservable, observable, runInAction } from 'mobx';
import { fiscalTotal, nonFiscalTotal, type Fen, type Id, type Project, type RuleSet } from '../../shared/model';
import { latestRound, monitorRound, type Light } from '../../shared/monitoring';
import { CN_2020 } from '../../shared/rule-sets';
import { projectStatus, type ProjectStatus, type StatusFacts } from '../../shared/project-status';
import type { IndicatorScheme } from '../../shared/schemes';
import { validateProject, type ValidationOptions } from '../../shared/validation';
import { ruleSetFingerprint } from '../db/monitoring-lights';
import { summarizeProject, type ProjectSummary, type Repository } from '../db/repository';
import { M } from '../messages';
import type { UndoStore } from './undo-store';

export interface ProjectRow {
  summary: ProjectSummary;
  /** null while the background check has not reached this project */
  status: ProjectStatus | null;
}

/** The light of a project's latest monitoring round, as of the stored record it was worked out from. */
export interface ListLight {
  updatedAt: string;
  month: number;
  light: Light | null;
  explanation: string;
}

export interface ListContext {
  unitId(): Id | null;
  year(): number;
  scheme(): IndicatorScheme;
  /** the unit's rule set for the year (its required 二级 count as errors); CN-2020 when absent */
  ruleSet?(): RuleSet;
  /** facts of the project open in the editor, which are newer than the stored ones */
  liveFacts(): { id: Id; facts: StatusFacts } | null;
}

/** Blocking validation errors of a project; the repository stores this count on every write. */
export function countErrors(p: Project, scheme: IndicatorScheme, options: ValidationOptions = {}): number {
  return validateProject(p, scheme, options).filter((x) => x.severity === 'error').length;
}

/** What validation needs besides the scheme: the unit's rule set, when the context gives one. */
function optionsOf(ctx: ListContext): ValidationOptions {
  return ctx.ruleSet ? { ruleSet: ctx.ruleSet() } : {};
}

const collator = new Intl.Collator('zh-Hans-CN');

export class ProjectListStore {
  /** rows as read; each is replaced whole, never changed in place (a shallow observable: no per-field observables to build) */
  summaries: ProjectSummary[] = [];
  /** the unit and year the summaries belong to */
  loadedFor: { unitId: Id; year: number } | null = null;
  query = '';
  statusFilter: ProjectStatus | 'all' = 'all';
  selected = new Set<Id>();
  /** error counts worked out here for rows stored without one, keyed by updatedAt so a stale count is never used */
  private errorCounts = new Map<Id, { updatedAt: string; errors: number }>();
  /** lights of rows with monitoring rounds, worked out after painting (they need the indicators), keyed by updatedAt */
  private lights = observable.map<Id, ListLight>({}, { deep: false });
  private loadToken = 0;

  constructor(
    private readonly repo: Repository,
    private readonly undo: UndoStore,
    private readonly ctx: ListContext,
  ) {
    makeAutoObservable<ProjectListStore, 'repo' | 'undo' | 'ctx' | 'loadToken'>(this, {
      summaries: observable.shallow,
      repo: false,
      undo: false,
      ctx: false,
      loadToken: false,
    });
  }

  statusOf(s: ProjectSummary): ProjectStatus | null {
    const live = this.ctx.liveFacts();
    if (live && live.id === s.id) return projectStatus(live.facts);
    const known = this.errorCounts.get(s.id);
    const errorCount = s.errorCount ?? (known && known.updatedAt === s.updatedAt ? known.errors : null);
    if (errorCount === null) return null;
    return projectStatus({
      assessmentStatus: s.assessmentStatus,
      errorCount,
      indicatorCount: s.indicatorCount,
      hasAnnualGoal: s.hasAnnualGoal,
    });
  }

  get rows(): ProjectRow[] {
    const q = this.query.trim().toLowerCase();
    const out: ProjectRow[] = [];
    for (const summary of this.summaries) {
      if (q !== '' && !summary.name.toLowerCase().includes(q)) continue;
      const status = this.statusOf(summary);
      if (this.statusFilter !== 'all' && status !== this.statusFilter) continue;
      out.push({ summary, status });
    }
    return out;
  }

  /** The fingerprint of the rule set stored lights must have been lit by to be shown as they are. */
  private get rules(): string {
    return ruleSetFingerprint(this.ctx.ruleSet?.() ?? CN_2020);
  }

  /**
   * The light of the row's latest monitoring round: as stored with the row, or worked out here when the row has none
   * or the unit's rule set changed since; null without a round, or while it is being worked out.
   */
  lightOf(s: ProjectSummary): ListLight | null {
    if (s.monitoringRounds === 0) return null;
    const known = this.lights.get(s.id);
    if (known && known.updatedAt === s.updatedAt) return known;
    const stored = s.monitoringLight;
    if (stored && stored.rules === this.rules) return { updatedAt: s.updatedAt, month: stored.month, light: stored.light, explanation: stored.explanation };
    return null;
  }

  private setLight(p: Project): void {
    const round = latestRound(p);
    if (!round) {
      this.lights.delete(p.id);
      return;
    }
    const r = monitorRound(p, round, this.ctx.ruleSet?.() ?? CN_2020);
    this.lights.set(p.id, { updatedAt: p.updatedAt, month: r.month, light: r.light, explanation: r.explanation });
  }

  /** Funding totals of the rows shown, in 分. */
  get totals(): { total: Fen; fiscal: Fen; other: Fen } {
    let total = 0;
    let fiscal = 0;
    let other = 0;
    for (const { summary } of this.rows) {
      total += summary.fundingTotal;
      fiscal += fiscalTotal(summary.funding);
      other += nonFiscalTotal(summary.funding);
    }
    return { total, fiscal, other };
  }

  get selectedIds(): Id[] {
    return this.summaries.filter((s) => this.selected.has(s.id)).map((s) => s.id);
  }

  setQuery(q: string): void {
    this.query = q;
  }

  setStatusFilter(f: ProjectStatus | 'all'): void {
    this.statusFilter = f;
  }

  toggleSelected(id: Id): void {
    if (this.selected.has(id)) this.selected.delete(id);
    else this.selected.add(id);
  }

  setAllSelected(on: boolean): void {
    this.selected = new Set(on ? this.rows.map((r) => r.summary.id) : []);
  }

  async reload(): Promise<void> {
    const unitId = this.ctx.unitId();
    const year = this.ctx.year();
    const token = ++this.loadToken;
    const summaries = unitId ? await this.repo.projects.list(unitId, year) : [];
    if (token !== this.loadToken) return;
    runInAction(() => {
      const changedContext = this.loadedFor?.unitId !== unitId || this.loadedFor?.year !== year;
      this.summaries = summaries;
      this.loadedFor = unitId ? { unitId, year } : null;
      if (changedContext) this.selected = new Set();
      else this.selected = new Set([...this.selected].filter((id) => summaries.some((s) => s.id === id)));
    });
    void this.checkInBackground(token).then(() => this.lightInBackground(token));
  }

  /** Works out the lights the rows lack (none stored, or by another rule set), a batch at a time, after painting. */
  private async lightInBackground(token: number): Promise<void> {
    const todo = this.summaries.filter((s) => s.monitoringRounds > 0 && this.lightOf(s) === null).map((s) => s.id);
    for (let i = 0; i < todo.length; i += 40) {
      const batch = await Promise.all(todo.slice(i, i + 40).map((id) => this.repo.projects.get(id)));
      if (token !== this.loadToken) return;
      runInAction(() => {
        for (const p of batch) if (p) this.setLight(p);
      });
    }
  }

  /** Works out the statuses the rows lack (rows written without a count), a batch at a time, after the list is painted. */
  private async checkInBackground(token: number): Promise<void> {
    const todo = this.summaries
      .filter((s) => s.errorCount === null && this.errorCounts.get(s.id)?.updatedAt !== s.updatedAt)
      .map((s) => s.id);
    const scheme = this.ctx.scheme();
    for (let i = 0; i < todo.length; i += 40) {
      const batch = await Promise.all(todo.slice(i, i + 40).map((id) => this.repo.projects.get(id)));
      if (token !== this.loadToken) return;
      runInAction(() => {
        for (const p of batch) {
          if (!p) continue;
          this.errorCounts.set(p.id, { updatedAt: p.updatedAt, errors: countErrors(p, scheme, optionsOf(this.ctx)) });
        }
      });
    }
  }

  /** The editor saved a project: show its new name, amounts and status without reloading the list. */
  applySaved(p: Project, scheme: IndicatorScheme): void {
    const index = this.summaries.findIndex((s) => s.id === p.id);
    if (index < 0) return;
    const renamed = this.summaries[index].name !== p.name;
    this.summaries[index] = summarizeProject(p, p.indicators.length, countErrors(p, scheme, optionsOf(this.ctx)));
    this.setLight(p);
    // the list is kept sorted by name: only a new name can move a row
    if (renamed) this.summaries.sort((a, b) => collator.compare(a.name, b.name));
  }

  async create(): Promise<Project | string> {
    const unitId = this.ctx.unitId();
    if (!unitId) return M.pickUnit;
    const taken = new Set(this.summaries.map((s) => s.name));
    let name: string = M.newProjectName;
    for (let n = 2; taken.has(name); n++) name = `${M.newProjectName}${n}`;
    const result = await this.repo.projects.create({ unitId, year: this.ctx.year(), name });
    if (!result.ok) return result.error;
    await this.reload();
    return result.value;
  }

  async duplicate(id: Id): Promise<Project | string> {
    const result = await this.repo.projects.duplicate(id);
    if (!result.ok) return result.error;
    await this.reload();
    return result.value;
  }

  /** Deletes projects; the undo entry puts them back exactly as they were. */
  async delete(ids: readonly Id[]): Promise<void> {
    if (ids.length === 0) return;
    const deleted = await this.repo.projects.deleteMany(ids);
    const first = deleted.projects[0]?.name ?? '';
    this.undo.push({
      label: M.deletedProjects(deleted.projects.length, first),
      undo: async () => {
        const result = await this.repo.projects.restore(deleted);
        await this.reload();
        return result.ok ? null : result.error;
      },
    });
    await this.reload();
  }

  async copySelectedToNextYear(): Promise<void> {
    const ids = this.selectedIds;
    const toYear = this.ctx.year() + 1;
    const result = await this.repo.projects.copyToYear(ids, toYear);
    if (result.ok) this.undo.inform(M.copiedToYear(result.value.length, toYear));
    else this.undo.inform(result.error, 'error');
  }

  async copyYearToNextYear(): Promise<void> {
    const unitId = this.ctx.unitId();
    if (!unitId) return;
    const result = await this.repo.projects.copyUnitYear(unitId, this.ctx.year());
    if (result.ok) {
      this.undo.inform(M.copiedYear(result.value.projects.length, result.value.toYear, result.value.departmentPlan !== null));
    } else this.undo.inform(result.error, 'error');
  }
}
