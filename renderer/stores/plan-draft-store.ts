// The department plan (部门整体支出) of the chosen unit and year: tasks with amounts, overall goal, indicators.
import { action, computed, makeObservable, observable, runInAction, toJS } from 'mobx';
import { EMPTY_FUNDING, fundingTotal, type DepartmentPlan, type Fen, type Id, type PlanTask } from '../../shared/model';
import { validateDepartmentPlan, type Problem } from '../../shared/validation';
import type { Repository } from '../db/repository';
import { M } from '../messages';
import { IndicatorDraft, type DraftEnv } from './indicator-draft';
import { clearJournal, writeJournal } from './journal';

export type TaskPatch = Partial<Pick<PlanTask, 'name' | 'content'>> & { fiscal?: Fen; other?: Fen };

export function planFieldId(path: string): string {
  return `plan-${path.replace(/[.[\]]+/g, '-').replace(/-$/, '')}`;
}

export function taskFieldId(taskId: Id, field: string): string {
  return `task-${taskId}-${field}`;
}

export class PlanDraftStore extends IndicatorDraft {
  plan: DepartmentPlan | null = null;
  /** which unit and year the plan (or its absence) belongs to */
  loadedFor: { unitId: Id; year: number } | null = null;
  generation = 0;
  readonly taskRevisions = observable.map<Id, number>();

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
      problems: computed,
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

  get problems(): Problem[] {
    return this.plan ? validateDepartmentPlan(this.plan, this.scheme, this.validationOptions) : [];
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
      this.loadedFor = { unitId, year };
      this.activeIndicatorId = null;
      this.revisions.clear();
      this.taskRevisions.clear();
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

  deleteTask(id: Id): void {
    const tasks = this.plan?.tasks;
    if (!tasks) return;
    const index = tasks.findIndex((t) => t.id === id);
    if (index < 0) return;
    const [removed] = tasks.splice(index, 1);
    this.touch();
    this.env.undo.push({
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
    if (this.plan && this.autosaver.hasUnsavedChanges) writeJournal({ kind: 'plan', data: toJS(this.plan) });
  }

  protected async save(): Promise<string | null> {
    if (!this.plan) return null;
    const snapshot = toJS(this.plan);
    const result = await this.repo.plans.saveTargets(snapshot);
    if (!result.ok) return result.error;
    clearJournal(snapshot.id);
    return null;
  }

  protected elementIdForOwnPath(path: string): string | null {
    if (path === 'indicators') return 'section-indicators';
    const task = /^tasks\[(\d+)\]\.(\w+)/.exec(path);
    if (task) {
      const t = this.plan?.tasks[Number(task[1])];
      return t ? taskFieldId(t.id, task[2] === 'funding' ? 'fiscal' : task[2]) : null;
    }
    if (path === 'overallGoal' || path === 'expenditureBudget') return planFieldId(path);
    return null;
  }
}
