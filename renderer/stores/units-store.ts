// Units (预算单位) and the chosen unit and fiscal year. The choice is remembered across restarts.
import { makeAutoObservable, runInAction, toJS } from 'mobx';
import type { Id, RuleSet, Unit } from '../../shared/model';
import { copyRuleSet, CN_2020, deriveRuleSet, getRuleSet, ruleSetOf, sameRuleSet, withUnitRuleSet, type DeriveResult, type RuleSetChanges } from '../../shared/rule-sets';
import { schemeOf, type IndicatorScheme } from '../../shared/schemes';
import { byUnitName, UnitTree, type UnitAtDepth } from '../../shared/unit-tree';
import type { NewUnit, RepoResult, Repository, StoredUnit, UnitChanges } from '../db/repository';
import { MA } from '../messages-assessment';
import { MC } from '../messages-concurrency';
import { sameData } from './conflict';
import { defaultChoices, saveAgainstRevision, type ConflictAsker } from './conflict-store';
import { unitShape } from './record-shapes';

/** the settings key of the chosen unit (a unit directory imported chooses the unit it set up) */
export const UNIT_KEY = 'ui.unitId';
const YEAR_KEY = 'ui.year';
/** the rule sets derived on this machine (a supervisor's named sets), newest version of each kept */
const CUSTOM_RULE_SETS_KEY = 'ruleSets.custom';

export interface UnitForm {
  name: string;
  shortName: string;
  parentId: Id | null;
  schemeId: string;
  /** the rule set for the chosen year (and later years); absent: left as it is */
  ruleSetId?: string;
  /** the sector of the indicator library; '' clears it, absent leaves it as it is */
  sector?: string;
  /** 统一社会信用代码 or 单位编码; '' clears it, absent leaves it as it is */
  code?: string;
}

export class UnitsStore {
  units: Unit[] = [];
  unitId: Id | null = null;
  year: number;
  /** years in which the chosen unit has projects */
  knownYears: number[] = [];
  /** rule sets derived here, to be given to units (the units carry a copy of the set they use) */
  customRuleSets: RuleSet[] = [];
  loaded = false;

  constructor(
    private readonly repo: Repository,
    now: () => Date = () => new Date(),
    private readonly options: {
      /** asks which side to keep when another window changed the unit first; without it, the default choices */
      ask?: ConflictAsker;
      /** the 行业's name, for the conflict dialog */
      sectorLabel?: (id: string) => string;
    } = {},
  ) {
    this.year = now().getFullYear();
    makeAutoObservable<UnitsStore, 'repo' | 'options'>(this, { repo: false, options: false });
  }

  get unit(): Unit | undefined {
    return this.units.find((u) => u.id === this.unitId);
  }

  get scheme(): IndicatorScheme {
    return schemeOf(this.unit);
  }

  /** The chosen unit's rule set for the chosen year (CN-2020 unless it names another). */
  get ruleSet(): RuleSet {
    return ruleSetOf(this.unit, this.year, this.customRuleSets);
  }

  /**
   * The sets a unit can be given: CN-2020, those derived here, and those units already carry (a set received from a
   * supervisor inside a unit record), each id once in its newest version.
   */
  get ruleSetChoices(): RuleSet[] {
    const byId = new Map<string, RuleSet>([[CN_2020.id, CN_2020]]);
    const offer = (set: RuleSet) => {
      const known = byId.get(set.id);
      if (!known || set.version > known.version) byId.set(set.id, set);
    };
    this.customRuleSets.forEach(offer);
    for (const u of this.units) for (const e of u.ruleSets ?? []) if (e.ruleSet) offer(e.ruleSet);
    return [...byId.values()];
  }

  /** Years offered in the picker: those with projects, the chosen one and its neighbours. */
  get years(): number[] {
    const set = new Set<number>([...this.knownYears, this.year - 1, this.year, this.year + 1]);
    return [...set].sort((a, b) => a - b);
  }

  /**
   * Units as a tree, depth-first, each with its depth (for indenting the picker). Every unit is there once: units caught
   * in a parent cycle (bad data from a package) are listed as roots rather than left out of the picker.
   */
  get tree(): UnitAtDepth[] {
    return new UnitTree(this.units, byUnitName).forest();
  }

  nameOf(id: Id | null): string {
    return this.units.find((u) => u.id === id)?.name ?? '';
  }

  async load(): Promise<void> {
    const [units, savedUnit, savedYear, custom] = await Promise.all([
      this.repo.units.list(),
      this.repo.settings.get(UNIT_KEY),
      this.repo.settings.get(YEAR_KEY),
      this.repo.settings.get(CUSTOM_RULE_SETS_KEY),
    ]);
    runInAction(() => {
      this.units = units;
      this.customRuleSets = Array.isArray(custom) ? (custom as RuleSet[]) : [];
      const wanted = typeof savedUnit === 'string' && units.some((u) => u.id === savedUnit) ? savedUnit : units[0]?.id;
      this.unitId = wanted ?? null;
      if (typeof savedYear === 'number' && Number.isInteger(savedYear)) this.year = savedYear;
      this.loaded = true;
    });
    // the year picker can fill in later; the list should not wait for it
    void this.loadYears();
  }

  async loadYears(): Promise<void> {
    const years = this.unitId ? await this.repo.projects.years(this.unitId) : [];
    runInAction(() => (this.knownYears = years));
  }

  async selectUnit(id: Id): Promise<void> {
    this.unitId = id;
    await this.repo.settings.set(UNIT_KEY, id);
    await this.loadYears();
  }

  async selectYear(year: number): Promise<void> {
    this.year = year;
    await this.repo.settings.set(YEAR_KEY, year);
  }

  async create(form: UnitForm): Promise<RepoResult<Unit>> {
    const input: NewUnit = { name: form.name, shortName: form.shortName, parentId: form.parentId, schemeId: form.schemeId, code: form.code };
    let result: RepoResult<Unit> = await this.repo.units.create(input);
    if (result.ok && form.ruleSetId !== undefined && form.ruleSetId !== CN_2020.id) result = await this.applyRuleSet(result.value.id, form.ruleSetId);
    if (result.ok && form.sector) result = await this.repo.units.setSector(result.value.id, form.sector);
    if (result.ok) {
      await this.reloadUnits();
      await this.selectUnit(result.value.id);
    }
    return result;
  }

  /**
   * Applies the settings form to an existing unit, in one change, against the unit as the dialog read it (`read`; the
   * one listed now without it). When another window changed the unit meanwhile, what it changed is listed and the user
   * chooses per field (conflict-store.ts); the rest of both sides' changes is kept.
   */
  async update(id: Id, form: UnitForm, read?: Unit): Promise<RepoResult<Unit>> {
    const current = read ?? this.units.find((u) => u.id === id);
    let ruleSet: UnitChanges['ruleSet'];
    if (form.ruleSetId !== undefined) {
      const chosen = this.ruleSetChoices.find((s) => s.id === form.ruleSetId) ?? getRuleSet(form.ruleSetId);
      if (!chosen) return { ok: false, error: MA.ruleSetNotFound };
      // a new version of the same set counts as a change too
      if (!sameRuleSet(ruleSetOf(current, this.year, this.customRuleSets), chosen)) ruleSet = { year: this.year, ruleSet: copyRuleSet(toJS(chosen)) };
    }
    const base = current && 'revision' in current ? (structuredClone(toJS(current)) as StoredUnit) : null;
    let mine: Unit = structuredClone(toJS(current ?? { id, name: form.name, parentId: form.parentId, schemeId: form.schemeId, updatedAt: '' }));
    mine.name = form.name.trim();
    if (form.shortName.trim() === '') delete mine.shortName;
    else mine.shortName = form.shortName.trim();
    mine.parentId = form.parentId;
    mine.schemeId = form.schemeId;
    if (ruleSet) mine.ruleSets = withUnitRuleSet(mine, ruleSet.year, ruleSet.ruleSet);
    if (form.sector !== undefined) {
      if (form.sector === '') delete mine.sector;
      else mine.sector = form.sector;
    }
    if (form.code !== undefined) {
      if (form.code.trim() === '') delete mine.code;
      else mine.code = form.code.trim();
    }
    const myRuleSets = mine.ruleSets;
    const result = await saveAgainstRevision<Unit>({
      shape: unitShape((unitId) => this.nameOf(unitId), this.options.sectorLabel),
      base,
      mine: () => mine,
      write: (u, options) => {
        const changes: UnitChanges = { name: u.name, shortName: u.shortName ?? '', parentId: u.parentId, sector: u.sector ?? '', code: u.code ?? '' };
        // a scheme change recounts every project's errors: only when the scheme does change
        if (u.schemeId !== (base ?? current)?.schemeId) changes.schemeId = u.schemeId;
        if (ruleSet && sameData(u.ruleSets, myRuleSets)) changes.ruleSet = ruleSet;
        return this.repo.units.update(id, changes, options);
      },
      adopt: (merged) => (mine = merged),
      name: (u) => MC.unitRecord(u.name),
      ask: this.options.ask ?? defaultChoices,
    });
    await this.reloadUnits();
    return result;
  }

  /** A unit was written in another window: the picker and the chosen unit's settings show it as stored. */
  async onStored(): Promise<void> {
    await this.reloadUnits();
  }

  /** Gives the unit the set of that id for the chosen year on; the year-end screen notes what it changed. */
  private applyRuleSet(id: Id, ruleSetId: string): Promise<RepoResult<Unit>> {
    const set = this.ruleSetChoices.find((s) => s.id === ruleSetId) ?? getRuleSet(ruleSetId);
    if (!set) return Promise.resolve({ ok: false, error: MA.ruleSetNotFound });
    return this.repo.units.setRuleSet(id, this.year, copyRuleSet(toJS(set)));
  }

  /**
   * A named set derived from CN-2020 (shared/rule-sets.ts deriveRuleSet), kept here to be given to units. Deriving
   * under a name already used here makes the next version of that set; a new name gets an id of its own, so two
   * supervisors' sets of the same name never pass for one another.
   */
  async deriveRuleSet(name: string, changes: RuleSetChanges): Promise<DeriveResult> {
    const previous = this.customRuleSets.find((s) => s.name === name.trim());
    const identity = previous ? { id: previous.id, version: previous.version + 1 } : { id: `custom:${crypto.randomUUID()}` };
    const result = deriveRuleSet(CN_2020, name, changes, identity);
    if (!result.ok) return result;
    const sets = [...this.customRuleSets.filter((s) => s.id !== result.ruleSet.id).map((s) => copyRuleSet(toJS(s))), result.ruleSet];
    await this.repo.settings.set(CUSTOM_RULE_SETS_KEY, sets);
    runInAction(() => (this.customRuleSets = sets));
    return result;
  }

  /** Why the unit cannot be deleted (one sentence with what it still holds), or null when it can. */
  deleteRefusal(id: Id): Promise<string | null> {
    return this.repo.units.deleteRefusal(id);
  }

  /**
   * Deletes a unit that holds nothing (the repository refuses otherwise). When it was the chosen one, the choice moves
   * to its 主管部门, else to the first unit of the picker, else to none.
   */
  async delete(id: Id): Promise<RepoResult<Unit>> {
    const result = await this.repo.units.delete(id);
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
    const units = await this.repo.units.list();
    runInAction(() => (this.units = units));
  }
}
