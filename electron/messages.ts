// Every user-visible string of the main process, in one place so the wording stays consistent.
import type { FileFilter } from '../shared/ipc-contract';

export const MENU = {
  file: '文件',
  openBackups: '打开备份文件夹',
  quit: '退出',
  edit: '编辑',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  delete: '删除',
  selectAll: '全选',
  view: '视图',
  reload: '重新加载',
  resetZoom: '实际大小',
  zoomIn: '放大',
  zoomOut: '缩小',
  fullScreen: '全屏',
  devTools: '开发者工具',
  help: '帮助',
  about: '关于',
} as const;

export const DIALOG = {
  aboutTitle: '关于',
  ok: '确定',
  aboutDetail: (version: string, dataDir: string) => `版本 ${version}\n数据保存在本机：${dataDir}`,
} as const;

export const FILTERS = {
  word: { name: 'Word 文档', extensions: ['docx'] },
  excel: { name: 'Excel 工作簿', extensions: ['xlsx'] },
  dataPackage: { name: '数据包 (JSON)', extensions: ['json'] },
} as const satisfies Record<string, FileFilter>;

export const ERRORS = {
  fileBusy: '无法写入文件：文件可能正被其他程序（如 Word、Excel、WPS）打开，请关闭后重试。',
  noPermission: '无法写入文件：没有该位置的写入权限，请换一个文件夹。',
  diskFull: '无法写入文件：磁盘空间不足。',
  writeFailed: (detail: string) => `无法写入文件：${detail}`,
  readFailed: (detail: string) => `无法读取文件：${detail}`,
  tooLarge: (limitMb: number) => `文件过大（超过 ${limitMb} MB），无法处理。`,
  badRequest: '请求的数据格式不正确。',
  backupFailed: (detail: string) => `自动备份失败：${detail}`,
  backupTooLarge: (limitMb: number) => `自动备份失败：数据超过 ${limitMb} MB，无法备份。`,
  backupNotPackage: '自动备份失败：要备份的内容不是本程序的数据包。',
  backupTooFrequent: (perMinute: number) => `自动备份过于频繁（每分钟最多 ${perMinute} 次），请稍候一分钟再试。`,
  backupStartupTaken: '自动备份失败：本次启动时已经备份过。',
  unexpected: (detail: string) => `操作失败：${detail}`,
} as const;
