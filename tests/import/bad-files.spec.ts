// Files that cannot be imported: each gives one Chinese message saying why (and what to do), no document, and the
// bytes are left as they were.
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { importFile, issuesOf, MAX_FILE_MIB, type ImportResult } from '../../shared/import';

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Imports, checking that nothing is produced and the bytes are untouched; the failure. */
async function refused(bytes: Uint8Array, fileName?: string): Promise<Extract<ImportResult, { ok: false }>> {
  const before = Uint8Array.from(bytes);
  const r = await importFile(bytes, { fileName, now: '2026-02-01T00:00:00.000Z' });
  expect(Buffer.from(bytes).equals(Buffer.from(before))).toBe(true);
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('imported');
  expect('document' in r).toBe(false);
  expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  return r;
}

/** A valid little table of indicators, to spoil. */
function indicatorSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.addWorksheet('指标');
  ws.getRow(1).values = ['项目名称', '项目金额（万元）', '一级指标', '二级指标', '三级指标', '指标值'];
  ws.getRow(2).values = ['培训项目', 12, '产出指标', '数量指标', '培训人数', '≥240人'];
  ws.getRow(3).values = ['培训项目', 12, '产出指标', '质量指标', '合格率', '≥95%'];
  return ws;
}

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
/** The start of an OLE compound file: an old .xls (or .doc), or an .xlsx with an opening password. */
const OLE = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);

describe('files that are no readable table', () => {
  test('an image renamed .xlsx', async () => {
    expect((await refused(PNG, '目标表.xlsx')).message).toBe('文件不是 Excel 或 Word 文档（.xlsx / .docx），无法导入。');
  });

  test('an old .xls (or a workbook with an opening password): save as .xlsx first', async () => {
    const r = await refused(OLE, '2024年绩效目标.xls');
    expect(r.message).toContain('请在 Excel/WPS 中另存为 .xlsx 后再导入');
  });

  test('an old .doc: save as .docx first', async () => {
    expect((await refused(OLE, '目标表.doc')).message).toContain('请在 Word/WPS 中另存为 .docx 后再导入');
  });

  test(`a 30 MB workbook: over the cap of ${MAX_FILE_MIB} MB, refused before it is opened`, async () => {
    const zip = await JSZip.loadAsync(await xlsx(indicatorSheet));
    // incompressible bytes stored as they are: a real workbook of 30 MB
    const noise = new Uint8Array(30 * 1024 * 1024);
    for (let i = 0, x = 2463534242; i < noise.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      noise[i] = x & 0xff;
    }
    zip.file('xl/media/image1.png', noise, { compression: 'STORE' });
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
    expect(bytes.length).toBeGreaterThan(30 * 1024 * 1024);
    const r = await refused(bytes, '大文件.xlsx');
    expect(r.message).toMatch(/^文件有 30\.\d MB，超过了可导入的上限 20 MB，未读取。/);
  });

  test('an empty file, a damaged zip, a zip that is no Office file', async () => {
    expect((await refused(new Uint8Array(0))).message).toBe('文件是空的（0 字节），没有可导入的内容。');
    const cut = await xlsx(indicatorSheet);
    expect((await refused(cut.slice(0, 300))).message).toMatch(/^文件已损坏或不完整，无法读取/);
    const other = new JSZip();
    other.file('readme.txt', '你好');
    expect((await refused(await other.generateAsync({ type: 'uint8array' }))).message).toBe('文件是一个压缩包，但不是 Excel 或 Word 文档（.xlsx / .docx），无法导入。');
  });

  test('an empty workbook', async () => {
    const r = await refused(await xlsx((wb) => wb.addWorksheet('Sheet1')));
    expect(r.message).toBe('工作簿中没有任何内容，没有可导入的数据。');
  });

  test('a Word document without tables', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('2025年绩效目标说明')] }] });
    const r = await refused(new Uint8Array(await Packer.toBuffer(doc)), '说明.docx');
    expect(r.message).toBe('文档中没有表格，没有可导入的数据。');
  });

  test('a sheet with no recognisable header', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('通讯录');
      ws.getRow(1).values = ['姓名', '科室', '电话'];
      ws.getRow(2).values = ['张三', '办公室', '020-12345678'];
    });
    const r = await refused(bytes);
    expect(r.message).toMatch(/^工作表“通讯录”中找不到可识别的表头（如“项目名称”“三级指标”“指标名称”“指标值”），未读取。/);
  });
});

describe('tables that cannot be read whole', () => {
  test('formulas with errors (#REF!): each cell named, nothing imported', async () => {
    const bytes = await xlsx((wb) => {
      const ws = indicatorSheet(wb);
      ws.getCell('B3').value = { formula: 'Sheet9!A1', result: { error: '#REF!' } };
      ws.getCell('F2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    });
    const r = await refused(bytes);
    expect(r.message).toBe('有 2 处内容无法读取，没有导入任何数据；请按下列说明改正后再导入。');
    expect(issuesOf(r.report, 'error')).toEqual([
      '工作表“指标”第 3 行 B 列的公式出错（#REF!），无法读取；请在 Excel 中改正公式后再导入。',
      '工作表“指标”第 2 行 F 列的公式出错（#DIV/0!），无法读取；请在 Excel 中改正公式后再导入。',
    ]);
  });

  test('a formula without its result saved', async () => {
    const bytes = await xlsx((wb) => {
      indicatorSheet(wb).getCell('B2').value = { formula: '6+6' } as ExcelJS.CellFormulaValue;
    });
    const r = await refused(bytes);
    expect(issuesOf(r.report, 'error')).toEqual(['工作表“指标”第 2 行 B 列是公式，但文件中没有保存计算结果；请在 Excel/WPS 中打开、保存后再导入。']);
  });

  test('merged cells across the header: which is header and which data cannot be told', async () => {
    const bytes = await xlsx((wb) => {
      const ws = indicatorSheet(wb);
      ws.getRow(4).values = ['培训项目', 12, '产出指标', '时效指标', '完成时间', '11月底前'];
      ws.mergeCells('C1:C4');
    });
    const r = await refused(bytes);
    expect(issuesOf(r.report, 'error')).toEqual([
      '工作表“指标”第 1 行 C 列的“一级指标”所在的合并单元格（C1:C4）从表头一直合并到数据行，分不清哪里是表头、哪里是数据。请取消这些合并（或把表头和数据分开）后再导入。',
    ]);
  });

  test('an amount that is no number', async () => {
    const bytes = await xlsx((wb) => {
      indicatorSheet(wb).getCell('B2').value = '约12万';
    });
    expect(issuesOf((await refused(bytes)).report, 'error')).toEqual(['工作表“指标”第 2 行 B 列的金额“约12万”不是数字，无法读取。']);
  });

  test('the same project twice in one unit and year', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('甲');
      ws.getRow(1).values = ['项目名称', '三级指标', '指标值'];
      ws.getRow(2).values = ['培训项目', '培训人数', '≥240人'];
      const again = wb.addWorksheet('乙');
      again.getRow(1).values = ['项目名称', '三级指标', '指标值'];
      again.getRow(2).values = ['培训项目', '合格率', '≥95%'];
    });
    const r = await refused(bytes);
    expect(issuesOf(r.report, 'error')).toEqual([
      `同一单位 ${new Date('2026-02-01T00:00:00.000Z').getUTCFullYear()} 年度有两个同名项目“培训项目”（工作表“甲”第 2 行，工作表“乙”第 2 行），无法分辨，未导入。请改名后再导入。`,
    ]);
  });

  test('a department form the import cannot turn into projects is named, not guessed at', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('表12');
      ws.getRow(1).values = ['部门整体支出绩效目标表（草稿）'];
      ws.getRow(2).values = ['部门名称：深圳市龙岗区工商业联合会'];
      ws.getRow(3).values = ['任务名称', '主要内容', null, null, '预算金额（万元）'];
    });
    const r = await refused(bytes);
    expect(r.message).toBe('工作表“表12”是本程序导出的“部门整体支出绩效目标表”，此表不能读回为项目数据，未读取；请改用数据包（.json）交换。');
  });
});

test('an import can be cancelled, and reports progress up to the end', async () => {
  const bytes = await xlsx(indicatorSheet);
  const controller = new AbortController();
  controller.abort();
  const cancelled = await importFile(bytes, { signal: controller.signal });
  expect(cancelled).toMatchObject({ ok: false, cancelled: true, message: '已取消导入，没有导入任何内容。' });
  const seen: [number, number][] = [];
  const r = await importFile(bytes, { onProgress: (done, total) => seen.push([done, total]) });
  expect(r.ok).toBe(true);
  expect(seen[seen.length - 1]).toEqual([100, 100]);
  expect(seen.every(([done], i) => i === 0 || done > seen[i - 1][0])).toBe(true);
});

test('cancelling while a workbook is being read stops at the next slice', async () => {
  const bytes = await xlsx(indicatorSheet);
  const controller = new AbortController();
  const r = await importFile(bytes, { signal: controller.signal, onProgress: (done) => done >= 35 && controller.abort() });
  expect(r).toMatchObject({ ok: false, cancelled: true });
});
