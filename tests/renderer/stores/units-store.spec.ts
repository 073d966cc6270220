// The unit picker's tree (UnitsStore.tree): every unit once, indented under its 主管部门, whatever the data.
import { UnitsStore } from '../../../renderer/stores/units-store';
import type { Unit } from '../../../shared/model';
import { FIXED_NOW, makeKit, unwrap, type Kit } from '../db/db-test-kit';

let kit: Kit;
afterEach(() => kit.db.close());

const unit = (id: string, name: string, parentId: string | null): Unit => ({
  id, name, parentId, schemeId: 'A-2015', updatedAt: FIXED_NOW.toISOString(),
});

async function treeOf(units: Unit[]): Promise<string[]> {
  kit = makeKit();
  unwrap(await kit.repo.exchange.importRecords({ units, projects: [], departmentPlans: [] }));
  const store = new UnitsStore(kit.repo, () => FIXED_NOW);
  await store.load();
  return store.tree.map(({ unit: u, depth }) => `${'  '.repeat(depth)}${u.name}`);
}

it('lists units under their 主管部门 in Chinese name order; a missing 主管部门 makes a root', async () => {
  expect(
    await treeOf([
      unit('gsl', '区工商联', 'tzb'),
      unit('tzb', '区委统战部', null),
      unit('zsh', '区总商会', 'gsl'),
      unit('ah', '安徽商会', 'gsl'),
      unit('czj', '区财政局', null),
      unit('lost', '外区商会', 'elsewhere'),
    ]),
  ).toEqual(['区财政局', '区委统战部', '  区工商联', '    安徽商会', '    区总商会', '外区商会']);
});

it('keeps units caught in a 主管部门 cycle (bad data from a package) in the picker instead of dropping them', async () => {
  const tree = await treeOf([unit('czj', '区财政局', null), unit('a', '甲商会', 'b'), unit('b', '乙商会', 'a')]);
  // each once: the first of the cycle in name order as a root, the other under it
  expect(tree).toEqual(['区财政局', '甲商会', '  乙商会']);
});
