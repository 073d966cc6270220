// Reads the worksheets of an .xlsx into sheets (shared/import/sheet.ts) with exceljs, the library the product writes
// its workbooks with; runs in Node and the browser. A cell's text is what Excel shows: numbers through their number
// format, a formula's cached result (never recomputed), an error value as such, rich text joined.
import ExcelJS from 'exceljs';
import type { Merge, Sheet, SheetCell } from './sheet';
import { worksheetPlace } from './sheet';

export interface WorkbookSheets {
  sheets: Sheet[];
  /** names of the sheets left out because they are hidden */
  hiddenSheets: string[];
}

/** Loads the workbook; throws what exceljs throws on a damaged file (the caller words it). */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** Every visible worksheet as a sheet, `between` awaited after each (the caller yields and reports progress there). */
export async function worksheetsOf(workbook: ExcelJS.Workbook, between: () => Promise<void> = async () => {}): Promise<WorkbookSheets> {
  const sheets: Sheet[] = [];
  const hiddenSheets: string[] = [];
  for (const ws of workbook.worksheets) {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') {
      hiddenSheets.push(ws.name);
      continue;
    }
    sheets.push(worksheetSheet(ws));
    await between();
  }
  return { sheets, hiddenSheets };
}

type Loose = Record<string, unknown>;

function worksheetSheet(ws: ExcelJS.Worksheet): Sheet {
  const rows: (SheetCell | undefined)[][] = [];
  const hidden: boolean[] = [];
  let last = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const cells: (SheetCell | undefined)[] = [];
    let any = false;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // the covered cells of a merge repeat its top-left value: the merge list says what they show
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const read = readCell(cell);
      if (read) {
        cells[colNumber - 1] = read;
        any = true;
      }
    });
    rows[r] = cells;
    hidden[r] = row.hidden === true;
    if (any) last = Math.max(last, r);
  });
  const merges = mergesOf(ws);
  for (const mg of merges) last = Math.max(last, mg.top);
  const dense: (SheetCell | undefined)[][] = [];
  const denseHidden: boolean[] = [];
  for (let r = 0; r <= last; r++) {
    dense.push(rows[r] ?? []);
    denseHidden.push(hidden[r] ?? false);
  }
  const rowNumbers = dense.map((_, i) => i + 1);
  return { name: ws.name, source: 'xlsx', rows: dense, hidden: denseHidden, merges, place: worksheetPlace(ws.name, rowNumbers) };
}

/** The merged ranges: exceljs keeps them by their top-left address; its public `model` would rebuild every row. */
function mergesOf(ws: ExcelJS.Worksheet): Merge[] {
  const own = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number } | undefined> })._merges;
  const out: Merge[] = [];
  if (own) {
    for (const range of Object.values(own)) {
      if (range) out.push({ top: range.top - 1, left: range.left - 1, bottom: range.bottom - 1, right: range.right - 1 });
    }
    return out;
  }
  for (const ref of (ws.model as unknown as { merges?: string[] }).merges ?? []) {
    const [a, b] = ref.split(':');
    const from = ws.getCell(a);
    const to = ws.getCell(b ?? a);
    out.push({ top: Number(from.row) - 1, left: Number(from.col) - 1, bottom: Number(to.row) - 1, right: Number(to.col) - 1 });
  }
  return out;
}

function readCell(cell: ExcelJS.Cell): SheetCell | undefined {
  const bold = cell.font?.bold === true ? { bold: true } : {};
  const value = cell.value as unknown;
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object' && !(value instanceof Date)) {
    const v = value as Loose;
    if ('formula' in v || 'sharedFormula' in v) {
      const result = v.result;
      if (result === undefined || result === null) return { text: '', uncalculated: true, ...bold };
      return { ...plainValue(result, cell.numFmt), ...bold };
    }
  }
  const plain = plainValue(value, cell.numFmt);
  return plain.text === '' && plain.error === undefined ? undefined : { ...plain, ...bold };
}

/** A value (not a formula) as text, number or error. */
function plainValue(value: unknown, numFmt: string | undefined): SheetCell {
  if (typeof value === 'number') {
    const n = clean(value);
    return { text: numberText(n, numFmt), number: n };
  }
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: dateText(value) };
  if (typeof value === 'object' && value !== null) {
    const v = value as Loose;
    if (typeof v.error === 'string') return { text: v.error, error: v.error };
    if (Array.isArray(v.richText)) return { text: (v.richText as { text?: unknown }[]).map((t) => (typeof t.text === 'string' ? t.text : '')).join('') };
    if (typeof v.text === 'string') return { text: v.text };
    if (typeof v.text === 'object' && v.text !== null && Array.isArray((v.text as Loose).richText)) {
      return { text: ((v.text as Loose).richText as { text?: unknown }[]).map((t) => (typeof t.text === 'string' ? t.text : '')).join('') };
    }
  }
  return { text: String(value) };
}

/** A formula's binary noise taken off (0.1 + 0.2 → 0.3): fifteen significant digits are all a double holds. */
function clean(n: number): number {
  return Number.isFinite(n) ? Number(n.toPrecision(15)) : n;
}

function dateText(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
}

/** The number as its format shows it: "0.00" → 2 places, "#,##0.00" grouped, "0.00%" a percentage; else as written. */
export function numberText(n: number, numFmt: string | undefined): string {
  if (!Number.isFinite(n)) return String(n);
  const fmt = (numFmt ?? '').split(';')[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  if (fmt === '' || /^general$/i.test(fmt) || fmt === '@') return String(n);
  const places = /0\.(0+)/.exec(fmt)?.[1].length ?? (/[0#]/.test(fmt) ? 0 : -1);
  if (places < 0) return String(n);
  const percent = fmt.includes('%');
  let fixed = clean(percent ? n * 100 : n).toFixed(places);
  if (fmt.includes(',')) fixed = fixed.replace(/^(-?)(\d+)/, (_, sign: string, int: string) => sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
  return percent ? `${fixed}%` : fixed;
}
