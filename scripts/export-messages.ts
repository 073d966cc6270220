// Chinese wording of the headless exporter (scripts/export.ts), kept in one place; what both scripts say is in cli-messages.ts.
import { cliMessages } from './cli-messages';

export const exportCliMessages = {
  ...cliMessages,
  usage:
    '用法：npm run export -- --in 数据包.json --form F1…F9 --format xlsx|docx --out 输出文件 [--year 年度] [--unit 单位编号或名称] [--scope unit|supervisor] [--final 正式版：有错误时不导出；不加时导出草稿版，标题带“草稿”] [--month 1–12：F9 监控表的监控月份，不加时取各项目最近一轮]',
  failed: (message: string) => `导出失败：${message}`,
  exported: (out: string, fileName: string, bytes: number) => `已导出 ${out}（${fileName}，${bytes} 字节）`,
  badScope: (scope: string) => `--scope 只能是 unit 或 supervisor，收到“${scope}”。`,
  badFormat: (format: string) => `--format 只能是 xlsx 或 docx，收到“${format}”。`,
  badYear: (year: string) => `年度“${year}”无效。`,
  badMonth: (month: string) => `--month 须为 1 至 12 的整数，收到“${month}”。`,
  monthNotF9: '--month 只用于 F9（项目支出绩效目标执行监控表）。',
  noYear: '数据包中没有任何项目或部门整体支出，无法确定年度。',
  rootCount: (n: number) => `数据包中有 ${n} 个顶层单位，请用 --unit 指定一个。`,
  unknownUnit: (unit: string) => `数据包中没有单位“${unit}”。`,
  inputMissing: (path: string) => `找不到数据包文件“${path}”。`,
  inputIsDirectory: (path: string) => `“${path}”是一个文件夹，不是数据包文件。`,
  inputNotFile: (path: string) => `“${path}”不是普通文件（如设备或管道），不能作为数据包读取。`,
  inputTooLarge: (path: string, mib: number) => `数据包文件“${path}”超过 ${mib} MiB，不像是数据包，未读取。`,
  inputUnreadable: (path: string, reason: string) => `无法读取数据包文件“${path}”：${reason}。`,
  packageProblems: (path: string, n: number) => `数据包“${path}”有 ${n} 处问题：`,
  outputIsDirectory: (path: string) => `“${path}”是一个文件夹，请给出要写入的文件名。`,
};
