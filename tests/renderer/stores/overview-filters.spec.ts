// 汇总概览's filter by how far each unit's year has come (issue #19), alone and together with the filter by light.
import type { Repository, SupervisedUnitSummary } from '../../../renderer/db/repository';
import { OverviewStore } from '../../../renderer/stores/exchange-overview';
import type { WorkspaceContext } from '../../../renderer/stores/workspace-context';
import { SCHEME_A } from '../../../shared/schemes';

const row = (unitId: string, projectCount: number, targetsFilled: number, assessmentsDone: number, hasDepartmentPlan: boolean, red = 0): SupervisedUnitSummary => ({
  unitId, unitName: unitId, parentId: 'city', depth: 1, projectCount, targetsFilled, assessmentsDone, hasDepartmentPlan,
  lights: { green: 0, yellow: 0, red }, unmonitored: projectCount - red, monitored: [],
});

const ROWS = [
  row('全部完成', 3, 3, 3, true),
  row('目标填完', 3, 3, 1, true, 1),
  row('目标未完', 3, 2, 0, false, 2),
  row('没有项目', 0, 0, 0, false),
];

async function overview(): Promise<OverviewStore> {
  const repo = { supervisor: { overview: async () => ({ ok: true, value: ROWS }) } } as unknown as Repository;
  const context: WorkspaceContext = { unitId: () => 'city', unit: () => undefined, units: () => [], year: () => 2025, scheme: () => SCHEME_A, reloadAll: async () => {} };
  const store = new OverviewStore(repo, context);
  await store.load();
  return store;
}

const shown = (s: OverviewStore) => s.shownRows.map((r) => r.unitId);

test.each([
  ['all', ['全部完成', '目标填完', '目标未完', '没有项目']],
  ['targetsMissing', ['目标未完', '没有项目']],
  ['targetsDone', ['全部完成', '目标填完']],
  ['assessmentsMissing', ['目标填完', '目标未完', '没有项目']],
  ['assessmentsDone', ['全部完成']],
  ['noPlan', ['目标未完', '没有项目']],
] as const)('status filter %s lists %j', async (filter, expected) => {
  const s = await overview();
  s.setStatusFilter(filter);
  expect(shown(s)).toEqual(expected);
});

test('the status filter and the light filter together: the units that pass both', async () => {
  const s = await overview();
  s.setLightFilter('red');
  expect(shown(s)).toEqual(['目标填完', '目标未完']);
  s.setStatusFilter('targetsDone');
  expect(shown(s)).toEqual(['目标填完']);
  s.setLightFilter('all');
  expect(shown(s)).toEqual(['全部完成', '目标填完']);
  // the totals stay those of every unit
  expect(s.totals.projectCount).toBe(9);
});
