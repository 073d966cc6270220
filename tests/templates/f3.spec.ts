// F3 项目支出绩效自评表: the yubei 表17-1 project with year-end figures entered; every score is computed.
import { exportForm } from '../../templates/export';
import { assessedSample } from '../fixtures/yubei-2024-assessed';
import { docxRows, documentXml, loadFixture, readXlsx } from './read-back';

const doc = loadFixture('yubei-2024');
const project = assessedSample(doc.projects[0]);
const data = { ...doc, projects: [project] };
const request = { data, year: 2024, scope: { kind: 'projects' as const, projectIds: [project.id] } };

test('funds, execution rate 95.00% scoring 9.50, indicator scores and total 97.25 (优)', async () => {
  const r = await exportForm('F3', 'xlsx', request);
  if (!r.ok) throw new Error(r.messages.join());
  expect(r.fileName).toBe('2024年度项目支出绩效自评表-重庆市渝北区工商业联合会-商协会建设经费.xlsx');
  const x = await readXlsx(r.bytes);
  expect(x.text(1, 1)).toBe('项目支出绩效自评表');
  expect(x.text(3, 2)).toBe('商协会建设经费');
  // 项目资金 block: header row 5, 年度资金总额 row 6
  expect([4, 5, 6, 7, 8, 9].map((c) => x.text(5, c))).toEqual(['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
  expect([2, 4, 5, 6, 7, 8, 9].map((c) => x.text(6, c))).toEqual(['年度资金总额', '225.00', '225.00', '213.75', '10', '95.00%', '9.50']);
  expect([x.text(10, 2), x.text(10, 4)]).toEqual(['执行率偏差原因', '']);
  // indicators from row 14 (header row 13): 分值 col 7, 得分 col 8
  const scores = [14, 15, 16, 17, 18, 19, 20].map((row) => [x.shown(row, 4), x.text(row, 7), x.text(row, 8)]);
  expect(scores).toEqual([
    ['商会数量', '18', '18.00'],
    ['达标率', '18', '16.20'],
    ['商会活动时效', '9', '9.00'],
    ['商会持续影响力', '13.5', '13.50'],
    ['商会可发展率', '13.5', '13.50'],
    ['满意度', '9', '9.00'],
    ['预算资金执行情况', '9', '8.55'],
  ]);
  expect(x.text(15, 9)).toBe('两家商会未达标，已督促整改');
  // 9.50 + 18 + 16.20 + 9 + 13.50 + 13.50 + 9 + 8.55 = 97.25
  expect([x.text(21, 1), x.text(21, 7), x.text(21, 8), x.text(21, 9)]).toEqual(['总分', '100', '97.25', '等级：优']);
});

test('docx carries the same figures', async () => {
  const r = await exportForm('F3', 'docx', request);
  if (!r.ok) throw new Error(r.messages.join());
  const rows = docxRows(await documentXml(r.bytes));
  expect(rows.find((row) => row.includes('年度资金总额'))).toEqual(['', '年度资金总额', '225.00', '225.00', '213.75', '10', '95.00%', '9.50']);
  expect(rows[rows.length - 1]).toEqual(['总分', '100', '97.25', '等级：优']);
});

test('a project without a self-assessment is refused in Chinese', async () => {
  const r = await exportForm('F3', 'xlsx', { ...request, data: doc });
  expect(r).toEqual({ ok: false, messages: ['2024 年度在所选范围内没有已填报绩效自评的项目。'] });
});

test('a half-filled self-assessment prints no total or grade, and the execution note when there is one', async () => {
  const sa = project.selfAssessment!;
  const half = { ...project, selfAssessment: { ...sa, results: sa.results.slice(0, 2), executionNote: '部分活动延至下年' } };
  const r = await exportForm('F3', 'xlsx', { ...request, data: { ...doc, projects: [half] } });
  if (!r.ok) throw new Error(r.messages.join());
  const x = await readXlsx(r.bytes);
  expect(x.text(10, 4)).toBe('部分活动延至下年');
  expect([x.text(21, 1), x.text(21, 8), x.text(21, 9)]).toEqual(['总分', '', '自评未填完']);
});
