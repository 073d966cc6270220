// User-visible messages of the database layer. To be merged into the app's single messages module once it exists.
/** What a unit still holds when it is to be deleted. */
export interface UnitHoldings {
  projects: number;
  /** years with projects, ascending */
  projectYears: readonly number[];
  /** years with a department plan (one plan per year), ascending */
  planYears: readonly number[];
  /** units that have this one as their 主管部门 */
  children: number;
}

/** Years as a clerk writes them: runs of consecutive years as “2024—2026”, others apart: “2022、2024—2025”. */
function yearsText(years: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < years.length; ) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j++;
    runs.push(j > i ? `${years[i]}—${years[j]}` : String(years[i]));
    i = j + 1;
  }
  return runs.join('、');
}

export const DB_MESSAGES = {
  unitNameEmpty: '单位名称不能为空。',
  unitNotFound: '找不到该单位，可能已被删除。',
  parentNotFound: '找不到所选的主管部门，可能已被删除。',
  parentIsSelf: '单位不能把自己设为主管部门。',
  parentIsDescendant: '不能把下级单位设为主管部门，否则上下级关系会形成循环。',
  schemeNotFound: '找不到所选的指标体系。',
  unitNotEmpty: (holds: UnitHoldings) => {
    const parts = [
      holds.projects > 0 ? `${holds.projects} 个项目（${yearsText(holds.projectYears)}年度）` : '',
      holds.planYears.length > 0 ? `${holds.planYears.length} 份部门整体支出绩效目标（${yearsText(holds.planYears)}年度）` : '',
      holds.children > 0 ? `${holds.children} 个下属单位` : '',
    ].filter((p) => p !== '');
    const listed = parts.length > 1 ? `${parts.slice(0, -1).join('、')}和 ${parts[parts.length - 1]}` : parts[0];
    return `该单位下还有 ${listed}，不能删除。请先删除或移走这些数据。`;
  },
  projectNameEmpty: '项目名称不能为空。',
  projectNotFound: '找不到该项目，可能已被删除。',
  importStale: '读取数据包之后本机数据又有修改，为免覆盖，本次未导入。请重新选择数据包再导入。',
  invalidYear: (year: number) => `年度“${year}”无效，请填写四位数的年份。`,
  duplicateIndicatorId: (id: string) => `指标编号“${id}”重复，数据可能已损坏，未作任何修改。`,
  indicatorOfOtherProject: (id: string) => `指标编号“${id}”已属于另一个项目，未作任何修改。`,
  indicatorOfPlan: (id: string, year: number) => `指标编号“${id}”已属于${year}年度部门整体支出绩效目标，未作任何修改。`,
  duplicateRecordId: (what: string, id: string) => `${what}编号“${id}”重复，未作任何修改。`,
  duplicatePlanYear: (year: number) => `同一单位的${year}年度部门整体支出绩效目标出现了两份，未作任何修改。`,
  projectUnitMissing: (projectName: string) => `项目“${projectName}”所属的单位不存在，未作任何修改。`,
  planUnitMissing: (year: number) => `${year}年度部门整体支出绩效目标所属的单位不存在，未作任何修改。`,
  restoreUnitMissing: (projectName: string) => `项目“${projectName}”所属的单位已被删除，无法恢复。`,
  restoreIdTaken: (projectName: string) => `项目“${projectName}”已经存在，无需恢复。`,
  targetYearNotEmpty: (year: number, count: number) =>
    `${year}年度已有 ${count} 个项目。为避免重复，整年复制只能复制到没有项目的年度；可改为勾选项目后复制。`,
  sourceYearEmpty: (year: number) => `${year}年度没有可复制的项目或部门整体支出绩效目标。`,
  copySuffix: '（副本）',
  recordKindUnit: '单位',
  recordKindProject: '项目',
  recordKindPlan: '部门整体支出绩效目标',
  backupInvalid: (count: number, listed: string, more: number) =>
    `备份文件有 ${count} 处问题，未作任何修改：${listed}${more > 0 ? `；另有 ${more} 处问题未列出` : ''}。`,
  supervisorNotFound: '找不到该主管部门，可能已被删除。',
  unitChangedElsewhere: (name: string) => `单位“${name}”已在另一个窗口中修改并保存，本次修改未保存。`,
  projectChangedElsewhere: (name: string) => `项目“${name}”已在另一个窗口中修改并保存，本次修改未保存。`,
  planChangedElsewhere: (year: number) => `${year}年度部门整体支出绩效目标已在另一个窗口中修改并保存，本次修改未保存。`,
  projectLockedByReview: (name: string) => `项目“${name}”已审核通过，绩效目标已锁定，本次修改未保存。如需修改，请主管部门重新打开审核。`,
  projectOutsideReviewScope: (name: string, fields: readonly string[]) =>
    `项目“${name}”已审核通过，只能修改审核意见所指的内容${fields.length > 0 ? `，${fields.join('、')}不在其中` : ''}，本次修改未保存。`,
  unitCodeTaken: (code: string, name: string) => `单位编码“${code}”已由单位“${name}”使用，同一编码只能属于一个单位。`,
  directoryParentMissing: (name: string) => `单位“${name}”的主管部门不在本机，也不在单位名录中，未作任何修改。`,
} as const;

/** How many problems of a rejected backup are spelled out in the message. */
export const LISTED_PROBLEMS = 5;
