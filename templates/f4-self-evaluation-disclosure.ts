// F4 部门预算项目绩效自评情况公开表 — longgang 2019 附件2-3 (domain.md §7): one row per project, 28 columns.
import Decimal from 'decimal.js';
import { recordRow, tableLayout, type Cell, type ColumnNode, type FormLayout, type Row } from '../shared/forms/layout';
import { indicatorContent, joinItems, targetText } from '../shared/indicator-text';
import { fundingTotal, nonFiscalTotal, type Indicator, type IndicatorResult, type Project, type SelfAssessment, type Unit } from '../shared/model';
import { fenToNumber } from '../shared/money';
import { schemeOf, type DisclosureColumn, type IndicatorScheme } from '../shared/schemes';
import { executionRate } from '../shared/scoring';
import { actualText } from './grid';
import { headUnit, requireProjects } from './scope';
import type { FormRequest, FormTemplate } from './template';

/**
 * The seven 二级 columns of the form. Which column a 二级 is printed in is the scheme's data (Level2Def.disclosure):
 * 二级 the form has no column for go where the 2019 units put them, 成本 with 经济效益, 可持续影响 with 社会效益.
 */
const LEVEL2_COLUMNS = (
  [
    { key: 'quantity', title: '数量指标' },
    { key: 'quality', title: '质量指标' },
    { key: 'timeliness', title: '时效指标' },
    { key: 'economic', title: '经济效益指标' },
    { key: 'social', title: '社会效益指标' },
    { key: 'ecological', title: '生态效益指标' },
    { key: 'satisfaction', title: '服务对象满意度指标' },
  ] satisfies { key: DisclosureColumn; title: string }[]
  // the record keys of the column pair, built once rather than for every project row
).map((c) => ({ ...c, targetKey: `${c.key}.target`, actualKey: `${c.key}.actual` }));

/** The 年度指标内容 / 完成情况 pair under one 二级 column's title. */
const pair = (key: DisclosureColumn): ColumnNode => {
  const col = LEVEL2_COLUMNS.find((c) => c.key === key)!;
  return {
    title: col.title,
    children: [
      { title: '年度指标内容', key: col.targetKey, width: 14 },
      { title: '完成情况', key: col.actualKey, width: 14 },
    ],
  };
};

function columns(year: number): ColumnNode[] {
  return [
    { title: '序号', key: 'no', width: 4, align: 'center' },
    { title: '单位名称', key: 'unit', width: 8, align: 'center' },
    { title: '项目名称', key: 'name', width: 12 },
    { title: '是否政府投资项目（是/否）', key: 'gov', width: 7, align: 'center' },
    { title: '项目年度预算金额', key: 'budget', width: 10, kind: 'money' },
    {
      title: '实际支出金额',
      children: [
        { title: '合计', key: 'spent', width: 10, kind: 'money' },
        {
          title: '其中：财政拨款',
          children: [
            { title: '一般公共预算', key: 'spentGeneral', width: 10, kind: 'money' },
            { title: `政府性基金预算（含${year}年政府专项债券资金）`, key: 'spentFund', width: 12, kind: 'money' },
          ],
        },
        { title: '非财政拨款资金', key: 'spentOther', width: 8, kind: 'money' },
      ],
    },
    { title: '预算支出执行率', key: 'rate', width: 10, kind: 'percent' },
    { title: '年初绩效目标', key: 'goal', width: 24 },
    { title: '绩效目标整体完成情况', key: 'overall', width: 22 },
    { title: '产出目标', children: (['quantity', 'quality', 'timeliness'] as const).map(pair) },
    { title: '效益目标', children: (['economic', 'social', 'ecological'] as const).map(pair) },
    { title: '满意度指标', children: [pair('satisfaction')] },
    { title: '项目执行中存在的问题', key: 'problems', width: 10 },
    { title: '整改情况', key: 'rectification', width: 10 },
  ];
}

/** 分 as 万元. Plain division is exact here: both operands are exact integers, so the quotient is rounded once to the
 * nearest double, the same number the Decimal quotient converts to. */
const wan = (fen: number): number => fenToNumber(fen, '万元');

/** The rate as a ratio rounded half up to 4 places, so the sheet shows exactly the computed percentage. */
function rateValue(project: Project): number | null {
  const sa = project.selfAssessment;
  if (!sa) return null;
  // the rate scoring uses; no 全年预算数, no rate (an empty cell, not 0.00%)
  const budget = budgetOf(sa);
  if (budget === 0) return null;
  const spent = spentOf(sa);
  // in integers while they stay exact (spent up to about 4.5e11 分): spent / budget in units of 0.0001, rounded half
  // up — the number the Decimal route gives, its 20 significant digits being exact enough at these sizes
  const twice = 20_000 * spent + budget;
  if (budget > 0 && Number.isInteger(spent) && spent >= 0 && Number.isSafeInteger(twice)) {
    const units = (twice - (twice % (2 * budget))) / (2 * budget);
    return units / 10_000;
  }
  return executionRate(budget, spent).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toNumber();
}

/** 项目年度预算金额 and 实际支出金额 合计: this year's funds and 上年结转资金, the amounts the execution rate is of. */
const budgetOf = (sa: SelfAssessment) => fundingTotal(sa.budgetAdjusted) + (sa.carriedOver?.budgetAdjusted ?? 0);
const spentOf = (sa: SelfAssessment) => fundingTotal(sa.spent) + (sa.carriedOver?.spent ?? 0);

/** A value and nothing else ("100.00%", "240人", "26个"): in a cell of several it says nothing without its name. */
const BARE_VALUE = /^[-+]?\d+(\.\d+)?\s*[^\d\s，。；,;.]{0,4}$/;

/** Where each 二级 code of a scheme is printed, and whether under a title that is not its own, made once per scheme. */
const PLACES = new WeakMap<IndicatorScheme, ReadonlyMap<string, { column: DisclosureColumn; foreign: boolean }>>();
function placesOf(scheme: IndicatorScheme): ReadonlyMap<string, { column: DisclosureColumn; foreign: boolean }> {
  let places = PLACES.get(scheme);
  if (!places) {
    const made = new Map<string, { column: DisclosureColumn; foreign: boolean }>();
    for (const l1 of scheme.level1) {
      for (const l2 of l1.level2) {
        made.set(l2.code, { column: l2.disclosure, foreign: LEVEL2_COLUMNS.find((c) => c.key === l2.disclosure)?.title !== l2.label });
      }
    }
    PLACES.set(scheme, (places = made));
  }
  return places;
}

/**
 * The two texts of each 二级 column for a project: targets and results, each joined in indicator order. The 2019
 * form's wording is kept (a 定量 target reads name + value, a 定性 one is its own sentence, a result is as written,
 * a number with its unit), and an item is named where a reader could not tell what it is: an indicator from a 二级 the
 * column is not titled for ("办公设备成本：…" under 经济效益), and a bare value among several in one cell.
 */
export function level2Cells(project: Project, scheme: IndicatorScheme): Map<DisclosureColumn, { target: string; actual: string }> {
  const places = placesOf(scheme);
  const results = project.selfAssessment?.results;
  const byColumn = new Map<DisclosureColumn, { ind: Indicator; foreign: boolean }[]>();
  for (const ind of project.indicators) {
    const place = places.get(ind.level2);
    if (!place) continue;
    const items = byColumn.get(place.column);
    if (items) items.push({ ind, foreign: place.foreign });
    else byColumn.set(place.column, [{ ind, foreign: place.foreign }]);
  }
  // plain loops and no closure per item: this runs for every project of a city-wide form
  const cells = new Map<DisclosureColumn, { target: string; actual: string }>();
  for (const [column, items] of byColumn) {
    const several = items.length > 1;
    const targets: string[] = [];
    const actuals: string[] = [];
    for (const { ind, foreign } of items) {
      targets.push(foreign && ind.direction === '定性' ? namedItem(ind, targetText(ind)) : indicatorContent(ind));
      const text = actualText(ind, resultOf(results, ind.id));
      actuals.push(foreign || (several && BARE_VALUE.test(text)) ? namedItem(ind, text) : text);
    }
    cells.set(column, { target: joinItems(targets), actual: joinItems(actuals) });
  }
  return cells;
}

/** "名称：text", or nothing for an empty text. */
function namedItem(ind: Indicator, text: string): string {
  return text === '' ? '' : `${ind.name}：${text}`;
}

function resultOf(results: readonly IndicatorResult[] | undefined, indicatorId: string): IndicatorResult | undefined {
  if (results) for (const r of results) if (r.indicatorId === indicatorId) return r;
  return undefined;
}

function projectRow(columnsSpec: FormLayout['columns'], project: Project, index: number, unit: Unit | undefined): Row {
  const sa = project.selfAssessment;
  const values: Record<string, Cell['value']> = {
    no: index + 1,
    unit: unit ? (unit.shortName ?? unit.name) : '',
    name: project.name,
    gov: project.governmentInvestment ? '是' : '否',
    budget: wan(sa ? budgetOf(sa) : fundingTotal(project.funding)),
    spent: sa ? wan(spentOf(sa)) : null,
    spentGeneral: sa ? wan(sa.spent.generalPublic) : null,
    // the form has no 国有资本经营预算 column; it is 财政拨款 too, so it joins the second 财政拨款 column and 合计 stays whole
    spentFund: sa ? wan(sa.spent.governmentFund + sa.spent.stateCapital) : null,
    spentOther: sa ? wan(nonFiscalTotal(sa.spent)) : null,
    rate: rateValue(project),
    goal: project.annualGoal,
    overall: sa?.overallResult ?? '',
    problems: sa?.problems ?? '',
    rectification: sa?.rectification ?? '',
  };
  const cells = level2Cells(project, schemeOf(unit));
  for (const col of LEVEL2_COLUMNS) {
    const cell = cells.get(col.key);
    values[col.targetKey] = cell?.target ?? '';
    values[col.actualKey] = cell?.actual ?? '';
  }
  return recordRow(columnsSpec, values);
}

export const f4SelfEvaluationDisclosure: FormTemplate = {
  id: 'F4',
  title: '部门预算项目绩效自评情况公开表',
  perProject: false,
  subject: 'projects',
  build(request: FormRequest): FormLayout[] {
    const projects = requireProjects(request);
    const head = headUnit(request);
    const units = new Map(request.data.units.map((u) => [u.id, u]));
    const layout = tableLayout({
      name: '附件2-3',
      headerLines: [
        { kind: 'formNumber', text: request.formNumber ?? '附件2-3：' },
        { kind: 'title', text: `${request.year}年度${head.shortName ?? head.name}部门预算项目绩效自评情况公开表` },
        { kind: 'fields', left: `部门名称（盖章）：${head.name}`, right: '单位：万元' },
      ],
      columns: columns(request.year),
      body: (cols) => projects.map((p, i) => projectRow(cols, p, i, units.get(p.unitId))),
      page: { paper: 'A3', orientation: 'landscape', fitToWidth: true, repeatHeaderRows: true, marginsMm: { top: 15, right: 10, bottom: 15, left: 10 } },
      font: { bodySize: 9 },
    });
    return [layout];
  },
};
