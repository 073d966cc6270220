// A 正式版 export is held up by the errors of what the form prints, and only by those: the plan forms (F2, F7, F8) by
// the department plan, the project forms by their projects — F3 by the self-assessed ones, F6 by the key ones.
import { scaleWeights } from '../../shared/weights';
import { exportForm, finalFormErrors } from '../../templates/export';
import { getTemplate } from '../../templates/index';
import type { FormRequest } from '../../templates/template';
import { assessedSample } from '../fixtures/yubei-2024-assessed';
import { loadFixture } from './read-back';

const doc = loadFixture('yubei-2024');
const assessed = { ...assessedSample(doc.projects[0]), key: true };
// the second project: neither self-assessed nor key, with a 定量 target that is not a number
const broken = { ...doc.projects[1], indicators: doc.projects[1].indicators.map((ind, i) => (i === 0 ? { ...ind, target: '若干' } : ind)) };
const scaledPlans = doc.departmentPlans.map((p) => ({ ...p, indicators: scaleWeights(p.indicators, '0.9') }));
// the plan with a 定量 target that is not a number (weights of 100 alone are only a warning for a department plan)
const brokenPlans = scaledPlans.map((p) => ({ ...p, indicators: p.indicators.map((ind, i) => (i === 0 ? { ...ind, target: '若干' } : ind)) }));
const PROJECT_ERROR = `${broken.name}：定量指标“${broken.indicators[0].name}”的指标值须为数字，当前为“若干”`;
const PLAN_ERROR = `2024年度部门整体支出：定量指标“${brokenPlans[0].indicators[0].name}”的指标值须为数字，当前为“若干”`;

function request(projectsBroken: boolean, planBroken: boolean): FormRequest {
  return {
    data: {
      ...doc,
      projects: [assessed, projectsBroken ? broken : doc.projects[1], ...doc.projects.slice(2)],
      departmentPlans: planBroken ? brokenPlans : scaledPlans,
    },
    year: 2024,
    scope: { kind: 'unit', unitId: doc.units[0].id },
    final: true,
  };
}

const errorsOf = (form: string, r: FormRequest) => finalFormErrors(getTemplate(form)!, r);

describe('finalFormErrors', () => {
  const withBrokenProject = request(true, false);
  const withBrokenPlan = request(false, true);

  test.each(['F2', 'F7', 'F8'])('%s checks the plan, not the projects', (form) => {
    expect(errorsOf(form, withBrokenProject)).toEqual([]);
    expect(errorsOf(form, withBrokenPlan)).toEqual([PLAN_ERROR]);
  });

  test.each(['F1', 'F4', 'F5'])('%s checks every project of the scope, not the plan', (form) => {
    expect(errorsOf(form, withBrokenProject)).toEqual([PROJECT_ERROR]);
    expect(errorsOf(form, withBrokenPlan)).toEqual([]);
  });

  test.each(['F3', 'F6'])('%s checks only the projects it prints (the self-assessed, the key ones)', (form) => {
    expect(errorsOf(form, withBrokenProject)).toEqual([]);
    const printedBroken = { ...withBrokenProject, data: { ...withBrokenProject.data, projects: [{ ...assessed, indicators: broken.indicators.map((i) => ({ ...i })) }] } };
    expect(errorsOf(form, printedBroken)).toHaveLength(1);
  });
});

describe('exportForm 正式版', () => {
  test('F7 exports while a project has an error; F1 does not, and names it', async () => {
    const r = request(true, false);
    const f7 = await exportForm('F7', 'xlsx', r);
    expect(f7.ok).toBe(true);
    const f1 = await exportForm('F1', 'xlsx', r);
    expect(f1).toEqual({ ok: false, messages: ['正式版报表不能带错误导出：所选范围内有 1 处错误，请先改正（或导出草稿版）。', PROJECT_ERROR] });
  });

  test('F3 and F8 export while what they do not print has errors', async () => {
    const r = request(true, false);
    expect((await exportForm('F3', 'docx', r)).ok).toBe(true);
    const f8 = await exportForm('F8', 'docx', r);
    if (!f8.ok) throw new Error(f8.messages.join());
  });
});
