// Any other table, read by its headers (shared/import/columns.ts): the header row is found among the first rows (a
// multi-row header through its merges), a 申报表 block above it gives the project's name, units, funds and goal, and
// the rows below give indicators — one project per sheet, or many projects in one list by a 项目名称 column. Hidden
// rows, totals and the notes under a table are left out and said so.
import type { Field, FieldValue, IndicatorDraft, MoneyField, RowContext } from './columns';
import { fieldsOfHeader, fieldText, hasIndicators, indicatorFromRow, mappingKey, MONEY_FIELDS, recogniseColumns, withChosenFields } from './columns';
import { looksCoded } from './coded';
import type { MoneyUnit } from './amounts';
import { moneyUnitIn } from './amounts';
import {
  amountOf,
  fundingFromParts,
  hasAmount,
  labelledValue,
  moneyUnitOfLines,
  newProject,
  withoutDraftMark,
  yearIn,
  type ProjectDraft,
  type TableRead,
  type UnitRef,
} from './drafts';
import { importMessages as m } from './import-messages';
import { levelKey } from './levels';
import { codedIndicators, sheetLabel, type TableContext } from './product-forms';
import { normLabel, rangeText, type SheetView } from './sheet';

/** Rows under a table that are its notes or signatures, not data. */
const NOTES = /^(?:注|备注|说明|填表说明|填报说明|填报人|填表人|制表人?|审核人?|负责人|联系人|联系电话|单位负责人|财务负责人|分管领导)\s*(?:[:：.．、\d１-９(（]|$)/;
/** Rows that sum the others. */
const TOTALS = new Set(['合计', '总计', '小计', '总合计', '合计数']);
/** How far down a header is looked for. */
const HEADER_SEARCH_ROWS = 80;

interface Header {
  top: number;
  bottom: number;
}

/** The fields a row's cells name as headers, each cell read alone. */
function headerFields(view: SheetView, r: number): Set<Field> {
  const fields = new Set<Field>();
  for (const { text } of view.rowTexts(r, true)) {
    const f = fieldsOfHeader(text)[0];
    if (f && f !== 'serial' && f !== 'year') fields.add(f);
  }
  return fields;
}

function looksLikeHeader(fields: Set<Field>): boolean {
  const indicators = fields.has('name') || fields.has('content') || fields.has('coded') || fields.has('target') || fields.has('level2');
  const projects = fields.has('projectName') && ([...MONEY_FIELDS, 'annualGoal'] as Field[]).some((f) => fields.has(f));
  return (indicators || projects) && fields.size >= 2;
}

/** Whether any cell of the row holds a number: a header row holds none. */
function hasNumber(view: SheetView, r: number): boolean {
  return view.rowTexts(r, true).some((t) => view.cell(r, t.col)?.number !== undefined || /^[-+]?\d+(\.\d+)?%?$/.test(t.text));
}

/** The best header row among the first rows, widened to the rows its merged cells span. */
function findHeader(view: SheetView): Header | null {
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < Math.min(view.rowCount, HEADER_SEARCH_ROWS); r++) {
    if (view.sheet.hidden[r] || hasNumber(view, r)) continue;
    const fields = headerFields(view, r);
    // a row of labels and values ("项目名称 | X | 年度资金总额 | 36万元") is a 申报表's block, not a header
    const texts = view.rowTexts(r, true);
    const named = texts.filter((t) => fieldsOfHeader(t.text).length > 0).length;
    if (named * 2 <= texts.length && named < 4) continue;
    if (looksLikeHeader(fields) && fields.size > bestScore) {
      best = r;
      bestScore = fields.size;
    }
  }
  if (best < 0) return null;
  let top = best;
  let bottom = best;
  // header cells merged down: the rows they span are header rows too, while those rows hold headers and no numbers
  for (;;) {
    const next = bottom + 1;
    if (next >= view.rowCount) break;
    let mergedDown = false;
    for (let c = 0; c < view.columnCount && !mergedDown; c++) {
      const merge = view.mergeAt(bottom, c);
      if (merge && merge.top >= top && merge.top <= bottom && merge.bottom >= next && fieldsOfHeader(view.shown(bottom, c)).length > 0) mergedDown = true;
    }
    if (!mergedDown || hasNumber(view, next) || headerFields(view, next).size === 0) break;
    bottom = next;
  }
  // a header cell above merged down into the header row: that row is part of the header
  while (top > 0) {
    const prev = top - 1;
    let mergedInto = false;
    for (let c = 0; c < view.columnCount && !mergedInto; c++) {
      const merge = view.mergeAt(top, c);
      if (merge && merge.top === prev && fieldsOfHeader(view.shown(prev, c)).length > 0) mergedInto = true;
    }
    if (!mergedInto) break;
    top = prev;
  }
  return { top, bottom };
}

export interface Block {
  values: Partial<Record<Field, FieldValue>>;
  /** money units the block's labels state ("项目资金（万元）") */
  moneyUnit: MoneyUnit | null;
  lines: string[];
}

/** An exact label of the 申报表 block (no loose matching: a title "…绩效目标申报表" is no label). */
function blockField(text: string): Field | null {
  const fields = fieldsOfHeader(text);
  const exact = fields.length > 0 && normLabel(text).length <= 16 && !/表$/.test(normLabel(text));
  return exact ? fields[0] : null;
}

/** The rows above the header: title lines and "label | value" pairs of a 申报表, also "label：value" in one cell. */
function readBlock(view: SheetView, top: number): Block {
  const values: Partial<Record<Field, FieldValue>> = {};
  const lines: string[] = [];
  let moneyUnit: MoneyUnit | null = null;
  for (let r = 0; r < top; r++) {
    if (view.sheet.hidden[r]) continue;
    const texts = view.rowTexts(r, true);
    texts.forEach((t, i) => {
      lines.push(t.text);
      const inline = /^([^:：]{2,16})[:：]\s*(.+)$/s.exec(t.text);
      if (inline && moneyUnitIn(t.text) === null) {
        const field = blockField(inline[1].replace(/[（(]盖章[）)]$/, ''));
        if (field && values[field] === undefined) values[field] = { text: inline[2].trim(), where: view.sheet.place(r, t.col) };
        return;
      }
      const field = blockField(t.text);
      if (!field) return;
      moneyUnit ??= moneyUnitIn(t.text);
      const next = texts[i + 1];
      if (!next || blockField(next.text) !== null) return;
      if (values[field] === undefined) values[field] = { text: next.text, cell: view.cell(r, next.col), where: view.sheet.place(r, next.col) };
    });
  }
  return { values, moneyUnit, lines };
}

const YES = /^(是|√|✓|✔|y|yes|true|1)$/i;

/**
 * A table without a header of its own, as the label block of the table after it: a Word 申报表 often puts the
 * project's labels in one table and its indicators in the next.
 */
export function tableAsBlock(view: SheetView): Block | null {
  const block = readBlock(view, view.rowCount);
  return block.values.projectName ? block : null;
}

/** The block above the header, with what an earlier table without a header gave where this one says nothing. */
function withEarlier(block: Block, earlier: Block | null): Block {
  if (!earlier) return block;
  return { values: { ...earlier.values, ...block.values }, moneyUnit: block.moneyUnit ?? earlier.moneyUnit, lines: [...earlier.lines, ...block.lines] };
}

/**
 * Reads a table by its headers; null when no header is found. `earlier`: the label block of a table just before it
 * that had no header (tableAsBlock).
 */
export async function readByHeaders(ctx: TableContext, earlier: Block | null = null): Promise<TableRead | null> {
  const { view, report } = ctx;
  const header = findHeader(view);
  if (!header) return null;
  const headerRows: string[][] = [];
  for (let r = header.top; r <= header.bottom; r++) headerRows.push(Array.from({ length: view.columnCount }, (_, c) => view.shown(r, c)));
  const samples: string[][] = [];
  for (let r = header.bottom + 1; r < Math.min(view.rowCount, header.bottom + 21); r++) samples.push(Array.from({ length: view.columnCount }, (_, c) => view.shown(r, c)));
  const recognised = recogniseColumns(headerRows, samples);
  const key = mappingKey(recognised.columns);
  const chosen = ctx.chosenMappings?.[key];
  const mapping = chosen ? withChosenFields(recognised, chosen) : recognised;
  const f = mapping.fields;
  if (!hasIndicators(mapping) && f.projectName === undefined) return null;
  const columns = { key, headers: recognised.columns.map((c) => c.header), recognised: recognised.fields, fields: mapping.fields };
  const read: TableRead = { where: sheetLabel(view), how: m.byHeaders, projects: [], plans: [], units: [], year: null, schemeId: ctx.scheme.id, columns };

  // a cell merged from the header into the data rows hides which is which
  for (const merge of view.sheet.merges) {
    if (merge.top < header.top || merge.top > header.bottom || merge.bottom <= header.bottom) continue;
    const column = mapping.columns.slice(merge.left, merge.right + 1).find((c) => c.field !== null);
    if (column) {
      report('error', m.mergedAcrossHeader(view.sheet.place(merge.top, merge.left), rangeText(merge), column.header));
      return read;
    }
  }

  const unread = mapping.columns.filter((c) => (c.field === null && c.header !== '') || c.field === 'actual' || c.field === 'score' || c.field === 'deviationNote');
  if (unread.length > 0) report('info', m.unreadColumns(read.where, unread.map((c) => `“${c.header}”`).join('、')));

  const block = withEarlier(readBlock(view, header.top), earlier);
  const lines = block.lines;
  read.year = yearOfText(block.values.year?.text ?? '') ?? lines.map(yearIn).find((y) => y !== null) ?? null;
  const lineMoney = moneyUnitOfLines(lines);
  let assumedMoney = false;
  const moneyUnitOf = (field: MoneyField): MoneyUnit => {
    const unit = mapping.moneyUnits[field] ?? block.moneyUnit ?? lineMoney;
    if (unit) return unit;
    assumedMoney = true;
    return '万元';
  };

  const cellValue = (r: number, field: Field): FieldValue | undefined => {
    const col = f[field];
    return col === undefined ? undefined : { text: view.shown(r, col), cell: view.cell(r, col), where: view.sheet.place(r, col) };
  };

  // the body: data rows, up to the notes
  const body: number[] = [];
  let hiddenRows = 0;
  const level1Of = new Map<number, string>();
  let section = '';
  const mappedCols = mapping.columns.filter((c) => c.field !== null).length;
  for (let r = header.bottom + 1; r < view.rowCount; r++) {
    if (r % 500 === 0) await ctx.tick(r);
    if (view.isEmptyRow(r)) continue;
    if (view.sheet.hidden[r]) {
      hiddenRows++;
      continue;
    }
    const texts = view.rowTexts(r, true);
    const first = texts[0]?.text ?? view.rowTexts(r)[0]?.text ?? '';
    if (NOTES.test(first)) {
      report('info', m.notesFrom(view.sheet.place(r)));
      break;
    }
    const merge = texts.length === 1 ? view.mergeAt(r, texts[0].col) : undefined;
    if (merge && merge.top === r && merge.right - merge.left + 1 >= Math.max(2, Math.ceil((mappedCols * 2) / 3))) {
      // one text across the table: a section title ("一、产出指标") or a note
      const key = levelKey(first.replace(/^[一二三四五六七八九十]+[、.．]\s*/, '')).key;
      if (['产出', '效益', '满意度', '成本'].includes(key)) section = first.replace(/^[一二三四五六七八九十]+[、.．]\s*/, '');
      else report('info', m.sectionRow(view.sheet.place(r), first));
      continue;
    }
    const nameText = normLabel(f.projectName !== undefined ? view.shown(r, f.projectName) : '') || normLabel(f.name !== undefined ? view.shown(r, f.name) : '');
    if (TOTALS.has(nameText) || TOTALS.has(normLabel(first))) {
      report('info', m.totalRowSkipped(view.sheet.place(r), first));
      continue;
    }
    if (section !== '') level1Of.set(r, section);
    body.push(r);
  }
  if (hiddenRows > 0) report('info', m.hiddenRows(read.where, hiddenRows));

  // the rows of each project
  const groups: { key: string; unit: string; name: string; rows: number[] }[] = [];
  if (f.projectName !== undefined) {
    const byKey = new Map<string, (typeof groups)[number]>();
    let lastName = '';
    let lastUnit = '';
    for (const r of body) {
      let name = view.shown(r, f.projectName);
      let unit = f.unitName !== undefined ? view.shown(r, f.unitName) : '';
      const hasIndicator = (['name', 'content', 'coded', 'target'] as Field[]).some((x) => f[x] !== undefined && view.shown(r, f[x]!) !== '');
      if (name === '' && hasIndicator) {
        name = lastName;
        unit = unit || lastUnit;
      }
      if (name === '') {
        if (hasIndicator) report('warning', m.rowWithoutProject(view.sheet.place(r)));
        continue;
      }
      if (unit === '' && name === lastName) unit = lastUnit;
      lastName = name;
      lastUnit = unit;
      const key = `${unit}\u0000${name}`;
      let group = byKey.get(key);
      if (!group) {
        group = { key, unit, name, rows: [] };
        byKey.set(key, group);
        groups.push(group);
      }
      group.rows.push(r);
    }
  } else if (body.length > 0 || block.values.projectName) {
    groups.push({ key: '', unit: '', name: '', rows: body });
  } else {
    report('warning', m.emptyTable(read.where));
  }

  const lineUnit = labelledValue(lines, ['编制单位', '填报单位', '单位名称', '预算单位', '部门名称', '部门全称', '部门(单位)名称', '实施单位', '预算单位名称']);
  let guessed = 0;
  let codeSaid = false;
  for (const group of groups) {
    await ctx.tick(group.rows[0] ?? header.bottom);
    // a project's own fields: the first row that has one (merged cells show it on every row); a broken cell on any
    // row is reported, as it would be in a row of its own
    const firstValue = (field: Field): FieldValue | undefined => {
      let found: FieldValue | undefined;
      for (const r of group.rows) {
        const v = cellValue(r, field);
        if (!v) break;
        if (v.cell?.error || v.cell?.uncalculated) {
          if (!view.covered(r, f[field]!)) fieldText(v, report);
        } else if (!found && v.text.trim() !== '') found = v;
      }
      return found ?? (f[field] === undefined ? block.values[field] : undefined);
    };
    const text = (field: Field) => fieldText(firstValue(field), report);
    const where = view.sheet.place(group.rows[0] ?? header.top);
    let name = group.name || text('projectName');
    if (name === '') {
      name = projectNameFromLines(lines) || view.sheet.name;
      report('info', m.projectNameFromSheet(read.where, name));
    }
    const project: ProjectDraft = newProject(where, name);
    const unitName = group.unit || text('unitName') || lineUnit || '';
    // 主管部门 is the project's 业务主管部门, as the product's forms print it (templates/scope.ts competentDepartmentOf)
    const supervisor = text('supervisor');
    project.unit = unitName !== '' ? ({ name: unitName } satisfies UnitRef) : null;
    if (supervisor !== '' && supervisor !== unitName) project.competentDepartment = supervisor;
    project.annualGoal = text('annualGoal');
    project.periodGoal = text('periodGoal');
    project.overview = text('overview');
    project.basis = text('basis');
    project.governmentInvestment = YES.test(text('governmentInvestment'));
    project.key = YES.test(text('key'));
    if (!codeSaid && firstValue('projectCode')) {
      codeSaid = true;
      report('info', m.projectCodeIgnored(read.where));
    }
    if (f.year !== undefined) project.year = yearOfText(text('year'));
    const parts: Partial<Record<MoneyField, number>> = {};
    let anyMoney = false;
    for (const field of MONEY_FIELDS) {
      const v = firstValue(field);
      if (!hasAmount(v)) continue;
      anyMoney = true;
      parts[field] = amountOf(v, moneyUnitOf(field), report);
    }
    if (anyMoney) project.funding = fundingFromParts(parts, moneyUnitOf('total'), where, report);

    const rc: RowContext = { scheme: ctx.scheme, report, carry: { level1: '', level2: '' }, mapped: new Set() };
    const indicators: IndicatorDraft[] = [];
    for (const r of group.rows) {
      const sectionLevel1 = level1Of.get(r);
      if (sectionLevel1 !== undefined && rc.carry.level1 !== sectionLevel1) rc.carry = { level1: sectionLevel1, level2: '' };
      if (f.coded !== undefined) {
        const codedText = view.shown(r, f.coded);
        if (looksCoded(codedText)) indicators.push(...codedIndicators(codedText, view.sheet.place(r, f.coded), rc));
      }
      if (f.name !== undefined || f.content !== undefined) {
        const draft = indicatorFromRow((field) => cellValue(r, field), view.sheet.place(r), rc);
        if (draft) indicators.push(draft);
      }
    }
    guessed += indicators.filter((d) => d.levels === 'guessed').length;
    project.indicators = indicators;
    read.projects.push(project);
  }
  if (assumedMoney) report('warning', m.moneyUnitAssumed(read.where));
  if (guessed > 0) report('warning', m.levelGuessed(read.where, guessed));
  return read;
}

/** A year as a 年度 cell holds it: "2025", "2025年", "2025年度". */
function yearOfText(text: string): number | null {
  const t = text.trim();
  return yearIn(t) ?? (/^(?:19|20)\d{2}$/.test(t) ? Number(t) : null);
}

/** A project's name from a title such as "XX项目绩效目标申报表" / "XX项目支出绩效目标表", or ''. */
function projectNameFromLines(lines: readonly string[]): string {
  for (const line of lines) {
    const title = withoutDraftMark(line).replace(/^(?:19|20)\d{2}\s*年度?/, '');
    const match = /^(.+?)(?:支出)?绩效目标(?:申报)?表$/.exec(title);
    if (match && !/^(?:.*部门|.*单位|整体|项目|部门项目)$/.test(match[1])) return match[1].replace(/[（(].*[）)]$/, '').trim();
  }
  return '';
}
