// Renders form layouts to an .xlsx workbook (one worksheet per layout) with exceljs. Runs in Node and the browser.
import ExcelJS from 'exceljs';
import type { Alignment, Borders, Font, PaperSize, Row, Style, Worksheet } from 'exceljs';
import {
  DEFAULT_MARGINS_MM,
  asList,
  resolveAll,
  resolveFonts,
  type Cell,
  type ColumnSpec,
  type Fonts,
  type FormLayout,
  type FormLine,
  type Grid,
  type HAlign,
  type WriteResult,
  type WriterOptions,
} from './layout';
import { cellAlign, cellText, displayWidth, excelNumFmt, wrappedLineCount } from './measure';
import { formMessages as m } from './form-messages';
import { excelCellText, xmlSafeText } from './xml-text';

export const XLSX_DEFAULT_BODY_SIZE = 10;
const PAPER: Record<FormLayout['page']['paper'], number> = { A4: 9, A3: 8 };
const MM_PER_INCH = 25.4;
/** Excel's largest row height in points; a taller row is refused or reset by Excel and LibreOffice. Text beyond it
 * stays in the cell but does not print: templates split long texts into rows (see templates/grid.ts). */
export const MAX_ROW_HEIGHT = 409;
/** Width units lost to the cell's inner padding (Excel pads a column by 5 px, about 2 px each side). */
const CELL_PADDING = 0.5;
/** The font size at which a CJK character is exactly two width units (14 px against Calibri 11's 7 px digit). */
const TWO_UNIT_SIZE = 10.5;

/** Excel's limit on the text of one cell, in UTF-16 units; a workbook with a longer one opens only "repaired". */
export const EXCEL_CELL_MAX_CHARS = 32_767;
/** How much of a refused text its message shows, in characters. */
const QUOTED_CHARS = 20;

/** Where in a workbook a refused text would have gone, and how it begins; the texts shortened for a message. */
export interface CellPlace {
  /** the layout's name (the form: a project, a unit) */
  form: string;
  /** the worksheet row, from 1, as Excel numbers it */
  row: number;
  /** the text of the row's first cell, when the text is not in it (a label such as 当年绩效目标) */
  rowLabel: string | null;
  /** the text of the column's lowest header cell, when the table has header rows */
  columnHeader: string | null;
  /** the text's length in UTF-16 units, as Excel counts it */
  length: number;
  /** the text's first characters, whitespace runs as one space */
  start: string;
}

/**
 * A text longer than one Excel cell holds. Refused rather than cut: the workbook would silently lose the rest of what
 * the user wrote. templates/export.ts turns it into formMessages.cellTooLong.
 */
export class ExcelCellTooLongError extends Error {
  constructor(readonly place: CellPlace) {
    super(m.cellTooLong(place));
    this.name = 'ExcelCellTooLongError';
  }
}

/** Whether Excel could hold the text: its limit counts the text as shown, not the escapes excelCellText adds. */
function fitsExcelCell(text: string): boolean {
  return text.length <= EXCEL_CELL_MAX_CHARS || xmlSafeText(text).length <= EXCEL_CELL_MAX_CHARS;
}

/** The first QUOTED_CHARS characters (whole code points), on one line. */
function quoted(text: string): string {
  const chars = Array.from(xmlSafeText(text.slice(0, QUOTED_CHARS * 4)).replace(/\s+/g, ' ').trim());
  return chars.length > QUOTED_CHARS ? `${chars.slice(0, QUOTED_CHARS).join('')}…` : chars.join('');
}

function refuseLongText(text: string, form: string, row: number, rowLabel: string | null = null, columnHeader: string | null = null): never {
  throw new ExcelCellTooLongError({
    form: quoted(form),
    row,
    rowLabel: rowLabel === null ? null : quoted(rowLabel),
    columnHeader: columnHeader === null ? null : quoted(columnHeader),
    length: xmlSafeText(text).length,
    start: quoted(text),
  });
}

const THIN: Borders = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
  diagonal: {},
};

/** Points per wrapped line (about 15 at 10 pt), as LibreOffice and Excel lay out CJK text. */
export function lineHeight(fontSize: number): number {
  return fontSize * 1.5;
}

/** Row height in points for a text wrapped into `widthUnits` of merged column width. */
export function rowHeightFor(text: string, widthUnits: number, fontSize: number): number {
  const capacity = ((widthUnits - CELL_PADDING) * TWO_UNIT_SIZE) / fontSize;
  return wrappedLineCount(text, capacity) * lineHeight(fontSize) + 3;
}

/**
 * Renders each layout as a worksheet; returns the .xlsx bytes, or the layouts' problems. Throws ExcelCellTooLongError
 * for a text longer than EXCEL_CELL_MAX_CHARS.
 */
export async function writeXlsx(
  layouts: FormLayout | readonly FormLayout[],
  options: WriterOptions = {},
): Promise<WriteResult> {
  const list = asList(layouts);
  const resolved = resolveAll(list);
  if (!resolved.ok) return resolved;
  const wb = new ExcelJS.Workbook();
  wb.creator = xmlSafeText(options.creator ?? '');
  const names = new Set<string>();
  list.forEach((layout, i) => renderSheet(wb, layout, resolved.grids[i], uniqueSheetName(layout.name, names)));
  const buffer = await wb.xlsx.writeBuffer();
  return { ok: true, bytes: toBytes(buffer) };
}

function toBytes(buffer: ArrayBuffer | Uint8Array): Uint8Array {
  return buffer instanceof Uint8Array
    ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
    : new Uint8Array(buffer);
}

/** Excel's longest sheet name, in UTF-16 units as Excel and exceljs count them. */
const SHEET_NAME_MAX = 31;

/**
 * A sheet name Excel accepts, unique in the workbook (ignoring case) and added to `taken`: no []:*?/\ or control
 * characters, at most 31 characters, not blank, not "History" (Excel keeps that name for itself). Apostrophes become
 * ’: Excel refuses one at either end, and exceljs quotes the name into the print-titles reference without doubling one
 * inside it, which would break that reference.
 */
export function uniqueSheetName(name: string, taken: Set<string>): string {
  const clean = xmlSafeText(name).replace(/[[\]:*?/\\]/g, '').replace(/[\t\n\r]/g, ' ').replace(/'/g, '’');
  const base = fitSheetName(clean.trim(), SHEET_NAME_MAX) || m.sheetFallback;
  let candidate = base;
  for (let k = 2; taken.has(candidate.toLowerCase()) || candidate.toLowerCase() === 'history'; k++) {
    const suffix = `(${k})`;
    candidate = fitSheetName(base, SHEET_NAME_MAX - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** The text cut to `max` UTF-16 units without splitting a surrogate pair, and trimmed again. */
function fitSheetName(text: string, max: number): string {
  if (text.length <= max) return text;
  const high = text.charCodeAt(max - 1);
  return text.slice(0, high >= 0xd800 && high <= 0xdbff ? max - 1 : max).trimEnd();
}

function renderSheet(wb: ExcelJS.Workbook, layout: FormLayout, grid: Grid, name: string): void {
  const fonts = resolveFonts(layout.font, XLSX_DEFAULT_BODY_SIZE);
  const margins = layout.page.marginsMm ?? DEFAULT_MARGINS_MM;
  const fit = layout.page.fitToWidth ?? true;
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: PAPER[layout.page.paper] as PaperSize,
      orientation: layout.page.orientation,
      fitToPage: fit,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: {
        top: margins.top / MM_PER_INCH,
        bottom: margins.bottom / MM_PER_INCH,
        left: margins.left / MM_PER_INCH,
        right: margins.right / MM_PER_INCH,
        header: Math.min(8, margins.top / 2) / MM_PER_INCH,
        footer: Math.min(8, margins.bottom / 2) / MM_PER_INCH,
      },
    },
  });
  const widths = layout.columns.map((c) => c.width);
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });

  let r = 1;
  for (const line of layout.headerLines) r = writeLine(ws, line, r, widths, fonts, layout.name);
  const top = r;
  writeTable(ws, layout, grid, top, widths, fonts);
  r = top + grid.rowCount;
  for (const line of layout.footerLines ?? []) r = writeLine(ws, line, r, widths, fonts, layout.name);

  if (grid.headerRowCount > 0 && (layout.page.repeatHeaderRows ?? true)) {
    ws.pageSetup.printTitlesRow = `${top}:${top + grid.headerRowCount - 1}`;
  }
  if (layout.pageHeader) ws.headerFooter.oddHeader = printHeader(layout.pageHeader, fonts.title);
}

/** Excel's limit on a print header's text, codes included; a longer one makes Excel repair the workbook. */
const PRINT_HEADER_MAX = 255;

/**
 * A print header centred and bold in the given font: "&C" centres, &"font,Bold" sets the font, "&&" is a literal &.
 * No size code: its digits would run into a text that starts with a year. Cut to Excel's limit on a code point.
 */
export function printHeader(text: string, font: string): string {
  const codes = `&C&"${font.replace(/["&]/g, '')},Bold"`;
  let body = '';
  for (const ch of xmlSafeText(text).replace(/\s+/g, ' ').trim()) {
    const next = ch === '&' ? '&&' : ch;
    if (codes.length + body.length + next.length > PRINT_HEADER_MAX) break;
    body += next;
  }
  return codes + body;
}

function sum(widths: readonly number[], from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += widths[i];
  return s;
}

/** Writes text into columns [from, to) of one row, merged, and returns the height it needs. */
function mergedText(
  ws: Worksheet,
  row: number,
  from: number,
  to: number,
  text: string,
  font: Partial<Font>,
  horizontal: HAlign,
  widths: readonly number[],
  form: string,
): number {
  if (!fitsExcelCell(text)) refuseLongText(text, form, row);
  const cell = ws.getCell(row, from + 1);
  cell.value = excelCellText(text);
  cell.font = font;
  cell.alignment = { horizontal, vertical: 'middle', wrapText: true };
  if (to - from > 1) ws.mergeCells(row, from + 1, row, to);
  return rowHeightFor(text, sum(widths, from, to), font.size ?? XLSX_DEFAULT_BODY_SIZE);
}

/** Splits the columns into left / centre / right zones just wide enough for the centre and right texts. */
function fieldZones(widths: readonly number[], center: string, right: string): [number, number] | null {
  const n = widths.length;
  let rightStart = n;
  if (right) {
    const need = displayWidth(right) + 2;
    while (rightStart > 0 && sum(widths, rightStart, n) < need) rightStart--;
  }
  let centerStart = rightStart;
  if (center) {
    const need = displayWidth(center) + 2;
    while (centerStart > 0 && sum(widths, centerStart, rightStart) < need) centerStart--;
  }
  return centerStart >= 1 ? [centerStart, rightStart] : null;
}

function writeLine(ws: Worksheet, line: FormLine, r: number, widths: readonly number[], fonts: Fonts, form: string): number {
  const n = widths.length;
  const text = (from: number, to: number, value: string, font: Partial<Font>, horizontal: HAlign) =>
    mergedText(ws, r, from, to, value, font, horizontal, widths, form);
  const body: Partial<Font> = { name: fonts.body, size: fonts.bodySize + 1 };
  let height: number;
  switch (line.kind) {
    case 'formNumber':
      height = text(0, n, line.text, { name: fonts.title, size: fonts.bodySize + 2 }, 'left');
      break;
    case 'title': {
      const font: Partial<Font> = { name: fonts.title, size: fonts.titleSize, bold: true };
      height = text(0, n, line.text, font, 'center') + 10;
      break;
    }
    case 'text':
      height = text(0, n, line.text, { ...body, bold: line.bold ?? false }, line.align ?? 'left');
      break;
    case 'fields': {
      const left = line.left ?? '';
      const center = line.center ?? '';
      const right = line.right ?? '';
      const zones = fieldZones(widths, center, right);
      if (zones === null) {
        height = text(0, n, [left, center, right].filter(Boolean).join('    '), body, 'left');
        break;
      }
      const [c, rt] = zones;
      height = text(0, c, left, body, 'left');
      if (rt > c) height = Math.max(height, text(c, rt, center, body, 'center'));
      if (n > rt) height = Math.max(height, text(rt, n, right, body, 'right'));
      break;
    }
  }
  ws.getRow(r).height = Math.min(MAX_ROW_HEIGHT, height);
  return r + 1;
}

/** The row's label (its first cell, when that is not the cell itself) and the column's lowest header, where they are text. */
function headings(grid: Grid, r: number, col: number): [string | null, string | null] {
  const textOf = (cell: Cell | undefined): string | null => (typeof cell?.value === 'string' && cell.value.trim() !== '' ? cell.value : null);
  const first = grid.owner[r]?.[0];
  const rowLabel = first && first.col !== col ? textOf(first.cell) : null;
  const header = grid.headerRowCount > 0 && r >= grid.headerRowCount ? grid.owner[grid.headerRowCount - 1]?.[col] : undefined;
  return [rowLabel, textOf(header?.cell)];
}

/**
 * The few distinct cell styles of a table, each one object shared by all its cells: exceljs recognises a style object
 * it has seen and skips re-encoding it, which on a city-wide form is most of the styling work.
 */
class TableStyles {
  private readonly cache = new Map<string, Partial<Style>>();
  constructor(private readonly fonts: Fonts) {}
  get(bold: boolean, horizontal: HAlign, numFmt: string | undefined): Partial<Style> {
    const key = `${bold ? 1 : 0}|${horizontal}|${numFmt ?? ''}`;
    let style = this.cache.get(key);
    if (!style) {
      const alignment: Partial<Alignment> = { horizontal, vertical: 'middle', wrapText: true };
      style = { font: { name: this.fonts.body, size: this.fonts.bodySize, bold }, alignment, border: THIN, ...(numFmt ? { numFmt } : {}) };
      this.cache.set(key, style);
    }
    return style;
  }
}

function writeTable(ws: Worksheet, layout: FormLayout, grid: Grid, top: number, widths: readonly number[], fonts: Fonts): void {
  const styles = new TableStyles(fonts);
  const heights = layout.rows.map((row) => Math.max(row.minHeight ?? 0, lineHeight(fonts.bodySize) + 3));
  const spanning: { row: number; rowSpan: number; need: number }[] = [];
  // a cell without number or alignment settings of its own is styled by its column, header-ness, boldness and whether
  // it holds a number: looked up by those, rather than worked out again for each of a city-wide form's cells
  const byColumn: (Partial<Style> | undefined)[] = [];
  const styleOf = (c: Cell, col: number, column: ColumnSpec | undefined, header: boolean, bold: boolean): Partial<Style> => {
    const numeric = typeof c.value === 'number';
    const plain = c.kind === undefined && c.decimals === undefined && c.thousands === undefined && c.align === undefined;
    const key = col * 8 + (header ? 4 : 0) + (bold ? 2 : 0) + (numeric ? 1 : 0);
    let style = plain ? byColumn[key] : undefined;
    if (!style) {
      style = styles.get(bold, cellAlign(c, column, header), numeric ? excelNumFmt(c, column) : undefined);
      if (plain) byColumn[key] = style;
    }
    return style;
  };

  // cells through their row, fetched once per row: ws.getCell(row, col) parses an "AB123" address for every cell
  let xlRow: Row | undefined;
  let xlRowAt = -1;
  grid.forEachCell((cell, r, col, rowSpan, colSpan, header, bold) => {
    if (r !== xlRowAt || !xlRow) {
      xlRow = ws.getRow(top + r);
      xlRowAt = r;
    }
    const column = layout.columns[col];
    const target = xlRow.getCell(col + 1);
    const v = cell.value;
    if (typeof v === 'number' && Number.isFinite(v)) {
      target.value = v;
    } else if (typeof v === 'string' && v !== '') {
      if (!fitsExcelCell(v)) refuseLongText(v, layout.name, top + r, ...headings(grid, r, col));
      const text = excelCellText(v);
      if (text !== '') target.value = text;
    }
    target.style = styleOf(cell, col, column, header, bold);
    if (rowSpan > 1 || colSpan > 1) {
      // the covered cells take the master's style, so every cell of the merge carries the borders
      ws.mergeCells(top + r, col + 1, top + r + rowSpan - 1, col + colSpan);
    }
    const need = rowHeightFor(cellText(cell, column), sum(widths, col, col + colSpan), fonts.bodySize);
    if (rowSpan === 1) heights[r] = Math.max(heights[r], need);
    else spanning.push({ row: r, rowSpan, need });
  });

  // a cell merged down several rows gets its room from those rows, the shortfall shared evenly
  for (const s of spanning) {
    const have = sum(heights, s.row, s.row + s.rowSpan);
    if (s.need > have) {
      const extra = (s.need - have) / s.rowSpan;
      for (let i = s.row; i < s.row + s.rowSpan; i++) heights[i] += extra;
    }
  }
  heights.forEach((h, i) => {
    ws.getRow(top + i).height = Math.min(MAX_ROW_HEIGHT, Math.round(h * 4) / 4);
  });
}
