// Chinese wording of exchange-package problems, kept in one place.
export const exchangeMessages = {
  notJson: (position: number | null) =>
    `文件不是有效的 JSON 数据包，可能已损坏或被截断${position === null ? '' : `（第 ${position + 1} 个字符附近）`}。`,
  /** a value read from the file as the message shows it: text as is, anything else by its kind */
  shownValue: (value: unknown) =>
    value === undefined ? '缺失' : value === null ? '空值' : typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '非文本值',
  typeNames: { integer: '整数', number: '数字', string: '文本', boolean: '布尔值（是/否）', object: '对象', array: '列表', null: '空值' } as Record<string, string>,
  wrongType: (types: string) => `应当是${types}`,
  noAlternative: '不符合允许的任何一种写法',
  notObject: '文件内容不是数据包：最外层应为一个 JSON 对象。',
  wrongFormat: (f: string) => `这不是本程序的数据包（格式标识为“${f || '空'}”，应为“perf-target-desk/exchange”）。`,
  futureVersion: (v: number) => `数据包版本为 ${v}，本程序只支持版本 1。请先升级程序再导入。`,
  wrongVersion: (v: string) => `数据包版本“${v}”无效，本程序只支持版本 1。`,
  unknownField: '含有本格式未定义的字段',
  atPath: (path: string, detail: string) => `${path || '（根）'}：${detail}`,
  duplicateId: (id: string, first: string) => `编号“${id}”重复，已在 ${first} 使用过。`,
  selfParent: (name: string) => `单位“${name}”的主管部门不能是它自己。`,
  unknownUnit: (project: string, unitId: string) => `项目“${project}”所属单位“${unitId}”不在数据包中。`,
  unknownPlanUnit: (unitId: string) => `部门整体支出所属单位“${unitId}”不在数据包中。`,
  duplicateProjectName: (name: string, year: number) => `同一单位 ${year} 年度有两个同名项目“${name}”。`,
  duplicatePlan: (year: number) => `同一单位 ${year} 年度有两份部门整体支出绩效目标。`,
  unknownIndicator: (owner: string, id: string) => `“${owner}”的自评结果引用了不存在的指标“${id}”。`,
  packageField: (field: string) => `数据包的 ${field}`,
  unitField: (n: number, field: string) => `第 ${n} 个单位的 ${field}`,
  projectField: (n: number, field: string) => `第 ${n} 个项目的 ${field}`,
  planField: (n: number, field: string) => `第 ${n} 份部门整体支出绩效目标的 ${field}`,
  listItem: (field: string, n: number) => `${field} 第 ${n} 项`,
  badTimestamp: (where: string, value: string) =>
    `${where}“${value}”不是有效的时间：应为 1900 至 9999 年间确实存在的日期和时刻，写作 2025-01-31T08:00:00.000Z 的形式（协调世界时）。`,
  duplicateReviewId: (project: string, id: string) => `项目“${project}”的审核记录编号“${id}”重复。`,
  opinionOfOtherProject: (project: string, other: string) => `项目“${project}”的审核意见指向另一个项目“${other}”。`,
  unknownIssuer: (id: string) => `下发单位“${id}”不在数据包的单位中。`,
  unknownIssuedUnit: (id: string) => `下发对象单位“${id}”不在数据包的单位中。`,
  packageGroup: '数据包本身',
  unitGroup: (n: number, name: string) => `第 ${n} 个单位${name ? `“${name}”` : ''}`,
  projectGroup: (n: number, name: string) => `第 ${n} 个项目${name ? `“${name}”` : ''}`,
  planGroup: (n: number, year: number | null) => `第 ${n} 份部门整体支出绩效目标${year === null ? '' : `（${year} 年度）`}`,
};
