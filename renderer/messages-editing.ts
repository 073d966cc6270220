// Chinese wording of field editing: text a field could not read, what a reload restored, locked fields, counters.
export const ME = {
  /** the check panel's line for text that was not stored */
  inputInvalid: (label: string, text: string, why: string) => `${label}：“${text}”未保存——${why}`,
  /** the status bar instead of 已保存 */
  invalidInputs: (n: number) => `有 ${n} 处输入无效，未保存`,
  restored: (n: number) => `上次关闭前有 ${n} 处输入无效、未保存，已恢复在原处（标红），请改正。`,
  restoredDismiss: '知道了',
  locked: '已完成，不能修改；如需修改请点“重新打开”',

  fundingLabel: (source: string) => `当年预算（${source}）`,
  townSubsidyLabel: '补助镇街',
  weightOf: (name: string) => `“${name || '未命名指标'}”的权重`,
  rowField: (name: string, column: string) => `“${name || '未命名指标'}”的${column}`,
  taskMoney: (task: string, column: string) => `任务“${task || '未命名任务'}”的${column}`,
  overrideOf: (name: string) => `“${name}”的调整得分`,
  overrideNeedsScore: '已写调整理由，请填写调整后的得分；不调整请先清空理由',
} as const;
