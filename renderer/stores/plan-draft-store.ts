// The department plan (部门整体支出) of the chosen unit and year: tasks with amounts, overall goal, indicators. Saved
// against the revision it read, as the project draft is; what other windows save is shown or merged.
import { action, computed, makeObservable, observable, runInAction, toJS } from 'mobx';
import { EMPTY_FUNDING, fundingTotal, type DepartmentPlan, type Fen, type Id, type PlanTask } from '../../shared/model';
import { validateDepartmentPlan, type Problem, type ProblemTarget, type RecordRef, type TaskField } from '../../shared/validation';
import { changeOf, type ChangeBatch, type Repository, type StoredPlan } from '../db/repository';
import { M } from '../messages';
import { MC } from '../messages-concurrency';
import { sameParts } from './conflict';
import { defaultChoices, saveAgainstRevision } from './conflict-store';
import { IndicatorDraft, type DraftEnv } from './indicator-draft';
import { clearJournal, writeJournal } from './journal';
import { PLAN_TARGETS } from './record-shapes';

export type TaskPatch = Partial<Pick<PlanTask, 'name' | 'content'>> & { fiscal?: Fen; other?: Fen };

export class PlanDraftStore extends IndicatorDraft {
  plan: DepartmentPlan | null = null;
  /** which unit and year the plan (or its absence) belongs to */
  loadedFor: { unitId: Id; year: number } | null = null;
  generation = 0;
  /** the plan as last read or saved (null: not stored yet): its revision is the one a save expects to replace */
  private base: StoredPlan | null = null;

  constructor(
    env: DraftEnv,
    private readonly repo: Repository,
  ) {
    super(env);
    makeObservable(this, {
      plan: observable,
      loadedFor: observable,
      generation: observable,
      indicators: computed,
      record: computed,
      validationProblems: computed,
      taskSum: computed,
      load: action,
      create: action,
      setOverallGoal: action,
      setExpenditureBudget: action,
      addTask: action,
      updateTask: action,
      deleteTask: action,
    });
  }

  get indicators() {
    return this.plan?.indicators ?? [];
  }

  get validationProblems(): Problem[] {
    return this.plan ? validateDepartmentPlan(this.plan, this.scheme, this.validationOptions) : [];
  }

  get record(): RecordRef | null {
    return this.plan ? { record: 'plan', recordId: this.plan.id } : null;
  }

  protected invalidScope(): string {
    return 'plan';
  }

  protected override rowExists(target: ProblemTarget): boolean {
    if (target.of === 'task') return this.plan?.tasks.some((t) => t.id === target.taskId) ?? false;
    return super.rowExists(target);
  }

  /** 金额合计 of the tasks, in 分 */
  get taskSum(): { total: Fen; fiscal: Fen; other: Fen } {
    const tasks = this.plan?.tasks ?? [];
    let total = 0;
    let fiscal = 0;
    let other = 0;
    for (const t of tasks) {
      total += fundingTotal(t.funding);
      fiscal += t.funding.generalPublic + t.funding.governmentFund + t.funding.stateCapital;
      other += t.funding.specialAccount + t.funding.other;
    }
    return { total, fiscal, other };
  }

  async load(unitId: Id, year: number): Promise<void> {
    await this.autosaver.flush();
    const plan = await this.repo.plans.get(unitId, year);
    runInAction(() => {
      this.plan = plan ?? null;
      this.base = plan ? structuredClone(plan) : null;
      this.loadedFor = { unitId, year };
      this.activeIndicatorId = null;
      this.generation++;
    });
  }

  /** Starts an empty plan with one task; returns that task's id. */
  create(): Id | null {
    if (!this.loadedFor || this.plan) return null;
    this.plan = {
      id: this.env.newId(),
      unitId: this.loadedFor.unitId,
      year: this.loadedFor.year,
      tasks: [],
      expenditureBudget: null,
      overallGoal: '',
      indicators: [],
      updatedAt: new Date().toISOString(),
    };
    this.generation++;
    return this.addTask();
  }

  setOverallGoal(text: string): void {
    if (!this.plan || this.plan.overallGoal === text) return;
    this.plan.overallGoal = text;
    this.touch();
  }

  setExpenditureBudget(fen: Fen | null): void {
    if (!this.plan || this.plan.expenditureBudget === fen) return;
    this.plan.expenditureBudget = fen;
    this.touch();
  }

  addTask(afterId?: Id): Id | null {
    if (!this.plan) return null;
    const task: PlanTask = { id: this.env.newId(), name: '', content: '', funding: { ...EMPTY_FUNDING } };
    const at = afterId ? this.plan.tasks.findIndex((t) => t.id === afterId) + 1 : this.plan.tasks.length;
    this.plan.tasks.splice(at > 0 ? at : this.plan.tasks.length, 0, task);
    this.fresh.add(task.id);
    this.touch();
    return task.id;
  }

  /** 财政拨款 of a task is kept as 一般公共预算, 其他资金 as 其他资金: the two columns form F2 prints. */
  updateTask(id: Id, patch: TaskPatch): void {
    const task = this.plan?.tasks.find((t) => t.id === id);
    if (!task) return;
    let changed = false;
    if (patch.name !== undefined && patch.name !== task.name) {
      task.name = patch.name;
      changed = true;
    }
    if (patch.content !== undefined && patch.content !== task.content) {
      task.content = patch.content;
      changed = true;
    }
    if (patch.fiscal !== undefined && patch.fiscal !== task.funding.generalPublic) {
      task.funding.generalPublic = patch.fiscal;
      changed = true;
    }
    if (patch.other !== undefined && patch.other !== task.funding.other) {
      task.funding.other = patch.other;
      changed = true;
    }
    if (changed) this.touch();
  }

  /** Deletes a task; its undo brings it back and the focus to `field`, the box the user was in. */
  deleteTask(id: Id, field: TaskField = 'name'): void {
    const tasks = this.plan?.tasks;
    const record = this.record;
    if (!tasks || !record) return;
    const index = tasks.findIndex((t) => t.id === id);
    if (index < 0) return;
    const [removed] = tasks.splice(index, 1);
    this.fresh.delete(id);
    this.touch();
    this.env.undo.push({
      focus: { ...record, of: 'task', taskId: id, field },
      label: M.deletedTask(removed.name),
      undo: action(() => {
        if (!this.plan || this.plan.tasks.some((t) => t.id === removed.id)) return null;
        this.plan.tasks.splice(Math.min(index, this.plan.tasks.length), 0, removed);
        this.touch();
        return null;
      }),
    });
  }

  writeJournalIfUnsaved(): void {
    if (this.plan && this.autosaver.hasUnsavedChanges) writeJournal({ kind: 'plan', data: toJS(this.plan), ...(this.base ? { base: this.base } : {}) });
  }

  protected async save(): Promise<string | null> {
    const plan = this.plan;
    if (!plan) return null;
    const result = await saveAgainstRevision<DepartmentPlan>({
      shape: PLAN_TARGETS,
      base: this.base,
      mine: () => toJS(this.plan ?? plan),
      write: (p, options) => this.repo.plans.saveTargets(p, options),
      adopt: (merged, stored) => this.adopt(merged, stored),
      name: (p) => MC.planRecord(p.year),
      ask: this.env.conflicts ?? defaultChoices,
    });
    if (!result.ok) return result.error;
    if (this.plan?.id === result.value.id) this.base = result.value;
    clearJournal(plan.id);
    return null;
  }

  /** Takes the merge of a refused save (a plan stored meanwhile may have another id: the merge has the stored one). */
  private adopt(merged: DepartmentPlan, stored: StoredPlan): void {
    const current = this.plan;
    if (!current) return;
    const redraw = merged.id !== current.id || !sameParts(PLAN_TARGETS, toJS(current), merged);
    runInAction(() => {
      this.plan = merged;
      this.base = stored;
      if (!redraw) return;
      if (!merged.indicators.some((i) => i.id === this.activeIndicatorId)) this.activeIndicatorId = null;
      this.generation++;
    });
  }

  /**
   * A plan was written, here or in another window. When it may be this unit and year's and is newer than what the
   * editor read: without unsaved edits the editor shows the stored plan; with unsaved edits it saves them now, and the
   * save merges (asking where both sides changed the same thing).
   */
  async onStored(batch: ChangeBatch): Promise<void> {
    const loaded = this.loadedFor;
    if (!loaded) return;
    const id = this.plan?.id;
    // showing no plan, any new plan may be this unit and year's; showing one, only a change of it matters (a plan of
    // another id replacing it deletes it, which is such a change)
    const relevant = id ? batch.cleared.includes('plan') || changeOf(batch, 'plan', id) !== undefined : batch.cleared.includes('plan') || batch.changes.some((c) => c.kind === 'plan');
    if (!relevant) return;
    const change = id ? changeOf(batch, 'plan', id) : undefined;
    await this.autosaver.settled();
    if (this.loadedFor !== loaded || this.plan?.id !== id) return;
    if (change?.revision != null && this.base && change.revision <= this.base.revision) return;
    if (this.autosaver.hasUnsavedChanges) {
      void this.autosaver.flush();
      return;
    }
    const stored = await this.repo.plans.get(loaded.unitId, loaded.year);
    if (this.loadedFor !== loaded || this.plan?.id !== id || this.autosaver.hasUnsavedChanges) return;
    if (stored && this.base && stored.id === this.base.id && stored.revision <= this.base.revision) return;
    if (!stored && !this.plan) return;
    runInAction(() => {
      this.plan = stored ?? null;
      this.base = stored ? structuredClone(stored) : null;
      if (!stored?.indicators.some((i) => i.id === this.activeIndicatorId)) this.activeIndicatorId = null;
      this.generation++;
    });
    if (!stored) this.env.undo.inform(MC.deletedElsewhere(MC.planRecord(loaded.year)));
  }
}
