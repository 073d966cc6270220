import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { FormLayout } from '../../../shared/forms/layout';
import { EXCEL_CELL_MAX_CHARS, ExcelCellTooLongError, writeXlsx } from '../../../shared/forms/xlsx-writer';
import { exportForm } from '../../../templates/export';
import type { FormRequest } from '../../../templates/template';
import { loadFixture } from '../../fixtures/fixture-files';
import { f4Sample, HOSTILE_SHOWN, hostileSample, labelGridSample } from './samples';
import { xmlPartErrors } from './well-formed';

async function load(layout: FormLayout | FormLayout[]): Promise<{ wb: ExcelJS.Workbook; bytes: Uint8Array }> {
  const result = await writeXlsx(layout);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const wb = new ExcelJS.Workbook();
  const { buffer, byteOffset, byteLength } = result.bytes;
  await wb.xlsx.load(buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer);
  return { wb, bytes: result.bytes };
}

function mergesFrom(ws: ExcelJS.Worksheet, firstRow: number): string[] {
  return ws.model.merges.filter((m) => Number(/\d+/.exec(m)?.[0]) >= firstRow).sort();
}

/** The header merges of domain.md §7 (rows 4–6, r = rows spanned, c = columns spanned). */
const F4_HEADER_MERGES = [
  // row 4: the r3 cells
  'A4:A6', 'B4:B6', 'C4:C6', 'D4:D6', 'E4:E6', 'J4:J6', 'K4:K6', 'L4:L6', 'AA4:AA6', 'AB4:AB6',
  // row 4: 实际支出金额 c4, 产出目标 c6, 效益目标 c6, 满意度指标 c2
  'F4:I4', 'M4:R4', 'S4:X4', 'Y4:Z4',
  // row 5: 合计 r2, 其中：财政拨款 c2, 非财政拨款资金 r2, seven 二级 titles c2
  'F5:F6', 'G5:H5', 'I5:I6', 'M5:N5', 'O5:P5', 'Q5:R5', 'S5:T5', 'U5:V5', 'W5:X5', 'Y5:Z5',
].sort();

describe('writeXlsx: F4 (28 columns, three header rows)', () => {
  let ws: ExcelJS.Worksheet;
  let bytes: Uint8Array;
  beforeAll(async () => {
    const loaded = await load(f4Sample());
    ws = loaded.wb.worksheets[0];
    bytes = loaded.bytes;
  });

  it('returns the bytes of a zip package', () => {
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(bytes.slice(0, 2))).toEqual([0x50, 0x4b]);
  });

  it('names the sheet after the layout', () => {
    expect(ws.name).toBe('附件2-3');
  });

  it('writes the header lines in rows 1–3, the first two merged across all 28 columns', () => {
    expect(ws.getCell('A1').value).toBe('附件2-3：');
    expect(ws.getCell('A2').value).toBe('2019年度区工商联部门预算项目绩效自评情况公开表');
    expect(ws.getCell('A2').font).toMatchObject({ bold: true, name: '黑体' });
    expect(ws.getCell('A2').alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A1:AB1', 'A2:AB2']));
  });

  it('puts 部门名称 on the left and 单位：万元 on the right of row 3', () => {
    expect(ws.getCell('A3').value).toBe('部门名称（盖章）：深圳市龙岗区工商业联合会');
    const rowMerges = ws.model.merges.filter((m) => /^[A-Z]+3:[A-Z]+3$/.test(m));
    expect(rowMerges).toHaveLength(2);
    const right = rowMerges.find((m) => m.endsWith(':AB3'));
    expect(right).toBeDefined();
    const master = ws.getCell(right!.split(':')[0]);
    expect(master.value).toBe('单位：万元');
    expect(master.alignment).toMatchObject({ horizontal: 'right' });
  });

  it('merges the header exactly as domain.md §7 lays it out, and nothing in the body', () => {
    expect(mergesFrom(ws, 4)).toEqual(F4_HEADER_MERGES);
  });

  it('writes the header texts at their cells', () => {
    const expected: Record<string, string> = {
      A4: '序号',
      B4: '单位名称',
      C4: '项目名称',
      D4: '是否政府投资项目（是/否）',
      E4: '项目年度预算金额',
      F4: '实际支出金额',
      F5: '合计',
      G5: '其中：财政拨款',
      G6: '一般公共预算',
      H6: '政府性基金预算（含当年政府专项债券资金）',
      I5: '非财政拨款资金',
      J4: '预算支出执行率',
      K4: '年初绩效目标',
      L4: '绩效目标整体完成情况',
      M4: '产出目标',
      M5: '数量指标',
      O5: '质量指标',
      Q5: '时效指标',
      S4: '效益目标',
      S5: '经济效益指标',
      U5: '社会效益指标',
      W5: '生态效益指标',
      Y4: '满意度指标',
      Y5: '服务对象满意度指标',
      AA4: '项目执行中存在的问题',
      AB4: '整改情况',
    };
    for (const [address, text] of Object.entries(expected)) expect([address, ws.getCell(address).value]).toEqual([address, text]);
    const row6 = Array.from({ length: 14 }, (_, i) => ws.getCell(6, 13 + i).value);
    expect(row6).toEqual(Array.from({ length: 7 }, () => ['年度指标内容', '完成情况']).flat());
  });

  it('stores amounts and rates as numbers with number formats', () => {
    expect(ws.getCell('A7').value).toBe(1);
    expect(ws.getCell('E7').value).toBe(3.8);
    expect(ws.getCell('E7').numFmt).toBe('0.00');
    expect(ws.getCell('F7').value).toBe(3.79);
    expect(ws.getCell('H7').value).toBe(0);
    expect(ws.getCell('H7').numFmt).toBe('0.00');
    expect(ws.getCell('E8').value).toBe(23.44);
    expect(ws.getCell('J7').value).toBeCloseTo(0.9974, 4);
    expect(ws.getCell('J7').numFmt).toBe('0.00%');
    expect(ws.getCell('J8').value).toBeCloseTo(0.9168, 4);
    expect(ws.getCell('J8').numFmt).toBe('0.00%');
    // completion texts stay text
    expect(ws.getCell('N7').value).toBe('100.00%');
    expect(ws.getCell('AA8').value).toBe('实际接待人数比预计减少，不确定因素较多');
  });

  it('draws thin borders on every cell of the table, inside merges too', () => {
    const missing: string[] = [];
    for (let r = 4; r <= 8; r++) {
      for (let c = 1; c <= 28; c++) {
        const b = ws.getCell(r, c).border;
        if (!(b?.top?.style === 'thin' && b.bottom?.style === 'thin' && b.left?.style === 'thin' && b.right?.style === 'thin')) {
          missing.push(ws.getCell(r, c).address);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('sets fonts, wrapping and vertical centring', () => {
    expect(ws.getCell('A4').font).toMatchObject({ name: '宋体', bold: true });
    expect(ws.getCell('K7').font).toMatchObject({ name: '宋体' });
    expect(ws.getCell('K7').font.bold).toBeFalsy();
    expect(ws.getCell('K7').alignment).toMatchObject({ wrapText: true, vertical: 'middle', horizontal: 'left' });
    expect(ws.getCell('E7').alignment).toMatchObject({ horizontal: 'right' });
  });

  it('takes column widths from the layout', () => {
    expect(ws.getColumn(1).width).toBe(4);
    expect(ws.getColumn(11).width).toBe(18);
    expect(ws.getColumn(28).width).toBe(8);
  });

  it('grows rows to their longest wrapped cell', () => {
    // K7 holds 44 characters (88 width units) in an 18-unit column: at least 5 lines of at least 13.5 pt
    expect(ws.getRow(7).height).toBeGreaterThanOrEqual(5 * 13.5);
    // H6 holds 20 characters in a 9-unit column, 4 to a line: at least 5 lines
    expect(ws.getRow(6).height).toBeGreaterThanOrEqual(5 * 13.5);
    // the amounts of project 2 in column M are longer still
    expect(ws.getRow(8).height).toBeGreaterThan(ws.getRow(7).height);
    expect(ws.getRow(4).height).toBeGreaterThanOrEqual(15);
  });

  it('sets up the page: A3 landscape, one page wide, header rows 4–6 repeated', () => {
    expect(ws.pageSetup).toMatchObject({
      paperSize: 8,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '4:6',
    });
    expect(ws.pageSetup.margins?.left).toBeCloseTo(10 / 25.4, 5);
  });

  it('writes the print titles as the defined name Excel reads', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;附件2-3&apos;!$4:$6</definedName>',
    );
  });
});

describe('writeXlsx: a label/value grid (yubei 部门公开表17-2)', () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    ws = (await load(labelGridSample())).wb.worksheets[0];
  });

  it('merges label and value cells as laid out', () => {
    expect(mergesFrom(ws, 4)).toEqual(
      ['B4:C4', 'E4:G4', 'A5:A6', 'B5:C6', 'E5:G5', 'E6:G6', 'B7:G7', 'B8:G8', 'B9:G9', 'A10:A17', 'A18:G18'].sort(),
    );
  });

  it('writes labels, values and the indicator list at their cells', () => {
    expect(ws.getCell('A4').value).toBe('专项资金名称');
    expect(ws.getCell('B4').value).toBe('非公党建建设工作');
    expect(ws.getCell('D4').value).toBe('业务主管部门');
    expect(ws.getCell('E4').value).toBe('行政政法科');
    expect(ws.getCell('D6').value).toBe('补助镇街（元）');
    expect(ws.getCell('A10').value).toBe('绩效指标');
    expect(ws.getCell('G10').value).toBe('是否核心指标');
    expect(ws.getCell('B11').value).toBe('举办党员培训合格');
    expect(ws.getCell('C11').value).toBe(20);
    expect(ws.getCell('F12').value).toBe(6);
    expect(ws.getCell('D16').value).toBe('万元');
    expect(ws.getCell('A18').value).toBe('备注：本表数据为示例。');
  });

  it('stores 元 amounts as numbers with thousands separators', () => {
    expect(ws.getCell('B5').value).toBe(300000);
    expect(ws.getCell('B5').numFmt).toBe('#,##0.00');
    expect(ws.getCell('E5').numFmt).toBe('#,##0.00');
  });

  it('makes label cells bold and centred, value cells plain', () => {
    expect(ws.getCell('A7').font).toMatchObject({ bold: true });
    expect(ws.getCell('A7').alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell('B7').font.bold).toBeFalsy();
  });

  it('prints on A4 portrait without print titles (there are no header rows)', () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBeUndefined();
  });
});

describe('writeXlsx: several layouts and bad layouts', () => {
  it('writes one worksheet per layout', async () => {
    const { wb } = await load([f4Sample(), labelGridSample()]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['附件2-3', '部门公开表17-2']);
  });

  it('writes nothing from an inconsistent layout and says why, naming the form', async () => {
    const good = labelGridSample();
    const bad: FormLayout = { ...good, rows: [...good.rows, { cells: [{ value: '多余' }] }] };
    const result = await writeXlsx([f4Sample(), bad]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'rowIncomplete', form: '部门公开表17-2', message: '第 15 行未填满：第 2、3、4、5、6、7 列没有单元格。' }),
    ]);
  });
});

describe('writeXlsx: characters XML forbids, in every text of the form', () => {
  it('writes a workbook Excel opens, every part well-formed, each text shown without them', async () => {
    const { wb, bytes } = await load([hostileSample(), hostileSample()]);
    expect(await xmlPartErrors(bytes)).toEqual([]);
    expect(wb.worksheets.map((w) => w.name)).toEqual([HOSTILE_SHOWN.sheet, `${HOSTILE_SHOWN.sheet}(2)`]);
    const ws = wb.worksheets[0];
    const row = (r: number) => [1, 2, 3].map((c) => ws.getCell(r, c)).filter((cell) => !cell.isMerged || cell.master === cell).map((cell) => cell.text);
    expect(row(1)).toEqual([HOSTILE_SHOWN.formNumber]);
    expect(row(2)).toEqual([HOSTILE_SHOWN.title]);
    expect(row(3)).toEqual(HOSTILE_SHOWN.fields);
    expect(row(4)).toEqual([HOSTILE_SHOWN.text]);
    expect(row(5)).toEqual(HOSTILE_SHOWN.header);
    expect([ws.getCell(6, 1).value, ws.getCell(6, 2).value, ws.getCell(6, 3).value]).toEqual([HOSTILE_SHOWN.body[0], 3.8, HOSTILE_SHOWN.body[2]]);
    expect(row(7)).toEqual([HOSTILE_SHOWN.footer]);
  });

  it('quotes each sheet into its print-titles reference as Excel reads it', async () => {
    const { bytes } = await load([hostileSample(), { ...f4Sample(), name: "O'Brien's 附件" }]);
    const workbook = await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string');
    const titles = [...workbook.matchAll(/<definedName name="_xlnm.Print_Titles"[^>]*>([^<]*)<\/definedName>/g)].map((d) => d[1].replace(/&apos;/g, "'"));
    expect(titles).toEqual(["'’项目’'!$5:$5", "'O’Brien’s 附件'!$4:$6"]);
  });
});

describe('writeXlsx: Excel’s limit of 32,767 characters in one cell', () => {
  /** labelGridSample with one cell's value (table row r, i-th cell of the row) replaced */
  const withText = (layout: FormLayout, r: number, i: number, value: string): FormLayout => ({
    ...layout,
    rows: layout.rows.map((row, k) => (k === r ? { ...row, cells: row.cells.map((cell, j) => (j === i ? { ...cell, value } : cell)) } : row)),
  });
  const refusal = async (layout: FormLayout): Promise<ExcelCellTooLongError> => {
    const error: unknown = await writeXlsx(layout).then(
      () => null,
      (e: unknown) => e,
    );
    if (!(error instanceof ExcelCellTooLongError)) throw new Error(`expected ExcelCellTooLongError, got ${String(error)}`);
    return error;
  };
  const goal = '完成非公党组织规范化建设。'.repeat(4000);

  it('writes a text of exactly 32,767 characters whole', async () => {
    const { wb } = await load(withText(labelGridSample(), 5, 1, goal.slice(0, EXCEL_CELL_MAX_CHARS)));
    expect(wb.worksheets[0].getCell('B9').value).toBe(goal.slice(0, 32_767));
  });

  it('refuses a longer text, cut nowhere, naming the row, its label and how the text begins', async () => {
    const error = await refusal(withText(labelGridSample(), 5, 1, goal.slice(0, 40_000)));
    expect(error.place).toEqual({
      form: '部门公开表17-2',
      row: 9,
      rowLabel: '当年绩效目标',
      columnHeader: null,
      length: 40_000,
      start: '完成非公党组织规范化建设。完成非公党组织…',
    });
    expect(error.message).toBe(
      '表“部门公开表17-2”第 9 行（“当年绩效目标”）的文字有 40000 个字符（开头是“完成非公党组织规范化建设。完成非公党组织…”），' +
        '超过了 Excel 一个单元格最多 32767 个字符的限制，未导出 Excel 文件。请把这段文字缩短，或改为导出 Word 文件。',
    );
    // an indicator's value: the row's label is the 绩效指标 cell merged down beside it
    expect((await refusal(withText(labelGridSample(), 8, 4, 'x'.repeat(32_768)))).place).toMatchObject({ row: 12, rowLabel: '绩效指标', length: 32_768 });
  });

  it('names the column header of a table with header rows, and counts a line above the table too', async () => {
    const f4 = f4Sample();
    const long = { ...f4, rows: f4.rows.map((row, k) => (k === 3 ? { ...row, cells: row.cells.map((c, j) => (j === 10 ? { ...c, value: '\n目标'.repeat(20_000) } : c)) } : row)) };
    expect((await refusal(long)).place).toEqual({ form: '附件2-3', row: 7, rowLabel: null, columnHeader: '年初绩效目标', length: 60_000, start: '目标 目标 目标 目标 目标 目标 目标…' });
    const header = { ...f4, headerLines: [{ kind: 'fields' as const, left: `部门名称（盖章）：${'区'.repeat(40_000)}`, right: '单位：万元' }] };
    expect((await refusal(header)).place).toMatchObject({ row: 1, rowLabel: null, columnHeader: null, length: 40_009 });
  });
});

describe('exportForm: a goal too long for one Excel cell', () => {
  const doc = loadFixture('yubei-2024');
  const project = doc.projects[0];
  const annualGoal = '加强商协会规范化建设，提升服务会员能力。'.repeat(2000);
  const request: FormRequest = {
    data: { ...doc, projects: [{ ...project, annualGoal }] },
    year: project.year,
    scope: { kind: 'projects', projectIds: [project.id] },
  };

  it('as a workbook: no file, a Chinese message saying where the text is and what to do', async () => {
    expect(annualGoal).toHaveLength(40_000);
    expect(await exportForm('F1', 'xlsx', request)).toEqual({
      ok: false,
      messages: [
        '表“商协会建设经费”第 8 行（“当年绩效目标”）的文字有 40000 个字符（开头是“加强商协会规范化建设，提升服务会员能力。…”），' +
          '超过了 Excel 一个单元格最多 32767 个字符的限制，未导出 Excel 文件。请把这段文字缩短，或改为导出 Word 文件。',
      ],
    });
  });

  it('as a Word document: exported with the whole text', async () => {
    const result = await exportForm('F1', 'docx', request);
    if (!result.ok) throw new Error(result.messages.join());
    const xml = await (await JSZip.loadAsync(result.bytes)).file('word/document.xml')!.async('string');
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(texts).toContain(annualGoal);
  });
});
