// Chinese wording of 绩效运行监控 (monitoring.ts, the monitoring parameters of rule-sets.ts), kept in one place.
import type { AchievementLikelihood, DeviationCauseCategory } from './model';

/** The colour of a warning light. */
export type Light = 'green' | 'yellow' | 'red';

/** Lights as the forms print them: in words, never by colour alone. */
export const LIGHT_LABELS: Readonly<Record<Light, string>> = {
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯',
};

export const LIKELIHOOD_LABELS: Readonly<Record<AchievementLikelihood, string>> = {
  certain: '确定能完成',
  possible: '有可能完成',
  impossible: '完全不可能完成',
};

export const CAUSE_LABELS: Readonly<Record<DeviationCauseCategory, string>> = {
  funding: '经费保障',
  institution: '制度保障',
  staffing: '人员保障',
  hardware: '硬件条件保障',
  other: '其他',
};

export const STATUS_LABELS = { draft: '填报中', done: '已完成' } as const;

/**
 * One line per light, as a score's explanation is: the figures, the rule and the light.
 * "序时进度 58.33%，执行进度 30.00%，相差 28.33 个百分点，超过 25：红灯".
 */
export const monitoringText = {
  /** "1–7月" */
  months: (month: number) => `1–${month}月`,
  execution: (schedule: string, progress: string, gap: string, rule: string) => `序时进度 ${schedule}，执行进度 ${progress}，相差 ${gap} 个百分点，${rule}`,
  executionAhead: (schedule: string, progress: string, ahead: string, light: string) =>
    `序时进度 ${schedule}，执行进度 ${progress}，快于序时进度 ${ahead} 个百分点：${light}`,
  notOver: (limit: string, light: string) => `不超过 ${limit}：${light}`,
  between: (low: string, high: string, light: string) => `超过 ${low}、不超过 ${high}：${light}`,
  over: (limit: string, light: string) => `超过 ${limit}：${light}`,
  noBudget: '没有年度预算数，无法计算执行进度，不判断执行预警',
  badMonth: (month: string) => `监控月份“${month}”无效，须为 1 至 12 的整数`,

  likelihood: (label: string) => `完成目标可能性为“${label}”`,
  /** the scoring's explanation of the projected value, worded as a projection */
  projectedPrefix: '全年预计 ',
  projectedScored: (explanation: string) => `按全年预计完成值评分：${explanation}`,
  belowShare: (w: string, share: string, threshold: string) => `，低于分值 ${w} 的 ${share}%（${threshold}）`,
  belowFull: (w: string) => `，低于分值 ${w}`,
  nominalWeight: (w: string) => `（指标未设分值，按 ${w} 分计）`,
  projectedNotNumeric: (text: string) => `全年预计完成值“${text}”不是数值，无法按评分规则判断`,
  nothingFilled: '尚未填写完成目标可能性和全年预计完成值，不判断预警',
  withLight: (parts: readonly string[], light: string) => `${parts.join('；')}：${light}`,

  /** "执行：红灯；指标：红灯 1 个、黄灯 2 个、绿灯 3 个；项目：红灯" */
  projectSummary: (execution: string, indicators: string, project: string) => `执行：${execution}；指标：${indicators}；项目：${project}`,
  lightCount: (label: string, n: number) => `${label} ${n} 个`,
  noLight: '未判断',
  noIndicatorLights: '无',
  notFilled: '未填报',

  /** the rule line printed under the monitoring form */
  ruleNote: (yellow: string, red: string, share: string) =>
    `预警规则：执行进度落后序时进度（= 监控月份 ÷ 12）不超过 ${yellow} 个百分点为绿灯，超过 ${yellow}、不超过 ${red} 个百分点为黄灯，超过 ${red} 个百分点为红灯；` +
    `指标完成目标可能性为“完全不可能完成”或全年预计完成值按评分规则得分低于分值的 ${share}% 为红灯，“有可能完成”或预计得分低于分值为黄灯；项目取最重的一盏灯。`,
} as const;

/** What stands between a round and 已完成, and what is worth a look (checkRound). */
export const monitoringCheckText = {
  badMonth: (month: string) => `监控月份“${month}”无效，须为 1 至 12 的整数`,
  executionCorrection: (gap: string) => `执行进度落后序时进度 ${gap} 个百分点（红灯），须填写纠偏措施`,
  executionCause: (light: string) => `执行进度偏离序时进度（${light}），请填写偏差原因`,
  indicatorCorrection: (name: string) => `“${name}”为红灯，须填写纠偏措施`,
  indicatorCause: (name: string, light: string) => `“${name}”为${light}，请填写偏差原因`,
  causeTextMissing: (where: string) => `${where}的偏差原因已选类别，请写明具体原因`,
  executionWhere: '执行进度',
  indicatorWhere: (name: string) => `“${name}”`,
  likelihoodMissing: (name: string) => `“${name}”尚未选择完成目标可能性`,
  projectedMissing: (name: string) => `“${name}”尚未填写全年预计完成值`,
  projectedProblem: (name: string, problem: string) => `“${name}”：${problem}`,
  spentOverBudget: (months: string) => `${months}执行数超过年度预算数，请核对`,
  spentNegative: '执行数不能为负数',
  notDraft: '该轮监控已完成；如需修改，请先重新打开',
} as const;

/** The monitoring parameters of a rule set, when checked or described (rule-sets.ts). */
export const monitoringRuleText = {
  badGaps: '监控预警的百分点界限须满足 0 ≤ 黄灯界限 < 红灯界限 ≤ 100',
  badShare: '监控预警中得分红灯界限须在 0 至 100% 之间',
} as const;
