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

/**
 * Scoring explanations and score errors (scoring.ts). Numbers arrive already formatted: values with their unit
 * ("6 天"), targets with their sign ("≤3 天"), weights as typed, scores with 2 decimals. An explanation reads
 * `measured` + the formula: "实际 6 天，目标 ≤3 天：3 ÷ 6 × 10 = 5.00".
 */
export const scoringText = {
  measured: (a: string, t: string) => `实际 ${a}，目标 ${t}：`,
  /** n ÷ d × w = s, the ratio rules (正向, 反向 T/A, 等于) */
  ratio: (n: string, d: string, w: string, s: string) => `${n} ÷ ${d} × ${w} = ${s}`,
  forwardFull: (w: string) => `达到目标，得满分 ${w}`,
  overAchievedDeduction: (threshold: string, w: string, d: string, s: string) => `达到目标的 ${threshold}% 及以上，${w} − ${d} = ${s}`,
  reverseFull: (w: string) => `未超过目标，得满分 ${w}`,
  reverseLinear: (a: string, t: string, w: string, s: string) => `(1 − (${a} − ${t}) ÷ ${t}) × ${w} = ${s}`,
  reverseLinearZero: '达到目标的 2 倍及以上，得 0 分',
  equalFull: (w: string) => `等于目标，得满分 ${w}`,
  equalZeroFull: (w: string) => `目标为 0 且实际为 0，得满分 ${w}`,
  equalZeroMissed: '目标为 0 而实际不为 0，得 0 分',
  rangeFull: (w: string) => `在目标范围之内，得满分 ${w}`,
  /** the end of the explanation of a weight scaled into the indicator points (不适用 elsewhere, or weights of 100) */
  scaledWeight: (w: string, max: string) => `（权重 ${w} 折算为 ${max} 分）`,
  negativeActual: (raw: string) => `实际值 ${raw} 为负数，按 0 计；`,
  qualitativeProposed: (outcome: string, s: string, band: string) => `${outcome}：建议得分 ${s}（可在 ${band} 内调整）`,
  qualitativeChosen: (outcome: string, s: string, band: string) => `${outcome}：得分 ${s}（可在 ${band} 内调整）`,
  /** "[16, 20]" or "[12, 16)": the band with its open or closed upper end. */
  band: (min: string, max: string, maxInclusive: boolean) => `[${min}, ${max}${maxInclusive ? ']' : ')'}`,
  overridden: (computed: string, s: string, reason: string) => `${computed}；调整为 ${s}（理由：${reason}）`,
  overriddenNoComputation: (s: string, reason: string) => `按调整得分 ${s} 计（理由：${reason}）`,
  noWeight: '本表未设指标权重，不计分',
  noActual: '尚未填写实际完成值',
  noOutcome: '尚未选择完成情况',
  notApplicable: (reason: string, points: string) => `不适用（理由：${reason}），不计分；其余指标折算为 ${points} 分`,
  notApplicableNoReason: (points: string) => `不适用，不计分；其余指标折算为 ${points} 分；须说明不适用的理由`,
  executionRow: (explanation: string) => `按预算执行率计分，不另计：${explanation}`,
  execution: (rate: string, w: string, s: string) => `预算执行率 ${rate} × ${w} = ${s}`,
  executionOver: (rate: string, w: string, s: string) => `预算执行率 ${rate}，按 100% 计：100% × ${w} = ${s}`,
  executionNoRate: '全年预算数未填写，尚无预算执行率',
  cap: (rate: string, below: string, cap: string, before: string) => `预算执行率 ${rate} 低于 ${below}%，总分不超过 ${cap}：${before} 按 ${cap} 计`,
  targetNotNumeric: (t: string) => `指标值“${t}”不是数字，无法计分`,
  actualNotNumeric: (a: string) => `实际完成值“${a}”中没有可计分的数字，请填写数字或调整得分并说明理由`,
  actualUnitMismatch: (a: string, unit: string) => `实际完成值“${a}”的单位与计量单位“${unit}”不同，无法与目标比较计分，请按“${unit}”填写或调整得分并说明理由`,
  overrideReasonRequired: '调整得分须说明理由',
  overrideOutOfRange: (s: string, max: string) => `调整得分 ${s} 超出 0 至 ${max} 的范围`,
  overrideOutOfBand: (s: string, outcome: string, band: string) => `得分 ${s} 不在“${outcome}”的得分区间 ${band} 内`,
  overrideInvalid: '调整得分须为数字',
} as const;

/** Why a deviation note (偏差原因分析及改进措施) is needed. */
export const deviationText = {
  belowTarget: '实际完成值未达到目标值',
  aboveLimit: '实际完成值超过目标值',
  notEqual: '实际完成值与目标值不一致',
  overAchieved: (threshold: string) => `实际完成值达到目标值的 ${threshold}% 及以上，目标可能定得偏低`,
  qualitativeNotAchieved: (outcome: string) => `完成情况为“${outcome}”`,
  lowExecution: (rate: string, below: string) => `预算执行率 ${rate} 低于 ${below}%`,
  notApplicable: '指标不适用',
} as const;

/** What a self-assessment still lacks (scoring.ts `missing`). */
export const missingText = {
  noSelfAssessment: '尚未开始绩效自评',
  budgetAdjusted: '全年预算数未填写',
  overallResult: '绩效目标实际完成情况未填写',
  actual: (name: string) => `“${name}”尚未填写实际完成值`,
  outcome: (name: string) => `“${name}”尚未选择完成情况`,
  qualitativeActual: (name: string) => `“${name}”须用文字写明实际完成情况`,
  notApplicableReason: (name: string) => `“${name}”标为不适用，须说明理由`,
  deviationNote: (name: string) => `“${name}”须填写偏差原因分析及改进措施`,
  executionNote: (below: string) => `预算执行率低于 ${below}%，须说明原因及改进措施`,
} as const;

/** Rule sets (rule-sets.ts): names, the note under the self-assessment forms, what a derived set changes. */
export const ruleSetText = {
  builtInLabel: (id: string, name: string) => `${id}（${name}）`,
  derivedLabel: (name: string, version: number) => `${name}（第 ${version} 版）`,
  noteHead: (label: string) => `评分规则：${label}。`,
  noteHeadDerived: (label: string, base: string, differences: readonly string[]) =>
    `评分规则：${label}，以${base}为基础，` + (differences.length === 0 ? '参数与之相同。' : `不同之处：${differences.join('；')}。`),
  noteEqualRule: '等于指标按实际值与目标值之比的较小者 × 分值计分，目标值为 0 时实际值为 0 得满分、否则 0 分。',
  diffExecutionWeight: (w: string, rest: string) => `预算执行率 ${w} 分、绩效指标 ${rest} 分`,
  diffReverseLinear: '反向指标按 (1 − (实际值 − 目标值) ÷ 目标值) × 分值计分，实际值达到目标值 2 倍及以上得 0 分',
  diffOverAchievement: (threshold: string, deduction: string) =>
    `正向指标实际值达到目标值 ${threshold}% 及以上须说明原因` + (deduction === '0' ? '' : `，并扣 ${deduction} 分`),
  diffCaps: (items: readonly string[]) => `预算执行率${items.join('，')}`,
  capItem: (below: string, cap: string) => `低于 ${below}% 总分不超过 ${cap}`,
  diffProposals: (a: string, p: string, n: string) => `定性指标建议得分为分值的 ${a}%（达成）、${p}%（部分达成）、${n}%（未达成）`,
  diffLevel1Weights: (output: string, benefit: string, satisfaction: string) => `一级指标默认权重 产出 ${output}、效益 ${benefit}、满意度 ${satisfaction}`,
  diffExecutionNames: (names: readonly string[]) => `名称含“${names.join('”“')}”的指标视为预算执行率`,
  diffLowExecution: (below: string) => `预算执行率低于 ${below}% 须说明原因`,
  nameRequired: '评分规则须有名称',
  nameTaken: (name: string) => `“${name}”是内置评分规则的名称，请另取名称`,
  badExecutionWeight: '预算执行率分值须在 0 至 100 之间',
  badReverseFormula: '反向指标计分公式须为“比值”或“线性”',
  badThreshold: '超额完成的界限须大于 100%',
  badDeduction: '超额完成的扣分须为不小于 0 的数',
  badCap: (below: string, cap: string) => `执行率封顶“低于 ${below}% 不超过 ${cap} 分”无效：执行率须在 0 至 100% 之间，分数须在 0 至 100 之间`,
  badProposal: (outcome: string, min: string, max: string, maxInclusive: boolean) =>
    `“${outcome}”的建议得分须在分值的 ${min}% 至 ${max}%${maxInclusive ? '' : '（不含）'}之间`,
  badLevel1Weights: '一级指标默认权重须为不小于 0 的数',
  level1WeightsSum: (sum: string, expected: string) => `一级指标默认权重合计为 ${sum}，应为 ${expected}`,
  badExecutionNames: '视为预算执行率的指标名称不能为空',
  badLowExecution: '须说明原因的预算执行率界限须在 0 至 100% 之间',
  badRequiredLevel2: '必设的二级指标须为两位数字代码，且不重复',
  diffRequiredLevel2: (labels: readonly string[]) => `每个项目必设二级指标：${labels.join('、')}`,
} as const;

/** Validation messages (validation.ts). */
export const validationText = {
  projectNameRequired: '项目名称不能为空',
  annualGoalEmpty: '年度绩效目标尚未填写',
  overallGoalEmpty: '年度总体目标尚未填写',
  taskNameRequired: (n: number) => `第 ${n} 项任务的名称不能为空`,
  level1Required: (label: string) => `至少需要一条${label}`,
  requiredLevel2Missing: (label: string) => `本地区评分规则要求每个项目都设“${label}”，当前尚无`,
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
  weightsAbsent: '未填权重，年终无法计分',
  weightSum: (sum: string, points: string, execution: string) => `指标权重合计为 ${sum}，应为 ${points}（预算执行率另计 ${execution} 分）`,
  weightSumWithoutExecution: (sum: string, points: string, execution: string) =>
    `除预算执行率指标外，指标权重合计为 ${sum}，应为 ${points}（预算执行率另计 ${execution} 分）`,
  weightSumHundred: (sum: string, points: string, execution: string, factor: string) =>
    `指标权重合计为 ${sum}，但预算执行率另计 ${execution} 分，指标权重应合计为 ${points}：可按 ${factor} 折算全部权重`,
  level1Joiner: '与',
  level1WeightMismatch: (label: string, sum: string, expected: string) =>
    `${label}的权重合计为 ${sum}，默认应为 ${expected}`,
  moneyInvalid: (field: string) => `${field}须为不小于 0 的金额（精确到分）`,
  moneyField: (group: string, source: string) => `${group}（${source}）`,
  planBudgetMismatch: (stated: string, sum: string) => `部门支出预算数 ${stated} 元与各项任务金额合计 ${sum} 元不一致`,
  deviationNoteRequired: (name: string, reason: string) => `“${name}”${reason}，须填写偏差原因分析及改进措施`,
  executionNoteRequired: (reason: string) => `${reason}，须说明原因及改进措施`,
  noteTooLong: (length: number, limit: number) => `说明共 ${length} 字，超过表格限制的 ${limit} 字`,
  resultUnknownIndicator: '这条完成情况对应的指标已不存在',
  executionIndicator: (w: string) => `预算执行率已单独计 ${w} 分，不宜再设为绩效指标`,
  qualitativeActualRequired: (name: string) => `定性指标“${name}”须用文字写明实际完成情况`,
  notApplicableReasonRequired: (name: string) => `“${name}”标为不适用，须说明理由`,
} as const;
