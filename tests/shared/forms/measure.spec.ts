import {
  cellAlign,
  cellText,
  displayWidth,
  excelNumFmt,
  formatNumber,
  wrappedLineCount,
} from '../../../shared/forms/measure';

describe('displayWidth', () => {
  it('counts CJK and full-width punctuation as two, digits and Latin as one', () => {
    expect(displayWidth('单位：万元')).toBe(10);
    expect(displayWidth('99.74%')).toBe(6);
    expect(displayWidth('≥95%')).toBe(5);
    expect(displayWidth('“四好”商会')).toBe(12);
    expect(displayWidth('')).toBe(0);
  });
});

describe('wrappedLineCount', () => {
  it('fits CJK text two units a character', () => {
    expect(wrappedLineCount('年度指标内容', 12)).toBe(1);
    expect(wrappedLineCount('年度指标内容', 11)).toBe(2);
    expect(wrappedLineCount('年度指标内容', 4)).toBe(3);
  });

  it('keeps closing punctuation with the character before it', () => {
    // 5 characters fill the line; "。" may not start the next one, so "作。" moves down together
    expect(wrappedLineCount('保障工作。', 8)).toBe(2);
    expect(wrappedLineCount('保障工作。', 10)).toBe(1);
  });

  it('keeps numbers whole and breaks them only when longer than a line', () => {
    expect(wrappedLineCount('服务1人10.44万元', 12)).toBe(2);
    expect(wrappedLineCount('1234567890', 4)).toBe(3);
  });

  it('starts a new line at every line break, an empty text taking one line', () => {
    expect(wrappedLineCount('第一行\n第二行\n', 20)).toBe(3);
    expect(wrappedLineCount('', 10)).toBe(1);
  });
});

describe('cell text and Excel formats', () => {
  it('prints the worked rates of domain.md §7 from the amounts', () => {
    const rate = (part: number, whole: number): string => cellText({ value: part / whole, kind: 'percent' }, undefined);
    expect(rate(3.79, 3.8)).toBe('99.74%');
    expect(rate(21.49, 23.44)).toBe('91.68%');
    expect(rate(266.89, 267.1)).toBe('99.92%');
    expect(rate(102.55, 102.56)).toBe('99.99%');
    expect(rate(54.53, 54.69)).toBe('99.71%');
    expect(rate(39.95, 40)).toBe('99.88%');
  });

  it('prints money with two decimals, rounding half up, grouped when asked', () => {
    expect(cellText({ value: 3.8 }, { width: 8, kind: 'money' })).toBe('3.80');
    expect(cellText({ value: 0 }, { width: 8, kind: 'money' })).toBe('0.00');
    expect(formatNumber(1.005, 'money', undefined, false)).toBe('1.01');
    expect(cellText({ value: 7563832.99, thousands: true }, { width: 12, kind: 'money' })).toBe('7,563,832.99');
    expect(cellText({ value: 300000, kind: 'money', thousands: true }, undefined)).toBe('300,000.00');
  });

  it('prints plain numbers as they are, strings verbatim, null as nothing', () => {
    expect(cellText({ value: 4.11 }, { width: 6, kind: 'number' })).toBe('4.11');
    expect(cellText({ value: 20 }, undefined)).toBe('20');
    expect(cellText({ value: '100.00%' }, { width: 8, kind: 'percent' })).toBe('100.00%');
    expect(cellText({ value: null }, { width: 8, kind: 'money' })).toBe('');
  });

  it('gives Excel the matching number formats', () => {
    expect(excelNumFmt({ value: 3.8 }, { width: 8, kind: 'money' })).toBe('0.00');
    expect(excelNumFmt({ value: 1, thousands: true }, { width: 8, kind: 'money' })).toBe('#,##0.00');
    expect(excelNumFmt({ value: 0.9974 }, { width: 8, kind: 'percent' })).toBe('0.00%');
    expect(excelNumFmt({ value: 5, decimals: 1 }, { width: 8, kind: 'number' })).toBe('0.0');
    expect(excelNumFmt({ value: 5 }, { width: 8, kind: 'number' })).toBeUndefined();
    expect(excelNumFmt({ value: 5 }, undefined)).toBeUndefined();
  });

  it('aligns header cells centred, numbers right, text left, unless told', () => {
    expect(cellAlign({ value: '合计' }, { width: 8, kind: 'money' }, true)).toBe('center');
    expect(cellAlign({ value: 3.8 }, { width: 8, kind: 'money' }, false)).toBe('right');
    expect(cellAlign({ value: '无' }, undefined, false)).toBe('left');
    expect(cellAlign({ value: 1 }, { width: 4, align: 'center' }, false)).toBe('center');
    expect(cellAlign({ value: 3.8, align: 'left' }, { width: 8, kind: 'money' }, false)).toBe('left');
  });
});
