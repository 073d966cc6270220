// Chinese wording of form-layout problems, kept in one place.
import type { CellPlace } from './xlsx-writer';

export const formMessages = {
  noColumns: '表格没有任何列。',
  badColumnWidth: (col: number) => `第 ${col} 列的宽度无效（应为正数）。`,
  badSpan: (row: number, cell: number) => `第 ${row} 行第 ${cell} 个单元格的合并行数或列数无效（应为正整数）。`,
  rowTooWide: (row: number, count: number) => `第 ${row} 行的单元格超出了表格的 ${count} 列。`,
  rowIncomplete: (row: number, missing: string) => `第 ${row} 行未填满：第 ${missing} 列没有单元格。`,
  overlap: (row: number, col: number) => `第 ${row} 行第 ${col} 列被两个合并单元格同时占用。`,
  spanPastEnd: (row: number, col: number) => `第 ${row} 行第 ${col} 列的单元格向下合并超出了表格末行。`,
  spanCrossesHeader: (row: number, col: number) => `第 ${row} 行第 ${col} 列的单元格从表头合并进了表体。`,
  headerNotOnTop: (row: number) => `第 ${row} 行标为表头，但表头行必须连续位于表格顶部。`,
  /** a text longer than one Excel cell holds: where it is, how it begins, and what the user can do */
  cellTooLong: (p: CellPlace) =>
    `表“${p.form}”第 ${p.row} 行${p.rowLabel === null ? '' : `（“${p.rowLabel}”）`}${p.columnHeader === null ? '' : `“${p.columnHeader}”栏`}` +
    `的文字有 ${p.length} 个字符（开头是“${p.start}”），超过了 Excel 一个单元格最多 32767 个字符的限制，未导出 Excel 文件。` +
    '请把这段文字缩短，或改为导出 Word 文件。',
  /** the worksheet's name when the form's name leaves nothing Excel accepts */
  sheetFallback: '工作表',
};
