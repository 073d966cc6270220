/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// The indicator editor's 一级 lines compare each 一级's weights with the unit's rule set, as the check does.
import { renderToStaticMarkup } from 'react-dom/server';
import { IndicatorEditor } from '../../../renderer/app/IndicatorEditor';
import { StoreProvider } from '../../../renderer/app/store-context';
import { RootStore } from '../../../renderer/stores/root-store';
import { makeKit } from '../db/db-test-kit';

async function projectWithWeights(weights: [string, number][]) {
  const kit = makeKit();
  let n = 0;
  const root = new RootStore(kit.repo, () => `s-${++n}`);
  await root.start();
  const unit = await root.units.create({ name: '某区工商联', shortName: '', parentId: null, schemeId: 'A-2015' });
  if (!unit.ok) throw new Error(unit.error);
  await root.selectUnit(unit.value.id);
  await root.selectYear(2025);
  await root.createProject();
  for (const [level2, weight] of weights) root.draft.updateIndicator(root.draft.addIndicator(level2)!, { name: `指标${level2}`, weight });
  return { root, unitId: unit.value.id };
}

/** The 一级 lines' weight labels, with "off" where the sum departs from the expected weight. */
function level1Weights(root: RootStore): string[] {
  const html = renderToStaticMarkup(
    <StoreProvider store={root}>
      <IndicatorEditor draft={root.draft} />
    </StoreProvider>,
  );
  return [...html.matchAll(/<span class="level1-weight( off)?" data-weight-of="(\d)">([^<]*)<\/span>/g)].map((m) => `${m[2]} ${m[3]}${m[1] ? ' off' : ''}`);
}

test('CN-2020: 产出 50 · 效益 30 · 满意度 10', async () => {
  const { root } = await projectWithWeights([['11', 40], ['22', 40], ['31', 10]]);
  expect(level1Weights(root)).toEqual(['1 权重 40 / 50 off', '2 权重 40 / 30 off', '3 权重 10 / 10']);
});

test('a region\'s rule set with 产出 40 · 效益 40: the lines follow it', async () => {
  const { root, unitId } = await projectWithWeights([['11', 40], ['22', 40], ['31', 10]]);
  const derived = await root.units.deriveRuleSet('某市规则', { level1Weights: { output: 40, benefit: 40, satisfaction: 10 } });
  if (!derived.ok) throw new Error(derived.problems.join());
  const updated = await root.units.update(unitId, { name: '某区工商联', shortName: '', parentId: null, schemeId: 'A-2015', ruleSetId: derived.ruleSet.id });
  if (!updated.ok) throw new Error(updated.error);
  expect(level1Weights(root)).toEqual(['1 权重 40 / 40', '2 权重 40 / 40', '3 权重 10 / 10']);
  expect(root.draft.warnings.filter((p) => p.code === 'level1WeightMismatch')).toEqual([]);
});
