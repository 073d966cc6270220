// 绩效运行监控 (domain.md §8) of the chosen unit and year, the third view of the 绩效自评 workspace: the year's projects
// with their lights as of month M, and per project the round of M (1–M月执行数 by source, each indicator's progress,
// projection, likelihood, 偏差原因 and 纠偏措施). Lights, checks and the done rule are shared/monitoring.ts's; this store
// holds what the filler types and saves only the rounds (repo.projects.saveMonitoring), debounced like the editors.
// The projects are the self-assessment store's: both screens show one copy, and each saves only its own part.
import { computed, makeAutoObservable, runInAction, toJS, type IComputedValue } from 'mobx';
import type { AchievementLikelihood, DeviationCauseCategory, Fen, Funding, Id, MonitoringEntry, MonitoringRound, Project, RuleSet } from '../../shared/model';
import {
  blocksDone,
  checkRound,
  DEFAULT_MONITORING_MONTH,
  latestRound,
  markRoundDone,
  monitorRound,
  reopenRound,
  roundFor,
  startRound,
  withRound,
  type Light,
  type MonitoringProblem,
  type RoundMonitoring,
} from '../../shared/monitoring';
import type { IndicatorScheme } from '../../shared/schemes';
import type { Repository } from '../db/repository';
import { Autosaver } from './autosave';
import { clearJournal, writeJournal } from './journal';

/** What the monitoring screen shares with the self-assessment screen: the year's projects, the unit's scheme and rule set. */
export interface MonitoringSource {
  readonly projects: Project[];
  readonly scheme: IndicatorScheme;
  readonly ruleSet: RuleSet;
}

/** Which projects the list shows: all, those of one light, or those without a round of the month. */
export type LightFilter = 'all' | Light | 'unfilled';

export interface MonitoringRow {
  project: Project;
  /** the round of the chosen month; null when the project has none */
  round: MonitoringRound | null;
  result: RoundMonitoring | null;
}

export interface MonitoringStoreOptions {
  now?: () => Date;
  /** autosave pause in ms */
  delayMs?: number;
}

export class MonitoringStore {
  /** the month chosen; null: the latest month any project has a round of, else July */
  private chosenMonth: number | null = null;
  selectedId: Id | null = null;
  lightFilter: LightFilter = 'all';
  readonly autosaver: Autosaver;
  private readonly now: () => Date;
  /** edit counters of unsaved projects; a save clears an entry only if no edit came in meanwhile */
  private readonly unsaved = new Map<Id, number>();
  /** each round's lights, worked out once per change of that round (a keystroke re-lights one project, not the year) */
  private readonly results = new WeakMap<MonitoringRound, IComputedValue<RoundMonitoring>>();

  constructor(
    readonly repo: Repository,
    private readonly source: MonitoringSource,
    options: MonitoringStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.autosaver = new Autosaver(() => this.save(), options.delayMs ?? 400);
    makeAutoObservable<MonitoringStore, 'source' | 'now' | 'unsaved' | 'results'>(this, {
      repo: false,
      source: false,
      autosaver: false,
      now: false,
      unsaved: false,
      results: false,
      // readers, not actions: what they read is tracked by the screen that calls them
      resultOf: false,
      rowOf: false,
      latestOf: false,
      entryOf: false,
    });
  }

  // ---------------------------------------------------------------- reading

  get ruleSet(): RuleSet {
    return this.source.ruleSet;
  }

  get scheme(): IndicatorScheme {
    return this.source.scheme;
  }

  get projects(): readonly Project[] {
    return this.source.projects;
  }

  /** M: the round's month the screen shows. */
  get month(): number {
    if (this.chosenMonth !== null) return this.chosenMonth;
    let latest: number | null = null;
    for (const p of this.projects) {
      const r = latestRound(p);
      if (r && (latest === null || r.month > latest)) latest = r.month;
    }
    return latest ?? DEFAULT_MONITORING_MONTH;
  }

  /** The months some project of the year has a round of, ascending. */
  get roundMonths(): number[] {
    const months = new Set<number>();
    for (const p of this.projects) for (const r of p.monitoring ?? []) months.add(r.month);
    return [...months].sort((a, b) => a - b);
  }

  /**
   * The lights of a round, by the unit's rule set; while a screen shows them, kept until something they depend on
   * changes (not kept alive beyond that: a kept-alive value would stay subscribed to the rule set after a reload).
   */
  resultOf(project: Project, round: MonitoringRound): RoundMonitoring {
    let box = this.results.get(round);
    if (!box) {
      box = computed(() => monitorRound(project, round, this.ruleSet));
      this.results.set(round, box);
    }
    return box.get();
  }

  /** The project's round of the chosen month with its lights. */
  rowOf(project: Project): MonitoringRow {
    const round = roundFor(project, this.month) ?? null;
    return { project, round, result: round ? this.resultOf(project, round) : null };
  }

  /** The project's latest round's lights, whatever the month chosen: what the year overview and the self-assessment show. */
  latestOf(project: Project): MonitoringRow {
    const round = latestRound(project) ?? null;
    return { project, round, result: round ? this.resultOf(project, round) : null };
  }

  get rows(): MonitoringRow[] {
    return this.projects.map((p) => this.rowOf(p));
  }

  get shownRows(): MonitoringRow[] {
    const f = this.lightFilter;
    if (f === 'all') return this.rows;
    return this.rows.filter((r) => (f === 'unfilled' ? r.round === null : r.result?.light === f));
  }

  /** Projects of the month by light; `unfilled` have no round of the month, `unjudged` one with nothing to judge yet. */
  get counts(): Record<Light | 'unfilled' | 'unjudged', number> {
    const counts = { green: 0, yellow: 0, red: 0, unfilled: 0, unjudged: 0 };
    for (const r of this.rows) {
      if (r.round === null) counts.unfilled++;
      else if (r.result?.light) counts[r.result.light]++;
      else counts.unjudged++;
    }
    return counts;
  }

  get selected(): Project | null {
    return this.projects.find((p) => p.id === this.selectedId) ?? null;
  }

  /** The selected project's round of the chosen month. */
  get round(): MonitoringRound | null {
    const p = this.selected;
    return p ? (roundFor(p, this.month) ?? null) : null;
  }

  get result(): RoundMonitoring | null {
    const p = this.selected;
    const r = this.round;
    return p && r ? this.resultOf(p, r) : null;
  }

  /** Errors first (they keep the round from 已完成), then warnings. */
  get problems(): MonitoringProblem[] {
    const p = this.selected;
    const r = this.round;
    return p && r ? checkRound(p, r, this.ruleSet) : [];
  }

  /** Why the round cannot be marked 已完成 now, in Chinese; empty when it can. */
  get doneBlockers(): string[] {
    const problems = this.problems;
    return blocksDone(problems) ? problems.filter((p) => p.severity === 'error').map((p) => p.message) : [];
  }

  get locked(): boolean {
    return this.round?.status === 'done';
  }

  entryOf(indicatorId: Id): MonitoringEntry | undefined {
    return this.round?.entries.find((e) => e.indicatorId === indicatorId);
  }

  // ---------------------------------------------------------------- choosing

  setMonth(month: number): void {
    if (Number.isInteger(month) && month >= 1 && month <= 12) this.chosenMonth = month;
  }

  select(id: Id | null): void {
    this.selectedId = id;
  }

  setLightFilter(filter: LightFilter): void {
    this.lightFilter = filter;
  }

  /** Starts the selected project's round of the chosen month (nothing spent, a blank entry per indicator). */
  startRound(): boolean {
    const p = this.selected;
    if (!p || this.round) return false;
    p.monitoring = withRound(p, startRound(p, this.month, this.now().toISOString(), this.ruleSet)).monitoring;
    this.changed(p);
    return true;
  }

  // ---------------------------------------------------------------- editing the selected round

  private changed(p: Project): void {
    this.unsaved.set(p.id, (this.unsaved.get(p.id) ?? 0) + 1);
    this.autosaver.touch();
  }

  /** Applies an edit to the selected round; false when there is none or it is 已完成. */
  private edit(change: (round: MonitoringRound) => boolean): boolean {
    const p = this.selected;
    const round = this.round;
    if (!p || !round || round.status === 'done') return false;
    if (!change(round)) return true;
    round.updatedAt = this.now().toISOString();
    this.changed(p);
    return true;
  }

  private editEntry(indicatorId: Id, change: (entry: MonitoringEntry) => boolean): boolean {
    return this.edit((round) => {
      let entry = round.entries.find((e) => e.indicatorId === indicatorId);
      if (!entry) {
        round.entries.push({ indicatorId, actualToDate: '', projected: '' });
        entry = round.entries[round.entries.length - 1];
      }
      return change(entry);
    });
  }

  /** 1–M月执行数 of one source. */
  setSpent(source: keyof Funding, fen: Fen): boolean {
    return this.edit((round) => {
      if (round.spent[source] === fen) return false;
      round.spent[source] = fen;
      return true;
    });
  }

  setActualToDate(indicatorId: Id, text: string): boolean {
    return this.editEntry(indicatorId, (e) => setText(e, 'actualToDate', text));
  }

  setProjected(indicatorId: Id, text: string): boolean {
    return this.editEntry(indicatorId, (e) => setText(e, 'projected', text));
  }

  setLikelihood(indicatorId: Id, likelihood: AchievementLikelihood | undefined): boolean {
    return this.editEntry(indicatorId, (e) => {
      if (e.likelihood === likelihood) return false;
      if (likelihood === undefined) delete e.likelihood;
      else e.likelihood = likelihood;
      return true;
    });
  }

  /** 偏差原因's category of an indicator, or with null of the budget execution; undefined removes the cause. */
  setCauseCategory(indicatorId: Id | null, category: DeviationCauseCategory | undefined): boolean {
    const apply = (holder: { cause?: MonitoringRound['cause'] }) => {
      if (holder.cause?.category === category) return false;
      if (category === undefined) delete holder.cause;
      else holder.cause = { category, text: holder.cause?.text ?? '' };
      return true;
    };
    return indicatorId === null ? this.edit(apply) : this.editEntry(indicatorId, apply);
  }

  /** 偏差原因's words; they need a category first (an uncategorised cause is no cause the forms can print). */
  setCauseText(indicatorId: Id | null, text: string): boolean {
    const apply = (holder: { cause?: MonitoringRound['cause'] }) => {
      if (!holder.cause || holder.cause.text === text) return false;
      holder.cause = { ...holder.cause, text };
      return true;
    };
    return indicatorId === null ? this.edit(apply) : this.editEntry(indicatorId, apply);
  }

  /** 纠偏措施 of an indicator, or with null of the budget execution. */
  setCorrection(indicatorId: Id | null, text: string): boolean {
    const apply = (holder: { correction?: string }) => {
      if ((holder.correction ?? '') === text) return false;
      if (text === '') delete holder.correction;
      else holder.correction = text;
      return true;
    };
    return indicatorId === null ? this.edit(apply) : this.editEntry(indicatorId, apply);
  }

  // ---------------------------------------------------------------- done and reopened

  /** Marks the selected round 已完成 unless errors (a 红 light without 纠偏措施, …) keep it open; saved at once. */
  async markDone(): Promise<boolean> {
    const p = this.selected;
    const round = this.round;
    if (!p || !round || round.status === 'done') return false;
    const marked = markRoundDone(p, round, this.now().toISOString(), this.ruleSet);
    if (!marked.ok) return false;
    p.monitoring = withRound(p, marked.round).monitoring;
    this.changed(p);
    await this.autosaver.flush();
    return true;
  }

  /** The selected round open for edits again (填报中); saved at once. */
  async reopen(): Promise<void> {
    const p = this.selected;
    const round = this.round;
    if (!p || !round || round.status !== 'done') return;
    p.monitoring = withRound(p, reopenRound(round, this.now().toISOString())).monitoring;
    this.changed(p);
    await this.autosaver.flush();
  }

  // ---------------------------------------------------------------- saving

  get hasUnsavedChanges(): boolean {
    return this.autosaver.hasUnsavedChanges;
  }

  flush(): Promise<void> {
    return this.autosaver.flush();
  }

  /** The page is closing: keep a synchronous copy of the project most at risk, and start saving. */
  onPageHide(): void {
    if (this.autosaver.hasUnsavedChanges) {
      const id = this.unsaved.keys().next().value;
      const project = id === undefined ? undefined : this.projects.find((p) => p.id === id);
      if (project) writeJournal({ kind: 'monitoring', data: toJS(project) });
    }
    void this.flush();
  }

  /** Writes the edited projects' rounds onto the records as they are now stored (nothing else of them). */
  private async save(): Promise<string | null> {
    for (const [id, version] of [...this.unsaved]) {
      const mine = this.projects.find((p) => p.id === id);
      if (!mine) {
        this.unsaved.delete(id);
        continue;
      }
      const result = await this.repo.projects.saveMonitoring(id, toJS(mine.monitoring ?? []));
      if (!result.ok) {
        if (!(await this.repo.projects.get(id))) {
          // the project was deleted meanwhile: nothing left to save it to
          this.unsaved.delete(id);
          continue;
        }
        return result.error;
      }
      runInAction(() => {
        if (this.unsaved.get(id) === version) this.unsaved.delete(id);
      });
      clearJournal(id);
    }
    return null;
  }
}

function setText(entry: MonitoringEntry, field: 'actualToDate' | 'projected', text: string): boolean {
  if (entry[field] === text) return false;
  entry[field] = text;
  return true;
}
