// Where a field is on the page: the one mapping from a typed target to its element's id (every bound field takes its
// id from here, and the check panel, the undo and the library jump with it), and moving the focus there.
import { FUNDING_SOURCES, type Id } from '../../shared/model';
import type { IndicatorField, MoneyGroupName, ProblemTarget, RecordField, ResultField, TaskField } from '../../shared/validation';

/** A target, its record's id optional: the ids of the page do not need it (a row's id is unique on its own). */
export type FieldRef = ProblemTarget extends infer T ? (T extends unknown ? Omit<T, 'recordId'> & { recordId?: Id } : never) : never;

const GROUPS: readonly MoneyGroupName[] = ['budgetInitial', 'budgetAdjusted', 'spent'];

/** A project's own fields: the authoring editor's boxes, and the self-assessment's in the year-end workspace. */
const PROJECT_IDS = new Map<RecordField, string>([
  ['name', 'project-name'],
  ['competentDepartment', 'project-competentDepartment'],
  ['overview', 'project-overview'],
  ['basis', 'project-basis'],
  ['annualGoal', 'project-annualGoal'],
  ['periodGoal', 'project-periodGoal'],
  ['townSubsidy', 'project-townSubsidy'],
  ['indicators', 'section-indicators'],
  ...FUNDING_SOURCES.map((s): [RecordField, string] => [`funding.${s}`, `project-funding-${s}`]),
  ...GROUPS.flatMap((g) => FUNDING_SOURCES.map((s): [RecordField, string] => [`selfAssessment.${g}.${s}`, `sa-${g}-${s}`])),
  ...GROUPS.map((g): [RecordField, string] => [`selfAssessment.carriedOver.${g}`, `sa-${g}-carriedOver`]),
  ['selfAssessment.overallResult', 'sa-overallResult'],
  ['selfAssessment.problems', 'sa-problems'],
  ['selfAssessment.rectification', 'sa-rectification'],
  ['selfAssessment.executionNote', 'sa-executionNote'],
]);

const PLAN_IDS = new Map<RecordField, string>([
  ['overallGoal', 'plan-overallGoal'],
  ['expenditureBudget', 'plan-expenditureBudget'],
  ['overallResult', 'plan-overallResult'],
  ['indicators', 'section-indicators'],
]);

/** The box an indicator field is shown in: the level codes on the name, a range's upper end in the 指标值 box. */
export function shownIn(field: IndicatorField): IndicatorField {
  if (field === 'level1' || field === 'level2') return 'name';
  return field === 'targetMax' ? 'target' : field;
}

const TASK_IDS: Readonly<Record<TaskField, string>> = {
  name: 'name',
  content: 'content',
  fiscal: 'fiscal',
  other: 'other',
  'spent.fiscal': 'spent-fiscal',
  'spent.other': 'spent-other',
};

const RESULT_IDS: Readonly<Record<ResultField, string>> = {
  result: 'actual',
  actual: 'actual',
  outcome: 'outcome',
  deviationNote: 'deviationNote',
  scoreOverride: 'override',
  'scoreOverride.reason': 'override-reason',
  'notApplicable.reason': 'na-reason',
};

/** The DOM id of the field a target names. */
export function fieldDomId(t: FieldRef): string {
  switch (t.of) {
    case 'indicator':
      return `ind-${t.indicatorId}-${shownIn(t.field)}`;
    case 'task':
      return `task-${t.taskId}-${TASK_IDS[t.field]}`;
    case 'result':
      return `result-${t.indicatorId}-${RESULT_IDS[t.field]}`;
    case 'record':
      return (t.record === 'project' ? PROJECT_IDS : PLAN_IDS).get(t.field) ?? 'section-indicators';
  }
}

/** The id of an indicator row's box (the row is the same in a project and in a plan). */
export function indicatorFieldId(indicatorId: Id, field: IndicatorField): string {
  return fieldDomId({ record: 'project', of: 'indicator', indicatorId, field });
}

// Moving the focus to a field that may only appear after the next render (a new row, a jump from the check panel).
export function focusElement(id: string, attempts = 10): void {
  const el = document.getElementById(id);
  if (el instanceof HTMLElement) {
    el.focus();
    // a row far from the screen shows the outline of a box under the field's id; focused, the row comes alive and
    // the real field, under the same id, takes the focus once React has rendered it: shown from the next frame on
    requestAnimationFrame(() => {
      const shown = document.getElementById(id) ?? el;
      shown.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      shown.classList.add('flash');
      setTimeout(() => shown.classList.remove('flash'), 900);
    });
    return;
  }
  if (attempts > 0) requestAnimationFrame(() => focusElement(id, attempts - 1));
}
