// Chinese wording of consolidation (汇总导入): what the supervisor reads about each record of an imported package.
import type { RecordKind } from './consolidation';

export const RECORD_KIND_LABELS: Readonly<Record<RecordKind, string>> = {
  unit: '单位',
  project: '项目',
  departmentPlan: '部门整体支出绩效目标',
};

export const CHOICE_LABELS = {
  local: '保留本地版本',
  incoming: '采用数据包版本',
} as const;

export const PLAN_SECTION_LABELS = {
  add: '新增',
  update: '更新',
  unchanged: '无变化',
  keepLocal: '保留本地（本地较新）',
  conflicts: '冲突（需选择）',
  problems: '无法导入',
} as const;

export const consolidationText = {
  projectName: (name: string, year: number) => `${name}（${year}年度）`,
  planName: (unitName: string, year: number) => `${unitName} ${year}年度部门整体支出绩效目标`,
  unknownUnitName: '（未知单位）',

  reasonNew: '本地没有这条记录，将新增。',
  reasonSame: '内容与本地相同。',
  reasonIncomingNewer: '数据包中的版本修改时间较新，将覆盖本地。',
  reasonLocalNewer: '本地版本修改时间较新，保留本地。',
  reasonOnlyIncomingChanged: '上次导入后只有报送单位修改过，将覆盖本地。',
  reasonOnlyLocalChanged: '上次导入后只有本地修改过，保留本地。',
  reasonAlreadyImported: '数据包中的这条记录上次导入时已处理过，此后没有新的修改，保留本地。',
  reasonBothChanged: '上次导入后本地和报送单位都修改过，请选择保留哪一方。',
  reasonSameTimeDifferent: '两边修改时间相同但内容不同，请选择保留哪一方。',
  reasonChangedAfterSubmission: '本地只有审核记录的变化，报送单位在提交审核的版本上作了修改，将采用数据包中的版本，审核记录两边合并。',
  reasonReviewMerged: (why: string) => `${why}数据包中有本地没有的审核记录，合并后写入本地，项目内容不变。`,

  projectUnitMissing: (projectName: string) => `数据包中的项目“${projectName}”所属单位不存在。`,
  planUnitMissing: (year: number) => `数据包中的${year}年度部门整体支出绩效目标所属单位不存在。`,
  duplicateId: (kind: string, id: string) => `数据包中的${kind}编号“${id}”重复，数据包可能已损坏。`,
  sameNameOtherId: (name: string, year: number) =>
    `数据包中的项目“${name}”（${year}年度）与本机已有的同名项目编号不同（可能是报送单位重建了数据），为免重复计入，本次未导入。请先核对并删除其中一个。`,
  indicatorOfOtherProject: (projectName: string, indicatorId: string) =>
    `数据包中项目“${projectName}”的指标编号“${indicatorId}”在本地属于另一个项目，无法导入。`,
  indicatorHeldLocally: (displayName: string, indicatorId: string, holder: string) =>
    `数据包中“${displayName}”的指标编号“${indicatorId}”在本地属于“${holder}”，无法导入。`,
  badTimestamp: (displayName: string, value: string) => `数据包中“${displayName}”的修改时间“${value}”无效，数据包可能已损坏。`,
  unresolvedConflict: (displayName: string) => `“${displayName}”两边都有修改，请先选择保留哪一方。`,
  blockedByProblems: (count: number) => `数据包有 ${count} 处问题，未导入任何数据：`,
} as const;
