// F5 项目支出绩效目标表（含转移支付项目）— huadu: a 合计 row, then per unit a subtotal row followed by its projects;
// indicators printed as numbered coded strings. Every amount in a 合计 or subtotal row is summed from the projects.
import { recordRow, tableLayout, type CellValue, type ColumnSpec, type FormLayout, type Row } from '../shared/forms/layout';
import { targetText } from '../shared/indicator-text';
import { fiscalTotal, sumFunding, fundingTotal, type Funding, type Indicator, type Project, type Unit } from '../shared/model';
import { fenToNumber } from '../shared/money';
import { formNumberLine } from './grid';
import { headUnit, requireProjects, scopeUnits } from './scope';
import type { FormRequest, FormTemplate } from './template';

/** The labels this form's coded strings use (the huadu system writes 经济效益, not 经济效益指标). */
const CODE_LABELS: Readonly<Record<string, string>> = {
  '1': '产出指标', '2': '效益指标', '3': '满意度指标', '4': '成本指标',
  '11': '数量指标', '12': '质量指标', '13': '时效指标', '14': '成本指标',
  '21': '经济效益', '22': '社会效益', '23': '生态效益', '24': '可持续影响',
  '31': '服务对象满意度',
  '41': '经济成本', '42': '社会成本', '43': '生态环境成本',
};

/** "11-数量指标", built once per code: every indicator of a city-wide form prints two. */
const LABELS = new Map(Object.entries(CODE_LABELS).map(([code, text]) => [code, `${code}-${text}`]));
const label = (code: string) => LABELS.get(code) ?? `${code}-${CODE_LABELS[code] ?? code}`;

/** "1、1-产出指标；11-数量指标；宣讲、培训次数；实施周期指标值：大于7-8次；年度指标值：大于7-8次。2、…" */
export function codedIndicators(indicators: readonly Indicator[]): string {
  return indicators
    .map((ind, i) => {
      const annual = targetText(ind);
      // a project without a multi-year target states the annual one for the period too
      const period = ind.periodTarget !== undefined && ind.periodTarget !== '' ? ind.periodTarget : annual;
      return `${i + 1}、${label(ind.level1)}；${label(ind.level2)}；${ind.name}；实施周期指标值：${period}；年度指标值：${annual}。`;
    })
    .join('');
}

/** 分 as 万元, an empty cell for none. Plain division of exact integers is rounded once to the nearest double: the same
 * number the Decimal quotient converts to. */
const money = (fen: number): CellValue => (fen === 0 ? null : fenToNumber(fen, '万元'));

function amounts(f: Funding): Record<string, CellValue> {
  return { total: money(fundingTotal(f)), fiscal: money(fiscalTotal(f)), special: money(f.specialAccount), other: money(f.other) };
}

const fundingOf = (projects: readonly Project[]) => sumFunding(projects.map((p) => p.funding));

/** The 合计 row, then per unit (in print order) its subtotal row and its projects. */
function bodyRows(cols: readonly ColumnSpec[], projects: readonly Project[], units: readonly Unit[]): Row[] {
  const body: Row[] = [recordRow(cols, { name: '合计', ...amounts(fundingOf(projects)) }, { bold: true })];
  const byUnit = new Map<string, Project[]>();
  for (const p of projects) {
    const own = byUnit.get(p.unitId);
    if (own) own.push(p);
    else byUnit.set(p.unitId, [p]);
  }
  for (const unit of units) {
    const own = byUnit.get(unit.id);
    if (!own) continue;
    body.push(recordRow(cols, { name: unit.name, ...amounts(fundingOf(own)) }, { bold: true }));
    for (const p of own) {
      body.push(recordRow(cols, { name: p.name, ...amounts(p.funding), goal: p.annualGoal, indicators: codedIndicators(p.indicators) }));
    }
  }
  return body;
}

export const f5ProjectTargetsConsolidated: FormTemplate = {
  id: 'F5',
  title: '项目支出绩效目标表（含转移支付项目）',
  perProject: false,
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
