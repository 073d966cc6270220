// Units (预算单位): the directory, its 主管部门 links, each unit's scheme and rule sets, and deleting an empty unit.
import type { Table } from 'dexie';
import type { Id, RuleSet } from '../../shared/model';
import { normalizeCode } from '../../shared/directory';
import { withUnitRuleSet } from '../../shared/rule-sets';
import { DEFAULT_SCHEME_ID, getScheme } from '../../shared/schemes';
import { byUnitName, UnitTree } from '../../shared/unit-tree';
import type { PerfDatabase, StoredUnit } from './database';
import { DB_MESSAGES as M } from './messages';
import { assembleProject, indicatorsOfMany } from './project-rows';
import { fail, nextRevision, Refusal, refuseStale, yearsOfUnit, type RepoContext, type RepoResult, type SaveOptions } from './transaction';

export interface NewUnit {
  name: string;
  shortName?: string;
  parentId?: Id | null;
  schemeId?: string;
  /** 统一社会信用代码 or 单位编码; blank: none */
  code?: string;
}

/** What a unit's settings can change at once; absent fields stay as stored. */
export interface UnitChanges {
  name?: string;
  /** '' clears it */
  shortName?: string;
  parentId?: Id | null;
  /** stored error counts of the unit's projects are recomputed with it */
  schemeId?: string;
  /** the unit scores `year` and later years (until a later entry) by `ruleSet` (shared/rule-sets.ts withUnitRuleSet) */
  ruleSet?: { year: number; ruleSet: RuleSet };
  /** 行业 of the indicator library; '' clears it */
  sector?: string;
  /** 统一社会信用代码 or 单位编码; '' clears it */
  code?: string;
}

/**
 * Refuses a code another unit already has (compared as the directory matches them, shared/directory.ts normalizeCode):
 * a supervisor's directory and the packages going up recognise units by it. Call inside a transaction over units.
 */
async function refuseTakenCode(db: PerfDatabase, code: string, ownId: Id | null): Promise<void> {
  const wanted = normalizeCode(code);
  if (wanted === '') return;
  const holder = (await db.units.toArray()).find((u) => u.id !== ownId && normalizeCode(u.code) === wanted);
  if (holder) throw new Refusal(M.unitCodeTaken(code, holder.name));
}

/** Refuses with `message` when the unit is not stored. Call inside a transaction over units. */
export async function requireUnit(db: PerfDatabase, unitId: Id, message: string): Promise<void> {
  if (!(await db.units.get(unitId))) throw new Refusal(message);
}

export class UnitRepository {
  constructor(private readonly ctx: RepoContext) {}

  /** Every unit, in Chinese order of their names. */
  async list(): Promise<StoredUnit[]> {
    const units = await this.ctx.db.units.toArray();
    return units.sort(byUnitName);
  }

  get(id: Id): Promise<StoredUnit | undefined> {
    return this.ctx.db.units.get(id);
  }

  async create(input: NewUnit): Promise<RepoResult<StoredUnit>> {
    const { db } = this.ctx;
    const name = input.name.trim();
    if (name === '') return fail(M.unitNameEmpty);
    const schemeId = input.schemeId ?? DEFAULT_SCHEME_ID;
    if (!getScheme(schemeId)) return fail(M.schemeNotFound);
    const parentId = input.parentId ?? null;
    return this.ctx.change([db.units], async () => {
      if (parentId !== null && !(await db.units.get(parentId))) throw new Refusal(M.parentNotFound);
      const unit: StoredUnit = { id: this.ctx.newId(), name, parentId, schemeId, updatedAt: this.ctx.timestamp(), revision: 1 };
      const shortName = input.shortName?.trim();
      if (shortName) unit.shortName = shortName;
      const code = input.code?.trim();
      if (code) {
        await refuseTakenCode(db, code, null);
        unit.code = code;
      }
      await db.units.add(unit);
      return unit;
    });
  }

  /**
   * Applies the changes in one transaction and one revision: refused as a whole when a name is empty, the scheme or
   * the parent unknown, the parent would make the tree a cycle, or the unit changed since `expectedRevision`.
   */
  async update(id: Id, changes: UnitChanges, options: SaveOptions = {}): Promise<RepoResult<StoredUnit>> {
    const { db, errorCounter: counter } = this.ctx;
    const name = changes.name?.trim();
    if (name === '') return fail(M.unitNameEmpty);
    if (changes.parentId === id) return fail(M.parentIsSelf);
    const { schemeId, parentId } = changes;
    if (schemeId !== undefined && !getScheme(schemeId)) return fail(M.schemeNotFound);
    const tables: Table[] = schemeId !== undefined && counter ? [db.units, db.projects, db.indicatorLists] : [db.units];
    return this.ctx.change(tables, async () => {
      const unit = await db.units.get(id);
      if (!unit) throw new Refusal(M.unitNotFound);
      refuseStale(unit, options, M.unitChangedElsewhere(unit.name));
      if (parentId !== undefined && parentId !== null) {
        const tree = new UnitTree(await db.units.toArray());
        if (!tree.get(parentId)) throw new Refusal(M.parentNotFound);
        if (tree.wouldCycle(id, parentId)) throw new Refusal(M.parentIsDescendant);
      }
      const saved: StoredUnit = { ...unit, updatedAt: this.ctx.timestamp(), revision: nextRevision(unit) };
      if (name !== undefined) saved.name = name;
      if (changes.shortName !== undefined) {
        if (changes.shortName.trim() === '') delete saved.shortName;
        else saved.shortName = changes.shortName.trim();
      }
      if (parentId !== undefined) saved.parentId = parentId;
      if (changes.sector !== undefined) {
        if (changes.sector === '') delete saved.sector;
        else saved.sector = changes.sector;
      }
      const code = changes.code?.trim();
      if (code === '') delete saved.code;
      else if (code !== undefined) {
        await refuseTakenCode(db, code, id);
        saved.code = code;
      }
      if (changes.ruleSet) saved.ruleSets = withUnitRuleSet(saved, changes.ruleSet.year, changes.ruleSet.ruleSet);
      if (schemeId !== undefined) {
        saved.schemeId = schemeId;
        if (counter) {
          const rows = await db.projects.where('unitId').equals(id).toArray();
          const byProject = await indicatorsOfMany(db, rows.map((r) => r.id));
          for (const row of rows) row.errorCount = counter(assembleProject(row, byProject.get(row.id) ?? []), saved);
          await db.projects.bulkPut(rows);
        }
      }
      await db.units.put(saved);
      return saved;
    });
  }

  /** Sets the full name and, when given, the short name ('' clears it). */
  rename(id: Id, name: string, shortName?: string, options: SaveOptions = {}): Promise<RepoResult<StoredUnit>> {
    return this.update(id, shortName === undefined ? { name } : { name, shortName }, options);
  }

  setParent(id: Id, parentId: Id | null, options: SaveOptions = {}): Promise<RepoResult<StoredUnit>> {
    return this.update(id, { parentId }, options);
  }

  /** Changes the scheme; stored error counts of the unit's projects are recomputed in the same transaction. */
  setScheme(id: Id, schemeId: string, options: SaveOptions = {}): Promise<RepoResult<StoredUnit>> {
    return this.update(id, { schemeId }, options);
  }

  /** The unit scores `year` and later years (until a later entry) by `ruleSet` (shared/rule-sets.ts withUnitRuleSet). */
  setRuleSet(id: Id, year: number, ruleSet: RuleSet, options: SaveOptions = {}): Promise<RepoResult<StoredUnit>> {
    return this.update(id, { ruleSet: { year, ruleSet } }, options);
  }

  /** Sets the unit's 行业 in the indicator library ('' clears it). */
  setSector(id: Id, sector: string, options: SaveOptions = {}): Promise<RepoResult<StoredUnit>> {
    return this.update(id, { sector }, options);
  }

  /**
   * Deletes a unit that holds nothing: no projects, no department plan of any year, no subordinate unit. The check runs
   * in the same transaction as the delete, so nothing can be added in between. Settings whose value is the unit's id
   * (the remembered choice of unit) go with it.
   */
  async delete(id: Id): Promise<RepoResult<StoredUnit>> {
    const { db } = this.ctx;
    return this.ctx.change([db.units, db.projects, db.departmentPlans, db.settings], async () => {
      const unit = await db.units.get(id);
      if (!unit) throw new Refusal(M.unitNotFound);
      const refusal = await this.holdings(id);
      if (refusal) throw new Refusal(refusal);
      await db.units.delete(id);
      await db.settings.filter((s) => s.value === id).delete();
      return unit;
    });
  }

  /** Why the unit cannot be deleted now, or null; lets the dialog refuse before asking for confirmation. */
  async deleteRefusal(id: Id): Promise<string | null> {
    const { db } = this.ctx;
    return db.transaction('r', [db.units, db.projects, db.departmentPlans], () => this.holdings(id));
  }

  /** The refusal naming everything a unit still holds, or null; call inside a transaction over units, projects, plans. */
  private async holdings(id: Id): Promise<string | null> {
    const { db } = this.ctx;
    const projects = await db.projects.where('unitId').equals(id).count();
    const projectYears = projects > 0 ? await yearsOfUnit(db.projects, id) : [];
    const planYears = await yearsOfUnit(db.departmentPlans, id);
    const children = await db.units.where('parentId').equals(id).count();
    if (projects === 0 && planYears.length === 0 && children === 0) return null;
    return M.unitNotEmpty({ projects, projectYears, planYears, children });
  }
}
