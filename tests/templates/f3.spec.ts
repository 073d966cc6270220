// F3 项目支出绩效自评表 in the national template's shape: the yubei 表17-1 project with year-end figures entered;
// every score is computed.
import type { SheetView } from './read-back';
import { parseExchange, serializeExchange } from '../../shared/exchange/exchange';
import { exportForm } from '../../templates/export';
import { SCORED_FORM_COLUMNS } from '../../templates/scored-indicators';
import { lineHeight, rowHeightFor } from '../../shared/forms/xlsx-writer';
import type { Indicator, IndicatorResult, Project } from '../../shared/model';
import { CN_2020, ruleSetNote } from '../../shared/rule-sets';
import { assessedSample } from '../fixtures/yubei-2024-assessed';
import { docxRows, documentXml, loadFixture, readXlsx } from './read-back';

const doc = loadFixture('yubei-2024');
const project = assessedSample(doc.projects[0]);
const request = (p: Project) => ({ data: { ...doc, projects: [p] }, year: 2024, scope: { kind: 'projects' as const, projectIds: [p.id] } });

async function sheet(p: Project): Promise<SheetView> {
  const r = await exportForm('F3', 'xlsx', request(p));
  if (!r.ok) throw new Error(r.messages.join());
  return readXlsx(r.bytes);
}

/** The texts of columns 1–9 of a row. */
const line = (x: SheetView, row: number) => [1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => x.text(row, c));
/** The first row whose first column reads `text`. */
function rowOf(x: SheetView, text: string): number {
  for (let r = 1; r <= 60; r++) if (x.text(r, 1) === text) return r;
  throw new Error(`no row “${text}”`);
}
/** 三级 name, 实际完成值, 分值, 得分 and note of the indicator rows (header row + 1 … before 总分). */
function indicatorRows(x: SheetView): string[][] {
  const rows: string[][] = [];
  for (let r = rowOf(x, '绩效指标') + 1; x.text(r, 1) !== '总分'; r++) rows.push([x.text(r, 4), x.text(r, 6), x.text(r, 7), x.text(r, 8), x.text(r, 9)]);
  return rows;
}

test('the national layout: funds with 上年结转资金, 执行率 95.00% scoring 9.50, indicators with integer 分值, total 97.50 (优)', async () => {
  const r = await exportForm('F3', 'xlsx', request(project));
  if (!r.ok) throw new Error(r.messages.join());
  expect(r.fileName).toBe('2024年度项目支出绩效自评表-重庆市渝北区工商业联合会-商协会建设经费.xlsx');
  const x = await readXlsx(r.bytes);
  expect([x.text(1, 1), x.text(2, 1)]).toEqual(['项目支出绩效自评表（草稿）', '（2024年度）']);
  expect([x.text(3, 1), x.text(3, 2)]).toEqual(['项目名称', '商协会建设经费']);
  expect([x.text(4, 1), x.text(4, 2), x.text(4, 5), x.text(4, 7)]).toEqual(['主管部门', '行政政法科', '实施单位', '重庆市渝北区工商业联合会']);
  expect(line(x, 5)).toEqual(['项目资金\n（万元）', '', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
  expect(line(x, 6)).toEqual(['', '年度资金总额', '', '225.00', '225.00', '213.75', '10', '95.00%', '9.50']);
  expect(line(x, 7)).toEqual(['', '其中：当年财政拨款', '', '225.00', '225.00', '213.75', '—', '—', '—']);
  expect(line(x, 8)).toEqual(['', '上年结转资金', '', '0.00', '0.00', '0.00', '—', '—', '—']);
  expect(line(x, 9)).toEqual(['', '其他资金', '', '0.00', '0.00', '0.00', '—', '—', '—']);
  expect(x.merges).toEqual(expect.arrayContaining(['A5:A9', 'B6:C6', 'B9:C9']));
  // no execution note is asked for at 95%: 年度总体目标 follows the funds directly
  expect([x.text(10, 1), x.text(10, 2), x.text(10, 6)]).toEqual(['年度总体目标', '预期目标', '实际完成情况']);
  expect(x.text(11, 6)).toBe('各商协会日常工作正常开展');
  expect(line(x, 12)).toEqual(['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
  // 预算资金执行情况 is the 执行率 row above (10 分), printed once; the other weights are printed as typed
  expect([13, 14, 15, 16, 17, 18].map((row) => [x.shown(row, 2), x.shown(row, 3), ...line(x, row).slice(3)])).toEqual([
    ['产出指标\n（50分）', '数量指标', '商会数量', '≥45个', '46个', '20', '20.00', ''],
    ['产出指标\n（50分）', '质量指标', '达标率', '≥90%', '81%', '20', '18.00', '两家商会未达标，已督促整改'],
    ['产出指标\n（50分）', '时效指标', '商会活动时效', '≤12月', '12月', '10', '10.00', ''],
    ['效益指标\n（30分）', '可持续影响指标', '商会持续影响力', '≥90%', '90%', '15', '15.00', ''],
    ['效益指标\n（30分）', '可持续影响指标', '商会可发展率', '≥90%', '95%', '15', '15.00', ''],
    ['满意度指标\n（10分）', '服务对象满意度指标', '满意度', '≥90%', '92%', '10', '10.00', ''],
  ]);
  expect(x.merges).toEqual(expect.arrayContaining(['A12:A18', 'B13:B15', 'B16:B17', 'C16:C17']));
  // 9.50 + 20 + 18 + 10 + 15 + 15 + 10 = 97.50
  expect([x.text(19, 1), x.text(19, 7), x.text(19, 8), x.text(19, 9)]).toEqual(['总分', '100', '97.50', '等级：优']);
  // the note names the rule set, so a reader can recompute every score
  expect(x.text(20, 1)).toBe(ruleSetNote(CN_2020));
  expect(x.text(20, 1)).toMatch(/^评分规则：CN-2020/);
  // A4 portrait, one page wide
  expect(x.sheet.pageSetup.paperSize).toBe(9);
  expect(x.sheet.pageSetup.orientation).toBe('portrait');
});

test('docx carries the same figures, the 万元 label as two paragraphs', async () => {
  const r = await exportForm('F3', 'docx', request(project));
  if (!r.ok) throw new Error(r.messages.join());
  const xml = await documentXml(r.bytes);
  const rows = docxRows(xml);
  expect(rows.find((row) => row.includes('年度资金总额'))).toEqual(['', '年度资金总额', '225.00', '225.00', '213.75', '10', '95.00%', '9.50']);
  expect(rows.find((row) => row.includes('上年结转资金'))).toEqual(['', '上年结转资金', '0.00', '0.00', '0.00', '—', '—', '—']);
  expect(rows.filter((row) => row.some((cell) => cell.includes('预算资金执行情况')))).toEqual([]);
  expect(rows[rows.length - 1]).toEqual(['总分', '100', '97.50', '等级：优']);
  expect(xml).toMatch(/>项目资金<\/w:t>[\s\S]*?<\/w:p>[\s\S]*?>（万元）<\/w:t>/);
  expect(xml).toContain('项目支出绩效自评表（草稿）');
});

test('上年结转资金 counts in 年度资金总额 and so in the execution rate: 238.75 / 250.00 = 95.50% → 9.55', async () => {
  const sa = project.selfAssessment!;
  const carried = { ...project, selfAssessment: { ...sa, carriedOver: { budgetInitial: 200_000_00, budgetAdjusted: 250_000_00, spent: 250_000_00 } } };
  // the field travels in a package: it passes the exchange schema and comes back as it was
  const parsed = parseExchange(serializeExchange({ ...doc, projects: [carried] }));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join());
  expect(parsed.document.projects[0].selfAssessment?.carriedOver).toEqual(carried.selfAssessment.carriedOver);
  const x = await sheet(parsed.document.projects[0]);
  expect(line(x, 6)).toEqual(['', '年度资金总额', '', '245.00', '250.00', '238.75', '10', '95.50%', '9.55']);
  expect(line(x, 7)).toEqual(['', '其中：当年财政拨款', '', '225.00', '225.00', '213.75', '—', '—', '—']);
  expect(line(x, 8)).toEqual(['', '上年结转资金', '', '20.00', '25.00', '25.00', '—', '—', '—']);
  expect([x.text(19, 1), x.text(19, 8)]).toEqual(['总分', '97.55']);
});

test('indicators print in the scheme\'s order whatever order they were entered in: 产出 once, then 效益, then 满意度', async () => {
  const order = ['满意度', '商会持续影响力', '商会数量', '商会可发展率', '预算资金执行情况', '达标率', '商会活动时效'];
  const shuffled = { ...project, indicators: order.map((name) => project.indicators.find((i) => i.name === name)!) };
  const [x, y] = [await sheet(shuffled), await sheet(project)];
  expect([13, 14, 15, 16, 17, 18].map((r) => line(x, r))).toEqual([13, 14, 15, 16, 17, 18].map((r) => line(y, r)));
  expect([13, 14, 15, 16, 17, 18].map((r) => x.shown(r, 2))).toEqual([
    '产出指标\n（50分）', '产出指标\n（50分）', '产出指标\n（50分）', '效益指标\n（30分）', '效益指标\n（30分）', '满意度指标\n（10分）',
  ]);
});

test('不适用: no 分值 or 得分, its reason as the note, the other indicators scaled to 90 (× 90 / 75)', async () => {
  const sa = project.selfAssessment!;
  const id = project.indicators.find((i) => i.name === '商会可发展率')!.id;
  const results = sa.results.map((r): IndicatorResult => (r.indicatorId === id ? { indicatorId: id, actual: '', notApplicable: { reason: '本年度未开展发展率评估' } } : r));
  const x = await sheet({ ...project, selfAssessment: { ...sa, results } });
  // weights 20 20 10 15 10 of the applicable indicators add up to 75: each is worth w × 1.2
  expect(indicatorRows(x)).toEqual([
    ['商会数量', '46个', '24', '24.00', ''],
    ['达标率', '81%', '24', '21.60', '两家商会未达标，已督促整改'],
    ['商会活动时效', '12月', '12', '12.00', ''],
    ['商会持续影响力', '90%', '18', '18.00', ''],
    ['商会可发展率', '不适用', '—', '—', '本年度未开展发展率评估'],
    ['满意度', '92%', '12', '12.00', ''],
  ]);
  expect([x.shown(13, 2), x.shown(16, 2), x.shown(18, 2)]).toEqual(['产出指标\n（60分）', '效益指标\n（18分）', '满意度指标\n（12分）']);
  // 9.50 + 24 + 21.60 + 12 + 18 + 12 = 97.10
  expect(x.text(rowOf(x, '总分'), 8)).toBe('97.10');
});

test('a project without a self-assessment is refused in Chinese', async () => {
  const r = await exportForm('F3', 'xlsx', { ...request(project), data: doc });
  expect(r).toEqual({ ok: false, messages: ['2024 年度在所选范围内没有已填报绩效自评的项目。'] });
});

test('a half-filled self-assessment prints no total or grade; an execution note gets its row', async () => {
  const sa = project.selfAssessment!;
  const half = { ...project, selfAssessment: { ...sa, results: sa.results.slice(0, 2), executionNote: '部分活动延至下年' } };
  const x = await sheet(half);
  expect([x.text(10, 1), x.text(10, 2)]).toEqual(['执行率偏差原因', '部分活动延至下年']);
  expect(x.text(11, 1)).toBe('年度总体目标');
  const total = rowOf(x, '总分');
  expect([x.text(total, 8), x.text(total, 9)]).toEqual(['', '自评未填完']);
});

test('项目资金（万元） breaks before its bracket, never inside it: each of its two lines fits the label column', async () => {
  const x = await sheet(project);
  const lines = x.text(5, 1).split('\n');
  expect(lines).toEqual(['项目资金', '（万元）']);
  // measured as the Excel writer sizes rows: the label takes exactly its two lines at the form's 9 pt
  expect(rowHeightFor(x.text(5, 1), SCORED_FORM_COLUMNS[0].width, 9)).toBe(2 * lineHeight(9) + 3);
});

/** Fifteen indicators (90 points, 6 each) with names and targets of ordinary length, every result filled. */
function fifteen(): Project {
  const names: [string, string, string, string][] = [
    ['11', '举办商会秘书长培训次数', '2', '次'], ['11', '参加培训会员企业数', '120', '家'], ['11', '走访调研会员企业数', '60', '家'],
    ['11', '新建行业商协会数量', '3', '个'], ['12', '培训合格率', '95', '%'], ['12', '商会规范化建设达标率', '90', '%'],
    ['13', '年度工作完成时限', '12', '月'], ['14', '人均培训成本', '800', '元/人'], ['21', '帮助企业解决融资金额', '500', '万元'],
    ['22', '协调解决企业困难问题', '30', '件'], ['22', '参与公益活动企业数', '40', '家'], ['24', '商会持续运营率', '90', '%'],
    ['24', '建立长效服务机制数', '2', '项'], ['31', '会员企业满意度', '90', '%'], ['31', '商会会长满意度', '90', '%'],
  ];
  const indicators: Indicator[] = names.map(([level2, name, target, unit], i) => ({
    id: `f-${i}`, level1: level2[0], level2, name, direction: level2 === '13' || level2 === '14' ? '≤' : '≥', target, unit, weight: 6, core: false,
  }));
  const results: IndicatorResult[] = indicators.map((ind, i) => ({
    indicatorId: ind.id,
    actual: ind.target,
    ...(i % 4 === 0 ? { actual: String(Number(ind.target) * 0.9), deviationNote: '受疫情影响部分活动延期，已在下年度计划中补足' } : {}),
  }));
  return { ...project, id: 'fifteen', indicators, selfAssessment: { ...project.selfAssessment!, results } };
}

test('up to fifteen indicators fit one A4 portrait page at full size', async () => {
  const x = await sheet(fifteen());
  expect(indicatorRows(x)).toHaveLength(15);
  // Excel's column of width w is 7w + 5 px at 96 dpi; A4 is 210 mm wide less the 10 mm margins
  const mmToPx = (mm: number) => (mm / 25.4) * 96;
  const tablePx = SCORED_FORM_COLUMNS.reduce((s, col) => s + col.width * 7 + 5, 0);
  expect(tablePx).toBeLessThanOrEqual(mmToPx(210 - 20));
  // so no shrinking: the rows as written must fit the 297 mm less the margins, in points
  let height = 0;
  for (let r = 1; r <= rowOf(x, '总分') + 1; r++) height += x.sheet.getRow(r).height ?? 15;
  expect(height).toBeLessThanOrEqual(((297 - 20) / 25.4) * 72);
  expect(x.sheet.pageSetup.margins).toMatchObject({ top: 10 / 25.4, bottom: 10 / 25.4, left: 10 / 25.4, right: 10 / 25.4 });
});
