// F9 项目支出绩效目标执行监控表 from the monitoring fixture, read back as a user's office program would: the supervisor's
// summary, each project's table with its lights in words, the round of the month asked for, and the 正式版 check.
import type { ExchangeDocument } from '../../shared/exchange/exchange';
import { exportForm } from '../../templates/export';
import { getTemplate, TEMPLATES } from '../../templates/index';
import type { FormRequest } from '../../templates/template';
import { docxRows, documentXml, loadFixture, readXlsx, type SheetView } from './read-back';

const doc = loadFixture('monitoring-2025');
const supervisor: FormRequest = { data: doc, year: 2025, scope: { kind: 'supervisor', unitId: 'mon-sup' } };

async function xlsx(request: FormRequest): Promise<{ sheets: SheetView[]; fileName: string }> {
  const r = await exportForm('F9', 'xlsx', request);
  if (!r.ok) throw new Error(r.messages.join('\n'));
  const first = await readXlsx(r.bytes);
  const sheets = await Promise.all(first.workbook.worksheets.map((_, i) => readXlsx(r.bytes, i)));
  return { sheets, fileName: r.fileName };
}

const rowOf = (x: SheetView, row: number, from = 1, to = x.sheet.columnCount): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => x.text(row, from + i));

test('F9 is in the catalogue, after F8', () => {
  expect(TEMPLATES.map((t) => t.id).slice(7, 9)).toEqual(['F8', 'F9']);
  expect(getTemplate('f9')?.title).toBe('项目支出绩效目标执行监控表');
});

describe('a supervisor’s export: the summary first, then one table per project', () => {
  test('the summary has one row per project, the lights as text, and counts them', async () => {
    const { sheets, fileName } = await xlsx(supervisor);
    expect(fileName).toBe('2025年度项目支出绩效目标执行监控表-示范区工商业联合会.xlsx');
    expect(sheets.map((s) => s.sheet.name)).toEqual([
      '监控汇总', '民营企业经营管理培训', '基层商会组织建设经费', '民营企业投诉服务中心运营', '非公经济人士理想信念教育', '行业协会商会发展调研', '会员服务平台运行维护',
    ]);
    const s = sheets[0];
    expect([s.text(1, 1), s.text(2, 1), s.text(3, 1), s.text(3, 12)]).toEqual(['项目支出绩效目标执行监控汇总表（草稿）', '（2025年度）', '部门名称：示范区工商业联合会', '单位：万元']);
    expect(rowOf(s, 4)).toEqual(['序号', '单位', '项目', '监控月份', '年度预算数', '累计执行数', '执行进度', '序时进度', '执行预警', '指标预警数', '', '项目预警', '填报状态']);
    expect(rowOf(s, 5, 10, 11)).toEqual(['红灯', '黄灯']);
    expect([6, 7, 8, 9, 10, 11].map((r) => rowOf(s, r))).toEqual([
      ['1', '服务中心', '民营企业经营管理培训', '1–7月', '120.00', '65.00', '54.17%', '58.33%', '绿灯', '0', '0', '绿灯', '已完成'],
      ['2', '服务中心', '基层商会组织建设经费', '1–10月', '100.00', '70.00', '70.00%', '83.33%', '黄灯', '0', '1', '黄灯', '已完成'],
      ['3', '服务中心', '民营企业投诉服务中心运营', '1–7月', '80.00', '16.00', '20.00%', '58.33%', '红灯', '0', '0', '红灯', '已完成'],
      ['4', '服务中心', '非公经济人士理想信念教育', '1–7月', '50.00', '30.00', '60.00%', '58.33%', '绿灯', '1', '0', '红灯', '已完成'],
      ['5', '服务中心', '行业协会商会发展调研', '1–7月', '30.00', '16.00', '53.33%', '58.33%', '绿灯', '1', '0', '红灯', '已完成'],
      ['6', '服务中心', '会员服务平台运行维护', '', '20.00', '', '', '', '', '', '', '', '未填报'],
    ]);
    expect(s.text(12, 1)).toBe('共 6 个项目，已填报 5 个、未填报 1 个：项目红灯 3 个、黄灯 1 个、绿灯 1 个。');
    expect(s.text(13, 1)).toMatch(/^预警规则：执行进度落后序时进度（= 监控月份 ÷ 12）不超过 10 个百分点为绿灯/);
    // a red light is bold as well as named
    expect(s.sheet.getCell(8, 9).font?.bold).toBe(true);
    expect(s.sheet.getCell(6, 9).font?.bold).toBeFalsy();
  });

  test('a project’s table: header block, 1–M月 execution against 序时进度, indicators grouped 一级/二级 with their lights', async () => {
    const { sheets } = await xlsx(supervisor);
    const s = sheets[2];
    expect([s.text(1, 1), s.text(2, 1)]).toEqual(['项目支出绩效目标执行监控表（草稿）', '（2025年度 1–10月）']);
    expect([s.text(3, 1), s.text(3, 3)]).toEqual(['项目名称', '基层商会组织建设经费']);
    expect([s.text(4, 3), s.text(4, 8)]).toEqual(['示范区工商业联合会', '示范区民营经济服务中心']);
    expect([s.text(5, 3), s.text(5, 8)]).toEqual(['1–10月', '已完成']);
    expect(rowOf(s, 6, 5)).toEqual(['年度预算数', '1–10月执行数', '执行进度', '序时进度', '偏差（百分点）', '执行预警', '']);
    expect(rowOf(s, 7, 3)).toEqual(['年度资金总额', '', '100.00', '70.00', '70.00%', '83.33%', '13.33', '黄灯', '']);
    expect(rowOf(s, 9, 3, 7)).toEqual(['其他资金', '', '0.00', '0.00', '—']);
    expect(s.merges).toContain('H7:H9');
    expect(s.merges).toContain('J7:K9');
    expect(s.text(10, 3)).toBe('序时进度 83.33%，执行进度 70.00%，相差 13.33 个百分点，超过 10、不超过 25：黄灯');
    expect([s.text(11, 3), s.text(11, 7)]).toEqual(['制度保障：部分活动经费按进度结算，11月集中支付', '纠偏措施']);
    expect(rowOf(s, 13)).toEqual(['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '1–10月完成值', '全年预计完成值', '完成目标可能性', '偏差原因', '纠偏措施', '预警']);
    expect([14, 15, 16, 17].map((r) => rowOf(s, r, 2))).toEqual([
      ['产出指标', '数量指标', '指导基层商会开展活动次数', '≥40次', '33次', '40次', '确定能完成', '', '', '绿灯'],
      ['', '时效指标', '年度商会换届完成率', '≥100%', '90%', '100%', '确定能完成', '', '', '绿灯'],
      ['效益指标', '社会效益指标', '规范化建设达标商会数量', '≥15家', '11家', '14家', '有可能完成', '人员保障：两家商会秘书长空缺，规范化建设推进较慢', '协调选派专职秘书长', '黄灯'],
      ['满意度指标', '服务对象满意度指标', '会员企业满意度', '≥90%', '92%', '92%', '确定能完成', '', '', '绿灯'],
    ]);
    expect(s.merges).toContain('B14:B15');
    expect([s.text(18, 1), s.text(18, 3), s.text(18, 5)]).toEqual(['项目预警', '黄灯', '执行：黄灯；指标：黄灯 1 个、绿灯 3 个；项目：黄灯']);
    expect(s.text(19, 1)).toBe('规范化建设达标商会数量：完成目标可能性为“有可能完成”；全年预计 14 家，目标 ≥15 家：14 ÷ 15 × 30 = 28.00，低于分值 30：黄灯');
  });

  test('each reason for a red light, in the project’s table', async () => {
    const { sheets } = await xlsx(supervisor);
    const light = (s: SheetView) => {
      const at = Array.from({ length: s.sheet.rowCount }, (_, i) => i + 1).find((r) => s.text(r, 1) === '项目预警');
      return at === undefined ? '' : s.text(at, 3);
    };
    // execution 20% against 58.33%
    expect(sheets[3].text(7, 10)).toBe('红灯');
    expect(sheets[3].text(10, 3)).toBe('序时进度 58.33%，执行进度 20.00%，相差 38.33 个百分点，超过 25：红灯');
    expect([sheets[3].text(11, 3), sheets[3].text(11, 9)]).toEqual(['经费保障：服务外包合同于6月才签订，首期款7月底支付', '按合同约定8月、10月分两期支付服务费，月度跟踪支付进度']);
    // 完全不可能完成, with execution ahead of schedule
    const p4 = sheets[4];
    expect(p4.text(10, 3)).toBe('序时进度 58.33%，执行进度 60.00%，快于序时进度 1.67 个百分点：绿灯');
    const p4Red = Array.from({ length: 4 }, (_, i) => rowOf(p4, 14 + i, 4)).find((r) => r[7] === '红灯');
    expect(p4Red).toEqual(['赴外学习考察完成时间', '10月底前完成', '尚未开展', '年内无法开展', '完全不可能完成', '制度保障：上级通知暂停组织赴外集中学习考察', '改为区内红色教育基地现场教学和线上专题学习', '红灯']);
    // the projection scores below 60% of w
    const p5 = sheets[5];
    expect(rowOf(p5, 14, 4)).toEqual(['完成行业调研报告篇数', '≥10篇', '2篇', '5篇', '有可能完成', '人员保障：调研骨干借调市里专项工作，人手不足', '委托高校课题组承担 4 篇专题调研', '红灯']);
    expect(p5.text(20, 1)).toBe('完成行业调研报告篇数：完成目标可能性为“有可能完成”；全年预计 5 篇，目标 ≥10 篇：5 ÷ 10 × 20 = 10.00，低于分值 20 的 60%（12.00）：红灯');
    expect([3, 4, 5].map((i) => light(sheets[i]))).toEqual(['红灯', '红灯', '红灯']);
  });

  test('a project without a round prints its targets with the monitoring left blank, as 未填报', async () => {
    const { sheets } = await xlsx(supervisor);
    const s = sheets[6];
    expect([s.text(2, 1), s.text(5, 3), s.text(5, 8)]).toEqual(['（2025年度 1–7月）', '1–7月', '未填报']);
    expect(rowOf(s, 7, 3)).toEqual(['年度资金总额', '', '20.00', '', '', '', '', '', '']);
    expect(rowOf(s, 14, 4)).toEqual(['平台服务会员企业数量', '≥500家', '', '', '', '', '', '']);
  });
});

test('the month asked for: 1–7月 of the project with two rounds is red', async () => {
  const { sheets } = await xlsx({ ...supervisor, month: 7 });
  expect(rowOf(sheets[0], 7)).toEqual(['2', '服务中心', '基层商会组织建设经费', '1–7月', '100.00', '25.00', '25.00%', '58.33%', '红灯', '0', '0', '红灯', '已完成']);
  expect(sheets[2].text(10, 3)).toBe('序时进度 58.33%，执行进度 25.00%，相差 33.33 个百分点，超过 25：红灯');
  expect(sheets[2].text(11, 9)).toBe('8月底前完成换届审批，9月集中拨付活动经费');
  // no project has a 1–9月 round: every one is 未填报
  const none = await xlsx({ ...supervisor, month: 9, summaryOnly: true });
  expect([6, 7, 8, 9, 10, 11].map((r) => none.sheets[0].text(r, 13))).toEqual(Array(6).fill('未填报'));
  expect(none.sheets[0].text(12, 1)).toBe('共 6 个项目，已填报 0 个、未填报 6 个：项目无。');
});

test('summaryOnly gives the summary alone; one chosen project gives its table alone', async () => {
  expect((await xlsx({ ...supervisor, summaryOnly: true })).sheets.map((s) => s.sheet.name)).toEqual(['监控汇总']);
  const one = await xlsx({ ...supervisor, scope: { kind: 'projects', projectIds: ['mon-p5'] } });
  expect(one.sheets.map((s) => s.sheet.name)).toEqual(['行业协会商会发展调研']);
  expect(one.fileName).toBe('2025年度项目支出绩效目标执行监控表-示范区民营经济服务中心-行业协会商会发展调研.xlsx');
  const two = await xlsx({ ...supervisor, scope: { kind: 'projects', projectIds: ['mon-p4', 'mon-p5'] } });
  expect(two.sheets.map((s) => s.sheet.name)).toEqual(['监控汇总', '非公经济人士理想信念教育', '行业协会商会发展调研']);
});

test('Word holds the same cells: the lights as text "红灯"', async () => {
  const r = await exportForm('F9', 'docx', supervisor);
  if (!r.ok) throw new Error(r.messages.join());
  const xml = await documentXml(r.bytes);
  const rows = docxRows(xml);
  expect(rows).toContainEqual(['3', '服务中心', '民营企业投诉服务中心运营', '1–7月', '80.00', '16.00', '20.00%', '58.33%', '红灯', '0', '0', '红灯', '已完成']);
  // a cell continuing a vertical merge reads as ''
  expect(rows).toContainEqual(['', '产出指标', '数量指标', '完成行业调研报告篇数', '≥10篇', '2篇', '5篇', '有可能完成', '人员保障：调研骨干借调市里专项工作，人手不足', '委托高校课题组承担 4 篇专题调研', '红灯']);
  expect(rows).toContainEqual(['', '年度资金总额', '100.00', '70.00', '70.00%', '83.33%', '13.33', '黄灯']);
  expect(rows.filter((row) => row[0] === '项目预警').map((row) => row[1])).toEqual(['绿灯', '黄灯', '红灯', '红灯', '红灯', '']);
  expect(xml).toContain('项目支出绩效目标执行监控汇总表（草稿）');
});

describe('正式版', () => {
  test('prints without the mark when every red light has its 纠偏措施', async () => {
    const { sheets } = await xlsx({ ...supervisor, final: true });
    expect(sheets[0].text(1, 1)).toBe('项目支出绩效目标执行监控汇总表');
  });

  test('is refused while a red light has no 纠偏措施, naming it; the draft still exports', async () => {
    const data: ExchangeDocument = structuredClone(doc);
    const p3 = data.projects.find((p) => p.id === 'mon-p3')!;
    delete p3.monitoring![0].correction;
    const p5 = data.projects.find((p) => p.id === 'mon-p5')!;
    delete p5.monitoring![0].entries[0].correction;
    const refused = await exportForm('F9', 'xlsx', { ...supervisor, data, final: true });
    expect(refused).toEqual({
      ok: false,
      messages: [
        '正式版监控表不能带未处理的红灯导出：有 2 处红灯尚未填写纠偏措施（民营企业投诉服务中心运营：执行进度落后序时进度 38.33 个百分点（红灯），须填写纠偏措施；行业协会商会发展调研：“完成行业调研报告篇数”为红灯，须填写纠偏措施），请先补充（或导出草稿版）。',
      ],
    });
    expect((await exportForm('F9', 'xlsx', { ...supervisor, data })).ok).toBe(true);
  });
});

test('a month outside 1–12 is refused in Chinese', async () => {
  expect(await exportForm('F9', 'xlsx', { ...supervisor, month: 13 })).toEqual({ ok: false, messages: ['监控月份“13”无效，须为 1 至 12 的整数。'] });
});
