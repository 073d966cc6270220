// The tables' drafts put together as one exchange document: units by name (a table's supervisor becomes the parent of
// its units), the year, ids, timestamps. Ids are made from names, so the same file read twice gives the same ids and
// the second import updates what the first added rather than doubling it.
import { createExchangeDocument, type ExchangeDocument } from '../exchange/exchange';
import type { DepartmentPlan, Indicator, IndicatorResult, Project, Timestamp, Unit } from '../model';
import type { IndicatorDraft, Report } from './columns';
import type { PlanDraft, ProjectDraft, TableRead, UnitRef } from './drafts';
import { importMessages as m } from './import-messages';

export interface BuildOptions {
  /** the unit of tables that name none */
  unitName?: string;
  /** units already known (the database's): one the file names by its name or short name keeps its record and id */
  knownUnits?: readonly Unit[];
  /** the year of everything read, over what the file says */
  year?: number;
  /** the scheme of units made here; default: the scheme the tables were read into */
  schemeId?: string;
  now: Timestamp;
}

/** FNV-1a of a text, in base 36: short ids that stay the same for the same names. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

class Ids {
  private readonly used = new Set<string>();
  make(prefix: string, key: string): string {
    const base = `${prefix}-${hash(key)}`;
    let id = base;
    for (let k = 2; this.used.has(id); k++) id = `${base}-${k}`;
    this.used.add(id);
    return id;
  }
  claim(id: string): void {
    this.used.add(id);
  }
}

function indicatorsWithIds(drafts: readonly IndicatorDraft[], ownerId: string): { indicators: Indicator[]; results: IndicatorResult[] } {
  const indicators: Indicator[] = [];
  const results: IndicatorResult[] = [];
  drafts.forEach((draft, i) => {
    const { result, levels: _levels, ...fields } = draft;
    const id = `${ownerId}-i${i + 1}`;
    indicators.push({ id, ...fields });
    if (result) results.push({ indicatorId: id, ...result });
  });
  return { indicators, results };
}

/** The document of what the tables read, or null when something stops it (reported as an error). */
export function buildDocument(reads: readonly TableRead[], options: BuildOptions, report: Report): ExchangeDocument | null {
  const ids = new Ids();
  const units = new Map<string, Unit>();
  const known = new Map<string, Unit>();
  for (const u of options.knownUnits ?? []) {
    known.set(u.name, u);
    if (u.shortName) known.set(u.shortName, u);
  }
  for (const u of options.knownUnits ?? []) ids.claim(u.id);

  const schemeOfTable = reads.find((r) => r.projects.length > 0 || r.plans.length > 0)?.schemeId ?? reads[0]?.schemeId;
  const schemeId = options.schemeId ?? schemeOfTable ?? 'A-2015';

  const unitOf = (ref: UnitRef): Unit => {
    const existing = units.get(ref.name) ?? [...units.values()].find((u) => u.shortName === ref.name);
    if (existing) {
      if (ref.shortName && !existing.shortName && !known.has(ref.name)) existing.shortName = ref.shortName;
      if (ref.parentName && existing.parentId === null && !known.has(ref.name) && ref.parentName !== existing.name) existing.parentId = unitOf({ name: ref.parentName }).id;
      return existing;
    }
    const local = known.get(ref.name);
    if (local) {
      const copy: Unit = { ...local };
      units.set(local.name, copy);
      return copy;
    }
    const unit: Unit = {
      id: ids.make('imp-u', ref.name),
      name: ref.name,
      ...(ref.shortName ? { shortName: ref.shortName } : {}),
      parentId: null,
      schemeId,
      updatedAt: options.now,
    };
    units.set(ref.name, unit);
    if (ref.parentName && ref.parentName !== ref.name) unit.parentId = unitOf({ name: ref.parentName }).id;
    return unit;
  };

  let defaultUnit: Unit | undefined;
  const unitFor = (ref: UnitRef | null): Unit => {
    if (ref) return unitOf(ref);
    if (!defaultUnit) {
      const name = options.unitName?.trim() || m.defaultUnitName;
      if (!options.unitName?.trim()) report('warning', m.unitAssumed(name));
      defaultUnit = unitOf({ name });
    }
    return defaultUnit;
  };

  let blocked = false;
  // the year: as asked, else as the tables say, else this year (said so)
  const fallbackYear = new Date(options.now).getUTCFullYear();
  let yearAssumed = false;
  let overridden = false;
  const yearFor = (own: number | null, table: number | null): number => {
    const found = own ?? table;
    if (found !== null && (found < 2000 || found > 2100) && options.year === undefined) {
      report('error', m.badYear(String(found)));
      blocked = true;
      return fallbackYear;
    }
    if (options.year !== undefined) {
      if (found !== null && found !== options.year && !overridden) {
        overridden = true;
        report('info', m.yearOverridden(options.year, found));
      }
      return options.year;
    }
    if (found !== null) return found;
    if (!yearAssumed) {
      yearAssumed = true;
      report('warning', m.yearAssumed(fallbackYear));
    }
    return fallbackYear;
  };

  for (const read of reads) for (const ref of read.units) unitOf(ref);

  const projects: Project[] = [];
  const seenProjects = new Map<string, string>();
  const addProject = (draft: ProjectDraft, read: TableRead) => {
    const unit = unitFor(draft.unit);
    const year = yearFor(draft.year, read.year);
    const key = `${unit.id}\u0000${year}\u0000${draft.name.trim()}`;
    const first = seenProjects.get(key);
    if (first !== undefined) {
      report('error', m.duplicateProject(draft.name, year, first, draft.where));
      blocked = true;
      return;
    }
    seenProjects.set(key, draft.where);
    const id = ids.make('imp-p', `${unit.name}|${year}|${draft.name.trim()}`);
    const { indicators, results } = indicatorsWithIds(draft.indicators, id);
    const project: Project = {
      id,
      unitId: unit.id,
      year,
      name: draft.name.trim(),
      governmentInvestment: draft.governmentInvestment,
      key: draft.key,
      ...(draft.competentDepartment !== undefined ? { competentDepartment: draft.competentDepartment } : {}),
      funding: draft.funding,
      townSubsidy: draft.townSubsidy,
      overview: draft.overview,
      basis: draft.basis,
      annualGoal: draft.annualGoal,
      periodGoal: draft.periodGoal,
      indicators,
      ...(draft.selfAssessment ? { selfAssessment: { ...draft.selfAssessment, results } } : {}),
      updatedAt: options.now,
    };
    projects.push(project);
  };

  const plans: DepartmentPlan[] = [];
  const seenPlans = new Map<string, string>();
  const addPlan = (draft: PlanDraft, read: TableRead) => {
    const unit = unitFor(draft.unit);
    const year = yearFor(draft.year, read.year);
    const key = `${unit.id}\u0000${year}`;
    const first = seenPlans.get(key);
    if (first !== undefined) {
      report('error', m.duplicatePlan(unit.name, year, first, draft.where));
      blocked = true;
      return;
    }
    seenPlans.set(key, draft.where);
    const id = ids.make('imp-d', `${unit.name}|${year}`);
    const { indicators, results } = indicatorsWithIds(draft.indicators, id);
    plans.push({
      id,
      unitId: unit.id,
      year,
      tasks: [],
      expenditureBudget: draft.expenditureBudget,
      overallGoal: draft.overallGoal,
      indicators,
      ...(results.length > 0 ? { results } : {}),
      updatedAt: options.now,
    });
  };

  for (const read of reads) {
    for (const draft of read.projects) addProject(draft, read);
    for (const draft of read.plans) addPlan(draft, read);
  }
  if (blocked) return null;
  return createExchangeDocument({ units: [...units.values()], projects, departmentPlans: plans }, options.now);
}
