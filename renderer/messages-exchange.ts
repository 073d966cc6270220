// Every string of the export, backup and consolidation screens (re-exported by renderer/messages.ts).
export const MX = {
  workspace: '导出与汇总',
};
