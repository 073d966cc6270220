// Backup and exchange: everything at once out (exportAll), a backup restored over everything (replaceAll,
// restoreBackup), packages merged in (importRecords; planPackageImport then applyImport with the consolidation bases).
// Packages and backups carry content only: the local revisions stay out of them, and every record an import or a
// restore writes gets the next revision of the one it replaces, so an editor holding the old one is refused.
import type { Table } from 'dexie';
import type { DepartmentPlan, Id, Project, Timestamp, Unit } from '../../shared/model';
import type { ImportOptions, ImportPlan, LocalExpectation, SyncBases } from '../../shared/consolidation';
import type { ExchangeDocument } from '../../shared/exchange/exchange';
import type { PerfDatabase, StoredPlan, StoredUnit } from './database';
import { planOf, putPlanReplacingSameYear } from './department-plans';
import { readForImport } from './import-reads';
import { DB_MESSAGES as M, LISTED_PROBLEMS } from './messages';
import { assembleProject, indicatorsOfAll, inChunks, refuseForeignIndicators, storedIndicatorIds, writeProjects } from './project-rows';
import { fail, firstDuplicate, nextRevision, Refusal, withoutRevision, type RepoContext, type RepoResult } from './transaction';

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

/** The stored records of these ids that exist, by id: the keys are read first, so absent ids cost no request. */
async function storedOf<R extends { id: Id }>(table: Table<R, Id>, ids: readonly Id[]): Promise<Map<Id, R>> {
  const keys = new Set(await table.toCollection().primaryKeys());
  const present = ids.filter((id) => keys.has(id));
  const found = new Map<Id, R>();
  await inChunks(present, (chunk) =>
    table.bulkGet(chunk).then((records) => {
      for (const record of records) if (record) found.set(record.id, record);
    }),
  );
  return found;
}

export class ExchangeRepository {
  constructor(private readonly ctx: RepoContext) {}

  private get dataTables(): Table[] {
    const { db } = this.ctx;
    return [db.units, db.projects, db.indicatorLists, db.departmentPlans];
  }

  /** A consistent snapshot of all units, projects (with ordered indicators) and department plans, without revisions. */
  async exportAll(): Promise<DataSet> {
    const { db } = this.ctx;
    return db.transaction('r', this.dataTables, async () => {
      const units = await db.units.toArray();
      const rows = await db.projects.toArray();
      const byProject = await indicatorsOfAll(db);
      const plans = await db.departmentPlans.toArray();
      return {
        units: units.map(withoutRevision),
        projects: rows.map((row) => withoutRevision(assembleProject(row, byProject.get(row.id) ?? []))),
        departmentPlans: plans.map(withoutRevision),
      };
    });
  }

  /**
   * Restore from backup: empties units, projects, indicator lists, plans and the consolidation bases and writes the data
   * set, all or nothing. The bases go because they describe imports into the data being replaced.
   */
  async replaceAll(data: DataSet): Promise<RepoResult<DataCounts>> {
    const problem = checkDataSet(data, new Set(data.units.map((u) => u.id)));
    if (problem) return fail(problem);
    const { db } = this.ctx;
    const tables = [...this.dataTables, db.syncBases];
    return this.ctx.change(tables, async () => {
      const revisions = new Map<Id, number>();
      for (const table of [db.units, db.projects, db.departmentPlans] as Table<{ id: Id; revision: number }, Id>[]) {
        for (const record of await table.toArray()) revisions.set(record.id, record.revision);
      }
      const next = <R extends { id: Id }>(record: R) => ({ ...record, revision: nextRevision({ revision: revisions.get(record.id) }) });
      for (const table of tables) await table.clear();
      await inChunks(structuredClone(data.units).map(next), (chunk) => db.units.bulkAdd(chunk));
      // the tables are empty and checkDataSet found no duplicate id: written as new projects, error counts included
      await writeProjects(this.ctx, data.projects.map(next));
      await inChunks(structuredClone(data.departmentPlans).map(next), (chunk) => db.departmentPlans.bulkAdd(chunk));
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
    return this.ctx.change(this.dataTables, () => this.mergeRecords(data));
  }

  /** The consolidation bases of every record imported so far (record id → the package's updatedAt). */
  async getSyncBases(): Promise<Map<Id, Timestamp>> {
    const rows = await this.ctx.db.syncBases.toArray();
    return new Map(rows.map((r) => [r.id, r.updatedAt]));
  }

  /**
   * Classifies a validated package against the database (shared/consolidation.ts planImport), reading the records it
   * can meet and their bases in one snapshot. Writes nothing: show the plan, let the user resolve conflicts, then
   * applyImport.
   * `options.unitDecisions`: the units the user confirmed (or refused) as local ones (shared/directory.ts).
   */
  async planPackageImport(doc: ExchangeDocument, options: ImportOptions = {}): Promise<ImportPlan> {
    // only the records the package can meet (renderer/db/import-reads.ts), not the whole database
    const { local, bases } = await readForImport(this.ctx.db, doc, options);
    const { planImport } = await import('../../shared/consolidation');
    return planImport(local, doc, bases, options);
  }

  /**
   * Writes the outcome of a consolidation (shared/consolidation.ts applyPlan): the records and the new bases in ONE
   * transaction, so a failure anywhere leaves both the data and the bases as they were. `expected` holds the local
   * state the plan was made against (shared/consolidation.ts expectedLocalState): if any record changed since, nothing
   * is written, so an edit made between reading a package and applying it is never overwritten unseen.
   */
  async applyImport(records: DataSet, bases: SyncBases, expected: readonly LocalExpectation[] = []): Promise<RepoResult<DataCounts>> {
    const { db } = this.ctx;
    return this.ctx.change([...this.dataTables, db.syncBases], async () => {
      if (!(await this.stillAsPlanned(expected))) throw new Refusal(M.importStale);
      const counts = await this.mergeRecords(records);
      await inChunks([...bases].map(([id, updatedAt]) => ({ id, updatedAt })), (chunk) => db.syncBases.bulkPut(chunk));
      return counts;
    });
  }

  /**
   * Whether every local record the plan compared (looked up by its local id, in the table of its kind) is unchanged.
   * Read by kind in bulk: a package of thousands of records would otherwise wait for as many reads one after another.
   */
  private async stillAsPlanned(expected: readonly LocalExpectation[]): Promise<boolean> {
    const { db } = this.ctx;
    const tables: Record<LocalExpectation['kind'], Table<{ updatedAt: Timestamp }, Id>> = {
      unit: db.units,
      project: db.projects,
      departmentPlan: db.departmentPlans,
    };
    let unchanged = true;
    for (const kind of ['unit', 'project', 'departmentPlan'] as const) {
      const mine = expected.filter((e) => e.kind === kind);
      await inChunks(mine, (chunk) =>
        tables[kind].bulkGet(chunk.map((e) => e.id)).then((records) => {
          records.forEach((record, i) => {
            if ((record?.updatedAt ?? null) !== chunk[i].updatedAt) unchanged = false;
          });
        }),
      );
    }
    // a plan to be added replaces whatever plan its unit and year has by then: there must still be none
    for (const e of expected) {
      if (e.kind === 'departmentPlan' && e.updatedAt === null && (await planOf(db, e.unitId, e.year))) unchanged = false;
    }
    return unchanged;
  }

  /** The body of importRecords; call inside a transaction over the data tables. */
  private async mergeRecords(data: DataSet): Promise<DataCounts> {
    const { db } = this.ctx;
    const unitIds = new Set<Id>(data.units.map((u) => u.id));
    const referenced = [...data.projects.map((p) => p.unitId), ...data.departmentPlans.map((p) => p.unitId)];
    const missing = referenced.filter((id) => !unitIds.has(id));
    const found = await db.units.bulkGet([...new Set(missing)]);
    for (const unit of found) if (unit) unitIds.add(unit.id);
    const problem = checkDataSet(data, unitIds);
    if (problem) throw new Refusal(problem);
    // only projects stored here have indicators of their own to keep (and a revision to continue)
    const storedProjects = await storedOf(db.projects, data.projects.map((p) => p.id));
    const own = await storedIndicatorIds(db, [...storedProjects.keys()]);
    await refuseForeignIndicators(db, data.projects, data.departmentPlans, own);
    await refuseIndicatorsOfStoredPlans(db, data);

    const storedUnits = await storedOf<StoredUnit>(db.units, data.units.map((u) => u.id));
    const units = data.units.map((u) => ({ ...structuredClone(u), revision: nextRevision(storedUnits.get(u.id)) }));
    await inChunks(units, (chunk) => db.units.bulkPut(chunk));

    const projects = data.projects.map((p) => ({ ...p, revision: nextRevision(storedProjects.get(p.id)) }));
    await writeProjects(this.ctx, projects);

    for (const plan of data.departmentPlans) {
      const replaced = [await db.departmentPlans.get(plan.id), await planOf(db, plan.unitId, plan.year)];
      const revision = Math.max(...replaced.map(nextRevision));
      await putPlanReplacingSameYear(db, { ...structuredClone(plan), revision } satisfies StoredPlan);
    }
    return countsOf(data);
  }
}

/**
 * The exchange validator's rule, against stored plans: an incoming indicator id (of a project or a plan) that a stored
 * plan holds is refused, unless that plan is the incoming plan's own, i.e. the write replaces it (same id, or same unit
 * and year). Only imports check this: it reads every plan, and the app's own saves make fresh ids.
 */
async function refuseIndicatorsOfStoredPlans(db: PerfDatabase, data: DataSet): Promise<void> {
  const incoming = new Map<Id, DepartmentPlan | null>();
  for (const project of data.projects) for (const indicator of project.indicators) incoming.set(indicator.id, null);
  for (const plan of data.departmentPlans) for (const indicator of plan.indicators) incoming.set(indicator.id, plan);
  // no early return: an awaited call that issues no request can let the transaction commit before the writes below
  for (const stored of await db.departmentPlans.toArray()) {
    for (const indicator of stored.indicators) {
      if (!incoming.has(indicator.id)) continue;
      const plan = incoming.get(indicator.id);
      const replaced = plan && (plan.id === stored.id || (plan.unitId === stored.unitId && plan.year === stored.year));
      if (!replaced) throw new Refusal(M.indicatorOfPlan(indicator.id, stored.year));
    }
  }
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
