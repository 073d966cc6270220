// Reads the tables of a .docx (word/document.xml) into sheets (shared/import/sheet.ts): JSZip opens the package,
// saxes (the XML parser exceljs reads workbooks with) walks the body once. Merged cells come back as merges — a cell
// spanning grid columns (w:gridSpan) and a run of cells merged down (w:vMerge restart, then continue). The paragraphs
// above a table (its title, "部门名称：…\t单位：万元") become rows above it, split at tabs; those after the last table
// of a section (a form's notes) rows below it. Pictures, text boxes and field codes are left out.
import type JSZip from 'jszip';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { importMessages as m } from './import-messages';
import type { Merge, Sheet, SheetCell } from './sheet';

const W_MAIN = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
/** Elements whose whole content is not text of the page: drawings, text boxes, embedded objects, field codes, deletions. */
const SKIPPED = new Set(['drawing', 'pict', 'object', 'instrText', 'delText', 'delInstrText', 'footnoteReference', 'endnoteReference', 'commentReference']);

interface CellBuild {
  paras: string[];
  span: number;
  vMerge: 'restart' | 'continue' | null;
  boldRuns: number;
  plainRuns: number;
}
interface RowBuild {
  cells: CellBuild[];
  gridBefore: number;
  hidden: boolean;
}
interface TableBuild {
  rows: RowBuild[];
  open: CellBuild | null;
}
type Block = { kind: 'p'; text: string; sectionEnd: boolean } | { kind: 'table'; table: TableBuild };

/** The text of word/document.xml, or null when the package has none. */
export async function documentXml(zip: JSZip): Promise<string | null> {
  const part = zip.file('word/document.xml');
  return part ? part.async('string') : null;
}

/** Every table of the document as a sheet. Throws on XML that is not well formed (the caller words it). */
export function documentSheets(xml: string): Sheet[] {
  const blocks = parseBody(xml);
  const sheets: Sheet[] = [];
  let pending: string[] = [];
  let lastSheet: { sheet: Sheet; after: string[] } | null = null;
  let tableNo = 0;
  const flushAfter = () => {
    if (lastSheet && pending.length > 0) addLines(lastSheet.sheet, pending);
    pending = [];
    lastSheet = null;
  };
  for (const block of blocks) {
    if (block.kind === 'p') {
      if (block.text.trim() !== '') pending.push(block.text);
      if (block.sectionEnd) flushAfter();
      continue;
    }
    tableNo++;
    const sheet = tableSheet(block.table, pending, tableNo);
    sheets.push(sheet);
    pending = [];
    lastSheet = { sheet, after: [] };
  }
  flushAfter();
  return sheets;
}

/** A paragraph line as cells: "部门名称：…\t单位：万元" is two. */
function lineCells(text: string): SheetCell[] {
  return text
    .split(/\t+/)
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((t) => ({ text: t }));
}

function addLines(sheet: Sheet, lines: readonly string[]): void {
  for (const line of lines) {
    sheet.rows.push(lineCells(line));
    sheet.hidden.push(false);
  }
}

function tableSheet(table: TableBuild, before: readonly string[], tableNo: number): Sheet {
  const rows: (SheetCell | undefined)[][] = before.map(lineCells);
  const hidden: boolean[] = before.map(() => false);
  const top = rows.length;
  const merges: Merge[] = [];
  let above = new Map<number, Merge>();
  table.rows.forEach((row, i) => {
    const r = top + i;
    const cells: (SheetCell | undefined)[] = [];
    const here = new Map<number, Merge>();
    let c = row.gridBefore;
    for (const cell of row.cells) {
      const span = Math.max(1, cell.span);
      const up = above.get(c);
      if (cell.vMerge === 'continue' && up && up.right === c + span - 1) {
        up.bottom = r;
        here.set(c, up);
      } else {
        const text = cell.paras.join('\n').replace(/\n+$/, '');
        if (text !== '') cells[c] = { text, ...(cell.boldRuns > 0 && cell.plainRuns === 0 ? { bold: true } : {}) };
        const merge = { top: r, left: c, bottom: r, right: c + span - 1 };
        merges.push(merge);
        here.set(c, merge);
      }
      c += span;
    }
    rows.push(cells);
    hidden.push(row.hidden);
    above = here;
  });
  const rowCount = table.rows.length;
  const place = (row: number, col?: number): string => {
    if (row < top) return m.tablePlace(tableNo) + m.linesBefore;
    if (row >= top + rowCount) return m.tablePlace(tableNo) + m.linesAfter;
    return `${m.tablePlace(tableNo)}${m.rowPlace(row - top + 1)}${col === undefined ? '' : ` ${m.docxColumn(col + 1)}`}`;
  };
  return {
    name: m.tablePlace(tableNo),
    source: 'docx',
    rows,
    hidden,
    merges: merges.filter((g) => g.bottom > g.top || g.right > g.left),
    place,
  };
}

function attr(tag: SaxesTagNS, local: string): string | undefined {
  for (const a of Object.values(tag.attributes)) if (a.local === local) return a.value;
  return undefined;
}

/** The body's paragraphs and tables in order; a paragraph carrying a section break ends its section. */
function parseBody(xml: string): Block[] {
  const parser = new SaxesParser({ xmlns: true });
  const blocks: Block[] = [];
  const stack: string[] = [];
  const tables: TableBuild[] = [];
  let skip = 0;
  let para: { parts: string[]; sectionEnd: boolean; boldRuns: number; plainRuns: number } | null = null;
  let run: { bold: boolean; text: boolean } | null = null;
  let failure: Error | null = null;

  const parent = (n = 1) => stack[stack.length - n];
  const openCell = () => tables[tables.length - 1]?.open ?? null;

  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => {
    if (skip > 0) {
      skip++;
      return;
    }
    const local = tag.local;
    if (tag.uri === MARKUP_COMPATIBILITY && local === 'AlternateContent') {
      skip = 1;
      return;
    }
    if (!W_MAIN.has(tag.uri)) {
      stack.push('');
      return;
    }
    if (SKIPPED.has(local)) {
      skip = 1;
      return;
    }
    const table = tables[tables.length - 1];
    switch (local) {
      case 'tbl':
        tables.push({ rows: [], open: null });
        break;
      case 'tr':
        table?.rows.push({ cells: [], gridBefore: 0, hidden: false });
        break;
      case 'gridBefore':
        if (parent() === 'trPr' && table) table.rows[table.rows.length - 1].gridBefore = Number(attr(tag, 'val') ?? 0) || 0;
        break;
      case 'hidden':
        if (parent() === 'trPr' && table) table.rows[table.rows.length - 1].hidden = attr(tag, 'val') !== '0' && attr(tag, 'val') !== 'false';
        break;
      case 'tc':
        if (table) {
          const cell: CellBuild = { paras: [], span: 1, vMerge: null, boldRuns: 0, plainRuns: 0 };
          table.rows[table.rows.length - 1]?.cells.push(cell);
          table.open = cell;
        }
        break;
      case 'gridSpan':
        if (parent() === 'tcPr' && table?.open) table.open.span = Number(attr(tag, 'val') ?? 1) || 1;
        break;
      case 'vMerge':
        if (parent() === 'tcPr' && table?.open) table.open.vMerge = attr(tag, 'val') === 'restart' ? 'restart' : 'continue';
        break;
      case 'p':
        para = { parts: [], sectionEnd: false, boldRuns: 0, plainRuns: 0 };
        break;
      case 'sectPr':
        if (parent() === 'pPr' && para) para.sectionEnd = true;
        break;
      case 'r':
        run = { bold: false, text: false };
        break;
      case 'b':
        if (parent() === 'rPr' && parent(2) === 'r' && run) run.bold = !['0', 'false', 'off'].includes(attr(tag, 'val') ?? 'true');
        break;
      case 'tab':
        if (parent() === 'r' && para) para.parts.push('\t');
        break;
      case 'br':
      case 'cr':
        if (parent() === 'r' && para) para.parts.push('\n');
        break;
      case 'noBreakHyphen':
        if (parent() === 'r' && para) para.parts.push('-');
        break;
    }
    stack.push(local);
  });
  parser.on('text', (text) => {
    if (skip > 0 || parent() !== 't' || !para) return;
    para.parts.push(text);
    if (run && text.trim() !== '') run.text = true;
  });
  parser.on('closetag', () => {
    if (skip > 0) {
      skip--;
      return;
    }
    const local = stack.pop();
    switch (local) {
      case 'r':
        if (run?.text && para) {
          if (run.bold) para.boldRuns++;
          else para.plainRuns++;
        }
        run = null;
        break;
      case 'p': {
        if (!para) break;
        const text = para.parts.join('');
        const cell = openCell();
        if (cell) {
          cell.paras.push(text);
          cell.boldRuns += para.boldRuns;
          cell.plainRuns += para.plainRuns;
        } else {
          blocks.push({ kind: 'p', text, sectionEnd: para.sectionEnd });
        }
        para = null;
        break;
      }
      case 'tc': {
        const table = tables[tables.length - 1];
        if (table) table.open = null;
        break;
      }
      case 'tbl': {
        const done = tables.pop();
        if (!done) break;
        const outer = openCell();
        // a table inside a cell is that cell's text, a line per row
        if (outer) for (const row of done.rows) outer.paras.push(row.cells.map((c) => c.paras.join(' ')).join('\t'));
        else blocks.push({ kind: 'table', table: done });
        break;
      }
    }
  });
  parser.write(xml).close();
  if (failure) throw failure;
  return blocks;
}
