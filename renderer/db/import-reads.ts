// The local records one package's import plan depends on (shared/consolidation-scope.ts), read in one snapshot: by id
// and by unit and year, not the whole database, so each package of a city costs the same whatever came before it.
import Dexie from 'dexie';
import type { ImportOptions } from '../../shared/consolidation';
import { importReadScope, type ImportReadScope } from '../../shared/consolidation-scope';
import type { ExchangeDocument } from '../../shared/exchange/exchange';
import type { Id, Indicator, Timestamp } from '../../shared/model';
import { indicatorsOfProjects } from './bulk-reads';
import type { PerfDatabase, StoredProject } from './database';
import type { DataSet } from './exchange';
import { assembleProject, holdersOfIndicators, indicatorsOfAll, indicatorsOfMany } from './project-rows';
import { withoutRevision } from './transaction';

export interface ImportReads {
  /** the local records planImport compares the package with, as exportAll gives them (without revisions) */
  local: DataSet;
  /** the consolidation bases of the package's records */
  bases: Map<Id, Timestamp>;
}

export function readForImport(db: PerfDatabase, doc: ExchangeDocument, options: ImportOptions = {}): Promise<ImportReads> {
  return db.transaction('r', [db.units, db.projects, db.indicatorLists, db.departmentPlans, db.syncBases], async () => {
    const units = (await db.units.toArray()).map(withoutRevision);
    const scope = importReadScope(units, doc, options);
    const plans = (await db.departmentPlans.toArray()).map(withoutRevision);
    // a database holding no more projects than the package names (a first import, a package sent again whole) costs
    // less to read whole than record by record
    const whole = (await db.projects.count()) <= scope.projectIds.length;
    const { rows, indicators } = whole ? await everyProject(db) : await projectsMet(db, scope);
    const bases = whole ? await db.syncBases.toArray() : (await db.syncBases.bulkGet(scope.baseIds)).filter((b) => b !== undefined);
    return {
      local: {
        units,
        projects: rows.map((row) => withoutRevision(assembleProject(row, indicators.get(row.id) ?? []))),
        departmentPlans: plans,
      },
      bases: new Map(bases.map((b) => [b.id, b.updatedAt])),
    };
  });
}

interface ProjectReads {
  rows: StoredProject[];
  indicators: Map<Id, Indicator[]>;
}

async function everyProject(db: PerfDatabase): Promise<ProjectReads> {
  const rows = await db.projects.toArray();
  return { rows, indicators: await indicatorsOfAll(db) };
}

/** The projects the package names by id, those of the units and years it lands in, and those holding its indicators. */
async function projectsMet(db: PerfDatabase, scope: ImportReadScope): Promise<ProjectReads> {
  const rows = new Map<Id, StoredProject>();
  const keep = (found: readonly (StoredProject | undefined)[]) => {
    for (const row of found) if (row) rows.set(row.id, row);
  };
  keep(await db.projects.bulkGet(scope.projectIds));
  for (const found of await Dexie.Promise.all(scope.unitYears.map((key) => db.projects.where('[unitId+year]').equals(key).toArray()))) keep(found);
  // any incoming indicator id stored here but not among these projects' belongs to another record: its holder too
  let indicators = await indicatorsOfProjects(db, [...rows.keys()]);
  const covered = new Set<Id>();
  for (const group of indicators.values()) for (const indicator of group) covered.add(indicator.id);
  const holders = [...new Set((await holdersOfIndicators(db, scope.indicatorIds.filter((id) => !covered.has(id)))).values())];
  if (holders.length > 0) {
    keep(await db.projects.bulkGet(holders));
    indicators = new Map([...indicators, ...(await indicatorsOfMany(db, holders))]);
  }
  return { rows: [...rows.values()], indicators };
}
