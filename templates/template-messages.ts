// Chinese wording of export problems, kept in one place.
export const templateMessages = {
  unknownUnit: (id: string) => `找不到单位“${id}”。`,
  unknownProject: '所选项目中有的已不存在，请重新选择。',
  noProjects: (year: number) => `${year} 年度在所选范围内没有项目，无法导出。`,
  noPlan: (year: number, unit: string) => `“${unit}”没有 ${year} 年度的部门整体支出绩效目标，无法导出。`,
  noKeyProjects: (year: number) => `${year} 年度在所选范围内没有标为重点项目的项目。`,
  noSelfAssessment: (name: string) => `项目“${name}”还没有填报绩效自评。`,
  noAssessedProjects: (year: number) => `${year} 年度在所选范围内没有已填报绩效自评的项目。`,
  assessmentUnfinished: '自评未填完',
  draftMark: '（草稿）',
  draftWord: '草稿',
  notApplicable: '不适用',
  finalBlocked: (n: number) => `正式版报表不能带错误导出：所选范围内有 ${n} 处错误，请先改正（或导出草稿版）。`,
  planOwner: (year: number) => `${year}年度部门整体支出`,
  unknownForm: (id: string) => `没有表样“${id}”，可选 F1–F10。`,
  moreProblems: (n: number) => `另有 ${n} 处问题未列出。`,
  exportCrashed: (detail: string) => `生成报表文件时出错，未导出：${detail}`,
  noReviewedProjects: (year: number) => `${year} 年度在所选范围内没有已审核的项目。`,
  noReviewRound: (name: string) => `项目“${name}”还没有审核记录。`,
  badMonitoringMonth: (month: number) => `监控月份“${month}”无效，须为 1 至 12 的整数。`,
  monitoringFinalBlocked: (n: number, listed: readonly string[]) =>
    `正式版监控表不能带未处理的红灯导出：有 ${n} 处红灯尚未填写纠偏措施（${listed.join('；')}${n > listed.length ? ' 等' : ''}），请先补充（或导出草稿版）。`,
};
