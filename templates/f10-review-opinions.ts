// F10 绩效目标审核意见表 (domain.md §6, §9; 财预〔2015〕88号 practice), one table per reviewed project: 项目名称, 申报单位 and
// 主管部门, 预算, the four questions (完整性 · 相关性 · 适当性 · 可行性) with their 审核要点 and the reviewer's opinion, 审核结果
// with what it means for the project, 审核意见, the opinions on single fields with the unit's answers, 审核人 and 审核日期.
// The round printed is the project's latest; its number says how many came before.
import type { Cell, FormLayout, Row } from '../shared/forms/layout';
import { fiscalTotal, fundingTotal, type Project, type ReviewQuestions, type Unit } from '../shared/model';
import { fenToNumber } from '../shared/money';
import { latestRound, reviewDateText, roundNumber, targetLabel } from '../shared/review';
import { REVIEW_GRADE_HANDLING, REVIEW_QUESTION_LABELS, REVIEW_QUESTION_POINTS, reviewText } from '../shared/review-messages';
import { c, formNumberLine, label, row, spanRows } from './grid';
import { competentDepartmentOf, scopeProjects, ScopeError } from './scope';
import type { FormRequest, FormTemplate } from './template';
import { templateMessages as m } from './template-messages';

const TITLE = '绩效目标审核意见表';
const QUESTIONS: readonly (keyof ReviewQuestions)[] = ['completeness', 'relevance', 'appropriateness', 'feasibility'];
/** label · then five columns the rows merge as they need; about 90 width units, an A4 portrait page */
const COLUMNS = [12, 17, 13, 14, 16, 18].map((width) => ({ width }));

const wan = (fen: number, more: Omit<Cell, 'value'> = {}): Cell => c(fenToNumber(fen, '万元'), { kind: 'money', align: 'left', ...more });

function reviewOpinionsLayout(project: Project, units: readonly Unit[], year: number, formNumber?: string): FormLayout {
  const round = latestRound(project);
  if (!round) throw new ScopeError(m.noReviewRound(project.name));
  const unit = units.find((u) => u.id === project.unitId);
  // the reviewing unit as recorded, else the unit's parent, who reviews its units' targets
  const reviewer = units.find((u) => u.id === (round.reviewerUnitId ?? unit?.parentId))?.name ?? '';
  const opinions = round.fieldOpinions;
  const rows: Row[] = [
    row(label('项目名称'), c(project.name, { colSpan: 5 })),
    row(label('申报单位'), c(unit?.name ?? '', { colSpan: 2 }), label('主管部门'), c(competentDepartmentOf(project, units), { colSpan: 2 })),
    row(label('项目预算\n（万元）'), wan(fundingTotal(project.funding)), label('其中：财政拨款', { colSpan: 2 }), wan(fiscalTotal(project.funding), { colSpan: 2 })),
    row(label('审核单位'), c(reviewer, { colSpan: 2 }), label('审核轮次'), c(reviewText.roundNumber(roundNumber(project, round.id)), { colSpan: 2 })),
    row(label('审核内容'), label('审核要点', { colSpan: 2 }), label('审核意见', { colSpan: 3 })),
    ...QUESTIONS.map((q) => row(label(REVIEW_QUESTION_LABELS[q]), c(REVIEW_QUESTION_POINTS[q], { colSpan: 2 }), c(round.questions[q], { colSpan: 3 }))),
    row(label('审核结果'), c(round.result, { align: 'center', bold: true }), c(REVIEW_GRADE_HANDLING[round.result], { colSpan: 4 })),
    row(label('审核意见'), c(round.opinion, { colSpan: 5 })),
    ...(opinions.length === 0
      ? [row(label('具体意见'), c('无', { colSpan: 5 }))]
      : [
          row(label('具体意见', spanRows(opinions.length + 1)), label('所指内容'), label('意见', { colSpan: 2 }), label('单位答复', { colSpan: 2 })),
          ...opinions.map((o) =>
            row(
              c(targetLabel(project, o.target)),
              c(o.text, { colSpan: 2 }),
              c(o.answered ? `${o.answered.note}（${o.answered.by}，${reviewDateText(o.answered.at)}）` : '未答复', { colSpan: 2 }),
            ),
          ),
        ]),
    row(label('审核人'), c(round.reviewer, { colSpan: 2 }), label('审核日期'), c(reviewDateText(round.reviewedAt), { colSpan: 2 })),
  ];
  return {
    name: project.name,
    headerLines: [...formNumberLine(formNumber), { kind: 'title', text: TITLE }, { kind: 'text', text: `（${year}年度）`, align: 'center' }],
    columns: COLUMNS,
    rows,
    page: { paper: 'A4', orientation: 'portrait', fitToWidth: true, repeatHeaderRows: false },
    font: { bodySize: 10 },
  };
}

export const f10ReviewOpinions: FormTemplate = {
  id: 'F10',
  title: TITLE,
  perProject: true,
  subject: 'projects',
  printedProjects: (request) => scopeProjects(request).filter((p) => latestRound(p) !== undefined),
  build(request: FormRequest): FormLayout[] {
    const projects = f10ReviewOpinions.printedProjects!(request);
    if (projects.length === 0) throw new ScopeError(m.noReviewedProjects(request.year));
    return projects.map((p) => reviewOpinionsLayout(p, request.data.units, request.year, request.formNumber));
  },
};
