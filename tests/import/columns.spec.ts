// Header recognition and the reading of rows of text, as the paste helper uses them, and the smaller readers they
// rest on: coded strings, 一级 / 二级 names, value cells.
import { importRows, issuesOf, parseCoded, pastedRows, recogniseColumns, resolveLevels, rowsToIndicators, splitContent, targetOf } from '../../shared/import';
import { SCHEME_A, SCHEME_B } from '../../shared/schemes';

describe('recogniseColumns', () => {
  test('the usual header texts and their variants', () => {
    const m = recogniseColumns([['序号', '一级指标', '二级指标', '三级指标', '指标性质', '年度指标值', '度量单位', '权重（分）', '是否核心指标', '指标解释', '备注']]);
    expect(m.fields).toEqual({ serial: 0, level1: 1, level2: 2, name: 3, direction: 4, target: 5, unit: 6, weight: 7, core: 8, explanation: 9 });
    expect(m.columns.map((c) => c.field)).toEqual(['serial', 'level1', 'level2', 'name', 'direction', 'target', 'unit', 'weight', 'core', 'explanation', null]);
    expect(recogniseColumns([['指标名称', '目标值', '计量单位', '分值', '核心指标']]).fields).toEqual({ name: 0, target: 1, unit: 2, weight: 3, core: 4 });
    expect(recogniseColumns([[' 三级 指标 ', '指标值*', '计算符号']]).fields).toEqual({ name: 0, target: 1, direction: 2 });
    expect(recogniseColumns([['指标内容']]).fields).toEqual({ content: 0 });
  });

  test('"单位" is the measure unit in an indicator table, the unit’s name beside a 计量单位 column', () => {
    expect(recogniseColumns([['三级指标', '指标值', '单位']]).fields).toEqual({ name: 0, target: 1, unit: 2 });
    expect(recogniseColumns([['单位', '项目名称', '三级指标', '指标值', '计量单位']]).fields).toEqual({ unitName: 0, projectName: 1, name: 2, target: 3, unit: 4 });
  });

  test('a header of two rows, merged: the lower text first, the group above where it alone says', () => {
    const m = recogniseColumns([
      ['项目名称', '资金（万元）', '资金（万元）', '绩效指标', '绩效指标', '绩效指标', '年度指标值'],
      ['项目名称', '合计', '其中：财政拨款', '一级指标', '二级指标', '三级指标', '年度指标值'],
    ]);
    expect(m.fields).toEqual({ projectName: 0, total: 1, fiscal: 2, level1: 3, level2: 4, name: 5, target: 6 });
    expect(m.moneyUnits).toEqual({ total: '万元', fiscal: '万元' });
    expect(m.columns[1].header).toBe('资金（万元）/合计');
  });

  test('a money column under 实际支出 is spending, not the budget, and is left unread', () => {
    const m = recogniseColumns([
      ['项目名称', '预算金额（元）', '实际支出金额'],
      ['项目名称', '预算金额（元）', '合计'],
    ]);
    expect(m.fields).toEqual({ projectName: 0, total: 1 });
    expect(m.moneyUnits).toEqual({ total: '元' });
  });

  test('"绩效指标" holds coded strings when its cells read so, else names', () => {
    const coded = '1、1-产出指标；11-数量指标；培训次数；实施周期指标值：2次；年度指标值：2次。';
    expect(recogniseColumns([['项目名称', '绩效指标']], [['培训', coded]]).fields).toEqual({ projectName: 0, coded: 1 });
    expect(recogniseColumns([['绩效指标', '指标值']], [['培训次数', '2次']]).fields).toEqual({ name: 0, target: 1 });
  });
});

describe('rowsToIndicators (pasted cells)', () => {
  test('merged 一级 / 二级 cells pasted as blanks repeat the value above; value text parsed', () => {
    const mapping = recogniseColumns([['一级指标', '二级指标', '三级指标', '指标值', '权重']]);
    const rows = [
      ['产出指标', '数量指标', '培训人数', '≥240人', '20'],
      ['', '', '培训场次', '不少于12场', '10'],
      ['', '质量指标', '合格率', '≥95%', '20%'],
      ['', '', '', '', ''],
      ['效益指标', '社会效益', '群众知晓率', '大幅提高', ''],
      ['', '', '', '≥1', ''],
    ];
    const r = rowsToIndicators(rows, mapping);
    expect(r.rows).toEqual([0, 1, 2, 4]);
    expect(r.indicators.map((i) => [i.level1, i.level2, i.name, i.direction, i.target, i.unit, i.targetText ?? null, i.weight])).toEqual([
      ['1', '11', '培训人数', '≥', '240', '人', null, 20],
      ['1', '11', '培训场次', '≥', '12', '场', '不少于12场', 10],
      ['1', '12', '合格率', '≥', '95', '%', null, 20],
      ['2', '22', '群众知晓率', '定性', '大幅提高', '', null, null],
    ]);
    expect(r.issues).toEqual([{ level: 'warning', message: '第 6 行有内容但没有指标名称，未读取。' }]);
  });

  test('a name and value in one cell (指标内容) are split where the value starts', () => {
    const r = rowsToIndicators([['文书档案整理时间≤90天'], ['电脑3台，办公桌椅1批']], recogniseColumns([['指标内容']]));
    expect(r.indicators.map((i) => [i.name, i.direction, i.target, i.unit])).toEqual([
      ['文书档案整理时间', '≤', '90', '天'],
      ['电脑3台，办公桌椅1批', '定性', '电脑3台，办公桌椅1批', ''],
    ]);
    expect(splitContent('开展集中培训次数≧2')).toEqual({ name: '开展集中培训次数', value: '≧2' });
  });
});

describe('importRows: a pasted table becomes a document like a file', () => {
  test('projects by their column, the unit given, levels guessed where there are none', async () => {
    const r = await importRows(
      [
        ['项目名称', '指标名称', '指标值'],
        ['法律服务', '服务企业数量', '≥50家'],
        ['', '服务对象满意度', '≥90%'],
        ['商会建设', '资金拨付及时率', '100%'],
      ],
      { unitName: '区工商联', year: 2025, now: '2026-01-01T00:00:00.000Z' },
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.document.projects.map((p) => [p.name, p.indicators.map((i) => `${i.level2} ${i.name}`)])).toEqual([
      ['法律服务', ['11 服务企业数量', '31 服务对象满意度']],
      ['商会建设', ['13 资金拨付及时率']],
    ]);
    expect(r.report.kind).toBe('rows');
    expect(issuesOf(r.report, 'warning')).toEqual(['粘贴的表格没有一级、二级指标：3 个指标的一级、二级按指标名称推定，请核对。']);
  });
});

describe('value cells', () => {
  const said: string[] = [];
  const report = (_level: string, message: string) => said.push(message);
  beforeEach(() => (said.length = 0));

  test('指标性质 in a column of its own; the value a number, a range or text', () => {
    expect(targetOf('240', '≥', '人', 'E5', report)).toEqual({ direction: '≥', target: '240', unit: '人' });
    expect(targetOf('7-8', '>', '次', 'E5', report)).toEqual({ direction: '>', target: '7', targetMax: '8', unit: '次' });
    expect(targetOf('100.00', '=', '%', 'E5', report)).toEqual({ direction: '=', target: '100.00', unit: '%' });
    expect(targetOf('持续改善', '定性', '', 'E5', report)).toEqual({ direction: '定性', target: '持续改善', unit: '' });
    expect(targetOf('90', '正向', '%', 'E5', report)).toEqual({ direction: '≥', target: '90', unit: '%' });
    expect(said).toEqual([]);
  });

  test('disagreements are said, the 指标性质 and 计量单位 columns kept', () => {
    expect(targetOf('≤5次', '≥', '次', 'E5', report)).toEqual({ direction: '≥', target: '5', unit: '次' });
    expect(targetOf('按时完成', '≥', '', 'E6', report)).toEqual({ direction: '定性', target: '按时完成', unit: '' });
    expect(targetOf('95%', '', '分', 'E7', report)).toEqual({ direction: '=', target: '95', unit: '分', targetText: '95%' });
    expect(said).toEqual([
      'E5的指标性质“≥”与指标值“≤5次”中的符号不一致，按指标性质导入。',
      'E6的指标性质是“≥”，但指标值“按时完成”不是数字，按定性指标导入。',
      'E7的计量单位“分”与指标值“95%”中的单位不一致，按计量单位列导入。',
    ]);
  });
});

describe('coded strings (huadu)', () => {
  test('items with and without 实施周期指标值, a value ending in "。", what cannot be read', () => {
    const r = parseCoded(
      '1、1-产出指标；11-数量指标；党组织开展活动；实施周期指标值：≧20场次。；年度指标值：≧20场次。。2、2-效益指标;22-社会效益;经商投资环境;年度指标值:持续改善。3、乱写的一段。',
    );
    expect(r.items).toEqual([
      { level1: '1-产出指标', level2: '11-数量指标', name: '党组织开展活动', period: '≧20场次。', annual: '≧20场次。' },
      { level1: '2-效益指标', level2: '22-社会效益', name: '经商投资环境', annual: '持续改善' },
    ]);
    expect(r.unread).toEqual(['3、乱写的一段。']);
  });
});

describe('一级 / 二级 names', () => {
  const ind = { name: '培训人数', unit: '人', direction: '≥' as const };
  test('the scheme’s labels, short and coded forms, points after the 一级', () => {
    expect(resolveLevels(SCHEME_A, '产出指标\n（50分）', '数量指标', ind)).toMatchObject({ level1: '1', level2: '11', how: 'named' });
    expect(resolveLevels(SCHEME_A, '1-产出指标', '11-数量指标', ind)).toMatchObject({ level1: '1', level2: '11', how: 'named' });
    expect(resolveLevels(SCHEME_A, '效益', '经济效益', ind)).toMatchObject({ level1: '2', level2: '21', how: 'named' });
  });

  test('a 二级 the scheme does not have is mapped to its nearest and said so; the 二级 decides over its 一级', () => {
    expect(resolveLevels(SCHEME_A, '产出指标', '效率指标', ind)).toMatchObject({ level1: '1', level2: '13', how: 'mapped', given: '效率指标' });
    expect(resolveLevels(SCHEME_A, '效益指标', '满意度', ind)).toMatchObject({ level1: '3', level2: '31', how: 'mapped' });
    expect(resolveLevels(SCHEME_A, '效益指标', '数量指标', ind)).toMatchObject({ level1: '1', level2: '11', how: 'named', conflict: '效益指标' });
    // scheme B: 成本 is a 一级 of its own
    expect(resolveLevels(SCHEME_B, '成本指标', '经济成本指标', ind)).toMatchObject({ level1: '4', level2: '41', how: 'named' });
    expect(resolveLevels(SCHEME_A, '成本指标', '经济成本指标', ind)).toMatchObject({ level1: '1', level2: '14', how: 'mapped' });
  });

  test('no levels at all: guessed from the name', () => {
    const guess = (name: string, unit = '') => resolveLevels(SCHEME_A, '', '', { name, unit, direction: '≥' }).level2;
    expect([guess('会员企业满意度', '%'), guess('单位培训成本', '元/人'), guess('资金拨付及时率', '%'), guess('培训合格率', '%'), guess('走访企业数量', '家'), guess('长效工作机制建立情况')]).toEqual([
      '31', '14', '13', '12', '11', '24',
    ]);
  });
});

test('a broken coded item does not swallow the next one', () => {
  const r = parseCoded('1、1-产出指标；11-数量指标；缺了年度指标值的一项。2、2-效益指标；22-社会效益；经商投资环境；年度指标值：持续改善。');
  expect(r.items.map((i) => i.name)).toEqual(['经商投资环境']);
  expect(r.unread).toEqual(['1、1-产出指标；11-数量指标；缺了年度指标值的一项。']);
});

test('the amounts of a whole period (中期资金总额) are not the year’s; "主管部门及代码" is the 主管部门', () => {
  expect(recogniseColumns([['中期资金总额', '年度资金总额', '主管部门及代码']]).fields).toEqual({ total: 1, supervisor: 2 });
});

test('a row of labels and values is no header: a table of them alone reads as nothing', async () => {
  const r = await importRows([
    ['项目名称', '老年人助餐服务', '年度资金总额', '36万元'],
    ['实施单位', '区养老服务指导中心', '主管部门', '区民政局'],
  ]);
  expect(r.ok).toBe(false);
  expect(!r.ok && r.message).toMatch(/^粘贴的表格中找不到可识别的表头/);
});

test('a header with a 序号 and a 备注 column is still a header', async () => {
  const r = await importRows([['序号', '指标名称', '指标值', '备注'], ['1', '培训人数', '≥240人', '']], { year: 2025 });
  expect(r.ok && r.document.projects[0].indicators.map((i) => i.name)).toEqual(['培训人数']);
});

describe('pastedRows: cells copied from Excel or WPS', () => {
  test('tabs and line ends; quoted cells with line breaks, tabs and doubled quotes', () => {
    const text = '三级指标\t指标值\t说明\r\n培训人数\t≥240人\t"分两期\r\n举办"\r\n"“优秀”""商会"""\t1\t"a\tb"\r\n\r\n';
    expect(pastedRows(text)).toEqual([
      ['三级指标', '指标值', '说明'],
      ['培训人数', '≥240人', '分两期\r\n举办'],
      ['“优秀”"商会"', '1', 'a\tb'],
    ]);
  });

  test('a quote inside a cell is no quoting; short rows are filled out', () => {
    expect(pastedRows('5"寸屏幕\t台\nx')).toEqual([
      ['5"寸屏幕', '台'],
      ['x', ''],
    ]);
  });
});
