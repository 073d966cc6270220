// Every reference fixture, exported as every form and format the import reads back, imported again: what comes back
// equals the fixture in every field the form prints. `carried` below lists those fields form by form; a field a form
// does not print (F1's 一级/二级, F5's year …) cannot come back and is not compared.
import type { ExchangeDocument } from '../../shared/exchange/exchange';
import { targetText } from '../../shared/indicator-text';
import { fiscalTotal, fundingTotal, nonFiscalTotal, sumFunding, type DepartmentPlan, type Indicator, type Project } from '../../shared/model';
import { ruleSetOf } from '../../shared/rule-sets';
import { groupIndicators, schemeOf } from '../../shared/schemes';
import { assessProject } from '../../shared/scoring';
import { importFile } from '../../shared/import';
import { exportForm, type ExportFormat } from '../../templates/export';
import { level2Cells } from '../../templates/f4-self-evaluation-disclosure';
import { competentDepartmentOf } from '../../templates/scope';
import { actualText } from '../../templates/grid';
import { loadFixture } from '../fixtures/fixture-files';
import { assessedSample } from '../fixtures/yubei-2024-assessed';

type Form = 'F1' | 'F3' | 'F4' | 'F5' | 'F7';

/** The fixtures, and the yubei one with the made-up year end F3 is shown with. */
function fixtures(): { name: string; doc: ExchangeDocument }[] {
  const yubei = loadFixture('yubei-2024');
  const assessed = { ...yubei, projects: yubei.projects.map((p, i) => (i === 0 ? assessedSample(p) : p)) };
  return [
    { name: 'huadu', doc: loadFixture('huadu') },
    { name: 'longgang-2019', doc: loadFixture('longgang-2019') },
    { name: 'longgang-2023', doc: loadFixture('longgang-2023') },
    { name: 'yubei-2024', doc: yubei },
    { name: 'yubei-2024 with a year end', doc: assessed },
  ];
}

const yearOf = (doc: ExchangeDocument) => doc.projects[0]?.year ?? doc.departmentPlans[0].year;
const root = (doc: ExchangeDocument) => doc.units.find((u) => u.parentId === null)!;
const unitName = (doc: ExchangeDocument, id: string) => doc.units.find((u) => u.id === id)!.name;

/** 一级 → 二级 in the scheme's order, as F3 prints them, without the 预算执行率 indicator (the money block's row). */
function f3Order(doc: ExchangeDocument, p: Project): Indicator[] {
  const unit = doc.units.find((u) => u.id === p.unitId)!;
  const a = assessProject(p, schemeOf(unit), ruleSetOf(unit, p.year));
  const execution = new Set(a.executionIndicatorIds);
  return groupIndicators(schemeOf(unit), p.indicators.filter((i) => !execution.has(i.id))).flatMap((g1) => g1.groups.flatMap((g2) => g2.items));
}

/** The fields each form prints, as plain data, from a document: the import must give back the same. */
const carried: Record<Form, { fields: string; of: (doc: ExchangeDocument, asExported: ExchangeDocument) => unknown }> = {
  F1: {
    fields: 'project: unit (编制单位), year, 重点/一般, name, 业务主管部门 (the project’s own, else the unit above, as printed), total amount, 补助镇街, 项目概况, 立项依据, 当年绩效目标; indicators in order: name, weight, 计量单位, 指标性质, 指标值 (number or range), 是否核心指标',
    of: (doc) =>
      doc.projects.map((p) => ({
        unit: unitName(doc, p.unitId),
        year: p.year,
        key: p.key,
        name: p.name,
        competentDepartment: competentDepartmentOf(p, doc.units),
        total: fundingTotal(p.funding),
        townSubsidy: p.townSubsidy,
        overview: p.overview,
        basis: p.basis,
        annualGoal: p.annualGoal,
        indicators: p.indicators.map((i) => ({ name: i.name, weight: i.weight, unit: i.unit, direction: i.direction, target: i.target, targetMax: i.targetMax })),
        core: p.indicators.map((i) => i.core),
      })),
  },
  F3: {
    fields:
      'project (those with a year end): name, year, 实施单位, 主管部门 (as printed), the 项目资金 rows (年度资金总额, 当年财政拨款, 上年结转资金, 其他资金 × 年初预算数, 全年预算数, 全年执行数), 执行率偏差原因, 预期目标, 实际完成情况; indicators (without the 预算执行率 one) in the printed order: 一级, 二级, 三级, 年度指标值 as printed, 实际完成值 as printed, 偏差原因分析及改进措施',
    of: (doc) =>
      doc.projects
        .filter((p) => p.selfAssessment)
        .map((p) => {
          const sa = p.selfAssessment!;
          const unit = doc.units.find((u) => u.id === p.unitId)!;
          const carriedOver = sa.carriedOver ?? { budgetInitial: 0, budgetAdjusted: 0, spent: 0 };
          const columns = ['budgetInitial', 'budgetAdjusted', 'spent'] as const;
          const byId = new Map(sa.results.map((r) => [r.indicatorId, r]));
          return {
            name: p.name,
            year: p.year,
            unit: unit.name,
            supervisor: competentDepartmentOf(p, doc.units),
            funds: columns.map((k) => [fundingTotal(sa[k]) + carriedOver[k], fiscalTotal(sa[k]), carriedOver[k], nonFiscalTotal(sa[k])]),
            executionNote: sa.executionNote ?? '',
            annualGoal: p.annualGoal,
            overallResult: sa.overallResult,
            indicators: f3Order(doc, p).map((i) => {
              const r = byId.get(i.id);
              return {
                level1: i.level1,
                level2: i.level2,
                name: i.name,
                target: targetText(i),
                actual: actualText(i, r),
                note: (r?.deviationNote ?? '').trim() === '' && r?.notApplicable ? r.notApplicable.reason : (r?.deviationNote ?? ''),
              };
            }),
          };
        }),
  },
  F4: {
    fields:
      'project: 单位名称 (short name where there is one), name, year, 是否政府投资项目, 项目年度预算金额, 实际支出金额 (合计, 一般公共预算, 政府性基金预算, 非财政拨款资金), 年初绩效目标, 绩效目标整体完成情况, 问题, 整改情况; per 二级 column, 年度指标内容 and 完成情况 as printed (several indicators of a 二级 share one cell)',
    of: (doc) =>
      doc.projects.map((p) => {
        const unit = doc.units.find((u) => u.id === p.unitId)!;
        const sa = p.selfAssessment;
        const cells = level2Cells(p, schemeOf(unit));
        return {
          unit: unit.shortName ?? unit.name,
          name: p.name,
          year: p.year,
          gov: p.governmentInvestment,
          budget: sa ? fundingTotal(sa.budgetAdjusted) + (sa.carriedOver?.budgetAdjusted ?? 0) : fundingTotal(p.funding),
          spent: sa ? [fundingTotal(sa.spent) + (sa.carriedOver?.spent ?? 0), sa.spent.generalPublic, sa.spent.governmentFund + sa.spent.stateCapital, nonFiscalTotal(sa.spent)] : null,
          annualGoal: p.annualGoal,
          overallResult: sa?.overallResult ?? '',
          problems: sa?.problems ?? '',
          rectification: sa?.rectification ?? '',
          columns: [...cells.entries()].filter(([, v]) => v.target !== '' || v.actual !== '').sort(([a], [b]) => a.localeCompare(b)),
        };
      }),
  },
  F5: {
    fields:
      'project: unit (the row above its projects), 部门名称 as the units’ supervisor, name, 总计, 财政拨款, 财政专户拨款, 其他资金, 绩效目标; indicators in order: 一级, 二级, name, 年度指标值 and 实施周期指标值 as printed. Not the year (F5 prints none: given to the import)',
    of: (doc, exported) =>
      doc.projects.map((p) => ({
        unit: unitName(doc, p.unitId),
        supervisor: root(exported).name,
        name: p.name,
        amounts: [fundingTotal(p.funding), fiscalTotal(p.funding), p.funding.specialAccount, p.funding.other],
        annualGoal: p.annualGoal,
        indicators: p.indicators.map((i) => ({
          level1: i.level1,
          level2: i.level2,
          name: i.name,
          annual: targetText(i),
          period: i.periodTarget !== undefined && i.periodTarget !== '' ? i.periodTarget : targetText(i),
        })),
      })),
  },
  F7: {
    fields: 'plan: unit (部门名称), year, 部门支出预算数, 当年整体绩效目标 (paragraph by paragraph); indicators as F1',
    of: (doc) =>
      doc.departmentPlans.map((plan: DepartmentPlan) => ({
        unit: unitName(doc, plan.unitId),
        year: plan.year,
        budget: plan.expenditureBudget ?? fundingTotal(sumFunding(plan.tasks.map((t) => t.funding))),
        overallGoal: plan.overallGoal.split(/\n+/).filter((s) => s.trim() !== ''),
        indicators: plan.indicators.map((i) => ({ name: i.name, weight: i.weight, unit: i.unit, direction: i.direction, target: i.target, targetMax: i.targetMax, core: i.core })),
      })),
  },
};

/** The forms and formats read back. */
const CASES: [Form, ExportFormat][] = [
  ['F1', 'xlsx'],
  ['F1', 'docx'],
  ['F3', 'xlsx'],
  ['F3', 'docx'],
  ['F4', 'xlsx'],
  ['F4', 'docx'],
  ['F5', 'xlsx'],
  ['F5', 'docx'],
  ['F7', 'xlsx'],
  ['F7', 'docx'],
];

/** What a form prints of a fixture: only the projects (or plans) it covers. */
function inScope(form: Form, doc: ExchangeDocument): ExchangeDocument {
  if (form === 'F3') return { ...doc, projects: doc.projects.filter((p) => p.selfAssessment) };
  if (form === 'F7') return { ...doc, projects: [] };
  return doc;
}

function exportable(form: Form, doc: ExchangeDocument): boolean {
  if (form === 'F3') return doc.projects.some((p) => p.selfAssessment);
  if (form === 'F7') return doc.departmentPlans.length > 0;
  return doc.projects.length > 0;
}

describe.each(fixtures())('$name', ({ doc }) => {
  const year = yearOf(doc);
  const cases = CASES.filter(([form]) => exportable(form, doc));
  test.each(cases)('%s as .%s comes back with every field the form prints', async (form, format) => {
    const exported = await exportForm(form, format, { data: doc, year, scope: { kind: 'supervisor', unitId: root(doc).id } });
    if (!exported.ok) throw new Error(exported.messages.join('\n'));
    // F5 prints no year: the import is told it, as the user is asked for it
    const imported = await importFile(exported.bytes, { fileName: exported.fileName, now: '2026-02-01T00:00:00.000Z', ...(form === 'F5' ? { year } : {}) });
    if (!imported.ok) throw new Error(`${imported.message}\n${imported.report.issues.map((i) => i.message).join('\n')}`);
    expect(imported.report.issues.filter((i) => i.level === 'error')).toEqual([]);
    const expected = carried[form].of(inScope(form, doc), doc);
    expect(carried[form].of(imported.document, imported.document)).toEqual(expected);
    expect(imported.report.projects).toBe(inScope(form, doc).projects.length);
  });
});

test('the list of carried fields names every form read back', () => {
  expect(Object.keys(carried).sort()).toEqual(['F1', 'F3', 'F4', 'F5', 'F7']);
  for (const form of Object.values(carried)) expect(form.fields.length).toBeGreaterThan(20);
});
