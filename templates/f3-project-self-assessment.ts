// F3 项目支出绩效自评表 (one project) in the shape of the national template (财预〔2020〕10号): 项目资金 rows 年度资金总额 ·
// 其中：当年财政拨款 · 上年结转资金 · 其他资金 with 执行率 and its score, 年度总体目标 预期/实际, the indicators grouped
// 一级 → 二级 in the scheme's order with each 一级's 分值, 总分 with the grade, and a note naming the rules the scores
// follow. Every score is computed by shared/scoring.ts from the data, by the unit's rule set for the year.
import type { Cell, FormLayout, Row } from '../shared/forms/layout';
import { fiscalTotal, fundingTotal, nonFiscalTotal, type Project, type SelfAssessment, type Unit } from '../shared/model';
import { fenToNumber } from '../shared/money';
import { ruleSetOf } from '../shared/rule-sets';
import { schemeOf } from '../shared/schemes';
import { assessProject } from '../shared/scoring';
import { c, label, row } from './grid';
import { centre, dash, rateCell, SCORED_FORM_COLUMNS, SCORED_FORM_PAGE, scoreCell, scoredIndicatorRows, totalRow } from './scored-indicators';
import { competentDepartmentOf, scopeProjects, ScopeError } from './scope';
import type { FormRequest, FormTemplate } from './template';
import { templateMessages as m } from './template-messages';

const wan = (fen: number): Cell => c(fenToNumber(fen, '万元'), { kind: 'money' });

/** The form's four fund rows: 年度资金总额 counts 上年结转资金; 其他资金 is every non-fiscal source (专户 and 单位资金). */
function fundRows(sa: SelfAssessment): { title: string; amounts: number[] }[] {
  const carried = sa.carriedOver ?? { budgetInitial: 0, budgetAdjusted: 0, spent: 0 };
  const columns = ['budgetInitial', 'budgetAdjusted', 'spent'] as const;
  return [
    { title: '年度资金总额', amounts: columns.map((k) => fundingTotal(sa[k]) + carried[k]) },
    { title: '其中：当年财政拨款', amounts: columns.map((k) => fiscalTotal(sa[k])) },
    { title: '上年结转资金', amounts: columns.map((k) => carried[k]) },
    { title: '其他资金', amounts: columns.map((k) => nonFiscalTotal(sa[k])) },
  ];
}

export function projectSelfAssessmentLayout(project: Project, unit: Unit, competentDepartment: string, year: number): FormLayout {
  const scheme = schemeOf(unit);
  const sa = project.selfAssessment;
  if (!sa) throw new ScopeError(m.noSelfAssessment(project.name));
  const a = assessProject(project, scheme, ruleSetOf(unit, year));
  const executionNote = sa.executionNote ?? '';
  // the national form has no row for it: printed only when §5 asks for one or one was written
  const noteRow = executionNote.trim() !== '' || a.deviationsRequired.some((d) => d.indicatorId === null);
  const funds = fundRows(sa);
  const rows: Row[] = [
    row(label('项目名称'), c(project.name, { colSpan: 8 })),
    row(label('主管部门'), c(competentDepartment, { colSpan: 3 }), label('实施单位', { colSpan: 2 }), c(unit.name, { colSpan: 3 })),
    // "\n" before the bracket: the narrow label column would otherwise break inside （万元）
    row(label('项目资金\n（万元）', { rowSpan: funds.length + 1 }), c('', { colSpan: 2 }), label('年初预算数'), label('全年预算数'), label('全年执行数'), label('分值'), label('执行率'), label('得分')),
    ...funds.map((f, i) =>
      row(
        c(f.title, { colSpan: 2 }),
        ...f.amounts.map(wan),
        ...(i === 0 ? [c(a.executionWeight, { kind: 'number', ...centre }), rateCell(a.executionRate), scoreCell(a.executionScore)] : [dash(), dash(), dash()]),
      ),
    ),
    ...(noteRow ? [row(label('执行率偏差原因'), c(executionNote, { colSpan: 8 }))] : []),
    row(label('年度总体目标', { rowSpan: 2 }), label('预期目标', { colSpan: 4 }), label('实际完成情况', { colSpan: 4 })),
    row(c(project.annualGoal, { colSpan: 4 }), c(sa.overallResult, { colSpan: 4 })),
    ...scoredIndicatorRows(project.indicators, sa.results, scheme, a),
    totalRow(a.complete, a.total, a.grade),
  ];
  return {
    name: project.name,
    headerLines: [
      { kind: 'title', text: '项目支出绩效自评表' },
      { kind: 'text', text: `（${year}年度）`, align: 'center' },
    ],
    columns: SCORED_FORM_COLUMNS,
    rows,
    footerLines: [{ kind: 'text', text: a.note }],
    page: SCORED_FORM_PAGE,
    font: { bodySize: 9 },
  };
}

export const f3ProjectSelfAssessment: FormTemplate = {
  id: 'F3',
  title: '项目支出绩效自评表',
  perProject: true,
  subject: 'projects',
  printedProjects: (request) => scopeProjects(request).filter((p) => p.selfAssessment),
  build(request: FormRequest): FormLayout[] {
    const projects = f3ProjectSelfAssessment.printedProjects!(request);
    if (projects.length === 0) throw new ScopeError(m.noAssessedProjects(request.year));
    const units = new Map(request.data.units.map((u) => [u.id, u]));
    return projects.map((p) => {
      const unit = units.get(p.unitId)!;
      return projectSelfAssessmentLayout(p, unit, competentDepartmentOf(p, request.data.units), request.year);
    });
  },
};
