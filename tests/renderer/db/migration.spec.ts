// Schema versions: the real list is DB_VERSIONS; this shows (and checks) how a later version migrates old data.
import { DB_NAME, DB_VERSIONS, PerfDatabase, type StoredIndicator, type StoredProject, type VersionSpec } from '../../../renderer/db/database';
import { Repository } from '../../../renderer/db/repository';
import { FIXED_NOW, addProject, addUnit, assessment, indicator, makeKit, unwrap } from './db-test-kit';

/**
 * A test-only version 2: projects gain `createdAt` (indexed, copied from updatedAt) and indicators' full-width
 * percent signs are normalised. A real v2 is appended to DB_VERSIONS in exactly this shape.
 */
const TEST_V2: VersionSpec = {
  version: 2,
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

it('opens under the fixed name with the version-1 schema', async () => {
  const kit = makeKit();
  await kit.db.open();
  expect(kit.db.name).toBe(DB_NAME);
  expect(kit.db.verno).toBe(1);
  const schema = Object.fromEntries(
    kit.db.tables.map((t) => [t.name, [t.schema.primKey.name, ...t.schema.indexes.map((i) => i.name)].sort()]),
  );
  expect(schema).toEqual({
    units: ['id', 'name', 'parentId'],
    projects: ['[unitId+year]', 'id', 'unitId', 'updatedAt', 'year'],
    indicators: ['[projectId+order]', 'id', 'projectId'],
    departmentPlans: ['[unitId+year]', 'id'],
    settings: ['key'],
  });
  kit.db.close();
});

it('keeps every schema version declared, oldest first', () => {
  expect(DB_VERSIONS.map((v) => v.version)).toEqual(DB_VERSIONS.map((_, i) => i + 1));
});

it('migrates a version-1 database with data to version 2 without losing anything', async () => {
  const kit = makeKit();
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
  const v1 = await kit.repo.exportAll();
  kit.db.close();

  const db2 = new PerfDatabase(kit.options, [...DB_VERSIONS, TEST_V2]);
  await db2.open();
  expect(db2.verno).toBe(2);
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
  db2.close();
});
