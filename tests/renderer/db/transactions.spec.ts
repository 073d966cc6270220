// All-or-nothing: a failure in the middle of a multi-record change must leave the database exactly as it was.
import Dexie, { type Table, type Transaction } from 'dexie';
import type { DepartmentPlan, Project } from '../../../shared/model';
import { SCHEME_B } from '../../../shared/schemes';
import { WRITE_CHUNK } from '../../../renderer/db/project-rows';
import { Repository } from '../../../renderer/db/repository';
import { FIXED_NOW, addProject, addUnit, assessment, indicator, makeKit, storedIndicatorIds, unwrap, type Kit } from './db-test-kit';

let kit: Kit;
let unitId: string;
let before: RawDump;

type RawDump = Record<string, unknown[]>;

/** Every row of every table, as stored (including indicator lists no project would show). */
async function rawDump(db: Kit['db']): Promise<RawDump> {
  const dump: RawDump = {};
  for (const table of db.tables) dump[table.name] = await table.toArray();
  return dump;
}

beforeEach(async () => {
  kit = makeKit();
  unitId = await addUnit(kit.repo, '区工商联');
  await addProject(kit.repo, unitId, 2025, '商会培训', ['培训人次', '培训场次', '满意度'], { selfAssessment: assessment() });
  await addProject(kit.repo, unitId, 2025, '非公经济调研', ['调研报告数', '座谈会次数']);
  await addProject(kit.repo, unitId, 2025, '会员服务', ['服务次数']);
  before = await rawDump(kit.db);
});
afterEach(() => {
  kit.db.close();
});

/** An id generator that fails on its n-th call, i.e. after part of the work has already been written. */
function failingIds(failOn: number): () => string {
  let calls = 0;
  return () => {
    calls += 1;
    if (calls === failOn) throw new Error('id generator failed');
    return `fail-test-${calls}`;
  };
}

type DataTable = Kit['db']['indicatorLists'] | Kit['db']['departmentPlans'] | Kit['db']['projects'];

/** Makes the n-th record created in the table throw, from inside IndexedDB's write path. */
function failOnCreate(table: DataTable, n: number): void {
  let created = 0;
  table.hook('creating', () => {
    created += 1;
    if (created === n) throw new Error('disk full');
  });
}

/** Makes the n-th record written to the table, new or overwritten, throw. */
function failOnWrite(table: DataTable, n: number): void {
  let written = 0;
  const count = () => {
    written += 1;
    if (written === n) throw new Error('disk full');
  };
  table.hook('creating', count);
  table.hook('updating', count);
}

it('copyUnitYear: a failure after all project copies were written (on the plan copy) rolls back the whole copy', async () => {
  unwrap(await kit.repo.plans.save({
    id: 'plan-2025', unitId, year: 2025, tasks: [], expenditureBudget: null, overallGoal: '保障运转', indicators: [],
    updatedAt: FIXED_NOW.toISOString(),
  }));
  before = await rawDump(kit.db);
  // project copies take 1 + 3, 1 + 2 and 1 + 1 ids; the 10th is the plan copy's, asked for after the projects are written
  const repo = new Repository(kit.db, { now: () => FIXED_NOW, newId: failingIds(10) });
  let projectsWritten = 0;
  kit.db.projects.hook('creating', () => {
    projectsWritten += 1;
  });
  await expect(repo.projects.copyUnitYear(unitId, 2025)).rejects.toThrow('id generator failed');
  expect(projectsWritten).toBe(3);
  expect(await rawDump(kit.db)).toEqual(before);
  expect(await kit.repo.projects.list(unitId, 2026)).toEqual([]);
  expect(await kit.repo.plans.get(unitId, 2026)).toBeUndefined();
});

it('copyUnitYear: a write failure on the second project copy leaves no indicator list behind', async () => {
  failOnCreate(kit.db.projects, 2);
  await expect(kit.repo.projects.copyUnitYear(unitId, 2025)).rejects.toThrow('disk full');
  expect(await rawDump(kit.db)).toEqual(before);
  expect(await storedIndicatorIds(kit.db)).toHaveLength(6);
});

it('copyProjectsToYear: nothing is copied when one copy fails to be written', async () => {
  const ids = (await kit.repo.exchange.exportAll()).projects.map((p) => p.id);
  failOnCreate(kit.db.projects, 3); // the indicator lists and two project rows are written by then
  await expect(kit.repo.projects.copyToYear(ids, 2026)).rejects.toThrow('disk full');
  expect(await rawDump(kit.db)).toEqual(before);
  expect(await storedIndicatorIds(kit.db)).toHaveLength(6);
});

it('saveProject: a failure while writing the indicator list keeps the old project and all its indicators', async () => {
  const project = (await kit.repo.exchange.exportAll()).projects.find((p) => p.name === '商会培训');
  if (!project) throw new Error('seed missing');
  failOnWrite(kit.db.indicatorLists, 1);
  const edited = {
    ...project,
    name: '商会培训（改）',
    indicators: [indicator('n1', '甲'), indicator('n2', '乙'), indicator('n3', '丙'), indicator('n4', '丁')],
  };
  await expect(kit.repo.projects.save(edited)).rejects.toThrow('disk full');
  expect(await kit.repo.projects.get(project.id)).toEqual({ ...project, revision: 2 });
  expect(await rawDump(kit.db)).toEqual(before);
});

it('deleteProjects: a failure on the second project deletes none', async () => {
  let deletions = 0;
  kit.db.projects.hook('deleting', () => {
    deletions += 1;
    if (deletions === 2) throw new Error('locked');
  });
  await expect(kit.repo.projects.deleteMany((await kit.repo.exchange.exportAll()).projects.map((p) => p.id))).rejects.toThrow('locked');
  expect(await rawDump(kit.db)).toEqual(before);
});

it('replaceAll: a failure after the tables were cleared and refilled restores nothing of the new data', async () => {
  const other = makeKit();
  const u = await addUnit(other.repo, '区档案馆');
  await addProject(other.repo, u, 2025, '档案数字化', ['扫描页数']);
  unwrap(await other.repo.plans.save({
    id: 'plan-x', unitId: u, year: 2025, tasks: [], expenditureBudget: null, overallGoal: '', indicators: [],
    updatedAt: FIXED_NOW.toISOString(),
  }));
  const incoming = await other.repo.exchange.exportAll();
  other.db.close();

  failOnCreate(kit.db.departmentPlans, 1); // plans are written last, after the clear and the other tables
  await expect(kit.repo.exchange.replaceAll(incoming)).rejects.toThrow('disk full');
  expect(await rawDump(kit.db)).toEqual(before);
});

it('importRecords: a failure on the last project leaves the earlier upserts unwritten', async () => {
  const [first, second] = (await kit.repo.exchange.exportAll()).projects;
  const changed = [
    { ...first, annualGoal: '改过的目标', indicators: [indicator('imp-a', '甲')] },
    { ...second, id: 'imp-new', name: '新项目', indicators: [indicator('imp-b', '乙'), indicator('imp-c', '丙')] },
  ];
  failOnWrite(kit.db.indicatorLists, 2); // the first project's list is written by then
  await expect(kit.repo.exchange.importRecords({ units: [], projects: changed, departmentPlans: [] })).rejects.toThrow('disk full');
  expect(await rawDump(kit.db)).toEqual(before);
});

it('a refusal found late (unit of a restored project gone) also rolls back the projects already checked', async () => {
  const deleted = await kit.repo.projects.deleteMany((await kit.repo.exchange.exportAll()).projects.map((p) => p.id));
  const orphan = { ...deleted.projects[0], id: 'orphan', unitId: 'ghost', indicators: [] };
  const result = await kit.repo.projects.restore({ projects: [...deleted.projects, orphan] });
  expect(result.ok).toBe(false);
  expect(await kit.db.projects.count()).toBe(0);
  expect(await storedIndicatorIds(kit.db)).toEqual([]);
});

/** A project of `count` indicators, as a package would bring it. */
function bigProject(id: string, count: number, unit = unitId): Project {
  return {
    id, unitId: unit, year: 2025, name: `项目${id}`, governmentInvestment: false, key: false,
    funding: { generalPublic: 100, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 0 }, townSubsidy: 0,
    overview: '', basis: '', annualGoal: '', periodGoal: '',
    indicators: Array.from({ length: count }, (_, i) => indicator(`${id}-i${i}`, `指标${i}`)),
    updatedAt: FIXED_NOW.toISOString(),
  };
}

describe('writes in chunks', () => {
  it('an import larger than one chunk that fails in its last chunk leaves nothing of the earlier chunks', async () => {
    const stored = (await kit.repo.exchange.exportAll()).projects;
    const many = Array.from({ length: WRITE_CHUNK }, (_, i) => bigProject(`big-${i}`, 1));
    const incoming = [...many, bigProject('last', 3), { ...stored[0], indicators: [indicator('re-1', '甲')] }];
    failOnWrite(kit.db.indicatorLists, WRITE_CHUNK + 2);
    await expect(kit.repo.exchange.importRecords({ units: [], projects: incoming, departmentPlans: [] })).rejects.toThrow('disk full');
    expect(await rawDump(kit.db)).toEqual(before);
  });

  it('refuses an import of thousands of indicators when one of them is another project’s, and writes nothing', async () => {
    const stored = (await kit.repo.exchange.exportAll()).projects;
    const theirs = stored[0].indicators[0].id;
    const big = bigProject('big-1', 3000);
    big.indicators[2999] = { ...big.indicators[2999], id: theirs };
    const result = await kit.repo.exchange.importRecords({ units: [], projects: [big], departmentPlans: [] });
    expect(result).toEqual({ ok: false, error: `指标编号“${theirs}”已属于另一个项目，未作任何修改。` });
    expect(await rawDump(kit.db)).toEqual(before);
  });

  it('replaces the indicator lists of every stored project it overwrites, and only theirs', async () => {
    const stored = (await kit.repo.exchange.exportAll()).projects;
    const incoming = [
      ...stored.slice(0, 2).map((p, n) => ({ ...p, indicators: [indicator(`re-${n}`, '新指标')] })),
      bigProject('big-1', WRITE_CHUNK + 1),
    ];
    unwrap(await kit.repo.exchange.importRecords({ units: [], projects: incoming, departmentPlans: [] }));
    const byProject = new Map<string, number>();
    for (const list of await kit.db.indicatorLists.toArray()) byProject.set(list.projectId, list.indicators.length);
    expect(Object.fromEntries(byProject)).toEqual({ [stored[0].id]: 1, [stored[1].id]: 1, [stored[2].id]: stored[2].indicators.length, 'big-1': WRITE_CHUNK + 1 });
    expect((await kit.repo.projects.get('big-1'))?.indicators.map((i) => i.id)).toEqual(incoming[2].indicators.map((i) => i.id));
  });
});

/**
 * Records every write to the data tables made outside an explicit transaction: Dexie follows a transaction across
 * native awaits for a while only, and a request made after it lost track runs, and commits, on its own.
 */
function watchForLeaks(db: Kit['db']): string[] {
  const leaks: string[] = [];
  for (const table of [db.units, db.projects, db.indicatorLists, db.departmentPlans, db.syncBases] as Table[]) {
    for (const event of ['creating', 'updating', 'deleting'] as const) {
      table.hook(event as 'creating', () => {
        const tx = Dexie.currentTransaction as (Transaction & { explicit?: boolean }) | null;
        if (!tx?.explicit) leaks.push(`${table.name} ${event}`);
      });
    }
  }
  return leaks;
}

function plan(unit: string, year: number, id: string): DepartmentPlan {
  return {
    id, unitId: unit, year, tasks: [], expenditureBudget: null, overallGoal: '保障运转', indicators: [indicator(`${id}-i`, '会议次数')],
    updatedAt: FIXED_NOW.toISOString(),
  };
}

it('every write runs inside its transaction, also where a step of the operation has nothing to do', async () => {
  const leaks = watchForLeaks(kit.db);
  // with an error counter, as the app runs: a scheme change then recounts the unit's projects (here: none)
  let ids = 0;
  const repo = new Repository(kit.db, { now: () => FIXED_NOW, newId: () => `leak-${++ids}`, errorCounter: () => 0 });
  const archive = await addUnit(repo, '区档案馆');
  unwrap(await repo.units.setScheme(archive, SCHEME_B.id));
  unwrap(await repo.units.update(unitId, { name: '区工商联', parentId: archive, sector: 'education' }));
  unwrap(await repo.plans.save(plan(archive, 2025, 'plan-a')));
  unwrap(await repo.projects.copyUnitYear(archive, 2025));
  unwrap(await repo.exchange.importRecords({ units: [], projects: [], departmentPlans: [plan(archive, 2027, 'plan-b')] }));
  const [unit] = (await repo.exchange.exportAll()).units;
  unwrap(await repo.exchange.importRecords({ units: [{ ...unit, name: '改名' }], projects: [], departmentPlans: [] }));
  unwrap(await repo.exchange.applyImport({ units: [], projects: [], departmentPlans: [] }, new Map([['x', FIXED_NOW.toISOString()]])));
  unwrap(await repo.exchange.applyImport({ units: [], projects: [bigProject('big-1', 3)], departmentPlans: [] }, new Map()));
  unwrap(await repo.projects.restore({ projects: [] }));
  await repo.projects.deleteMany([]);
  unwrap(await repo.exchange.replaceAll(await repo.exchange.exportAll()));
  unwrap(await repo.exchange.replaceAll({ units: [], projects: [], departmentPlans: [] }));
  expect(leaks).toEqual([]);
  expect(await kit.db.units.count()).toBe(0);
});
