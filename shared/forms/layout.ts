// Declarative layout of one official form: the lines above the table, a grid of cells with merges, the lines below,
// and the page. Templates produce it; the Word and Excel writers render it and know nothing of any particular form.
//
// One grid model covers list forms (F4: header rows from a column tree, one body row per project) and label/value
// forms (F1, F3, F7: label cells and value cells with merges). Rows use HTML-table semantics: a row lists only the
// cells that start in it, left to right, skipping positions covered by a rowSpan from a row above.
import { formMessages as m } from './form-messages';

/** How a cell's value is shown: text as given; money and numbers with fixed decimals; percent from a ratio. */
export type CellKind = 'text' | 'money' | 'percent' | 'number';
export type HAlign = 'left' | 'center' | 'right';
/** A cell's content. Numbers in money cells are in the form's unit (万元 or 元); percent cells hold ratios (0.9974). */
export type CellValue = string | number | null;

/** How numbers are printed; set on a column, overridable per cell. */
export interface NumberStyle {
  kind?: CellKind;
  /** decimals shown: money and percent default to 2; plain numbers default to as many as the value has */
  decimals?: number;
  /** thousands separators ("7,563,832.99", as the yubei forms print 元) */
  thousands?: boolean;
}

/** One leaf column of the grid. */
export interface ColumnSpec extends NumberStyle {
  /** width in character units as Excel counts them: a digit or Latin letter is 1, a CJK character 2 */
  width: number;
  /** body alignment; default left for text, right for numbers */
  align?: HAlign;
  /** identifies the column for `recordRow` */
  key?: string;
}

export interface Cell extends NumberStyle {
  value: CellValue;
  rowSpan?: number;
  colSpan?: number;
  bold?: boolean;
  align?: HAlign;
}

export interface Row {
  /** the cells that start in this row, left to right */
  cells: readonly Cell[];
  /** a table header row: repeated on every printed page, centred and bold by default; must form a block at the top */
  header?: boolean;
  /** all cells bold (e.g. 合计 and unit subtotal rows) */
  bold?: boolean;
  /** minimum height in points */
  minHeight?: number;
}

/** A line of text above or below the table. */
export type FormLine =
  /** "附件2-3：", at the top left */
  | { kind: 'formNumber'; text: string }
  /** the form's title, centred, bold, larger */
  | { kind: 'title'; text: string }
  /** one line in up to three parts: "部门名称（盖章）：…" on the left, "单位：万元" on the right, 填报日期 between */
  | { kind: 'fields'; left?: string; center?: string; right?: string }
  /** any other line (备注, 填报人 …) */
  | { kind: 'text'; text: string; align?: HAlign; bold?: boolean };

export type Paper = 'A4' | 'A3';
export type Orientation = 'portrait' | 'landscape';

export interface MarginsMm {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface PageSetup {
  paper: Paper;
  orientation: Orientation;
  /** page margins in millimetres; default DEFAULT_MARGINS_MM */
  marginsMm?: MarginsMm;
  /** repeat the header rows on every printed page; default true */
  repeatHeaderRows?: boolean;
  /** Excel: scale the print to one page wide (any number of pages tall); default true. Word tables always fill the
   * text width, their column widths scaled in proportion. */
  fitToWidth?: boolean;
}

export interface FontSetup {
  /** body font (eastAsia in Word); default 宋体 */
  body?: string;
  /** body size in points; default 10 in Excel, in Word fitted to how much the table is scaled (9–10.5) */
  bodySize?: number;
  /** title font; default 黑体 */
  title?: string;
  /** title size in points; default 16 */
  titleSize?: number;
}

export interface FormLayout {
  /** names the worksheet (Excel) — short, e.g. "附件2-3" */
  name: string;
  headerLines: readonly FormLine[];
  /** the leaf columns, left to right */
  columns: readonly ColumnSpec[];
  /** header rows first (marked `header: true`), then body rows */
  rows: readonly Row[];
  footerLines?: readonly FormLine[];
  page: PageSetup;
  font?: FontSetup;
  /**
   * one line printed at the top of every page (Word's page header, Excel's print header), centred: the draft mark,
   * so that each page of a table running over several pages says so, not only the one with the title
   */
  pageHeader?: string;
}

export const DEFAULT_MARGINS_MM: MarginsMm = Object.freeze({ top: 20, right: 15, bottom: 20, left: 15 });

// ---------------------------------------------------------------------------------------------------------------
// Column trees: multi-row headers declared as a tree and expanded into header rows with the right merges.

export interface ColumnLeaf extends Omit<ColumnSpec, 'width'> {
  title: string;
  width: number;
}

export interface ColumnGroup {
  title: string;
  children: readonly ColumnNode[];
}

export type ColumnNode = ColumnLeaf | ColumnGroup;

function isGroup(node: ColumnNode): node is ColumnGroup {
  return 'children' in node;
}

function depth(node: ColumnNode): number {
  return isGroup(node) ? 1 + Math.max(0, ...node.children.map(depth)) : 1;
}

function leafCount(node: ColumnNode): number {
  return isGroup(node) ? node.children.reduce((n, c) => n + leafCount(c), 0) : 1;
}

/**
 * Expands a column tree into the leaf columns and the header rows: a group spans its leaves across (colSpan), a leaf
 * above the deepest level spans down to the last header row (rowSpan).
 */
export function expandColumns(tree: readonly ColumnNode[]): { columns: ColumnSpec[]; headerRows: Row[] } {
  const levels = Math.max(0, ...tree.map(depth));
  const cells: Cell[][] = Array.from({ length: levels }, () => []);
  const columns: ColumnSpec[] = [];
  const visit = (node: ColumnNode, level: number): void => {
    if (isGroup(node)) {
      const span = leafCount(node);
      cells[level].push(span > 1 ? { value: node.title, colSpan: span } : { value: node.title });
      node.children.forEach((child) => visit(child, level + 1));
    } else {
      const span = levels - level;
      cells[level].push(span > 1 ? { value: node.title, rowSpan: span } : { value: node.title });
      const { title: _title, ...spec } = node;
      columns.push(spec);
    }
  };
  tree.forEach((node) => visit(node, 0));
  return { columns, headerRows: cells.map((row) => ({ cells: row, header: true })) };
}

export interface TableLayoutOptions {
  name: string;
  headerLines: readonly FormLine[];
  columns: readonly ColumnNode[];
  /** the body rows, or a function making them from the leaf columns the tree expands to (as `recordRow` needs) */
  body: readonly Row[] | ((columns: readonly ColumnSpec[]) => readonly Row[]);
  footerLines?: readonly FormLine[];
  page: PageSetup;
  font?: FontSetup;
}

/** A list form: header rows from a column tree, then the body rows. */
export function tableLayout(options: TableLayoutOptions): FormLayout {
  const { columns, headerRows } = expandColumns(options.columns);
  const body = typeof options.body === 'function' ? options.body(columns) : options.body;
  return {
    name: options.name,
    headerLines: options.headerLines,
    columns,
    rows: [...headerRows, ...body],
    footerLines: options.footerLines,
    page: options.page,
    font: options.font,
  };
}

/** A body row from values keyed by the columns' `key`; columns without a value get an empty cell. */
export function recordRow(
  columns: readonly ColumnSpec[],
  values: Readonly<Record<string, CellValue | Cell>>,
  options: Omit<Row, 'cells'> = {},
): Row {
  const cells = columns.map((col): Cell => {
    const v = col.key === undefined ? undefined : values[col.key];
    if (v === undefined || v === null) return { value: null };
    return typeof v === 'object' ? v : { value: v };
  });
  return { ...options, cells };
}

// ---------------------------------------------------------------------------------------------------------------
// The resolved grid and its validation.

/** A cell placed on the grid; row and col are 0-based positions in the table. */
export interface PlacedCell {
  cell: Cell;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  header: boolean;
  bold: boolean;
}

export interface Grid {
  columnCount: number;
  rowCount: number;
  /** the number of header rows at the top */
  headerRowCount: number;
  /** per row, the cells that start in it, left to right (built on first use) */
  readonly starts: PlacedCell[][];
  /** per row and column, the cell covering that position (built on first use) */
  readonly owner: PlacedCell[][];
  /** every cell with its place, row by row and left to right, with no object made per cell */
  forEachCell(visit: CellVisitor): void;
}

/** Called for each cell of a grid with its place: what a PlacedCell holds, as arguments. */
export type CellVisitor = (cell: Cell, row: number, col: number, rowSpan: number, colSpan: number, header: boolean, bold: boolean) => void;

export type LayoutIssueCode =
  | 'noColumns'
  | 'badColumnWidth'
  | 'badSpan'
  | 'rowTooWide'
  | 'rowIncomplete'
  | 'overlap'
  | 'spanPastEnd'
  | 'spanCrossesHeader'
  | 'headerNotOnTop';

export interface LayoutIssue {
  code: LayoutIssueCode;
  /** Chinese message; rows and columns in it are counted from 1 within the table */
  message: string;
  /** 0-based table row, where the issue has one */
  row?: number;
  /** 0-based column, where the issue has one */
  col?: number;
  /** the layout's name, when several layouts are written together */
  form?: string;
}

export type GridResult = { ok: true; grid: Grid } | { ok: false; issues: LayoutIssue[] };

function isPositiveInt(n: number): boolean {
  return Number.isInteger(n) && n >= 1;
}

/** Places every cell on the grid, or reports every inconsistency found (it does not stop at the first). */
export function resolveGrid(layout: FormLayout): GridResult {
  const { issues, headerRowCount } = placeCells(layout);
  if (issues.length > 0) return { ok: false, issues };
  const n = layout.columns.length;
  // the placed cells are made only for a writer that asks for them (Word does; Excel walks the cells with forEachCell)
  let starts: PlacedCell[][] | undefined;
  let owner: PlacedCell[][] | undefined;
  const forEachCell = (visit: CellVisitor) => void placeCells(layout, visit);
  return {
    ok: true,
    grid: {
      columnCount: n,
      rowCount: layout.rows.length,
      headerRowCount,
      forEachCell,
      get starts() {
        if (!starts) {
          const made: PlacedCell[][] = layout.rows.map(() => []);
          forEachCell((cell, row, col, rowSpan, colSpan, header, bold) => made[row].push({ cell, row, col, rowSpan, colSpan, header, bold }));
          starts = made;
        }
        return starts;
      },
      get owner() {
        return (owner ??= ownerMatrix(this.starts, n));
      },
    },
  };
}

/**
 * Walks the cells onto the grid row by row, telling `visit` where each one lands, and collects every inconsistency.
 * Only a bitmap of the covered positions is made: a city-wide form has tens of thousands of cells.
 */
function placeCells(layout: FormLayout, visit?: CellVisitor): { issues: LayoutIssue[]; headerRowCount: number } {
  const issues: LayoutIssue[] = [];
  const n = layout.columns.length;
  if (n === 0) issues.push({ code: 'noColumns', message: m.noColumns });
  layout.columns.forEach((c, i) => {
    if (!(Number.isFinite(c.width) && c.width > 0)) {
      issues.push({ code: 'badColumnWidth', message: m.badColumnWidth(i + 1), col: i });
    }
  });

  const rows = layout.rows;
  let headerRowCount = 0;
  while (headerRowCount < rows.length && rows[headerRowCount].header) headerRowCount++;
  rows.forEach((row, r) => {
    if (row.header && r >= headerRowCount) {
      issues.push({ code: 'headerNotOnTop', message: m.headerNotOnTop(r + 1), row: r });
    }
  });

  const taken = new Uint8Array(rows.length * n);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const header = row.header === true;
    let c = 0;
    for (let i = 0; i < row.cells.length; i++) {
      const cell = row.cells[i];
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      if (!isPositiveInt(rowSpan) || !isPositiveInt(colSpan)) {
        issues.push({ code: 'badSpan', message: m.badSpan(r + 1, i + 1), row: r });
        break;
      }
      while (c < n && taken[r * n + c] === 1) c++;
      if (c >= n) {
        issues.push({ code: 'rowTooWide', message: m.rowTooWide(r + 1, n), row: r });
        break;
      }
      visit?.(cell, r, c, rowSpan, colSpan, header, cell.bold ?? row.bold ?? header);
      if (c + colSpan > n) issues.push({ code: 'rowTooWide', message: m.rowTooWide(r + 1, n), row: r, col: c });
      if (r + rowSpan > rows.length) issues.push({ code: 'spanPastEnd', message: m.spanPastEnd(r + 1, c + 1), row: r, col: c });
      if (r < headerRowCount && r + rowSpan > headerRowCount) {
        issues.push({ code: 'spanCrossesHeader', message: m.spanCrossesHeader(r + 1, c + 1), row: r, col: c });
      }
      for (let dr = 0; dr < rowSpan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < colSpan && c + dc < n; dc++) {
          if (taken[(r + dr) * n + c + dc] === 1) {
            issues.push({ code: 'overlap', message: m.overlap(r + dr + 1, c + dc + 1), row: r + dr, col: c + dc });
          } else {
            taken[(r + dr) * n + c + dc] = 1;
          }
        }
      }
      c += colSpan;
    }
  }

  for (let r = 0; r < rows.length; r++) {
    let first = -1;
    let missing = '';
    for (let c = 0; c < n; c++) {
      if (taken[r * n + c] !== 0) continue;
      if (first < 0) first = c;
      missing += missing ? `、${c + 1}` : `${c + 1}`;
    }
    if (first >= 0) issues.push({ code: 'rowIncomplete', message: m.rowIncomplete(r + 1, missing), row: r, col: first });
  }
  return { issues, headerRowCount };
}

/** Per row and column, the placed cell covering that position (of a valid grid, where every position has one). */
function ownerMatrix(starts: readonly PlacedCell[][], n: number): PlacedCell[][] {
  const owner: PlacedCell[][] = starts.map(() => new Array<PlacedCell>(n));
  for (const placed of starts) {
    for (const p of placed) {
      for (let dr = 0; dr < p.rowSpan; dr++) for (let dc = 0; dc < p.colSpan; dc++) owner[p.row + dr][p.col + dc] = p;
    }
  }
  return owner;
}

/** The layout's problems; empty when both writers can render it. */
export function validateLayout(layout: FormLayout): LayoutIssue[] {
  const result = resolveGrid(layout);
  return result.ok ? [] : result.issues;
}

/** What both writers accept besides the layouts. */
export interface WriterOptions {
  /** the file's creator metadata */
  creator?: string;
}

/** What a writer returns: the file's bytes, or the layout's problems (nothing is written from a bad layout). */
export type WriteResult = { ok: true; bytes: Uint8Array } | { ok: false; issues: LayoutIssue[] };

/** One layout or several, as a list. */
export function asList(layouts: FormLayout | readonly FormLayout[]): readonly FormLayout[] {
  return 'rows' in layouts ? [layouts] : layouts;
}

/** Resolves every layout, collecting all issues tagged with the layout's name. */
export function resolveAll(
  layouts: readonly FormLayout[],
): { ok: true; grids: Grid[] } | { ok: false; issues: LayoutIssue[] } {
  const grids: Grid[] = [];
  const issues: LayoutIssue[] = [];
  for (const layout of layouts) {
    const result = resolveGrid(layout);
    if (result.ok) grids.push(result.grid);
    // one by one: a long table's issues can be more than a spread's arguments
    else for (const i of result.issues) issues.push(layouts.length > 1 ? { ...i, form: layout.name } : i);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, grids };
}

export const DEFAULT_BODY_FONT = '宋体';
export const DEFAULT_TITLE_FONT = '黑体';
export const DEFAULT_TITLE_SIZE = 16;

/** The fonts a writer renders a layout with. */
export interface Fonts {
  body: string;
  bodySize: number;
  title: string;
  titleSize: number;
}

/** The layout's fonts, the defaults where it sets none; the body size default is the writer's own. */
export function resolveFonts(font: FontSetup | undefined, defaultBodySize: number): Fonts {
  return {
    body: font?.body ?? DEFAULT_BODY_FONT,
    bodySize: font?.bodySize ?? defaultBodySize,
    title: font?.title ?? DEFAULT_TITLE_FONT,
    titleSize: font?.titleSize ?? DEFAULT_TITLE_SIZE,
  };
}
