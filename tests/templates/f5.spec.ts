// F5 from the huadu fixture: coded indicator strings, unit subtotals and the total, all computed from the data.
import { exportForm } from '../../templates/export';
import { docxRows, documentXml, loadCells, loadFixture, readXlsx } from './read-back';

const doc = loadFixture('huadu');
const published = loadCells<{ title: string; departmentLine: string; unitLine: string; columns: string[]; rows: string[][] }>('huadu-f5-cells');
const supervisor = doc.units.find((u) => u.parentId === null)!;
const request = { data: doc, year: 2021, scope: { kind: 'supervisor' as const, unitId: supervisor.id } };

test('xlsx: header, 合计 109.61, subtotals 91.79 and 17.82, every project row and coded string', async () => {
  const r = await exportForm('F5', 'xlsx', request);
  if (!r.ok) throw new Error(r.messages.join());
  expect(r.fileName).toBe('2021年度项目支出绩效目标表（含转移支付项目）-广州市花都区工商业联合会.xlsx');
  const x = await readXlsx(r.bytes);
  // the reference data does not pass as 正式版 (some projects lack 产出 or 效益 indicators), so this is the marked draft
  expect(x.text(1, 1)).toBe(`${published.title}（草稿）`);
  expect([1, 2, 3, 4, 5, 6, 7].map((c) => x.text(2, c)).filter(Boolean)).toEqual([published.departmentLine, published.unitLine]);
  expect([1, 2, 3, 4, 5, 6, 7].map((c) => x.text(3, c))).toEqual(published.columns);
  expect(published.rows).toHaveLength(17);
  published.rows.forEach((row, i) => expect([1, 2, 3, 4, 5, 6, 7].map((c) => x.text(4 + i, c))).toEqual(row));
  expect(x.text(4 + 17, 1)).toBe('');
  const total = x.sheet.getCell('B4');
  expect(total.value).toBe(109.61);
  expect(total.numFmt).toBe('0.00');
  expect(x.sheet.getRow(4).font?.bold ?? x.sheet.getCell('A4').font?.bold).toBe(true);
});

test('docx: the same rows', async () => {
  const r = await exportForm('F5', 'docx', request);
  if (!r.ok) throw new Error(r.messages.join());
  const rows = docxRows(await documentXml(r.bytes));
  expect(rows[0]).toEqual(published.columns);
  expect(rows.slice(1)).toEqual(published.rows);
});

test('a range typed in the editor (no text as written) prints as ">7-8次" in the coded string', async () => {
  const data = structuredClone(doc);
  const typed = data.projects.flatMap((p) => p.indicators).find((i) => i.id === 'hd-p1-i1')!;
  delete typed.targetText;
  delete typed.periodTarget;
  typed.targetMax = '8';
  const r = await exportForm('F5', 'xlsx', { ...request, data });
  if (!r.ok) throw new Error(r.messages.join());
  const x = await readXlsx(r.bytes);
  expect(x.text(4 + 2, 7)).toBe(published.rows[2][6].replaceAll('大于7-8次', '>7-8次'));
  expect(x.text(4 + 2, 7)).toContain('宣讲、培训次数；实施周期指标值：>7-8次；年度指标值：>7-8次。');
});

test('a bad scope is a Chinese message, not a file', async () => {
  const r = await exportForm('F5', 'xlsx', { ...request, scope: { kind: 'supervisor', unitId: 'nobody' } });
  expect(r).toEqual({ ok: false, messages: ['找不到单位“nobody”。'] });
  const none = await exportForm('F5', 'xlsx', { ...request, year: 2030 });
  expect(none).toEqual({ ok: false, messages: ['2030 年度在所选范围内没有项目，无法导出。'] });
});
