// Domain model: the records a unit keeps and a supervisor gathers. Pure types, no behaviour.
// Money is always an integer number of 分 (fen) so sums are exact; see money.ts for formatting.

export type Id = string;
/** Integer amount in 分 (1 元 = 100 分, 1 万元 = 1,000,000 分). */
export type Fen = number;
/** ISO 8601 timestamp, used to decide which side of an import is newer. */
export type Timestamp = string;

/** 指标性质 / 计算符号. */
export type Direction = '≥' | '>' | '=' | '≤' | '<' | '定性';
export const DIRECTIONS: readonly Direction[] = ['≥', '>', '=', '≤', '<', '定性'];

/** Funding by source. 财政拨款 = generalPublic + governmentFund + stateCapital. */
export interface Funding {
  /** 一般公共预算 */
  generalPublic: Fen;
  /** 政府性基金预算（含当年政府专项债券资金） */
  governmentFund: Fen;
  /** 国有资本经营预算 */
  stateCapital: Fen;
  /** 财政专户管理资金 */
  specialAccount: Fen;
  /** 其他资金（单位资金） */
  other: Fen;
}

/** 预算单位 / 部门. */
export interface Unit {
  id: Id;
  /** full name, e.g. 深圳市龙岗区工商业联合会 */
  name: string;
  /** short name used in dense forms, e.g. 区工商联 */
  shortName?: string;
  /** 统一社会信用代码 or 单位编码: how a supervisor's directory and a unit's own data recognise the same unit */
  code?: string;
  /** 主管部门: the supervising unit, null for a top-level unit */
  parentId: Id | null;
  /** indicator scheme id from schemes.ts */
  schemeId: string;
  /**
   * 评分规则 per year (domain.md §5): the set in force from that year on, until a later entry. None: CN-2020. A derived
   * set travels whole (`ruleSet`), so a package carries what a reader needs to recompute its scores.
   */
  ruleSets?: UnitRuleSet[];
  /** 行业: a sector id of the indicator library (shared/library), for its suggestions and its guidance per 二级 */
  sector?: string;
  updatedAt: Timestamp;
}

/** 三级指标. level1/level2 are scheme codes ('1', '11', …). */
export interface Indicator {
  id: Id;
  level1: string;
  level2: string;
  /** 三级指标名称 */
  name: string;
  direction: Direction;
  /** numeric target as a decimal string ('95', '4.11') for 定量, the text for 定性 */
  target: string;
  /** upper end of a range ("大于7-8次" → target '7', targetMax '8'), a decimal string; absent when there is none */
  targetMax?: string;
  /** 计量单位 */
  unit: string;
  /** the target as written in the source, printed verbatim when present (keeps "≧", "不少于54人/次" …) */
  targetText?: string;
  /** 指标权重 / 分值, points out of 100; null where the form carries no weights */
  weight: number | null;
  /** 是否核心指标 */
  core: boolean;
  /** 实施周期指标值 (text as written) */
  periodTarget?: string;
  /** 指标解释 */
  explanation?: string;
  /**
   * whether this is the 预算执行率 row (scored as the execution score, never beside it): true or false as the user
   * marked it; absent: decided by the rule set's list of names (预算执行率, 预算资金执行情况 …)
   */
  execution?: boolean;
}

/** 定性 outcome bands of domain.md §5. */
export type QualitativeOutcome = 'achieved' | 'partial' | 'notAchieved';

/** Year-end result of one indicator. */
export interface IndicatorResult {
  indicatorId: Id;
  /** 实际完成值 as entered: a number ('140'), or text ('100.00%', a sentence) */
  actual: string;
  /** for 定性 indicators: the outcome the filler chose */
  outcome?: QualitativeOutcome;
  /** score chosen by the filler: inside the band for 定性, or a manual override with a reason */
  scoreOverride?: { score: number; reason: string };
  /** 偏差原因分析及改进措施 */
  deviationNote?: string;
  /** 不适用: no score; the other indicators are scaled so the indicator part stays out of its points (domain.md §5) */
  notApplicable?: { reason: string };
}

export type AssessmentStatus = 'notStarted' | 'inProgress' | 'done';

/** 上年结转资金 at year end, as one amount per column of the self-assessment form. */
export interface CarriedOver {
  budgetInitial: Fen;
  budgetAdjusted: Fen;
  spent: Fen;
}

/** 绩效自评 of one project. */
export interface SelfAssessment {
  /** 年初预算数 */
  budgetInitial: Funding;
  /** 全年预算数（调整后） */
  budgetAdjusted: Funding;
  /** 全年执行数 */
  spent: Funding;
  /** 上年结转资金 (the national self-assessment form's row of its own): part of 年度资金总额 and of the execution rate */
  carriedOver?: CarriedOver;
  /** 绩效目标整体完成情况 / 实际完成情况 */
  overallResult: string;
  results: IndicatorResult[];
  /** 项目执行中存在的问题 */
  problems: string;
  /** 整改情况 */
  rectification: string;
  /** 预算执行率 deviation note (required below 90%) */
  executionNote?: string;
  status: AssessmentStatus;
  /** when it was marked 已完成 */
  completedAt?: Timestamp;
  /** edits made after completion, each confirmed by the user */
  reopenedAt?: Timestamp[];
  /** the rule set and the scores at the moment it was marked 已完成: kept until it is reopened */
  completedScoring?: CompletedScoring;
}

/** 完成目标可能性 (domain.md §8): 确定能完成 · 有可能完成 · 完全不可能完成. */
export type AchievementLikelihood = 'certain' | 'possible' | 'impossible';

/** 偏差原因 category: 经费保障 · 制度保障 · 人员保障 · 硬件条件保障 · 其他. */
export type DeviationCauseCategory = 'funding' | 'institution' | 'staffing' | 'hardware' | 'other';

/** 偏差原因: its category and the words that explain it. */
export interface DeviationCause {
  category: DeviationCauseCategory;
  text: string;
}

/** One indicator in a monitoring round. */
export interface MonitoringEntry {
  indicatorId: Id;
  /** 1–M月完成值: a number as typed ('140'), or for 定性 the progress in words */
  actualToDate: string;
  /** 全年预计完成值: a number for 定量 (scored by the rule set to set the light), words for 定性 */
  projected: string;
  likelihood?: AchievementLikelihood;
  /** 偏差原因, when off track */
  cause?: DeviationCause;
  /** 纠偏措施: required before the round is 已完成 when the indicator's light is 红 */
  correction?: string;
}

/** 绩效运行监控 of one project as of the end of month M (1–M月); a year may hold several rounds, e.g. M = 7 and 10. */
export interface MonitoringRound {
  /** M, 1–12: the round covers 1–M月; 序时进度 = M / 12 */
  month: number;
  status: 'draft' | 'done';
  /** 1–M月执行数 by source */
  spent: Funding;
  entries: MonitoringEntry[];
  /** 偏差原因 of the budget execution */
  cause?: DeviationCause;
  /** 纠偏措施 of the budget execution: required before 已完成 when its light is 红 */
  correction?: string;
  updatedAt: Timestamp;
  /** when it was marked 已完成 */
  doneAt?: Timestamp;
}

/** 项目: a budgeted spending item of one unit in one fiscal year. */
export interface Project {
  id: Id;
  unitId: Id;
  year: number;
  name: string;
  /** 是否政府投资项目 */
  governmentInvestment: boolean;
  /** 重点项目 (yubei 表16, longgang 第七部分) */
  key: boolean;
  /** 业务主管部门 (yubei 表17) */
  competentDepartment?: string;
  /** 当年预算 by source */
  funding: Funding;
  /** 补助镇街 part of the budget (yubei 表17); 区级支出 = total − this */
  townSubsidy: Fen;
  /** 项目概况 */
  overview: string;
  /** 立项依据 */
  basis: string;
  /** 年度绩效目标 */
  annualGoal: string;
  /** 实施周期目标 */
  periodGoal: string;
  indicators: Indicator[];
  selfAssessment?: SelfAssessment;
  /** 绩效目标审核 (domain.md §9): submissions, the supervisor's rounds and reopenings, every one kept */
  review?: ProjectReview;
  /** 绩效运行监控: the year's monitoring rounds (1–7月, 1–10月 …), each kept (domain.md §8) */
  monitoring?: MonitoringRound[];
  updatedAt: Timestamp;
}

/** 部门整体支出 task (任务) with its amounts. */
export interface PlanTask {
  id: Id;
  name: string;
  /** 主要内容 */
  content: string;
  funding: Funding;
  /** year-end 全年执行数 of this task */
  spent?: Funding;
}

/** 部门整体支出绩效目标 of one unit in one year (forms F2 and F7). */
export interface DepartmentPlan {
  id: Id;
  unitId: Id;
  year: number;
  tasks: PlanTask[];
  /** 部门支出预算数 where the form states it outright (yubei 表十五); else the tasks' sum */
  expenditureBudget: Fen | null;
  /** 年度总体目标 / 当年整体绩效目标 */
  overallGoal: string;
  indicators: Indicator[];
  /** year-end results of the plan's indicators */
  results?: IndicatorResult[];
  /** 实际完成情况 of the 年度总体目标 at year end (F8) */
  overallResult?: string;
  updatedAt: Timestamp;
}

export const EMPTY_FUNDING: Funding = Object.freeze({
  generalPublic: 0,
  governmentFund: 0,
  stateCapital: 0,
  specialAccount: 0,
  other: 0,
});

export const FUNDING_SOURCES: readonly (keyof Funding)[] = [
  'generalPublic',
  'governmentFund',
  'stateCapital',
  'specialAccount',
  'other',
];

/** 财政拨款 */
export function fiscalTotal(f: Funding): Fen {
  return f.generalPublic + f.governmentFund + f.stateCapital;
}

/** 总额 = 财政拨款 + 财政专户管理资金 + 其他资金 */
export function fundingTotal(f: Funding): Fen {
  return fiscalTotal(f) + f.specialAccount + f.other;
}

/** 非财政拨款资金 */
export function nonFiscalTotal(f: Funding): Fen {
  return f.specialAccount + f.other;
}

/** The sum of several fundings, source by source. */
export function sumFunding(items: readonly Funding[]): Funding {
  return items.reduce(addFunding, EMPTY_FUNDING);
}

export function addFunding(a: Funding, b: Funding): Funding {
  return {
    generalPublic: a.generalPublic + b.generalPublic,
    governmentFund: a.governmentFund + b.governmentFund,
    stateCapital: a.stateCapital + b.stateCapital,
    specialAccount: a.specialAccount + b.specialAccount,
    other: a.other + b.other,
  };
}

/** A unit's 评分规则 from one year on. */
export interface UnitRuleSet {
  year: number;
  ruleSetId: string;
  /** the whole set, for one that is not built in (a supervisor's derived set) */
  ruleSet?: RuleSet;
}

/** 反向 formula: ratio T/A × w (CN-2020), or linear (1 − (A−T)/T) × w, 0 at A ≥ 2T. */
export type ReverseFormula = 'ratio' | 'linear';

/** What a region may change of CN-2020 (domain.md §5, the table of parameters). Ratios are plain numbers (0.8 = 80%). */
export interface RuleSetParameters {
  /** points of 预算执行率; the indicators share the rest of 100 */
  executionWeight: number;
  reverseFormula: ReverseFormula;
  /** 正向 A ≥ threshold × T: a deviation note is required, and `deduction` points come off the indicator's score */
  overAchievement: { threshold: number; deduction: number };
  /** the total is at most `cap` while the execution rate is below `below`; the lowest applicable cap counts */
  executionCaps: { below: number; cap: number }[];
  /** share of w proposed for each 定性 outcome, each inside its band */
  qualitativeProposals: Record<QualitativeOutcome, number>;
  /** 一级 default weights by role; under scheme B `output` is 产出 and 成本 together */
  level1Weights: { output: number; benefit: number; satisfaction: number };
  /** parts of indicator names that make an indicator the 预算执行率 row */
  executionIndicatorNames: string[];
  /** an execution rate below this ratio needs a deviation note */
  lowExecutionBelow: number;
  /** 二级 codes every project must have (a region's 必设指标, e.g. 数量, 质量, 时效, 成本); absent: none */
  requiredLevel2?: string[];
  /** warning lights of 绩效运行监控 (domain.md §8); absent (a set derived before they existed): CN-2020's */
  monitoring?: MonitoringParameters;
}

/** Where the warning lights of 绩效运行监控 change colour. */
export interface MonitoringParameters {
  /** execution 黄 when 序时进度 − 执行进度 is more than this many percentage points (CN-2020: 10) */
  yellowGap: number;
  /** execution 红 when the gap is more than this many percentage points (CN-2020: 25) */
  redGap: number;
  /** an indicator is 红 when its 全年预计完成值 would score below this share of w (CN-2020: 0.6) */
  redScoreShare: number;
}

/** A scoring rule set: versioned data, as indicator schemes are. */
export interface RuleSet {
  id: string;
  name: string;
  version: number;
  /** id of the set this one was derived from */
  basedOn?: string;
  parameters: RuleSetParameters;
}

/** The scores of a self-assessment as they stood when it was marked 已完成. */
export interface CompletedScoring {
  ruleSet: RuleSet;
  executionScore: number | null;
  total: number | null;
  grade: '优' | '良' | '中' | '差' | null;
  scores: { indicatorId: Id; score: number | null }[];
}

/**
 * An indicator of a unit's own library as packages carry it (issue #17): what the unit used, so a supervisor can hand
 * its units a common library. Coded in the scheme it was used under.
 */
export interface LibraryRecord {
  schemeId: string;
  level2: string;
  name: string;
  direction: Direction;
  target: string;
  targetMax?: string;
  unit: string;
  explanation?: string;
  /** where it was used: '2024年度' */
  source?: string;
  /** the project it was used in */
  projectName?: string;
}

/** 审核状态: 待提交 · 已提交 · 已退回 · 审核通过. */
export type ReviewStatus = 'draft' | 'submitted' | 'returned' | 'approved';

/** 审核结果 (财预〔2015〕88号): 优 goes forward; 良 after the unit's changes; 中 is changed and reviewed again; 差 stays out. */
export type ReviewGrade = '优' | '良' | '中' | '差';

/** The opinions on the four questions of the review. */
export interface ReviewQuestions {
  /** 完整性 */
  completeness: string;
  /** 相关性 */
  relevance: string;
  /** 适当性 */
  appropriateness: string;
  /** 可行性 */
  feasibility: string;
}

/** A field of a project an opinion can be attached to. */
export type ProjectReviewField = 'name' | 'competentDepartment' | 'funding' | 'townSubsidy' | 'overview' | 'basis' | 'annualGoal' | 'periodGoal' | 'indicators';
/** A field of an indicator an opinion can be attached to. */
export type IndicatorReviewField = 'name' | 'level2' | 'direction' | 'target' | 'unit' | 'weight' | 'core' | 'periodTarget' | 'explanation';

/** What an opinion is attached to: a field of the project, or (with indicatorId) a field of one of its indicators. */
export interface ReviewTarget {
  projectId: Id;
  indicatorId?: Id;
  field: ProjectReviewField | IndicatorReviewField;
}

/** An opinion on one field, and the unit's answer to it. */
export interface FieldOpinion {
  id: Id;
  target: ReviewTarget;
  text: string;
  answered?: { at: Timestamp; by: string; note: string };
}

/** One review of the supervisor (主管部门 or 财政). Written once; only the answers of its opinions are added later. */
export interface ReviewRound {
  id: Id;
  /** 审核人 */
  reviewer: string;
  /** the reviewing unit, where it is one of the data's units */
  reviewerUnitId?: Id;
  reviewedAt: Timestamp;
  questions: ReviewQuestions;
  result: ReviewGrade;
  /** 审核意见 */
  opinion: string;
  fieldOpinions: FieldOpinion[];
}

/** A unit's submission (提交审核). `digest` is contentDigest of the project as submitted (shared/review.ts). */
export interface ReviewSubmission {
  id: Id;
  by: string;
  at: Timestamp;
  digest?: string;
}

/** The supervisor taking back an approval so the unit can change the targets again. */
export interface ReviewReopening {
  id: Id;
  by: string;
  at: Timestamp;
  reason: string;
}

/** 绩效目标审核 of a project: every event is kept and identified, so two copies merge by union. */
export interface ProjectReview {
  /** follows from the events (shared/review.ts reviewStatusOf); kept for lists and readers of the package */
  status: ReviewStatus;
  submissions: ReviewSubmission[];
  rounds: ReviewRound[];
  reopenings: ReviewReopening[];
}
