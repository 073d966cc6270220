// A column mapping the user chose (ImportOptions.chosenMappings, by the key of the table's headers) is used instead of
// the recognised one, for tables of that shape only; the report names each table's columns and both mappings.
import ExcelJS from 'exceljs';
import { importFile, importRows, mappingKey, recogniseColumns, withChosenFields } from '../../shared/import';

const NOW = '2026-02-01T00:00:00.000Z';

async function workbook(sheets: (string | number)[][][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((rows, i) => {
    const ws = wb.addWorksheet(`表${i + 1}`);
    for (const r of rows) ws.addRow(r);
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const SHAPE = ['项目名称', '指标名称', '指标值', '备注'];

test('the chosen fields replace the recognised ones for the table of that shape, and the report says both', async () => {
  const bytes = await workbook([
    [SHAPE, ['会员培训', '培训会员人数', '≥240人次', '按签到表统计']],
    [['项目名称', '指标名称', '指标值', '说明'], ['法律服务', '服务企业数量', '≥50家', '按台账统计']],
  ]);
  const plain = await importFile(bytes, { year: 2025, now: NOW });
  if (!plain.ok) throw new Error(plain.message);
  const key = plain.report.tables[0].columns!.key;
  expect(key).toBe(mappingKey(SHAPE.map((header) => ({ header }))));
  expect(plain.report.tables.map((t) => t.columns?.fields)).toEqual([
    { projectName: 0, name: 1, target: 2 },
    { projectName: 0, name: 1, target: 2 },
  ]);

  const chosen = await importFile(bytes, { year: 2025, now: NOW, chosenMappings: { [key]: { projectName: 0, name: 1, target: 2, explanation: 3 } } });
  if (!chosen.ok) throw new Error(chosen.message);
  expect(chosen.report.tables[0].columns).toEqual({
    key,
    headers: SHAPE,
    recognised: { projectName: 0, name: 1, target: 2 },
    fields: { projectName: 0, name: 1, target: 2, explanation: 3 },
  });
  // only the table of that shape
  expect(chosen.document.projects.map((p) => p.indicators.map((i) => i.explanation ?? null))).toEqual([['按签到表统计'], [null]]);
});

test('a chosen mapping without the names of indicators or projects leaves the table unread, said so', async () => {
  const rows = [SHAPE, ['会员培训', '培训会员人数', '≥240人次', '']];
  const key = mappingKey(SHAPE.map((header) => ({ header })));
  const r = await importRows(rows, { year: 2025, now: NOW, chosenMappings: { [key]: { target: 2 } } });
  expect(r.ok).toBe(false);
  expect(!r.ok && r.message).toMatch(/^粘贴的表格中找不到可识别的表头/);
});

test('withChosenFields: one field per column, columns that exist, money units from the header', () => {
  const m = recogniseColumns([['项目名称', '金额（元）', '备注']]);
  expect(m.moneyUnits).toEqual({ total: '元' });
  const w = withChosenFields(m, { projectName: 0, fiscal: 1, other: 1, explanation: 9 });
  expect(w.fields).toEqual({ projectName: 0, fiscal: 1 });
  expect(w.moneyUnits).toEqual({ fiscal: '元' });
  expect(w.columns.map((c) => c.field)).toEqual(['projectName', 'fiscal', null]);
});
