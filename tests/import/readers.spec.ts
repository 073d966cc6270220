// The file readers under the import: Word tables with merged cells (gridSpan, vMerge) as a unit writes them, the
// parts of word/document.xml that are not the page's text, Excel number formats, hidden sheets; and the ids an import
// takes from the database.
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import ExcelJS from 'exceljs';
import { applyPlan, planImport } from '../../shared/consolidation';
import { adoptLocalIds, importFile, issuesOf } from '../../shared/import';
import { documentSheets } from '../../shared/import/docx-reader';
import { SheetView } from '../../shared/import/sheet';
import { numberText } from '../../shared/import/xlsx-reader';
import type { Unit } from '../../shared/model';

const NOW = '2026-02-01T00:00:00.000Z';

const cell = (text: string, more: { columnSpan?: number; verticalMerge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType]; bold?: boolean } = {}) =>
  new TableCell({
    children: text.split('\n').map((line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: line, bold: more.bold })] })),
    columnSpan: more.columnSpan,
    verticalMerge: more.verticalMerge,
  });
const restart = VerticalMergeType.RESTART;
const cont = VerticalMergeType.CONTINUE;

describe('a Word 申报表 with merged cells', () => {
  async function declaration(): Promise<Uint8Array> {
    const rows = [
      [cell('项目名称'), cell('社区服务提升', { columnSpan: 3 }), cell('项目编码'), cell('2025-017')],
      [cell('主管部门'), cell('区民政局', { columnSpan: 3 }), cell('实施单位'), cell('区社会工作服务中心')],
      [cell('项目资金\n（万元）', { verticalMerge: restart }), cell('年度资金总额'), cell('50', { columnSpan: 4 })],
      [cell('', { verticalMerge: cont }), cell('其中：财政拨款'), cell('45', { columnSpan: 4 })],
      [cell('', { verticalMerge: cont }), cell('其他资金'), cell('5', { columnSpan: 4 })],
      [cell('一级指标', { bold: true }), cell('二级指标', { bold: true }), cell('三级指标', { bold: true }), cell('指标性质', { bold: true }), cell('指标值', { bold: true }), cell('计量单位', { bold: true })],
      [cell('产出指标', { verticalMerge: restart }), cell('数量指标', { verticalMerge: restart }), cell('服务居民人次'), cell('≥'), cell('3000'), cell('人次')],
      [cell('', { verticalMerge: cont }), cell('', { verticalMerge: cont }), cell('开展活动场次'), cell('≥'), cell('24'), cell('场')],
      [cell('', { verticalMerge: cont }), cell('时效指标'), cell('完成时限'), cell('≤'), cell('12'), cell('月')],
      [cell('满意度指标'), cell('服务对象满意度指标'), cell('居民满意度'), cell('≥'), cell('90'), cell('%')],
    ];
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('2025年度项目绩效目标申报表')] }),
            new Paragraph({ children: [new TextRun('单位：万元')] }),
            new Table({ rows: rows.map((children) => new TableRow({ children })) }),
            new Paragraph({ children: [new TextRun('填报人：王五')] }),
          ],
        },
      ],
    });
    return new Uint8Array(await Packer.toBuffer(doc));
  }

  test('the table as a sheet: paragraphs above as rows, gridSpan and vMerge as merges', async () => {
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync(await declaration())).file('word/document.xml')!.async('string');
    const [sheet] = documentSheets(xml);
    const view = new SheetView(sheet);
    expect(sheet.name).toBe('第 1 个表格');
    expect(view.shown(0, 0)).toBe('2025年度项目绩效目标申报表');
    expect([view.shown(2, 1), view.shown(2, 3), view.shown(2, 4)]).toEqual(['社区服务提升', '社区服务提升', '项目编码']);
    expect([view.shown(6, 0), view.shown(4, 0)]).toEqual(['项目资金\n（万元）', '项目资金\n（万元）']);
    // the table's rows follow the two lines above it: its 7th row (产出指标, merged down three rows) is the sheet's 9th
    expect(view.mergeAt(9, 0)).toEqual({ top: 8, left: 0, bottom: 10, right: 0 });
    expect([view.shown(10, 1), view.shown(10, 2)]).toEqual(['时效指标', '完成时限']);
    expect([view.cell(7, 0)?.bold, view.cell(8, 2)?.bold]).toEqual([true, undefined]);
    expect(sheet.place(8, 2)).toBe('第 1 个表格第 7 行 第 3 列');
    expect(view.shown(12, 0)).toBe('填报人：王五');
  });

  test('imported: project, units, amounts and the indicators under merged 一级 / 二级', async () => {
    const r = await importFile(await declaration(), { fileName: '申报表.docx', now: NOW });
    if (!r.ok) throw new Error(r.message);
    const [p] = r.document.projects;
    expect([p.name, p.year, p.funding.generalPublic, p.funding.other]).toEqual(['社区服务提升', 2025, 45_000_000, 5_000_000]);
    expect(r.document.units.map((u) => u.name)).toEqual(['区社会工作服务中心']);
    expect(p.competentDepartment).toBe('区民政局');
    expect(p.indicators.map((i) => [i.level1, i.level2, i.name, i.direction, i.target, i.unit])).toEqual([
      ['1', '11', '服务居民人次', '≥', '3000', '人次'],
      ['1', '11', '开展活动场次', '≥', '24', '场'],
      ['1', '13', '完成时限', '≤', '12', '月'],
      ['3', '31', '居民满意度', '≥', '90', '%'],
    ]);
    expect(issuesOf(r.report, 'info')).toContain('第 1 个表格下方的文字起是表注或签署栏，未读取。');
  });
});

describe('word/document.xml: only the page’s text', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
  const p = (inner: string) => `<w:p>${inner}</w:p>`;
  const r = (text: string) => `<w:r><w:t>${text}</w:t></w:r>`;
  const tc = (inner: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${inner}</w:tc>`;

  test('deletions, field codes, text boxes and pictures are left out; a table in a cell is its text', () => {
    const xml = `<w:document ${W}><w:body>
      ${p(`${r('部门名称：区工商联')}<w:r><w:tab/><w:t>单位：万元</w:t></w:r>`)}
      <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>
        <w:tr>${tc(p(`${r('三级')}<w:del><w:r><w:delText>旧</w:delText></w:r></w:del>${r('指标')}`))}${tc(p(r('指标值')))}</w:tr>
        <w:tr>${tc(p(`<w:r><w:instrText>PAGE</w:instrText></w:r>${r('培训人数')}<w:r><mc:AlternateContent><mc:Choice><w:drawing><w:t>图</w:t></w:drawing></mc:Choice></mc:AlternateContent></w:r>`))}${tc(`<w:tbl><w:tr>${tc(p(r('≥240')))}${tc(p(r('人')))}</w:tr></w:tbl>`)}</w:tr>
        <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p(r('右')))}</w:tr>
      </w:tbl>
      ${p('<w:pPr><w:sectPr/></w:pPr>')}
    </w:body></w:document>`;
    const [sheet] = documentSheets(xml);
    const view = new SheetView(sheet);
    expect([view.shown(0, 0), view.shown(0, 1)]).toEqual(['部门名称：区工商联', '单位：万元']);
    expect([view.shown(1, 0), view.shown(2, 0), view.shown(2, 1)]).toEqual(['三级指标', '培训人数', '≥240\t人']);
    expect([view.shown(3, 0), view.shown(3, 1)]).toEqual(['', '右']);
  });

  test('XML that is not well formed is refused with a message, not a throw', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document><w:body><w:p></w:body>');
    const r = await importFile(await zip.generateAsync({ type: 'uint8array' }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^文件已损坏或不完整，无法读取/);
  });
});

describe('Excel cells', () => {
  test('numbers as their format shows them', () => {
    expect([numberText(0.9974, '0.00%'), numberText(0.95, '0%'), numberText(7563832.99, '#,##0.00'), numberText(3.8, '0.00'), numberText(4.11, 'General'), numberText(45, '@')]).toEqual([
      '99.74%', '95%', '7,563,832.99', '3.80', '4.11', '45',
    ]);
  });

  test('a hidden sheet is left out and said so', async () => {
    const wb = new ExcelJS.Workbook();
    const shown = wb.addWorksheet('指标');
    shown.getRow(1).values = ['三级指标', '指标值'];
    shown.getRow(2).values = ['培训人数', '≥240人'];
    const hidden = wb.addWorksheet('旧数据', { state: 'hidden' });
    hidden.getRow(1).values = ['三级指标', '指标值'];
    hidden.getRow(2).values = ['作废指标', '1'];
    const r = await importFile(new Uint8Array(await wb.xlsx.writeBuffer()), { now: NOW, year: 2025 });
    if (!r.ok) throw new Error(r.message);
    expect(r.document.projects.map((p) => p.indicators.map((i) => i.name))).toEqual([['培训人数']]);
    expect(issuesOf(r.report, 'info')).toContain('工作表“旧数据”是隐藏的，未读取。');
  });
});

describe('ids: the same file twice, and the records the database has', () => {
  async function workbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('清单');
    ws.getRow(1).values = ['单位名称', '项目名称', '三级指标', '指标值'];
    ws.getRow(2).values = ['区工商联', '商会建设', '商会数量', '≥45个'];
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  test('read twice, the same ids: a second import updates rather than doubles', async () => {
    const [a, b] = [await importFile(await workbook(), { year: 2025, now: NOW }), await importFile(await workbook(), { year: 2025, now: '2026-03-01T00:00:00.000Z' })];
    if (!a.ok || !b.ok) throw new Error('not imported');
    expect(b.document.projects.map((p) => p.id)).toEqual(a.document.projects.map((p) => p.id));
    expect(b.document.units.map((u) => u.id)).toEqual(a.document.units.map((u) => u.id));
  });

  test('a known unit keeps its record; a project the database has keeps its id, so the import updates it', async () => {
    const local: Unit = { id: 'u-local', name: '深圳市某区工商业联合会', shortName: '区工商联', parentId: null, schemeId: 'A-2015', updatedAt: '2025-01-01T00:00:00.000Z' };
    const r = await importFile(await workbook(), { year: 2025, now: NOW, knownUnits: [local] });
    if (!r.ok) throw new Error(r.message);
    expect(r.document.units).toEqual([local]);
    expect(r.document.projects[0].unitId).toBe('u-local');
    const localProject = { ...r.document.projects[0], id: 'p-local', indicators: [{ ...r.document.projects[0].indicators[0], id: 'p-local-ind' }], updatedAt: '2025-06-01T00:00:00.000Z' };
    const data = { units: [local], projects: [localProject], departmentPlans: [] };
    expect(planImport(data, r.document, new Map()).problems.map((p) => p.message)).toHaveLength(1);
    const adopted = adoptLocalIds(r.document, data);
    expect(adopted.projects.map((p) => [p.id, p.indicators.map((i) => i.id)])).toEqual([['p-local', ['p-local-i1']]]);
    const plan = planImport(data, adopted, new Map());
    expect(plan.problems).toEqual([]);
    expect(plan.update.map((e) => e.id)).toEqual(['p-local']);
    expect(applyPlan(plan, new Map(), NOW).ok).toBe(true);
  });
});

test('F5 re-saved without bold type: the units’ subtotal rows are told by their sums', async () => {
  const { exportForm } = await import('../../templates/export');
  const { loadFixture } = await import('../fixtures/fixture-files');
  const doc = loadFixture('huadu');
  const exported = await exportForm('F5', 'xlsx', { data: doc, year: 2021, scope: { kind: 'supervisor', unitId: 'hd-unit' } });
  if (!exported.ok) throw new Error(exported.messages.join());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(exported.bytes) as unknown as ArrayBuffer);
  wb.worksheets[0].eachRow((row) => row.eachCell((c) => (c.font = { ...c.font, bold: false })));
  const plain = new Uint8Array(await wb.xlsx.writeBuffer());
  const r = await importFile(plain, { year: 2021, now: NOW });
  if (!r.ok) throw new Error(r.message);
  const unitOf = (id: string) => r.document.units.find((u) => u.id === id)!.name;
  expect(r.document.projects.map((p) => `${unitOf(p.unitId)} ${p.name}`)).toEqual(doc.projects.map((p) => `${doc.units.find((u) => u.id === p.unitId)!.name} ${p.name}`));
});

test('a Word 申报表 in two tables, labels in the first and indicators in the second, is one project', async () => {
  const table = (rows: string[][]) => new Table({ rows: rows.map((r) => new TableRow({ children: r.map((t) => cell(t)) })) });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('2025年度项目支出绩效目标申报表'),
          table([
            ['项目名称', '老年人助餐服务'],
            ['实施单位', '区养老服务指导中心'],
            ['年度资金总额（万元）', '36'],
          ]),
          new Paragraph('绩效指标'),
          table([
            ['三级指标', '指标值'],
            ['助餐服务人次', '≥20000人次'],
          ]),
        ],
      },
    ],
  });
  const r = await importFile(new Uint8Array(await Packer.toBuffer(doc)), { now: NOW });
  if (!r.ok) throw new Error(`${r.message}\n${r.report.issues.map((i) => i.message).join('\n')}`);
  expect(r.document.projects.map((p) => [p.name, p.year, r.document.units.find((u) => u.id === p.unitId)!.name, p.funding.generalPublic, p.indicators.map((i) => i.name)])).toEqual([
    ['老年人助餐服务', 2025, '区养老服务指导中心', 36_000_000, ['助餐服务人次']],
  ]);
  expect(issuesOf(r.report, 'info')).toContain('第 1 个表格没有指标表头，作为第 2 个表格的项目信息读取。');
  expect(issuesOf(r.report, 'warning').join('\n')).not.toContain('找不到可识别的表头');
});
