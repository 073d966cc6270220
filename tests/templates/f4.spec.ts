// F4 from the longgang 2019 fixture must reproduce every cell of the published 附件2-3.
import type { Indicator, IndicatorResult, Project } from '../../shared/model';
import { exportForm } from '../../templates/export';
import { count, docxRows, documentXml, loadCells, loadFixture, readXlsx } from './read-back';

const doc = loadFixture('longgang-2019');
const published = loadCells<{ formNumber: string; title: string; unitLine: string; rows: string[][] }>('longgang-2019-f4-cells');
const request = { data: doc, year: 2019, scope: { kind: 'unit' as const, unitId: doc.units[0].id } };

async function exported(format: 'xlsx' | 'docx') {
  const r = await exportForm('F4', format, request);
  if (!r.ok) throw new Error(r.messages.join('\n'));
  return r;
}

describe('F4 部门预算项目绩效自评情况公开表 (xlsx)', () => {
  test('file name follows title, year and unit', async () => {
    expect((await exported('xlsx')).fileName).toBe('2019年度部门预算项目绩效自评情况公开表-深圳市龙岗区工商业联合会.xlsx');
  });

  test('title lines 1–3, three header rows 4–6 with the merges of domain.md §7', async () => {
    const x = await readXlsx((await exported('xlsx')).bytes);
    expect(x.text(1, 1)).toBe(published.formNumber);
    // the published figures lack deviation notes the rules require, so the data is exported as the marked draft
    expect(x.text(2, 1)).toBe(`${published.title}（草稿）`);
    const fields = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28].map((c) => x.text(3, c)).filter(Boolean);
    expect(fields).toEqual(['部门名称（盖章）：深圳市龙岗区工商业联合会', '单位：万元']);
    const header = (r: number, c: number) => x.text(r, c);
    expect([1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 19, 25, 27, 28].map((c) => header(4, c))).toEqual([
      '序号', '单位名称', '项目名称', '是否政府投资项目（是/否）', '项目年度预算金额', '实际支出金额', '预算支出执行率',
      '年初绩效目标', '绩效目标整体完成情况', '产出目标', '效益目标', '满意度指标', '项目执行中存在的问题', '整改情况',
    ]);
    expect([6, 7, 9, 13, 15, 17, 19, 21, 23, 25].map((c) => header(5, c))).toEqual([
      '合计', '其中：财政拨款', '非财政拨款资金', '数量指标', '质量指标', '时效指标', '经济效益指标', '社会效益指标', '生态效益指标', '服务对象满意度指标',
    ]);
    expect([7, 8].map((c) => header(6, c))).toEqual(['一般公共预算', '政府性基金预算（含2019年政府专项债券资金）']);
    for (let c = 13; c <= 26; c += 2) expect([header(6, c), header(6, c + 1)]).toEqual(['年度指标内容', '完成情况']);
    const expectedMerges = [
      'A4:A6', 'B4:B6', 'C4:C6', 'D4:D6', 'E4:E6', 'F4:I4', 'J4:J6', 'K4:K6', 'L4:L6', 'M4:R4', 'S4:X4', 'Y4:Z4', 'AA4:AA6', 'AB4:AB6',
      'F5:F6', 'G5:H5', 'I5:I6', 'M5:N5', 'O5:P5', 'Q5:R5', 'S5:T5', 'U5:V5', 'W5:X5', 'Y5:Z5',
    ];
    expect(x.merges.filter((m) => /^[A-Z]+[456]:/.test(m)).sort()).toEqual([...expectedMerges].sort());
    expect(x.sheet.pageSetup.printTitlesRow).toBe('4:6');
    expect(x.sheet.pageSetup.fitToWidth).toBe(1);
    expect(x.sheet.pageSetup.orientation).toBe('landscape');
  });

  test('every body cell equals the published table', async () => {
    const x = await readXlsx((await exported('xlsx')).bytes);
    published.rows.forEach((row, i) => {
      const actual = row.map((_, c) => x.text(7 + i, c + 1));
      expect(actual).toEqual(row);
    });
    expect(x.text(7 + published.rows.length, 1)).toBe('');
  });

  test('amounts and rates are numbers with 0.00 / 0.00% formats', async () => {
    const x = await readXlsx((await exported('xlsx')).bytes);
    const budget = x.sheet.getCell('E8');
    expect(budget.value).toBe(23.44);
    expect(budget.numFmt).toBe('0.00');
    const rate = x.sheet.getCell('J8');
    expect(rate.value).toBeCloseTo(0.9168, 10);
    expect(rate.numFmt).toBe('0.00%');
  });

  test('rows with long text are tall enough to print it whole', async () => {
    const x = await readXlsx((await exported('xlsx')).bytes);
    // 党建事务 (row 9) holds the longest texts: far more than one line in its 24-unit 年初绩效目标 column
    expect(x.sheet.getRow(9).height).toBeGreaterThan(150);
    expect(x.sheet.getRow(9).height).toBeGreaterThan(x.sheet.getRow(7).height!);
  });
});

describe('F4 (docx)', () => {
  test('a 28-column grid, three repeated header rows, gridSpan and vMerge merges, every published text', async () => {
    const xml = await documentXml((await exported('docx')).bytes);
    expect(count(xml, /<w:gridCol /g)).toBe(28);
    expect(count(xml, /<w:tblHeader\/>/g)).toBe(3);
    expect(xml).toContain('<w:gridSpan w:val="4"/>');
    expect(xml).toContain('<w:gridSpan w:val="6"/>');
    // 10 cells span rows 4–6 (restart + 2 continues each), 合计 and 非财政拨款资金 span rows 5–6 (restart + 1 continue)
    expect(count(xml, /<w:vMerge w:val="restart"\/>/g)).toBe(10 + 2);
    expect(count(xml, /<w:vMerge(?: w:val="continue")?\/>/g)).toBe(10 * 2 + 2);
    const rows = docxRows(xml);
    expect(rows).toHaveLength(3 + published.rows.length);
    published.rows.forEach((row, i) => expect(rows[3 + i]).toEqual(row));
    expect(xml).toMatch(/w:eastAsia="宋体"/);
  });
});

test('a project without 全年预算数 shows no rate rather than 0.00%', async () => {
  const p = structuredClone(doc.projects[0]);
  p.selfAssessment!.budgetAdjusted = { generalPublic: 0, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 0 };
  const r = await exportForm('F4', 'xlsx', { ...request, data: { ...doc, projects: [p] } });
  if (!r.ok) throw new Error(r.messages.join());
  const x = await readXlsx(r.bytes);
  expect([x.text(7, 3), x.text(7, 10)]).toEqual(['办公设备购置', '']);
});

describe('完成情况 and 年度指标内容 a reader can take in', () => {
  const base = doc.projects[0];
  const sa = base.selfAssessment!;
  const unit = doc.units[0];
  const indicator = (id: string, level2: string, name: string, direction: Indicator['direction'], target: string, unitText = ''): Indicator => ({
    id, level1: level2.charAt(0), level2, name, direction, target, unit: unitText, weight: null, core: false,
  });
  /** The project's seven column pairs as printed, for the given indicators and results. */
  async function columns(indicators: Indicator[], results: IndicatorResult[], schemeId = unit.schemeId) {
    const p: Project = { ...base, indicators, selfAssessment: { ...sa, results } };
    const r = await exportForm('F4', 'xlsx', { ...request, data: { ...doc, units: [{ ...unit, schemeId }], projects: [p] } });
    if (!r.ok) throw new Error(r.messages.join());
    const x = await readXlsx(r.bytes);
    const pairs: Record<string, [string, string]> = {};
    ['数量', '质量', '时效', '经济效益', '社会效益', '生态效益', '满意度'].forEach((title, k) => (pairs[title] = [x.text(7, 13 + 2 * k), x.text(7, 14 + 2 * k)]));
    return pairs;
  }

  test('actuals print with their unit as the 2019 form does: "85%", "240人"; a lone value is not named', async () => {
    const c = await columns(
      [indicator('q', '12', '培训合格率', '≥', '80', '%'), indicator('n', '11', '培训人数', '≥', '200', '人')],
      [{ indicatorId: 'q', actual: '85' }, { indicatorId: 'n', actual: '240' }],
    );
    expect(c['质量']).toEqual(['培训合格率≥80%', '85%']);
    expect(c['数量']).toEqual(['培训人数≥200人', '240人']);
  });

  test('several values in one cell are each named; sentences, which name themselves, are kept as written', async () => {
    const c = await columns(
      [
        indicator('n', '11', '培训人数', '≥', '200', '人'),
        indicator('m', '11', '参训企业数', '≥', '30', '家'),
        indicator('s', '12', '党务干部补贴发放', '定性', '按标准发放'),
        indicator('t', '12', '档案整理', '定性', '按规范整理'),
      ],
      [
        { indicatorId: 'n', actual: '240' },
        { indicatorId: 'm', actual: '32家' },
        { indicatorId: 's', actual: '每季度按标准发放补贴', outcome: 'achieved' },
        { indicatorId: 't', actual: '100.00%' },
      ],
    );
    expect(c['数量']).toEqual(['培训人数≥200人；参训企业数≥30家', '培训人数：240人；参训企业数：32家']);
    expect(c['质量']).toEqual(['按标准发放；按规范整理', '每季度按标准发放补贴；档案整理：100.00%']);
  });

  test('a cost under 经济效益 and a 可持续影响 under 社会效益 say what they are', async () => {
    const c = await columns(
      [
        indicator('e', '21', '财政资金损失', '定性', '财政资金零损失'),
        indicator('k', '14', '办公设备成本', '定性', '按标准开支'),
        indicator('u', '14', '会议本单价', '≤', '3000', '元/台'),
        indicator('v', '24', '商会持续影响力', '≥', '90', '%'),
      ],
      [
        { indicatorId: 'e', actual: '零损失' },
        { indicatorId: 'k', actual: '未超标准' },
        { indicatorId: 'u', actual: '2800' },
        { indicatorId: 'v', actual: '92' },
      ],
    );
    expect(c['经济效益']).toEqual(['财政资金零损失；办公设备成本：按标准开支；会议本单价≤3000元/台', '零损失；办公设备成本：未超标准；会议本单价：2800元/台']);
    expect(c['社会效益']).toEqual(['商会持续影响力≥90%', '商会持续影响力：92%']);
  });

  test("scheme B's 成本 一级 lands under 经济效益, named", async () => {
    const c = await columns([{ ...indicator('b', '41', '单位培训成本', '≤', '800', '元/人'), level1: '4' }], [{ indicatorId: 'b', actual: '760' }], 'B-2021');
    expect(c['经济效益']).toEqual(['单位培训成本≤800元/人', '单位培训成本：760元/人']);
  });

  test('上年结转资金 counts in 项目年度预算金额, 实际支出金额 合计 and the rate; the 其中 columns stay this year\'s', async () => {
    const p = structuredClone(doc.projects[1]);
    // 23.44 budget, 21.49 spent, both 一般公共预算; 1.00 carried over and spent
    p.selfAssessment!.carriedOver = { budgetInitial: 1_000_000, budgetAdjusted: 1_000_000, spent: 1_000_000 };
    const r = await exportForm('F4', 'xlsx', { ...request, data: { ...doc, projects: [p] } });
    if (!r.ok) throw new Error(r.messages.join());
    const x = await readXlsx(r.bytes);
    // 22.49 / 24.44 = 92.02%
    expect([5, 6, 7, 8, 9, 10].map((c) => x.text(7, c))).toEqual(['24.44', '22.49', '21.49', '0.00', '0.00', '92.02%']);
  });
});
