/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// The renderer's stores against a real repository on an in-memory IndexedDB.
import { toJS } from 'mobx';
import { rankSuggestions, REFERENCE_ENTRIES, wordsOf } from '../../../renderer/library/library';
import { RootStore } from '../../../renderer/stores/root-store';
import { interpretTargetText } from '../../../renderer/stores/target-text';
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
  return { kit, root };
}

describe('target text in the 指标值 box', () => {
  test('"≥95%" fills direction, value and unit; plain numbers stay; words make it 定性', () => {
    expect(interpretTargetText('≥95%', '=')).toEqual({ direction: '≥', target: '95', unit: '%' });
    expect(interpretTargetText('≤2000 元/套', '≥')).toEqual({ direction: '≤', target: '2000', unit: '元/套' });
    expect(interpretTargetText('95', '≥')).toBeNull();
    expect(interpretTargetText('持续改善', '≥')).toEqual({ direction: '定性', target: '持续改善' });
    expect(interpretTargetText('持续改善', '定性')).toBeNull();
  });
});

describe('indicator library', () => {
  test('words are pairs of Chinese characters', () => {
    expect([...wordsOf('会员培训')]).toEqual(['会员', '员培', '培训']);
  });

  test('offers only the chosen 二级, best match with the project name first', () => {
    const list = rankSuggestions(REFERENCE_ENTRIES, '12', '党员教育培训项目');
    expect(list.length).toBeGreaterThan(3);
    expect(list.every((s) => s.entry.level2 === '12')).toBe(true);
    const scores = list.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(list[0].entry.name).toMatch(/党员|培训|教育/);
  });
});

describe('project draft', () => {
  test('adds rows under a 二级, sums weights per 一级, and keeps validation live', async () => {
    const { root } = await started();
    const d = root.draft;
    expect(d.errors.map((p) => p.code)).toEqual(expect.arrayContaining(['outputIndicatorRequired', 'benefitIndicatorRequired']));
    const a = d.addIndicator('11')!;
    d.updateIndicator(a, { name: '培训人数', direction: '≥', target: '240', unit: '人', weight: 30 });
    const b = d.addIndicator('22')!;
    d.updateIndicator(b, { name: '经营能力', direction: '定性', target: '持续提升', weight: 20 });
    expect(d.errors.map((p) => p.code)).not.toContain('benefitIndicatorRequired');
    expect(d.weightByLevel1.get('1')).toBe(30);
    expect(d.weightTotal).toBe(50);
    // a 满意度 row is placed after 效益, whatever the order of adding
    const c = d.addIndicator('31')!;
    const first = d.addIndicator('12')!;
    expect(d.indicators.map((i) => i.id)).toEqual([a, first, b, c]);
  });

  test('a deleted row comes back at its place with undo', async () => {
    const { root } = await started();
    const d = root.draft;
    const a = d.addIndicator('11')!;
    const b = d.addIndicator('11', a)!;
    d.updateIndicator(b, { name: '第二行' });
    const c = d.addIndicator('11', b)!;
    d.deleteIndicator(b);
    expect(d.indicators.map((i) => i.id)).toEqual([a, c]);
    expect(root.undo.notice?.text).toBe('已删除指标“第二行”。');
    await root.undoLast();
    expect(d.indicators.map((i) => i.name)).toEqual(['', '第二行', '']);
  });

  test('autosave writes the draft, and the list shows the new name and status', async () => {
    const { root, kit } = await started();
    const d = root.draft;
    d.updateBasics({ name: '会员培训', annualGoal: '培训会员' });
    d.setFunding('generalPublic', 1_250_000);
    const a = d.addIndicator('11')!;
    d.updateIndicator(a, { name: '培训人数', target: '240', unit: '人' });
    expect(d.autosaver.state).toBe('dirty');
    await d.autosaver.flush();
    expect(d.autosaver.state).toBe('saved');
    const stored = await kit.repo.getProject(d.projectId!);
    expect(stored?.name).toBe('会员培训');
    expect(stored?.funding.generalPublic).toBe(1_250_000);
    expect(stored?.indicators.map((i) => i.name)).toEqual(['培训人数']);
    expect(root.list.rows.map((r) => [r.summary.name, r.status])).toEqual([['会员培训', 'incomplete']]);
    expect(root.list.totals.total).toBe(1_250_000);
    expect(toJS(d.project)?.indicators).toHaveLength(1);
  });

  test('the check panel can point at each problem', async () => {
    const { root } = await started();
    const d = root.draft;
    const a = d.addIndicator('11')!;
    const target = d.problems.find((p) => p.path === 'indicators[0].target');
    expect(target && d.elementIdFor(target.path)).toBe(`ind-${a}-target`);
    expect(d.elementIdFor('funding.other')).toBe('project-funding-other');
    expect(d.elementIdFor('indicators')).toBe('section-indicators');
  });
});

describe('project list', () => {
  test('deletes with undo, filters by name and status, and copies to the next year', async () => {
    const { root, kit } = await started();
    await root.createProject();
    expect(root.list.summaries.map((s) => s.name)).toEqual(['新项目', '新项目2']);
    root.list.setQuery('2');
    expect(root.list.rows).toHaveLength(1);
    root.list.setQuery('');
    root.list.setStatusFilter('complete');
    expect(root.list.rows).toHaveLength(0);
    root.list.setStatusFilter('all');

    const id = root.list.summaries[1].id;
    await root.deleteProjects([id]);
    expect(root.list.summaries).toHaveLength(1);
    await root.undoLast();
    expect(root.list.summaries).toHaveLength(2);

    root.list.toggleSelected(id);
    await root.copySelectedToNextYear();
    expect(root.undo.notice?.text).toBe('已复制 1 个项目到2026年度。');
    expect((await kit.repo.listProjects(root.units.unitId!, 2026)).map((s) => s.name)).toEqual(['新项目2']);
  });
});
