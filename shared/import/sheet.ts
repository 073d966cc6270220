// One table as the readers see it, whatever file it came from: a worksheet of an .xlsx, or a Word table with the
// paragraphs above and below it as rows of their own. Rows and columns are 0-based here; `place` names a position the
// way Excel or Word shows it, for messages.
import { importMessages as m } from './import-messages';

export interface SheetCell {
  /** the text as shown: numbers through their number format, a formula's cached result, paragraphs joined by "\n" */
  text: string;
  /** the number the cell holds (a formula's cached result included), when it holds one */
  number?: number;
  /** an error value (#REF!, #DIV/0! …), typed or the result of a formula */
  error?: string;
  /** a formula whose result the file does not hold */
  uncalculated?: boolean;
  /** every run of its text is bold */
  bold?: boolean;
}

/** A merged range, inclusive, 0-based. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  /** the worksheet's name, or "第 2 个表格" */
  name: string;
  source: 'xlsx' | 'docx';
  rows: (SheetCell | undefined)[][];
  hidden: boolean[];
  merges: Merge[];
  /** where a row (and column) is in the file: "工作表“附件2-3”第 7 行 C 列", "第 1 个表格第 7 行第 3 列" */
  place(row: number, col?: number): string;
}

/** "A" … "Z", "AA" … for a 0-based column. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A1:C3" for a merge. */
export function rangeText(merge: Merge): string {
  return `${columnLetters(merge.left)}${merge.top + 1}:${columnLetters(merge.right)}${merge.bottom + 1}`;
}

/** Placing for a worksheet: its rows are the sheet's own row numbers. */
export function worksheetPlace(name: string, rowNumbers: readonly number[]): (row: number, col?: number) => string {
  return (row, col) =>
    `${m.sheetPlace(name)}${m.rowPlace(rowNumbers[row] ?? row + 1)}${col === undefined ? '' : ` ${m.xlsxColumn(columnLetters(col))}`}`;
}

/**
 * A sheet read through its merges: `shown` gives the text a merged range shows at every position it covers, so a
 * 一级 name merged down its rows, or a group title merged across its columns, is read at each of them.
 */
export class SheetView {
  readonly columnCount: number;
  private readonly owner = new Map<number, Merge>();

  constructor(readonly sheet: Sheet) {
    let width = 0;
    for (const row of sheet.rows) width = Math.max(width, row.length);
    for (const merge of sheet.merges) width = Math.max(width, merge.right + 1);
    this.columnCount = width;
    for (const merge of sheet.merges) {
      for (let r = merge.top; r <= merge.bottom; r++) for (let c = merge.left; c <= merge.right; c++) this.owner.set(this.key(r, c), merge);
    }
  }

  get rowCount(): number {
    return this.sheet.rows.length;
  }

  private key(row: number, col: number): number {
    return row * 16384 + col;
  }

  /** The merged range covering a position, if any. */
  mergeAt(row: number, col: number): Merge | undefined {
    return this.owner.get(this.key(row, col));
  }

  /** The cell written at a position (not what a merge shows there). */
  own(row: number, col: number): SheetCell | undefined {
    return this.sheet.rows[row]?.[col];
  }

  /** The cell shown at a position: the top-left cell of the merge covering it, or its own. */
  cell(row: number, col: number): SheetCell | undefined {
    const merge = this.mergeAt(row, col);
    return merge ? this.own(merge.top, merge.left) : this.own(row, col);
  }

  /** The text shown at a position, trimmed. */
  shown(row: number, col: number): string {
    return (this.cell(row, col)?.text ?? '').trim();
  }

  /** Whether a position is covered by a merge that starts elsewhere. */
  covered(row: number, col: number): boolean {
    const merge = this.mergeAt(row, col);
    return merge !== undefined && (merge.top !== row || merge.left !== col);
  }

  /**
   * The texts of a row left to right, each merged range once (at its first column); with `startsOnly`, only the cells
   * that start in this row (not a range merged down into it from above).
   */
  rowTexts(row: number, startsOnly = false): { col: number; text: string }[] {
    const out: { col: number; text: string }[] = [];
    for (let c = 0; c < this.columnCount; c++) {
      const merge = this.mergeAt(row, c);
      if (merge && (merge.left !== c || (startsOnly && merge.top !== row))) continue;
      const text = this.shown(row, c);
      if (text !== '') out.push({ col: c, text });
    }
    return out;
  }

  isEmptyRow(row: number): boolean {
    const cells = this.sheet.rows[row];
    if (cells) for (const cell of cells) if (cell && cell.text.trim() !== '') return false;
    return true;
  }
}

/**
 * A header or label as compared: without spaces, line breaks, asterisks (marks of required fields) or a trailing
 * colon, brackets half-width, Latin letters in lower case.
 */
export function normLabel(text: string): string {
  return text
    .replace(/[\s\u3000*＊]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[:：]+$/, '')
    .toLowerCase();
}
