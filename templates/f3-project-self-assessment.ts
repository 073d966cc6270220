// F3 项目支出绩效自评表 (one project, national practice): 项目资金 by source with 执行率 and its score, 年度总体目标
// 预期/实际, the indicators with 年度指标值 / 实际完成值 / 分值 / 得分 / 偏差原因分析及改进措施, and 总分 with the grade.
// Every score is computed by shared/scoring.ts from the data.
import type { Cell, FormLayout, Row } from '../shared/forms/layout';
import { targetText } from '../shared/indicator-text';
import { fiscalTotal, fundingTotal, type Funding, type Project, type Unit } from '../shared/model';
import { fenToNumber } from '../shared/money';
import { assessProject } from '../shared/scoring';
import { c, groupedIndicatorRows, label, row, schemeOf, spanRows } from './grid';
import { scopeProjects, ScopeError } from './scope';
import type { FormRequest, FormTemplate } from './template';
import { templateMessages as m } from './template-messages';

const wan = (fen: number, more: Omit<Cell, 'value'> = {}) => c(fenToNumber(fen, '万元'), { kind: 'money', ...more });
const dash = (more: Omit<Cell, 'value'> = {}) => c('—', { align: 'center', ...more });

export function projectSelfAssessmentLayout(project: Project, unit: Unit, supervisor: Unit | undefined, year: number): FormLayout {
  const scheme = schemeOf(unit);
  const sa = project.selfAssessment;
  if (!sa) throw new ScopeError(m.noSelfAssessment(project.name));
  const a = assessProject(project, scheme);
  const fundRow = (title: string, pick: (f: Funding) => number, scored: boolean): Row =>
    row(
      c(title, { colSpan: 2 }),
      wan(pick(sa.budgetInitial)),
      wan(pick(sa.budgetAdjusted)),
      wan(pick(sa.spent)),
      scored ? c(a.executionWeight, { kind: 'number', align: 'center' }) : dash(),
      scored && a.executionRate ? c(a.executionRate.toDecimalPlaces(4).toNumber(), { kind: 'percent', align: 'center' }) : dash(),
      scored && a.executionScore !== null ? c(a.executionScore, { kind: 'number', decimals: 2, align: 'center' }) : dash(),
    );
  const scores = new Map(a.indicatorScores.map((s) => [s.indicatorId, s]));
  const results = new Map(sa.results.map((r) => [r.indicatorId, r]));
  const n = project.indicators.length;
  const rows: Row[] = [
    row(label('项目名称'), c(project.name, { colSpan: 8 })),
    row(label('主管部门'), c(supervisor?.name ?? unit.name, { colSpan: 3 }), label('实施单位', { colSpan: 2 }), c(unit.name, { colSpan: 3 })),
    row(label('项目资金（万元）', { rowSpan: 6 }), c('', { colSpan: 2 }), label('年初预算数'), label('全年预算数'), label('全年执行数'), label('分值'), label('执行率'), label('得分')),
    fundRow('年度资金总额', fundingTotal, true),
    fundRow('其中：财政拨款', fiscalTotal, false),
    fundRow('财政专户管理资金', (f) => f.specialAccount, false),
    fundRow('其他资金', (f) => f.other, false),
    // required below 90% (domain.md §5), so the form carries it
    row(c('执行率偏差原因', { colSpan: 2 }), c(sa.executionNote ?? '', { colSpan: 6 })),
    row(label('年度总体目标', { rowSpan: 2 }), label('预期目标', { colSpan: 4 }), label('实际完成情况', { colSpan: 4 })),
    row(c(project.annualGoal, { colSpan: 4 }), c(sa.overallResult, { colSpan: 4 })),
    row(label('绩效指标', spanRows(n + 1)), label('一级指标'), label('二级指标'), label('三级指标'), label('年度指标值'), label('实际完成值'), label('分值'), label('得分'), label('偏差原因分析及改进措施')),
    ...groupedIndicatorRows(project.indicators, scheme, (ind) => {
      const s = scores.get(ind.id);
      const r = results.get(ind.id);
      return [
        c(ind.name),
        c(targetText(ind), { align: 'center' }),
        c(r?.actual ?? '', { align: 'center' }),
        s?.maxScore != null ? c(s.maxScore, { kind: 'number', align: 'center' }) : c('', {}),
        s?.score != null ? c(s.score, { kind: 'number', decimals: 2, align: 'center' }) : c('', {}),
        c(r?.deviationNote ?? ''),
      ];
    }),
    // a total and grade only once everything is filled: a running total of a half-filled form would read as final
    { bold: true, cells: [label('总分', { colSpan: 6 }), c(100, { kind: 'number', align: 'center' }), a.complete && a.total !== null ? c(a.total, { kind: 'number', decimals: 2, align: 'center' }) : c(''), c(a.complete && a.grade ? `等级：${a.grade}` : m.assessmentUnfinished, { align: 'center' })] },
  ];
  return {
    name: project.name.slice(0, 31),
    headerLines: [
      { kind: 'title', text: '项目支出绩效自评表' },
      { kind: 'fields', center: `（${year}年度）` },
    ],
    columns: [{ width: 10 }, { width: 9 }, { width: 10 }, { width: 16 }, { width: 11 }, { width: 11 }, { width: 7 }, { width: 8 }, { width: 20 }],
    rows,
    page: { paper: 'A4', orientation: 'landscape', fitToWidth: true, repeatHeaderRows: false },
    font: { bodySize: 9 },
  };
}

export const f3ProjectSelfAssessment: FormTemplate = {
  id: 'F3',
  title: '项目支出绩效自评表',
  perProject: true,
  build(request: FormRequest): FormLayout[] {
    const projects = scopeProjects(request).filter((p) => p.selfAssessment);
    if (projects.length === 0) throw new ScopeError(m.noAssessedProjects(request.year));
    const units = new Map(request.data.units.map((u) => [u.id, u]));
    return projects.map((p) => {
      const unit = units.get(p.unitId)!;
      return projectSelfAssessmentLayout(p, unit, unit.parentId ? units.get(unit.parentId) : undefined, request.year);
    });
  },
};
