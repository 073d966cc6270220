// Domain-level wording the user sees: labels, validation messages, scoring explanations.
// One place so the same thing is always said the same way; other modules import from here.
import type { AssessmentStatus, Funding, QualitativeOutcome } from './model';

/** 自评等级. The grade itself is the Chinese word printed on the forms. */
export type Grade = '优' | '良' | '中' | '差';
export const GRADES: readonly Grade[] = ['优', '良', '中', '差'];

/** 定性 outcomes as written on the self-assessment form (domain.md §5). */
export const OUTCOME_LABELS: Readonly<Record<QualitativeOutcome, string>> = {
  achieved: '达成年度指标',
  partial: '部分达成年度指标并具有一定效果',
  notAchieved: '未达成年度指标且效果较差',
};

/** Authoring state of a project's targets. */
export type ProjectStatus = 'draft' | 'incomplete' | 'complete' | 'assessed';
export const PROJECT_STATUS_LABELS: Readonly<Record<ProjectStatus, string>> = {
  draft: '草稿',
  incomplete: '待完善',
  complete: '已完成',
  assessed: '已自评',
};

export const ASSESSMENT_STATUS_LABELS: Readonly<Record<AssessmentStatus, string>> = {
  notStarted: '未开始',
  inProgress: '进行中',
  done: '已完成',
};

export const FUNDING_SOURCE_LABELS: Readonly<Record<keyof Funding, string>> = {
  generalPublic: '一般公共预算',
  governmentFund: '政府性基金预算',
  stateCapital: '国有资本经营预算',
  specialAccount: '财政专户管理资金',
  other: '其他资金',
};

/** Money groups of a project and its self-assessment, keyed by the property name. */
export const MONEY_GROUP_LABELS = {
  funding: '当年预算',
  townSubsidy: '补助镇街',
  budgetInitial: '年初预算数',
  budgetAdjusted: '全年预算数',
  spent: '全年执行数',
  expenditureBudget: '部门支出预算数',
} as const;

export type Severity = 'error' | 'warning';
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  error: '错误',
  warning: '提示',
};

/** Scoring explanations and score errors (scoring.ts). Numbers arrive already formatted. */
export const scoringText = {
  forwardFull: (a: string, t: string, w: string) => `实际 ${a} / 目标 ${t}，得满分 ${w}`,
  forwardProportional: (a: string, t: string, w: string, s: string) => `实际 ${a} / 目标 ${t} × ${w} = ${s}`,
  rangeFull: (a: string, t: string, max: string, w: string) => `实际 ${a} 在目标范围 ${t}-${max} 之内，得满分 ${w}`,
  equalZeroFull: (a: string, w: string) => `目标为 0，实际 ${a}，得满分 ${w}`,
  equalZeroMissed: (a: string) => `目标为 0，实际 ${a} 大于 0，得 0 分`,
  reverseFull: (a: string, t: string, w: string) => `实际 ${a} 未超过目标 ${t}，得满分 ${w}`,
  reverseProportional: (a: string, t: string, w: string, s: string) =>
    `（1 − (实际 ${a} − 目标 ${t}) / 目标 ${t}）× ${w} = ${s}`,
  reverseZero: (a: string, t: string) => `实际 ${a} 达到目标 ${t} 的 2 倍及以上，得 0 分`,
  negativeActual: (raw: string) => `实际值 ${raw} 为负数，按 0 计；`,
  qualitativeProposed: (outcome: string, s: string, band: string) => `${outcome}，建议得分 ${s}（可在 ${band} 内调整）`,
  qualitativeChosen: (outcome: string, s: string, band: string) => `${outcome}，得分 ${s}（可在 ${band} 内调整）`,
  /** "[16, 20]" or "[12, 16)": the band with its open or closed upper end. */
  band: (min: string, max: string, maxInclusive: boolean) => `[${min}, ${max}${maxInclusive ? ']' : ')'}`,
  overridden: (computed: string, s: string, reason: string) => `${computed}；调整为 ${s}（理由：${reason}）`,
  overriddenNoComputation: (s: string, reason: string) => `按调整得分 ${s} 计（理由：${reason}）`,
  noWeight: '本表未设指标权重，不计分',
  noActual: '尚未填写实际完成值',
  noOutcome: '尚未选择完成情况',
  targetNotNumeric: (t: string) => `指标值“${t}”不是数字，无法计分`,
  actualNotNumeric: (a: string) => `实际完成值“${a}”中没有可计分的数字，请填写数字或调整得分并说明理由`,
  actualUnitMismatch: (a: string, unit: string) => `实际完成值“${a}”的单位与计量单位“${unit}”不同，无法与目标比较计分，请按“${unit}”填写或调整得分并说明理由`,
  overrideReasonRequired: '调整得分须说明理由',
  overrideOutOfRange: (s: string, max: string) => `调整得分 ${s} 超出 0 至 ${max} 的范围`,
  overrideOutOfBand: (s: string, outcome: string, band: string) => `得分 ${s} 不在“${outcome}”的得分区间 ${band} 内`,
  overrideInvalid: '调整得分须为数字',
  executionExplanation: (rate: string, w: string, s: string) => `预算执行率 ${rate}，按不超过 100% 计 × ${w} = ${s}`,
} as const;

/** Why a deviation note (偏差原因分析及改进措施) is needed. */
export const deviationText = {
  belowTarget: '实际完成值未达到目标值',
  aboveLimit: '实际完成值超过目标值',
  notEqual: '实际完成值与目标值不一致',
  overAchieved: '实际完成值达到目标值的 130% 及以上，目标可能定得偏低',
  qualitativeNotAchieved: (outcome: string) => `完成情况为“${outcome}”`,
  lowExecution: (rate: string) => `预算执行率 ${rate} 低于 90%`,
} as const;

/** What a self-assessment still lacks (scoring.ts `missing`). */
export const missingText = {
  noSelfAssessment: '尚未开始绩效自评',
  budgetAdjusted: '全年预算数未填写',
  overallResult: '绩效目标实际完成情况未填写',
  actual: (name: string) => `“${name}”尚未填写实际完成值`,
  outcome: (name: string) => `“${name}”尚未选择完成情况`,
  deviationNote: (name: string) => `“${name}”须填写偏差原因分析及改进措施`,
  executionNote: '预算执行率低于 90%，须说明原因及改进措施',
} as const;

/** Validation messages (validation.ts). */
export const validationText = {
  projectNameRequired: '项目名称不能为空',
  annualGoalEmpty: '年度绩效目标尚未填写',
  overallGoalEmpty: '年度总体目标尚未填写',
  taskNameRequired: (n: number) => `第 ${n} 项任务的名称不能为空`,
  level1Required: (label: string) => `至少需要一条${label}`,
  satisfactionExpected: (label: string) => `尚无${label}：有服务对象的项目应考核服务对象满意度`,
  unknownLevel1: (code: string) => `一级指标“${code}”不在当前指标体系中`,
  unknownLevel2: (code: string) => `二级指标“${code}”不在当前指标体系中`,
  level2NotInLevel1: (l2: string, l1: string, belongs: string) =>
    `二级指标“${l2}”不属于“${l1}”，它属于“${belongs}”`,
  indicatorNameEmpty: (l2: string) => `“${l2}”下有未填写名称的三级指标`,
  indicatorNameDuplicate: (name: string, l2: string) => `“${l2}”下的三级指标“${name}”重复`,
  targetNotNumeric: (name: string, target: string) => `定量指标“${name}”的指标值须为数字，当前为“${target}”`,
  targetMaxNotNumeric: (name: string, max: string) => `定量指标“${name}”的指标值范围上限须为数字，当前为“${max}”`,
  targetMaxBelowTarget: (name: string, min: string, max: string) => `定量指标“${name}”的指标值范围上限 ${max} 小于下限 ${min}`,
  unitRequired: (name: string) => `定量指标“${name}”须填写计量单位`,
  qualitativeTargetRequired: (name: string) => `定性指标“${name}”须用文字写明指标值`,
  weightMissing: (name: string) => `其他指标已填写权重，“${name}”也须填写权重`,
  weightInvalid: (name: string) => `“${name}”的权重须为不小于 0 的数`,
  weightSum: (sum: string) => `指标权重合计为 ${sum}，应为 100，或为 90（预算执行率占 10 分）`,
  level1WeightMismatch: (label: string, sum: string, expected: string) =>
    `${label}的权重合计为 ${sum}，默认应为 ${expected}`,
  moneyInvalid: (field: string) => `${field}须为不小于 0 的金额（精确到分）`,
  moneyField: (group: string, source: string) => `${group}（${source}）`,
  planBudgetMismatch: (stated: string, sum: string) => `部门支出预算数 ${stated} 元与各项任务金额合计 ${sum} 元不一致`,
  deviationNoteRequired: (name: string, reason: string) => `“${name}”${reason}，须填写偏差原因分析及改进措施`,
  executionNoteRequired: (reason: string) => `${reason}，须说明原因及改进措施`,
  noteTooLong: (length: number, limit: number) => `说明共 ${length} 字，超过表格限制的 ${limit} 字`,
  resultUnknownIndicator: '这条完成情况对应的指标已不存在',
} as const;
