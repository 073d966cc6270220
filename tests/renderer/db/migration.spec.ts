// Schema versions: the real list is DB_VERSIONS; this checks every real upgrade (1 to 2, 2 to 3, 3 to 4, 4 to 6) on
// rows written as those releases wrote them, and shows how a later version that transforms data migrates it.
import type { Indicator, Project } from '../../../shared/model';
import { DB_NAME, DB_VERSIONS, PerfDatabase, type StoredIndicatorList, type StoredProject, type VersionSpec } from '../../../renderer/db/database';
import type { DataSet } from '../../../renderer/db/exchange';
import { Repository } from '../../../renderer/db/repository';
import { FIXED_NOW, addProject, addUnit, assessment, errorOf, indicator, makeKit, storedIndicatorIds, unwrap, type Kit } from './db-test-kit';

/**
 * A test-only version 7: projects gain `createdAt` (indexed, copied from updatedAt) and indicators' full-width
 * percent signs are normalised. A real version that transforms records is appended to DB_VERSIONS in this shape.
 */
const TEST_V7: VersionSpec = {
  version: 7,
  stores: { projects: 'id, [unitId+year], unitId, year, updatedAt, createdAt' },
  upgrade: async (tx) => {
    await tx
      .table<StoredProject & { createdAt?: string }>('projects')
      .toCollection()
      .modify((project) => {
        project.createdAt = project.updatedAt;
      });
    await tx
      .table<StoredIndicatorList>('indicatorLists')
      .toCollection()
      .modify((list) => {
        for (const i of list.indicators) i.unit = i.unit.replace('％', '%');
      });
  },
};

const LATEST = DB_VERSIONS[DB_VERSIONS.length - 1].version;

it('opens under the fixed name with the latest schema', async () => {
  const kit = makeKit();
  await kit.db.open();
  expect(kit.db.name).toBe(DB_NAME);
  expect(kit.db.verno).toBe(6);
  const schema = Object.fromEntries(
    kit.db.tables.map((t) => [t.name, [t.schema.primKey.name, ...t.schema.indexes.map((i) => i.name)].sort()]),
  );
  expect(schema).toEqual({
    units: ['id', 'name', 'parentId'],
    projects: ['[unitId+year]', 'id', 'unitId', 'updatedAt', 'year'],
    indicatorLists: ['ids', 'projectId'],
    departmentPlans: ['[unitId+year]', 'id'],
    settings: ['key'],
    syncBases: ['id'],
  });
  expect(kit.db.indicatorLists.schema.idxByName.ids.multi).toBe(true);
  kit.db.close();
});

it('keeps every schema version declared, oldest first', () => {
  expect(DB_VERSIONS.map((v) => v.version)).toEqual(DB_VERSIONS.map((_, i) => i + 1));
});

/** Two units, two projects (one with a full-width ％ unit and a self-assessment), a plan and a setting. */
async function seed(kit: Kit) {
  const unitId = await addUnit(kit.repo, '区工商联');
  await addUnit(kit.repo, '商会', unitId);
  const training = await addProject(kit.repo, unitId, 2025, '商会培训', ['培训人次', '满意度', '参训率'], {
    selfAssessment: assessment(),
  });
  const withPercent = { ...training, indicators: training.indicators.map((i, n) => (n === 1 ? { ...i, unit: '％' } : i)) };
  unwrap(await kit.repo.projects.save(withPercent));
  await addProject(kit.repo, unitId, 2024, '非公经济调研', ['调研报告数']);
  unwrap(
    await kit.repo.plans.save({
      id: 'plan-1', unitId, year: 2025, tasks: [], expenditureBudget: 1_000_000, overallGoal: '保障运转',
      indicators: [indicator('pi-1', '会议次数')], updatedAt: FIXED_NOW.toISOString(),
    }),
  );
  await kit.repo.settings.set('moneyUnit', '万元');
  return { unitId, training, v1: await kit.repo.exchange.exportAll() };
}

/** Every row of every table, as stored. */
async function rawDump(db: PerfDatabase): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) dump[table.name] = await table.toArray();
  return dump;
}

/** An indicator row as versions 1–4 stored it: one record per indicator, with its project and position. */
type IndicatorRowV1 = Indicator & { projectId: string; order: number };

interface SeedV1 {
  /** every table's rows as versions 1–4 wrote them */
  rows: Record<string, unknown[]>;
  unitId: string;
  training: Awaited<ReturnType<typeof addProject>>;
  /** the data as the app exports it */
  v1: DataSet;
}

/**
 * The seed as a release of versions 1–4 stored it: written by today's repository, then its indicator lists turned
 * back into one row per indicator (the project, unit, plan and setting rows have not changed shape since).
 */
async function seedV1(more?: (kit: Kit, seeded: Awaited<ReturnType<typeof seed>>) => Promise<unknown>): Promise<SeedV1> {
  const kit = makeKit();
  const seeded = await seed(kit);
  await more?.(kit, seeded);
  const v1 = await kit.repo.exchange.exportAll();
  const { indicatorLists, ...rest } = await rawDump(kit.db);
  kit.db.close();
  const indicators = (indicatorLists as StoredIndicatorList[]).flatMap((list) =>
    list.indicators.map((i, order): IndicatorRowV1 => ({ ...i, projectId: list.projectId, order })),
  );
  return { unitId: seeded.unitId, training: seeded.training, v1, rows: { ...rest, indicators } };
}

/** Writes raw rows into the tables the database has, as an older release would have stored them. */
async function writeRows(db: PerfDatabase, rows: Record<string, unknown[]>): Promise<void> {
  await db.open();
  const names = new Set(db.tables.map((t) => t.name));
  await db.transaction('rw', db.tables, async () => {
    for (const [name, list] of Object.entries(rows)) {
      if (list.length === 0) continue;
      if (!names.has(name)) throw new Error(`no table ${name} at version ${db.verno}`);
      await db.table(name).bulkAdd(list);
    }
  });
}

/** A database at `version` holding `rows`, closed: the options to open it again and its rows as stored. */
async function databaseAt(version: number, rows: Record<string, unknown[]>) {
  const kit = makeKit(DB_VERSIONS.slice(0, version));
  await writeRows(kit.db, rows);
  expect(kit.db.verno).toBe(version);
  const before = await rawDump(kit.db);
  kit.db.close();
  return { options: kit.options, before };
}

const NOTHING: DataSet = { units: [], projects: [], departmentPlans: [] };

it('upgrades a real version-1 database with data to version 2: every row kept, the bases table added', async () => {
  const { rows } = await seedV1();
  const { syncBases: _none, ...rowsV1 } = rows;
  expect(Object.keys(rowsV1).sort()).toEqual(['departmentPlans', 'indicators', 'projects', 'settings', 'units']);
  expect(rowsV1.indicators).toHaveLength(4);
  const { options, before } = await databaseAt(1, rowsV1);

  const db2 = new PerfDatabase(options, DB_VERSIONS.slice(0, 2));
  await db2.open();
  expect(db2.verno).toBe(2);
  expect(await rawDump(db2)).toEqual({ ...before, syncBases: [] });
  db2.close();
});

it('a version-1 database opened by this release: the same data, the same revisions, bases usable', async () => {
  const { rows, unitId, training, v1 } = await seedV1();
  const { options } = await databaseAt(1, rows);
  const db = new PerfDatabase(options);
  await db.open();
  expect(db.verno).toBe(LATEST);
  const repo = new Repository(db, { now: () => FIXED_NOW });
  // version 3 gave the self-assessment 上年结转资金 of zero; nothing else differs
  const carried = (p: Project): Project =>
    p.selfAssessment ? { ...p, selfAssessment: { ...p.selfAssessment, carriedOver: { budgetInitial: 0, budgetAdjusted: 0, spent: 0 } } } : p;
  const expected = { ...v1, projects: v1.projects.map(carried) };
  expect(await repo.exchange.exportAll()).toEqual(expected);
  // seeded by this release's code, so its rows carry revisions already: created, saved, saved again
  expect(await repo.projects.get(training.id)).toEqual({ ...expected.projects.find((p) => p.id === training.id), revision: 3 });
  expect(await repo.settings.get('moneyUnit')).toBe('万元');
  expect(await repo.projects.years(unitId)).toEqual([2024, 2025]);
  unwrap(await repo.exchange.applyImport(NOTHING, new Map([[training.id, training.updatedAt]])));
  expect(await repo.exchange.getSyncBases()).toEqual(new Map([[training.id, training.updatedAt]]));
  db.close();
});

it('upgrades a version-2 database to version 3: a self-assessment gains 上年结转资金 of zero, nothing else changes', async () => {
  const { rows, training } = await seedV1(async (kit, { training }) => {
    const carried = {
      ...training,
      id: 'carried',
      name: '已填结转',
      indicators: training.indicators.map((i) => ({ ...i, id: `carried-${i.id}` })),
      selfAssessment: { ...assessment(), carriedOver: { budgetInitial: 5, budgetAdjusted: 6, spent: 7 } },
    };
    unwrap(await kit.repo.projects.save(carried));
  });
  const { options, before } = await databaseAt(2, rows);

  const db3 = new PerfDatabase(options, DB_VERSIONS.slice(0, 3));
  await db3.open();
  expect(db3.verno).toBe(3);
  const after = await rawDump(db3);
  type Row = StoredProject & { id: string };
  const byId = (rows: unknown[]) => new Map((rows as Row[]).map((r) => [r.id, r]));
  const [old, now] = [byId(before.projects), byId(after.projects)];
  expect(now.get(training.id)?.selfAssessment?.carriedOver).toEqual({ budgetInitial: 0, budgetAdjusted: 0, spent: 0 });
  // a project without a self-assessment gets none, and one that already had the field keeps its figures
  const plain = [...old.values()].find((r) => !r.selfAssessment)!;
  expect(now.get(plain.id)).toEqual(plain);
  expect(now.get('carried')).toEqual(old.get('carried'));
  // the migrated row is the old one plus the field: no timestamp moves, so an import still sees it as unchanged
  const { carriedOver: _c, ...rest } = now.get(training.id)!.selfAssessment!;
  expect({ ...now.get(training.id), selfAssessment: rest }).toEqual(old.get(training.id));
  expect({ ...after, projects: [] }).toEqual({ ...before, projects: [] });
  db3.close();
});

it('upgrades a version-3 database to version 4: units, projects and plans get revision 1, nothing else changes', async () => {
  const { rows, training } = await seedV1();
  // the rows as the version-3 release wrote them: without a revision
  const unrevised = (list: unknown[]) =>
    list.map((row) => {
      const { revision: _r, ...rest } = row as { revision?: number };
      return rest;
    });
  const { options, before } = await databaseAt(3, {
    ...rows,
    units: unrevised(rows.units),
    projects: unrevised(rows.projects),
    departmentPlans: unrevised(rows.departmentPlans),
  });
  expect(before.projects.some((row) => 'revision' in (row as object))).toBe(false);

  const db4 = new PerfDatabase(options, DB_VERSIONS.slice(0, 4));
  await db4.open();
  expect(db4.verno).toBe(4);
  const revised = (list: unknown[]) => list.map((row) => ({ ...(row as object), revision: 1 }));
  expect(await rawDump(db4)).toEqual({
    ...before,
    units: revised(before.units),
    projects: revised(before.projects),
    departmentPlans: revised(before.departmentPlans),
  });
  db4.close();

  // opened by this release: the first save after the upgrade is revision 2; a window still holding revision 1 is refused
  const db = new PerfDatabase(options);
  const repo = new Repository(db, { now: () => FIXED_NOW });
  const loaded = await repo.projects.get(training.id);
  if (!loaded) throw new Error('seed missing');
  expect(loaded.revision).toBe(1);
  expect(unwrap(await repo.projects.saveTargets({ ...loaded, annualGoal: '新目标' }, { expectedRevision: 1 })).revision).toBe(2);
  expect(errorOf(await repo.projects.saveTargets({ ...loaded, annualGoal: '旧窗口的目标' }, { expectedRevision: 1 }))).toBe(
    '项目“商会培训”已在另一个窗口中修改并保存，本次修改未保存。',
  );
  db.close();
});

it('upgrades a version-4 database to version 6: each project’s indicator rows become one list in saved order, nothing else changes', async () => {
  const { rows, unitId, training, v1 } = await seedV1((kit, { unitId }) =>
    // ids that sort otherwise than their positions: the rows come back by id, the list must keep the positions
    kit.repo.projects.create({ unitId, year: 2025, name: '乱序指标', indicators: [indicator('z-1', '甲'), indicator('a-2', '乙'), indicator('m-3', '丙')] }),
  );
  const { options, before } = await databaseAt(4, rows);
  expect(before.indicators).toHaveLength(7);

  const db = new PerfDatabase(options, DB_VERSIONS.slice(0, 6));
  await db.open();
  expect(db.verno).toBe(6);
  const after = await rawDump(db);
  const { indicators: _rows, ...unchanged } = before;
  const { indicatorLists, ...rest } = after;
  expect(rest).toEqual(unchanged);
  // one list per project with indicators (the project without any has none), in the order of the project as exported
  const expected = v1.projects
    .filter((p) => p.indicators.length > 0)
    .map((p) => ({ projectId: p.id, indicators: p.indicators, ids: p.indicators.map((i) => i.id) }))
    .sort((a, b) => (a.projectId < b.projectId ? -1 : 1));
  expect(indicatorLists).toEqual(expected);
  expect(expected.find((l) => l.indicators[0].name === '甲')?.ids).toEqual(['z-1', 'a-2', 'm-3']);

  const repo = new Repository(db, { now: () => FIXED_NOW });
  expect(await repo.exchange.exportAll()).toEqual(v1);
  expect(await storedIndicatorIds(db)).toEqual(v1.projects.flatMap((p) => p.indicators.map((i) => i.id)).sort());
  // the index finds the project holding an indicator: another project may not take one
  const other = (await repo.projects.listFull(unitId, 2024))[0];
  expect(errorOf(await repo.projects.save({ ...other, indicators: [training.indicators[0]] }))).toBe(
    `指标编号“${training.indicators[0].id}”已属于另一个项目，未作任何修改。`,
  );
  db.close();
});

it('migrates a database with data to a transforming later version without losing anything', async () => {
  const kit = makeKit();
  const { unitId, training, v1 } = await seed(kit);
  unwrap(await kit.repo.exchange.applyImport(NOTHING, new Map([[training.id, training.updatedAt]])));
  kit.db.close();

  const db2 = new PerfDatabase(kit.options, [...DB_VERSIONS, TEST_V7]);
  await db2.open();
  expect(db2.verno).toBe(7);
  const repo2 = new Repository(db2, { now: () => FIXED_NOW });
  const v2 = await repo2.exchange.exportAll();

  // the transformation happened…
  const migrated = v2.projects.find((p) => p.id === training.id);
  expect(migrated?.indicators.map((i) => i.unit)).toEqual(['次', '%', '次']);
  const rows = await db2.projects.orderBy('createdAt').toArray();
  expect(rows.map((r) => (r as StoredProject & { createdAt?: string }).createdAt)).toEqual(rows.map((r) => r.updatedAt));
  expect(rows).toHaveLength(2);

  // …and everything else is exactly as before
  const normalise = (p: (typeof v1.projects)[number]) => ({
    ...p,
    indicators: p.indicators.map((i) => ({ ...i, unit: i.unit.replace('％', '%') })),
  });
  expect(v2.units).toEqual(v1.units);
  expect(v2.departmentPlans).toEqual(v1.departmentPlans);
  const withoutCreatedAt = v2.projects.map((p) => {
    const { createdAt: _c, ...rest } = p as typeof p & { createdAt?: string };
    return rest;
  });
  expect(withoutCreatedAt).toEqual(v1.projects.map(normalise));
  expect(await repo2.settings.get('moneyUnit')).toBe('万元');
  expect(await repo2.projects.list(unitId, 2025)).toHaveLength(1);
  expect(await repo2.exchange.getSyncBases()).toEqual(new Map([[training.id, training.updatedAt]]));
  db2.close();
});
