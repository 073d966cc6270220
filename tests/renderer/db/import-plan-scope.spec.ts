/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// The import plan reads only the records a package can meet (renderer/db/import-reads.ts): for every kind of meeting
// (same id, same name under another id, an indicator held by another project or by a plan, a unit recognised by its
// code, bases of an earlier import) the plan is the one planImport makes over the whole database.
import { applyPlan, expectedLocalState, planImport, type ImportPlan } from '../../../shared/consolidation';
import { createExchangeDocument, type ExchangeDocument } from '../../../shared/exchange/exchange';
import type { DepartmentPlan, Project, Unit } from '../../../shared/model';
import { funding, indicator, makeKit, unwrap, type Kit } from './db-test-kit';

const T0 = '2025-01-01T00:00:00.000Z';
const T1 = '2025-02-01T00:00:00.000Z';
const T2 = '2025-03-01T00:00:00.000Z';

const unit = (id: string, name: string, code: string, parentId: string | null): Unit => ({ id, name, code, parentId, schemeId: 'A-2015', updatedAt: T0 });
const project = (id: string, unitId: string, year: number, name: string, indicatorIds: string[], updatedAt = T0): Project => ({
  id, unitId, year, name, governmentInvestment: false, key: false, funding: funding(100_000), townSubsidy: 0, overview: '', basis: '',
  annualGoal: `${name}目标`, periodGoal: '', indicators: indicatorIds.map((i) => indicator(i, `${name}指标${i.slice(-1)}`)), updatedAt,
});
const CITY = unit('city', '某市财政局', 'C0', null);
const U1 = unit('u1', '某市第一单位', 'U1', 'city');
const U2 = unit('u2', '某市第二单位', 'U2', 'city');
const PLAN: DepartmentPlan = {
  id: 'plan-u2', unitId: 'u2', year: 2025, tasks: [], expenditureBudget: null, overallGoal: '', indicators: [indicator('plan-i1', '整体指标')], updatedAt: T0,
};

/** The supervisor's database: two units, their projects of two years, a plan of the second unit. */
async function city(): Promise<Kit> {
  const kit = makeKit();
  unwrap(
    await kit.repo.exchange.importRecords({
      units: [CITY, U1, U2],
      projects: [
        project('u1-p1', 'u1', 2025, '培训', ['u1-p1-i1', 'u1-p1-i2']),
        project('u1-p2', 'u1', 2025, '宣传', ['u1-p2-i1']),
        project('u1-p3', 'u1', 2024, '培训', ['u1-p3-i1']),
        project('u2-p1', 'u2', 2025, '调研', ['u2-p1-i1']),
      ],
      departmentPlans: [PLAN],
    }),
  );
  return kit;
}

const pkg = (units: Unit[], projects: Project[]): ExchangeDocument => createExchangeDocument({ units, projects, departmentPlans: [] }, T2, '某市第一单位');

/** The plan the repository makes, and the one planImport makes over everything the database holds. */
async function bothPlans(kit: Kit, doc: ExchangeDocument): Promise<{ scoped: ImportPlan; whole: ImportPlan }> {
  const whole = planImport(await kit.repo.exchange.exportAll(), doc, await kit.repo.exchange.getSyncBases());
  return { scoped: await kit.repo.exchange.planPackageImport(doc), whole };
}

const ids = (plan: ImportPlan) => ({
  add: plan.add.map((e) => e.id), update: plan.update.map((e) => e.id), unchanged: plan.unchanged.map((e) => e.id),
  keepLocal: plan.keepLocal.map((e) => e.id), conflicts: plan.conflicts.map((e) => e.id), problems: plan.problems.map((p) => p.message),
});

test('a package met by id: updated, unchanged and added projects, as over the whole database', async () => {
  const kit = await city();
  const doc = pkg([CITY, U1], [
    project('u1-p1', 'u1', 2025, '培训', ['u1-p1-i1', 'u1-p1-i2', 'u1-p1-i3'], T1),
    project('u1-p2', 'u1', 2025, '宣传', ['u1-p2-i1']),
    project('u1-p4', 'u1', 2025, '新项目', ['u1-p4-i1'], T1),
  ]);
  const { scoped, whole } = await bothPlans(kit, doc);
  expect(scoped).toEqual(whole);
  expect(ids(scoped)).toEqual({ add: ['u1-p4'], update: ['u1-p1'], unchanged: ['city', 'u1', 'u1-p2'], keepLocal: [], conflicts: [], problems: [] });
  // the local side is compared whole: indicators in order, no revision
  expect(scoped.update[0].local).toEqual(project('u1-p1', 'u1', 2025, '培训', ['u1-p1-i1', 'u1-p1-i2']));
});

test('the same name under another id in the same unit and year is refused; another year is not', async () => {
  const kit = await city();
  const doc = pkg([CITY, U1], [project('new-p1', 'u1', 2025, '培训', ['new-p1-i1'], T1), project('new-p2', 'u1', 2023, '培训', ['new-p2-i1'], T1)]);
  const { scoped, whole } = await bothPlans(kit, doc);
  expect(scoped).toEqual(whole);
  expect(ids(scoped).problems).toEqual([expect.stringContaining('培训')]);
  expect(ids(scoped).add).toEqual(['new-p2']);
});

test("an indicator id another project holds, or a plan holds, is refused", async () => {
  const kit = await city();
  const doc = pkg([CITY, U1], [
    project('u1-p5', 'u1', 2025, '借用指标', ['u2-p1-i1'], T1),
    project('u1-p6', 'u1', 2025, '借用整体指标', ['plan-i1'], T1),
  ]);
  const { scoped, whole } = await bothPlans(kit, doc);
  expect(scoped).toEqual(whole);
  expect(scoped.problems.map((p) => p.id)).toEqual(['u1-p5', 'u1-p6']);
});

test('a unit recognised by its code lands on the local unit, where a project of the same name is found', async () => {
  const kit = await city();
  const sameUnit = unit('their-u1', '第一单位（自建）', 'U1', 'city');
  const doc = pkg([CITY, sameUnit], [project('their-p1', 'their-u1', 2025, '培训', ['their-p1-i1'], T1), project('their-p2', 'their-u1', 2025, '新项目', ['their-p2-i1'], T1)]);
  const { scoped, whole } = await bothPlans(kit, doc);
  expect(scoped).toEqual(whole);
  expect(scoped.problems.map((p) => p.id)).toEqual(['their-p1']);
  expect(scoped.add.map((e) => [e.id, e.kind === 'project' ? e.incoming.unitId : null])).toEqual([['their-p2', 'u1']]);
});

test('the bases of an earlier import: a package sent again after a local edit is a conflict, as over everything', async () => {
  const kit = await city();
  const first = pkg([CITY, U1], [project('u1-p1', 'u1', 2025, '培训', ['u1-p1-i1'], T1), project('u1-p2', 'u1', 2025, '宣传', ['u1-p2-i1'], T1)]);
  const plan = await kit.repo.exchange.planPackageImport(first);
  const applied = applyPlan(plan, new Map(), T1);
  if (!applied.ok) throw new Error(applied.errors.join());
  unwrap(await kit.repo.exchange.applyImport(applied.value.records, applied.value.bases, expectedLocalState(plan)));
  // the supervisor edits 培训; the unit edits both and sends them again
  kit.clock.now = new Date(T2);
  const stored = await kit.repo.projects.get('u1-p1');
  unwrap(await kit.repo.projects.save({ ...stored!, annualGoal: '主管部门改过的目标' }));
  const again = pkg([CITY, U1], [project('u1-p1', 'u1', 2025, '培训', ['u1-p1-i1', 'u1-p1-i9'], T2), project('u1-p2', 'u1', 2025, '宣传改', ['u1-p2-i1'], T2)]);
  const { scoped, whole } = await bothPlans(kit, again);
  expect(scoped).toEqual(whole);
  expect(ids(scoped)).toMatchObject({ update: ['u1-p2'], conflicts: ['u1-p1'] });
  expect(scoped.conflicts[0].base).toBe(T1);
});

test('a package of thousands of projects sent again: the same plan when the reads go by whole table', async () => {
  const kit = await city();
  const many = Array.from({ length: 2100 }, (_, i) => project(`m-${i}`, 'u1', 2025, `项目${i}`, [`m-${i}-i1`, `m-${i}-i2`]));
  unwrap(await kit.repo.exchange.importRecords({ units: [], projects: many, departmentPlans: [] }));
  const doc = pkg([CITY, U1], [
    ...many.map((p, i) => (i === 7 ? { ...p, annualGoal: '改过的目标', updatedAt: T1 } : p)),
    // more new indicator ids than are looked up one by one, one of them another project's
    project('m-new', 'u1', 2025, '借用指标', [...Array.from({ length: 2000 }, (_, i) => `m-new-i${i}`), 'u2-p1-i1'], T1),
  ]);
  const { scoped, whole } = await bothPlans(kit, doc);
  expect(scoped).toEqual(whole);
  expect(scoped.update.map((e) => e.id)).toEqual(['m-7']);
  expect(scoped.unchanged).toHaveLength(2 + 2099);
  expect(scoped.problems.map((p) => p.id)).toEqual(['m-new']);
});

test('a database holding fewer projects than the package names is read whole: the same plan, bases included', async () => {
  const kit = await city();
  const first = pkg([CITY, U1], [project('u1-p1', 'u1', 2025, '培训', ['u1-p1-i1', 'u1-p1-i2'], T1)]);
  const plan = await kit.repo.exchange.planPackageImport(first);
  const applied = applyPlan(plan, new Map(), T1);
  if (!applied.ok) throw new Error(applied.errors.join());
  unwrap(await kit.repo.exchange.applyImport(applied.value.records, applied.value.bases, expectedLocalState(plan)));
  kit.clock.now = new Date(T2);
  const stored = await kit.repo.projects.get('u1-p1');
  unwrap(await kit.repo.projects.save({ ...stored!, annualGoal: '主管部门修改的目标' }));
  const doc = pkg([CITY, U1], [
    { ...project('u1-p1', 'u1', 2025, '培训', ['u1-p1-i1', 'u1-p1-i2'], T2), annualGoal: '单位修改的目标' },
    project('new-p1', 'u1', 2025, '宣传', ['new-p1-i1'], T1),
    project('u1-p7', 'u1', 2025, '借用指标', ['u2-p1-i1'], T1),
    project('u1-p8', 'u1', 2025, '新项目甲', ['u1-p8-i1'], T1),
    project('u1-p9', 'u1', 2025, '新项目乙', ['u1-p9-i1'], T1),
  ]);
  const { scoped, whole } = await bothPlans(kit, doc);
  expect(scoped).toEqual(whole);
  expect(ids(scoped)).toMatchObject({ add: ['u1-p8', 'u1-p9'], conflicts: ['u1-p1'] });
  expect(scoped.conflicts[0].base).toBe(T1);
  expect(scoped.problems.map((p) => p.id)).toEqual(['new-p1', 'u1-p7']);
});
