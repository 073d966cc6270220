// Units (预算单位) and the chosen unit and fiscal year. The choice is remembered across restarts.
import { makeAutoObservable, runInAction } from 'mobx';
import type { Id, Unit } from '../../shared/model';
import { DEFAULT_SCHEME_ID, getScheme, SCHEME_A, type IndicatorScheme } from '../../shared/schemes';
import type { NewUnit, RepoResult, Repository } from '../db/repository';

const UNIT_KEY = 'ui.unitId';
const YEAR_KEY = 'ui.year';

export interface UnitForm {
  name: string;
  shortName: string;
  parentId: Id | null;
  schemeId: string;
}

export class UnitsStore {
  units: Unit[] = [];
  unitId: Id | null = null;
  year: number;
  /** years in which the chosen unit has projects */
  knownYears: number[] = [];
  loaded = false;

  constructor(
    private readonly repo: Repository,
    now: () => Date = () => new Date(),
  ) {
    this.year = now().getFullYear();
    makeAutoObservable<UnitsStore, 'repo'>(this, { repo: false });
  }

  get unit(): Unit | undefined {
    return this.units.find((u) => u.id === this.unitId);
  }

  get scheme(): IndicatorScheme {
    return getScheme(this.unit?.schemeId ?? DEFAULT_SCHEME_ID) ?? SCHEME_A;
  }

  /** Years offered in the picker: those with projects, the chosen one and its neighbours. */
  get years(): number[] {
    const set = new Set<number>([...this.knownYears, this.year - 1, this.year, this.year + 1]);
    return [...set].sort((a, b) => a - b);
  }

  /** Units as a tree, depth-first, each with its depth (for indenting the picker). */
  get tree(): { unit: Unit; depth: number }[] {
    const byParent = new Map<Id | null, Unit[]>();
    const ids = new Set(this.units.map((u) => u.id));
    for (const u of this.units) {
      const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
      byParent.set(parent, [...(byParent.get(parent) ?? []), u]);
    }
    const out: { unit: Unit; depth: number }[] = [];
    const walk = (parent: Id | null, depth: number) => {
      for (const u of byParent.get(parent) ?? []) {
        out.push({ unit: u, depth });
        walk(u.id, depth + 1);
      }
    };
    walk(null, 0);
    return out;
  }

  nameOf(id: Id | null): string {
    return this.units.find((u) => u.id === id)?.name ?? '';
  }

  async load(): Promise<void> {
    const [units, savedUnit, savedYear] = await Promise.all([
      this.repo.listUnits(),
      this.repo.getSetting(UNIT_KEY),
      this.repo.getSetting(YEAR_KEY),
    ]);
    runInAction(() => {
      this.units = units;
      const wanted = typeof savedUnit === 'string' && units.some((u) => u.id === savedUnit) ? savedUnit : units[0]?.id;
      this.unitId = wanted ?? null;
      if (typeof savedYear === 'number' && Number.isInteger(savedYear)) this.year = savedYear;
      this.loaded = true;
    });
    // the year picker can fill in later; the list should not wait for it
    void this.loadYears();
  }

  async loadYears(): Promise<void> {
    const years = this.unitId ? await this.repo.listProjectYears(this.unitId) : [];
    runInAction(() => (this.knownYears = years));
  }

  async selectUnit(id: Id): Promise<void> {
    this.unitId = id;
    await this.repo.setSetting(UNIT_KEY, id);
    await this.loadYears();
  }

  async selectYear(year: number): Promise<void> {
    this.year = year;
    await this.repo.setSetting(YEAR_KEY, year);
  }

  async create(form: UnitForm): Promise<RepoResult<Unit>> {
    const input: NewUnit = { name: form.name, shortName: form.shortName, parentId: form.parentId, schemeId: form.schemeId };
    const result = await this.repo.createUnit(input);
    if (result.ok) {
      await this.reloadUnits();
      await this.selectUnit(result.value.id);
    }
    return result;
  }

  /** Applies the settings form to an existing unit: name, parent, scheme; stops at the first refusal. */
  async update(id: Id, form: UnitForm): Promise<RepoResult<Unit>> {
    const current = this.units.find((u) => u.id === id);
    let result: RepoResult<Unit> = await this.repo.renameUnit(id, form.name, form.shortName);
    if (result.ok && (current?.parentId ?? null) !== form.parentId) result = await this.repo.setUnitParent(id, form.parentId);
    if (result.ok && current?.schemeId !== form.schemeId) result = await this.repo.setUnitScheme(id, form.schemeId);
    await this.reloadUnits();
    return result;
  }

  /** Why the unit cannot be deleted (one sentence with what it still holds), or null when it can. */
  deleteRefusal(id: Id): Promise<string | null> {
    return this.repo.unitDeleteRefusal(id);
  }

  /**
   * Deletes a unit that holds nothing (the repository refuses otherwise). When it was the chosen one, the choice moves
   * to its 主管部门, else to the first unit of the picker, else to none.
   */
  async delete(id: Id): Promise<RepoResult<Unit>> {
    const result = await this.repo.deleteUnit(id);
    if (!result.ok) return result;
    await this.reloadUnits();
    if (this.unitId === id) {
      const next = this.units.find((u) => u.id === result.value.parentId) ?? this.tree[0]?.unit;
      if (next) await this.selectUnit(next.id);
      else
        runInAction(() => {
          this.unitId = null;
          this.knownYears = [];
        });
    }
    return result;
  }

  async reloadUnits(): Promise<void> {
    const units = await this.repo.listUnits();
    runInAction(() => (this.units = units));
  }
}
