// Authoring rules of domain.md §3 and the self-assessment checks of §5, explained in plain Chinese.
// Errors block export of a final form; warnings are shown but do not block.
import Decimal from 'decimal.js';
import type { DepartmentPlan, Fen, Funding, Id, Indicator, IndicatorResult, Project, RuleSet } from './model';
import { FUNDING_SOURCES, fundingTotal } from './model';
import { level1Label, level2Label } from './indicator-text';
import { formatMoney } from './money';
import { findLevel1, findLevel2, level1OfRole, type IndicatorScheme, type Level1Role } from './schemes';
import { CN_2020, indicatorPoints, isExecutionIndicator, level1WeightGroups, requiredLevel2Of, TOTAL_POINTS } from './rule-sets';
import { assessDepartmentPlan, assessProject, type IndicatorScore, type ScoreError, scoreIndicator } from './scoring';
import { weightsOutOfHundred } from './weights';
import { FUNDING_SOURCE_LABELS, MONEY_GROUP_LABELS, type Severity, validationText as T } from './messages';

export type ProblemCode =
  | 'projectNameRequired'
  | 'annualGoalEmpty'
  | 'overallGoalEmpty'
  | 'taskNameRequired'
  | 'outputIndicatorRequired'
  | 'benefitIndicatorRequired'
  | 'satisfactionIndicatorExpected'
  | 'unknownLevel1'
  | 'unknownLevel2'
  | 'level2NotInLevel1'
  | 'indicatorNameEmpty'
  | 'indicatorNameDuplicate'
  | 'targetNotNumeric'
  | 'targetMaxInvalid'
  | 'unitRequired'
  | 'qualitativeTargetRequired'
  | 'weightMissing'
  | 'weightInvalid'
  | 'weightSum'
  | 'weightSumHundred'
  | 'level1WeightMismatch'
  | 'moneyInvalid'
  | 'planBudgetMismatch'
  | 'deviationNoteRequired'
  | 'executionNoteRequired'
  | 'noteTooLong'
  | 'resultUnknownIndicator'
  | 'actualNotNumeric'
  | 'actualUnitMismatch'
  | 'scoreOverrideInvalid'
  | 'executionIndicator'
  | 'qualitativeActualRequired'
  | 'notApplicableReasonRequired'
  | 'requiredLevel2Missing'
  | 'weightsAbsent'
  /** text typed into a field that its codec cannot read (kept on screen, never stored): raised by the editors */
  | 'inputInvalid';

/** A field of a project or a plan as a whole. */
export type RecordField =
  | 'name'
  | 'competentDepartment'
  | 'overview'
  | 'basis'
  | 'annualGoal'
  | 'periodGoal'
  | 'townSubsidy'
  | `funding.${keyof Funding}`
  | 'overallGoal'
  | 'expenditureBudget'
  | 'overallResult'
  | 'indicators'
  | `selfAssessment.${MoneyGroupName}.${keyof Funding}`
  | `selfAssessment.carriedOver.${MoneyGroupName}`
  | 'selfAssessment.overallResult'
  | 'selfAssessment.problems'
  | 'selfAssessment.rectification'
  | 'selfAssessment.executionNote';
/** The three amounts of a self-assessment's funds table. */
export type MoneyGroupName = 'budgetInitial' | 'budgetAdjusted' | 'spent';
/** A field of an indicator row; the level codes and a range's upper end are shown in other boxes (renderer/app/focus.ts). */
export type IndicatorField = 'level1' | 'level2' | 'name' | 'direction' | 'target' | 'targetMax' | 'unit' | 'weight' | 'core' | 'periodTarget' | 'explanation' | 'execution';
/** A field of a department plan's task: 财政拨款 (the fiscal sources) and 其他资金, budgeted and spent. */
export type TaskField = 'name' | 'content' | 'fiscal' | 'other' | 'spent.fiscal' | 'spent.other';
/** A field of an indicator's year-end result. */
export type ResultField = 'result' | 'actual' | 'outcome' | 'deviationNote' | 'scoreOverride' | 'scoreOverride.reason' | 'notApplicable.reason';

/** Which record a problem or a field is in. */
export interface RecordRef {
  record: 'project' | 'plan';
  recordId: Id;
}

/** Where a problem is (or which field an editor binds): a record's own field, or a field of one of its rows. */
export type ProblemTarget = RecordRef &
  (
    | { of: 'record'; field: RecordField }
    | { of: 'indicator'; indicatorId: Id; field: IndicatorField }
    | { of: 'task'; taskId: Id; field: TaskField }
    | { of: 'result'; indicatorId: Id; field: ResultField }
  );

export interface Problem {
  /** where the problem is, as a property path of the validated object: 'indicators[2].target', 'funding.other' */
  path: string;
  /** the same place, typed: what the editors mark and the check panel jumps to */
  target: ProblemTarget;
  severity: Severity;
  code: ProblemCode;
  message: string;
  /** the 二级 code the problem is about, where it concerns a whole 二级 (requiredLevel2Missing) */
  level2?: string;
}

export interface ValidationOptions {
  /** the unit's own split of the weights per 一级 code, replacing the scheme's defaultWeight */
  level1Weights?: Readonly<Record<string, number>>;
  /** the unit's rule set for the year (rule-sets.ts ruleSetOf); CN-2020 when absent */
  ruleSet?: RuleSet;
  /** 二级 codes the record must have rows under; absent: the rule set's requiredLevel2 for a project, none for a plan */
  requiredLevel2?: readonly string[];
}

/** Character limit of 偏差原因分析及改进措施 on the self-assessment form. */
export const NOTE_LIMIT = 100;

const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;

export function hasBlockingErrors(problems: readonly Pick<Problem, 'severity'>[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

const error = (path: string, target: ProblemTarget, code: ProblemCode, message: string): Problem => ({ path, target, severity: 'error', code, message });
const warning = (path: string, target: ProblemTarget, code: ProblemCode, message: string): Problem => ({ path, target, severity: 'warning', code, message });

const onRecord = (rec: RecordRef, field: RecordField): ProblemTarget => ({ ...rec, of: 'record', field });
const onIndicator = (rec: RecordRef, indicatorId: Id, field: IndicatorField): ProblemTarget => ({ ...rec, of: 'indicator', indicatorId, field });
const onResult = (rec: RecordRef, indicatorId: Id, field: ResultField): ProblemTarget => ({ ...rec, of: 'result', indicatorId, field });

function isMoney(x: Fen): boolean {
  return Number.isSafeInteger(x) && x >= 0;
}

function checkFunding(f: Funding, path: string, group: string, target: (source: keyof Funding) => ProblemTarget): Problem[] {
  return FUNDING_SOURCES.filter((k) => !isMoney(f[k])).map((k) =>
    error(`${path}.${k}`, target(k), 'moneyInvalid', T.moneyInvalid(T.moneyField(group, FUNDING_SOURCE_LABELS[k]))),
  );
}

/** A task keeps its fiscal sources in one box (财政拨款) and the others in another (其他资金). */
function taskBox(source: keyof Funding): 'fiscal' | 'other' {
  return source === 'specialAccount' || source === 'other' ? 'other' : 'fiscal';
}

function sumText(d: Decimal): string {
  return d.toString();
}

/** The rules on a list of indicators, shared by projects and department plans. */
function checkIndicators(indicators: readonly Indicator[], scheme: IndicatorScheme, options: ValidationOptions, rec: RecordRef): Problem[] {
  const out: Problem[] = [];
  const ruleSet = options.ruleSet ?? CN_2020;
  // domain.md §3: an output and a benefit level are required, satisfaction expected, whatever a scheme codes them as
  const missing = (role: Level1Role): string | null => {
    const def = level1OfRole(scheme, role);
    return def && !indicators.some((i) => i.level1 === def.code) ? def.label : null;
  };
  const output = missing('output');
  const benefit = missing('benefit');
  const satisfaction = missing('satisfaction');
  const list = onRecord(rec, 'indicators');
  if (output !== null) out.push(error('indicators', list, 'outputIndicatorRequired', T.level1Required(output)));
  if (benefit !== null) out.push(error('indicators', list, 'benefitIndicatorRequired', T.level1Required(benefit)));
  if (satisfaction !== null) out.push(warning('indicators', list, 'satisfactionIndicatorExpected', T.satisfactionExpected(satisfaction)));
  // a region's 必设 二级: each needs a row; a code the unit's scheme does not have is not asked for
  for (const code of options.requiredLevel2 ?? requiredLevel2Of(ruleSet)) {
    const found = findLevel2(scheme, code);
    if (found && !indicators.some((i) => i.level2 === code)) {
      out.push({ ...error('indicators', list, 'requiredLevel2Missing', T.requiredLevel2Missing(found.level2.label)), level2: code });
    }
  }

  const seen = new Set<string>();
  indicators.forEach((ind, i) => {
    const at = (field: IndicatorField) => `indicators[${i}].${field}`;
    const on = (field: IndicatorField) => onIndicator(rec, ind.id, field);
    const l1 = findLevel1(scheme, ind.level1);
    if (!l1) out.push(error(at('level1'), on('level1'), 'unknownLevel1', T.unknownLevel1(ind.level1)));
    const l2 = findLevel2(scheme, ind.level2);
    if (!l2) out.push(error(at('level2'), on('level2'), 'unknownLevel2', T.unknownLevel2(ind.level2)));
    else if (l1 && l2.level1.code !== l1.code) {
      out.push(error(at('level2'), on('level2'), 'level2NotInLevel1', T.level2NotInLevel1(l2.level2.label, l1.label, l2.level1.label)));
    }

    const name = ind.name.trim().replace(/\s+/g, ' ');
    if (name === '') out.push(error(at('name'), on('name'), 'indicatorNameEmpty', T.indicatorNameEmpty(level2Label(scheme, ind.level2))));
    else {
      const key = `${ind.level2}\u0000${name}`;
      if (seen.has(key)) out.push(error(at('name'), on('name'), 'indicatorNameDuplicate', T.indicatorNameDuplicate(name, level2Label(scheme, ind.level2))));
      seen.add(key);
    }

    // budget execution is scored once, as the execution score (domain.md §5): an indicator named for it is advised
    // against, whether it is taken as the 预算执行率 row or kept (execution: false) as a performance indicator; one
    // the user marked as that row is settled
    if (ind.execution !== true && isExecutionIndicator({ name: ind.name }, ruleSet)) {
      out.push(warning(at('name'), on('name'), 'executionIndicator', T.executionIndicator(String(ruleSet.parameters.executionWeight))));
    }
    if (ind.direction === '定性') {
      if (ind.target.trim() === '') out.push(error(at('target'), on('target'), 'qualitativeTargetRequired', T.qualitativeTargetRequired(name)));
    } else {
      if (!PLAIN_NUMBER.test(ind.target.trim())) out.push(error(at('target'), on('target'), 'targetNotNumeric', T.targetNotNumeric(name, ind.target)));
      if (ind.targetMax !== undefined) out.push(...checkTargetMax(ind, name, at('targetMax'), on('targetMax')));
      if (ind.unit.trim() === '') out.push(error(at('unit'), on('unit'), 'unitRequired', T.unitRequired(name)));
    }
  });

  // one problem per indicator can be more than a spread's arguments: appended one by one
  for (const p of checkWeights(indicators, scheme, options, rec)) out.push(p);
  return out;
}

/** The upper end of a range ("7-8次"): a number, not below the target (the lower end). Compared once both are numbers. */
function checkTargetMax(ind: Indicator, name: string, path: string, target: ProblemTarget): Problem[] {
  const max = (ind.targetMax ?? '').trim();
  if (!PLAIN_NUMBER.test(max)) return [error(path, target, 'targetMaxInvalid', T.targetMaxNotNumeric(name, ind.targetMax ?? ''))];
  const min = ind.target.trim();
  if (PLAIN_NUMBER.test(min) && new Decimal(max).lt(min)) return [error(path, target, 'targetMaxInvalid', T.targetMaxBelowTarget(name, min, max))];
  return [];
}

/**
 * Weights (domain.md §5): the indicators share the rule set's indicator points (90 beside 预算执行率's 10), a
 * 预算执行率 row among them (yubei 表17, weight 10) left out of the sum; weights adding up to 100 without such a row
 * are an error the check panel offers to scale (shared/weights.ts). Per-一级 sums are compared with the rule set's
 * 一级 weights (scheme B: 产出 and 成本 together) or the unit's own split, a departure being a warning.
 */
function checkWeights(
  indicators: readonly Indicator[],
  scheme: IndicatorScheme,
  options: ValidationOptions,
  rec: RecordRef,
): Problem[] {
  const list = onRecord(rec, 'indicators');
  // a list without weights is allowed (longgang 2019 published none), but the year end then has nothing to score by:
  // said at authoring, beside the check panel's offer to fill them in (shared/weights.ts proposeWeights)
  if (indicators.every((i) => i.weight === null)) return indicators.length > 0 ? [warning('indicators', list, 'weightsAbsent', T.weightsAbsent)] : [];
  const out: Problem[] = [];
  let valid = true;
  indicators.forEach((ind, i) => {
    const name = ind.name.trim();
    if (ind.weight === null) {
      out.push(error(`indicators[${i}].weight`, onIndicator(rec, ind.id, 'weight'), 'weightMissing', T.weightMissing(name)));
      valid = false;
    } else if (!Number.isFinite(ind.weight) || ind.weight < 0) {
      out.push(error(`indicators[${i}].weight`, onIndicator(rec, ind.id, 'weight'), 'weightInvalid', T.weightInvalid(name)));
      valid = false;
    }
  });
  if (!valid) return out;

  const ruleSet = options.ruleSet ?? CN_2020;
  const points = new Decimal(indicatorPoints(ruleSet));
  const executionWeight = String(ruleSet.parameters.executionWeight);
  const counted = indicators.filter((ind) => !isExecutionIndicator(ind, ruleSet));
  const sumOf = (list: readonly Indicator[]) => list.reduce((s, i) => s.plus(i.weight ?? 0), new Decimal(0));
  const total = sumOf(counted);
  if (weightsOutOfHundred(indicators, ruleSet)) {
    out.push(error('indicators', list, 'weightSumHundred', T.weightSumHundred(sumText(total), sumText(points), executionWeight, sumText(points.div(TOTAL_POINTS)))));
    return out;
  }
  if (!total.eq(points)) {
    const message = counted.length < indicators.length ? T.weightSumWithoutExecution(sumText(total), sumText(points), executionWeight) : T.weightSum(sumText(total), sumText(points), executionWeight);
    out.push(error('indicators', list, 'weightSum', message));
    return out;
  }
  const expected = options.level1Weights
    ? scheme.level1.map((l1) => ({ codes: [l1.code], weight: new Decimal(options.level1Weights?.[l1.code] ?? l1.defaultWeight) }))
    : level1WeightGroups(ruleSet, scheme).map((g) => ({ codes: g.codes, weight: new Decimal(g.weight) }));
  // the split is compared only when it adds up to the points the weights do (a unit's own split may not)
  if (!expected.reduce((s, e) => s.plus(e.weight), new Decimal(0)).eq(total)) return out;
  for (const e of expected) {
    const sum = sumOf(counted.filter((i) => e.codes.includes(i.level1)));
    if (!sum.eq(e.weight)) {
      const label = e.codes.map((code) => level1Label(scheme, code)).join(T.level1Joiner);
      out.push(warning('indicators', list, 'level1WeightMismatch', T.level1WeightMismatch(label, sumText(sum), sumText(e.weight))));
    }
  }
  return out;
}

/** A scoring error as a problem; target problems are left to the authoring rules, which report them already. */
function scoreProblem(e: ScoreError, resultPath: string, rec: RecordRef, indicatorId: Id): Problem[] {
  if (e.code === 'targetNotNumeric') return [];
  if (e.code === 'actualNotNumeric' || e.code === 'actualUnitMismatch') return [error(`${resultPath}.actual`, onResult(rec, indicatorId, 'actual'), e.code, e.message)];
  return [error(`${resultPath}.scoreOverride`, onResult(rec, indicatorId, 'scoreOverride'), 'scoreOverrideInvalid', e.message)];
}

function noteLength(note: string): number {
  return Array.from(note.trim()).length;
}

/** Notes of a list of results: required ones present, none over the form's limit. */
function checkResultNotes(
  indicators: readonly Indicator[],
  results: readonly IndicatorResult[],
  base: string,
  score: (ind: Indicator, k: number) => { deviationRequired: boolean; deviationReason: string | null },
  rec: RecordRef,
): Problem[] {
  const out: Problem[] = [];
  results.forEach((r, k) => {
    const at = `${base}[${k}]`;
    const on = (field: ResultField) => onResult(rec, r.indicatorId, field);
    const ind = indicators.find((i) => i.id === r.indicatorId);
    if (!ind) {
      out.push(warning(at, on('result'), 'resultUnknownIndicator', T.resultUnknownIndicator));
      return;
    }
    const note = r.deviationNote ?? '';
    const s = score(ind, k);
    if (r.notApplicable) {
      // the reason is the row's note (domain.md §5: 不适用 needs one)
      if (r.notApplicable.reason.trim() === '') out.push(error(`${at}.notApplicable.reason`, on('notApplicable.reason'), 'notApplicableReasonRequired', T.notApplicableReasonRequired(ind.name.trim())));
    } else if (ind.direction === '定性' && r.outcome !== undefined && r.actual.trim() === '') {
      out.push(error(`${at}.actual`, on('actual'), 'qualitativeActualRequired', T.qualitativeActualRequired(ind.name.trim())));
    }
    if (!r.notApplicable && s.deviationRequired && s.deviationReason !== null && note.trim() === '') {
      out.push(error(`${at}.deviationNote`, on('deviationNote'), 'deviationNoteRequired', T.deviationNoteRequired(ind.name.trim(), s.deviationReason)));
    }
    if (noteLength(note) > NOTE_LIMIT) out.push(warning(`${at}.deviationNote`, on('deviationNote'), 'noteTooLong', T.noteTooLong(noteLength(note), NOTE_LIMIT)));
  });
  return out;
}

export function validateProject(project: Project, scheme: IndicatorScheme, options: ValidationOptions = {}): Problem[] {
  const out: Problem[] = [];
  const rec: RecordRef = { record: 'project', recordId: project.id };
  if (project.name.trim() === '') out.push(error('name', onRecord(rec, 'name'), 'projectNameRequired', T.projectNameRequired));
  if (project.annualGoal.trim() === '') out.push(warning('annualGoal', onRecord(rec, 'annualGoal'), 'annualGoalEmpty', T.annualGoalEmpty));
  out.push(...checkFunding(project.funding, 'funding', MONEY_GROUP_LABELS.funding, (k) => onRecord(rec, `funding.${k}`)));
  if (!isMoney(project.townSubsidy)) out.push(error('townSubsidy', onRecord(rec, 'townSubsidy'), 'moneyInvalid', T.moneyInvalid(MONEY_GROUP_LABELS.townSubsidy)));
  for (const p of checkIndicators(project.indicators, scheme, options, rec)) out.push(p);

  const sa = project.selfAssessment;
  if (!sa) return out;
  for (const group of ['budgetInitial', 'budgetAdjusted', 'spent'] as const) {
    out.push(...checkFunding(sa[group], `selfAssessment.${group}`, MONEY_GROUP_LABELS[group], (k) => onRecord(rec, `selfAssessment.${group}.${k}`)));
  }

  const assessment = assessProject(project, scheme, options.ruleSet);
  const byId = new Map(assessment.indicatorScores.map((s) => [s.indicatorId, s]));
  for (const p of checkResultNotes(project.indicators, sa.results, 'selfAssessment.results', (ind) => byId.get(ind.id) ?? scoreIndicator(ind, undefined, options.ruleSet), rec)) out.push(p);
  sa.results.forEach((r, k) => {
    const e = byId.get(r.indicatorId)?.error;
    if (e) out.push(...scoreProblem(e, `selfAssessment.results[${k}]`, rec, r.indicatorId));
  });

  const exec = assessment.deviationsRequired.find((d) => d.indicatorId === null);
  const execNote = sa.executionNote ?? '';
  const execNoteTarget = onRecord(rec, 'selfAssessment.executionNote');
  if (exec && execNote.trim() === '') out.push(error('selfAssessment.executionNote', execNoteTarget, 'executionNoteRequired', T.executionNoteRequired(exec.reason)));
  if (noteLength(execNote) > NOTE_LIMIT) {
    out.push(warning('selfAssessment.executionNote', execNoteTarget, 'noteTooLong', T.noteTooLong(noteLength(execNote), NOTE_LIMIT)));
  }
  return out;
}

export function validateDepartmentPlan(plan: DepartmentPlan, scheme: IndicatorScheme, options: ValidationOptions = {}): Problem[] {
  const out: Problem[] = [];
  const rec: RecordRef = { record: 'plan', recordId: plan.id };
  if (plan.overallGoal.trim() === '') out.push(warning('overallGoal', onRecord(rec, 'overallGoal'), 'overallGoalEmpty', T.overallGoalEmpty));
  plan.tasks.forEach((task, i) => {
    const on = (field: TaskField): ProblemTarget => ({ ...rec, of: 'task', taskId: task.id, field });
    if (task.name.trim() === '') out.push(error(`tasks[${i}].name`, on('name'), 'taskNameRequired', T.taskNameRequired(i + 1)));
    out.push(...checkFunding(task.funding, `tasks[${i}].funding`, MONEY_GROUP_LABELS.funding, (k) => on(taskBox(k))));
    if (task.spent) out.push(...checkFunding(task.spent, `tasks[${i}].spent`, MONEY_GROUP_LABELS.spent, (k) => on(taskBox(k) === 'fiscal' ? 'spent.fiscal' : 'spent.other')));
  });
  if (plan.expenditureBudget !== null) {
    if (!isMoney(plan.expenditureBudget)) {
      out.push(error('expenditureBudget', onRecord(rec, 'expenditureBudget'), 'moneyInvalid', T.moneyInvalid(MONEY_GROUP_LABELS.expenditureBudget)));
    } else if (plan.tasks.length > 0 && plan.tasks.every((t) => FUNDING_SOURCES.every((k) => isMoney(t.funding[k])))) {
      const sum = plan.tasks.reduce((s, t) => s + fundingTotal(t.funding), 0);
      if (sum !== plan.expenditureBudget) {
        out.push(warning('expenditureBudget', onRecord(rec, 'expenditureBudget'), 'planBudgetMismatch', T.planBudgetMismatch(formatMoney(plan.expenditureBudget, '元'), formatMoney(sum, '元'))));
      }
    }
  }
  // the rule set's required 二级 are asked of projects, not of the department's whole-budget targets
  for (const p of checkIndicators(plan.indicators, scheme, { ...options, requiredLevel2: options.requiredLevel2 ?? [] }, rec)) {
    // a department's whole-budget targets are published with weights of 100 (yubei 表十五): a warning with the offer
    // to scale, not an error that would bar the published form from 正式版
    out.push(p.code === 'weightSumHundred' ? { ...p, severity: 'warning' } : p);
  }
  if (plan.results) {
    const results = plan.results;
    // each result scored once, for its note and for its errors (notes are checked only where the indicator exists)
    const byId = new Map(assessDepartmentPlan(plan, scheme, options.ruleSet).indicatorScores.map((s) => [s.indicatorId, s]));
    const scores = results.map((r): IndicatorScore | null => byId.get(r.indicatorId) ?? null);
    for (const p of checkResultNotes(plan.indicators, results, 'results', (_ind, k) => scores[k]!, rec)) out.push(p);
    scores.forEach((s, k) => {
      if (s?.error) out.push(...scoreProblem(s.error, `results[${k}]`, rec, results[k].indicatorId));
    });
  }
  return out;
}
