// F6 重点项目预算绩效情况说明 — longgang 2023 第七部分: 项目名称 / 预算数（万元）/ 绩效目标 for the key projects.
import type { FormLayout, Row } from '../shared/forms/layout';
import { fenToNumber } from '../shared/money';
import { fundingTotal } from '../shared/model';
import { c, formNumberLine, label } from './grid';
import { headUnit, scopeProjects, ScopeError } from './scope';
import type { FormRequest, FormTemplate } from './template';
import { templateMessages as m } from './template-messages';

export const f6KeyProjects: FormTemplate = {
  id: 'F6',
  title: '重点项目预算绩效情况说明',
  perProject: false,
  subject: 'projects',
  printedProjects: (request) => scopeProjects(request).filter((p) => p.key),
  build(request: FormRequest): FormLayout[] {
    const projects = f6KeyProjects.printedProjects!(request);
    if (projects.length === 0) throw new ScopeError(m.noKeyProjects(request.year));
    const head = headUnit(request);
    const rows: Row[] = [
      { header: true, cells: [label('项目名称'), label('预算数（万元）'), label('绩效目标')] },
      ...projects.map((p) => ({
        cells: [c(p.name), c(fenToNumber(fundingTotal(p.funding), '万元'), { kind: 'number' as const, align: 'center' as const }), c(p.annualGoal)],
      })),
    ];
    return [
      {
        name: '重点项目绩效',
        headerLines: [
          ...formNumberLine(request.formNumber),
          { kind: 'title', text: '重点项目预算绩效情况说明' },
          { kind: 'text', text: `${request.year}年，${head.name}重点项目绩效目标情况如下：` },
        ],
        columns: [{ width: 18 }, { width: 10 }, { width: 60 }],
        rows,
        footerLines: [{ kind: 'text', text: '备注：涉密项目按要求不予公开。' }],
        page: { paper: 'A4', orientation: 'portrait', fitToWidth: true, repeatHeaderRows: true },
        font: { bodySize: 10.5 },
      },
    ];
  },
};
