/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// Rows pasted from Excel or WPS into the indicator tree (renderer/stores/paste-store.ts): the column mapping by header
// or by position, the rows as they will be added, 二级 names the scheme lacks, unreadable rows, one undo step, the
// remembered mapping; and a column of actual values pasted down the year-end results.
import { ColumnMemory } from '../../../renderer/stores/column-memory';
import { isCellGrid, PasteStore, planResultsPaste, positionalFields } from '../../../renderer/stores/paste-store';
import { RootStore } from '../../../renderer/stores/root-store';
import { SCHEME_A } from '../../../shared/schemes';
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
  const memory = new ColumnMemory(kit.repo.settings);
  const paste = new PasteStore(root.draft, { undo: root.undo, memory });
  return { kit, root, paste, memory };
}

const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';

/** The draft's rows as 二级 名称 性质 值[-上限] 单位 权重 [原文]. */
const rowsOf = (root: RootStore) =>
  root.draft.indicators.map((i) => `${i.level2} ${i.name} ${i.direction} ${i.target}${i.targetMax ? `-${i.targetMax}` : ''} ${i.unit} ${i.weight}${i.targetText ? ` [${i.targetText}]` : ''}`);

const THREE_ROWS = tsv([
  ['一级指标', '二级指标', '三级指标', '指标值', '计量单位', '权重', '是否核心指标'],
  ['产出指标', '数量指标', '培训会员人数', '≥240', '人次', '20', '是'],
  ['', '质量指标', '培训合格率', '≥95%', '', '15', ''],
  ['效益指标', '社会效益指标', '参训企业经营改善', '大于7-8次', '', '10', ''],
]);

describe('what takes over a paste', () => {
  test('rows or cells do; a line of text or one copied cell is the box’s own paste', () => {
    expect(isCellGrid('a\tb')).toBe(true);
    expect(isCellGrid('培训人数\r\n合格率\r\n')).toBe(true);
    expect(isCellGrid('培训人数\r\n')).toBe(false);
    expect(isCellGrid('培训人数')).toBe(false);
  });
});

describe('the column mapping', () => {
  test('by header: each column read as its header says, and the rows as they will be added', async () => {
    const { paste } = await started();
    expect(await paste.open(THREE_ROWS)).toBe(true);
    expect(paste.hasHeader).toBe(true);
    expect(paste.columns.map((c) => [c.header, c.field])).toEqual([
      ['一级指标', 'level1'],
      ['二级指标', 'level2'],
      ['三级指标', 'name'],
      ['指标值', 'target'],
      ['计量单位', 'unit'],
      ['权重', 'weight'],
      ['是否核心指标', 'core'],
    ]);
    const p = paste.preview;
    expect(p.rows.map((r) => [r.line, r.level1, r.level2, r.indicator.name, r.indicator.direction, r.indicator.target, r.indicator.targetMax ?? '', r.indicator.unit, r.indicator.weight, r.indicator.core])).toEqual([
      [1, '1', '11', '培训会员人数', '≥', '240', '', '人次', 20, true],
      [2, '1', '12', '培训合格率', '≥', '95', '', '%', 15, false],
      [3, '2', '22', '参训企业经营改善', '>', '7', '8', '次', 10, false],
    ]);
    expect(p.rows.map((r) => r.suggested)).toEqual([false, false, false]);
    expect(p.unknown).toEqual([]);
    expect(p.issues).toEqual([]);
  });

  test('without a header: by position, the level columns only where the first columns hold level names', async () => {
    const { paste } = await started();
    await paste.open(tsv([
      ['培训会员人数', '≥', '240', '人次', '20'],
      ['服务对象满意度', '≥', '90', '%', '10'],
    ]));
    expect(paste.hasHeader).toBe(false);
    expect(paste.fields).toEqual(['name', 'direction', 'target', 'unit', 'weight']);
    const p = paste.preview;
    expect(p.rows.map((r) => `${r.level2} ${r.indicator.name} ${r.indicator.direction}${r.indicator.target}${r.indicator.unit} ${r.indicator.weight}`)).toEqual([
      '11 培训会员人数 ≥240人次 20',
      '31 服务对象满意度 ≥90% 10',
    ]);
    // no 一级 / 二级 columns: both guessed from the name, marked for checking
    expect(p.rows.map((r) => r.suggested)).toEqual([true, true]);
    expect(p.issues).toEqual(['没有一级、二级指标：2 个指标的一级、二级按指标名称推定，请核对。']);
    expect(positionalFields([['产出指标', '数量指标', '培训人数', '≥90%']], SCHEME_A)).toEqual(['level1', 'level2', 'name', 'target']);
    expect(positionalFields([['数量指标', '培训人数', '≥90%', '']], SCHEME_A)).toEqual(['level2', 'name', 'target', 'unit']);
    expect(positionalFields([['产出指标', '培训人数', '定量', '90']], SCHEME_A)).toEqual(['level1', 'name', 'direction', 'target']);
  });

  test('a column changed in the select: the field moves, the column that held it is read as nothing', async () => {
    const { paste } = await started();
    await paste.open(tsv([
      ['指标名称', '指标值', '备注'],
      ['培训会员人数', '≥240人次', '按签到表统计'],
    ]));
    expect(paste.fields).toEqual(['name', 'target', null]);
    expect(paste.preview.rows[0].indicator.explanation).toBeUndefined();
    paste.setField(2, 'explanation');
    expect(paste.preview.rows[0].indicator.explanation).toBe('按签到表统计');
    paste.setField(2, 'name');
    expect(paste.fields).toEqual([null, 'target', 'name']);
    expect(paste.preview.rows.map((r) => r.indicator.name)).toEqual(['按签到表统计']);
    // the first row read as data after all
    paste.setHasHeader(false);
    expect(paste.preview.rows.map((r) => r.line)).toEqual([0, 1]);
  });
});

describe('二级 the scheme lacks, and rows that cannot be read', () => {
  test('an unknown 二级 is mapped to a suggestion the user can change; a row without a name is listed with why', async () => {
    const { paste } = await started();
    await paste.open(tsv([
      ['二级指标', '三级指标', '指标值', '权重'],
      ['效率指标', '审批办结时限', '≤5天', '10'],
      ['', '材料流转天数', '≤2天', '5'],
      ['数量指标', '', '≥3次', '5'],
    ]));
    const p = paste.preview;
    // 效率 is nearest to 时效 in scheme A; both rows under it follow the one choice
    expect(p.unknown).toEqual([{ name: '效率指标', rows: 2, suggested: '13', chosen: '13' }]);
    expect(p.rows.map((r) => [r.level2, r.suggested])).toEqual([
      ['13', true],
      ['13', true],
    ]);
    // the reader's note of the mapping is shown as the mapping itself; the unreadable row keeps its reason
    expect(p.issues).toEqual(['第 4 行有内容但没有指标名称，未读取。']);
    paste.setLevel2ForName('效率指标', '12');
    expect(paste.preview.rows.map((r) => [r.level1, r.level2])).toEqual([
      ['1', '12'],
      ['1', '12'],
    ]);
    // one row on its own
    paste.setLevel2ForLine(2, '21');
    expect(paste.preview.rows.map((r) => [r.level1, r.level2, r.suggested])).toEqual([
      ['1', '12', true],
      ['2', '21', false],
    ]);
  });
});

describe('confirming', () => {
  test('adds the rows under their 二级 as one step; 撤销 takes them all back at once', async () => {
    const { root, paste } = await started();
    const own = root.draft.addIndicator('11')!;
    root.draft.updateIndicator(own, { name: '已有指标', target: '1', unit: '项', weight: 5 });
    await paste.open(THREE_ROWS);
    expect(await paste.confirm()).toBe(3);
    expect(paste.isOpen).toBe(false);
    expect(rowsOf(root)).toEqual([
      '11 已有指标 ≥ 1 项 5',
      // the value as written is kept where it does not print back the same (no unit in it)
      '11 培训会员人数 ≥ 240 人次 20 [≥240]',
      '12 培训合格率 ≥ 95 % 15',
      '22 参训企业经营改善 > 7-8 次 10 [大于7-8次]',
    ]);
    expect(root.draft.indicators.map((i) => i.core)).toEqual([false, true, false, false]);
    expect(root.undo.notice?.text).toBe('已粘贴 3 个指标。');
    await root.undoLast();
    expect(rowsOf(root)).toEqual(['11 已有指标 ≥ 1 项 5']);
    // one step: nothing of the paste is left on the stack
    expect(root.undo.canUndo).toBe(false);
  });

  test('pasted into a blank row, the rows take its place; 撤销 brings the blank row back', async () => {
    const { root, paste } = await started();
    const blank = root.draft.addIndicator('31')!;
    await paste.open(tsv([
      ['培训会员人数', '≥240人次'],
      ['培训合格率', '≥95%'],
    ]), blank);
    expect(await paste.confirm()).toBe(2);
    expect(root.draft.indicators.map((i) => i.name)).toEqual(['培训会员人数', '培训合格率']);
    await root.undoLast();
    expect(root.draft.indicators.map((i) => i.id)).toEqual([blank]);
  });

  test('the rows are saved with the project', async () => {
    const { root, paste, kit } = await started();
    await paste.open(THREE_ROWS);
    await paste.confirm();
    await root.draft.autosaver.flush();
    const stored = await kit.repo.projects.get(root.draft.projectId!);
    expect(stored?.indicators.map((i) => i.name)).toEqual(['培训会员人数', '培训合格率', '参训企业经营改善']);
  });

  test('a changed column mapping is remembered for the next paste with the same headers; set back, it is forgotten', async () => {
    const { paste, memory } = await started();
    const text = tsv([
      ['指标名称', '指标值', '备注'],
      ['培训会员人数', '≥240人次', '按签到表统计'],
    ]);
    await paste.open(text);
    paste.setField(2, 'explanation');
    await paste.confirm();
    expect(Object.values(await memory.all())).toEqual([{ name: 0, target: 1, explanation: 2 }]);
    await paste.open(text);
    expect(paste.fields).toEqual(['name', 'target', 'explanation']);
    paste.setField(2, null);
    await paste.confirm();
    expect(await memory.all()).toEqual({});
  });

  test('a paste keeps the fields beyond an indicator row’s (项目名称) in the mapping remembered for its shape', async () => {
    const { paste, memory } = await started();
    const header = ['项目名称', '指标名称', '指标值', '备注'];
    const key = header.join('\t');
    await memory.remember(key, { projectName: 0, name: 1, target: 2 });
    await paste.open(tsv([header, ['会员培训', '培训会员人数', '≥240人次', '按签到表统计']]));
    expect(paste.fields).toEqual([null, 'name', 'target', null]);
    paste.setField(3, 'explanation');
    await paste.confirm();
    expect(await memory.all()).toEqual({ [key]: { projectName: 0, name: 1, target: 2, explanation: 3 } });
    // and a shape first changed in a paste keeps what a file of it is recognised with
    await memory.remember(key, null);
    await paste.open(tsv([header, ['会员培训', '培训会员人数', '≥240人次', '按签到表统计']]));
    paste.setField(3, 'explanation');
    await paste.confirm();
    expect(await memory.all()).toEqual({ [key]: { projectName: 0, name: 1, target: 2, explanation: 3 } });
  });

  test('cancel adds nothing', async () => {
    const { root, paste } = await started();
    await paste.open(THREE_ROWS);
    paste.cancel();
    expect(root.draft.indicators).toEqual([]);
    expect(root.undo.canUndo).toBe(false);
  });
});

describe('actual values pasted down the results', () => {
  const rows = [
    { id: 'a', name: '预算执行率', current: '', closed: '预算执行率行，按执行率计分，不填' },
    { id: 'b', name: '培训人数', current: '200', closed: null },
    { id: 'c', name: '合格率', current: '', closed: null },
    { id: 'd', name: '满意度', current: '', closed: '不适用，不填' },
  ];

  test('from the focused row down, one value per row shown; closed rows keep theirs and use up their line', () => {
    expect(planResultsPaste(rows, 'b', '256\r\n\r\n97\r\n99\r\n')).toEqual({
      entries: [
        { id: 'b', name: '培训人数', current: '200', value: '256', skipped: null },
        { id: 'c', name: '合格率', current: '', value: '', skipped: '粘贴的是空格，保持原值' },
        { id: 'd', name: '满意度', current: '', value: '97', skipped: '不适用，不填' },
      ],
      unused: 1,
    });
    // several columns copied: the first is the values
    expect(planResultsPaste(rows, 'c', '96\t%\r\n')?.entries.map((e) => e.value)).toEqual(['96']);
    expect(planResultsPaste(rows, 'x', '1\n2')).toBeNull();
  });
});
