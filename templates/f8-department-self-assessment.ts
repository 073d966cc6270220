// F8 部门整体支出绩效自评表 (national practice): the 部门整体支出 plan at year end, scored by the same rules as F3 —
// 年度主要任务 with 预算数 / 执行数 / 执行率 and the 预算执行率 score on the 金额合计 row, 年度总体目标 预期/实际, the
// indicators grouped 一级 → 二级 in the scheme's order, 总分 with the grade, and the note naming the rule set.
import type { Cell, ColumnSpec, FormLayout, Row } from '../shared/forms/layout';
import { fundingTotal, type DepartmentPlan, type Unit } from '../shared/model';
import { fenToNumber } from '../shared/money';
import { ruleSetOf } from '../shared/rule-sets';
import { schemeOf } from '../shared/schemes';
import { assessDepartmentPlan, executionRate } from '../shared/scoring';
import { c, label, row } from './grid';
import { centre, dash, rateCell, SCORED_FORM_PAGE, scoreCell, scoredIndicatorRows, totalRow } from './scored-indicators';
import { requirePlans } from './scope';
import type { FormRequest, FormTemplate } from './template';

const wan = (fen: number): Cell => c(fenToNumber(fen, '万元'), { kind: 'money' });

/**
 * F3's nine columns in F3's 95 units, shared out for a plan: its targets are mostly 定性 sentences, so 年度指标值 and
 * 实际完成值 are wider and 三级 and the note narrower.
 */
const COLUMNS: readonly ColumnSpec[] = [{ width: 8 }, { width: 10 }, { width: 10 }, { width: 14 }, { width: 16 }, { width: 14 }, { width: 6 }, { width: 7 }, { width: 10 }];

export function departmentSelfAssessmentLayout(plan: DepartmentPlan, unit: Unit, year: number): FormLayout {
  const scheme = schemeOf(unit);
  const a = assessDepartmentPlan(plan, scheme, ruleSetOf(unit, year));
  const budget = plan.tasks.reduce((s, t) => s + fundingTotal(t.funding), 0);
  const spent = plan.tasks.reduce((s, t) => s + (t.spent ? fundingTotal(t.spent) : 0), 0);
  const taskRows: Row[] = plan.tasks.map((t) => {
    const taskBudget = fundingTotal(t.funding);
    // a task with nothing entered yet shows empty cells, not a spending of 0.00
    const taskSpent = t.spent ? fundingTotal(t.spent) : null;
    return row(
      c(t.name, centre),
      c(t.content, { colSpan: 2 }),
      wan(taskBudget),
      taskSpent === null ? c('') : wan(taskSpent),
      dash(),
      taskSpent !== null && taskBudget > 0 ? rateCell(executionRate(taskBudget, taskSpent)) : dash(),
      dash(),
    );
  });
  const rows: Row[] = [
    row(label('部门名称'), c(unit.name, { colSpan: 8 })),
    row(label('年度主要任务', { rowSpan: plan.tasks.length + 2 }), label('任务名称'), label('主要内容', { colSpan: 2 }), label('预算数'), label('执行数'), label('分值'), label('执行率'), label('得分')),
    ...taskRows,
    {
      bold: true,
      cells: [label('金额合计'), c('', { colSpan: 2 }), wan(budget), wan(spent), c(a.executionWeight, { kind: 'number', ...centre }), rateCell(a.executionRate), scoreCell(a.executionScore)],
    },
    row(label('年度总体目标', { rowSpan: 2 }), label('预期目标', { colSpan: 4 }), label('实际完成情况', { colSpan: 4 })),
    row(c(plan.overallGoal, { colSpan: 4 }), c(plan.overallResult ?? '', { colSpan: 4 })),
    ...scoredIndicatorRows(plan.indicators, plan.results ?? [], scheme, a),
    totalRow(a.missing.length === 0 && a.errors.length === 0, a.total, a.grade),
  ];
  return {
    name: '部门整体支出绩效自评表',
    headerLines: [
      { kind: 'title', text: '部门整体支出绩效自评表' },
      { kind: 'text', text: `（${year}年度）`, align: 'center' },
      { kind: 'fields', right: '单位：万元' },
    ],
    columns: COLUMNS,
    rows,
    footerLines: [{ kind: 'text', text: a.note }],
    page: SCORED_FORM_PAGE,
    font: { bodySize: 9 },
  };
}

export const f8DepartmentSelfAssessment: FormTemplate = {
  id: 'F8',
  title: '部门整体支出绩效自评表',
  perProject: false,
  subject: 'plans',
  build(request: FormRequest): FormLayout[] {
    return requirePlans(request).map(({ plan, unit }) => departmentSelfAssessmentLayout(plan, unit, request.year));
  },
};
