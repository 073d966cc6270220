// Chinese wording shared by the headless exporter and importer (scripts/cli-kit.ts), kept in one place.
export const cliMessages = {
  badArguments: (detail: string) => `参数有误（${detail}）。`,
  missingArguments: '缺少参数。',
  cannotWrite: (path: string, reason: string) => `无法写入“${path}”：${reason}，未留下任何文件。`,
  internal: (detail: string) => `程序内部错误：${detail}`,
  item: (text: string) => `  - ${text}`,
  /** why a file operation failed, by the system's error code */
  reasons: {
    ENOENT: '所在文件夹不存在',
    ENOTDIR: '路径中有一部分不是文件夹',
    EACCES: '没有权限',
    EPERM: '没有权限',
    EROFS: '磁盘是只读的',
    ENOSPC: '磁盘空间不足',
    EDQUOT: '磁盘配额已用完',
    EISDIR: '同名的文件夹已存在',
    ENAMETOOLONG: '文件名太长',
    EMFILE: '打开的文件太多',
    EIO: '磁盘读写出错',
    EBUSY: '文件正被占用',
  } as Record<string, string>,
  otherReason: (code: string) => `系统错误 ${code}`,
};
