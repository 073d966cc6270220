// The strings of the automatic backups and of the database's life (newer version elsewhere, failed open), re-exported
// by renderer/messages.ts.
import type { BackupKind } from '../shared/ipc-contract';

const KIND_LABELS: Record<BackupKind, string> = { startup: '启动时', import: '导入前', restore: '恢复前' };

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export const ML = {
  // automatic backups
  backupKind: (kind: BackupKind) => KIND_LABELS[kind],
  backupSize: sizeText,
  browserBackupFailed: (detail: string) => `无法在本浏览器中保存自动备份：${detail}`,
  browserBackupsUnreadable: (detail: string) => `无法读取本浏览器中的自动备份：${detail}`,
  backupBeforeImportFailed: (detail: string) => `未能先写入自动备份，为免丢失数据，本次没有导入，数据未作任何修改。原因：${detail}`,
  backupBeforeRestoreFailed: (detail: string) => `未能先写入自动备份，为免丢失数据，本次没有恢复，数据未作任何修改。原因：${detail}`,
  automaticTitle: '自动备份',
  automaticNone: '还没有自动备份。',
  automaticListFailed: (detail: string) => `无法列出自动备份：${detail}`,
  automaticTime: '备份时间',
  automaticKind: '时机',
  automaticSize: '大小',
  automaticRestore: '恢复…',
  automaticName: (time: string, kind: BackupKind) => `${time} ${KIND_LABELS[kind]}的自动备份`,
  automaticMissing: '这份自动备份已不存在。',

  // the database's life
  openingTitle: '正在打开本机数据库，请稍候…',
  openingDetail: '软件更新后第一次打开时，需要把已有数据整理成新版本的格式，数据多时要几秒钟。请不要关闭窗口，数据不会丢失。',
  openingBlocked: '本机数据库正被另一个窗口或标签页中的旧版本使用，新版本要等它关闭后才能打开。请关闭那个窗口或标签页。',
  outdatedTitle: '数据库已被新版本打开，请重新加载本页',
  outdatedDetail: '本程序的较新版本已在另一个窗口或标签页中打开了本机数据库。为免写坏数据，本页已停止保存，此后的修改都不会保存。',
  reload: '重新加载',
  failedTitle: '无法打开本机数据库',
  failedIntro: '程序启动时未能打开本机数据库（可能是升级到新版本时出错），所以无法显示数据。可以用最近的自动备份恢复；也可以把下面的详细信息告诉技术支持人员。',
  failedDetails: '详细信息',
  newestBackup: (time: string, kind: BackupKind, size: number) => `最近的自动备份：${time}（${KIND_LABELS[kind]}，${sizeText(size)}）`,
  noBackup: '没有找到可用于恢复的自动备份。',
  restoreNewest: '用这份备份恢复…',
  restoreWarning: '恢复会删除无法打开的本机数据库，换成这份备份的内容；备份之后所做的修改将会丢失。',
  restoreConfirm: '删除本机数据库并恢复',
  restoring: '正在恢复…',
  restoreFailed: (detail: string) => `恢复失败：${detail}`,
  backupInvalid: (detail: string) => `这份备份不能用于恢复：${detail}`,
} as const;
