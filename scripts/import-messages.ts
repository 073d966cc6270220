// Chinese wording of the headless importer (scripts/import.ts), kept in one place; what both scripts say is in cli-messages.ts.
import { cliMessages } from './cli-messages';

export const importCliMessages = {
  ...cliMessages,
  usage: '用法：npm run import -- --in 表格.xlsx|表格.docx --out 数据包.json [--unit 单位名称：表中未写单位时归入此单位] [--year 年度：覆盖表中所写年度]',
  failed: (message: string) => `导入失败：${message}`,
  badYear: (year: string) => `年度“${year}”无效，应为 2000 到 2100 之间的年份。`,
  inputMissing: (path: string) => `找不到文件“${path}”。`,
  inputIsDirectory: (path: string) => `“${path}”是一个文件夹，不是 Excel 或 Word 文件。`,
  inputNotFile: (path: string) => `“${path}”不是普通文件（如设备或管道），不能读取。`,
  inputUnreadable: (path: string, reason: string) => `无法读取文件“${path}”：${reason}。`,
  outputIsDirectory: (path: string) => `“${path}”是一个文件夹，请给出要写入的数据包文件名。`,
  readFrom: (path: string) => `已读取“${path}”：`,
  table: (where: string, how: string, projects: number, indicators: number, plans: number) =>
    `  ${where}：按${how}读取，${projects} 个项目${plans > 0 ? `、${plans} 份部门整体支出绩效目标` : ''}，${indicators} 个指标`,
  warningsHeading: '请核对：',
  notesHeading: '说明：',
  errorsHeading: '无法读取的内容：',
  more: (n: number) => `  另有 ${n} 条未列出。`,
  written: (out: string, projects: number, indicators: number, plans: number, bytes: number) =>
    `已写入数据包 ${out}（${projects} 个项目、${indicators} 个指标${plans > 0 ? `、${plans} 份部门整体支出绩效目标` : ''}，${bytes} 字节）`,
};
