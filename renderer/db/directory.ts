// Setting units up from the directory a supervisor handed down (shared/directory.ts planDirectoryImport): the units it
// adds or changes, the supervisor's library and the choice of unit, all in one transaction.
import type { Table } from 'dexie';
import { isLibraryRecords, mergeLibraryRecords } from '../../shared/library/own-library';
import type { Id, LibraryRecord, Timestamp, Unit } from '../../shared/model';
import type { StoredUnit } from './database';
import { DB_MESSAGES as M } from './messages';
import { assembleProject, indicatorsOfMany } from './project-rows';
import { nextRevision, Refusal, type RepoContext, type RepoResult } from './transaction';

export interface DirectorySetUp {
  /** the units to write: the plan's records (added and changed units) */
  records: readonly Unit[];
  /**
   * the local units the plan read, as it read them (updatedAt; null: none under that id): one that changed since, or
   * a unit added under an id meanwhile, refuses the whole
   */
  expected: readonly { id: Id; updatedAt: Timestamp | null }[];
  /** the supervisor's library, kept under this settings key beside the entries received before */
  library?: { key: string; records: readonly LibraryRecord[] };
  /** the unit this installation is, remembered as the chosen one under this settings key */
  choose?: { key: string; unitId: Id };
}

export class DirectoryRepository {
  constructor(private readonly ctx: RepoContext) {}

  async setUp(input: DirectorySetUp): Promise<RepoResult<StoredUnit[]>> {
    const { db, errorCounter: counter } = this.ctx;
    const tables: Table[] = counter ? [db.units, db.settings, db.projects, db.indicatorLists] : [db.units, db.settings];
    return this.ctx.change(tables, async () => {
      const stored = new Map((await db.units.toArray()).map((u) => [u.id, u]));
      for (const e of input.expected) {
        if ((stored.get(e.id)?.updatedAt ?? null) !== e.updatedAt) throw new Refusal(M.importStale);
      }
      const written = new Set(input.records.map((r) => r.id));
      for (const record of input.records) {
        if (record.parentId !== null && !written.has(record.parentId) && !stored.has(record.parentId)) throw new Refusal(M.directoryParentMissing(record.name));
      }
      const units: StoredUnit[] = input.records.map((r) => ({ ...structuredClone(r), revision: nextRevision(stored.get(r.id)) }));
      await db.units.bulkPut(units);
      // a unit given another scheme: its projects' stored error counts follow, as a scheme changed by hand does
      const rescored = counter ? units.filter((u) => stored.has(u.id) && stored.get(u.id)!.schemeId !== u.schemeId) : [];
      for (const unit of rescored) {
        const rows = await db.projects.where('unitId').equals(unit.id).toArray();
        const byProject = await indicatorsOfMany(db, rows.map((r) => r.id));
        for (const row of rows) row.errorCount = counter!(assembleProject(row, byProject.get(row.id) ?? []), unit);
        await db.projects.bulkPut(rows);
      }
      if (input.library && input.library.records.length > 0) {
        const kept = (await db.settings.get(input.library.key))?.value;
        await db.settings.put({ key: input.library.key, value: mergeLibraryRecords(isLibraryRecords(kept) ? kept : [], input.library.records) });
      }
      if (input.choose) await db.settings.put({ key: input.choose.key, value: input.choose.unitId });
      return units;
    });
  }
}
