// The strings of concurrent editing (a save refused because another window saved first, the choice per field) and of
// navigation (leaving a screen whose edits cannot be saved), re-exported by renderer/messages.ts.

export const MC = {
  // the conflict dialog
  conflictTitle: (record: string) => `${record}已在另一个窗口中修改`,
  conflictIntro: '另一个窗口（或标签页）先保存了这条记录。下面是对方改动的内容，请逐项选择保留哪一方；其余内容（您的修改和对方的修改）都会保留。',
  conflictField: '内容',
  conflictTheirs: '对方的内容',
  conflictMine: '我的内容',
  conflictChoice: '采用',
  keepMine: '保留我的',
  takeTheirs: '采用对方的',
  allTheirs: '全部采用对方',
  allMine: '全部保留我的',
  applyChoices: '按所选保存',
  mineUntouched: '（我未改动）',
  empty: '（空）',
  absent: '（无）',
  yes: '是',
  no: '否',
  /** a record that changed in another window while this one showed it unchanged: it shows the stored one now */
  refreshed: (record: string) => `${record}已在另一个窗口中修改，此处已显示最新内容。`,
  deletedElsewhere: (record: string) => `${record}已在另一个窗口中删除。`,

  // what a record is called in the dialog's title and the notices
  projectRecord: (name: string) => `项目“${name}”`,
  assessmentRecord: (name: string) => `项目“${name}”的绩效自评`,
  planRecord: (year: number) => `${year}年度部门整体支出绩效目标`,
  planYearEndRecord: (year: number) => `${year}年度部门整体支出的年终填报`,
  unitRecord: (name: string) => `单位“${name}”`,

  // field labels the editors do not show under these names
  fundingSource: (source: string) => `资金来源：${source}`,
  indicatorItem: (name: string) => `三级指标“${name || '（未命名）'}”`,
  indicatorWeight: (weight: string) => `权重 ${weight}`,
  indicatorCore: '核心指标',
  indicatorPeriod: (text: string) => `实施周期 ${text}`,
  indicatorExplanation: (text: string) => `解释：${text}`,
  taskItem: (name: string) => `任务“${name || '（未命名）'}”`,
  taskFunding: (fiscal: string, other: string) => `财政拨款 ${fiscal} 万元，其他资金 ${other} 万元`,
  taskSpent: (name: string) => `任务“${name || '（未命名）'}”的全年执行数`,
  resultItem: (name: string) => `“${name || '（未命名）'}”的完成情况`,
  resultActual: (text: string) => `实际完成值 ${text}`,
  resultOverride: (score: string, reason: string) => `调整得分 ${score}（${reason}）`,
  resultNotApplicable: (reason: string) => `不适用（${reason}）`,
  resultDeviation: (text: string) => `偏差说明：${text}`,
  moneyWan: (text: string) => `${text} 万元`,
  assessmentMoney: (group: string, source: string) => `${group}：${source}`,
  carriedOver: (group: string) => `${group}：上年结转资金`,
  assessmentOverall: '绩效目标实际完成情况',
  assessmentProblems: '存在的问题',
  assessmentRectification: '整改情况',
  assessmentExecutionNote: '预算执行率偏差说明',
  assessmentStatus: '自评状态',
  planOverallResult: '年度总体目标实际完成情况',
  unitShortName: '简称',
  unitSector: '行业',
  unitRuleSets: '评分规则',
  unitCode: '单位编码',

  // navigation
  navigationBlocked: (reason: string) => `尚有修改未能保存，没有离开当前页面：${reason}`,
};
