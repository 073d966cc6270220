// The repository: the only code that reads and writes the database. Every change that touches more than one record
// runs in one Dexie 'rw' transaction, so a failure half-way leaves the database exactly as it was.
// Refusals the user can cause come back as a RepoResult with a Chinese message; only programming or storage faults throw.
import Dexie, { type Table } from 'dexie';
import {
  EMPTY_FUNDING,
  fundingTotal,
  type AssessmentStatus,
  type DepartmentPlan,
  type Fen,
  type Funding,
  type Id,
  type Indicator,
  type PlanTask,
  type Project,
  type SelfAssessment,
  type RuleSet,
  type Timestamp,
  type Unit,
} from '../../shared/model';
import { withUnitRuleSet } from '../../shared/rule-sets';
import type { ImportPlan, LocalExpectation, SyncBases } from '../../shared/consolidation';
import type { ExchangeDocument } from '../../shared/exchange/exchange';
import { DEFAULT_SCHEME_ID, getScheme, schemeOf } from '../../shared/schemes';
import { hasBlockingErrors, validateProject } from '../../shared/validation';
import type { PerfDatabase, StoredIndicator, StoredProject } from './database';
import { DB_MESSAGES as M, LISTED_PROBLEMS } from './messages';

export type RepoResult<T> = { ok: true; value: T } | { ok: false; error: string };

export interface RepositoryOptions {
  /** the clock; tests inject a fixed one */
  now?: () => Date;
  /** id generator; defaults to crypto.randomUUID */
  newId?: () => Id;
  /**
   * Counts a project's blocking validation errors (shared/validation.ts with the unit's scheme). When given, the count
   * is stored on the project row at every write so the list can show 草稿/待完善/已完成 without loading indicators.
   */
  errorCounter?: (project: Project, unit: Unit) => number;
}

export interface NewUnit {
  name: string;
  shortName?: string;
  parentId?: Id | null;
  schemeId?: string;
}

/** What a new project needs; every other field starts empty. */
export type NewProject = Pick<Project, 'unitId' | 'year' | 'name'> &
  Partial<Omit<Project, 'id' | 'unitId' | 'year' | 'name' | 'updatedAt' | 'selfAssessment'>>;

/** One row of a project list, read without loading any indicator. */
export interface ProjectSummary {
  id: Id;
  unitId: Id;
  year: number;
  name: string;
  key: boolean;
  governmentInvestment: boolean;
  funding: Funding;
  /** 总额 of the year's budget */
  fundingTotal: Fen;
  indicatorCount: number;
  /** blocking validation errors as of the last write; null when no errorCounter is configured */
  errorCount: number | null;
  /** whether 年度绩效目标 has been written */
  hasAnnualGoal: boolean;
  assessmentStatus: AssessmentStatus;
  /** 全年预算数（调整后）总额, null before self-assessment starts */
  budgetAdjustedTotal: Fen | null;
  /** 全年执行数总额, null before self-assessment starts */
  spentTotal: Fen | null;
  updatedAt: Timestamp;
}

/** Everything the database holds that belongs in a backup or an exchange package. */
export interface DataSet {
  units: Unit[];
  projects: Project[];
  departmentPlans: DepartmentPlan[];
}

export interface DataCounts {
  units: number;
  projects: number;
  indicators: number;
  departmentPlans: number;
}

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

/** What deleteProjects removed, kept by the UI so that 撤销 can put it back. */
export interface DeletedProjects {
  projects: Project[];
}

export interface CopyYearSummary {
  toYear: number;
  projects: Project[];
  departmentPlan: DepartmentPlan | null;
}

const ok = <T>(value: T): RepoResult<T> => ({ ok: true, value });
const fail = <T>(error: string): RepoResult<T> => ({ ok: false, error });

/** Thrown inside a transaction to abort it and hand a refusal back to the caller. */
class Refusal extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
  }
}

const nameCollator = new Intl.Collator('zh-Hans-CN');

function isValidYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1900 && year <= 9999;
}

function toStoredProject(project: Project, errorCount?: number): { row: StoredProject; indicators: StoredIndicator[] } {
  const { indicators, ...rest } = structuredClone(project);
  const row: StoredProject = { ...rest, indicatorCount: indicators.length };
  if (errorCount !== undefined) row.errorCount = errorCount;
  const rows = indicators.map((indicator, order): StoredIndicator => ({ ...indicator, projectId: project.id, order }));
  return { row, indicators: rows };
}

function toIndicator(row: StoredIndicator): Indicator {
  const { projectId: _projectId, order: _order, ...indicator } = row;
  return indicator;
}

function assembleProject(row: StoredProject, indicatorRows: StoredIndicator[]): Project {
  const { indicatorCount: _count, errorCount: _errors, ...rest } = row;
  const ordered = [...indicatorRows].sort((a, b) => a.order - b.order);
  return { ...rest, indicators: ordered.map(toIndicator) };
}

/**
 * The list row of a project: of a stored row here, of a just-saved project in the list store (which then has no stored
 * count to hand and passes its own).
 */
export function summarizeProject(p: Omit<Project, 'indicators'>, indicatorCount: number, errorCount: number | null): ProjectSummary {
  const assessment = p.selfAssessment;
  return {
    id: p.id,
    unitId: p.unitId,
    year: p.year,
    name: p.name,
    key: p.key,
    governmentInvestment: p.governmentInvestment,
    funding: { ...p.funding },
    fundingTotal: fundingTotal(p.funding),
    indicatorCount,
    errorCount,
    hasAnnualGoal: p.annualGoal.trim() !== '',
    assessmentStatus: assessment?.status ?? 'notStarted',
    budgetAdjustedTotal: assessment ? fundingTotal(assessment.budgetAdjusted) : null,
    spentTotal: assessment ? fundingTotal(assessment.spent) : null,
    updatedAt: p.updatedAt,
  };
}

function summarize(row: StoredProject): ProjectSummary {
  return summarizeProject(row, row.indicatorCount, row.errorCount ?? null);
}

/** First id that occurs twice in the list, if any. */
function firstDuplicate(ids: readonly Id[]): Id | undefined {
  const seen = new Set<Id>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

export class Repository {
  private readonly now: () => Date;
  private readonly newId: () => Id;
  private readonly errorCounter: ((project: Project, unit: Unit) => number) | undefined;

  constructor(
    private readonly db: PerfDatabase,
    options: RepositoryOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.errorCounter = options.errorCounter;
  }

  private timestamp(): Timestamp {
    return this.now().toISOString();
  }

  /** Runs a read-write transaction; a Refusal thrown inside rolls everything back and becomes a failed result. */
  private async change<T>(tables: Table[], work: () => Promise<T>): Promise<RepoResult<T>> {
    try {
      return ok(await this.db.transaction('rw', tables, work));
    } catch (error) {
      if (error instanceof Refusal) return fail(error.userMessage);
      throw error;
    }
  }

  // ---------------------------------------------------------------- units

  async listUnits(): Promise<Unit[]> {
    const units = await this.db.units.toArray();
    return units.sort((a, b) => nameCollator.compare(a.name, b.name));
  }

  getUnit(id: Id): Promise<Unit | undefined> {
    return this.db.units.get(id);
  }

  async createUnit(input: NewUnit): Promise<RepoResult<Unit>> {
    const name = input.name.trim();
    if (name === '') return fail(M.unitNameEmpty);
    const schemeId = input.schemeId ?? DEFAULT_SCHEME_ID;
    if (!getScheme(schemeId)) return fail(M.schemeNotFound);
    const parentId = input.parentId ?? null;
    return this.change([this.db.units], async () => {
      if (parentId !== null && !(await this.db.units.get(parentId))) throw new Refusal(M.parentNotFound);
      const unit: Unit = { id: this.newId(), name, parentId, schemeId, updatedAt: this.timestamp() };
      const shortName = input.shortName?.trim();
      if (shortName) unit.shortName = shortName;
      await this.db.units.add(unit);
      return unit;
    });
  }

  /** Sets the full name and, when given, the short name ('' clears it). */
  async renameUnit(id: Id, name: string, shortName?: string): Promise<RepoResult<Unit>> {
    const trimmed = name.trim();
    if (trimmed === '') return fail(M.unitNameEmpty);
    return this.updateUnit(id, (unit) => {
      unit.name = trimmed;
      if (shortName !== undefined) {
        if (shortName.trim() === '') delete unit.shortName;
        else unit.shortName = shortName.trim();
      }
    });
  }

  async setUnitParent(id: Id, parentId: Id | null): Promise<RepoResult<Unit>> {
    if (parentId === id) return fail(M.parentIsSelf);
    return this.updateUnit(id, async (unit) => {
      if (parentId !== null) {
        // walk up from the new parent: meeting this unit means the tree would become a cycle
        const seen = new Set<Id>();
        let cursor: Id | null = parentId;
        while (cursor !== null && !seen.has(cursor)) {
          seen.add(cursor);
          const ancestor: Unit | undefined = await this.db.units.get(cursor);
          if (!ancestor) {
            if (cursor === parentId) throw new Refusal(M.parentNotFound);
            break;
          }
          if (ancestor.parentId === id) throw new Refusal(M.parentIsDescendant);
          cursor = ancestor.parentId;
        }
      }
      unit.parentId = parentId;
    });
  }

  /** Changes the scheme; stored error counts of the unit's projects are recomputed in the same transaction. */
  async setUnitScheme(id: Id, schemeId: string): Promise<RepoResult<Unit>> {
    if (!getScheme(schemeId)) return fail(M.schemeNotFound);
    return this.updateUnit(
      id,
      async (unit) => {
        unit.schemeId = schemeId;
        const counter = this.errorCounter;
        if (!counter) return;
        const rows = await this.db.projects.where('unitId').equals(id).toArray();
        const byProject = await this.indicatorRowsOfMany(rows.map((r) => r.id));
        for (const row of rows) row.errorCount = counter(assembleProject(row, byProject.get(row.id) ?? []), unit);
        await this.db.projects.bulkPut(rows);
      },
      [this.db.projects, this.db.indicators],
    );
  }

  /** The unit scores `year` and later years (until a later entry) by `ruleSet` (shared/rule-sets.ts withUnitRuleSet). */
  async setUnitRuleSet(id: Id, year: number, ruleSet: RuleSet): Promise<RepoResult<Unit>> {
    return this.updateUnit(id, (unit) => {
      unit.ruleSets = withUnitRuleSet(unit, year, ruleSet);
    });
  }

  private updateUnit(
    id: Id,
    edit: (unit: Unit) => void | Promise<void>,
    alsoTables: Table[] = [],
  ): Promise<RepoResult<Unit>> {
    return this.change([this.db.units, ...alsoTables], async () => {
      const unit = await this.db.units.get(id);
      if (!unit) throw new Refusal(M.unitNotFound);
      await edit(unit);
      unit.updatedAt = this.timestamp();
      await this.db.units.put(unit);
      return unit;
    });
  }

  /**
   * Deletes a unit that holds nothing: no projects, no department plan of any year, no subordinate unit. The check runs
   * in the same transaction as the delete, so nothing can be added in between. Settings whose value is the unit's id
   * (the remembered choice of unit) go with it.
   */
  async deleteUnit(id: Id): Promise<RepoResult<Unit>> {
    const db = this.db;
    return this.change([db.units, db.projects, db.departmentPlans, db.settings], async () => {
      const unit = await db.units.get(id);
      if (!unit) throw new Refusal(M.unitNotFound);
      const refusal = await this.unitHoldings(id);
      if (refusal) throw new Refusal(refusal);
      await db.units.delete(id);
      await db.settings.filter((s) => s.value === id).delete();
      return unit;
    });
  }

  /** Why the unit cannot be deleted now, or null; lets the dialog refuse before asking for confirmation. */
  async unitDeleteRefusal(id: Id): Promise<string | null> {
    const db = this.db;
    return db.transaction('r', [db.units, db.projects, db.departmentPlans], () => this.unitHoldings(id));
  }

  /** The refusal naming everything a unit still holds, or null; call inside a transaction over units, projects, plans. */
  private async unitHoldings(id: Id): Promise<string | null> {
    const db = this.db;
    const projects = await db.projects.where('unitId').equals(id).count();
    const projectYears = projects > 0 ? await yearsOfUnit(db.projects, id) : [];
    const planYears = await yearsOfUnit(db.departmentPlans, id);
    const children = await db.units.where('parentId').equals(id).count();
    if (projects === 0 && planYears.length === 0 && children === 0) return null;
    return M.unitNotEmpty({ projects, projectYears, planYears, children });
  }

  // ---------------------------------------------------------------- projects

  /** Project rows of one unit and year, read through the [unitId+year] index, indicators not loaded. Sorted by name. */
  async listProjects(unitId: Id, year: number): Promise<ProjectSummary[]> {
    const rows = await this.db.projects.where('[unitId+year]').equals([unitId, year]).toArray();
    return rows.map(summarize).sort((a, b) => nameCollator.compare(a.name, b.name));
  }

  /** The years in which a unit has projects, ascending; read from the index keys alone. */
  listProjectYears(unitId: Id): Promise<number[]> {
    return yearsOfUnit(this.db.projects, unitId);
  }

  /**
   * Whole projects (indicators included) of one unit and year, in the order of listProjects, read in one transaction:
   * for screens that need every project's indicators, instead of a getProject per row.
   */
  async listFullProjects(unitId: Id, year: number): Promise<Project[]> {
    const db = this.db;
    return db.transaction('r', [db.projects, db.indicators], async () => {
      const rows = await db.projects.where('[unitId+year]').equals([unitId, year]).toArray();
      rows.sort((a, b) => nameCollator.compare(a.name, b.name));
      const byProject = await this.indicatorRowsOfMany(rows.map((r) => r.id));
      return rows.map((row) => assembleProject(row, byProject.get(row.id) ?? []));
    });
  }

  async getProject(id: Id): Promise<Project | undefined> {
    return this.db.transaction('r', [this.db.projects, this.db.indicators], async () => {
      const row = await this.db.projects.get(id);
      if (!row) return undefined;
      return assembleProject(row, await this.indicatorRowsOf(id));
    });
  }

  /** Indicator rows of many projects, grouped by project, each group in saved order. */
  private async indicatorRowsOfMany(projectIds: readonly Id[]): Promise<Map<Id, StoredIndicator[]>> {
    // one range query per project, issued together: anyOf() over hundreds of keys is far slower on some backends
    const groups = await Promise.all(projectIds.map((id) => this.indicatorRowsOf(id)));
    return new Map(projectIds.map((id, i) => [id, groups[i]]));
  }

  private indicatorRowsOf(projectId: Id): Promise<StoredIndicator[]> {
    return this.db.indicators
      .where('[projectId+order]')
      .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
      .toArray();
  }

  async createProject(input: NewProject): Promise<RepoResult<Project>> {
    const name = input.name.trim();
    if (name === '') return fail(M.projectNameEmpty);
    if (!isValidYear(input.year)) return fail(M.invalidYear(input.year));
    const draft = structuredClone(input);
    const project: Project = {
      ...draft,
      id: this.newId(),
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
      updatedAt: this.timestamp(),
    };
    const duplicate = firstDuplicate(project.indicators.map((i) => i.id));
    if (duplicate !== undefined) return fail(M.duplicateIndicatorId(duplicate));
    return this.change(this.projectTables(), async () => {
      await this.requireUnit(project.unitId, M.projectUnitMissing(name));
      await this.refuseForeignIndicators([project]);
      await this.writeProjects([project], false);
      return project;
    });
  }

  /** Saves the project and replaces its indicator rows, all in one transaction. Stamps updatedAt. */
  async saveProject(project: Project): Promise<RepoResult<Project>> {
    return this.saveMergedProject(project, (p) => p);
  }

  /**
   * The authoring editor's save: targets and basic data. The self-assessment stays as stored, read in the same
   * transaction: the 绩效自评 workspace owns it, and an editor holding an older copy must not write that back.
   */
  async saveProjectTargets(project: Project): Promise<RepoResult<Project>> {
    return this.saveMergedProject(project, (p, stored) => {
      const { selfAssessment: _mine, ...targets } = p;
      return stored?.selfAssessment ? { ...targets, selfAssessment: stored.selfAssessment } : targets;
    });
  }

  /** The 绩效自评 workspace's save: only the self-assessment, onto the project as stored now, in one transaction. */
  async saveSelfAssessment(projectId: Id, selfAssessment: SelfAssessment): Promise<RepoResult<Project>> {
    return this.change(this.projectTables(), async () => {
      const row = await this.db.projects.get(projectId);
      if (!row) throw new Refusal(M.projectNotFound);
      const saved: Project = {
        ...assembleProject(row, await this.indicatorRowsOf(projectId)),
        selfAssessment: structuredClone(selfAssessment),
        updatedAt: this.timestamp(),
      };
      await this.writeProjects([saved], true);
      return saved;
    });
  }

  private async saveMergedProject(project: Project, merge: (p: Project, stored: Project | undefined) => Project): Promise<RepoResult<Project>> {
    if (project.name.trim() === '') return fail(M.projectNameEmpty);
    if (!isValidYear(project.year)) return fail(M.invalidYear(project.year));
    const duplicate = firstDuplicate(project.indicators.map((i) => i.id));
    if (duplicate !== undefined) return fail(M.duplicateIndicatorId(duplicate));
    const copy = structuredClone(project);
    return this.change(this.projectTables(), async () => {
      const row = await this.db.projects.get(project.id);
      const stored = row ? assembleProject(row, []) : undefined;
      const saved: Project = { ...merge(copy, stored), updatedAt: this.timestamp() };
      await this.requireUnit(saved.unitId, M.projectUnitMissing(saved.name));
      await this.refuseForeignIndicators([saved]);
      await this.writeProjects([saved], true);
      return saved;
    });
  }

  async deleteProject(id: Id): Promise<DeletedProjects> {
    return this.deleteProjects([id]);
  }

  /** Deletes projects with their indicators; returns what was deleted so the UI can offer 撤销 (see restore). */
  async deleteProjects(ids: readonly Id[]): Promise<DeletedProjects> {
    return this.db.transaction('rw', [this.db.projects, this.db.indicators], async () => {
      const projects: Project[] = [];
      for (const id of ids) {
        const row = await this.db.projects.get(id);
        if (!row) continue;
        projects.push(assembleProject(row, await this.indicatorRowsOf(id)));
        await this.db.indicators.where('projectId').equals(id).delete();
        await this.db.projects.delete(id);
      }
      return { projects };
    });
  }

  /** Puts deleted projects back exactly as they were (same ids, same updatedAt). */
  async restore(deleted: DeletedProjects): Promise<RepoResult<number>> {
    return this.change(this.projectTables(), async () => {
      for (const project of deleted.projects) {
        await this.requireUnit(project.unitId, M.restoreUnitMissing(project.name));
        if (await this.db.projects.get(project.id)) throw new Refusal(M.restoreIdTaken(project.name));
      }
      await this.refuseForeignIndicators(deleted.projects);
      await this.writeProjects(deleted.projects, false);
      return deleted.projects.length;
    });
  }

  /** A copy in the same unit and year named “…（副本）”, with new ids and no self-assessment. */
  async duplicateProject(id: Id): Promise<RepoResult<Project>> {
    return this.change(this.projectTables(), async () => {
      const source = await this.loadProject(id);
      const copy = this.freshCopy(source, source.year);
      copy.name = source.name + M.copySuffix;
      await this.writeProjects([copy], false);
      return copy;
    });
  }

  /** Copies the chosen projects into another year of their own units (new ids, no self-assessment). */
  async copyProjectsToYear(ids: readonly Id[], toYear: number): Promise<RepoResult<Project[]>> {
    if (!isValidYear(toYear)) return fail(M.invalidYear(toYear));
    return this.change(this.projectTables(), async () => {
      const copies: Project[] = [];
      for (const id of ids) copies.push(this.freshCopy(await this.loadProject(id), toYear));
      await this.writeProjects(copies, false);
      return copies;
    });
  }

  /**
   * Starts next year from this one: copies every project of the unit's year, and its department plan, into year + 1
   * with new ids, without self-assessment or year-end results. Refused when the next year already has projects.
   */
  async copyUnitYear(unitId: Id, fromYear: number): Promise<RepoResult<CopyYearSummary>> {
    const toYear = fromYear + 1;
    if (!isValidYear(fromYear) || !isValidYear(toYear)) return fail(M.invalidYear(fromYear));
    return this.change([...this.projectTables(), this.db.departmentPlans], async () => {
      await this.requireUnit(unitId, M.unitNotFound);
      const existing = await this.db.projects.where('[unitId+year]').equals([unitId, toYear]).count();
      if (existing > 0) throw new Refusal(M.targetYearNotEmpty(toYear, existing));
      const rows = await this.db.projects.where('[unitId+year]').equals([unitId, fromYear]).toArray();
      const plan = await this.planOf(unitId, fromYear);
      if (rows.length === 0 && !plan) throw new Refusal(M.sourceYearEmpty(fromYear));

      const byProject = await this.indicatorRowsOfMany(rows.map((r) => r.id));
      const projects = rows.map((row) => this.freshCopy(assembleProject(row, byProject.get(row.id) ?? []), toYear));
      await this.writeProjects(projects, false);
      let planCopy: DepartmentPlan | null = null;
      if (plan && !(await this.planOf(unitId, toYear))) {
        planCopy = this.freshPlanCopy(plan, toYear);
        await this.db.departmentPlans.add(planCopy);
      }
      return { toYear, projects, departmentPlan: planCopy };
    });
  }

  private projectTables(): Table[] {
    return [this.db.units, this.db.projects, this.db.indicators];
  }

  private async requireUnit(unitId: Id, message: string): Promise<void> {
    if (!(await this.db.units.get(unitId))) throw new Refusal(message);
  }

  private async loadProject(id: Id): Promise<Project> {
    const row = await this.db.projects.get(id);
    if (!row) throw new Refusal(M.projectNotFound);
    return assembleProject(row, await this.indicatorRowsOf(id));
  }

  /**
   * Indicator ids are global keys of projects and plans alike: refuse rather than silently move another project's
   * indicator. A stored project indicator is never a plan's own.
   */
  private async refuseForeignIndicators(projects: readonly Project[], plans: readonly DepartmentPlan[] = []): Promise<void> {
    const owner = new Map<Id, Id>();
    for (const project of projects) for (const indicator of project.indicators) owner.set(indicator.id, project.id);
    const planIndicatorIds = plans.flatMap((plan) => plan.indicators.map((indicator) => indicator.id));
    const existing = await this.db.indicators.bulkGet([...owner.keys(), ...planIndicatorIds]);
    for (const row of existing) {
      if (row && row.projectId !== owner.get(row.id)) throw new Refusal(M.indicatorOfOtherProject(row.id));
    }
  }

  /**
   * The exchange validator's rule, against stored plans: an incoming indicator id (of a project or a plan) that a stored
   * plan holds is refused, unless that plan is the incoming plan's own, i.e. the write replaces it (same id, or same unit
   * and year). Only imports check this: it reads every plan, and the app's own saves make fresh ids.
   */
  private async refuseIndicatorsOfStoredPlans(data: DataSet): Promise<void> {
    const incoming = new Map<Id, DepartmentPlan | null>();
    for (const project of data.projects) for (const indicator of project.indicators) incoming.set(indicator.id, null);
    for (const plan of data.departmentPlans) for (const indicator of plan.indicators) incoming.set(indicator.id, plan);
    // no early return: an awaited call that issues no request can let the transaction commit before the writes below
    for (const stored of await this.db.departmentPlans.toArray()) {
      for (const indicator of stored.indicators) {
        if (!incoming.has(indicator.id)) continue;
        const plan = incoming.get(indicator.id);
        const replaced = plan && (plan.id === stored.id || (plan.unitId === stored.unitId && plan.year === stored.year));
        if (!replaced) throw new Refusal(M.indicatorOfPlan(indicator.id, stored.year));
      }
    }
  }

  /**
   * Writes project rows and their indicator rows in bulk. With `replacing`, the projects' stored indicator rows are
   * deleted first; without it the projects must be new (fresh ids or restored ones). Call inside a transaction over
   * units, projects and indicators.
   */
  private async writeProjects(projects: readonly Project[], replacing: boolean): Promise<void> {
    if (projects.length === 0) return;
    const counter = this.errorCounter;
    const units = new Map<Id, Unit>();
    if (counter) {
      const found = await this.db.units.bulkGet([...new Set(projects.map((p) => p.unitId))]);
      for (const unit of found) if (unit) units.set(unit.id, unit);
    }
    const stored = projects.map((project) => {
      const unit = units.get(project.unitId);
      return toStoredProject(project, counter && unit ? counter(project, unit) : undefined);
    });
    if (replacing) {
      await Promise.all(projects.map((p) => this.db.indicators.where('projectId').equals(p.id).delete()));
    }
    await this.db.indicators.bulkAdd(stored.flatMap((s) => s.indicators));
    await this.db.projects.bulkPut(stored.map((s) => s.row));
  }

  private freshCopy(source: Project, year: number): Project {
    const { selfAssessment: _dropped, ...rest } = structuredClone(source);
    return {
      ...rest,
      id: this.newId(),
      year,
      indicators: rest.indicators.map((indicator) => ({ ...indicator, id: this.newId() })),
      updatedAt: this.timestamp(),
    };
  }

  // ---------------------------------------------------------------- department plans

  private async planOf(unitId: Id, year: number): Promise<DepartmentPlan | undefined> {
    return this.db.departmentPlans.where('[unitId+year]').equals([unitId, year]).first();
  }

  getDepartmentPlan(unitId: Id, year: number): Promise<DepartmentPlan | undefined> {
    return this.planOf(unitId, year);
  }

  /** Saves the plan as the only one of its unit and year. Stamps updatedAt. */
  async saveDepartmentPlan(plan: DepartmentPlan): Promise<RepoResult<DepartmentPlan>> {
    return this.saveMergedPlan(plan, (p) => p);
  }

  /** The plan editor's save: the year-end figures (results, each task's spending) stay as stored. */
  async saveDepartmentPlanTargets(plan: DepartmentPlan): Promise<RepoResult<DepartmentPlan>> {
    return this.saveMergedPlan(plan, (p, stored) => {
      const spent = new Map((stored?.tasks ?? []).map((t) => [t.id, t.spent]));
      const { results: _mine, ...targets } = p;
      return {
        ...targets,
        ...(stored?.results ? { results: stored.results } : {}),
        tasks: withSpending(p.tasks, spent),
      };
    });
  }

  /** The year-end save of a plan: results and each task's spending onto the plan as stored now. */
  async saveDepartmentPlanYearEnd(plan: DepartmentPlan): Promise<RepoResult<DepartmentPlan>> {
    return this.saveMergedPlan(plan, (p, stored) => {
      if (!stored) return p;
      const spent = new Map(p.tasks.map((t) => [t.id, t.spent]));
      return {
        ...stored,
        results: p.results ?? [],
        tasks: withSpending(stored.tasks, spent),
      };
    });
  }

  private async saveMergedPlan(plan: DepartmentPlan, merge: (p: DepartmentPlan, stored: DepartmentPlan | undefined) => DepartmentPlan): Promise<RepoResult<DepartmentPlan>> {
    if (!isValidYear(plan.year)) return fail(M.invalidYear(plan.year));
    const copy = structuredClone(plan);
    return this.change([this.db.units, this.db.departmentPlans], async () => {
      const stored = await this.db.departmentPlans.get(plan.id);
      const saved: DepartmentPlan = { ...merge(copy, stored), updatedAt: this.timestamp() };
      await this.requireUnit(saved.unitId, M.planUnitMissing(saved.year));
      await this.putPlanReplacingSameYear(saved);
      return saved;
    });
  }

  private async putPlanReplacingSameYear(plan: DepartmentPlan): Promise<void> {
    await this.db.departmentPlans
      .where('[unitId+year]')
      .equals([plan.unitId, plan.year])
      .filter((other) => other.id !== plan.id)
      .delete();
    await this.db.departmentPlans.put(plan);
  }

  private freshPlanCopy(source: DepartmentPlan, year: number): DepartmentPlan {
    const { results: _results, ...rest } = structuredClone(source);
    return {
      ...rest,
      id: this.newId(),
      year,
      tasks: rest.tasks.map(({ spent: _spent, ...task }) => ({ ...task, id: this.newId() })),
      indicators: rest.indicators.map((indicator) => ({ ...indicator, id: this.newId() })),
      updatedAt: this.timestamp(),
    };
  }

  // ---------------------------------------------------------------- settings

  async getSetting(key: string): Promise<unknown> {
    return (await this.db.settings.get(key))?.value;
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.db.settings.put({ key, value });
  }

  // ---------------------------------------------------------------- backup and exchange

  /** A consistent snapshot of all units, projects (with ordered indicators) and department plans. */
  async exportAll(): Promise<DataSet> {
    const db = this.db;
    return db.transaction('r', [db.units, db.projects, db.indicators, db.departmentPlans], async () => {
      const units = await db.units.toArray();
      const rows = await db.projects.toArray();
      const indicatorRows = await db.indicators.toArray();
      const departmentPlans = await db.departmentPlans.toArray();
      const byProject = groupByProject(indicatorRows);
      const projects = rows.map((row) => assembleProject(row, byProject.get(row.id) ?? []));
      return { units, projects, departmentPlans };
    });
  }

  /**
   * Restore from backup: empties units, projects, indicators, plans and the consolidation bases and writes the data
   * set, all or nothing. The bases go because they describe imports into the data being replaced.
   */
  async replaceAll(data: DataSet): Promise<RepoResult<DataCounts>> {
    const problem = checkDataSet(data, new Set(data.units.map((u) => u.id)));
    if (problem) return fail(problem);
    const db = this.db;
    return this.change([...this.dataTables(), db.syncBases], async () => {
      for (const table of [...this.dataTables(), db.syncBases]) await table.clear();
      await db.units.bulkAdd(structuredClone(data.units));
      // the tables are empty and checkDataSet found no duplicate id: written as new projects, error counts included
      await this.writeProjects(data.projects, false);
      await db.departmentPlans.bulkAdd(structuredClone(data.departmentPlans));
      return countsOf(data);
    });
  }

  /**
   * Restores a backup package: the document is validated again (format, version, schema, ids and references) before
   * anything is touched, then all data is replaced in one transaction. A rejected document changes nothing.
   */
  async restoreBackup(doc: ExchangeDocument): Promise<RepoResult<DataCounts>> {
    // the exchange format's validator is large and only needed here: loaded on first use
    const { validateExchange } = await import('../../shared/exchange/exchange');
    const checked = validateExchange(doc);
    if (!checked.ok) {
      // the count is every problem found; the validator lists only the first ones
      const listed = checked.problems.slice(0, LISTED_PROBLEMS).map((p) => p.message.replace(/。$/, '')).join('；');
      return fail(M.backupInvalid(checked.problemCount, listed, checked.problemCount - LISTED_PROBLEMS));
    }
    const { units, projects, departmentPlans } = checked.document;
    return this.replaceAll({ units, projects, departmentPlans });
  }

  /**
   * Merges a data set into the database, all or nothing: records are inserted or overwritten by id, an imported
   * project's indicators replace the stored ones, and an imported plan replaces the plan of the same unit and year.
   * Deciding which side of a conflict is newer is the exchange layer's job, before calling this.
   */
  async importRecords(data: DataSet): Promise<RepoResult<DataCounts>> {
    return this.change(this.dataTables(), () => this.mergeRecords(data));
  }

  /** The consolidation bases of every record imported so far (record id → the package's updatedAt). */
  async getSyncBases(): Promise<Map<Id, Timestamp>> {
    const rows = await this.db.syncBases.toArray();
    return new Map(rows.map((r) => [r.id, r.updatedAt]));
  }

  /**
   * Classifies a validated package against the database (shared/consolidation.ts planImport), reading the data and
   * the bases in one snapshot. Writes nothing: show the plan, let the user resolve conflicts, then applyImport.
   */
  async planPackageImport(doc: ExchangeDocument): Promise<ImportPlan> {
    const db = this.db;
    const [local, bases] = await db.transaction('r', [...this.dataTables(), db.syncBases], async () => [
      await this.exportAll(),
      await this.getSyncBases(),
    ] as const);
    const { planImport } = await import('../../shared/consolidation');
    return planImport(local, doc, bases);
  }

  /**
   * Writes the outcome of a consolidation (shared/consolidation.ts applyPlan): the records and the new bases in ONE
   * transaction, so a failure anywhere leaves both the data and the bases as they were. `expected` holds the local
   * state the plan was made against (shared/consolidation.ts expectedLocalState): if any record changed since, nothing
   * is written, so an edit made between reading a package and applying it is never overwritten unseen.
   */
  async applyImport(records: DataSet, bases: SyncBases, expected: readonly LocalExpectation[] = []): Promise<RepoResult<DataCounts>> {
    const db = this.db;
    return this.change([...this.dataTables(), db.syncBases], async () => {
      for (const e of expected) if (!(await this.stillAsPlanned(e))) throw new Refusal(M.importStale);
      const counts = await this.mergeRecords(records);
      await db.syncBases.bulkPut([...bases].map(([id, updatedAt]) => ({ id, updatedAt })));
      return counts;
    });
  }

  /** Whether the local record a plan compared (looked up by its local id, in the table of its kind) is unchanged. */
  private async stillAsPlanned(e: LocalExpectation): Promise<boolean> {
    const db = this.db;
    const current =
      e.kind === 'unit' ? await db.units.get(e.id) : e.kind === 'project' ? await db.projects.get(e.id) : await db.departmentPlans.get(e.id);
    if ((current?.updatedAt ?? null) !== e.updatedAt) return false;
    // a plan to be added replaces whatever plan its unit and year has by then: there must still be none
    return e.kind !== 'departmentPlan' || e.updatedAt !== null || (await this.planOf(e.unitId, e.year)) === undefined;
  }

  /** The body of importRecords; call inside a transaction over the data tables. */
  private async mergeRecords(data: DataSet): Promise<DataCounts> {
    const db = this.db;
    const unitIds = new Set<Id>(data.units.map((u) => u.id));
    const referenced = [...data.projects.map((p) => p.unitId), ...data.departmentPlans.map((p) => p.unitId)];
    const missing = referenced.filter((id) => !unitIds.has(id));
    const found = await db.units.bulkGet([...new Set(missing)]);
    for (const unit of found) if (unit) unitIds.add(unit.id);
    const problem = checkDataSet(data, unitIds);
    if (problem) throw new Refusal(problem);
    await this.refuseForeignIndicators(data.projects, data.departmentPlans);
    await this.refuseIndicatorsOfStoredPlans(data);

    await db.units.bulkPut(structuredClone(data.units));
    await this.writeProjects(data.projects, true);
    for (const plan of data.departmentPlans) await this.putPlanReplacingSameYear(structuredClone(plan));
    return countsOf(data);
  }

  private dataTables(): Table[] {
    return [this.db.units, this.db.projects, this.db.indicators, this.db.departmentPlans];
  }

  // ---------------------------------------------------------------- supervisor

  /**
   * The year at a glance for a supervisor: every unit below it (children, their children, …; depth first, names in
   * Chinese order) with its project count, targets filled, self-assessments finished and whether it has a plan.
   */
  async supervisorOverview(supervisorUnitId: Id, year: number): Promise<RepoResult<SupervisedUnitSummary[]>> {
    const db = this.db;
    const rows = await db.transaction('r', this.dataTables(), async () => {
      const units = await db.units.toArray();
      if (!units.some((u) => u.id === supervisorUnitId)) return null;
      const below = descendantsOf(units, supervisorUnitId);
      return Promise.all(
        below.map(async ({ unit, depth }): Promise<SupervisedUnitSummary> => {
          const projectRows = await db.projects.where('[unitId+year]').equals([unit.id, year]).toArray();
          const byProject = await this.indicatorRowsOfMany(projectRows.map((r) => r.id));
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
            hasDepartmentPlan: (await this.planOf(unit.id, year)) !== undefined,
          };
          if (unit.shortName !== undefined) summary.shortName = unit.shortName;
          return summary;
        }),
      );
    });
    return rows === null ? fail(M.supervisorNotFound) : ok(rows);
  }
}

/** The years a table indexed by [unitId+year] holds for one unit, ascending; read from the index keys alone. */
async function yearsOfUnit(table: Table, unitId: Id): Promise<number[]> {
  const keys = await table
    .where('[unitId+year]')
    .between([unitId, Dexie.minKey], [unitId, Dexie.maxKey])
    .uniqueKeys();
  return keys.flatMap((key) => (Array.isArray(key) && typeof key[1] === 'number' ? [key[1]] : []));
}

/** Units below the root, depth first, siblings in Chinese name order; a cycle in bad data is walked once. */
function descendantsOf(units: readonly Unit[], rootId: Id): { unit: Unit; depth: number }[] {
  const children = new Map<Id, Unit[]>();
  for (const unit of units) {
    if (unit.parentId === null) continue;
    const list = children.get(unit.parentId);
    if (list) list.push(unit);
    else children.set(unit.parentId, [unit]);
  }
  const out: { unit: Unit; depth: number }[] = [];
  const seen = new Set<Id>([rootId]);
  const walk = (id: Id, depth: number): void => {
    const list = [...(children.get(id) ?? [])].sort((a, b) => nameCollator.compare(a.name, b.name));
    for (const unit of list) {
      if (seen.has(unit.id)) continue;
      seen.add(unit.id);
      out.push({ unit, depth });
      walk(unit.id, depth + 1);
    }
  };
  walk(rootId, 1);
  return out;
}

/** The tasks with each one's spending taken from the map (none where the map has none), not from the task itself. */
function withSpending(tasks: readonly PlanTask[], spent: ReadonlyMap<Id, Funding | undefined>): PlanTask[] {
  return tasks.map(({ spent: _s, ...task }) => {
    const amount = spent.get(task.id);
    return amount ? { ...task, spent: amount } : task;
  });
}

function groupByProject(rows: readonly StoredIndicator[]): Map<Id, StoredIndicator[]> {
  const byProject = new Map<Id, StoredIndicator[]>();
  for (const row of rows) {
    const list = byProject.get(row.projectId);
    if (list) list.push(row);
    else byProject.set(row.projectId, [row]);
  }
  return byProject;
}

function countsOf(data: DataSet): DataCounts {
  return {
    units: data.units.length,
    projects: data.projects.length,
    indicators: data.projects.reduce((sum, p) => sum + p.indicators.length, 0),
    departmentPlans: data.departmentPlans.length,
  };
}

/** Integrity checks a data set must pass before it is written: unique ids, owners present. */
function checkDataSet(data: DataSet, knownUnitIds: ReadonlySet<Id>): string | undefined {
  const unitDup = firstDuplicate(data.units.map((u) => u.id));
  if (unitDup !== undefined) return M.duplicateRecordId(M.recordKindUnit, unitDup);
  const projectDup = firstDuplicate(data.projects.map((p) => p.id));
  if (projectDup !== undefined) return M.duplicateRecordId(M.recordKindProject, projectDup);
  const planDup = firstDuplicate(data.departmentPlans.map((p) => p.id));
  if (planDup !== undefined) return M.duplicateRecordId(M.recordKindPlan, planDup);
  const indicatorDup = firstDuplicate([...data.projects, ...data.departmentPlans].flatMap((r) => r.indicators.map((i) => i.id)));
  if (indicatorDup !== undefined) return M.duplicateIndicatorId(indicatorDup);
  const planKeys = new Set<string>();
  for (const plan of data.departmentPlans) {
    const key = `${plan.unitId}\u0000${plan.year}`;
    if (planKeys.has(key)) return M.duplicatePlanYear(plan.year);
    planKeys.add(key);
  }
  for (const project of data.projects) {
    if (!knownUnitIds.has(project.unitId)) return M.projectUnitMissing(project.name);
  }
  for (const plan of data.departmentPlans) {
    if (!knownUnitIds.has(plan.unitId)) return M.planUnitMissing(plan.year);
  }
  return undefined;
}
