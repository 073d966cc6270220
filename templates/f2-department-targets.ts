// F2 部门整体支出绩效目标表 — longgang 2023 表12: tasks with amounts, 金额合计, 年度总体目标, then the 年度绩效指标
// block with merged 一级 and 二级 cells, printed in the order the unit entered them.
import type { FormLayout, Row } from '../shared/forms/layout';
import { targetText } from '../shared/indicator-text';
import { fiscalTotal, fundingTotal, sumFunding, type DepartmentPlan, type Funding, type Unit } from '../shared/model';
import { fenToNumber } from '../shared/money';
import { schemeOf } from '../shared/schemes';
import { c, formNumberLine, groupedIndicatorRows, label, paragraphRows, row, spanRows } from './grid';
import { requirePlans } from './scope';
import type { FormRequest, FormTemplate } from './template';

// The published form prints whole 万元 where amounts are whole; kind 'number' shows as many decimals as there are.
const wan = (fen: number) => c(fenToNumber(fen, '万元'), { kind: 'number', align: 'right' });

function amountCells(f: Funding) {
  return [wan(fundingTotal(f)), wan(fiscalTotal(f)), wan(f.specialAccount + f.other)];
}

export function departmentTargetsLayout(plan: DepartmentPlan, unit: Unit, formNumber?: string): FormLayout {
  const scheme = schemeOf(unit);
  const total = sumFunding(plan.tasks.map((t) => t.funding));
  const header: Row[] = [
    { header: true, cells: [label('任务名称', { rowSpan: 2 }), label('主要内容', { rowSpan: 2, colSpan: 3 }), label('预算金额（万元）', { colSpan: 3 })] },
    { header: true, cells: [label('总额'), label('其中：财政拨款'), label('其中：其他资金')] },
  ];
  const tasks: Row[] = plan.tasks.map((t) => row(label(t.name), c(t.content, { colSpan: 3 }), ...amountCells(t.funding)));
  const indicators = plan.indicators;
  const blockLabel = label('年度绩效指标', spanRows(indicators.length + 1));
  const rows: Row[] = [
    ...header,
    ...tasks,
    { bold: true, cells: [label('金额合计'), c('', { colSpan: 3 }), ...amountCells(total)] },
    ...paragraphRows('年度总体目标', plan.overallGoal, 6),
    row(blockLabel, label('一级指标'), label('二级指标'), label('三级指标'), label('目标值', { colSpan: 3 })),
    ...groupedIndicatorRows(indicators, scheme, (ind) => [c(ind.name), c(targetText(ind), { colSpan: 3 })], { short: true, order: 'data' }),
  ];
  return {
    name: '部门整体支出绩效目标表',
    headerLines: [
      ...formNumberLine(formNumber),
      { kind: 'title', text: '部门整体支出绩效目标表' },
      { kind: 'fields', left: `部门名称：${unit.name}`, right: '单位：万元' },
    ],
    columns: [
      { width: 12 },
      { width: 8 },
      { width: 12 },
      { width: 26 },
      { width: 10 },
      { width: 10 },
      { width: 10 },
    ],
    rows,
    page: { paper: 'A4', orientation: 'portrait', fitToWidth: true, repeatHeaderRows: true },
    font: { bodySize: 9 },
  };
}

export const f2DepartmentTargets: FormTemplate = {
  id: 'F2',
  title: '部门整体支出绩效目标表',
  perProject: false,
  subject: 'plans',
  build(request: FormRequest): FormLayout[] {
    return requirePlans(request).map(({ plan, unit }) => departmentTargetsLayout(plan, unit, request.formNumber));
  },
};
