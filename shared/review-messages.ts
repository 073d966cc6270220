// Chinese wording of 绩效目标审核 (domain.md §9): statuses, the four questions, results, fields and refusals.
import type { IndicatorReviewField, ProjectReviewField, ReviewGrade, ReviewQuestions, ReviewStatus } from './model';

export const REVIEW_STATUS_LABELS: Readonly<Record<ReviewStatus, string>> = {
  draft: '待提交',
  submitted: '已提交',
  returned: '已退回',
  approved: '审核通过',
};

export const REVIEW_QUESTION_LABELS: Readonly<Record<keyof ReviewQuestions, string>> = {
  completeness: '完整性',
  relevance: '相关性',
  appropriateness: '适当性',
  feasibility: '可行性',
};

/** 审核要点 of each question, after 财预〔2015〕88号: what the reviewer looks at. */
export const REVIEW_QUESTION_POINTS: Readonly<Record<keyof ReviewQuestions, string>> = {
  completeness: '绩效目标的内容是否完整，目标是否明确、清晰',
  relevance: '绩效目标与部门职能、事业发展规划是否相关，是否设定了相关联、细化量化的绩效指标',
  appropriateness: '资金规模与绩效目标是否匹配，在既定资金规模下绩效目标是否过高或过低',
  feasibility: '绩效目标是否经过充分论证和合理测算，所采取的措施是否切实可行',
};

/** What each result means for the project (财预〔2015〕88号). */
export const REVIEW_GRADE_HANDLING: Readonly<Record<ReviewGrade, string>> = {
  优: '审核通过，进入预算安排流程',
  良: '审核通过，单位按审核意见修改完善后进入预算安排流程',
  中: '退回单位修改完善，修改后重新报送审核',
  差: '退回，不予纳入预算',
};

export const PROJECT_REVIEW_FIELD_LABELS: Readonly<Record<ProjectReviewField, string>> = {
  name: '项目名称',
  competentDepartment: '业务主管部门',
  funding: '当年预算',
  townSubsidy: '补助镇街',
  overview: '项目概况',
  basis: '立项依据',
  annualGoal: '年度绩效目标',
  periodGoal: '实施周期目标',
  indicators: '绩效指标',
};

export const INDICATOR_REVIEW_FIELD_LABELS: Readonly<Record<IndicatorReviewField, string>> = {
  name: '指标名称',
  level2: '二级指标',
  direction: '指标性质',
  target: '指标值',
  unit: '计量单位',
  weight: '指标权重',
  core: '是否核心指标',
  periodTarget: '实施周期指标值',
  explanation: '指标解释',
};

export const reviewText = {
  indicatorTarget: (indicator: string, field: string) => `指标“${indicator}”的${field}`,
  removedIndicatorTarget: (field: string) => `（已删除的指标）的${field}`,
  roundNumber: (n: number) => `第 ${n} 轮`,

  byRequired: '须填写经办人。',
  reviewerRequired: '须填写审核人。',
  timeNotAfter: (last: string) => `操作时间须晚于上一条审核记录的时间（${last}），请检查本机的系统时间。`,
  approvedLocked: '项目已审核通过，须主管部门重新打开后才能修改或再次提交。',
  unchangedSinceSubmission: '项目已提交审核，此后没有修改，无须再次提交。',
  notSubmitted: (status: string) => `项目尚未提交审核（当前状态：${status}），不能审核。`,
  approveNeedsGood: (grade: string) => `审核结果为“${grade}”的项目不能审核通过：“中”须修改后重新审核，“差”不予纳入预算，都应退回。`,
  returnNeedsPoor: (grade: string) => `审核结果为“${grade}”的项目应审核通过，不能退回。`,
  opinionRequired: (grade: string) => `审核结果为“${grade}”时，须写明审核意见或针对具体内容的意见。`,
  opinionTextEmpty: (n: number) => `第 ${n} 条具体意见没有内容。`,
  opinionOtherProject: (n: number) => `第 ${n} 条具体意见指向的不是本项目。`,
  opinionUnknownIndicator: (n: number, id: string) => `第 ${n} 条具体意见指向的指标“${id}”不在本项目中。`,
  opinionBadField: (n: number) => `第 ${n} 条具体意见所指的内容不是可以提意见的项目内容。`,
  idTaken: (id: string) => `审核记录编号“${id}”已使用过。`,
  notApproved: (status: string) => `只有审核通过的项目才能重新打开（当前状态：${status}）。`,
  reopenReasonRequired: '重新打开须说明理由。',
  unknownOpinion: '找不到这条审核意见，可能已被更新的审核记录取代。',
  alreadyAnswered: (at: string) => `这条意见已于 ${at} 答复过。`,
  answerRequired: '答复不能为空。',
  answerBeforeReview: (reviewedAt: string) => `答复时间早于这轮审核的时间（${reviewedAt}），请检查本机的系统时间。`,

  reviewPackageNoProjects: (year: number | null) => `${year === null ? '' : `${year} 年度`}所选单位没有已审核的项目，无法生成审核意见包。`,
} as const;
