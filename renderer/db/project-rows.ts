// Projects as the database keeps them: a project row (everything but the indicators, plus counts for the lists) and
// one row per indicator. The conversions both ways, list summaries, and the reads and writes of indicator rows that
// projects, exchange and the supervisor overview share.
import Dexie from 'dexie';
import { fundingTotal, type AssessmentStatus, type DepartmentPlan, type Fen, type Funding, type Id, type Indicator, type Project, type Timestamp, type Unit } from '../../shared/model';
import type { PerfDatabase, StoredIndicator, StoredProject } from './database';
import { DB_MESSAGES as M } from './messages';
import { Refusal, requireTransaction, type RepoContext, type Revised } from './transaction';

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

/**
 * Rows per bulk request. fake-indexeddb's cost of one request grows with the rows queued in it (a bulkAdd of 100,000
 * rows takes many times 20 of 5,000), and a real IndexedDB holds no less memory for one huge request either.
 */
export const WRITE_CHUNK = 5000;

/** Range deletes issued together: enough to keep a real IndexedDB busy, few enough for fake-indexeddb's queue. */
const DELETE_CHUNK = 500;

/**
 * Calls `write` on consecutive slices of at most `size` items, one after the other. A chain of Dexie promises,
 * not an async function: Dexie carries its transaction across a few native awaits only, and nested async helpers
 * around a write can outlast that, after which the next request runs outside the transaction.
 */
export function inChunks<T>(items: readonly T[], write: (chunk: T[]) => PromiseLike<unknown>, size = WRITE_CHUNK): Promise<void> {
  let chain: Promise<unknown> = Dexie.Promise.resolve();
  for (let i = 0; i < items.length; i += size) {
    const chunk = items.slice(i, i + size);
    chain = chain.then(() => write(chunk));
  }
  return chain.then(() => undefined);
}

function toStoredProject(project: Revised<Project>, errorCount?: number): { row: StoredProject; indicators: StoredIndicator[] } {
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

export function assembleProject(row: StoredProject, indicatorRows: readonly StoredIndicator[]): Revised<Project> {
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

export function summarize(row: StoredProject): ProjectSummary {
  return summarizeProject(row, row.indicatorCount, row.errorCount ?? null);
}

export function indicatorRowsOf(db: PerfDatabase, projectId: Id): Promise<StoredIndicator[]> {
  return db.indicators
    .where('[projectId+order]')
    .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
    .toArray();
}

/** Indicator rows of many projects, grouped by project, each group in saved order. */
export async function indicatorRowsOfMany(db: PerfDatabase, projectIds: readonly Id[]): Promise<Map<Id, StoredIndicator[]>> {
  // one range query per project, issued together: anyOf() over hundreds of keys is far slower on some backends
  const groups = await Dexie.Promise.all(projectIds.map((id) => indicatorRowsOf(db, id)));
  return new Map(projectIds.map((id, i) => [id, groups[i]]));
}

export function groupByProject(rows: readonly StoredIndicator[]): Map<Id, StoredIndicator[]> {
  const byProject = new Map<Id, StoredIndicator[]>();
  for (const row of rows) {
    const list = byProject.get(row.projectId);
    if (list) list.push(row);
    else byProject.set(row.projectId, [row]);
  }
  return byProject;
}

/** The stored project, indicators included; refused when there is none. Call inside a transaction. */
export async function loadProject(db: PerfDatabase, id: Id): Promise<Revised<Project>> {
  const row = await db.projects.get(id);
  if (!row) throw new Refusal(M.projectNotFound);
  return assembleProject(row, await indicatorRowsOf(db, id));
}

/**
 * Indicator ids are global keys of projects and plans alike: refuse rather than silently move another project's
 * indicator. A stored project indicator is never a plan's own. Returns the projects that already own some of the
 * incoming indicators, whose rows a write must replace.
 */
export async function refuseForeignIndicators(
  db: PerfDatabase,
  projects: readonly Project[],
  plans: readonly DepartmentPlan[] = [],
): Promise<Set<Id>> {
  const owner = new Map<Id, Id>();
  for (const project of projects) for (const indicator of project.indicators) owner.set(indicator.id, project.id);
  const ids = [...owner.keys(), ...plans.flatMap((plan) => plan.indicators.map((indicator) => indicator.id))];
  const owning = new Set<Id>();
  await inChunks(ids, (chunk) =>
    db.indicators.bulkGet(chunk).then((rows) => {
      for (const row of rows) {
        if (!row) continue;
        if (row.projectId !== owner.get(row.id)) throw new Refusal(M.indicatorOfOtherProject(row.id));
        owning.add(row.projectId);
      }
    }),
  );
  return owning;
}

/**
 * Writes project rows and their indicator rows in bulk, in chunks. The stored indicator rows of the projects in
 * `replacing` are deleted first; every other project must have none (a new id, or a restored one). The projects carry
 * the revision to store. Call inside a transaction over units, projects and indicators.
 */
export function writeProjects(ctx: RepoContext, projects: readonly Revised<Project>[], replacing: Iterable<Id> = []): Promise<void> {
  requireTransaction(ctx.db);
  // nothing to write is still a Dexie promise: awaiting a bare native one can lose the transaction (see inChunks)
  if (projects.length === 0) return Dexie.Promise.resolve();
  return writeProjectRows(ctx, projects, [...new Set(replacing)]);
}

async function writeProjectRows(ctx: RepoContext, projects: readonly Revised<Project>[], replaced: readonly Id[]): Promise<void> {
  const { db, errorCounter: counter } = ctx;
  const units = new Map<Id, Unit>();
  if (counter) {
    const found = await db.units.bulkGet([...new Set(projects.map((p) => p.unitId))]);
    for (const unit of found) if (unit) units.set(unit.id, unit);
  }
  const stored = projects.map((project) => {
    const unit = units.get(project.unitId);
    return toStoredProject(project, counter && unit ? counter(project, unit) : undefined);
  });
  // one range delete per project, a few hundred at a time: anyOf() over many keys is slow on some backends
  await inChunks(
    replaced,
    (chunk) => Dexie.Promise.all(chunk.map((id) => db.indicators.where('projectId').equals(id).delete())),
    DELETE_CHUNK,
  );
  await inChunks(
    stored.flatMap((s) => s.indicators),
    (chunk) => db.indicators.bulkAdd(chunk),
  );
  await inChunks(
    stored.map((s) => s.row),
    (chunk) => db.projects.bulkPut(chunk),
  );
}
