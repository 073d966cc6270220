// F2 from the longgang 2023 fixture: tasks, 金额合计, 年度总体目标 and the grouped 一级/二级/三级 rows of 表12.
import { exportForm } from '../../templates/export';
import { count, docxRows, documentXml, loadCells, loadFixture, readXlsx } from './read-back';

interface Published {
  title: string;
  unitLine: string;
  moneyUnitLine: string;
  taskRows: string[][];
  totalRow: string[];
  overallGoal: string[];
  indicatorHeader: string[];
  indicatorRows: string[][];
  merges: { level: 1 | 2; label: string; firstRow: number; rowCount: number }[];
}
const doc = loadFixture('longgang-2023');
const published = loadCells<Published>('longgang-2023-f2-cells');
const request = { data: doc, year: 2023, scope: { kind: 'unit' as const, unitId: doc.units[0].id } };
// rows: title 1, fields 2, task header 3–4, tasks 5–12, 金额合计 13, 年度总体目标 14–15 (a row per paragraph),
// indicator header 16, indicators 17–48
const FIRST_INDICATOR = 17;

async function xlsx() {
  const r = await exportForm('F2', 'xlsx', request);
  if (!r.ok) throw new Error(r.messages.join());
  return readXlsx(r.bytes);
}

test('task rows and amounts as published', async () => {
  const x = await xlsx();
  // the reference data does not pass as 正式版 (its projects list no indicators), so this is the marked draft
  expect(x.text(1, 1)).toBe(`${published.title}（草稿）`);
  expect([1, 2, 3, 4, 5, 6, 7].map((c) => x.text(2, c)).filter(Boolean)).toEqual([published.unitLine, published.moneyUnitLine]);
  expect([1, 2, 5].map((c) => x.text(3, c))).toEqual(['任务名称', '主要内容', '预算金额（万元）']);
  expect([5, 6, 7].map((c) => x.text(4, c))).toEqual(['总额', '其中：财政拨款', '其中：其他资金']);
  published.taskRows.forEach((row, i) => expect([1, 2, 5, 6, 7].map((c) => x.text(5 + i, c))).toEqual(row));
  expect(x.merges).toEqual(expect.arrayContaining(['A3:A4', 'B3:D4', 'E3:G3', 'B5:D5', 'A14:A15', 'B14:G14', 'B15:G15', `A16:A${FIRST_INDICATOR + 31}`]));
});

test('金额合计 is summed from the tasks (the published 1299 is one less than its own printed tasks, which add up to 1300)', async () => {
  const x = await xlsx();
  const taskSum = published.taskRows.reduce((s, r) => s + Number(r[2]), 0);
  expect(taskSum).toBe(1300);
  expect(published.totalRow[2]).toBe('1299');
  expect([x.text(13, 1), x.text(13, 5), x.text(13, 6), x.text(13, 7)]).toEqual(['金额合计', '1300', '1300', '0']);
});

test('年度总体目标 and every indicator row with its 一级/二级 text', async () => {
  const x = await xlsx();
  expect(x.text(14, 1)).toBe('年度总体目标');
  expect([x.text(14, 2), x.text(15, 2)]).toEqual(published.overallGoal);
  expect([2, 3, 4, 5].map((c) => x.text(16, c))).toEqual(published.indicatorHeader);
  expect(x.text(16, 1)).toBe('年度绩效指标');
  published.indicatorRows.forEach((row, i) => expect([2, 3, 4, 5].map((c) => x.shown(FIRST_INDICATOR + i, c))).toEqual(row));
});

test('一级 and 二级 cells merged exactly as the published table groups them', async () => {
  const x = await xlsx();
  const expected = published.merges
    .filter((m) => m.rowCount > 1)
    .map((m) => {
      const col = m.level === 1 ? 'B' : 'C';
      return `${col}${FIRST_INDICATOR + m.firstRow}:${col}${FIRST_INDICATOR + m.firstRow + m.rowCount - 1}`;
    });
  const actual = x.merges.filter((m) => /^[BC](\d+):/.test(m) && Number(/^[BC](\d+)/.exec(m)![1]) >= FIRST_INDICATOR);
  expect(actual.sort()).toEqual(expected.sort());
  expect(expected.length).toBeGreaterThanOrEqual(9);
});

test('docx: vertical merges for the groups and the same texts', async () => {
  const r = await exportForm('F2', 'docx', request);
  if (!r.ok) throw new Error(r.messages.join());
  const xml = await documentXml(r.bytes);
  const multi = published.merges.filter((m) => m.rowCount > 1);
  // task header (任务名称, 主要内容), the 年度总体目标 and 年度绩效指标 labels, and each multi-row 一级/二级 group
  expect(count(xml, /<w:vMerge w:val="restart"\/>/g)).toBe(2 + 2 + multi.length);
  const rows = docxRows(xml);
  expect(rows[2]).toEqual(published.taskRows[0]);
  // Word keeps a (continuing, empty) cell under the 年度绩效指标 label in every row
  expect(rows[rows.length - 1]).toEqual(['', ...published.indicatorRows[published.indicatorRows.length - 1]]);
});
