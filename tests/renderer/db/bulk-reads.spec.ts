/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// Many projects' indicators in one go (renderer/db/bulk-reads.ts): by a read per project or of the whole table, the
// same indicators for the same projects, each project's in saved order, and nothing of the others.
import { indicatorsOfProjects } from '../../../renderer/db/bulk-reads';
import { indicatorsOfMany } from '../../../renderer/db/project-rows';
import type { Project } from '../../../shared/model';
import { funding, indicator, makeKit, unwrap } from './db-test-kit';

const project = (i: number): Project => ({
  id: `p${String(i).padStart(4, '0')}`, unitId: 'u', year: 2025, name: `项目${i}`, governmentInvestment: false, key: false, funding: funding(1000),
  townSubsidy: 0, overview: '', basis: '', annualGoal: '', periodGoal: '',
  // ids in another order than their positions: the project needs them by position
  indicators: ['c', 'a', 'b'].map((k) => indicator(`p${i}-${k}`, `指标${k}`)), updatedAt: '2025-01-01T00:00:00.000Z',
});

async function stored(count: number) {
  const kit = makeKit();
  const projects = Array.from({ length: count }, (_, i) => project(i));
  unwrap(await kit.repo.exchange.importRecords({ units: [{ id: 'u', name: '单位', parentId: null, schemeId: 'A-2015', updatedAt: '2025-01-01T00:00:00.000Z' }], projects, departmentPlans: [] }));
  return kit;
}

const shape = (groups: Map<string, { id: string }[]>) => [...groups].map(([id, indicators]) => [id, indicators.map((i) => i.id)]);

test.each([
  ['most of the stored projects (the whole table is read)', 300, 250],
  ['a few of many (a read each)', 600, 250],
  ['a handful (a read each)', 300, 5],
])('%s: the indicators of exactly those projects, in saved order', async (_label, count, asked) => {
  const kit = await stored(count);
  const ids = [...Array.from({ length: asked }, (_, i) => project(i * 2 + 1).id), 'not-stored'];
  const { db } = kit;
  const got = await db.transaction('r', [db.projects, db.indicatorLists], () => indicatorsOfProjects(db, ids));
  const expected = await db.transaction('r', [db.projects, db.indicatorLists], () => indicatorsOfMany(db, ids));
  expect(shape(got)).toEqual(shape(expected));
  expect(got.get(ids[0])?.map((r) => r.id)).toEqual(['p1-c', 'p1-a', 'p1-b']);
  expect(got.get('not-stored')).toEqual([]);
  expect(got.size).toBe(asked + 1);
});
