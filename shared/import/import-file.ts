// Import from a file or from rows of text: bytes → what kind of file → sheets (xlsx-reader, docx-reader) → each table
// read as one of the product's forms or by its headers → one exchange document, validated as a package is, with a
// report of what was read and what was not. All or nothing: any error and no document comes back. Nothing here
// throws to the caller, and the bytes are never changed.
import { validateExchange, type ExchangeDocument } from '../exchange/exchange';
import type { Timestamp, Unit } from '../model';
import { DEFAULT_SCHEME_ID, getScheme, SCHEME_A, SCHEME_B, type IndicatorScheme } from '../schemes';
import { buildDocument } from './build';
import type { ChosenMappings, ImportIssue, IssueLevel, TableColumns } from './columns';
import { documentSheets, documentXml } from './docx-reader';
import { sniffFile } from './file-kind';
import { readByHeaders, tableAsBlock, type Block } from './generic';
import { importMessages as m } from './import-messages';
import { namesCostAsLevel1 } from './levels';
import { detectForm, readProductForm, sheetLabel, type TableContext } from './product-forms';
import { ImportCancelled, Progress } from './progress';
import { SheetView, type Sheet, type SheetCell } from './sheet';
import type { TableRead } from './drafts';
import { loadWorkbook, worksheetsOf } from './xlsx-reader';

export interface ImportOptions {
  /** the file's name: only its extension is looked at, to word a message about an old .doc */
  fileName?: string;
  /** the unit of tables that do not name one (default "未注明单位", said so) */
  unitName?: string;
  /** units already known (the database's): a unit the file names by the same name or short name keeps its record and id */
  knownUnits?: readonly Unit[];
  /** the year of everything read, over what the file says */
  year?: number;
  /** the indicator scheme the levels are read into; default scheme A, or B where a table has 成本指标 as a 一级 */
  schemeId?: string;
  /** the time stamped on what is read (updatedAt, exportedAt); default now */
  now?: Timestamp;
  /** called as the import goes: done out of total (a fixed scale of 100) */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** column mappings the user chose for tables read by their headers, by the key of their shape (TableSummary.columns) */
  chosenMappings?: ChosenMappings;
}

/** What one table gave. */
export interface TableSummary {
  /** 工作表“附件2-3”, 第 2 个表格 */
  where: string;
  /** how it was read: as one of the product's forms, or by its headers */
  how: string;
  projects: number;
  indicators: number;
  departmentPlans: number;
  /** a table read by its headers: which column gave which field */
  columns?: TableColumns;
}

export interface ImportReport {
  kind: 'xlsx' | 'docx' | 'rows' | null;
  tables: TableSummary[];
  projects: number;
  indicators: number;
  departmentPlans: number;
  /** everything said while reading, in order: errors stop the import; warnings and notes go with what was read */
  issues: ImportIssue[];
}

export type ImportResult =
  | { ok: true; document: ExchangeDocument; report: ImportReport }
  | { ok: false; message: string; report: ImportReport; cancelled?: true };

export const PROGRESS_TOTAL = 100;

function emptyReport(kind: ImportReport['kind']): ImportReport {
  return { kind, tables: [], projects: 0, indicators: 0, departmentPlans: 0, issues: [] };
}

/** The issues of a given level, in order. */
export function issuesOf(report: ImportReport, level: IssueLevel): string[] {
  return report.issues.filter((i) => i.level === level).map((i) => i.message);
}

/** Reads an .xlsx or .docx: never throws; the bytes are only read. */
export async function importFile(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const progress = new Progress(PROGRESS_TOTAL, options.onProgress, options.signal);
  let report = emptyReport(null);
  try {
    progress.check();
    const sniffed = await sniffFile(bytes, options.fileName);
    if (!sniffed.ok) return { ok: false, message: sniffed.message, report };
    report = emptyReport(sniffed.kind);
    await progress.to(5);
    let sheets: Sheet[];
    try {
      if (sniffed.kind === 'xlsx') {
        const workbook = await loadWorkbook(bytes);
        await progress.to(35);
        const { sheets: read, hiddenSheets } = await worksheetsOf(workbook, () => progress.yieldNow());
        for (const name of hiddenSheets) report.issues.push({ level: 'info', message: m.hiddenSheet(name) });
        sheets = read;
      } else {
        const xml = await documentXml(sniffed.zip);
        await progress.to(20);
        sheets = xml === null ? [] : documentSheets(xml);
      }
    } catch (e) {
      if (e instanceof ImportCancelled) throw e;
      return { ok: false, message: m.corrupt(e instanceof Error ? e.message : String(e)), report };
    }
    await progress.to(45);
    return await readSheets(sheets, sniffed.kind, report, options, progress, 45);
  } catch (e) {
    if (e instanceof ImportCancelled) return { ok: false, message: m.cancelled, report, cancelled: true };
    return { ok: false, message: m.readFailed(e instanceof Error ? e.message : String(e)), report };
  }
}

/**
 * Rows of text (cells pasted from Excel or WPS, split at tabs and line ends) read as one table by its headers, or as
 * one of the product's forms when it is one.
 */
export async function importRows(rows: readonly (readonly string[])[], options: ImportOptions = {}): Promise<ImportResult> {
  const progress = new Progress(PROGRESS_TOTAL, options.onProgress, options.signal);
  const report = emptyReport('rows');
  const cells: (SheetCell | undefined)[][] = rows.map((row) => row.map((text) => (text === '' ? undefined : { text })));
  const sheet: Sheet = {
    name: m.pastedTable,
    source: 'docx',
    rows: cells,
    hidden: rows.map(() => false),
    merges: [],
    place: (row, col) => `${m.rowPlace(row + 1)}${col === undefined ? '' : ` ${m.docxColumn(col + 1)}`}`,
  };
  try {
    return await readSheets([sheet], 'rows', report, options, progress, 0);
  } catch (e) {
    if (e instanceof ImportCancelled) return { ok: false, message: m.cancelled, report, cancelled: true };
    return { ok: false, message: m.readFailed(e instanceof Error ? e.message : String(e)), report };
  }
}

/** The scheme a table's levels are read into: as asked, else B when its 一级 include 成本指标, else the default. */
function schemeFor(view: SheetView, options: ImportOptions): IndicatorScheme {
  const asked = options.schemeId ? getScheme(options.schemeId) : undefined;
  if (asked) return asked;
  const texts: string[] = [];
  for (let r = 0; r < view.rowCount; r++) {
    const first = view.rowTexts(r, true);
    for (const t of first) if (/成本指标/.test(t.text) && t.text.length <= 12) texts.push(t.text);
  }
  // 成本指标 merged down over 二级 cells of its own (经济成本指标 …) is scheme B's 一级
  const costAsLevel1 = namesCostAsLevel1(texts) && sheetHasLevel2Under(view, '成本指标');
  return costAsLevel1 ? SCHEME_B : (getScheme(DEFAULT_SCHEME_ID) ?? SCHEME_A);
}

/** Whether a 成本 cell is merged down beside cells naming 经济成本 / 社会成本 / 生态环境成本. */
function sheetHasLevel2Under(view: SheetView, label: string): boolean {
  for (let r = 0; r < view.rowCount; r++) {
    for (const t of view.rowTexts(r, true)) {
      if (!t.text.startsWith(label)) continue;
      const right = view.shown(r, t.col + 1);
      if (/经济成本|社会成本|生态环境成本/.test(right)) return true;
    }
  }
  return false;
}

async function readSheets(
  sheets: readonly Sheet[],
  kind: ImportReport['kind'],
  report: ImportReport,
  options: ImportOptions,
  progress: Progress,
  from: number,
): Promise<ImportResult> {
  const say = (level: IssueLevel, message: string) => report.issues.push({ level, message });
  const nonEmpty = sheets.filter((s) => s.rows.some((row) => row.some((c) => c !== undefined && c.text.trim() !== '')));
  if (nonEmpty.length === 0) return { ok: false, message: kind === 'docx' ? m.emptyDocument : m.emptyWorkbook, report };
  for (const sheet of sheets) if (!nonEmpty.includes(sheet) && sheet.source === 'xlsx') say('info', m.emptySheet(sheet.name));

  const reads: TableRead[] = [];
  // a table of labels without a header, waiting to be the block of the table after it
  let earlier: { block: Block; where: string; issue: number } | null = null;
  const totalRows = nonEmpty.reduce((n, s) => n + s.rows.length, 0) || 1;
  let rowsBefore = 0;
  const span = 90 - from;
  for (const sheet of nonEmpty) {
    const view = new SheetView(sheet);
    const scheme = schemeFor(view, options);
    const ctx: TableContext = {
      view,
      scheme,
      report: say,
      tick: (row) => progress.to(from + Math.floor(((rowsBefore + row) / totalRows) * span)),
      ...(options.chosenMappings ? { chosenMappings: options.chosenMappings } : {}),
    };
    const startedAt = report.issues.length;
    const detected = detectForm(view);
    let read: TableRead | null = null;
    if (detected && 'unsupported' in detected) say('warning', m.unsupportedForm(sheetLabel(view), detected.unsupported));
    else if (detected) read = await readProductForm(detected.form, ctx);
    else {
      read = await readByHeaders(ctx, earlier?.block ?? null);
      if (read && earlier) report.issues[earlier.issue] = { level: 'info', message: m.blockFromTable(earlier.where, read.where) };
      earlier = null;
      if (!read) {
        const block = tableAsBlock(view);
        if (block) earlier = { block, where: sheetLabel(view), issue: report.issues.length };
        say('warning', m.noHeader(sheetLabel(view)));
      }
    }
    if (read || detected) earlier = null;
    if (read) {
      if (scheme.id !== (getScheme(DEFAULT_SCHEME_ID) ?? SCHEME_A).id && !options.schemeId) say('info', m.schemeB);
      reads.push(read);
      report.issues.splice(startedAt, 0, { level: 'info', message: m.readAs(read.where, read.how) });
    }
    rowsBefore += sheet.rows.length;
    await progress.to(from + Math.floor((rowsBefore / totalRows) * span));
  }

  const errors = report.issues.filter((i) => i.level === 'error').length;
  if (errors > 0) return { ok: false, message: m.blocked(errors), report: summarise(report, reads) };
  const found = reads.reduce((n, r) => n + r.projects.length + r.plans.length, 0);
  if (found === 0) {
    const reasons = report.issues.filter((i) => i.level === 'warning').map((i) => i.message);
    return { ok: false, message: reasons.length === 1 ? reasons[0] : m.nothingRead, report: summarise(report, reads) };
  }
  const built = buildDocument(reads, { ...options, now: options.now ?? new Date().toISOString() }, say);
  const fileName = options.fileName?.split(/[\\/]/).pop() ?? '';
  const document = built && fileName !== '' ? { ...built, note: m.sourceNote(fileName) } : built;
  if (!document) return { ok: false, message: m.blocked(report.issues.filter((i) => i.level === 'error').length), report: summarise(report, reads) };
  const valid = validateExchange(document);
  if (!valid.ok) {
    for (const p of valid.problems) say('error', p.message);
    return { ok: false, message: m.invalidPackage(valid.problemCount), report: summarise(report, reads) };
  }
  await progress.to(PROGRESS_TOTAL);
  return { ok: true, document: valid.document, report: summarise(report, reads) };
}

function summarise(report: ImportReport, reads: readonly TableRead[]): ImportReport {
  report.tables = reads.map((r) => ({
    where: r.where,
    how: r.how,
    projects: r.projects.length,
    indicators: r.projects.reduce((n, p) => n + p.indicators.length, 0) + r.plans.reduce((n, p) => n + p.indicators.length, 0),
    departmentPlans: r.plans.length,
    ...(r.columns ? { columns: r.columns } : {}),
  }));
  report.projects = report.tables.reduce((n, t) => n + t.projects, 0);
  report.indicators = report.tables.reduce((n, t) => n + t.indicators, 0);
  report.departmentPlans = report.tables.reduce((n, t) => n + t.departmentPlans, 0);
  return report;
}
