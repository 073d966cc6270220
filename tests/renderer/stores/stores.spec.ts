/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// The renderer's stores against a real repository on an in-memory IndexedDB.
import { toJS } from 'mobx';
import { fieldDomId } from '../../../renderer/app/focus';
import { RootStore } from '../../../renderer/stores/root-store';
import { interpretTargetText, targetBoxText, targetFromBox } from '../../../renderer/stores/target-text';
import { targetText } from '../../../shared/indicator-text';
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

  test('a range fills its upper end too, and the box shows it as "7-8", which reads back as the same range', () => {
    expect(interpretTargetText('大于7-8次', '≥')).toEqual({ direction: '>', target: '7', targetMax: '8', unit: '次' });
    expect(interpretTargetText('5—6家', '≥')).toEqual({ direction: '=', target: '5', targetMax: '6', unit: '家' });
    expect(interpretTargetText('≥95%', '=')).not.toHaveProperty('targetMax');
    expect(targetBoxText({ direction: '>', target: '7', targetMax: '8' })).toBe('7-8');
    // the box's "7-8" keeps the 指标性质 on the next blur, as a plain number does, and splits into the two ends
    expect(interpretTargetText('7-8', '>')).toBeNull();
    expect(targetFromBox('7-8', '>')).toEqual({ target: '7', targetMax: '8' });
    expect(targetFromBox(' 4.5 — 6 ', '=')).toEqual({ target: '4.5', targetMax: '6' });
    // one value, or 定性 text, has no upper end
    expect(targetFromBox('9', '>')).toEqual({ target: '9', targetMax: undefined });
    expect(targetFromBox('7-8', '定性')).toEqual({ target: '7-8', targetMax: undefined });
    expect(targetBoxText({ direction: '定性', target: '持续改善', targetMax: '8' })).toBe('持续改善');
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
    const stored = await kit.repo.projects.get(d.projectId!);
    expect(stored?.name).toBe('会员培训');
    expect(stored?.funding.generalPublic).toBe(1_250_000);
    expect(stored?.indicators.map((i) => i.name)).toEqual(['培训人数']);
    expect(root.list.rows.map((r) => [r.summary.name, r.status])).toEqual([['会员培训', 'incomplete']]);
    expect(root.list.totals.total).toBe(1_250_000);
    expect(toJS(d.project)?.indicators).toHaveLength(1);
  });

  test('"大于7-8次" typed in a row is saved as >, 7, 8, 次, shows "7-8" again after a reload and prints as the range', async () => {
    const { root, kit } = await started();
    const d = root.draft;
    const a = d.addIndicator('11')!;
    // what the row does on leaving the box: the fill goes into the box as "7-8", and the box into the indicator
    const fill = interpretTargetText('大于7-8次', d.indicators[0].direction)!;
    d.updateIndicator(a, { name: '宣讲、培训次数', direction: fill.direction, ...targetFromBox(targetBoxText(fill), fill.direction), unit: fill.unit });
    await d.autosaver.flush();
    const stored = (await kit.repo.projects.get(d.projectId!))!.indicators[0];
    expect(stored).toMatchObject({ direction: '>', target: '7', targetMax: '8', unit: '次' });
    expect(targetBoxText(stored)).toBe('7-8');
    expect(targetText(stored)).toBe('>7-8次');

    // a single value typed over it, or a library pick without a range, leaves no stale upper end
    d.updateIndicator(a, targetFromBox('9', '>'));
    expect(d.indicators[0].target).toBe('9');
    expect(d.indicators[0].targetMax).toBeUndefined();
    d.updateIndicator(a, targetFromBox('5-6', '>'));
    expect(d.indicators[0].targetMax).toBe('6');
    d.applyTemplate(a, { name: '培训次数', direction: '≥', target: '10', unit: '次' });
    expect(d.indicators[0].targetMax).toBeUndefined();
  });

  test('an upper end below the target is an error shown on the 指标值 box', async () => {
    const { root } = await started();
    const d = root.draft;
    const a = d.addIndicator('11')!;
    d.updateIndicator(a, { name: '宣讲、培训次数', direction: '>', ...targetFromBox('8-7', '>'), unit: '次' });
    const problem = d.errors.find((p) => p.code === 'targetMaxInvalid');
    expect(problem?.message).toBe('定量指标“宣讲、培训次数”的指标值范围上限 7 小于下限 8');
    expect(problem?.target).toEqual({ record: 'project', recordId: d.projectId, of: 'indicator', indicatorId: a, field: 'targetMax' });
    expect(fieldDomId(problem!.target)).toBe(`ind-${a}-target`);
    // a row just added shows no red until the user leaves it
    expect(d.marksOf(a)).toEqual({});
    d.leaveRow(a);
    expect(d.marksOf(a)).toEqual({ targetMax: 'error' });
  });

  test('the check panel can point at each problem', async () => {
    const { root } = await started();
    const d = root.draft;
    const a = d.addIndicator('11')!;
    const target = d.problems.find((p) => p.path === 'indicators[0].target');
    expect(target && fieldDomId(target.target)).toBe(`ind-${a}-target`);
    const recordId = d.projectId!;
    expect(fieldDomId({ record: 'project', recordId, of: 'record', field: 'funding.other' })).toBe('project-funding-other');
    expect(fieldDomId({ record: 'project', recordId, of: 'record', field: 'indicators' })).toBe('section-indicators');
    // asking the check panel where a problem is shows the row's marks at once
    expect(d.marksOf(a)).toEqual({});
    d.reveal(target!.target);
    expect(d.marksOf(a).target).toBe('error');
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
    expect((await kit.repo.projects.list(root.units.unitId!, 2026)).map((s) => s.name)).toEqual(['新项目2']);
  });
});

describe('units', () => {
  test('deleting the chosen unit moves the choice to its 主管部门, then to the first unit left, then to none', async () => {
    const { root, kit } = await started();
    const withProject = root.units.unitId!;
    const form = { shortName: '', schemeId: 'A-2015' };
    const top = await root.units.create({ ...form, name: '区委统战部', parentId: null });
    if (!top.ok) throw new Error(top.error);
    const child = await root.units.create({ ...form, name: '区台联', parentId: top.value.id });
    if (!child.ok) throw new Error(child.error);
    await root.selectUnit(child.value.id);
    await root.openPlan();

    // a unit that still holds something stays, and so does the choice
    expect((await root.deleteUnit(top.value.id)).ok).toBe(false);
    expect(await root.units.deleteRefusal(withProject)).toBe('该单位下还有 1 个项目（2025年度），不能删除。请先删除或移走这些数据。');

    expect((await root.deleteUnit(child.value.id)).ok).toBe(true);
    expect(root.units.unitId).toBe(top.value.id);
    expect(await kit.repo.settings.get('ui.unitId')).toBe(top.value.id);
    expect(root.units.tree.map((t) => t.unit.name)).toEqual(['区委统战部', '深圳市龙岗区工商业联合会']);
    expect(root.undo.notice?.text).toBe('已删除单位“区台联”。');
    // the 部门整体支出 view stays open, now on the 主管部门's plan
    expect(root.selection).toEqual({ kind: 'plan' });
    expect(root.plan.loadedFor?.unitId).toBe(top.value.id);

    expect((await root.deleteUnit(top.value.id)).ok).toBe(true);
    expect(root.units.unitId).toBe(withProject);
    expect(root.list.summaries.map((s) => s.name)).toEqual(['新项目']);

    await root.deleteProjects(root.list.summaries.map((s) => s.id));
    expect((await root.deleteUnit(withProject)).ok).toBe(true);
    expect(root.units.unitId).toBeNull();
    expect(root.units.units).toEqual([]);
    expect(root.list.summaries).toEqual([]);
    expect(root.selection).toBeNull();
    expect(await kit.repo.settings.get('ui.unitId')).toBeUndefined();
  });
});
