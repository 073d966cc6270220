// Projects as the database keeps them: a project row (everything but the indicators, plus counts for the lists) and
// one indicator list per project. The conversions both ways, list summaries, and the reads and writes of indicator
// lists that projects, exchange and the supervisor overview share.
import Dexie from 'dexie';
import { fundingTotal, type AssessmentStatus, type DepartmentPlan, type Fen, type Funding, type Id, type Indicator, type Project, type ReviewStatus, type Timestamp, type Unit } from '../../shared/model';
import { reviewStatusOf } from '../../shared/review';
import type { PerfDatabase, StoredIndicatorList, StoredProject } from './database';
import { DB_MESSAGES as M } from './messages';
import { lightOfProject, type StoredLight } from './monitoring-lights';
import { targetsOfProject } from './targets-filled';
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
  /** 审核状态 (domain.md §9): 待提交 · 已提交 · 已退回 · 审核通过 */
  reviewStatus: ReviewStatus;
  /** how many monitoring rounds the year holds */
  monitoringRounds: number;
  /** the latest round's light as stored at the last write (monitoring-lights.ts); null when none was stored */
  monitoringLight: StoredLight | null;
  updatedAt: Timestamp;
}

/**
 * Rows per bulk request. fake-indexeddb's cost of one request grows with the rows queued in it (a bulkAdd of 100,000
 * rows takes many times 20 of 5,000), and a real IndexedDB holds no less memory for one huge request either.
 */
export const WRITE_CHUNK = 5000;

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

/** The row and the list share objects with `project`: IndexedDB copies what it stores when the write is made. */
function toStoredProject(project: Revised<Project>, errorCount?: number): { row: StoredProject; list: StoredIndicatorList } {
  const { indicators, ...rest } = project;
  const row: StoredProject = { ...rest, indicatorCount: indicators.length };
  if (errorCount !== undefined) row.errorCount = errorCount;
  return { row, list: { projectId: project.id, indicators, ids: indicators.map((i) => i.id) } };
}

export function assembleProject(row: StoredProject, indicators: readonly Indicator[]): Revised<Project> {
  const { indicatorCount: _count, errorCount: _errors, monitoringLight: _light, targets: _targets, ...rest } = row;
  return { ...rest, indicators: [...indicators] };
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
    reviewStatus: p.review ? reviewStatusOf({ ...p, indicators: [] }) : 'draft',
    monitoringRounds: p.monitoring?.length ?? 0,
    monitoringLight: null,
    updatedAt: p.updatedAt,
  };
}

export function summarize(row: StoredProject): ProjectSummary {
  const summary = summarizeProject(row, row.indicatorCount, row.errorCount ?? null);
  if (row.monitoringLight) summary.monitoringLight = row.monitoringLight;
  return summary;
}

/** A project's indicators in saved order; none when it has no list stored. */
export function indicatorsOf(db: PerfDatabase, projectId: Id): Promise<Indicator[]> {
  return db.indicatorLists.get(projectId).then((list) => list?.indicators ?? []);
}

/** The indicators of many projects, by project (one bulk read); a project with no list stored has an empty one. */
export function indicatorsOfMany(db: PerfDatabase, projectIds: readonly Id[]): Promise<Map<Id, Indicator[]>> {
  return db.indicatorLists.bulkGet([...projectIds]).then((lists) => new Map(projectIds.map((id, i) => [id, lists[i]?.indicators ?? []])));
}

/** Every stored list's indicators, by project. */
export function indicatorsOfAll(db: PerfDatabase): Promise<Map<Id, Indicator[]>> {
  return db.indicatorLists.toArray().then((lists) => new Map(lists.map((list) => [list.projectId, list.indicators])));
}

/** The stored project, indicators included; refused when there is none. Call inside a transaction. */
export async function loadProject(db: PerfDatabase, id: Id): Promise<Revised<Project>> {
  const row = await db.projects.get(id);
  if (!row) throw new Refusal(M.projectNotFound);
  return assembleProject(row, await indicatorsOf(db, id));
}

/** The stored indicator ids of each stored project of these, by project; a project not stored has none. */
export type StoredIndicatorIds = ReadonlyMap<Id, readonly Id[]>;

/** Reads the stored indicator ids of these projects, by project; a project with no list stored has none. */
export function storedIndicatorIds(db: PerfDatabase, projectIds: readonly Id[]): Promise<Map<Id, Id[]>> {
  return db.indicatorLists.bulkGet([...projectIds]).then((lists) => {
    const ids = new Map<Id, Id[]>();
    for (const list of lists) if (list && list.ids.length > 0) ids.set(list.projectId, list.ids);
    return ids;
  });
}

/** Up to this many indicator ids are looked up one by one; more are checked against every stored list. */
const LOOKUP_ONE_BY_ONE = 2000;

/** Index reads issued together: enough to keep a real IndexedDB busy, few enough for fake-indexeddb's queue. */
const REQUESTS_TOGETHER = 500;

/** The stored project holding each of these indicator ids, for those a stored list holds. */
export function holdersOfIndicators(db: PerfDatabase, indicatorIds: readonly Id[]): Promise<Map<Id, Id>> {
  const holders = new Map<Id, Id>();
  if (indicatorIds.length <= LOOKUP_ONE_BY_ONE) {
    // a save's few ids: an index read each, a few hundred issued together
    return inChunks(
      indicatorIds,
      (chunk) =>
        Dexie.Promise.all(
          chunk.map((id) =>
            db.indicatorLists
              .where('ids')
              .equals(id)
              .primaryKeys()
              .then((keys) => {
                if (keys.length > 0) holders.set(id, keys[0]);
              }),
          ),
        ),
      REQUESTS_TOGETHER,
    ).then(() => holders);
  }
  // an import's thousands: one read of every list costs less than as many lookups of ids mostly not stored
  const wanted = new Set(indicatorIds);
  return db.indicatorLists.toArray().then((lists) => {
    for (const list of lists) for (const id of list.ids) if (wanted.has(id)) holders.set(id, list.projectId);
    return holders;
  });
}

/**
 * Indicator ids are global keys of projects and plans alike: refuse rather than silently move another project's
 * indicator. An incoming id that is not among its own project's stored ones (`own`, for every incoming project that
 * is stored) must not be stored at all: it would be another project's, or a plan's indicator stored as a project's.
 */
export async function refuseForeignIndicators(
  db: PerfDatabase,
  projects: readonly Project[],
  plans: readonly DepartmentPlan[],
  own: StoredIndicatorIds,
): Promise<void> {
  const unknown: Id[] = [];
  for (const project of projects) {
    const mine = new Set(own.get(project.id) ?? []);
    for (const indicator of project.indicators) if (!mine.has(indicator.id)) unknown.push(indicator.id);
  }
  for (const plan of plans) for (const indicator of plan.indicators) unknown.push(indicator.id);
  const holders = await holdersOfIndicators(db, unknown);
  const taken = unknown.find((id) => holders.has(id));
  if (taken !== undefined) throw new Refusal(M.indicatorOfOtherProject(taken));
}

/**
 * Writes project rows and their indicator lists in bulk, in chunks; a stored project's list is replaced whole. The
 * projects carry the revision to store. Call inside a transaction over units, projects and indicator lists, after
 * refuseForeignIndicators.
 */
export function writeProjects(ctx: RepoContext, projects: readonly Revised<Project>[]): Promise<void> {
  requireTransaction(ctx.db);
  // nothing to write is still a Dexie promise: awaiting a bare native one can lose the transaction (see inChunks)
  if (projects.length === 0) return Dexie.Promise.resolve();
  return writeProjectRows(ctx, projects);
}

async function writeProjectRows(ctx: RepoContext, projects: readonly Revised<Project>[]): Promise<void> {
  const { db, errorCounter: counter } = ctx;
  const units = new Map<Id, Unit>();
  // the units' rule sets light the monitoring rounds, their schemes check the targets
  const found = await db.units.bulkGet([...new Set(projects.map((p) => p.unitId))]);
  for (const unit of found) if (unit) units.set(unit.id, unit);
  const rows = projects.map((project) => {
    const unit = units.get(project.unitId);
    const stored = toStoredProject(project, counter && unit ? counter(project, unit) : undefined);
    const light = lightOfProject(project, unit);
    if (light) stored.row.monitoringLight = light;
    stored.row.targets = targetsOfProject(project, unit);
    return stored;
  });
  await inChunks(
    rows.map((s) => s.list),
    (chunk) => db.indicatorLists.bulkPut(chunk),
  );
  await inChunks(
    rows.map((s) => s.row),
    (chunk) => db.projects.bulkPut(chunk),
  );
}
