/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// The drafts' weights by the unit's rule set (domain.md §5): the check panel's one-click offers change the draft as
// one undoable edit; a row marked as the 预算执行率 row leaves the sum; the drafts and the project list check by the
// unit's rule set, not CN-2020.
import { RootStore } from '../../../renderer/stores/root-store';
import type { Indicator } from '../../../shared/model';
import { makeKit } from '../db/db-test-kit';

async function started() {
  const kit = makeKit();
  let n = 0;
  const root = new RootStore(kit.repo, () => `s-${++n}`);
  await root.start();
  const unit = await root.units.create({ name: '深圳市龙岗区工商业联合会', shortName: '', parentId: null, schemeId: 'A-2015' });
  if (!unit.ok) throw new Error(unit.error);
  await root.selectUnit(unit.value.id);
  await root.selectYear(2025);
  await root.createProject();
  return { kit, root, unitId: unit.value.id };
}

/** Rows under 数量, 质量, 社会效益 and 满意度 with the given weights. */
function fill(root: RootStore, weights: (number | null)[]): string[] {
  const d = root.draft;
  d.updateBasics({ name: '会员培训', annualGoal: '提升会员企业经营管理水平' });
  const rows: [string, Partial<Indicator>][] = [
    ['11', { name: '培训人数', target: '240', unit: '人' }],
    ['12', { name: '培训合格率', target: '95', unit: '%' }],
    ['22', { name: '企业经营改善', direction: '定性', target: '持续改善', unit: '' }],
    ['31', { name: '参训企业满意度', target: '90', unit: '%' }],
  ];
  return rows.map(([level2, patch], i) => {
    const id = d.addIndicator(level2)!;
    d.updateIndicator(id, { ...patch, weight: weights[i] });
    return id;
  });
}

const weightsOf = (root: RootStore) => root.draft.indicators.map((i) => i.weight);
const codes = (root: RootStore) => root.draft.problems.map((p) => p.code);

describe('the one-click weight offers', () => {
  test('weights of 100 with no 预算执行率 row: an error, scaled by 0.9 in one click, put back by one undo', async () => {
    const { root } = await started();
    fill(root, [40, 30, 20, 10]);
    const d = root.draft;
    expect(codes(root)).toEqual(['weightSumHundred']);
    expect(d.weightOffer?.kind === 'scale' && d.weightOffer.factor.toString()).toBe('0.9');
    d.takeWeightOffer();
    expect(weightsOf(root)).toEqual([36, 27, 18, 9]);
    expect(d.errors).toEqual([]);
    expect(d.weightOffer).toBeNull();
    expect(root.undo.notice?.text).toBe('已将全部指标权重按 0.9 折算。');
    await root.undo.undoLast();
    expect(weightsOf(root)).toEqual([40, 30, 20, 10]);
    expect(codes(root)).toEqual(['weightSumHundred']);
  });

  test('no weights at all: the 一级 defaults split evenly inside each 一级, saved with the project', async () => {
    const { root, kit } = await started();
    fill(root, [null, null, null, null]);
    const d = root.draft;
    expect(d.weightOffer).toEqual({ kind: 'propose' });
    d.takeWeightOffer();
    expect(weightsOf(root)).toEqual([25, 25, 30, 10]);
    expect(d.problems).toEqual([]);
    await d.autosaver.flush();
    expect((await kit.repo.projects.get(d.projectId!))?.indicators.map((i) => i.weight)).toEqual([25, 25, 30, 10]);
    await root.undo.undoLast();
    expect(weightsOf(root)).toEqual([null, null, null, null]);
  });
});

describe('the 预算执行率 row', () => {
  test('marked in the row\'s details, it leaves the sum and the advice against it goes; unmarked, it counts', async () => {
    const { root } = await started();
    fill(root, [50, 0, 30, 10]);
    const d = root.draft;
    const row = d.addIndicator('14')!;
    d.updateIndicator(row, { name: '预算资金执行情况', direction: '=', target: '100', unit: '%', weight: 10 });
    // taken by its name as the row: 90 beside it, but advised against
    expect(codes(root)).toEqual(['executionIndicator']);
    expect(d.warnings[0].message).toBe('预算执行率已单独计 10 分，不宜再设为绩效指标');
    d.updateIndicator(row, { execution: true });
    expect(codes(root)).toEqual([]);
    d.updateIndicator(row, { execution: false });
    expect(codes(root)).toEqual(['executionIndicator', 'weightSumHundred']);
  });
});

describe('the unit\'s rule set', () => {
  test('the draft and the list check by it: 预算执行率 20 leaves the indicators 80', async () => {
    const { root, unitId } = await started();
    fill(root, [50, 0, 30, 10]);
    const d = root.draft;
    expect(d.errors).toEqual([]);
    const derived = await root.units.deriveRuleSet('某市规则', { executionWeight: 20, level1Weights: { output: 40, benefit: 30, satisfaction: 10 } });
    if (!derived.ok) throw new Error(derived.problems.join());
    const unit = root.units.unit!;
    const updated = await root.units.update(unitId, { name: unit.name, shortName: unit.shortName ?? '', parentId: unit.parentId, schemeId: unit.schemeId, ruleSetId: derived.ruleSet.id });
    if (!updated.ok) throw new Error(updated.error);
    expect(d.errors.map((p) => p.message)).toEqual(['指标权重合计为 90，应为 80（预算执行率另计 20 分）']);
    await d.autosaver.flush();
    expect(root.list.rows.map((r) => [r.summary.name, r.summary.errorCount])).toEqual([['会员培训', 1]]);
    // the offer follows the set too: 100 scales by 0.8
    d.updateIndicator(d.indicators[1].id, { weight: 10 });
    expect(d.weightOffer?.kind === 'scale' && d.weightOffer.factor.toString()).toBe('0.8');
  });
});
