// Chinese wording of the unit directory (单位名录) a supervisor hands down, and of matching units by code and name.
export const MATCHED_BY_LABELS = {
  id: '同一单位（编号相同）',
  code: '编码相同',
  name: '名称相同，待确认',
  decided: '已确认为同一单位',
} as const;

export const directoryText = {
  unknownSupervisor: (id: string) => `找不到主管部门“${id}”。`,
  notBelow: (name: string, supervisor: string) => `单位“${name}”不在“${supervisor}”之下，不能列入它的单位名录。`,
  unknownUnit: (id: string) => `找不到单位“${id}”。`,
  noUnits: (supervisor: string) => `“${supervisor}”之下还没有单位，无法生成单位名录。`,

  notDirectory: '这个数据包不是主管部门下发的单位名录。',
  notIssuedUnit: (name: string) => `单位“${name}”不是这份名录的下发对象。`,
  confirmName: (name: string, local: string) => `“${name}”与本机的“${local}”名称相同，请确认是否为同一单位；不确认则作为另一个单位。`,
  decidedUnknownLocal: (name: string) => `为“${name}”选定的本机单位已不存在。`,
  decidedTaken: (local: string, name: string) => `本机单位“${local}”已与名录中的“${name}”对应，不能再对应另一个单位。`,
  cycle: (name: string) => `按名录设置后，“${name}”会成为自己的上级单位，请先在本机调整单位的上下级关系。`,
  schemeChange: (name: string, from: string, to: string, records: number) =>
    `“${name}”的指标体系将由“${from}”改为“${to}”，本机已有的 ${records} 份项目或部门整体支出可能需要按新体系调整指标分类。`,

  changeName: (from: string, to: string) => `名称“${from}”改为“${to}”`,
  changeShortName: (to: string) => `简称改为“${to}”`,
  changeCode: (to: string) => `编码设为 ${to}`,
  changeParent: (to: string) => `主管部门设为“${to}”`,
  changeTopLevel: '设为顶层单位',
  changeScheme: (to: string) => `指标体系设为“${to}”`,
  changeRuleSets: '评分规则按名录设置',
  changeSector: (to: string) => `行业设为“${to}”`,

  orphan: (name: string, parentId: string) =>
    `数据包中的单位“${name}”的主管部门（编号“${parentId}”）在本机和数据包中都找不到：导入后暂列为顶层单位，待主管部门的数据导入后自动归入；也可以现在为它选定主管部门。`,
  decidedParentUnknown: (name: string) => `为“${name}”选定的主管部门在本机不存在。`,
} as const;
