// F8 部门整体支出绩效自评表: the longgang 2023 plan (表12) with the year-end figures of
// tests/fixtures/longgang-2023-year-end.ts, exported as Excel and Word and read back.
import Decimal from 'decimal.js';
import { exportForm } from '../../templates/export';
import { getTemplate, TEMPLATES } from '../../templates/index';
import { CN_2020, ruleSetNote } from '../../shared/rule-sets';
import { planYearEnd } from '../fixtures/longgang-2023-year-end';
import { docxRows, documentXml, loadFixture, readXlsx, type SheetView } from './read-back';

const doc = loadFixture('longgang-2023');
const data = { ...doc, departmentPlans: doc.departmentPlans.map(planYearEnd) };
const request = { data, year: 2023, scope: { kind: 'unit' as const, unitId: doc.units[0].id } };

const line = (x: SheetView, row: number) => [1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => x.text(row, c));
const HEADER = 17;
const TOTAL = 50;

async function sheet(): Promise<SheetView> {
  const r = await exportForm('F8', 'xlsx', request);
  if (!r.ok) throw new Error(r.messages.join());
  expect(r.fileName).toBe('2023年度部门整体支出绩效自评表-深圳市龙岗区工商业联合会.xlsx');
  return readXlsx(r.bytes);
}

/** 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, note of every indicator row, the group cells followed down. */
function indicatorRows(x: SheetView): string[][] {
  const rows: string[][] = [];
  for (let r = HEADER + 1; r < TOTAL; r++) rows.push([x.shown(r, 2), x.shown(r, 3), ...line(x, r).slice(3)]);
  return rows;
}

test('is one of the forms the export screen and the exporter offer', () => {
  expect(TEMPLATES.map((t) => t.id)).toEqual(['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10']);
  expect(getTemplate('f8')?.title).toBe('部门整体支出绩效自评表');
});

test('xlsx: the tasks with 预算数 / 执行数 / 执行率, and the 金额合计 row scoring 98.43% × 10 = 9.84', async () => {
  const x = await sheet();
  expect([x.text(1, 1), x.text(2, 1), x.shown(3, 9)]).toEqual(['部门整体支出绩效自评表（草稿）', '（2023年度）', '单位：万元']);
  expect([x.text(4, 1), x.text(4, 2)]).toEqual(['部门名称', '深圳市龙岗区工商业联合会']);
  expect(line(x, 5)).toEqual(['年度主要任务', '任务名称', '主要内容', '', '预算数', '执行数', '分值', '执行率', '得分']);
  // each rate is the task's 执行数 ÷ 预算数: 920.50 / 927 = 99.30%, 3.79 / 4 = 94.75% …
  expect([6, 7, 8, 9, 10, 11, 12, 13].map((r) => [x.text(r, 2), ...line(x, r).slice(4)])).toEqual([
    ['基本支出', '927.00', '920.50', '—', '99.30%', '—'],
    ['党建事务', '196.00', '190.00', '—', '96.94%', '—'],
    ['党员教育', '48.00', '47.20', '—', '98.33%', '—'],
    ['商会组织建设', '38.00', '36.10', '—', '95.00%', '—'],
    ['办公设备购置', '4.00', '3.79', '—', '94.75%', '—'],
    ['工商联事务', '41.00', '38.95', '—', '95.00%', '—'],
    ['培训费', '43.00', '40.00', '—', '93.02%', '—'],
    ['法律顾问服务经费', '3.00', '3.00', '—', '100.00%', '—'],
  ]);
  expect(x.text(6, 3)).toBe('主要用于人员、公用及对个人和家庭补助支出等');
  // 1279.54 / 1300 = 98.43%; min(rate, 100%) × 10 = 9.84
  expect(line(x, 14)).toEqual(['', '金额合计', '', '', '1300.00', '1279.54', '10', '98.43%', '9.84']);
  expect(x.merges).toEqual(expect.arrayContaining(['A5:A14', 'C5:D5', 'C14:D14']));
  expect([x.text(15, 1), x.text(15, 2), x.text(15, 6)]).toEqual(['年度总体目标', '预期目标', '实际完成情况']);
  expect(x.text(16, 2)).toMatch(/^以习近平新时代中国特色社会主义思想为指导/);
  // the plan's 实际完成情况 as the unit wrote it at year end
  expect(x.text(16, 6)).toBe('全年完成党建、商会组织建设、法律服务等主要任务，预算执行率 98.43%；生态效益指标不适用，其余指标基本达成。');
  expect(x.merges).toEqual(expect.arrayContaining(['B16:E16', 'F16:I16']));
  expect(line(x, HEADER)).toEqual(['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
});

test('xlsx: indicators in the scheme\'s order, each scored by CN-2020, 不适用 unscored, 总分 96.79 (优)', async () => {
  const x = await sheet();
  const rows = indicatorRows(x);
  expect(rows).toHaveLength(32);
  // each 一级 once, in the scheme's order; 效益's 二级 too (the plan lists 社会, 可持续影响, 生态)
  const runs = (k: number) => rows.map((r) => r[k]).filter((v, i, all) => i === 0 || v !== all[i - 1]);
  expect(runs(0)).toEqual(['产出指标\n（51.13分）', '效益指标\n（28.64分）', '满意度指标\n（10.23分）']);
  expect(runs(1)).toEqual(['数量指标', '质量指标', '时效指标', '成本指标', '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标', '服务对象满意度指标']);
  const byName = (name: string) => rows.find((r) => r[2] === name)!.slice(3);
  // 正向 met: the whole of its points
  expect(byName('办公设备购置数')).toEqual(['≥10件', '12件', '2.56', '2.56', '']);
  // 正向 missed: 54 / 60 × 2.56 = 2.304
  expect(byName('法律顾问审查意见')).toEqual(['≥60件', '54件', '2.56', '2.30', '部分合同审查合并进行，件数少于预期']);
  // 等于 missed above: min(3 / 2, 2 / 3) × 2.56 = 1.7067
  expect(byName('培育筹建重点行业商（协）会')).toEqual(['2家行业协会', '3家', '2.56', '1.71', '多培育一家协会，下年度目标按实际需求设定']);
  // 反向 missed: T / A × w = 9 / 10 × 2.55 = 2.295
  expect(byName('办公设备')).toEqual(['9月前完成全部采购需求', '10月', '2.55', '2.30', '供应商延期交货，10月完成采购']);
  // 定性 部分达成: 70% × 2.56 = 1.792
  expect(byName('奖励标准').slice(1)).toEqual(['奖励已发放，审核程序仍在完善', '2.56', '1.79', '审核程序文件待区委组织部印发，下年度完成']);
  expect(byName('不适用')).toEqual(['不适用', '不适用', '—', '—', '本部门工作不涉及生态环境']);
  expect(byName('接受教育党员满意度').slice(1)).toEqual(['96%', '10.23', '10.23', '']);
  // the 2 points of 生态效益 are shared out: the 分值 column adds up to 90, each 一级's to its label
  const sum = (list: string[][], k: number) => list.reduce((s, r) => (r[k] === '—' ? s : s.plus(r[k])), new Decimal(0)).toString();
  expect(sum(rows, 5)).toBe('90');
  expect(['产出', '效益', '满意度'].map((l1) => sum(rows.filter((r) => r[0].startsWith(l1)), 5))).toEqual(['51.13', '28.64', '10.23']);
  // 总分 = 9.84 + the printed scores
  expect(new Decimal(sum(rows, 6)).plus('9.84').toFixed(2)).toBe('96.79');
  expect([x.text(TOTAL, 1), x.text(TOTAL, 7), x.text(TOTAL, 8), x.text(TOTAL, 9)]).toEqual(['总分', '100', '96.79', '等级：优']);
  expect(x.text(TOTAL + 1, 1)).toBe(ruleSetNote(CN_2020));
});

test('docx holds the same cells', async () => {
  const r = await exportForm('F8', 'docx', request);
  if (!r.ok) throw new Error(r.messages.join());
  const xml = await documentXml(r.bytes);
  const rows = docxRows(xml);
  expect(xml).toContain('部门整体支出绩效自评表（草稿）');
  expect(rows.find((row) => row.includes('金额合计'))).toEqual(['', '金额合计', '', '1300.00', '1279.54', '10', '98.43%', '9.84']);
  expect(rows.find((row) => row.includes('办公设备购置'))).toEqual(['', '办公设备购置', '购买打印机2台，会议本（平板电脑）8台，办公家具一批', '4.00', '3.79', '—', '94.75%', '—']);
  expect(rows.find((row) => row.includes('法律顾问审查意见'))).toEqual(['', '', '', '法律顾问审查意见', '≥60件', '54件', '2.56', '2.30', '部分合同审查合并进行，件数少于预期']);
  expect(rows.find((row) => row.includes('本部门工作不涉及生态环境'))).toEqual(['', '', '生态效益指标', '不适用', '不适用', '不适用', '—', '—', '本部门工作不涉及生态环境']);
  expect(rows[rows.length - 1]).toEqual(['总分', '100', '96.79', '等级：优']);
});

test('a plan without year-end results prints its targets, no scores and no total', async () => {
  const r = await exportForm('F8', 'xlsx', { ...request, data: doc });
  if (!r.ok) throw new Error(r.messages.join());
  const x = await readXlsx(r.bytes);
  // no 执行数 typed: empty cells, not 0.00, and no rate
  expect(line(x, 6).slice(4)).toEqual(['927.00', '', '—', '—', '—']);
  expect(line(x, 14).slice(4)).toEqual(['1300.00', '0.00', '10', '0.00%', '0.00']);
  expect(x.text(HEADER + 1, 6)).toBe('');
  expect([x.text(TOTAL, 1), x.text(TOTAL, 8), x.text(TOTAL, 9)]).toEqual(['总分', '', '自评未填完']);
});

test('a unit without a plan for the year is refused in Chinese', async () => {
  const r = await exportForm('F8', 'xlsx', { ...request, year: 2024 });
  expect(r).toEqual({ ok: false, messages: ['“深圳市龙岗区工商业联合会”没有 2024 年度的部门整体支出绩效目标，无法导出。'] });
});
