// The supervisor's year at a glance: every unit below it with how far its year's work has come.
import Dexie from 'dexie';
import type { Id } from '../../shared/model';
import type { Light } from '../../shared/monitoring';
import { ruleSetOf } from '../../shared/rule-sets';
import { schemeOf } from '../../shared/schemes';
import { byUnitName, compareNames, UnitTree } from '../../shared/unit-tree';
import { planOf } from './department-plans';
import { DB_MESSAGES as M } from './messages';
import { lightOfProject, ruleSetFingerprint } from './monitoring-lights';
import { indicatorsOfProjects } from './bulk-reads';
import type { StoredProject } from './database';
import { keptTargets, targetsAreFilled } from './targets-filled';
import { assembleProject } from './project-rows';
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
  /** projects by the light of their latest monitoring round (domain.md §8) */
  lights: Record<Light, number>;
  /** projects with no monitoring round this year */
  unmonitored: number;
  /** the projects with a round: worst light first, then in Chinese name order as the rows were read */
  monitored: MonitoredProject[];
}

/** A project's latest monitoring round as the supervisor's overview lists it. */
export interface MonitoredProject {
  projectId: Id;
  name: string;
  month: number;
  /** null: the round has nothing to judge yet */
  light: Light | null;
  /** "执行：红灯；指标：红灯 1 个；项目：红灯" */
  explanation: string;
}

const LIGHT_ORDER: Record<Light | 'none', number> = { red: 0, yellow: 1, green: 2, none: 3 };

export class SupervisorRepository {
  constructor(private readonly ctx: RepoContext) {}

  /**
   * The year at a glance for a supervisor: every unit below it (children, their children, …; depth first, names in
   * Chinese order) with its project count, targets filled, self-assessments finished and whether it has a plan.
   */
  async overview(supervisorUnitId: Id, year: number): Promise<RepoResult<SupervisedUnitSummary[]>> {
    const { db } = this.ctx;
    const rows = await db.transaction('r', [db.units, db.projects, db.indicatorLists, db.departmentPlans], async () => {
      const tree = new UnitTree(await db.units.toArray(), byUnitName);
      if (!tree.get(supervisorUnitId)) return null;
      const descendants = tree.descendants(supervisorUnitId);
      // the year's projects of every unit first, then their indicators in one go (indicatorsOfProjects): a city's
      // 2,000 projects read a range each would wait on as many requests
      const rowsOf = new Map(
        await Dexie.Promise.all(
          descendants.map(({ unit }) =>
            db.projects
              .where('[unitId+year]')
              .equals([unit.id, year])
              .toArray()
              .then((rows) => [unit.id, rows] as const),
          ),
        ),
      );
      // a project's indicators are read only where what its row keeps is stale: targets checked against another scheme,
      // a light worked out by another rule set (targets-filled.ts, monitoring-lights.ts)
      const stale = descendants.flatMap(({ unit }) => {
        const scheme = schemeOf(unit);
        const rules = ruleSetFingerprint(ruleSetOf(unit, year));
        const isStale = (row: StoredProject) => keptTargets(row, scheme) === undefined || (!!row.monitoring?.length && row.monitoringLight?.rules !== rules);
        return (rowsOf.get(unit.id) ?? []).filter(isStale).map((row) => row.id);
      });
      const byProject = await indicatorsOfProjects(db, stale);
      return Promise.all(
        descendants.map(async ({ unit, depth }): Promise<SupervisedUnitSummary> => {
          const projectRows = rowsOf.get(unit.id) ?? [];
          const scheme = schemeOf(unit);
          const rules = ruleSetFingerprint(ruleSetOf(unit, year));
          let targetsFilled = 0;
          const lights: Record<Light, number> = { green: 0, yellow: 0, red: 0 };
          const monitored: MonitoredProject[] = [];
          for (const row of projectRows) {
            const project = assembleProject(row, byProject.get(row.id) ?? []);
            // the light stored at the last write, unless the unit's rule set has changed since
            const stored = row.monitoringLight;
            const lit = stored && stored.rules === rules ? stored : lightOfProject(project, unit);
            if (lit) {
              if (lit.light) lights[lit.light] += 1;
              monitored.push({ projectId: row.id, name: row.name, month: lit.month, light: lit.light, explanation: lit.explanation });
            }
            if (keptTargets(row, scheme) ?? targetsAreFilled(project, scheme)) targetsFilled += 1;
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
            lights,
            unmonitored: projectRows.length - monitored.length,
            monitored: monitored.sort((a, b) => LIGHT_ORDER[a.light ?? 'none'] - LIGHT_ORDER[b.light ?? 'none'] || compareNames(a.name, b.name)),
          };
          if (unit.shortName !== undefined) summary.shortName = unit.shortName;
          return summary;
        }),
      );
    });
    return rows === null ? fail(M.supervisorNotFound) : ok(rows);
  }
}
