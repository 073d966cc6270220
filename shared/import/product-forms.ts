// The product's own forms read back (templates/f1, f3, f4, f5, f7; domain.md §6–7): each is recognised by its
// header cells and read by position, so a form exported by the app comes back as the data it printed. What a form
// does not print cannot come back (F1 has no 一级/二级, F4 joins a 二级's indicators into one cell …); the readers
// take the rest from the text as the templates wrote it, and say what they had to infer.
import { OUTCOME_LABELS } from '../messages';
import { EMPTY_FUNDING, type Funding, type QualitativeOutcome } from '../model';
import { findLevel2, type DisclosureColumn, type IndicatorScheme } from '../schemes';
import { parseValueText } from '../value-text';
import { amountText, type MoneyUnit } from './amounts';
import { parseCoded } from './coded';
import { fieldText, noteLevels, splitContent, targetOf, weightOf, type ChosenMappings, type FieldValue, type IndicatorDraft, type Report, type RowContext } from './columns';
import {
  amountOf,
  fundingFromParts,
  labelledValue,
  linesAbove,
  moneyUnitOfLines,
  newProject,
  withoutDraftMark,
  yearIn,
  type PlanDraft,
  type TableRead,
  type UnitRef,
} from './drafts';
import { importMessages as m } from './import-messages';
import { resolveLevels } from './levels';
import { normLabel, type SheetView } from './sheet';

export type ProductFormId = 'F1' | 'F3' | 'F4' | 'F5' | 'F7';

export const PRODUCT_FORM_TITLES: Record<ProductFormId, string> = {
  F1: '项目支出绩效目标表',
  F3: '项目支出绩效自评表',
  F4: '部门预算项目绩效自评情况公开表',
  F5: '项目支出绩效目标表（含转移支付项目）',
  F7: '部门预算整体绩效目标表',
};

/**
 * Forms of the product that hold no targets this import makes: department plans with tasks (F2, F8), monitoring
 * rounds (F9) and review opinions (F10). Read by their headers they would pass for projects.
 */
const UNSUPPORTED_TITLES: readonly string[] = [
  '部门整体支出绩效目标表',
  '部门整体支出绩效自评表',
  '项目支出绩效目标执行监控表',
  '项目支出绩效目标执行监控汇总表',
  '绩效目标审核意见表',
];

export interface TableContext {
  view: SheetView;
  scheme: IndicatorScheme;
  report: Report;
  /** progress within the table, by row */
  tick: (row: number) => Promise<void>;
  /** column mappings the user chose, used instead of the recognised ones for tables of the same shape */
  chosenMappings?: ChosenMappings;
}

/** The normalised texts of a row, one per column (a merge's text at each column it covers). */
function norms(view: SheetView, r: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < view.columnCount; c++) out.push(normLabel(view.shown(r, c)));
  return out;
}

function startsWithTexts(view: SheetView, r: number, texts: readonly string[]): boolean {
  const row = norms(view, r);
  return texts.every((t, i) => row[i] === normLabel(t));
}

/** The first row (of the first 80) whose first cells read `texts`, or -1. */
function findRow(view: SheetView, texts: readonly string[], from = 0): number {
  for (let r = from; r < Math.min(view.rowCount, from + 80); r++) if (startsWithTexts(view, r, texts)) return r;
  return -1;
}

/** The first row at or after `from` whose first (non-empty) cell reads `label`, or -1. */
function rowLabelled(view: SheetView, label: string, from = 0, to = view.rowCount): number {
  const want = normLabel(label);
  for (let r = from; r < to; r++) if (normLabel(view.shown(r, 0)) === want) return r;
  return -1;
}

const F5_HEADER = ['项目名称（资金使用单位）', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'];
const F4_HEADER = ['序号', '单位名称', '项目名称', '是否政府投资项目（是/否）', '项目年度预算金额', '实际支出金额'];
const WEIGHTED_HEADER = ['指标权重', '计量单位', '指标性质', '指标值', '是否核心指标'];
const F3_INDICATOR_HEADER = ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值'];

export type Detected = { form: ProductFormId } | { unsupported: string } | null;

/** Which of the product's forms a table is, by its header cells (and, for the department forms, its title). */
export function detectForm(view: SheetView): Detected {
  if (findRow(view, F5_HEADER) >= 0) return { form: 'F5' };
  if (findRow(view, F4_HEADER) >= 0) return { form: 'F4' };
  const weighted = (name: string) => {
    for (let r = 0; r < Math.min(view.rowCount, 200); r++) {
      const row = norms(view, r);
      const at = row.indexOf(normLabel(name));
      if (at >= 0 && WEIGHTED_HEADER.every((t, i) => row[at + 1 + i] === normLabel(t))) return true;
    }
    return false;
  };
  if (rowLabelled(view, '专项资金名称', 0, 40) >= 0 && weighted('指标')) return { form: 'F1' };
  if (rowLabelled(view, '部门(单位)名称', 0, 40) >= 0 && weighted('指标名称')) return { form: 'F7' };
  const title = firstLine(view);
  if (rowLabelled(view, '项目名称', 0, 20) >= 0 && rowLabelled(view, '项目资金（万元）', 0, 40) >= 0 && findRow(view, F3_INDICATOR_HEADER) >= 0) return { form: 'F3' };
  const plainTitle = withoutDraftMark(title);
  const unsupported = UNSUPPORTED_TITLES.find((t) => plainTitle === t || plainTitle.endsWith(t));
  return unsupported ? { unsupported } : null;
}

/** The first text of the table's rows: the title line of a product form. */
function firstLine(view: SheetView): string {
  for (let r = 0; r < Math.min(view.rowCount, 5); r++) {
    const texts = view.rowTexts(r);
    if (texts.length > 0) return texts[0].text;
  }
  return '';
}

const value = (view: SheetView, r: number, c: number): FieldValue => ({ text: view.shown(r, c), cell: view.cell(r, c), where: view.sheet.place(r, c) });

function rowContext(ctx: TableContext): RowContext {
  return { scheme: ctx.scheme, report: ctx.report, carry: { level1: '', level2: '' }, mapped: new Set() };
}

export function sheetLabel(view: SheetView): string {
  return view.sheet.source === 'xlsx' ? m.sheetPlace(view.sheet.name) : view.sheet.name;
}

/** Reads a table detected as one of the product's forms. */
export async function readProductForm(form: ProductFormId, ctx: TableContext): Promise<TableRead> {
  const read: TableRead = { where: sheetLabel(ctx.view), how: m.ownForm(form, PRODUCT_FORM_TITLES[form]), projects: [], plans: [], units: [], year: null, schemeId: ctx.scheme.id };
  switch (form) {
    case 'F5':
      await readF5(ctx, read);
      break;
    case 'F4':
      await readF4(ctx, read);
      break;
    case 'F1':
      readF1(ctx, read);
      break;
    case 'F7':
      readF7(ctx, read);
      break;
    case 'F3':
      readF3(ctx, read);
      break;
  }
  return read;
}

// ---------------------------------------------------------------------------------------------------------------
// F5 项目支出绩效目标表（含转移支付项目）: 合计, then per unit a subtotal row (bold) and its projects, amounts in 万元,
// indicators as coded strings.

async function readF5(ctx: TableContext, read: TableRead): Promise<void> {
  const { view, report } = ctx;
  const h = findRow(view, F5_HEADER);
  const lines = linesAbove(view, h);
  const money: MoneyUnit = moneyUnitOfLines(lines) ?? '万元';
  const head = labelledValue(lines, ['部门名称']);
  read.year = lines.map(yearIn).find((y) => y !== null) ?? null;
  if (head) read.units.push({ name: head, parentName: null });
  const rc = rowContext(ctx);
  const anyBold = (() => {
    for (let r = h + 1; r < view.rowCount; r++) if (view.cell(r, 0)?.bold && view.shown(r, 0) !== '合计') return true;
    return false;
  })();
  let unit: UnitRef | null = null;
  let first = true;
  for (let r = h + 1; r < view.rowCount; r++) {
    if (r % 200 === 0) await ctx.tick(r);
    if (view.isEmptyRow(r)) continue;
    const name = view.shown(r, 0);
    if (first && name === '合计') {
      first = false;
      continue;
    }
    first = false;
    const goal = view.shown(r, 5);
    const coded = view.shown(r, 6);
    const isUnit = anyBold ? view.cell(r, 0)?.bold === true : goal === '' && coded === '' && subtotalFollows(view, r, money);
    if (isUnit) {
      unit = { name, parentName: head && head !== name ? head : null };
      read.units.push(unit);
      continue;
    }
    const where = view.sheet.place(r);
    const project = newProject(where, name);
    project.unit = unit ?? (head ? { name: head, parentName: null } : null);
    project.funding = fundingFromParts(
      {
        total: amountOf(value(view, r, 1), money, report),
        fiscal: amountOf(value(view, r, 2), money, report),
        specialAccount: amountOf(value(view, r, 3), money, report),
        other: amountOf(value(view, r, 4), money, report),
      },
      money,
      where,
      report,
    );
    project.annualGoal = fieldText(value(view, r, 5), report);
    project.indicators = codedIndicators(fieldText(value(view, r, 6), report), view.sheet.place(r, 6), rc);
    read.projects.push(project);
  }
}

/** Without bold type to go by: a row is a unit's subtotal when its total is the sum of the rows below it up to the next such row. */
function subtotalFollows(view: SheetView, r: number, money: MoneyUnit): boolean {
  const total = amountOf(value(view, r, 1), money, () => {});
  let sum = 0;
  for (let k = r + 1; k < view.rowCount; k++) {
    if (view.isEmptyRow(k)) continue;
    if (view.shown(k, 5) === '' && view.shown(k, 6) === '') break;
    sum += amountOf(value(view, k, 1), money, () => {});
  }
  return sum === total && sum > 0;
}

/** The indicators of a coded string, each through the value-text parser; what cannot be read is reported. */
export function codedIndicators(text: string, where: string, rc: RowContext): IndicatorDraft[] {
  if (text.trim() === '') return [];
  const { items, unread } = parseCoded(text);
  for (const part of unread) rc.report('warning', m.codedUnreadable(where, part.length > 60 ? `${part.slice(0, 60)}…` : part));
  return items.map((item) => {
    const target = targetOf(item.annual, '', '', where, rc.report);
    const levels = resolveLevels(rc.scheme, item.level1, item.level2, { name: item.name, unit: target.unit, direction: target.direction });
    noteLevels(levels, item.level1, item.level2, where, rc);
    return {
      level1: levels.level1,
      level2: levels.level2,
      name: item.name,
      ...target,
      weight: null,
      core: false,
      ...(item.period !== undefined && item.period !== '' ? { periodTarget: item.period } : {}),
      levels: levels.how,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// F4 部门预算项目绩效自评情况公开表: one row per project, 28 columns (domain.md §7).

const F4_COLUMNS: readonly { key: DisclosureColumn; title: string; col: number }[] = [
  { key: 'quantity', title: '数量指标', col: 12 },
  { key: 'quality', title: '质量指标', col: 14 },
  { key: 'timeliness', title: '时效指标', col: 16 },
  { key: 'economic', title: '经济效益指标', col: 18 },
  { key: 'social', title: '社会效益指标', col: 20 },
  { key: 'ecological', title: '生态效益指标', col: 22 },
  { key: 'satisfaction', title: '服务对象满意度指标', col: 24 },
];

/** A value and nothing else ("100.00%", "240人"): named in a cell of several (templates/f4 BARE_VALUE). */
const BARE_VALUE = /^[-+]?\d+(\.\d+)?\s*[^\d\s，。；,;.]{0,4}$/;

async function readF4(ctx: TableContext, read: TableRead): Promise<void> {
  const { view, report, scheme } = ctx;
  const h = findRow(view, F4_HEADER);
  const lines = linesAbove(view, h);
  const money = moneyUnitOfLines(lines) ?? '万元';
  const headName = labelledValue(lines, ['部门名称']);
  const titleLine = lines.find((l) => l.includes(PRODUCT_FORM_TITLES.F4)) ?? '';
  read.year = yearIn(titleLine) ?? yearIn(view.shown(h + 2, 7));
  const short = /(?:\d{4}\s*年度?)(.*?)部门预算项目绩效自评情况公开表/.exec(withoutDraftMark(titleLine))?.[1]?.trim() ?? '';
  const head: UnitRef | null = headName ? { name: headName, parentName: null, ...(short && short !== headName ? { shortName: short } : {}) } : null;
  if (head) read.units.push(head);
  const rc = rowContext(ctx);
  let qualitativeNamed = 0;
  for (let r = h + 3; r < view.rowCount; r++) {
    if (r % 200 === 0) await ctx.tick(r);
    if (view.isEmptyRow(r) || view.shown(r, 2) === '') continue;
    const where = view.sheet.place(r);
    const project = newProject(where, view.shown(r, 2));
    const unitText = view.shown(r, 1);
    project.unit = head && (unitText === '' || unitText === head.name || unitText === head.shortName) ? head : unitText ? { name: unitText, parentName: head?.name ?? null } : head;
    project.governmentInvestment = view.shown(r, 3) === '是';
    const budget = amountOf(value(view, r, 4), money, report);
    project.funding = { ...EMPTY_FUNDING, generalPublic: budget };
    const spent: Funding = {
      ...EMPTY_FUNDING,
      generalPublic: amountOf(value(view, r, 6), money, report),
      governmentFund: amountOf(value(view, r, 7), money, report),
      other: amountOf(value(view, r, 8), money, report),
    };
    const spentTotal = amountOf(value(view, r, 5), money, report);
    const spentSum = spent.generalPublic + spent.governmentFund + spent.other;
    if (spentTotal !== spentSum) report('warning', m.spentMismatch(where, amountText(spentTotal, money), amountText(spentSum, money)));
    project.annualGoal = fieldText(value(view, r, 10), report);
    for (const column of F4_COLUMNS) {
      const cell = disclosureIndicators(column, fieldText(value(view, r, column.col), report), fieldText(value(view, r, column.col + 1), report), scheme, view.sheet.place(r, column.col), rc);
      project.indicators.push(...cell.indicators);
      qualitativeNamed += cell.named;
    }
    const overallResult = fieldText(value(view, r, 11), report);
    const problems = fieldText(value(view, r, 26), report);
    const rectification = fieldText(value(view, r, 27), report);
    // a project printed without a year end (its budget alone) has nothing in the year-end columns
    const yearEnd = [5, 6, 7, 8, 9].some((c) => view.shown(r, c) !== '') || overallResult !== '' || problems !== '' || rectification !== '' || project.indicators.some((i) => i.result?.actual);
    if (yearEnd) {
      project.selfAssessment = { budgetInitial: { ...project.funding }, budgetAdjusted: { ...project.funding }, spent, overallResult, problems, rectification, status: 'inProgress' };
    } else {
      for (const ind of project.indicators) delete ind.result;
    }
    read.projects.push(project);
  }
  if (qualitativeNamed > 0) report('warning', m.qualitativeNamed(read.where, qualitativeNamed));
}

/** A name for a 定性 item the form prints without one: its text up to the first clause mark, at most 20 characters. */
function nameFromText(text: string): string {
  const first = text.split(/[，,。；;：:、]/)[0].trim() || text.trim();
  return first.length > 20 ? first.slice(0, 20) : first;
}

/**
 * One 二级 column pair of F4 as indicators: the items of 年度指标内容 (joined by "；") and of 完成情况 in the same
 * order. A 定量 item is name + value; a 定性 one its own sentence; "名称：…" an indicator of a 二级 the column is not
 * titled for (成本 under 经济效益, 可持续影响 under 社会效益), which the template names.
 */
function disclosureIndicators(
  column: (typeof F4_COLUMNS)[number],
  targets: string,
  actuals: string,
  scheme: IndicatorScheme,
  where: string,
  rc: RowContext,
): { indicators: IndicatorDraft[]; named: number } {
  const own = scheme.level1.flatMap((l1) => l1.level2).find((l2) => l2.disclosure === column.key && l2.label === column.title);
  const foreign = scheme.level1.flatMap((l1) => l1.level2).find((l2) => l2.disclosure === column.key && l2.label !== column.title);
  const items = splitItems(targets);
  let pieces = splitItems(actuals);
  if (items.length === 0) return { indicators: [], named: 0 };
  if (pieces.length !== items.length) {
    if (pieces.length > 0) rc.report('info', m.resultsJoined(where));
    pieces = [actuals.trim(), ...items.slice(1).map(() => '')];
  }
  let named = 0;
  const indicators = items.map((item, i): IndicatorDraft => {
    let code = own?.code ?? foreign?.code ?? '';
    let draft: Omit<IndicatorDraft, 'level1' | 'level2' | 'levels'>;
    const labelled = /^([^：]{1,40})：(.+)$/s.exec(item);
    if (foreign && labelled) {
      code = foreign.code;
      draft = { name: labelled[1].trim(), direction: '定性', target: labelled[2].trim(), unit: '', weight: null, core: false };
    } else {
      const split = splitContent(item);
      if (split) {
        draft = { name: split.name, ...targetOf(split.value, '', '', where, rc.report), weight: null, core: false };
      } else {
        named++;
        draft = { name: nameFromText(item), direction: '定性', target: item.trim(), unit: '', weight: null, core: false };
      }
    }
    let piece = pieces[i] ?? '';
    const prefix = `${draft.name}：`;
    if (piece.startsWith(prefix)) {
      const rest = piece.slice(prefix.length);
      // named although alone, or although more than a bare value: the template names only foreign items then
      if (foreign && code !== foreign.code && (items.length === 1 || !BARE_VALUE.test(rest))) code = foreign.code;
      piece = rest;
    }
    const level2 = findLevel2(scheme, code);
    return { ...draft, level1: level2?.level1.code ?? '', level2: code, levels: 'named', result: resultOf(piece, draft) };
  });
  return { indicators, named };
}

/** The items of a cell joined by "；"; an item that itself ends in "；" keeps it (the cell then holds "；；" or ends in "；"). */
function splitItems(text: string): string[] {
  const items: string[] = [];
  for (const piece of text.trim().split('；')) {
    if (piece.trim() !== '') items.push(piece.trim());
    else if (items.length > 0) items[items.length - 1] += '；';
  }
  return items;
}

const OUTCOME_BY_LABEL = new Map(Object.entries(OUTCOME_LABELS).map(([k, v]) => [v, k as QualitativeOutcome]));
const NOT_APPLICABLE = '不适用';

/** 实际完成值 as the forms print it, back to what was entered: a number without the indicator's unit, an outcome by name. */
function resultOf(text: string, ind: { direction: string; unit: string }): NonNullable<IndicatorDraft['result']> {
  const t = text.trim();
  const outcome = OUTCOME_BY_LABEL.get(t);
  if (outcome) return { actual: '', outcome };
  if (t === NOT_APPLICABLE) return { actual: '', notApplicable: { reason: '' } };
  if (ind.direction !== '定性' && ind.unit !== '' && t.endsWith(ind.unit)) {
    const number = t.slice(0, t.length - ind.unit.length);
    if (/^[-+]?\d+(\.\d+)?$/.test(number)) return { actual: number };
  }
  return { actual: t };
}

// ---------------------------------------------------------------------------------------------------------------
// F1 项目支出绩效目标表 (yubei 表17) and F7 部门预算整体绩效目标表 (yubei 表十五): label rows, then the weighted
// indicators 指标名称 / 指标权重 / 计量单位 / 指标性质 / 指标值 / 是否核心指标; amounts in 元.

/** The weighted indicator rows under the header row `h` (label column 0, name at 1), to the end of the table. */
function weightedIndicators(ctx: TableContext, h: number): { indicators: IndicatorDraft[]; guessed: number } {
  const { view, report } = ctx;
  const rc = rowContext(ctx);
  const indicators: IndicatorDraft[] = [];
  let guessed = 0;
  for (let r = h + 1; r < view.rowCount; r++) {
    if (view.isEmptyRow(r)) continue;
    if (normLabel(view.shown(r, 0)) !== normLabel(view.shown(h, 0))) break;
    const name = fieldText(value(view, r, 1), report);
    if (name === '') continue;
    const target = targetOf(fieldText(value(view, r, 5), report), fieldText(value(view, r, 4), report), fieldText(value(view, r, 3), report), view.sheet.place(r, 5), report);
    const levels = resolveLevels(rc.scheme, '', '', { name, unit: target.unit, direction: target.direction });
    if (levels.how === 'guessed') guessed++;
    indicators.push({
      level1: levels.level1,
      level2: levels.level2,
      name,
      ...target,
      weight: weightOf(value(view, r, 2), report),
      core: view.shown(r, 6) === '是',
      levels: levels.how,
    });
  }
  return { indicators, guessed };
}

/** The value cell right of a label cell in a row, or ''. */
function valueRightOf(view: SheetView, r: number, label: string): FieldValue | undefined {
  const texts = view.rowTexts(r);
  const at = texts.findIndex((t) => normLabel(t.text) === normLabel(label));
  if (at < 0) return undefined;
  const next = texts[at + 1];
  const merge = view.mergeAt(r, texts[at].col);
  const col = merge ? merge.right + 1 : texts[at].col + 1;
  if (next && next.col === col) return value(view, r, col);
  return { text: '', cell: undefined, where: view.sheet.place(r, col) };
}

function readF1(ctx: TableContext, read: TableRead): void {
  const { view, report } = ctx;
  const top = rowLabelled(view, '专项资金名称');
  const lines = linesAbove(view, top);
  const money = moneyUnitOfLines(lines) ?? '元';
  const title = withoutDraftMark(lines.find((l) => l.includes('项目绩效目标表')) ?? '');
  const where = view.sheet.place(top);
  const project = newProject(where, view.shown(top, 1));
  const unitName = labelledValue(lines, ['编制单位']);
  project.unit = unitName ? { name: unitName } : null;
  project.year = yearIn(title);
  read.year = project.year;
  project.key = /重点项目绩效目标表$/.test(title);
  // the form prints the unit itself where the project names no 业务主管部门 and the unit has none above it
  const department = valueRightOf(view, top, '业务主管部门');
  const competent = department ? fieldText(department, report) : '';
  if (competent !== '' && competent !== unitName) project.competentDepartment = competent;
  const budgetRow = rowLabelled(view, '当年预算', top);
  const total = budgetRow >= 0 ? amountOf(value(view, budgetRow, 1), money, report) : 0;
  const subsidyRow = budgetRow >= 0 ? budgetRow + 1 : -1;
  const subsidy = subsidyRow >= 0 ? valueRightOf(view, subsidyRow, '补助镇街（元）') : undefined;
  project.townSubsidy = subsidy ? amountOf(subsidy, money, report) : 0;
  project.funding = { ...EMPTY_FUNDING, generalPublic: total };
  const text = (label: string) => {
    const r = rowLabelled(view, label, top);
    return r >= 0 ? fieldText(value(view, r, 1), report) : '';
  };
  project.overview = text('项目概况');
  project.basis = text('立项依据');
  project.annualGoal = text('当年绩效目标');
  const h = rowLabelled(view, '绩效指标', top);
  if (h >= 0) {
    const { indicators, guessed } = weightedIndicators(ctx, h);
    project.indicators = indicators;
    if (guessed > 0) report('warning', m.levelGuessed(where, guessed));
  }
  read.projects.push(project);
}

function readF7(ctx: TableContext, read: TableRead): void {
  const { view, report } = ctx;
  const top = rowLabelled(view, '部门(单位)名称');
  const lines = linesAbove(view, top);
  const money = moneyUnitOfLines(lines) ?? '元';
  const title = withoutDraftMark(lines.find((l) => l.includes('整体绩效目标表')) ?? '');
  const where = view.sheet.place(top);
  const unitName = view.shown(top, 1) || labelledValue(lines, ['部门全称']);
  const budget = valueRightOf(view, top, '部门支出预算数');
  const goalRows: string[] = [];
  const goalTop = rowLabelled(view, '当年整体绩效目标', top);
  const h = rowLabelled(view, '绩效指标', top);
  if (goalTop >= 0) for (let r = goalTop; r < (h >= 0 ? h : view.rowCount); r++) goalRows.push(fieldText(value(view, r, 1), report));
  const plan: PlanDraft = {
    where,
    unit: unitName ? { name: unitName } : null,
    year: yearIn(title),
    expenditureBudget: budget ? amountOf(budget, money, report) : null,
    overallGoal: goalRows.filter((t) => t !== '').join('\n'),
    indicators: [],
  };
  read.year = plan.year;
  if (h >= 0) {
    const { indicators, guessed } = weightedIndicators(ctx, h);
    plan.indicators = indicators;
    if (guessed > 0) report('warning', m.levelGuessed(where, guessed));
  }
  read.plans.push(plan);
}

// ---------------------------------------------------------------------------------------------------------------
// F3 项目支出绩效自评表 (national template): 项目名称, 主管部门 / 实施单位, the 项目资金 block (万元), 年度总体目标,
// the scored indicators grouped 一级 → 二级.

function readF3(ctx: TableContext, read: TableRead): void {
  const { view, report } = ctx;
  const top = rowLabelled(view, '项目名称');
  const lines = linesAbove(view, top);
  read.year = lines.map(yearIn).find((y) => y !== null) ?? null;
  const where = view.sheet.place(top);
  const project = newProject(where, fieldText(value(view, top, 1), report));
  project.year = read.year;
  const unitRow = rowLabelled(view, '主管部门', top);
  const supervisor = unitRow >= 0 ? fieldText(value(view, unitRow, 1), report) : '';
  const unitValue = unitRow >= 0 ? valueRightOf(view, unitRow, '实施单位') : undefined;
  const unitName = unitValue ? fieldText(unitValue, report) : '';
  if (unitName !== '') project.unit = { name: unitName };
  if (supervisor !== '' && supervisor !== unitName) project.competentDepartment = supervisor;

  const fundsTop = rowLabelled(view, '项目资金（万元）', top);
  const money: MoneyUnit = '万元';
  const columnOf = (label: string) => norms(view, fundsTop).indexOf(normLabel(label));
  const cols = [columnOf('年初预算数'), columnOf('全年预算数'), columnOf('全年执行数')];
  const amountsOf = (title: string): number[] => {
    const r = findFundRow(view, fundsTop, title);
    return cols.map((c) => (r >= 0 && c >= 0 ? amountOf(value(view, r, c), money, report) : 0));
  };
  const total = amountsOf('年度资金总额');
  const fiscal = amountsOf('其中：当年财政拨款');
  const carried = amountsOf('上年结转资金');
  const other = amountsOf('其他资金');
  const fundings = [0, 1, 2].map((k): Funding => ({ ...EMPTY_FUNDING, generalPublic: fiscal[k], other: other[k] }));
  [0, 1, 2].forEach((k) => {
    const sum = fiscal[k] + carried[k] + other[k];
    if (sum !== total[k]) report('warning', m.fundingMismatch(view.sheet.place(fundsTop + 1), amountText(total[k], money), amountText(sum, money)));
  });
  project.funding = { ...fundings[0] };
  const noteRow = rowLabelled(view, '执行率偏差原因', fundsTop);
  const goalRow = rowLabelled(view, '年度总体目标', fundsTop);
  if (goalRow >= 0) {
    const expectedCol = norms(view, goalRow).indexOf(normLabel('预期目标'));
    const actualCol = norms(view, goalRow).indexOf(normLabel('实际完成情况'));
    project.annualGoal = expectedCol >= 0 ? fieldText(value(view, goalRow + 1, expectedCol), report) : '';
    const overall = actualCol >= 0 ? fieldText(value(view, goalRow + 1, actualCol), report) : '';
    project.selfAssessment = {
      budgetInitial: fundings[0],
      budgetAdjusted: fundings[1],
      spent: fundings[2],
      ...(carried.some((a) => a > 0) ? { carriedOver: { budgetInitial: carried[0], budgetAdjusted: carried[1], spent: carried[2] } } : {}),
      overallResult: overall,
      problems: '',
      rectification: '',
      ...(noteRow >= 0 ? { executionNote: fieldText(value(view, noteRow, 1), report) } : {}),
      status: 'inProgress',
    };
  }
  const h = findRow(view, F3_INDICATOR_HEADER, top);
  if (h >= 0) project.indicators = scoredIndicators(ctx, h);
  read.projects.push(project);
}

function findFundRow(view: SheetView, fundsTop: number, title: string): number {
  for (let r = fundsTop + 1; r <= fundsTop + 6 && r < view.rowCount; r++) if (normLabel(view.shown(r, 1)) === normLabel(title)) return r;
  return -1;
}

/** The scored indicator block of F3 under its header row: 一级 (with its 分值) → 二级 → 三级 and the year-end columns. */
function scoredIndicators(ctx: TableContext, h: number): IndicatorDraft[] {
  const { view, report } = ctx;
  const rc = rowContext(ctx);
  const header = norms(view, h);
  const col = (label: string) => header.indexOf(normLabel(label));
  const c = {
    level1: col('一级指标'),
    level2: col('二级指标'),
    name: col('三级指标'),
    target: col('年度指标值'),
    actual: col('实际完成值'),
    points: col('分值'),
    score: col('得分'),
    note: col('偏差原因分析及改进措施'),
  };
  const text = (r: number, k: number) => (k >= 0 ? fieldText(value(view, r, k), report) : '');
  const out: IndicatorDraft[] = [];
  for (let r = h + 1; r < view.rowCount; r++) {
    if (normLabel(view.shown(r, 0)) !== normLabel(view.shown(h, 0))) break;
    const name = text(r, c.name);
    if (name === '') continue;
    const where = view.sheet.place(r);
    const target = targetOf(text(r, c.target), '', '', view.sheet.place(r, c.target), report);
    const level1 = text(r, c.level1);
    const level2 = text(r, c.level2);
    const levels = resolveLevels(rc.scheme, level1, level2, { name, unit: target.unit, direction: target.direction });
    noteLevels(levels, level1, level2, where, rc);
    const pointsText = text(r, c.points);
    const weight = pointsText === '—' || pointsText === '' ? null : weightOf(value(view, r, c.points), report);
    const result = resultOf(text(r, c.actual), target);
    const note = text(r, c.note);
    if (result.notApplicable) result.notApplicable = { reason: note };
    else if (note !== '') result.deviationNote = note;
    const score = parseValueText(text(r, c.score));
    if (target.direction === '定性' && !result.outcome && weight !== null && weight > 0 && score.quantitative) {
      const share = Number(score.value) / weight;
      result.outcome = share >= 0.8 ? 'achieved' : share >= 0.6 ? 'partial' : 'notAchieved';
    }
    out.push({ level1: levels.level1, level2: levels.level2, name, ...target, weight, core: false, levels: levels.how, result });
  }
  return out;
}
