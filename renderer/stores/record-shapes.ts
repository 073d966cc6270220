// The parts of each record an editor saves, as the conflict dialog names them (conflict.ts): a project's targets, its
// self-assessment, a department plan's targets and its year end, a unit's settings. Each shape covers exactly what its
// editor's save writes; everything else of the record is taken as stored.
import { joinItems, targetText } from '../../shared/indicator-text';
import {
  EMPTY_FUNDING,
  FUNDING_SOURCES,
  type DepartmentPlan,
  type Fen,
  type Funding,
  type Indicator,
  type IndicatorResult,
  type PlanTask,
  type Project,
  type SelfAssessment,
  type Unit,
} from '../../shared/model';
import { formatMoney } from '../../shared/money';
import { ruleSetLabel } from '../../shared/rule-sets';
import { getScheme } from '../../shared/schemes';
import { ASSESSMENT_STATUS_LABELS, FUNDING_SOURCE_LABELS, MONEY_GROUP_LABELS, OUTCOME_LABELS } from '../../shared/messages';
import { M } from '../messages';
import { MC } from '../messages-concurrency';
import { field, listOf, textOf, valueOnItems, type PartSpec, type RecordShape } from './conflict';

const money = (fen: Fen | null | undefined) => (fen === null || fen === undefined ? MC.empty : MC.moneyWan(formatMoney(fen, '万元')));

/** A text field of a record, read and written by key. */
function textField<T>(key: string, label: string, get: (r: T) => string | undefined, set: (r: T, v: string | undefined) => void): PartSpec<T> {
  return field(key, label, get, set, textOf);
}

function indicatorText(ind: Indicator): string {
  return joinItems(
    [
      `${ind.name}：${targetText(ind)}`,
      ind.weight === null ? '' : MC.indicatorWeight(String(ind.weight)),
      ind.core ? MC.indicatorCore : '',
      ind.periodTarget ? MC.indicatorPeriod(ind.periodTarget) : '',
      ind.explanation ? MC.indicatorExplanation(ind.explanation) : '',
    ],
    '；',
  );
}

function indicatorList<T extends { indicators: Indicator[] }>(): PartSpec<T> {
  return listOf<T, Indicator>('indicators', {
    items: (r) => r.indicators,
    setItems: (r, items) => (r.indicators = items),
    idOf: (i) => i.id,
    label: (i) => MC.indicatorItem(i.name),
    text: indicatorText,
  });
}

/** The five funding sources of a Funding inside a record, one part each. */
function fundingFields<T>(key: string, label: (source: string) => string, get: (r: T) => Funding | undefined, ensure: (r: T) => Funding): PartSpec<T>[] {
  return FUNDING_SOURCES.map((source) =>
    field<T, Fen>(
      `${key}.${source}`,
      label(FUNDING_SOURCE_LABELS[source]),
      (r) => get(r)?.[source] ?? 0,
      (r, v) => (ensure(r)[source] = v),
      money,
    ),
  );
}

/** The authoring editor's part of a project (saveTargets): basic data, funding, goals and indicators. */
export const PROJECT_TARGETS: RecordShape<Project> = [
  textField<Project>('name', M.projectName, (p) => p.name, (p, v) => (p.name = v ?? '')),
  textField<Project>('competentDepartment', M.competentDepartment, (p) => p.competentDepartment, (p, v) => {
    if (v === undefined) delete p.competentDepartment;
    else p.competentDepartment = v;
  }),
  field<Project, boolean>('governmentInvestment', M.governmentInvestment, (p) => p.governmentInvestment, (p, v) => (p.governmentInvestment = v), textOf),
  field<Project, boolean>('key', M.keyProject, (p) => p.key, (p, v) => (p.key = v), textOf),
  ...fundingFields<Project>('funding', MC.fundingSource, (p) => p.funding, (p) => p.funding),
  field<Project, Fen>('townSubsidy', M.townSubsidy, (p) => p.townSubsidy, (p, v) => (p.townSubsidy = v), money),
  textField<Project>('overview', M.overview, (p) => p.overview, (p, v) => (p.overview = v ?? '')),
  textField<Project>('basis', M.basis, (p) => p.basis, (p, v) => (p.basis = v ?? '')),
  textField<Project>('annualGoal', M.annualGoal, (p) => p.annualGoal, (p, v) => (p.annualGoal = v ?? '')),
  textField<Project>('periodGoal', M.periodGoal, (p) => p.periodGoal, (p, v) => (p.periodGoal = v ?? '')),
  indicatorList<Project>(),
];

// ------------------------------------------------------------------ self-assessment

function blankAssessment(): SelfAssessment {
  return {
    budgetInitial: { ...EMPTY_FUNDING },
    budgetAdjusted: { ...EMPTY_FUNDING },
    spent: { ...EMPTY_FUNDING },
    overallResult: '',
    results: [],
    problems: '',
    rectification: '',
    status: 'notStarted',
  };
}

/** The project's self-assessment, made (empty) where the stored project has none yet. */
function sa(p: Project): SelfAssessment {
  p.selfAssessment ??= blankAssessment();
  return p.selfAssessment;
}

function resultText(r: IndicatorResult): string {
  return joinItems([
    r.notApplicable ? MC.resultNotApplicable(r.notApplicable.reason) : '',
    r.actual ? MC.resultActual(r.actual) : '',
    r.outcome ? OUTCOME_LABELS[r.outcome] : '',
    r.scoreOverride ? MC.resultOverride(String(r.scoreOverride.score), r.scoreOverride.reason) : '',
    r.deviationNote ? MC.resultDeviation(r.deviationNote) : '',
  ]) || MC.empty;
}

/** Results by indicator; labelled with the indicator's name where the record has it. */
function resultList<T>(items: (r: T) => readonly IndicatorResult[], setItems: (r: T, items: IndicatorResult[]) => void, nameOf: (id: string) => string): PartSpec<T> {
  return listOf<T, IndicatorResult>('results', {
    items,
    setItems,
    idOf: (r) => r.indicatorId,
    label: (r) => MC.resultItem(nameOf(r.indicatorId)),
    text: resultText,
  });
}

type LockState = Pick<SelfAssessment, 'status' | 'completedAt' | 'reopenedAt' | 'completedScoring'>;

/** The 绩效自评 workspace's part of a project (saveSelfAssessment). `names` names the indicators in labels. */
export function assessmentShape(names: ReadonlyMap<string, string>): RecordShape<Project> {
  const groups = ['budgetInitial', 'budgetAdjusted', 'spent'] as const;
  return [
    ...groups.flatMap((group) =>
      fundingFields<Project>(group, (source) => MC.assessmentMoney(MONEY_GROUP_LABELS[group], source), (p) => p.selfAssessment?.[group], (p) => sa(p)[group]),
    ),
    ...groups.map((group) =>
      field<Project, Fen>(
        `carriedOver.${group}`,
        MC.carriedOver(MONEY_GROUP_LABELS[group]),
        (p) => p.selfAssessment?.carriedOver?.[group] ?? 0,
        (p, v) => {
          const a = sa(p);
          a.carriedOver = { ...(a.carriedOver ?? { budgetInitial: 0, budgetAdjusted: 0, spent: 0 }), [group]: v };
        },
        money,
      ),
    ),
    textField<Project>('overallResult', MC.assessmentOverall, (p) => p.selfAssessment?.overallResult, (p, v) => (sa(p).overallResult = v ?? '')),
    resultList<Project>((p) => p.selfAssessment?.results ?? [], (p, items) => (sa(p).results = items), (id) => names.get(id) ?? ''),
    textField<Project>('problems', MC.assessmentProblems, (p) => p.selfAssessment?.problems, (p, v) => (sa(p).problems = v ?? '')),
    textField<Project>('rectification', MC.assessmentRectification, (p) => p.selfAssessment?.rectification, (p, v) => (sa(p).rectification = v ?? '')),
    textField<Project>('executionNote', MC.assessmentExecutionNote, (p) => p.selfAssessment?.executionNote, (p, v) => {
      if (v === undefined) delete sa(p).executionNote;
      else sa(p).executionNote = v;
    }),
    // the lock travels whole: 已完成 with its time and frozen scores, or open with its reopenings
    field<Project, LockState | undefined>(
      'status',
      MC.assessmentStatus,
      (p) => {
        const a = p.selfAssessment;
        if (!a) return undefined;
        const lock: LockState = { status: a.status };
        if (a.completedAt !== undefined) lock.completedAt = a.completedAt;
        if (a.reopenedAt !== undefined) lock.reopenedAt = a.reopenedAt;
        if (a.completedScoring !== undefined) lock.completedScoring = a.completedScoring;
        return lock;
      },
      (p, lock) => {
        const a = sa(p);
        a.status = lock?.status ?? 'notStarted';
        for (const k of ['completedAt', 'reopenedAt', 'completedScoring'] as const) delete a[k];
        if (lock) Object.assign(a, lock);
      },
      (lock) => ASSESSMENT_STATUS_LABELS[lock?.status ?? 'notStarted'],
    ),
  ];
}

/** The indicator names of a project or plan, for labels. */
export function indicatorNames(...records: ({ indicators: readonly Indicator[] } | null | undefined)[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of records) for (const i of r?.indicators ?? []) if (!names.has(i.id)) names.set(i.id, i.name);
  return names;
}

// ------------------------------------------------------------------ department plan

function taskText(t: PlanTask): string {
  const fiscal = formatMoney(t.funding.generalPublic + t.funding.governmentFund + t.funding.stateCapital, '万元');
  const other = formatMoney(t.funding.specialAccount + t.funding.other, '万元');
  return joinItems([t.name, t.content, MC.taskFunding(fiscal, other)]);
}

/** The plan editor's part of a plan (saveTargets): goal, budget, tasks and indicators. */
export const PLAN_TARGETS: RecordShape<DepartmentPlan> = [
  textField<DepartmentPlan>('overallGoal', M.overallGoal, (p) => p.overallGoal, (p, v) => (p.overallGoal = v ?? '')),
  field<DepartmentPlan, Fen | null>('expenditureBudget', M.expenditureBudget, (p) => p.expenditureBudget, (p, v) => (p.expenditureBudget = v), money),
  listOf<DepartmentPlan, PlanTask>('tasks', {
    items: (p) => p.tasks,
    setItems: (p, items) => (p.tasks = items),
    idOf: (t) => t.id,
    label: (t) => MC.taskItem(t.name),
    text: taskText,
  }),
  indicatorList<DepartmentPlan>(),
];

/** The year-end screen's part of a plan (saveYearEnd): 实际完成情况, results, each task's spending. */
export function planYearEndShape(names: ReadonlyMap<string, string>): RecordShape<DepartmentPlan> {
  return [
    textField<DepartmentPlan>('overallResult', MC.planOverallResult, (p) => p.overallResult, (p, v) => {
      if (v === undefined || v === '') delete p.overallResult;
      else p.overallResult = v;
    }),
    resultList<DepartmentPlan>((p) => p.results ?? [], (p, items) => (p.results = items), (id) => names.get(id) ?? ''),
    valueOnItems<DepartmentPlan, PlanTask, Funding | undefined>('spent', {
      items: (p) => p.tasks,
      idOf: (t) => t.id,
      label: (t) => MC.taskSpent(t.name),
      get: (t) => t.spent,
      set: (t, v) => {
        if (v === undefined) delete t.spent;
        else t.spent = v;
      },
      text: (f) => (f ? MC.taskFunding(formatMoney(f.generalPublic, '万元'), formatMoney(f.other, '万元')) : MC.empty),
    }),
  ];
}

// ------------------------------------------------------------------ unit

/** A unit's settings (the unit dialog); `nameOf` names the 主管部门, `sectorLabel` the 行业. */
export function unitShape(nameOf: (id: string) => string, sectorLabel: (id: string) => string = (id) => id): RecordShape<Unit> {
  return [
    textField<Unit>('name', M.unitName, (u) => u.name, (u, v) => (u.name = v ?? '')),
    textField<Unit>('shortName', MC.unitShortName, (u) => u.shortName, (u, v) => {
      if (v === undefined || v === '') delete u.shortName;
      else u.shortName = v;
    }),
    field<Unit, string | null>('parentId', M.unitParent, (u) => u.parentId, (u, v) => (u.parentId = v), (v) => (v === null ? M.noParent : nameOf(v) || v)),
    field<Unit, string>('schemeId', M.unitScheme, (u) => u.schemeId, (u, v) => (u.schemeId = v), (v) => getScheme(v)?.label ?? v),
    field<Unit, Unit['ruleSets']>(
      'ruleSets',
      MC.unitRuleSets,
      (u) => u.ruleSets,
      (u, v) => {
        if (v === undefined) delete u.ruleSets;
        else u.ruleSets = v;
      },
      (sets) => (sets?.length ? sets.map((e) => `${e.year}${M.yearSuffix}起：${e.ruleSet ? ruleSetLabel(e.ruleSet) : e.ruleSetId}`).join('；') : MC.empty),
    ),
    textField<Unit>('code', MC.unitCode, (u) => u.code, (u, v) => {
      if (v === undefined || v === '') delete u.code;
      else u.code = v;
    }),
    field<Unit, string | undefined>(
      'sector',
      MC.unitSector,
      (u) => u.sector,
      (u, v) => {
        if (v === undefined || v === '') delete u.sector;
        else u.sector = v;
      },
      (v) => (v ? sectorLabel(v) : MC.empty),
    ),
  ];
}
