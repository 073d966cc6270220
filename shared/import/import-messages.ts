// Chinese wording of reading Excel and Word tables (shared/import), kept in one place.
export const importMessages = {
  // the file itself
  emptyFile: '文件是空的（0 字节），没有可导入的内容。',
  tooLarge: (mib: string, capMiB: number) =>
    `文件有 ${mib} MB，超过了可导入的上限 ${capMiB} MB，未读取。一份绩效目标表或自评表通常不到 5 MB：请删去多余的工作表、图片后另存，或拆成几个文件分别导入。`,
  oleExcel: '这是旧版 Excel 文件（.xls）或设有打开密码的工作簿，无法直接读取。请在 Excel/WPS 中另存为 .xlsx 后再导入（设有密码的请先取消密码）。',
  oleWord: '这是旧版 Word 文件（.doc）或设有打开密码的文档，无法直接读取。请在 Word/WPS 中另存为 .docx 后再导入（设有密码的请先取消密码）。',
  notOffice: '文件不是 Excel 或 Word 文档（.xlsx / .docx），无法导入。',
  otherZip: '文件是一个压缩包，但不是 Excel 或 Word 文档（.xlsx / .docx），无法导入。',
  corrupt: (detail: string) => `文件已损坏或不完整，无法读取（${detail}）。请在 Excel/WPS 或 Word 中打开确认，另存后再导入。`,
  unpackedTooLarge: (mib: number) => `文件解压后超过 ${mib} MB，不像是一份报表，未读取。`,
  cancelled: '已取消导入，没有导入任何内容。',
  readFailed: (detail: string) => `读取表格时程序出错，没有导入任何数据（${detail}）。请把这个文件交给维护人员查看。`,
  sourceNote: (fileName: string) => `据“${fileName}”导入`,

  // what was found
  emptyWorkbook: '工作簿中没有任何内容，没有可导入的数据。',
  emptyDocument: '文档中没有表格，没有可导入的数据。',
  nothingRead: '没有读到任何项目或指标，未导入。',
  blocked: (n: number) => `有 ${n} 处内容无法读取，没有导入任何数据；请按下列说明改正后再导入。`,
  pastedTable: '粘贴的表格',
  hiddenSheet: (sheet: string) => `工作表“${sheet}”是隐藏的，未读取。`,
  emptySheet: (sheet: string) => `工作表“${sheet}”是空的。`,
  noHeader: (where: string) =>
    `${where}中找不到可识别的表头（如“项目名称”“三级指标”“指标名称”“指标值”），未读取。请确认表头文字，或把数据复制到按本程序表样排列的表格中再导入。`,
  unsupportedForm: (where: string, form: string) => `${where}是本程序导出的“${form}”，此表不能读回为项目数据，未读取；请改用数据包（.json）交换。`,
  readAs: (where: string, how: string) => `${where}：按${how}读取`,
  ownForm: (id: string, title: string) => `本程序的 ${id}“${title}”`,
  byHeaders: '表头',

  // places, counted from 1 as Excel and Word show them
  sheetPlace: (sheet: string) => `工作表“${sheet}”`,
  tablePlace: (n: number) => `第 ${n} 个表格`,
  rowPlace: (n: number) => `第 ${n} 行`,
  xlsxColumn: (letters: string) => `${letters} 列`,
  docxColumn: (n: number) => `第 ${n} 列`,
  linesBefore: '上方的文字',
  linesAfter: '下方的文字',

  // cells
  formulaError: (where: string, error: string) => `${where}的公式出错（${error}），无法读取；请在 Excel 中改正公式后再导入。`,
  uncalculated: (where: string) => `${where}是公式，但文件中没有保存计算结果；请在 Excel/WPS 中打开、保存后再导入。`,
  badAmount: (where: string, text: string) => `${where}的金额“${text}”不是数字，无法读取。`,
  negativeAmount: (where: string, text: string) => `${where}的金额“${text}”是负数，金额不能为负。`,
  badWeight: (where: string, text: string) => `${where}的权重“${text}”不是 0 到 100 之间的数字，未读取权重。`,
  badYear: (text: string) => `年度“${text}”无效，应为 2000 到 2100 之间的年份。`,

  // the table's shape
  mergedAcrossHeader: (where: string, range: string, header: string) =>
    `${where}的“${header}”所在的合并单元格（${range}）从表头一直合并到数据行，分不清哪里是表头、哪里是数据。请取消这些合并（或把表头和数据分开）后再导入。`,
  hiddenRows: (where: string, n: number) => `${where}有 ${n} 行隐藏行，未读取。`,
  notesFrom: (where: string) => `${where}起是表注或签署栏，未读取。`,
  totalRowSkipped: (where: string, text: string) => `${where}是“${text}”行，由程序按项目金额自动计算，未作为项目读取。`,
  emptyTable: (where: string) => `${where}只有表头，下面没有数据。`,
  blockFromTable: (where: string, next: string) => `${where}没有指标表头，作为${next}的项目信息读取。`,
  rowWithoutName: (where: string) => `${where}有内容但没有指标名称，未读取。`,
  rowWithoutProject: (where: string) => `${where}有指标但看不出属于哪个项目，未读取。`,
  unreadColumns: (where: string, headers: string) => `${where}中这些列未读取（不是绩效目标的内容，或本程序不记录）：${headers}。`,
  sectionRow: (where: string, text: string) => `${where}“${text}”是分段标题，未作为指标读取。`,
  projectCodeIgnored: (where: string) => `${where}的项目编码不在本程序记录的内容中，未导入。`,

  // amounts
  moneyUnitAssumed: (where: string) => `${where}没有注明金额单位（万元或元），按万元读取，请核对金额。`,
  fundingMismatch: (where: string, total: string, parts: string) => `${where}的资金总额 ${total} 与各项资金之和 ${parts} 不相等，已按各项资金导入。`,
  spentMismatch: (where: string, total: string, parts: string) => `${where}的实际支出合计 ${total} 与各项之和 ${parts} 不相等，已按各项导入。`,
  fiscalAssumed: (where: string) => `${where}只写了资金总额，按财政拨款（一般公共预算）导入。`,

  // units and years
  unitAssumed: (name: string) => `表中没有写明预算单位，项目归入“${name}”（导入时可指定单位）。`,
  defaultUnitName: '未注明单位',
  yearAssumed: (year: number) => `表中没有写明年度，按 ${year} 年度导入（导入时可指定年度）。`,
  yearOverridden: (given: number, found: number) => `表中写的是 ${found} 年度，按指定的 ${given} 年度导入。`,
  duplicateProject: (name: string, year: number, first: string, again: string) =>
    `同一单位 ${year} 年度有两个同名项目“${name}”（${first}，${again}），无法分辨，未导入。请改名后再导入。`,
  duplicatePlan: (unit: string, year: number, first: string, again: string) =>
    `“${unit}” ${year} 年度有两份部门整体支出绩效目标（${first}，${again}），无法分辨，未导入。`,
  projectNameFromSheet: (where: string, name: string) => `${where}没有写明项目名称，以“${name}”作项目名称。`,

  // indicators
  levelGuessed: (where: string, n: number) => `${where}没有一级、二级指标：${n} 个指标的一级、二级按指标名称推定，请核对。`,
  level2Mapped: (where: string, given: string, label: string) => `${where}的二级指标“${given}”不在所用的指标体系中，已归入“${label}”，请核对。`,
  level1Mapped: (where: string, given: string, label: string) => `${where}的一级指标“${given}”不在所用的指标体系中，已归入“${label}”，请核对。`,
  levelsDisagree: (where: string, level1: string, level2: string, parent: string) =>
    `${where}的一级指标“${level1}”与二级指标“${level2}”不相符（“${level2}”属于“${parent}”），已按二级指标归类。`,
  directionConflict: (where: string, direction: string, value: string) => `${where}的指标性质“${direction}”与指标值“${value}”中的符号不一致，按指标性质导入。`,
  notANumber: (where: string, direction: string, value: string) => `${where}的指标性质是“${direction}”，但指标值“${value}”不是数字，按定性指标导入。`,
  unitConflict: (where: string, unit: string, value: string) => `${where}的计量单位“${unit}”与指标值“${value}”中的单位不一致，按计量单位列导入。`,
  badDirection: (where: string, text: string) => `${where}的指标性质“${text}”无法识别，按指标值的写法导入。`,
  codedUnreadable: (where: string, text: string) => `${where}的绩效指标中有一段无法识别，未读取：“${text}”。`,
  qualitativeNamed: (where: string, n: number) => `${where}只列出指标内容：${n} 个定性指标以内容的开头作指标名称，请核对。`,
  resultsJoined: (where: string) => `${where}的完成情况与年度指标内容条数不同，整格归入其中第一个指标。`,
  schemeB: '表中的“成本指标”是一级指标，按方案B（财预〔2021〕101号）导入。',

  // the package
  invalidPackage: (n: number) => `读出的数据未通过数据包检查（${n} 处问题），未导入：`,
};
