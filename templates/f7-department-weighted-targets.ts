// F7 部门预算整体绩效目标表 — yubei 表十五: 部门名称, 部门支出预算数 (元), 当年整体绩效目标, then weighted indicators.
import type { FormLayout, Row } from '../shared/forms/layout';
import { fundingTotal, sumFunding, type DepartmentPlan, type Unit } from '../shared/model';
import { c, districtOf, formNumberLine, label, paragraphRows, row, spanRows, yuan } from './grid';
import { weightedIndicatorHeader, weightedIndicatorRow } from './weighted-indicators';
import { requirePlans } from './scope';
import type { FormRequest, FormTemplate } from './template';

export function departmentWeightedLayout(plan: DepartmentPlan, unit: Unit, year: number, formNumber?: string): FormLayout {
  const budget = plan.expenditureBudget ?? fundingTotal(sumFunding(plan.tasks.map((t) => t.funding)));
  const n = plan.indicators.length;
  const rows: Row[] = [
    row(label('部门(单位)名称'), c(unit.name, { colSpan: 2 }), label('部门支出预算数', { colSpan: 2 }),
      yuan(budget, { colSpan: 2 })),
    ...paragraphRows('当年整体绩效目标', plan.overallGoal, 6),
    row(label('绩效指标', spanRows(n + 1)), ...weightedIndicatorHeader('指标名称')),
    ...plan.indicators.map((ind) => row(...weightedIndicatorRow(ind))),
  ];
  return {
    name: '部门预算整体绩效目标表',
    headerLines: [
      ...formNumberLine(formNumber),
      { kind: 'title', text: `${year}年${districtOf(unit.name)}部门预算整体绩效目标表` },
      { kind: 'fields', left: `部门全称：${unit.name}`, right: '单位：元' },
    ],
    columns: [{ width: 12 }, { width: 24 }, { width: 8 }, { width: 8 }, { width: 8 }, { width: 10 }, { width: 8 }],
    rows,
    page: { paper: 'A4', orientation: 'portrait', fitToWidth: true, repeatHeaderRows: false },
    font: { bodySize: 10 },
  };
}

export const f7DepartmentWeightedTargets: FormTemplate = {
  id: 'F7',
  title: '部门预算整体绩效目标表',
  perProject: false,
  subject: 'plans',
  build(request: FormRequest): FormLayout[] {
    return requirePlans(request).map(({ plan, unit }) => departmentWeightedLayout(plan, unit, request.year, request.formNumber));
  },
};
