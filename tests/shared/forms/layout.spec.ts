import {
  expandColumns,
  recordRow,
  resolveAll,
  resolveGrid,
  validateLayout,
  type Cell,
  type FormLayout,
  type Row,
} from '../../../shared/forms/layout';
import { F4_COLUMNS, f4Sample, labelGridSample } from './samples';

/** "title rN cN" for each header cell, as domain.md §7 writes the grid. */
function describeRow(row: Row): string[] {
  return row.cells.map((c) => `${String(c.value)}${c.rowSpan ? ` r${c.rowSpan}` : ''}${c.colSpan ? ` c${c.colSpan}` : ''}`);
}

const PAIRS = Array.from({ length: 7 }, () => ['年度指标内容', '完成情况']).flat();

describe('expandColumns: the F4 header grid of domain.md §7', () => {
  const { columns, headerRows } = expandColumns(F4_COLUMNS);

  it('has 28 leaf columns and three header rows', () => {
    expect(columns).toHaveLength(28);
    expect(headerRows).toHaveLength(3);
    expect(headerRows.every((r) => r.header === true)).toBe(true);
  });

  it('row 4: single columns span three rows, groups span their leaves', () => {
    expect(describeRow(headerRows[0])).toEqual([
      '序号 r3',
      '单位名称 r3',
      '项目名称 r3',
      '是否政府投资项目（是/否） r3',
      '项目年度预算金额 r3',
      '实际支出金额 c4',
      '预算支出执行率 r3',
      '年初绩效目标 r3',
      '绩效目标整体完成情况 r3',
      '产出目标 c6',
      '效益目标 c6',
      '满意度指标 c2',
      '项目执行中存在的问题 r3',
      '整改情况 r3',
    ]);
  });

  it('row 5: 合计 and 非财政拨款资金 span two rows, the seven 二级 titles two columns', () => {
    expect(describeRow(headerRows[1])).toEqual([
      '合计 r2',
      '其中：财政拨款 c2',
      '非财政拨款资金 r2',
      '数量指标 c2',
      '质量指标 c2',
      '时效指标 c2',
      '经济效益指标 c2',
      '社会效益指标 c2',
      '生态效益指标 c2',
      '服务对象满意度指标 c2',
    ]);
  });

  it('row 6: the two 财政拨款 sources, then 年度指标内容 | 完成情况 seven times', () => {
    expect(describeRow(headerRows[2])).toEqual(['一般公共预算', '政府性基金预算（含当年政府专项债券资金）', ...PAIRS]);
  });

  it('keeps the leaves\' kinds and widths, without their titles', () => {
    expect(columns[4]).toEqual({ width: 8, kind: 'money' });
    expect(columns[9]).toEqual({ width: 8, kind: 'percent' });
    expect(columns.map((c) => c.kind ?? 'text').filter((k) => k === 'money')).toHaveLength(5);
  });

  it('resolves to a consistent grid with cells at the positions of §7', () => {
    const result = resolveGrid(f4Sample());
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { grid } = result;
    expect(grid.columnCount).toBe(28);
    expect(grid.headerRowCount).toBe(3);
    const at = (r: number, c: number): string => String(grid.owner[r][c].cell.value);
    expect(at(2, 0)).toBe('序号');
    expect(at(1, 5)).toBe('合计');
    expect(at(2, 5)).toBe('合计');
    expect(at(1, 7)).toBe('其中：财政拨款');
    expect(at(2, 7)).toBe('政府性基金预算（含当年政府专项债券资金）');
    expect(at(0, 17)).toBe('产出目标');
    expect(at(2, 24)).toBe('年度指标内容');
    expect(at(2, 25)).toBe('完成情况');
    expect(at(2, 27)).toBe('整改情况');
    expect(grid.starts[1].map((p) => p.col)).toEqual([5, 6, 8, 12, 14, 16, 18, 20, 22, 24]);
  });
});

describe('validateLayout', () => {
  const base = (rows: Row[], columns = 3): FormLayout => ({
    name: 't',
    headerLines: [],
    columns: Array.from({ length: columns }, () => ({ width: 8 })),
    rows,
    page: { paper: 'A4', orientation: 'portrait' },
  });
  const v = (value: string, extra: Partial<Cell> = {}): Cell => ({ value, ...extra });
  const codes = (layout: FormLayout): string[] => validateLayout(layout).map((i) => i.code);

  it('accepts both samples', () => {
    expect(validateLayout(f4Sample())).toEqual([]);
    expect(validateLayout(labelGridSample())).toEqual([]);
  });

  it('reports a row with a cell too many', () => {
    const issues = validateLayout(base([{ cells: [v('a'), v('b'), v('c'), v('d')] }]));
    expect(issues.map((i) => i.code)).toEqual(['rowTooWide']);
    expect(issues[0].message).toBe('第 1 行的单元格超出了表格的 3 列。');
  });

  it('reports a row that leaves columns empty, naming them', () => {
    const issues = validateLayout(base([{ cells: [v('a')] }]));
    expect(issues).toEqual([
      { code: 'rowIncomplete', message: '第 1 行未填满：第 2、3 列没有单元格。', row: 0, col: 1 },
    ]);
  });

  it('skips positions covered from above, and counts a row that forgets them as too wide', () => {
    const ok = base([{ cells: [v('a', { rowSpan: 2 }), v('b'), v('c')] }, { cells: [v('d'), v('e')] }]);
    expect(validateLayout(ok)).toEqual([]);
    const bad = base([{ cells: [v('a', { rowSpan: 2 }), v('b'), v('c')] }, { cells: [v('x'), v('d'), v('e')] }]);
    expect(codes(bad)).toEqual(['rowTooWide']);
  });

  it('reports overlapping merges', () => {
    // b spans down into row 2, where c spans across into b's column
    const layout = base([
      { cells: [v('a'), v('b', { rowSpan: 2 }), v('x')] },
      { cells: [v('c', { colSpan: 2 }), v('d')] },
    ]);
    expect(codes(layout)).toContain('overlap');
    expect(validateLayout(layout).find((i) => i.code === 'overlap')?.message).toBe('第 2 行第 2 列被两个合并单元格同时占用。');
  });

  it('reports a merge down past the last row, and bad spans', () => {
    expect(codes(base([{ cells: [v('a', { rowSpan: 3 }), v('b'), v('c')] }]))).toEqual(['spanPastEnd']);
    expect(codes(base([{ cells: [v('a', { colSpan: 0 }), v('b'), v('c')] }]))).toContain('badSpan');
    expect(codes(base([{ cells: [v('a', { rowSpan: 1.5 }), v('b'), v('c')] }]))).toContain('badSpan');
  });

  it('reports header rows below body rows and header merges into the body', () => {
    expect(codes(base([{ cells: [v('a'), v('b'), v('c')] }, { header: true, cells: [v('a'), v('b'), v('c')] }]))).toEqual([
      'headerNotOnTop',
    ]);
    expect(
      codes(base([{ header: true, cells: [v('a', { rowSpan: 2 }), v('b'), v('c')] }, { cells: [v('d'), v('e')] }])),
    ).toEqual(['spanCrossesHeader']);
  });

  it('reports a table without columns or with a bad width', () => {
    expect(codes(base([], 0))).toEqual(['noColumns']);
    const layout = base([{ cells: [v('a')] }], 1);
    expect(codes({ ...layout, columns: [{ width: 0 }] })).toEqual(['badColumnWidth']);
  });
});

describe('recordRow', () => {
  it('places values by column key and leaves the rest empty', () => {
    const row = recordRow(
      [{ width: 4, key: 'seq' }, { width: 10, key: 'name' }, { width: 8, key: 'amount', kind: 'money' }, { width: 4 }],
      { seq: 1, amount: { value: 3.8, bold: true } },
      { bold: true },
    );
    expect(row).toEqual({
      bold: true,
      cells: [{ value: 1 }, { value: null }, { value: 3.8, bold: true }, { value: null }],
    });
  });
});

describe('resolveAll', () => {
  test('collects the issues of layouts of any length, each named after its form', () => {
    // 150,000 rows missing their second cell: more issues than a spread may pass as arguments
    const rows: Row[] = Array.from({ length: 150_000 }, (_, i) => ({ cells: [{ value: i }] }));
    const long: FormLayout = { name: '长表', headerLines: [], columns: [{ width: 5 }, { width: 5 }], rows, page: { paper: 'A4', orientation: 'portrait' } };
    const result = resolveAll([labelGridSample(), long]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(150_000);
    expect(result.issues[149_999]).toEqual({ code: 'rowIncomplete', message: '第 150000 行未填满：第 2 列没有单元格。', row: 149_999, col: 1, form: '长表' });
  });
});
