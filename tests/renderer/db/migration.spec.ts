// Schema versions: the real list is DB_VERSIONS; this checks the real upgrades from version 1 to 2, 2 to 3 and 3 to 4,
// and shows how a later version that transforms data migrates it.
import { DB_NAME, DB_VERSIONS, PerfDatabase, type StoredIndicator, type StoredProject, type VersionSpec } from '../../../renderer/db/database';
import { Repository } from '../../../renderer/db/repository';
import { FIXED_NOW, addProject, addUnit, assessment, errorOf, indicator, makeKit, unwrap, type Kit } from './db-test-kit';

/**
 * A test-only version 5: projects gain `createdAt` (indexed, copied from updatedAt) and indicators' full-width
 * percent signs are normalised. A real version that transforms records is appended to DB_VERSIONS in this shape.
 */
const TEST_V5: VersionSpec = {
  version: 5,
  stores: { projects: 'id, [unitId+year], unitId, year, updatedAt, createdAt' },
  upgrade: async (tx) => {
    await tx
      .table<StoredProject & { createdAt?: string }>('projects')
      .toCollection()
      .modify((project) => {
        project.createdAt = project.updatedAt;
      });
    await tx
      .table<StoredIndicator>('indicators')
      .toCollection()
      .modify((row) => {
        row.unit = row.unit.replace('％', '%');
      });
  },
};

it('opens under the fixed name with the version-4 schema', async () => {
  const kit = makeKit();
  await kit.db.open();
  expect(kit.db.name).toBe(DB_NAME);
  expect(kit.db.verno).toBe(4);
  const schema = Object.fromEntries(
    kit.db.tables.map((t) => [t.name, [t.schema.primKey.name, ...t.schema.indexes.map((i) => i.name)].sort()]),
  );
  expect(schema).toEqual({
    units: ['id', 'name', 'parentId'],
    projects: ['[unitId+year]', 'id', 'unitId', 'updatedAt', 'year'],
    indicators: ['[projectId+order]', 'id', 'projectId'],
    departmentPlans: ['[unitId+year]', 'id'],
    settings: ['key'],
    syncBases: ['id'],
  });
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

it('upgrades a real version-1 database with data to version 2: every row kept, the bases table added and usable', async () => {
  const kit = makeKit(DB_VERSIONS.slice(0, 1));
  const { unitId, training, v1 } = await seed(kit);
  const rowsV1 = await rawDump(kit.db);
  expect(kit.db.verno).toBe(1);
  expect(Object.keys(rowsV1).sort()).toEqual(['departmentPlans', 'indicators', 'projects', 'settings', 'units']);
  expect(rowsV1.indicators).toHaveLength(4);
  kit.db.close();

  const db2 = new PerfDatabase(kit.options, DB_VERSIONS.slice(0, 2));
  await db2.open();
  expect(db2.verno).toBe(2);
  expect(await rawDump(db2)).toEqual({ ...rowsV1, syncBases: [] });
  const repo2 = new Repository(db2, { now: () => FIXED_NOW });
  expect(await repo2.exchange.exportAll()).toEqual(v1);
  // seeded by this release's code, so its rows carry revisions already: created, saved, saved again
  expect(await repo2.projects.get(training.id)).toEqual({ ...v1.projects.find((p) => p.id === training.id), revision: 3 });
  expect(await repo2.settings.get('moneyUnit')).toBe('万元');
  expect(await repo2.projects.years(unitId)).toEqual([2024, 2025]);
  unwrap(await repo2.exchange.applyImport({ units: [], projects: [], departmentPlans: [] }, new Map([[training.id, training.updatedAt]])));
  expect(await repo2.exchange.getSyncBases()).toEqual(new Map([[training.id, training.updatedAt]]));
  db2.close();
});

it('upgrades a version-2 database to version 3: a self-assessment gains 上年结转资金 of zero, nothing else changes', async () => {
  const kit = makeKit(DB_VERSIONS.slice(0, 2));
  const { training } = await seed(kit);
  const carried = {
    ...training,
    id: 'carried',
    name: '已填结转',
    indicators: training.indicators.map((i) => ({ ...i, id: `carried-${i.id}` })),
    selfAssessment: { ...assessment(), carriedOver: { budgetInitial: 5, budgetAdjusted: 6, spent: 7 } },
  };
  unwrap(await kit.repo.projects.save(carried));
  const before = await rawDump(kit.db);
  expect(kit.db.verno).toBe(2);
  kit.db.close();

  const db3 = new PerfDatabase(kit.options, DB_VERSIONS.slice(0, 3));
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
  const kit = makeKit(DB_VERSIONS.slice(0, 3));
  const { training } = await seed(kit);
  // the rows as the version-3 release wrote them: without a revision
  for (const name of ['units', 'projects', 'departmentPlans']) {
    await kit.db
      .table<{ revision?: number }>(name)
      .toCollection()
      .modify((row) => {
        delete row.revision;
      });
  }
  const before = await rawDump(kit.db);
  expect(before.projects.some((row) => 'revision' in (row as object))).toBe(false);
  expect(kit.db.verno).toBe(3);
  kit.db.close();

  const db4 = new PerfDatabase(kit.options);
  await db4.open();
  expect(db4.verno).toBe(4);
  const revised = (rows: unknown[]) => rows.map((row) => ({ ...(row as object), revision: 1 }));
  expect(await rawDump(db4)).toEqual({
    ...before,
    units: revised(before.units),
    projects: revised(before.projects),
    departmentPlans: revised(before.departmentPlans),
  });

  // the first save after the upgrade is revision 2; a window still holding revision 1 is then refused
  const repo = new Repository(db4, { now: () => FIXED_NOW });
  const loaded = await repo.projects.get(training.id);
  if (!loaded) throw new Error('seed missing');
  expect(loaded.revision).toBe(1);
  expect(unwrap(await repo.projects.saveTargets({ ...loaded, annualGoal: '新目标' }, { expectedRevision: 1 })).revision).toBe(2);
  expect(errorOf(await repo.projects.saveTargets({ ...loaded, annualGoal: '旧窗口的目标' }, { expectedRevision: 1 }))).toBe(
    '项目“商会培训”已在另一个窗口中修改并保存，本次修改未保存。',
  );
  db4.close();
});

it('migrates a version-4 database with data to a transforming version 5 without losing anything', async () => {
  const kit = makeKit();
  const { unitId, training, v1 } = await seed(kit);
  unwrap(await kit.repo.exchange.applyImport({ units: [], projects: [], departmentPlans: [] }, new Map([[training.id, training.updatedAt]])));
  kit.db.close();

  const db2 = new PerfDatabase(kit.options, [...DB_VERSIONS, TEST_V5]);
  await db2.open();
  expect(db2.verno).toBe(5);
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
