// Header recognition: which column of a table holds which field, from its header texts ("三级指标", "指标值",
// "度量单位", "年度指标值", "金额（万元）" …, over one header row or several merged ones); and the reading of one row into
// an indicator through the value-text parser (shared/value-text.ts). Used by the sheet reader (shared/import/generic.ts)
// and by the paste helper, which has rows of text and no file.
import type { Direction, Indicator, IndicatorResult } from '../model';
import { formatValue, parseDirection, parseValueText } from '../value-text';
import { DEFAULT_SCHEME_ID, getScheme, SCHEME_A, type IndicatorScheme } from '../schemes';
import { moneyUnitIn, type MoneyUnit } from './amounts';
import { looksCoded } from './coded';
import { importMessages as m } from './import-messages';
import { resolveLevels, type ResolvedLevels } from './levels';
import { normLabel, type SheetCell } from './sheet';

export type IndicatorField =
  | 'level1'
  | 'level2'
  | 'name'
  /** name and value in one text ("文书档案整理时间≤90天", F4's 年度指标内容) */
  | 'content'
  | 'direction'
  | 'target'
  | 'periodTarget'
  | 'unit'
  | 'weight'
  | 'core'
  | 'explanation'
  | 'actual'
  | 'score'
  | 'deviationNote'
  /** huadu's coded strings ("1、1-产出指标；11-数量指标；…") */
  | 'coded';

export type MoneyField = 'total' | 'fiscal' | 'generalPublic' | 'governmentFund' | 'stateCapital' | 'specialAccount' | 'other';

export type ProjectField =
  | 'serial'
  | 'unitName'
  | 'supervisor'
  | 'projectName'
  | 'projectCode'
  | MoneyField
  | 'annualGoal'
  | 'periodGoal'
  | 'overview'
  | 'basis'
  | 'governmentInvestment'
  | 'key'
  | 'year';

export type Field = IndicatorField | ProjectField;

export const MONEY_FIELDS: readonly MoneyField[] = ['total', 'fiscal', 'generalPublic', 'governmentFund', 'stateCapital', 'specialAccount', 'other'];
export const INDICATOR_FIELDS: readonly IndicatorField[] = [
  'level1', 'level2', 'name', 'content', 'direction', 'target', 'periodTarget', 'unit', 'weight', 'core', 'explanation', 'actual', 'score', 'deviationNote', 'coded',
];

export interface ColumnMapping {
  /** field → its column (0-based) */
  fields: Partial<Record<Field, number>>;
  /** every column with its header (the header rows' texts, top to bottom, joined by "/") and the field read from it */
  columns: { index: number; header: string; field: Field | null }[];
  /** the money unit a column's header states ("金额（万元）") */
  moneyUnits: Partial<Record<MoneyField, MoneyUnit>>;
}

/** Header texts (as normLabel gives them, without a bracketed unit) → the fields they may mean, most likely first. */
const EXACT: Record<string, readonly Field[]> = {};
function names(fields: readonly Field[], ...headers: string[]): void {
  for (const h of headers) EXACT[normLabel(h)] = fields;
}
names(['serial'], '序号', '编号', '行次');
names(['level1'], '一级指标', '一级', '一级指标名称', '指标一级');
names(['level2'], '二级指标', '二级', '二级指标名称', '指标二级', '指标类别');
names(['name'], '三级指标', '三级', '三级指标名称', '指标名称', '具体指标', '绩效指标名称', '指标项', '指标', '三级指标（指标名称）');
names(['coded', 'name'], '绩效指标');
names(['content'], '指标内容', '年度指标内容', '绩效指标内容', '指标及目标值');
names(['direction'], '指标性质', '计算符号', '符号', '运算符号', '比较符号', '指标方向', '性质', '关系符号', '指标符号');
names(['target'], '指标值', '目标值', '年度指标值', '年度目标值', '绩效指标值', '指标目标值', '预期目标值', '当年指标值', '年度绩效指标值', '标准值', '指标标准', '绩效标准', '年度指标', '指标值（年度）', '年度指标目标值');
names(['periodTarget'], '实施周期指标值', '实施期指标值', '实施周期目标值', '周期指标值', '中期指标值', '实施周期指标');
names(['unit', 'unitName'], '单位');
names(['unit'], '度量单位', '计量单位', '指标单位', '计算单位', '单位（计量）');
names(['weight'], '权重', '指标权重', '分值', '权重分值', '指标分值', '权重（分）', '分值（分）', '权重（%）', '指标权重（%）');
names(['core'], '是否核心指标', '核心指标', '是否核心', '核心', '是否为核心指标');
names(['explanation'], '指标解释', '指标说明', '指标定义', '指标解释说明', '指标解释及评分标准');
names(['actual'], '实际完成值', '完成值', '全年实际值', '实际值', '实际完成情况', '完成情况', '全年实际完成值');
names(['score'], '得分', '自评得分');
names(['deviationNote'], '偏差原因分析及改进措施', '偏差原因', '偏差原因分析', '原因分析及改进措施', '未完成原因');
names(['unitName'], '单位名称', '预算单位', '预算单位名称', '部门名称', '部门（单位）名称', '实施单位', '资金使用单位', '填报单位', '单位全称', '部门全称', '编制单位', '部门');
names(['supervisor'], '主管部门', '业务主管部门', '主管单位', '主管部门名称');
names(['projectName'], '项目名称', '项目', '专项资金名称', '项目名称（资金使用单位）', '资金名称', '项目全称', '专项名称');
names(['projectCode'], '项目编码', '项目代码', '项目编号');
names(['total'], '总计', '合计', '资金总额', '年度资金总额', '项目金额', '预算金额', '项目资金', '金额', '预算数', '年度预算', '项目年度预算金额', '当年预算', '项目总金额', '年度预算数', '预算总额', '资金合计', '总额', '项目预算', '年度资金总额：', '资金总额（合计）');
names(['fiscal'], '财政拨款', '其中：财政拨款', '财政资金', '其中：当年财政拨款', '当年财政拨款', '财政拨款资金', '财政性资金');
names(['generalPublic'], '一般公共预算', '一般公共预算资金', '一般公共预算拨款');
names(['governmentFund'], '政府性基金预算', '政府性基金', '政府性基金预算拨款');
names(['stateCapital'], '国有资本经营预算');
names(['specialAccount'], '财政专户拨款', '财政专户管理资金', '财政专户', '专户资金');
names(['other'], '其他资金', '单位资金', '其他', '自有资金', '单位自筹', '自筹资金', '其他资金（单位资金）');
names(['annualGoal'], '年度绩效目标', '绩效目标', '年度目标', '当年绩效目标', '年初绩效目标', '项目绩效目标', '年度总体目标', '总体目标', '当年整体绩效目标');
names(['periodGoal'], '实施周期目标', '实施周期绩效目标', '中长期目标', '长期目标', '实施周期总目标');
names(['overview'], '项目概况', '项目简介', '项目内容', '主要内容', '项目基本情况');
names(['basis'], '立项依据', '项目立项依据', '政策依据', '项目依据');
names(['governmentInvestment'], '是否政府投资项目', '是否政府投资项目（是/否）', '政府投资项目');
names(['key'], '是否重点项目', '重点项目');
names(['year'], '年度', '预算年度', '年份');

/** Looser readings, tried in order when no header is exact. */
const CONTAINS: readonly (readonly [RegExp, Field])[] = [
  [/^一级/, 'level1'],
  [/^二级/, 'level2'],
  [/^三级/, 'name'],
  [/指标性质|计算符号/, 'direction'],
  [/周期.*指标值/, 'periodTarget'],
  [/指标值|目标值/, 'target'],
  [/计量单位|度量单位/, 'unit'],
  [/权重|分值/, 'weight'],
  [/核心/, 'core'],
  [/指标解释|指标说明/, 'explanation'],
  [/完成值|实际值/, 'actual'],
  [/偏差/, 'deviationNote'],
  [/指标名称/, 'name'],
  [/项目名称/, 'projectName'],
  [/单位名称|预算单位/, 'unitName'],
  [/主管部门/, 'supervisor'],
  [/项目编码|项目代码/, 'projectCode'],
  [/资金总额|预算金额|项目金额|总计|预算数/, 'total'],
  [/一般公共预算/, 'generalPublic'],
  [/政府性基金/, 'governmentFund'],
  [/财政专户/, 'specialAccount'],
  [/财政拨款/, 'fiscal'],
  [/其他资金|单位资金/, 'other'],
  [/绩效目标/, 'annualGoal'],
  [/立项依据/, 'basis'],
  [/项目概况/, 'overview'],
];

/** A header without what a bracket adds to it: a money unit, "（分）", "（%）", "（是/否）". */
function withoutUnit(header: string): { text: string; money: MoneyUnit | null } {
  const money = moneyUnitIn(header);
  const text = normLabel(header).replace(/\((?:万元|元|分|%|％|是\/否|是或否|选填|必填)\)$/, '');
  return { text, money };
}

/** Words that make an amount the whole period's (中期资金总额) rather than the year's. */
const PERIOD_MONEY = /中期|实施周期|实施期|全周期/;

/** The fields a single header text may mean, most likely first; empty when it means none. */
export function fieldsOfHeader(header: string): readonly Field[] {
  const { text } = withoutUnit(header);
  if (text === '') return [];
  const exact = EXACT[text] ?? EXACT[text.replace(/^其中[:：]/, '')];
  if (exact) return exact;
  for (const [pattern, field] of CONTAINS) {
    if (!pattern.test(text)) continue;
    return (MONEY_FIELDS as readonly string[]).includes(field) && PERIOD_MONEY.test(text) ? [] : [field];
  }
  return [];
}

/** Words over a money column that make it spending or results rather than the budget. */
const NOT_BUDGET = /实际|执行数|支出金额|完成|决算/;

/**
 * Which field each column holds, from the header rows (each a row of texts, a merged header's text repeated over the
 * columns it spans, as a sheet shows it) and, where a header can mean two things ("绩效指标": coded strings or names),
 * from the first body rows. Each field goes to one column: the first that claims it.
 */
export function recogniseColumns(headerRows: readonly (readonly string[])[], sampleRows: readonly (readonly string[])[] = []): ColumnMapping {
  const width = Math.max(0, ...headerRows.map((r) => r.length));
  const parts: string[][] = [];
  for (let c = 0; c < width; c++) {
    const texts: string[] = [];
    for (const row of headerRows) {
      const t = (row[c] ?? '').trim();
      if (t !== '' && texts[texts.length - 1] !== t) texts.push(t);
    }
    parts.push(texts);
  }
  return mappingFromParts(parts, sampleRows);
}

function mappingFromParts(parts: readonly string[][], sampleRows: readonly (readonly string[])[]): ColumnMapping {
  const candidates: { col: number; fields: Field[]; money: MoneyUnit | null }[] = [];
  parts.forEach((texts, col) => {
    if (texts.length === 0) return;
    const leaf = texts[texts.length - 1];
    const context = texts.join('');
    let fields: Field[] = [...fieldsOfHeader(leaf)];
    if (fields.length === 0 && texts.length > 1) fields = [...fieldsOfHeader(context)];
    for (let i = texts.length - 2; fields.length === 0 && i >= 0; i--) fields = [...fieldsOfHeader(texts[i])];
    // 实际支出金额 / 合计 is spending, not the budget: not a field this reader fills
    if (fields.some((f) => (MONEY_FIELDS as readonly string[]).includes(f)) && NOT_BUDGET.test(context)) fields = [];
    if (fields.includes('coded')) {
      const coded = sampleRows.some((row) => looksCoded(row[col] ?? ''));
      fields = coded ? ['coded'] : fields.filter((f) => f !== 'coded');
    }
    const money = texts.map(moneyUnitIn).find((u) => u !== null) ?? null;
    candidates.push({ col, fields, money });
  });
  const fields: Partial<Record<Field, number>> = {};
  const chosen = new Map<number, Field>();
  // columns with one reading first, so "单位" beside "计量单位" is the unit's name
  for (const pass of [1, 2]) {
    for (const cand of candidates) {
      if (chosen.has(cand.col) || cand.fields.length === 0) continue;
      if (pass === 1 && cand.fields.length > 1) continue;
      const free = cand.fields.find((f) => fields[f] === undefined);
      if (free) {
        fields[free] = cand.col;
        chosen.set(cand.col, free);
      }
    }
  }
  const moneyUnits: Partial<Record<MoneyField, MoneyUnit>> = {};
  for (const cand of candidates) {
    const field = chosen.get(cand.col);
    if (field && cand.money && (MONEY_FIELDS as readonly string[]).includes(field)) moneyUnits[field as MoneyField] = cand.money;
  }
  return {
    fields,
    columns: parts.map((texts, index) => ({ index, header: texts.join('/'), field: chosen.get(index) ?? null })),
    moneyUnits,
  };
}

/** A table read by its headers: the key of its shape, its headers, the fields recognised and the fields read. */
export interface TableColumns {
  key: string;
  headers: string[];
  recognised: Partial<Record<Field, number>>;
  fields: Partial<Record<Field, number>>;
}

/** Column mappings a user chose, by the key of the table's shape (mappingKey): field → column. */
export type ChosenMappings = Readonly<Record<string, Partial<Record<Field, number>>>>;

/** The key a table's shape is remembered by (a mapping the user chose): its column headers as read, in order. */
export function mappingKey(columns: readonly { header: string }[]): string {
  return columns.map((c) => normLabel(c.header)).join('\t');
}

/** The mapping with the fields a user chose (field → column) in place of the recognised ones; other columns unread. */
export function withChosenFields(mapping: ColumnMapping, chosen: Partial<Record<Field, number>>): ColumnMapping {
  const fields: Partial<Record<Field, number>> = {};
  const byColumn = new Map<number, Field>();
  for (const [field, col] of Object.entries(chosen) as [Field, number][]) {
    if (!Number.isInteger(col) || col < 0 || col >= mapping.columns.length || byColumn.has(col)) continue;
    fields[field] = col;
    byColumn.set(col, field);
  }
  const moneyUnits: Partial<Record<MoneyField, MoneyUnit>> = {};
  for (const field of MONEY_FIELDS) {
    const col = fields[field];
    const unit = col === undefined ? null : moneyUnitIn(mapping.columns[col].header);
    if (unit) moneyUnits[field] = unit;
  }
  return { fields, columns: mapping.columns.map((c) => ({ ...c, field: byColumn.get(c.index) ?? null })), moneyUnits };
}

/** Whether a mapping can yield indicators: it names them, or holds coded strings or name-and-value texts. */
export function hasIndicators(mapping: ColumnMapping): boolean {
  const f = mapping.fields;
  return f.name !== undefined || f.coded !== undefined || f.content !== undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// One row → one indicator.

/** An indicator read from a table, without its id; `result` when the table also has year-end columns. */
export interface IndicatorDraft extends Omit<Indicator, 'id'> {
  result?: Omit<IndicatorResult, 'indicatorId'>;
  /** how its 一级 and 二级 were found */
  levels: ResolvedLevels['how'];
}

/** A field's value in a row: its text, the cell when there is one (numbers, errors), and where it is, for messages. */
export interface FieldValue {
  text: string;
  cell?: SheetCell;
  where: string;
}

export type IssueLevel = 'error' | 'warning' | 'info';

/** A problem met while reading: errors stop the import, warnings and notes are shown with what was read. */
export interface ImportIssue {
  level: IssueLevel;
  message: string;
}

export type Report = (level: IssueLevel, message: string) => void;

/** The cell's text, or an error reported when it holds a formula error or a formula without a result. */
export function fieldText(value: FieldValue | undefined, report: Report): string {
  if (!value) return '';
  if (value.cell?.error) {
    report('error', m.formulaError(value.where, value.cell.error));
    return '';
  }
  if (value.cell?.uncalculated) {
    report('error', m.uncalculated(value.where));
    return '';
  }
  return value.text.trim();
}

/** 指标性质 as tables write it: symbols and words (value-text.ts), and 正向 / 反向 / 定量 as some systems do. */
function directionOf(text: string): Direction | null | 'unknown' {
  const t = text.trim();
  if (t === '') return null;
  const d = parseDirection(t);
  if (d) return d;
  if (/^正向(指标)?$/.test(t)) return '≥';
  if (/^反向(指标)?$/.test(t)) return '≤';
  if (/^定量(指标)?$/.test(t)) return null;
  if (/^定性(指标)?$/.test(t)) return '定性';
  return 'unknown';
}

export interface TargetParts {
  direction: Direction;
  target: string;
  targetMax?: string;
  unit: string;
  targetText?: string;
}

/**
 * The target of a row from its value, 指标性质 and 计量单位 cells. With a 指标性质 the value is the number (or a
 * range "7-8"); without one the value text says everything ("≥95%", "不少于54人/次") and, where printing the parsed
 * value would not give the same text back, is kept as written (Indicator.targetText).
 */
export function targetOf(valueText: string, directionText: string, unitText: string, where: string, report: Report): TargetParts {
  const value = valueText.trim();
  const unitColumn = unitText.trim();
  let given = directionOf(directionText);
  if (given === 'unknown') {
    report('warning', m.badDirection(where, directionText.trim()));
    given = null;
  }
  if (value === '') return { direction: given ?? '定性', target: '', unit: unitColumn };
  if (given === '定性') return { direction: '定性', target: value, unit: unitColumn };
  const parsed = parseValueText(value);
  if (!parsed.quantitative) {
    if (given) report('warning', m.notANumber(where, directionText.trim(), value));
    return { direction: '定性', target: value, unit: unitColumn };
  }
  if (unitColumn !== '' && parsed.unit !== '' && unitColumn !== parsed.unit) report('warning', m.unitConflict(where, unitColumn, value));
  const unit = unitColumn !== '' ? unitColumn : parsed.unit;
  const range = parsed.valueMax !== undefined ? { targetMax: parsed.valueMax } : {};
  if (given) {
    if (parsed.direction !== '=' && parsed.direction !== given) report('warning', m.directionConflict(where, directionText.trim(), value));
    return { direction: given, target: parsed.value, ...range, unit };
  }
  const out: TargetParts = { direction: parsed.direction, target: parsed.value, ...range, unit };
  if (formatValue(out.direction, out.target, unit, out.targetMax) !== value) out.targetText = value;
  return out;
}

/**
 * A text holding a name and its value ("文书档案整理时间≤90天", "开展集中培训次数≧2") split where the value starts; a
 * text whose tail is no value (a 定性 sentence, "电脑3台，办公桌椅1批") stays whole, as its target.
 */
export function splitContent(text: string): { name: string; value: string } | null {
  const t = text.trim();
  const at = t.search(/[≥≤≧≦><=＞＜＝]|不少于|不低于|不超过|不高于|不多于|大于|小于|高于|低于|超过|达到|\d/);
  if (at <= 0) return null;
  let name = t.slice(0, at);
  const value = t.slice(at);
  if (!parseValueText(value).quantitative) return null;
  name = name.replace(/达到$/, '');
  return name.trim() === '' ? null : { name: name.trim(), value };
}

const CORE_YES = /^(是|√|✓|✔|y|yes|true|1|核心|核心指标)$/i;

/** A weight as typed: "20", "20分", "20%"; null for none. */
export function weightOf(value: FieldValue | undefined, report: Report): number | null {
  if (!value) return null;
  const n = value.cell?.number;
  if (n !== undefined && !(value.cell?.text ?? '').includes('%')) return n >= 0 && n <= 100 ? n : (report('warning', m.badWeight(value.where, String(n))), null);
  const text = fieldText(value, report).replace(/\s/g, '');
  if (text === '' || /^[-—–/]+$/.test(text)) return null;
  const match = /^(\d+(?:\.\d+)?)(?:分|%|％)?$/.exec(text);
  const w = match ? Number(match[1]) : NaN;
  if (!Number.isFinite(w) || w > 100) {
    report('warning', m.badWeight(value.where, text));
    return null;
  }
  return w;
}

export interface RowContext {
  scheme: IndicatorScheme;
  report: Report;
  /** the 一级 / 二级 texts of the rows above, for rows whose cells are empty below a value (pasted merged cells) */
  carry: { level1: string; level2: string };
  /** 二级 texts mapped to the scheme, each said once per table */
  mapped: Set<string>;
}

/**
 * One row as an indicator, or null for a row without one (nothing in the indicator columns, or content without a name,
 * which is reported). `get` gives a field's value in the row.
 */
export function indicatorFromRow(get: (field: Field) => FieldValue | undefined, rowWhere: string, ctx: RowContext): IndicatorDraft | null {
  const text = (field: Field) => fieldText(get(field), ctx.report);
  let name = text('name');
  let valueText = text('target');
  const content = text('content');
  if (content !== '') {
    if (name === '' && valueText === '') {
      const split = splitContent(content);
      if (split) {
        name = split.name;
        valueText = split.value;
      } else {
        name = content;
        valueText = content;
      }
    } else if (valueText === '') valueText = content;
    else if (name === '') name = content;
  }
  const direction = text('direction');
  const unit = text('unit');
  const level1Text = text('level1') || (name !== '' ? ctx.carry.level1 : '');
  const level2Text = text('level2') || (name !== '' ? ctx.carry.level2 : '');
  const rest = [valueText, direction, unit, text('weight'), text('periodTarget'), text('explanation')];
  if (name === '') {
    if (rest.some((t) => t !== '')) ctx.report('warning', m.rowWithoutName(rowWhere));
    return null;
  }
  ctx.carry = { level1: level1Text, level2: level2Text };
  const target = targetOf(valueText, direction, unit, get('target')?.where ?? rowWhere, ctx.report);
  const levels = resolveLevels(ctx.scheme, level1Text, level2Text, { name, unit: target.unit, direction: target.direction });
  noteLevels(levels, level1Text, level2Text, rowWhere, ctx);
  const explanation = text('explanation');
  const periodTarget = text('periodTarget');
  const draft: IndicatorDraft = {
    level1: levels.level1,
    level2: levels.level2,
    name,
    ...target,
    weight: weightOf(get('weight'), ctx.report),
    core: CORE_YES.test(text('core')),
    ...(periodTarget !== '' ? { periodTarget } : {}),
    ...(explanation !== '' ? { explanation } : {}),
    levels: levels.how,
  };
  return draft;
}

/** The messages a level resolution calls for: a name mapped to the scheme (once per name), a 一级 the 二级 contradicts. */
export function noteLevels(levels: ResolvedLevels, level1Text: string, level2Text: string, where: string, ctx: RowContext): void {
  const scheme = ctx.scheme;
  const l1 = scheme.level1.find((l) => l.code === levels.level1);
  const l2 = l1?.level2.find((l) => l.code === levels.level2);
  if (levels.how === 'mapped' && levels.given !== undefined && !ctx.mapped.has(levels.given)) {
    ctx.mapped.add(levels.given);
    if (levels.mappedLevel1 !== undefined) ctx.report('warning', m.level1Mapped(where, levels.given, l1?.label ?? levels.level1));
    else ctx.report('warning', m.level2Mapped(where, levels.given, `${l1?.label ?? ''}/${l2?.label ?? levels.level2}`));
  }
  if (levels.conflict !== undefined) ctx.report('warning', m.levelsDisagree(where, level1Text.trim(), level2Text.trim(), l1?.label ?? levels.level1));
}

export interface RowsToIndicatorsOptions {
  /** the scheme the levels are read into; default scheme A */
  schemeId?: string;
  /** names a row for messages; default "第 n 行" counted from 1 */
  where?: (row: number, col?: number) => string;
}

/**
 * Rows of text under a recognised header (pasted cells, a CSV) as indicators, in order, with what could not be read.
 * Empty rows are skipped; a 一级 or 二级 cell left empty below a value (merged cells pasted) repeats that value.
 */
export function rowsToIndicators(
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  options: RowsToIndicatorsOptions = {},
): { indicators: IndicatorDraft[]; rows: number[]; issues: ImportIssue[] } {
  const scheme = getScheme(options.schemeId ?? DEFAULT_SCHEME_ID) ?? SCHEME_A;
  const where = options.where ?? ((row: number, col?: number) => `${m.rowPlace(row + 1)}${col === undefined ? '' : ` ${m.docxColumn(col + 1)}`}`);
  const issues: ImportIssue[] = [];
  const ctx: RowContext = { scheme, report: (level, message) => issues.push({ level, message }), carry: { level1: '', level2: '' }, mapped: new Set() };
  const indicators: IndicatorDraft[] = [];
  const sourceRows: number[] = [];
  rows.forEach((row, r) => {
    const get = (field: Field): FieldValue | undefined => {
      const col = mapping.fields[field];
      return col === undefined ? undefined : { text: row[col] ?? '', where: where(r, col) };
    };
    const draft = indicatorFromRow(get, where(r), ctx);
    if (draft) {
      indicators.push(draft);
      sourceRows.push(r);
    }
  });
  const guessed = indicators.filter((d) => d.levels === 'guessed').length;
  if (guessed > 0) issues.push({ level: 'warning', message: m.levelGuessed('', guessed) });
  return { indicators, rows: sourceRows, issues };
}
