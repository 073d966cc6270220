// F7 (表十五) and F1 (表17-1…17-5) from the yubei 2024 fixture.
import { scaleWeights } from '../../shared/weights';
import { exportForm } from '../../templates/export';
import { docxRows, documentXml, loadCells, loadFixture, readXlsx } from './read-back';

interface PublishedTable {
  title: string;
  fields: Record<string, string | string[]>;
  indicatorRows: string[][];
}
const doc = loadFixture('yubei-2024');
const published = loadCells<{ plan: PublishedTable & { unitLine: string; moneyUnitLine: string }; projects: (PublishedTable & { compilerLine: string; moneyUnitLine: string })[] }>('yubei-2024-cells');
const unitId = doc.units[0].id;
// the published projects and plan pass every check, so F1 and F7 are 正式版 exports, titled as published (no 草稿 mark);
// the plan's weights of 表十五 add up to 100 with no 预算执行率 row: for a department's targets that is a warning
// offering to scale by 0.9, not an error that would bar the published form
const request = { data: doc, year: 2024, scope: { kind: 'unit' as const, unitId }, final: true };
const draft = { ...request, final: false };
const COLS = [1, 2, 3, 4, 5, 6, 7];

test('F7 xlsx: 部门名称, 部门支出预算数 7,563,832.99, 当年整体绩效目标 and the weighted indicators', async () => {
  const r = await exportForm('F7', 'xlsx', draft);
  if (!r.ok) throw new Error(r.messages.join());
  const x = await readXlsx(r.bytes);
  const plan = published.plan;
  expect(x.text(1, 1)).toBe(`${plan.title}（草稿）`);
  expect(COLS.map((c) => x.text(2, c)).filter(Boolean)).toEqual([plan.unitLine, plan.moneyUnitLine]);
  expect([x.text(3, 1), x.text(3, 2), x.text(3, 4), x.text(3, 6)]).toEqual(['部门(单位)名称', plan.fields['部门(单位)名称'], '部门支出预算数', plan.fields['部门支出预算数']]);
  expect(x.sheet.getCell(3, 6).value).toBe(7563832.99);
  // the goal's seven parts one row each, so the printed page can break between them
  const goal = plan.fields['当年整体绩效目标'] as string[];
  expect(goal).toHaveLength(7);
  expect(x.text(4, 1)).toBe('当年整体绩效目标');
  expect(goal.map((_, i) => x.text(4 + i, 2))).toEqual(goal);
  expect(x.merges).toContain('A4:A10');
  expect(COLS.map((c) => x.text(11, c))).toEqual(['绩效指标', '指标名称', '指标权重', '计量单位', '指标性质', '指标值', '是否核心指标']);
  plan.indicatorRows.forEach((row, i) => expect(COLS.slice(1).map((c) => x.text(12 + i, c))).toEqual(row));
  expect(x.merges).toContain(`A11:A${11 + plan.indicatorRows.length}`);
  const weights = plan.indicatorRows.reduce((s, row) => s + Number(row[1]), 0);
  expect(weights).toBe(100);
});

test('F7 正式版: 表十五 as published, weights of 100 and all; scaled by 0.9 (the warning\'s offer) it prints 90', async () => {
  const published100 = await exportForm('F7', 'xlsx', request);
  if (!published100.ok) throw new Error(published100.messages.join());
  const asPublished = await readXlsx(published100.bytes);
  expect(asPublished.text(1, 1)).toBe(published.plan.title);
  expect(published.plan.indicatorRows.map((_, i) => asPublished.text(12 + i, 3))).toEqual(['20', '10', '10', '20', '20', '20']);
  const scaled = doc.departmentPlans.map((p) => ({ ...p, indicators: scaleWeights(p.indicators, '0.9') }));
  const r = await exportForm('F7', 'xlsx', { ...request, data: { ...doc, departmentPlans: scaled } });
  if (!r.ok) throw new Error(r.messages.join());
  const x = await readXlsx(r.bytes);
  expect(x.text(1, 1)).toBe(published.plan.title);
  expect(published.plan.indicatorRows.map((_, i) => x.text(12 + i, 3))).toEqual(['18', '9', '9', '18', '18', '18']);
});

test('F1 xlsx: one sheet per project with the published fields and indicator rows', async () => {
  const r = await exportForm('F1', 'xlsx', request);
  if (!r.ok) throw new Error(r.messages.join());
  expect(published.projects).toHaveLength(5);
  for (let k = 0; k < published.projects.length; k++) {
    const x = await readXlsx(r.bytes, k);
    const t = published.projects[k];
    expect(x.text(1, 1)).toBe('2024年渝北区部门一般项目绩效目标表');
    expect(COLS.map((c) => x.text(2, c)).filter(Boolean)).toEqual([t.compilerLine, t.moneyUnitLine]);
    expect([x.text(3, 2), x.text(3, 6), x.text(4, 2), x.text(4, 6), x.text(5, 6)]).toEqual([
      t.fields['专项资金名称'], t.fields['业务主管部门'], t.fields['当年预算'], t.fields['区级支出'], t.fields['补助镇街'],
    ]);
    expect([x.text(6, 2), x.text(7, 2), x.text(8, 2)]).toEqual([t.fields['项目概况'], t.fields['立项依据'], t.fields['当年绩效目标']]);
    t.indicatorRows.forEach((row, i) => expect(COLS.slice(1).map((c) => x.text(10 + i, c))).toEqual(row));
    expect(x.merges).toEqual(expect.arrayContaining(['A4:A5', 'B4:C5', 'B3:C3', 'D3:E3', 'F3:G3', 'B6:G6']));
  }
});

test('F1 docx: five tables, one per project, in one document', async () => {
  const r = await exportForm('F1', 'docx', request);
  if (!r.ok) throw new Error(r.messages.join());
  const xml = await documentXml(r.bytes);
  expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(5);
  const rows = docxRows(xml);
  expect(rows[0]).toEqual(['专项资金名称', '商协会建设经费', '业务主管部门', '行政政法科']);
});

test('F1 prints an empty or non-plain 指标值 as written, never as 0', async () => {
  const p = structuredClone(doc.projects[0]);
  p.indicators[0].target = '';
  p.indicators[1].target = '100.00';
  const r = await exportForm('F1', 'xlsx', { ...request, final: false, data: { ...doc, projects: [p] }, scope: { kind: 'projects', projectIds: [p.id] } });
  if (!r.ok) throw new Error(r.messages.join());
  const x = await readXlsx(r.bytes);
  expect([x.text(10, 6), x.text(11, 6), x.text(12, 6)]).toEqual(['', '100.00', '12']);
});

test('F7 splits a goal too long for one spreadsheet row at sentence ends; no row exceeds Excel\'s 409 points', async () => {
  const sentence = '深入开展“三服务”活动，着力协调解决民营企业融资、招工引才、用地用能等要素保障问题。';
  const longGoal = sentence.repeat(40); // one paragraph of about 1,700 characters
  const plan = { ...structuredClone(doc.departmentPlans[0]), overallGoal: longGoal };
  const r = await exportForm('F7', 'xlsx', { ...draft, data: { ...doc, departmentPlans: [plan] } });
  if (!r.ok) throw new Error(r.messages.join());
  const x = await readXlsx(r.bytes);
  const pieces: string[] = [];
  for (let row = 4; x.text(row, 1) !== '绩效指标'; row++) pieces.push(x.text(row, 2));
  expect(pieces.length).toBeGreaterThanOrEqual(3);
  expect(pieces.join('')).toBe(longGoal);
  expect(pieces.every((p) => p.endsWith('。'))).toBe(true);
  x.sheet.eachRow((row) => expect(row.height ?? 0).toBeLessThanOrEqual(409));
});
