// Projects with their indicators: lists, the editors' saves, delete and undo, copies within and across years.
import { EMPTY_FUNDING, type Id, type MonitoringRound, type Project, type ProjectReview, type SelfAssessment } from '../../shared/model';
import { canUnitEdit, contentDigest, targetLabel, unitEditScope } from '../../shared/review';
import { changedTargets } from '../../shared/review-changes';
import { compareNames } from '../../shared/unit-tree';
import type { PerfDatabase, StoredPlan, StoredProject } from './database';
import { freshPlanCopy, planOf } from './department-plans';
import { DB_MESSAGES as M } from './messages';
import {
  assembleProject,
  indicatorsOf,
  indicatorsOfMany,
  loadProject,
  refuseForeignIndicators,
  storedIndicatorIds,
  summarize,
  writeProjects,
  type ProjectSummary,
} from './project-rows';
import {
  fail,
  firstDuplicate,
  isValidYear,
  nextRevision,
  Refusal,
  refuseStale,
  yearsOfUnit,
  type RepoContext,
  type RepoResult,
  type Revised,
  type SaveOptions,
  withoutRevision,
} from './transaction';
import { requireUnit } from './units';

/** What a new project needs; every other field starts empty. */
export type NewProject = Pick<Project, 'unitId' | 'year' | 'name'> &
  Partial<Omit<Project, 'id' | 'unitId' | 'year' | 'name' | 'updatedAt' | 'selfAssessment'>>;

/** What deleteMany removed, kept by the UI so that 撤销 can put it back. */
export interface DeletedProjects {
  projects: Revised<Project>[];
}

export interface CopyYearSummary {
  toYear: number;
  projects: Revised<Project>[];
  departmentPlan: StoredPlan | null;
}

type ProjectMerge = (project: Project, stored: Revised<Project> | undefined) => Project;
/** A refusal a save may raise against the stored row (a Refusal thrown inside its transaction). */
type SaveCheck = (row: StoredProject, saved: Project) => Promise<void>;

/**
 * 审核通过 locks the targets for the unit until the supervisor reopens them (shared/review.ts unitEditScope); approved
 * with opinions still open, only what the opinions point at may change. A save that changes nothing is let through.
 */
async function refuseLockedByReview(db: PerfDatabase, row: StoredProject, saved: Project): Promise<void> {
  if (!row.review) return;
  const stored = assembleProject(row, await indicatorsOf(db, row.id));
  const scope = unitEditScope(stored);
  // the local revision is no part of the targets
  if (scope.kind === 'all' || contentDigest(withoutRevision(stored)) === contentDigest(withoutRevision(saved))) return;
  if (scope.kind === 'none') throw new Refusal(M.projectLockedByReview(stored.name));
  const changes = changedTargets(stored, saved);
  const outside = changes.targets.filter((t) => !canUnitEdit(stored, t)).map((t) => targetLabel(stored, { ...t, projectId: stored.id }));
  if (changes.other || outside.length > 0) throw new Refusal(M.projectOutsideReviewScope(stored.name, outside));
}

export class ProjectRepository {
  constructor(private readonly ctx: RepoContext) {}

  private get tables() {
    const { db } = this.ctx;
    return [db.units, db.projects, db.indicatorLists];
  }

  /** Project rows of one unit and year, read through the [unitId+year] index, indicators not loaded. Sorted by name. */
  async list(unitId: Id, year: number): Promise<ProjectSummary[]> {
    const rows = await this.ctx.db.projects.where('[unitId+year]').equals([unitId, year]).toArray();
    return rows.map(summarize).sort((a, b) => compareNames(a.name, b.name));
  }

  /** The years in which a unit has projects, ascending; read from the index keys alone. */
  years(unitId: Id): Promise<number[]> {
    return yearsOfUnit(this.ctx.db.projects, unitId);
  }

  /**
   * Whole projects (indicators included) of one unit and year, in the order of list, read in one transaction: for
   * screens that need every project's indicators, instead of a get per row.
   */
  async listFull(unitId: Id, year: number): Promise<Revised<Project>[]> {
    const { db } = this.ctx;
    return db.transaction('r', [db.projects, db.indicatorLists], async () => {
      const rows = await db.projects.where('[unitId+year]').equals([unitId, year]).toArray();
      rows.sort((a, b) => compareNames(a.name, b.name));
      const byProject = await indicatorsOfMany(db, rows.map((r) => r.id));
      return rows.map((row) => assembleProject(row, byProject.get(row.id) ?? []));
    });
  }

  async get(id: Id): Promise<Revised<Project> | undefined> {
    const { db } = this.ctx;
    return db.transaction('r', [db.projects, db.indicatorLists], async () => {
      const row = await db.projects.get(id);
      if (!row) return undefined;
      return assembleProject(row, await indicatorsOf(db, id));
    });
  }

  async create(input: NewProject): Promise<RepoResult<Revised<Project>>> {
    const name = input.name.trim();
    if (name === '') return fail(M.projectNameEmpty);
    if (!isValidYear(input.year)) return fail(M.invalidYear(input.year));
    const draft = structuredClone(input);
    const project: Revised<Project> = {
      ...draft,
      id: this.ctx.newId(),
      name,
      governmentInvestment: draft.governmentInvestment ?? false,
      key: draft.key ?? false,
      funding: draft.funding ?? { ...EMPTY_FUNDING },
      townSubsidy: draft.townSubsidy ?? 0,
      overview: draft.overview ?? '',
      basis: draft.basis ?? '',
      annualGoal: draft.annualGoal ?? '',
      periodGoal: draft.periodGoal ?? '',
      indicators: draft.indicators ?? [],
      updatedAt: this.ctx.timestamp(),
      revision: 1,
    };
    const duplicate = firstDuplicate(project.indicators.map((i) => i.id));
    if (duplicate !== undefined) return fail(M.duplicateIndicatorId(duplicate));
    return this.ctx.change(this.tables, async () => {
      await requireUnit(this.ctx.db, project.unitId, M.projectUnitMissing(name));
      await refuseForeignIndicators(this.ctx.db, [project], [], new Map());
      await writeProjects(this.ctx, [project]);
      return project;
    });
  }

  /** Saves the project and replaces its indicator list, all in one transaction. Stamps updatedAt. */
  save(project: Project, options: SaveOptions = {}): Promise<RepoResult<Revised<Project>>> {
    return this.saveMerged(project, (p) => p, options);
  }

  /**
   * The authoring editor's save: targets and basic data. The self-assessment and the monitoring rounds stay as
   * stored, read in the same transaction: the 绩效自评 workspace owns them, and an editor holding an older copy must
   * not write that back.
   */
  saveTargets(project: Project, options: SaveOptions = {}): Promise<RepoResult<Revised<Project>>> {
    return this.saveMerged(
      project,
      (p, stored) => {
        const { selfAssessment: _mine, monitoring: _rounds, review: _review, ...targets } = p;
        return {
          ...targets,
          ...(stored?.selfAssessment ? { selfAssessment: stored.selfAssessment } : {}),
          ...(stored?.monitoring ? { monitoring: stored.monitoring } : {}),
          ...(stored?.review ? { review: stored.review } : {}),
        };
      },
      options,
      (row, saved) => refuseLockedByReview(this.ctx.db, row, saved),
    );
  }

  /**
   * The 审核 side's save (the unit submitting or answering, the supervisor reviewing or reopening): only the review,
   * onto the project as stored now, in one transaction. The review comes from shared/review.ts transitions.
   */
  async saveReview(projectId: Id, review: ProjectReview, options: SaveOptions = {}): Promise<RepoResult<Revised<Project>>> {
    return this.savePart(projectId, options, (stored) => ({ ...stored, review: structuredClone(review) }));
  }

  /**
   * The reviews a supervisor's package brought (shared/review.ts planReviewImport), all or nothing: each project gets
   * the merged review onto its stored targets. `updates` carry the local project as the plan read it: one changed
   * since (its updatedAt differs) refuses the whole, so nothing typed meanwhile is written over unseen.
   */
  async saveReviews(updates: readonly Project[]): Promise<RepoResult<number>> {
    const { db } = this.ctx;
    return this.ctx.change(this.tables, async () => {
      const saved: Revised<Project>[] = [];
      for (const update of updates) {
        const stored = await loadProject(db, update.id);
        if (stored.updatedAt !== update.updatedAt) throw new Refusal(M.importStale);
        if (!update.review) continue;
        saved.push({ ...stored, review: structuredClone(update.review), updatedAt: this.ctx.timestamp(), revision: nextRevision(stored) });
      }
      // the targets are the stored ones: every indicator list is written back as it was
      await writeProjects(this.ctx, saved);
      return saved.length;
    });
  }

  /** The 绩效自评 workspace's save: only the self-assessment, onto the project as stored now, in one transaction. */
  async saveSelfAssessment(projectId: Id, selfAssessment: SelfAssessment, options: SaveOptions = {}): Promise<RepoResult<Revised<Project>>> {
    return this.savePart(projectId, options, (stored) => ({ ...stored, selfAssessment: structuredClone(selfAssessment) }));
  }

  /** The 绩效监控 screen's save: only the monitoring rounds, onto the project as stored now, in one transaction. */
  async saveMonitoring(projectId: Id, rounds: readonly MonitoringRound[], options: SaveOptions = {}): Promise<RepoResult<Revised<Project>>> {
    return this.savePart(projectId, options, ({ monitoring: _old, ...rest }) => ({ ...rest, ...(rounds.length > 0 ? { monitoring: structuredClone([...rounds]) } : {}) }));
  }

  /**
   * One part of a project (withPart puts it onto the project as stored now) written in one transaction, refused when
   * the project changed since the revision the caller read; the indicators stay as they are.
   */
  private savePart(projectId: Id, options: SaveOptions, withPart: (stored: Revised<Project>) => Project): Promise<RepoResult<Revised<Project>>> {
    const { db } = this.ctx;
    return this.ctx.change(this.tables, async () => {
      const stored = await loadProject(db, projectId);
      refuseStale(stored, options, M.projectChangedElsewhere(stored.name));
      const saved: Revised<Project> = { ...withPart(stored), updatedAt: this.ctx.timestamp(), revision: nextRevision(stored) };
      await writeProjects(this.ctx, [saved]);
      return saved;
    });
  }

  private async saveMerged(project: Project, merge: ProjectMerge, options: SaveOptions, check?: SaveCheck): Promise<RepoResult<Revised<Project>>> {
    const { db } = this.ctx;
    if (project.name.trim() === '') return fail(M.projectNameEmpty);
    if (!isValidYear(project.year)) return fail(M.invalidYear(project.year));
    const duplicate = firstDuplicate(project.indicators.map((i) => i.id));
    if (duplicate !== undefined) return fail(M.duplicateIndicatorId(duplicate));
    const copy = structuredClone(project);
    return this.ctx.change(this.tables, async () => {
      const row = await db.projects.get(project.id);
      if (row && options.expectedRevision !== undefined && row.revision > options.expectedRevision) {
        throw new Refusal(M.projectChangedElsewhere(row.name), assembleProject(row, await indicatorsOf(db, row.id)));
      }
      const stored = row ? assembleProject(row, []) : undefined;
      const saved: Revised<Project> = { ...merge(copy, stored), updatedAt: this.ctx.timestamp(), revision: nextRevision(row) };
      if (row && check) await check(row, saved);
      await requireUnit(db, saved.unitId, M.projectUnitMissing(saved.name));
      const own = await storedIndicatorIds(db, [saved.id]);
      await refuseForeignIndicators(db, [saved], [], own);
      await writeProjects(this.ctx, [saved]);
      return saved;
    });
  }

  delete(id: Id): Promise<DeletedProjects> {
    return this.deleteMany([id]);
  }

  /** Deletes projects with their indicators; returns what was deleted so the UI can offer 撤销 (see restore). */
  async deleteMany(ids: readonly Id[]): Promise<DeletedProjects> {
    const { db } = this.ctx;
    return db.transaction('rw', [db.projects, db.indicatorLists], async () => {
      const projects: Revised<Project>[] = [];
      for (const id of ids) {
        const row = await db.projects.get(id);
        if (!row) continue;
        projects.push(assembleProject(row, await indicatorsOf(db, id)));
        await db.indicatorLists.delete(id);
        await db.projects.delete(id);
      }
      return { projects };
    });
  }

  /** Puts deleted projects back exactly as they were (same ids, same updatedAt, same revision). */
  async restore(deleted: DeletedProjects): Promise<RepoResult<number>> {
    const { db } = this.ctx;
    return this.ctx.change(this.tables, async () => {
      for (const project of deleted.projects) {
        await requireUnit(db, project.unitId, M.restoreUnitMissing(project.name));
        if (await db.projects.get(project.id)) throw new Refusal(M.restoreIdTaken(project.name));
      }
      await refuseForeignIndicators(db, deleted.projects, [], new Map());
      await writeProjects(
        this.ctx,
        deleted.projects.map((p) => ({ ...p, revision: p.revision ?? 1 })),
      );
      return deleted.projects.length;
    });
  }

  /** A copy in the same unit and year named “…（副本）”, with new ids and no self-assessment. */
  async duplicate(id: Id): Promise<RepoResult<Revised<Project>>> {
    return this.ctx.change(this.tables, async () => {
      const source = await loadProject(this.ctx.db, id);
      const copy = this.freshCopy(source, source.year);
      copy.name = source.name + M.copySuffix;
      await writeProjects(this.ctx, [copy]);
      return copy;
    });
  }

  /** Copies the chosen projects into another year of their own units (new ids, no self-assessment). */
  async copyToYear(ids: readonly Id[], toYear: number): Promise<RepoResult<Revised<Project>[]>> {
    if (!isValidYear(toYear)) return fail(M.invalidYear(toYear));
    return this.ctx.change(this.tables, async () => {
      const copies: Revised<Project>[] = [];
      for (const id of ids) copies.push(this.freshCopy(await loadProject(this.ctx.db, id), toYear));
      await writeProjects(this.ctx, copies);
      return copies;
    });
  }

  /**
   * Starts next year from this one: copies every project of the unit's year, and its department plan, into year + 1
   * with new ids, without self-assessment or year-end results. Refused when the next year already has projects.
   */
  async copyUnitYear(unitId: Id, fromYear: number): Promise<RepoResult<CopyYearSummary>> {
    const { db } = this.ctx;
    const toYear = fromYear + 1;
    if (!isValidYear(fromYear) || !isValidYear(toYear)) return fail(M.invalidYear(fromYear));
    return this.ctx.change([...this.tables, db.departmentPlans], async () => {
      await requireUnit(db, unitId, M.unitNotFound);
      const existing = await db.projects.where('[unitId+year]').equals([unitId, toYear]).count();
      if (existing > 0) throw new Refusal(M.targetYearNotEmpty(toYear, existing));
      const rows = await db.projects.where('[unitId+year]').equals([unitId, fromYear]).toArray();
      const plan = await planOf(db, unitId, fromYear);
      if (rows.length === 0 && !plan) throw new Refusal(M.sourceYearEmpty(fromYear));

      const byProject = await indicatorsOfMany(db, rows.map((r) => r.id));
      const projects = rows.map((row) => this.freshCopy(assembleProject(row, byProject.get(row.id) ?? []), toYear));
      await writeProjects(this.ctx, projects);
      let planCopy: StoredPlan | null = null;
      if (plan && !(await planOf(db, unitId, toYear))) {
        planCopy = freshPlanCopy(this.ctx, plan, toYear);
        await db.departmentPlans.add(planCopy);
      }
      return { toYear, projects, departmentPlan: planCopy };
    });
  }

  /** A new project from `source`: the year's own work (self-assessment, monitoring rounds) stays with the source. */
  private freshCopy(source: Project, year: number): Revised<Project> {
    const { selfAssessment: _dropped, monitoring: _rounds, ...rest } = structuredClone(source);
    return {
      ...rest,
      id: this.ctx.newId(),
      year,
      indicators: rest.indicators.map((indicator) => ({ ...indicator, id: this.ctx.newId() })),
      updatedAt: this.ctx.timestamp(),
      revision: 1,
    };
  }
}
