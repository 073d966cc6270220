// Which 主管部门 a form prints (templates/scope.ts competentDepartmentOf): the project's 业务主管部门 where it is set,
// else the unit's parent, else the unit itself; the same in every form that prints one, in Excel and in Word.
import type { Project, Unit } from '../../shared/model';
import { exportForm } from '../../templates/export';
import type { FormId } from '../../templates/template';
import { competentDepartmentOf } from '../../templates/scope';
import { docxRows, documentXml, loadFixture, readXlsx } from './read-back';

const doc = loadFixture('review-2025');
const SOLO: Unit = { id: 'solo', name: '江南市北城区档案馆', parentId: null, schemeId: 'A-2015', updatedAt: '2025-01-02T00:00:00.000Z' };
/** a reviewed project (F10) with a self-assessment begun (F3) */
const base: Project = {
  ...doc.projects[0],
  selfAssessment: {
    budgetInitial: doc.projects[0].funding,
    budgetAdjusted: doc.projects[0].funding,
    spent: doc.projects[0].funding,
    overallResult: '',
    results: [],
    problems: '',
    rectification: '',
    status: 'inProgress',
  },
};

const CASES: { name: string; project: Project; printed: string }[] = [
  { name: 'the project\'s 业务主管部门', project: { ...base, competentDepartment: '科技管理科' }, printed: '科技管理科' },
  { name: 'the unit\'s parent', project: base, printed: '江南市北城区科学技术局' },
  { name: 'a top-level unit itself', project: { ...base, unitId: SOLO.id, competentDepartment: '  ' }, printed: '江南市北城区档案馆' },
];

/** The form's 主管部门 label, the cell of its value in Excel (row, column) and how many columns left its label starts. */
const FORMS: { form: FormId; label: string; cell: [number, number]; labelLeft: number }[] = [
  { form: 'F1', label: '业务主管部门', cell: [3, 6], labelLeft: 2 },
  { form: 'F3', label: '主管部门', cell: [4, 2], labelLeft: 1 },
  { form: 'F9', label: '主管部门', cell: [4, 3], labelLeft: 2 },
  { form: 'F10', label: '主管部门', cell: [4, 5], labelLeft: 1 },
];

test('competentDepartmentOf: set, else the parent, else the unit; blank counts as not set', () => {
  const units = [...doc.units, SOLO];
  expect(CASES.map((c) => competentDepartmentOf(c.project, units))).toEqual(CASES.map((c) => c.printed));
  expect(competentDepartmentOf({ unitId: 'ghost' }, units)).toBe('');
});

describe.each(FORMS)('$form', ({ form, label, cell, labelLeft }) => {
  test.each(CASES)('prints $name', async ({ project, printed }) => {
    const request = { data: { ...doc, units: [...doc.units, SOLO], projects: [project] }, year: 2025, scope: { kind: 'projects' as const, projectIds: [project.id] } };
    const x = await exportForm(form, 'xlsx', request);
    if (!x.ok) throw new Error(x.messages.join());
    const sheet = await readXlsx(x.bytes);
    expect([sheet.text(cell[0], cell[1] - labelLeft), sheet.text(cell[0], cell[1])]).toEqual([label, printed]);
    const d = await exportForm(form, 'docx', request);
    if (!d.ok) throw new Error(d.messages.join());
    const row = docxRows(await documentXml(d.bytes)).find((r) => r.includes(label))!;
    expect(row[row.indexOf(label) + 1]).toBe(printed);
  });
});
