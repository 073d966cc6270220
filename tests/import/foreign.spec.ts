// Tables the product did not write, made here with exceljs directly as units' own workbooks look: a 申报表 per project
// (a block of labels above the indicators, 指标性质 / 指标值 / 度量单位 in columns of their own, 一级 and 二级 merged down),
// a flat list with one indicator per row (value text, amounts in 元), and a huadu-style list of coded strings.
import ExcelJS from 'exceljs';
import type { ExchangeDocument } from '../../shared/exchange/exchange';
import type { Indicator, Project } from '../../shared/model';
import { importFile, issuesOf, type ImportResult } from '../../shared/import';

const NOW = '2026-02-01T00:00:00.000Z';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function imported(wb: ExcelJS.Workbook, options: Parameters<typeof importFile>[1] = {}): Promise<Extract<ImportResult, { ok: true }>> {
  const r = await importFile(await bytesOf(wb), { now: NOW, ...options });
  if (!r.ok) throw new Error(`${r.message}\n${r.report.issues.map((i) => `${i.level}: ${i.message}`).join('\n')}`);
  return r;
}

const unitNameOf = (doc: ExchangeDocument, p: Project) => doc.units.find((u) => u.id === p.unitId)!.name;
const brief = (i: Indicator) => ({
  level1: i.level1,
  level2: i.level2,
  name: i.name,
  direction: i.direction,
  target: i.target,
  ...(i.targetMax !== undefined ? { targetMax: i.targetMax } : {}),
  unit: i.unit,
  ...(i.targetText !== undefined ? { targetText: i.targetText } : {}),
  weight: i.weight,
  core: i.core,
});

/** One 申报表 sheet: title, 单位 line, the label block, the goal, then the indicators with merged 一级 / 二级 cells. */
function declarationSheet(wb: ExcelJS.Workbook, sheetName: string, p: { name: string; total: number | string; fiscal: number; other: number; goal: string }): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName);
  ws.getCell('A1').value = '2025年度项目支出绩效目标申报表';
  ws.mergeCells('A1:G1');
  ws.getCell('A2').value = '填报单位（盖章）：区科技服务中心';
  ws.getCell('F2').value = '单位：万元';
  ws.getRow(3).values = ['项目名称', p.name, null, null, '项目编码', '440114-2025-0031'];
  ws.mergeCells('B3:D3');
  ws.getRow(4).values = ['主管部门', '区科学技术局', null, null, '实施单位', '区科技服务中心'];
  ws.mergeCells('B4:D4');
  ws.getRow(5).values = ['项目资金（万元）', '年度资金总额', p.total];
  ws.getRow(6).values = [null, '其中：财政拨款', p.fiscal];
  ws.getRow(7).values = [null, '其他资金', p.other];
  ws.mergeCells('A5:A7');
  ws.getRow(8).values = ['年度绩效目标', p.goal];
  ws.mergeCells('B8:G8');
  ws.getRow(9).values = ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重'];
  return ws;
}

describe('a 申报表 per project: labels above, 指标性质 / 指标值 / 度量单位 apart, 一级 and 二级 merged', () => {
  async function workbook(): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    const a = declarationSheet(wb, '项目1', { name: '科技企业孵化服务', total: 120.5, fiscal: 100, other: 20.5, goal: '全年孵化科技企业不少于30家，服务满意度不低于90%。' });
    a.getRow(10).values = ['产出指标', '数量指标', '孵化企业数量', '≥', 30, '家', 20];
    a.getRow(11).values = [null, null, '举办培训场次', '≥', '12', '场', 10];
    a.getRow(12).values = [null, '质量指标', '入孵企业存活率', '≥', 0.95, '', { formula: '10+10', result: 20 }];
    a.getCell('E12').numFmt = '0%';
    a.getRow(13).values = [null, '时效指标', '资金拨付时间', '≤', 30, '天', 10];
    a.getRow(14).values = ['效益指标', '社会效益指标', '区域创新环境', '定性', '持续改善', '', 20];
    a.getRow(15).values = [null, '可持续影响指标', '服务机制', '定性', '长期有效运行', '', 10];
    a.getRow(16).values = ['满意度指标', '服务对象满意度指标', '入孵企业满意度', '≥', '90', '%', 10];
    a.getRow(17).values = ['注：指标性质填写≥、≤、=或定性；权重合计90分。'];
    a.mergeCells('A10:A13');
    a.mergeCells('B10:B11');
    a.mergeCells('A14:A15');
    a.mergeCells('A17:G17');
    const b = declarationSheet(wb, '项目2', { name: '专利资助', total: '80.00', fiscal: 80, other: 0, goal: '资助专利申请，提升全区专利质量。' });
    b.getRow(10).values = ['产出指标', '数量指标', '资助专利件数', '≥', 200, '件', 30];
    b.getRow(11).values = ['产出指标', '数量指标', '作废的试填行', '≥', 1, '件', 1];
    b.getRow(11).hidden = true;
    b.getRow(12).values = ['产出指标', '成本指标', '单件资助成本', '≤', 4000, '元/件', 20];
    b.getRow(13).values = ['效益指标', '经济效益指标', '带动企业研发投入', '≥', 5000, '万元', 30];
    b.getRow(14).values = ['满意度指标', '服务对象满意度指标', '申请人满意度', '≥', 90, '%', 10];
    b.mergeCells('A10:A12');
    return wb;
  }

  test('every project, its unit and 主管部门, amounts in 万元, every indicator with direction, value, unit and weight', async () => {
    const r = await imported(await workbook());
    const doc = r.document;
    expect(doc.projects.map((p) => [p.name, p.year, unitNameOf(doc, p), p.annualGoal])).toEqual([
      ['科技企业孵化服务', 2025, '区科技服务中心', '全年孵化科技企业不少于30家，服务满意度不低于90%。'],
      ['专利资助', 2025, '区科技服务中心', '资助专利申请，提升全区专利质量。'],
    ]);
    // 主管部门 is each project's 业务主管部门, as the product's forms print it
    expect(doc.units.map((u) => u.name)).toEqual(['区科技服务中心']);
    expect(doc.projects.map((p) => p.competentDepartment)).toEqual(['区科学技术局', '区科学技术局']);
    // 120.5 万元 = 100 财政拨款 + 20.5 其他资金, in 分
    expect(doc.projects[0].funding).toEqual({ generalPublic: 100_000_000, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 20_500_000 });
    expect(doc.projects[1].funding).toEqual({ generalPublic: 80_000_000, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 0 });
    expect(doc.projects[0].indicators.map(brief)).toEqual([
      { level1: '1', level2: '11', name: '孵化企业数量', direction: '≥', target: '30', unit: '家', weight: 20, core: false },
      { level1: '1', level2: '11', name: '举办培训场次', direction: '≥', target: '12', unit: '场', weight: 10, core: false },
      // 0.95 shown as 95% (the cell's number format), the unit from the value; the weight a formula's cached result
      { level1: '1', level2: '12', name: '入孵企业存活率', direction: '≥', target: '95', unit: '%', weight: 20, core: false },
      { level1: '1', level2: '13', name: '资金拨付时间', direction: '≤', target: '30', unit: '天', weight: 10, core: false },
      { level1: '2', level2: '22', name: '区域创新环境', direction: '定性', target: '持续改善', unit: '', weight: 20, core: false },
      { level1: '2', level2: '24', name: '服务机制', direction: '定性', target: '长期有效运行', unit: '', weight: 10, core: false },
      { level1: '3', level2: '31', name: '入孵企业满意度', direction: '≥', target: '90', unit: '%', weight: 10, core: false },
    ]);
    expect(doc.projects[1].indicators.map(brief)).toEqual([
      { level1: '1', level2: '11', name: '资助专利件数', direction: '≥', target: '200', unit: '件', weight: 30, core: false },
      { level1: '1', level2: '14', name: '单件资助成本', direction: '≤', target: '4000', unit: '元/件', weight: 20, core: false },
      { level1: '2', level2: '21', name: '带动企业研发投入', direction: '≥', target: '5000', unit: '万元', weight: 30, core: false },
      { level1: '3', level2: '31', name: '申请人满意度', direction: '≥', target: '90', unit: '%', weight: 10, core: false },
    ]);
    const notes = issuesOf(r.report, 'info').join('\n');
    expect(notes).toContain('工作表“项目1”第 17 行起是表注或签署栏，未读取。');
    expect(notes).toContain('工作表“项目2”有 1 行隐藏行，未读取。');
    expect(notes).toContain('项目编码不在本程序记录的内容中');
    expect(r.report.tables.map((t) => [t.where, t.how, t.projects, t.indicators])).toEqual([
      ['工作表“项目1”', '表头', 1, 7],
      ['工作表“项目2”', '表头', 1, 4],
    ]);
  });
});

describe('a flat list, one indicator per row, value text, amounts in 元', () => {
  async function workbook(): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('汇总');
    ws.getCell('A1').value = '2025年部门项目绩效目标汇总表';
    ws.mergeCells('A1:I1');
    ws.getCell('A2').value = '单位：元';
    ws.getRow(3).values = ['序号', '预算单位', '项目名称', '项目金额', '一级指标', '二级指标', '三级指标', '年度指标值', '权重（分）'];
    const rows: (string | number | null)[][] = [
      [1, '区文化馆', '群众文化活动', '1,234,567.89', '产出指标', '数量指标', '举办文艺演出场次', '≥24场', 30],
      [null, null, null, null, '产出指标', '效率指标', '活动筹备周期', '≤15天', 20],
      [null, null, null, null, '效益指标', '社会效益指标', '群众参与人次', '不少于5000人次', 30],
      [null, null, null, null, '满意度指标', '服务对象满意度指标', '观众满意度', '95%', 10],
      [2, '区文化馆', '非遗保护', 300000, '产出指标', '数量指标', '非遗项目记录', '大于7-8项', 40],
      [null, null, null, null, '产出指标', '时效指标', '完成时间', '11月底前完成', 20],
      [null, null, null, null, '产出指标', '成本指标', '单项记录成本', '≤2000元/项', 30],
      [3, '区图书馆', '图书采购', 800000.5, '产出指标', '数量指标', '新增藏书', '≥20000册', 50],
      [null, null, null, null, '满意度指标', '服务对象满意度指标', '读者满意度', '≥90%', 40],
      [null, '合计', null, 2334568.39, null, null, null, null, null],
      ['填表人：李四', null, null, null, null, null, null, null, null],
    ];
    rows.forEach((values, i) => (ws.getRow(4 + i).values = values));
    // the project's own cells merged down its rows, as such lists usually are
    for (const [from, to] of [[4, 7], [8, 10], [11, 12]]) for (const col of ['A', 'B', 'C', 'D']) ws.mergeCells(`${col}${from}:${col}${to}`);
    return wb;
  }

  test('every project with its unit and amount in 元, every indicator parsed from its value text', async () => {
    const r = await imported(await workbook());
    const doc = r.document;
    expect(doc.projects.map((p) => [unitNameOf(doc, p), p.name, p.year, p.funding.generalPublic])).toEqual([
      ['区文化馆', '群众文化活动', 2025, 123_456_789],
      ['区文化馆', '非遗保护', 2025, 30_000_000],
      ['区图书馆', '图书采购', 2025, 80_000_050],
    ]);
    expect(doc.projects.flatMap((p) => p.indicators.map(brief))).toEqual([
      { level1: '1', level2: '11', name: '举办文艺演出场次', direction: '≥', target: '24', unit: '场', weight: 30, core: false },
      // 效率指标 is no 二级 of scheme A: mapped to its nearest, 时效指标, and said so
      { level1: '1', level2: '13', name: '活动筹备周期', direction: '≤', target: '15', unit: '天', weight: 20, core: false },
      { level1: '2', level2: '22', name: '群众参与人次', direction: '≥', target: '5000', unit: '人次', targetText: '不少于5000人次', weight: 30, core: false },
      { level1: '3', level2: '31', name: '观众满意度', direction: '=', target: '95', unit: '%', weight: 10, core: false },
      { level1: '1', level2: '11', name: '非遗项目记录', direction: '>', target: '7', targetMax: '8', unit: '项', targetText: '大于7-8项', weight: 40, core: false },
      { level1: '1', level2: '13', name: '完成时间', direction: '定性', target: '11月底前完成', unit: '', weight: 20, core: false },
      { level1: '1', level2: '14', name: '单项记录成本', direction: '≤', target: '2000', unit: '元/项', weight: 30, core: false },
      { level1: '1', level2: '11', name: '新增藏书', direction: '≥', target: '20000', unit: '册', weight: 50, core: false },
      { level1: '3', level2: '31', name: '读者满意度', direction: '≥', target: '90', unit: '%', weight: 40, core: false },
    ]);
    const warnings = issuesOf(r.report, 'warning').join('\n');
    expect(warnings).toContain('二级指标“效率指标”不在所用的指标体系中，已归入“产出指标/时效指标”，请核对。');
    const notes = issuesOf(r.report, 'info').join('\n');
    expect(notes).toContain('工作表“汇总”第 13 行是“合计”行');
    expect(notes).toContain('工作表“汇总”第 14 行起是表注或签署栏，未读取。');
  });

  test('the same list pasted without merges (project cells left empty below) reads the same', async () => {
    const wb = await workbook();
    const ws = wb.getWorksheet('汇总')!;
    for (const range of ['A4:A7', 'B4:B7', 'C4:C7', 'D4:D7', 'A8:A10', 'B8:B10', 'C8:C10', 'D8:D10', 'A11:A12', 'B11:B12', 'C11:C12', 'D11:D12']) ws.unMergeCells(range);
    const r = await imported(wb);
    expect(r.document.projects.map((p) => [p.name, p.indicators.length])).toEqual([
      ['群众文化活动', 4],
      ['非遗保护', 3],
      ['图书采购', 2],
    ]);
  });

  test('the unit and year given to the import apply where the table says none', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getRow(1).values = ['三级指标', '指标值'];
    ws.getRow(2).values = ['培训人数', '≥240人'];
    const r = await imported(wb, { unitName: '区总工会', year: 2026 });
    expect(r.document.units.map((u) => u.name)).toEqual(['区总工会']);
    expect(r.document.projects.map((p) => [p.name, p.year, p.indicators[0].level2])).toEqual([['Sheet1', 2026, '11']]);
    expect(issuesOf(r.report, 'warning').join('\n')).toContain('1 个指标的一级、二级按指标名称推定');
  });
});

describe('coded strings in a list of projects (huadu), written by hand', () => {
  test('each item parsed, ":" and "：" alike, LaTeX residue read', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花都');
    ws.getRow(1).values = ['项目支出绩效目标表（含转移支付项目）'];
    ws.getRow(2).values = ['部门名称：广州市花都区工商业联合会', null, null, null, null, null, '单位：万元'];
    ws.getRow(3).values = ['项目名称', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'];
    ws.getRow(4).values = [
      '民营企业家、优秀员工培训费', 2, 2, null, null, '弘扬企业家精神。',
      '1、1-产出指标；11-数量指标；民营企业家、优秀员工培训人数；实施周期指标值:54人；年度指标值:不少于54人/次。2、3-满意度指标；31-服务对象满意度；街（镇）商会的满意度；实施周期指标值： $\\geq 90\\%$ ；年度指标值： $\\geq 90\\%$ 。',
    ];
    const r = await imported(wb, { year: 2021 });
    const project = r.document.projects[0];
    expect([project.name, project.funding.generalPublic, project.annualGoal]).toEqual(['民营企业家、优秀员工培训费', 2_000_000, '弘扬企业家精神。']);
    expect(project.indicators.map((i) => ({ ...brief(i), periodTarget: i.periodTarget }))).toEqual([
      { level1: '1', level2: '11', name: '民营企业家、优秀员工培训人数', direction: '≥', target: '54', unit: '人/次', targetText: '不少于54人/次', weight: null, core: false, periodTarget: '54人' },
      { level1: '3', level2: '31', name: '街（镇）商会的满意度', direction: '≥', target: '90', unit: '%', targetText: '$\\geq 90\\%$', weight: null, core: false, periodTarget: '$\\geq 90\\%$' },
    ]);
    expect(r.document.units.map((u) => u.name)).toEqual(['广州市花都区工商业联合会']);
  });
});
