// 汇总概览: how far each unit under the chosen unit (as 主管部门) has come this year, and the lights of its projects'
// latest monitoring rounds (counts per unit, a filter by light that lists the projects of that light).
import { makeAutoObservable, observable, runInAction } from 'mobx';
import type { Light } from '../../shared/monitoring';
import type { Repository, SupervisedUnitSummary } from '../db/repository';
import type { WorkspaceContext } from './workspace-context';

export interface OverviewTotals {
  projectCount: number;
  targetsFilled: number;
  assessmentsDone: number;
  plans: number;
  /** projects by the light of their latest monitoring round */
  lights: Record<Light, number>;
  unmonitored: number;
}

/** 按进度筛选: the units whose year has (or has not) come that far; a unit with no project this year has not. */
export type OverviewStatusFilter = 'all' | 'targetsMissing' | 'targetsDone' | 'assessmentsMissing' | 'assessmentsDone' | 'noPlan';

export const OVERVIEW_STATUS_FILTERS: readonly OverviewStatusFilter[] = ['all', 'targetsMissing', 'targetsDone', 'assessmentsMissing', 'assessmentsDone', 'noPlan'];

const allOf = (done: number, of: number) => of > 0 && done === of;

const STATUS_TESTS: Record<OverviewStatusFilter, (r: SupervisedUnitSummary) => boolean> = {
  all: () => true,
  targetsMissing: (r) => !allOf(r.targetsFilled, r.projectCount),
  targetsDone: (r) => allOf(r.targetsFilled, r.projectCount),
  assessmentsMissing: (r) => !allOf(r.assessmentsDone, r.projectCount),
  assessmentsDone: (r) => allOf(r.assessmentsDone, r.projectCount),
  noPlan: (r) => !r.hasDepartmentPlan,
};

export class OverviewStore {
  rows: SupervisedUnitSummary[] = [];
  /** 'all', or the light whose units (and their projects of that light) are listed */
  lightFilter: Light | 'all' = 'all';
  /** 'all', or how far the listed units' year has (not) come */
  statusFilter: OverviewStatusFilter = 'all';
  error: string | null = null;
  loading = false;
  /** the unit and year the rows belong to */
  loadedFor: { unitId: string; year: number } | null = null;

  constructor(
    private readonly repo: Repository,
    private readonly context: WorkspaceContext,
  ) {
    // rows are replaced whole and only read: no per-field observables for thousands of listed projects
    makeAutoObservable<OverviewStore, 'repo' | 'context'>(this, { repo: false, context: false, rows: observable.ref });
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
        lights: { green: t.lights.green + r.lights.green, yellow: t.lights.yellow + r.lights.yellow, red: t.lights.red + r.lights.red },
        unmonitored: t.unmonitored + r.unmonitored,
      }),
      { projectCount: 0, targetsFilled: 0, assessmentsDone: 0, plans: 0, lights: { green: 0, yellow: 0, red: 0 }, unmonitored: 0 },
    );
  }

  setLightFilter(filter: Light | 'all'): void {
    this.lightFilter = filter;
  }

  setStatusFilter(filter: OverviewStatusFilter): void {
    this.statusFilter = filter;
  }

  /** The units shown: all, or those as far as the status filter asks and with a project of the chosen light. */
  get shownRows(): SupervisedUnitSummary[] {
    const f = this.lightFilter;
    const status = STATUS_TESTS[this.statusFilter];
    if (f === 'all' && this.statusFilter === 'all') return this.rows;
    return this.rows.filter((r) => status(r) && (f === 'all' || r.lights[f] > 0));
  }
}
