// One export measurement in a fresh process (so peak memory is this case's own), printed as one JSON line.
//   tsx bench/forms-case.ts F4 xlsx layout|bare    (F9:summary: F9's summary alone, of a city with monitoring rounds)
// 'layout' runs the product path (template → layout engine → writer); 'bare' writes the same cells with the same
// texts, merges, widths, fonts, alignment, borders, number formats and row heights straight with the library, all
// prepared before the clock starts: the floor any exporter of this file pays.
import {
  AlignmentType, BorderStyle, Document, HeightRule, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun,
  VerticalAlignTable, VerticalMergeType, WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { fitColumns } from '../shared/forms/docx-writer';
import { cellAlign, cellText, excelNumFmt } from '../shared/forms/measure';
import { resolveGrid, type HAlign } from '../shared/forms/layout';
import { rowHeightFor } from '../shared/forms/xlsx-writer';
import { exportForm } from '../templates/export';
import { getTemplate } from '../templates/index';
import type { FormRequest } from '../templates/template';
import { cityData } from './city-data';

const [formArg, format, mode] = process.argv.slice(2) as [string, 'xlsx' | 'docx', 'layout' | 'bare'];
const [form, part] = formArg.split(':');
const monitoring = form === 'F9';
const only = part === 'summary' ? { summaryOnly: true } : {};
const data = cityData(100, 20, 15, { monitoring });
const request: FormRequest = { data, year: 2025, scope: { kind: 'supervisor', unitId: 'city' }, ...only };
// both modes first run their own path once on a small city, so neither is timed while the JIT is still cold
const warmUp: FormRequest = { data: cityData(20, 20, 15, { monitoring }), year: 2025, scope: { kind: 'supervisor', unitId: 'city' }, ...only };

interface PreparedCell {
  row: number; col: number; rowSpan: number; colSpan: number;
  text: string; value: string | number | null; numFmt?: string; align: HAlign; bold: boolean; twips: number;
}
interface Prepared { columns: number; widths: number[]; twips: number[]; cells: PreparedCell[]; rows: number; heights: number[]; headerRows: number }

function prepare(req: FormRequest): Prepared {
  const layout = getTemplate(form)!.build(req)[0];
  const resolved = resolveGrid(layout);
  if (!resolved.ok) throw new Error('bad layout');
  const grid = resolved.grid;
  const widths = layout.columns.map((c) => c.width);
  const twips = fitColumns(layout).widths;
  const span = (ws: number[], from: number, n: number) => ws.slice(from, from + n).reduce((a, b) => a + b, 0);
  const heights = Array.from({ length: grid.rowCount }, () => 18);
  const cells = grid.starts.flat().map((p): PreparedCell => {
    const column = layout.columns[p.col];
    const text = cellText(p.cell, column);
    if (p.rowSpan === 1) heights[p.row] = Math.max(heights[p.row], rowHeightFor(text, span(widths, p.col, p.colSpan), 9));
    return {
      row: p.row, col: p.col, rowSpan: p.rowSpan, colSpan: p.colSpan, text, value: p.cell.value,
      numFmt: excelNumFmt(p.cell, column), align: cellAlign(p.cell, column, p.header), bold: p.bold, twips: span(twips, p.col, p.colSpan),
    };
  });
  return { columns: layout.columns.length, widths, twips, cells, rows: grid.rowCount, heights, headerRows: grid.headerRowCount };
}

async function bareXlsx(p: Prepared): Promise<number> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表', { pageSetup: { paperSize: 8 as never, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  p.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const border = { style: 'thin' as const };
  // one style object per distinct style, as a careful direct user of exceljs would write it
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  for (const c of p.cells) {
    // cells through their row, as the product writer reaches them: exceljs parses no "AB1234" address per cell
    const cell = ws.getRow(c.row + 1).getCell(c.col + 1);
    cell.value = c.value === '' ? null : c.value;
    const key = `${c.bold}|${c.align}|${c.numFmt ?? ''}`;
    if (!styles.has(key)) {
      styles.set(key, {
        font: { name: '宋体', size: 9, bold: c.bold },
        border: { top: border, left: border, bottom: border, right: border },
        alignment: { horizontal: c.align, wrapText: true, vertical: 'middle' },
        ...(c.numFmt ? { numFmt: c.numFmt } : {}),
      });
    }
    cell.style = styles.get(key)!;
    if (c.rowSpan > 1 || c.colSpan > 1) ws.mergeCells(c.row + 1, c.col + 1, c.row + c.rowSpan, c.col + c.colSpan);
  }
  p.heights.forEach((h, i) => (ws.getRow(i + 1).height = h));
  ws.pageSetup.printTitlesRow = `1:${p.headerRows}`;
  return (await wb.xlsx.writeBuffer()).byteLength;
}

async function bareDocx(p: Prepared): Promise<number> {
  // Word needs a cell at every grid position: covered positions of a vertical merge continue it
  const ALIGN = { left: undefined, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
  const byRow: TableCell[][] = Array.from({ length: p.rows }, () => []);
  const continues = new Map<string, PreparedCell>();
  for (const c of p.cells) for (let r = 1; r < c.rowSpan; r++) continues.set(`${c.row + r}:${c.col}`, c);
  const starts = new Map(p.cells.map((c) => [`${c.row}:${c.col}`, c]));
  for (let r = 0; r < p.rows; r++) {
    for (let col = 0; col < p.columns; ) {
      const s = starts.get(`${r}:${col}`);
      if (s) {
        byRow[r].push(new TableCell({
          children: s.text.split('\n').map((t) => new Paragraph({ alignment: ALIGN[s.align], children: t ? [new TextRun({ text: t, bold: s.bold || undefined })] : [] })),
          width: { size: s.twips, type: WidthType.DXA },
          columnSpan: s.colSpan > 1 ? s.colSpan : undefined,
          verticalMerge: s.rowSpan > 1 ? VerticalMergeType.RESTART : undefined,
          verticalAlign: VerticalAlignTable.CENTER,
        }));
        col += s.colSpan;
      } else {
        const above = continues.get(`${r}:${col}`)!;
        byRow[r].push(new TableCell({
          children: [new Paragraph({})], width: { size: above.twips, type: WidthType.DXA },
          columnSpan: above.colSpan > 1 ? above.colSpan : undefined, verticalMerge: VerticalMergeType.CONTINUE, verticalAlign: VerticalAlignTable.CENTER,
        }));
        col += above.colSpan;
      }
    }
  }
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const table = new Table({
    rows: byRow.map((cells, r) => new TableRow({ children: cells, tableHeader: r < p.headerRows || undefined, cantSplit: true, height: { value: 330, rule: HeightRule.ATLEAST } })),
    columnWidths: p.twips, width: { size: p.twips.reduce((a, b) => a + b, 0), type: WidthType.DXA }, layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
  });
  const doc = new Document({
    styles: { default: { document: { run: { font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: '宋体' }, size: 18 } } } },
    sections: [{ children: [table] }],
  });
  return (await Packer.toBuffer(doc)).byteLength;
}

async function once(req: FormRequest, prepared: Prepared | null): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  let bytes: number;
  if (prepared) bytes = format === 'xlsx' ? await bareXlsx(prepared) : await bareDocx(prepared);
  else {
    const r = await exportForm(form, format, req);
    if (!r.ok) throw new Error(r.messages.join());
    bytes = r.bytes.length;
  }
  return { ms: performance.now() - t0, bytes };
}

async function main() {
  // bare's cells are prepared once, before any run: prepared before each run, the garbage of preparing them (the
  // template's and the layout's work) would be collected inside bare's timed runs and flatter the ratio
  await once(warmUp, mode === 'bare' ? prepare(warmUp) : null);
  const prepared = mode === 'bare' ? prepare(request) : null;
  // the first full-size run still pays for growing the heap and the last compilations; the runs after it are the
  // steady state a supervisor exporting form after form sees. Both are printed; the ratio uses the steady state, the
  // median of several runs, so that one slow moment of a shared machine does not decide it.
  const first = await once(request, prepared);
  // the peak memory of one export (the one above and the small warm-up): the warm runs below only add garbage
  const maxRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  const warm: { ms: number; bytes: number }[] = [];
  for (let i = 0; i < Number(process.env.WARM_RUNS ?? (format === 'xlsx' ? 5 : 3)); i++) warm.push(await once(request, prepared));
  warm.sort((a, b) => a.ms - b.ms);
  const { ms, bytes } = warm[Math.floor(warm.length / 2)];
  // of the product's time, the template's own part (reading the data, building the cell texts, sums and groups):
  // printed beside the ratio to show what the bare writer, handed finished texts, does not pay
  const templateRuns: number[] = [];
  if (mode === 'layout') {
    for (let i = 0; i < warm.length; i++) {
      const t0 = performance.now();
      getTemplate(form)!.build(request);
      templateRuns.push(performance.now() - t0);
    }
    templateRuns.sort((a, b) => a - b);
  }
  const templateMs = templateRuns.length ? Math.round(templateRuns[Math.floor(templateRuns.length / 2)]) : undefined;
  const projects = data.projects.length;
  const indicators = data.projects.reduce((n, p) => n + p.indicators.length, 0);
  console.log(JSON.stringify({ form: formArg, format, mode, ms: Math.round(ms), templateMs, firstMs: Math.round(first.ms), bytes, maxRssMiB, projects, indicators }));
}

void main();
