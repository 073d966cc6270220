// F1 项目支出绩效目标表 (one project) — yubei 表17: 专项资金名称, 业务主管部门, 当年预算 (区级支出 / 补助镇街), 项目概况,
// 立项依据, 当年绩效目标, then the weighted indicators. Amounts in 元. One table per project.
import type { FormLayout, Row } from '../shared/forms/layout';
import { fundingTotal, type Project, type Unit } from '../shared/model';
import { c, districtOf, formNumberLine, label, row, spanRows, yuan } from './grid';
import { weightedIndicatorHeader, weightedIndicatorRow } from './weighted-indicators';
import { competentDepartmentOf, requireProjects } from './scope';
import type { FormRequest, FormTemplate } from './template';

export function projectTargetsLayout(project: Project, unit: Unit, competentDepartment: string, formNumber?: string): FormLayout {
  const total = fundingTotal(project.funding);
  const n = project.indicators.length;
  const rows: Row[] = [
    row(label('专项资金名称'), c(project.name, { colSpan: 2 }), label('业务主管部门', { colSpan: 2 }), c(competentDepartment, { colSpan: 2 })),
    row(label('当年预算', { rowSpan: 2 }), yuan(total, { rowSpan: 2, colSpan: 2 }), label('区级支出（元）', { colSpan: 2 }), yuan(total - project.townSubsidy, { colSpan: 2 })),
    row(label('补助镇街（元）', { colSpan: 2 }), project.townSubsidy > 0 ? yuan(project.townSubsidy, { colSpan: 2 }) : c('', { colSpan: 2 })),
    row(label('项目概况'), c(project.overview, { colSpan: 6 })),
    row(label('立项依据'), c(project.basis, { colSpan: 6 })),
    row(label('当年绩效目标'), c(project.annualGoal, { colSpan: 6 })),
    row(label('绩效指标', spanRows(n + 1)), ...weightedIndicatorHeader('指标')),
    ...project.indicators.map((ind) => row(...weightedIndicatorRow(ind))),
  ];
  return {
    name: project.name.slice(0, 31),
    headerLines: [
      ...formNumberLine(formNumber),
      { kind: 'title', text: `${project.year}年${districtOf(unit.name)}部门${project.key ? '重点' : '一般'}项目绩效目标表` },
      { kind: 'fields', left: `编制单位：${unit.name}`, right: '单位：元' },
    ],
    columns: [{ width: 12 }, { width: 22 }, { width: 8 }, { width: 8 }, { width: 8 }, { width: 10 }, { width: 8 }],
    rows,
    page: { paper: 'A4', orientation: 'portrait', fitToWidth: true, repeatHeaderRows: false },
    font: { bodySize: 10 },
  };
}

export const f1ProjectTargets: FormTemplate = {
  id: 'F1',
  title: '项目支出绩效目标表',
  perProject: true,
  subject: 'projects',
  build(request: FormRequest): FormLayout[] {
    const projects = requireProjects(request);
    const units = new Map(request.data.units.map((u) => [u.id, u]));
    return projects.map((p) => projectTargetsLayout(p, units.get(p.unitId)!, competentDepartmentOf(p, request.data.units), request.formNumber));
  },
};
