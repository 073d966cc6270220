// The supervisor's year at a glance: every unit below it with how far its year's work has come.
import type { Id } from '../../shared/model';
import { schemeOf } from '../../shared/schemes';
import { byUnitName, UnitTree } from '../../shared/unit-tree';
import { hasBlockingErrors, validateProject } from '../../shared/validation';
import { planOf } from './department-plans';
import { DB_MESSAGES as M } from './messages';
import { assembleProject, indicatorRowsOfMany } from './project-rows';
import { fail, ok, type RepoContext, type RepoResult } from './transaction';

/** One unit under a supervisor, as the supervisor's year overview lists it. */
export interface SupervisedUnitSummary {
  unitId: Id;
  unitName: string;
  shortName?: string;
  parentId: Id | null;
  /** 1 for a direct subordinate of the supervisor, 2 for theirs, … */
  depth: number;
  projectCount: number;
  /** projects with indicators, an annual goal and no blocking error in their targets (the unit's scheme) */
  targetsFilled: number;
  /** projects whose self-assessment is marked 已完成 */
  assessmentsDone: number;
  hasDepartmentPlan: boolean;
}

export class SupervisorRepository {
  constructor(private readonly ctx: RepoContext) {}

  /**
   * The year at a glance for a supervisor: every unit below it (children, their children, …; depth first, names in
   * Chinese order) with its project count, targets filled, self-assessments finished and whether it has a plan.
   */
  async overview(supervisorUnitId: Id, year: number): Promise<RepoResult<SupervisedUnitSummary[]>> {
    const { db } = this.ctx;
    const rows = await db.transaction('r', [db.units, db.projects, db.indicators, db.departmentPlans], async () => {
      const tree = new UnitTree(await db.units.toArray(), byUnitName);
      if (!tree.get(supervisorUnitId)) return null;
      return Promise.all(
        tree.descendants(supervisorUnitId).map(async ({ unit, depth }): Promise<SupervisedUnitSummary> => {
          const projectRows = await db.projects.where('[unitId+year]').equals([unit.id, year]).toArray();
          const byProject = await indicatorRowsOfMany(db, projectRows.map((r) => r.id));
          const scheme = schemeOf(unit);
          let targetsFilled = 0;
          for (const row of projectRows) {
            const { selfAssessment: _sa, ...targets } = assembleProject(row, byProject.get(row.id) ?? []);
            // the targets alone: a half-filled self-assessment must not make finished targets count as unfinished
            const filled =
              targets.indicators.length > 0 &&
              targets.annualGoal.trim() !== '' &&
              !hasBlockingErrors(validateProject(targets, scheme));
            if (filled) targetsFilled += 1;
          }
          const summary: SupervisedUnitSummary = {
            unitId: unit.id,
            unitName: unit.name,
            parentId: unit.parentId,
            depth,
            projectCount: projectRows.length,
            targetsFilled,
            assessmentsDone: projectRows.filter((r) => r.selfAssessment?.status === 'done').length,
            hasDepartmentPlan: (await planOf(db, unit.id, year)) !== undefined,
          };
          if (unit.shortName !== undefined) summary.shortName = unit.shortName;
          return summary;
        }),
      );
    });
    return rows === null ? fail(M.supervisorNotFound) : ok(rows);
  }
}
