// Which local records the classification of one package (consolidation.ts planImport) can depend on, so the plan reads
// those and not the whole database: a supervisor importing the 100th package of a city would otherwise read the 99
// before it again. planImport over these records gives the same plan as over everything:
//   - every unit (units are few, and matching them onto the directory looks at all of them),
//   - the projects the package names by id (compared with the incoming ones),
//   - the projects of each unit and year the package's projects land in (a project under a new id with the name of
//     one already there is refused),
//   - the projects holding an indicator id the package brings (an indicator is never moved between records),
//   - every department plan (one per unit and year, few, and their indicators live inside them),
//   - the consolidation bases of the package's records, under the ids they land with.
import type { ImportOptions } from './consolidation';
import { matchUnitsToDirectory, placeUnits } from './directory';
import type { ExchangeDocument } from './exchange/exchange';
import type { Id, Unit } from './model';

export interface ImportReadScope {
  /** the incoming projects' ids */
  projectIds: Id[];
  /** the local unit id and year each incoming project lands in, once each */
  unitYears: [Id, number][];
  /** every indicator id of the package's projects and plans */
  indicatorIds: Id[];
  /** the records whose consolidation base planImport looks up: units under their local ids, projects, plans */
  baseIds: Id[];
}

export function importReadScope(localUnits: readonly Unit[], doc: ExchangeDocument, options: ImportOptions = {}): ImportReadScope {
  // the same placement planImport makes: a unit recognised by code or a confirmed name brings its projects to the
  // local unit's id, and that is where a twin by name would be
  const placed = placeUnits(doc, matchUnitsToDirectory({ units: localUnits }, doc, options.unitDecisions).placements);
  const unitYears = new Map<string, [Id, number]>();
  for (const p of placed.projects) unitYears.set(`${p.unitId}\u0000${p.year}`, [p.unitId, p.year]);
  return {
    projectIds: placed.projects.map((p) => p.id),
    unitYears: [...unitYears.values()],
    indicatorIds: [...placed.projects, ...placed.departmentPlans].flatMap((r) => r.indicators.map((i) => i.id)),
    baseIds: [...new Set([...placed.units, ...placed.projects, ...placed.departmentPlans].map((r) => r.id))],
  };
}
