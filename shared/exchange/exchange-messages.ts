// Chinese wording of exchange-package problems, kept in one place.
export const exchangeMessages = {
  notJson: (detail: string) => `文件不是有效的 JSON 数据包，可能已损坏或被截断（${detail}）。`,
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
};
