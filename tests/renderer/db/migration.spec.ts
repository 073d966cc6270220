// Schema versions: the real list is DB_VERSIONS; this checks the real upgrade from version 1 to 2 and shows how a
// later version that transforms data migrates it.
import { DB_NAME, DB_VERSIONS, PerfDatabase, type StoredIndicator, type StoredProject, type VersionSpec } from '../../../renderer/db/database';
import { Repository } from '../../../renderer/db/repository';
import { FIXED_NOW, addProject, addUnit, assessment, indicator, makeKit, unwrap, type Kit } from './db-test-kit';

/**
 * A test-only version 3: projects gain `createdAt` (indexed, copied from updatedAt) and indicators' full-width
 * percent signs are normalised. A real version that transforms records is appended to DB_VERSIONS in this shape.
 */
const TEST_V3: VersionSpec = {
  version: 3,
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

it('opens under the fixed name with the version-2 schema', async () => {
  const kit = makeKit();
  await kit.db.open();
  expect(kit.db.name).toBe(DB_NAME);
  expect(kit.db.verno).toBe(2);
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
  unwrap(await kit.repo.saveProject(withPercent));
  await addProject(kit.repo, unitId, 2024, '非公经济调研', ['调研报告数']);
  unwrap(
    await kit.repo.saveDepartmentPlan({
      id: 'plan-1', unitId, year: 2025, tasks: [], expenditureBudget: 1_000_000, overallGoal: '保障运转',
      indicators: [indicator('pi-1', '会议次数')], updatedAt: FIXED_NOW.toISOString(),
    }),
  );
  await kit.repo.setSetting('moneyUnit', '万元');
  return { unitId, training, v1: await kit.repo.exportAll() };
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

  const db2 = new PerfDatabase(kit.options);
  await db2.open();
  expect(db2.verno).toBe(2);
  expect(await rawDump(db2)).toEqual({ ...rowsV1, syncBases: [] });
  const repo2 = new Repository(db2, { now: () => FIXED_NOW });
  expect(await repo2.exportAll()).toEqual(v1);
  expect(await repo2.getProject(training.id)).toEqual(v1.projects.find((p) => p.id === training.id));
  expect(await repo2.getSetting('moneyUnit')).toBe('万元');
  expect(await repo2.listProjectYears(unitId)).toEqual([2024, 2025]);
  unwrap(await repo2.applyImport({ units: [], projects: [], departmentPlans: [] }, { [training.id]: training.updatedAt }));
  expect(await repo2.getSyncBases()).toEqual({ [training.id]: training.updatedAt });
  db2.close();
});

it('migrates a version-2 database with data to a transforming version 3 without losing anything', async () => {
  const kit = makeKit();
  const { unitId, training, v1 } = await seed(kit);
  unwrap(await kit.repo.applyImport({ units: [], projects: [], departmentPlans: [] }, { [training.id]: training.updatedAt }));
  kit.db.close();

  const db2 = new PerfDatabase(kit.options, [...DB_VERSIONS, TEST_V3]);
  await db2.open();
  expect(db2.verno).toBe(3);
  const repo2 = new Repository(db2, { now: () => FIXED_NOW });
  const v2 = await repo2.exportAll();

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
  expect(await repo2.getSetting('moneyUnit')).toBe('万元');
  expect(await repo2.listProjects(unitId, 2025)).toHaveLength(1);
  expect(await repo2.getSyncBases()).toEqual({ [training.id]: training.updatedAt });
  db2.close();
});
