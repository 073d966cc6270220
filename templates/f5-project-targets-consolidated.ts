// F5 项目支出绩效目标表（含转移支付项目）— huadu: a 合计 row, then per unit a subtotal row followed by its projects;
// indicators printed as numbered coded strings. Every amount in a 合计 or subtotal row is summed from the projects.
import { recordRow, tableLayout, type CellValue, type ColumnSpec, type FormLayout, type Row } from '../shared/forms/layout';
import { targetText } from '../shared/indicator-text';
import { fiscalTotal, sumFunding, fundingTotal, type Funding, type Indicator, type Project, type Unit } from '../shared/model';
import { fenToNumber } from '../shared/money';
import { schemeOf, type IndicatorScheme } from '../shared/schemes';
import { formNumberLine } from './grid';
import { headUnit, requireProjects, scopeUnits } from './scope';
import type { FormRequest, FormTemplate } from './template';

/**
 * "11-数量指标" for every code of a scheme, in the wording of the scheme's coded labels (the huadu system writes
 * 经济效益, not 经济效益指标), built once per scheme: every indicator of a city-wide form prints two.
 */
const LABELS = new WeakMap<IndicatorScheme, ReadonlyMap<string, string>>();
function codedLabels(scheme: IndicatorScheme): ReadonlyMap<string, string> {
  let labels = LABELS.get(scheme);
  if (!labels) {
    const made = new Map<string, string>();
    for (const l1 of scheme.level1) {
      made.set(l1.code, `${l1.code}-${l1.label}`);
      for (const l2 of l1.level2) made.set(l2.code, `${l2.code}-${l2.codedLabel ?? l2.label}`);
    }
    LABELS.set(scheme, (labels = made));
  }
  return labels;
}

/** "1、" … "99、", made once: every indicator of a city-wide form starts with one. */
const NUMBERS = Array.from({ length: 99 }, (_, i) => `${i + 1}、`);

/** The pieces of one indicator's part of the coded string. */
const PIECES_PER_INDICATOR = 11;

/**
 * "1、1-产出指标；11-数量指标；宣讲、培训次数；实施周期指标值：大于7-8次；年度指标值：大于7-8次。2、…". The pieces go into one
 * array of the exact size and are joined once: a city-wide form builds thirty thousand of these lines, and joined
 * line by line they allocated half as much again (15 against 10 MB for 2,000 projects), all of it garbage but the text.
 */
export function codedIndicators(indicators: readonly Indicator[], scheme: IndicatorScheme): string {
  const labels = codedLabels(scheme);
  const label = (code: string) => labels.get(code) ?? `${code}-${code}`;
  const pieces = new Array<string>(indicators.length * PIECES_PER_INDICATOR);
  let k = 0;
  for (let i = 0; i < indicators.length; i++) {
    const ind = indicators[i];
    const annual = targetText(ind);
    // a project without a multi-year target states the annual one for the period too
    const period = ind.periodTarget !== undefined && ind.periodTarget !== '' ? ind.periodTarget : annual;
    pieces[k++] = NUMBERS[i] ?? `${i + 1}、`;
    pieces[k++] = label(ind.level1);
    pieces[k++] = '；';
    pieces[k++] = label(ind.level2);
    pieces[k++] = '；';
    pieces[k++] = ind.name;
    pieces[k++] = '；实施周期指标值：';
    pieces[k++] = period;
    pieces[k++] = '；年度指标值：';
    pieces[k++] = annual;
    pieces[k++] = '。';
  }
  return pieces.join('');
}

/** 分 as 万元, an empty cell for none. Plain division of exact integers is rounded once to the nearest double: the same
 * number the Decimal quotient converts to. */
const money = (fen: number): CellValue => (fen === 0 ? null : fenToNumber(fen, '万元'));

const fundingOf = (projects: readonly Project[]) => sumFunding(projects.map((p) => p.funding));

/** A row of a name and its funds by source (the values written out rather than spread in: one per project). */
function fundsRow(cols: readonly ColumnSpec[], name: string, f: Funding, more: { goal?: string; indicators?: string } = {}, bold = false): Row {
  const values: Record<string, CellValue> = {
    name,
    total: money(fundingTotal(f)),
    fiscal: money(fiscalTotal(f)),
    special: money(f.specialAccount),
    other: money(f.other),
    goal: more.goal ?? null,
    indicators: more.indicators ?? null,
  };
  return recordRow(cols, values, bold ? { bold } : {});
}

/** The 合计 row, then per unit (in print order) its subtotal row and its projects. */
function bodyRows(cols: readonly ColumnSpec[], projects: readonly Project[], units: readonly Unit[]): Row[] {
  const body: Row[] = [fundsRow(cols, '合计', fundingOf(projects), {}, true)];
  const byUnit = new Map<string, Project[]>();
  for (const p of projects) {
    const own = byUnit.get(p.unitId);
    if (own) own.push(p);
    else byUnit.set(p.unitId, [p]);
  }
  for (const unit of units) {
    const own = byUnit.get(unit.id);
    if (!own) continue;
    body.push(fundsRow(cols, unit.name, fundingOf(own), {}, true));
    const scheme = schemeOf(unit);
    for (const p of own) body.push(fundsRow(cols, p.name, p.funding, { goal: p.annualGoal, indicators: codedIndicators(p.indicators, scheme) }));
  }
  return body;
}

export const f5ProjectTargetsConsolidated: FormTemplate = {
  id: 'F5',
  title: '项目支出绩效目标表（含转移支付项目）',
  perProject: false,
  subject: 'projects',
  build(request: FormRequest): FormLayout[] {
    const projects = requireProjects(request);
    const head = headUnit(request);
    const layout = tableLayout({
      name: '项目支出绩效目标表',
      headerLines: [
        ...formNumberLine(request.formNumber),
        { kind: 'title', text: '项目支出绩效目标表（含转移支付项目）' },
        { kind: 'fields', left: `部门名称：${head.name}`, right: '单位：万元' },
      ],
      columns: [
        { title: '项目名称（资金使用单位）', key: 'name', width: 22 },
        { title: '总计', key: 'total', width: 9, kind: 'money' },
        { title: '财政拨款', key: 'fiscal', width: 9, kind: 'money' },
        { title: '财政专户拨款', key: 'special', width: 9, kind: 'money' },
        { title: '其他资金', key: 'other', width: 9, kind: 'money' },
        { title: '绩效目标', key: 'goal', width: 34 },
        { title: '绩效指标', key: 'indicators', width: 50 },
      ],
      body: (cols) => bodyRows(cols, projects, scopeUnits(request)),
      page: { paper: 'A4', orientation: 'landscape', fitToWidth: true, repeatHeaderRows: true },
      font: { bodySize: 9 },
    });
    return [layout];
  },
};
