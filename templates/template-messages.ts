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
  notApplicable: '不适用',
  finalBlocked: (n: number) => `正式版报表不能带错误导出：所选范围内有 ${n} 处错误，请先改正（或导出草稿版）。`,
  planOwner: (year: number) => `${year}年度部门整体支出`,
  unknownForm: (id: string) => `没有表样“${id}”，可选 F1–F8。`,
  moreProblems: (n: number) => `另有 ${n} 处问题未列出。`,
  exportCrashed: (detail: string) => `生成报表文件时出错，未导出：${detail}`,
};
