// Wording of the city-scale work of a supervisor (issue #19): many unit packages imported in one go, the progress and
// cancelling of long runs (imports, city-wide exports), and the overview's filters. Re-exported by renderer/messages.ts.
export const MS = {
  // 批量导入
  batchHint: '可以一次选择多个单位的数据包，逐个导入。',
  batchTitle: (total: number) => `批量导入 ${total} 个数据包`,
  batchIntro: '选择多个文件时逐个导入：每个数据包单独写入，要么全部写入，要么不写；开始写入前先自动备份一次。需要选择或确认的数据包不导入，列在下面，可单独打开处理。',
  batchProgress: (position: number, total: number, fileName: string) => `正在导入 ${position}/${total}：${fileName}`,
  batchCancel: '取消',
  batchCancelling: '正在取消…（当前数据包导入完毕后停止）',
  batchFile: '文件',
  batchResult: '结果',
  batchDetail: '说明',
  batchOpen: '单独打开',
  batchStatus: {
    waiting: '等待导入',
    imported: '已导入',
    needsChoice: '需要处理',
    refused: '未导入',
    notRun: '未导入（已停止）',
  },
  batchNotPackage: '这是 Excel 或 Word 表格，不是数据包：请单独选择该文件导入。',
  batchHandedDown: '这是主管部门下发的单位名录或审核意见包：请单独选择该文件导入。',
  batchInvalid: (count: number, first: string) => `文件不是有效的数据包（${count} 处问题），例如：${first}`,
  batchBlocked: (count: number, first: string) => `有 ${count} 条记录不能导入，例如：${first}`,
  batchConflicts: (count: number) => `有 ${count} 条记录两边都改过，需要选择保留哪一方：请单独打开处理。`,
  batchUnitsToConfirm: (count: number) => `有 ${count} 个单位只按名称匹配到本地单位，需要确认：请单独打开处理。`,
  batchCrashed: (detail: string) => `导入时出错：${detail}`,
  batchImportedAlone: (summary: string) => `已单独导入：${summary}`,
  batchDone: (imported: number, total: number) => `已导入 ${imported} 个数据包（共 ${total} 个）。`,
  batchCancelled: (imported: number, rest: number) => `已取消：已导入 ${imported} 个数据包，其余 ${rest} 个未导入。`,
  batchStopped: (imported: number, rest: number) => `导入已停止：已导入 ${imported} 个数据包，其余 ${rest} 个未导入。`,
  batchLeftOut: (count: number) => `${count} 个数据包未导入，见下表。`,

  // long exports
  exportPhase: {
    read: '正在读取数据…',
    build: '正在生成表格…',
    write: '正在写入文件…',
  },
  exportCancel: '取消导出',
  exportCancelling: '正在取消…',
  exportCancelled: '已取消导出，没有保存文件。',

  // 汇总概览 filters
  overviewFilterLabel: '按进度筛选',
  overviewFilters: {
    all: '全部单位',
    targetsMissing: '目标未填完',
    targetsDone: '目标已填完',
    assessmentsMissing: '自评未完成',
    assessmentsDone: '自评已完成',
    noPlan: '无部门整体支出',
  },
  overviewShown: (shown: number, total: number) => `显示 ${shown} / ${total} 个单位`,
} as const;
