/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// Whether a project's targets are filled is kept on its row at every write, checked against its unit's scheme
// (renderer/db/targets-filled.ts): the supervisor's overview counts from it without reading indicators, checks the
// project again once the unit's scheme is another, and checks rows written before the answer was kept.
import type { Indicator } from '../../../shared/model';
import { SCHEME_B } from '../../../shared/schemes';
import { FIXED_NOW, makeKit, unwrap, type Kit } from './db-test-kit';

const target = (id: string, level2: string): Indicator => ({
  id, level1: level2.charAt(0), level2, name: `指标${id}`, direction: level2.startsWith('2') ? '定性' : '≥',
  target: level2.startsWith('2') ? '持续改善' : '10', unit: level2.startsWith('2') ? '' : '次', weight: null, core: false,
});

/** A supervisor and a unit of scheme B with two projects of 2025: one with a 成本 (41) indicator, one unfinished. */
async function seed(): Promise<{ kit: Kit; sup: string; unit: string }> {
  const kit = makeKit();
  const sup = unwrap(await kit.repo.units.create({ name: '区财政局', parentId: null })).id;
  const unit = unwrap(await kit.repo.units.create({ name: '区总商会', parentId: sup, schemeId: SCHEME_B.id })).id;
  const cost = unwrap(await kit.repo.projects.create({ unitId: unit, year: 2025, name: '成本核算' }));
  unwrap(await kit.repo.projects.save({ ...cost, annualGoal: '控制成本', indicators: [target('g-1', '11'), target('g-2', '22'), target('g-3', '41')] }));
  unwrap(await kit.repo.projects.create({ unitId: unit, year: 2025, name: '待填写的项目' }));
  return { kit, sup, unit };
}

async function filledOf(kit: Kit, sup: string): Promise<number[]> {
  return unwrap(await kit.repo.supervisor.overview(sup, 2025)).map((r) => r.targetsFilled);
}

test('each write keeps the answer on the row, and packages and backups do not carry it', async () => {
  const { kit } = await seed();
  const rows = new Map((await kit.db.projects.toArray()).map((r) => [r.name, r.targets]));
  expect(rows).toEqual(
    new Map([
      ['成本核算', { filled: true, scheme: '1:B-2021' }],
      ['待填写的项目', { filled: false, scheme: '1:B-2021' }],
    ]),
  );
  for (const p of (await kit.repo.exchange.exportAll()).projects) expect(p).not.toHaveProperty('targets');
});

test('the overview counts from the rows: with the indicator lists gone, the kept answers still count', async () => {
  const { kit, sup } = await seed();
  await kit.db.indicatorLists.clear();
  expect(await filledOf(kit, sup)).toEqual([1]);
});

test('after the unit changed its scheme, the targets are checked again against the new one', async () => {
  const { kit, sup, unit } = await seed();
  expect(await filledOf(kit, sup)).toEqual([1]);
  // written as an import would write the unit: the rows keep the answer checked against scheme B
  const stored = await kit.db.units.get(unit);
  await kit.db.units.put({ ...stored!, schemeId: 'A-2015', updatedAt: FIXED_NOW.toISOString() });
  // 41 is no 二级 of scheme A: the cost project's targets are not filled there
  expect(await filledOf(kit, sup)).toEqual([0]);
});

test('rows written before the answer was kept are checked from their indicators', async () => {
  const { kit, sup } = await seed();
  await kit.db.projects.toCollection().modify((row) => void delete row.targets);
  expect(await filledOf(kit, sup)).toEqual([1]);
  await kit.db.indicatorLists.clear();
  expect(await filledOf(kit, sup)).toEqual([0]);
});
