// Shared set-up for the database tests: every test gets its own in-memory IndexedDB, a fixed clock and readable ids.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DexieOptions } from 'dexie';
import { DB_VERSIONS, PerfDatabase, type VersionSpec } from '../../../renderer/db/database';
import { Repository, type RepoResult, type Revised } from '../../../renderer/db/repository';
import { EMPTY_FUNDING, type Funding, type Indicator, type Project, type SelfAssessment } from '../../../shared/model';

export const FIXED_NOW = new Date('2025-01-15T08:00:00.000Z');

export interface Kit {
  factory: IDBFactory;
  options: DexieOptions;
  db: PerfDatabase;
  repo: Repository;
  /** set to make later calls of the clock return another instant */
  clock: { now: Date };
}

export function makeKit(versions: readonly VersionSpec[] = DB_VERSIONS): Kit {
  const factory = new IDBFactory();
  const options: DexieOptions = { indexedDB: factory, IDBKeyRange };
  const db = new PerfDatabase(options, versions);
  const clock = { now: FIXED_NOW };
  let counter = 0;
  const repo = new Repository(db, {
    now: () => clock.now,
    newId: () => `id-${String(++counter).padStart(4, '0')}`,
  });
  return { factory, options, db, repo, clock };
}

/** Every indicator id stored for a project, read through the index that finds an indicator's project. */
export async function storedIndicatorIds(db: PerfDatabase): Promise<string[]> {
  return (await db.indicatorLists.orderBy('ids').keys()).map(String);
}

/** How many indicators the database stores for this project. */
export async function storedIndicatorCount(db: PerfDatabase, projectId: string): Promise<number> {
  return (await db.indicatorLists.get(projectId))?.indicators.length ?? 0;
}

export function unwrap<T>(result: RepoResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.error}`);
  return result.value;
}

export function errorOf<T>(result: RepoResult<T>): string {
  if (result.ok) throw new Error('expected a refusal, got success');
  return result.error;
}

export function funding(generalPublic: number, other = 0): Funding {
  return { ...EMPTY_FUNDING, generalPublic, other };
}

export function indicator(id: string, name: string, level2 = '11'): Indicator {
  return {
    id,
    level1: level2.charAt(0),
    level2,
    name,
    direction: '≥',
    target: '10',
    unit: '次',
    weight: 10,
    core: false,
  };
}

export function assessment(): SelfAssessment {
  return {
    budgetInitial: funding(1_000_000),
    budgetAdjusted: funding(1_000_000),
    spent: funding(950_000),
    overallResult: '基本完成',
    results: [{ indicatorId: 'x', actual: '12' }],
    problems: '无',
    rectification: '无',
    status: 'done',
    completedAt: '2025-12-31T00:00:00.000Z',
  };
}

/** Creates a unit and returns its id. */
export async function addUnit(repo: Repository, name: string, parentId: string | null = null): Promise<string> {
  return unwrap(await repo.units.create({ name, parentId })).id;
}

/** Creates a project with the given indicator names (in that order) and returns it as saved. */
export async function addProject(
  repo: Repository,
  unitId: string,
  year: number,
  name: string,
  indicatorNames: readonly string[] = [],
  extra: Partial<Project> = {},
): Promise<Revised<Project>> {
  const created = unwrap(await repo.projects.create({ unitId, year, name, funding: funding(500_000, 100_000) }));
  const indicators = indicatorNames.map((n, i) => indicator(`${created.id}-ind-${i}`, n));
  return unwrap(await repo.projects.save({ ...created, ...extra, indicators }));
}
