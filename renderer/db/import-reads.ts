// The local records one package's import plan depends on (shared/consolidation-scope.ts), read in one snapshot: by id
// and by unit and year, not the whole database, so each package of a city costs the same whatever came before it.
import Dexie from 'dexie';
import type { ImportOptions } from '../../shared/consolidation';
import { importReadScope, type ImportReadScope } from '../../shared/consolidation-scope';
import type { ExchangeDocument } from '../../shared/exchange/exchange';
import type { Id, Timestamp } from '../../shared/model';
import { indicatorRowsOfProjects } from './bulk-reads';
import type { PerfDatabase, StoredIndicator, StoredProject } from './database';
import type { DataSet } from './exchange';
import { assembleProject, groupByProject, indicatorRowsOfMany } from './project-rows';
import { withoutRevision } from './transaction';

export interface ImportReads {
  /** the local records planImport compares the package with, as exportAll gives them (without revisions) */
  local: DataSet;
  /** the consolidation bases of the package's records */
  bases: Map<Id, Timestamp>;
}

export function readForImport(db: PerfDatabase, doc: ExchangeDocument, options: ImportOptions = {}): Promise<ImportReads> {
  return db.transaction('r', [db.units, db.projects, db.indicators, db.departmentPlans, db.syncBases], async () => {
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
  indicators: Map<Id, StoredIndicator[]>;
}

async function everyProject(db: PerfDatabase): Promise<ProjectReads> {
  const rows = await db.projects.toArray();
  return { rows, indicators: groupByProject(await db.indicators.toArray()) };
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
  let indicators = await indicatorRowsOfProjects(db, [...rows.keys()]);
  const covered = new Set<Id>();
  for (const group of indicators.values()) for (const row of group) covered.add(row.id);
  const holders = await holdersOf(db, scope.indicatorIds.filter((id) => !covered.has(id)));
  if (holders.length > 0) {
    keep(await db.projects.bulkGet(holders));
    indicators = new Map([...indicators, ...(await indicatorRowsOfMany(db, holders))]);
  }
  return { rows: [...rows.values()], indicators };
}

/** Up to this many ids are looked up one by one; more are first checked against the list of every stored key. */
const LOOKUP_ONE_BY_ONE = 2000;

/** The stored projects holding one of these indicator ids. */
async function holdersOf(db: PerfDatabase, indicatorIds: readonly Id[]): Promise<Id[]> {
  let present = indicatorIds;
  if (indicatorIds.length > LOOKUP_ONE_BY_ONE) {
    // a large package: one read of the keys costs less than as many lookups of ids that are mostly not stored
    const stored = new Set(await db.indicators.toCollection().primaryKeys());
    present = indicatorIds.filter((id) => stored.has(id));
  }
  const holders = new Set<Id>();
  for (const row of await db.indicators.bulkGet([...present])) if (row) holders.add(row.projectId);
  return [...holders];
}
