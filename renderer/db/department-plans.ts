// Department plans (部门整体支出绩效目标): one per unit and year, its targets written by the plan editor and its
// year-end figures (results, each task's spending) by the year-end screen.
import type { DepartmentPlan, Funding, Id, PlanTask } from '../../shared/model';
import type { PerfDatabase, StoredPlan } from './database';
import { DB_MESSAGES as M } from './messages';
import { requireUnit } from './units';
import { fail, isValidYear, nextRevision, Refusal, refuseStale, requireTransaction, type RepoContext, type RepoResult, type SaveOptions } from './transaction';

export function planOf(db: PerfDatabase, unitId: Id, year: number): Promise<StoredPlan | undefined> {
  return db.departmentPlans.where('[unitId+year]').equals([unitId, year]).first();
}

/** Puts the plan and deletes any other plan of its unit and year. Call inside a transaction over plans. */
export async function putPlanReplacingSameYear(db: PerfDatabase, plan: StoredPlan): Promise<void> {
  requireTransaction(db);
  await db.departmentPlans
    .where('[unitId+year]')
    .equals([plan.unitId, plan.year])
    .filter((other) => other.id !== plan.id)
    .delete();
  await db.departmentPlans.put(plan);
}

/** A copy for another year: new ids, no results, no 实际完成情况 and no spending, updatedAt now. */
export function freshPlanCopy(ctx: RepoContext, source: DepartmentPlan, year: number): StoredPlan {
  const { results: _results, overallResult: _result, revision: _revision, ...rest } = structuredClone(source) as DepartmentPlan & { revision?: number };
  return {
    ...rest,
    id: ctx.newId(),
    year,
    tasks: rest.tasks.map(({ spent: _spent, ...task }) => ({ ...task, id: ctx.newId() })),
    indicators: rest.indicators.map((indicator) => ({ ...indicator, id: ctx.newId() })),
    updatedAt: ctx.timestamp(),
    revision: 1,
  };
}

/** The tasks with each one's spending taken from the map (none where the map has none), not from the task itself. */
function withSpending(tasks: readonly PlanTask[], spent: ReadonlyMap<Id, Funding | undefined>): PlanTask[] {
  return tasks.map(({ spent: _s, ...task }) => {
    const amount = spent.get(task.id);
    return amount ? { ...task, spent: amount } : task;
  });
}

type PlanMerge = (plan: DepartmentPlan, stored: StoredPlan | undefined) => DepartmentPlan;

export class DepartmentPlanRepository {
  constructor(private readonly ctx: RepoContext) {}

  get(unitId: Id, year: number): Promise<StoredPlan | undefined> {
    return planOf(this.ctx.db, unitId, year);
  }

  /** Saves the plan as the only one of its unit and year. Stamps updatedAt. */
  save(plan: DepartmentPlan, options: SaveOptions = {}): Promise<RepoResult<StoredPlan>> {
    return this.saveMerged(plan, (p) => p, options);
  }

  /** The plan editor's save: the year-end figures (results, 实际完成情况, each task's spending) stay as stored. */
  saveTargets(plan: DepartmentPlan, options: SaveOptions = {}): Promise<RepoResult<StoredPlan>> {
    return this.saveMerged(
      plan,
      (p, stored) => {
        const spent = new Map((stored?.tasks ?? []).map((t) => [t.id, t.spent]));
        const { results: _mine, overallResult: _myResult, ...targets } = p;
        return {
          ...targets,
          ...(stored?.results ? { results: stored.results } : {}),
          ...(stored?.overallResult !== undefined ? { overallResult: stored.overallResult } : {}),
          tasks: withSpending(p.tasks, spent),
        };
      },
      options,
    );
  }

  /** The year-end save of a plan: results, 实际完成情况 and each task's spending onto the plan as stored now. */
  saveYearEnd(plan: DepartmentPlan, options: SaveOptions = {}): Promise<RepoResult<StoredPlan>> {
    return this.saveMerged(
      plan,
      (p, stored) => {
        if (!stored) return p;
        const spent = new Map(p.tasks.map((t) => [t.id, t.spent]));
        const { overallResult: _stored, ...targets } = stored;
        return {
          ...targets,
          ...(p.overallResult !== undefined ? { overallResult: p.overallResult } : {}),
          results: p.results ?? [],
          tasks: withSpending(stored.tasks, spent),
        };
      },
      options,
    );
  }

  private async saveMerged(plan: DepartmentPlan, merge: PlanMerge, options: SaveOptions): Promise<RepoResult<StoredPlan>> {
    const { db } = this.ctx;
    if (!isValidYear(plan.year)) return fail(M.invalidYear(plan.year));
    const copy = structuredClone(plan);
    return this.ctx.change([db.units, db.departmentPlans], async () => {
      const stored = await db.departmentPlans.get(plan.id);
      if (options.expectedRevision !== undefined) {
        // an import may have replaced the plan of this unit and year by one of another id: that one is stored now
        const current = stored ?? (await planOf(db, plan.unitId, plan.year));
        if (current && current.id !== plan.id) throw new Refusal(M.planChangedElsewhere(current.year), current);
        refuseStale(current, options, M.planChangedElsewhere(plan.year));
      }
      const saved: StoredPlan = { ...merge(copy, stored), updatedAt: this.ctx.timestamp(), revision: nextRevision(stored) };
      await requireUnit(db, saved.unitId, M.planUnitMissing(saved.year));
      await putPlanReplacingSameYear(db, saved);
      return saved;
    });
  }
}
