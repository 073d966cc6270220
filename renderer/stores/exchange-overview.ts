// 汇总概览: how far each unit under the chosen unit (as 主管部门) has come this year.
import { makeAutoObservable, runInAction } from 'mobx';
import type { Repository, SupervisedUnitSummary } from '../db/repository';
import type { WorkspaceContext } from './workspace-context';

export interface OverviewTotals {
  projectCount: number;
  targetsFilled: number;
  assessmentsDone: number;
  plans: number;
}

export class OverviewStore {
  rows: SupervisedUnitSummary[] = [];
  error: string | null = null;
  loading = false;
  /** the unit and year the rows belong to */
  loadedFor: { unitId: string; year: number } | null = null;

  constructor(
    private readonly repo: Repository,
    private readonly context: WorkspaceContext,
  ) {
    makeAutoObservable<OverviewStore, 'repo' | 'context'>(this, { repo: false, context: false });
  }

  async load(): Promise<void> {
    const unitId = this.context.unitId();
    const year = this.context.year();
    if (!unitId) {
      this.rows = [];
      this.loadedFor = null;
      return;
    }
    this.loading = true;
    const result = await this.repo.supervisor.overview(unitId, year);
    runInAction(() => {
      this.loading = false;
      this.loadedFor = { unitId, year };
      this.rows = result.ok ? result.value : [];
      this.error = result.ok ? null : result.error;
    });
  }

  get totals(): OverviewTotals {
    return this.rows.reduce(
      (t, r) => ({
        projectCount: t.projectCount + r.projectCount,
        targetsFilled: t.targetsFilled + r.targetsFilled,
        assessmentsDone: t.assessmentsDone + r.assessmentsDone,
        plans: t.plans + (r.hasDepartmentPlan ? 1 : 0),
      }),
      { projectCount: 0, targetsFilled: 0, assessmentsDone: 0, plans: 0 },
    );
  }
}
