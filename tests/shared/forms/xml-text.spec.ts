import { excelCellText, xmlSafeText } from '../../../shared/forms/xml-text';
import { uniqueSheetName } from '../../../shared/forms/xlsx-writer';

describe('xmlSafeText', () => {
  test('drops the C0 controls XML 1.0 forbids, U+FFFE, U+FFFF and lone surrogates; keeps tab, line breaks and pairs', () => {
    expect(xmlSafeText('a\u0000b\u0001c\u0008d\u000Be\u000Cf\u000Eg\u001Fh')).toBe('abcdefgh');
    expect(xmlSafeText('项目\uFFFE名称\uFFFF')).toBe('项目名称');
    expect(xmlSafeText('x\uD800y\uDC00z')).toBe('xyz');
    expect(xmlSafeText('\uDBFF\uD800\uDC00\uDC00')).toBe('\uD800\uDC00');
    expect(xmlSafeText('列1\t列2\r\n行2\n𠀀😀')).toBe('列1\t列2\r\n行2\n𠀀😀');
  });

  test('text with nothing to drop comes back as the same string', () => {
    const text = '有效合理配备办公设备，改善工作环境 <&> \u007F\u0085\uFFFD';
    expect(xmlSafeText(text)).toBe(text);
  });
});

describe('excelCellText', () => {
  test("keeps Excel's _xHHHH_ escapes literal by escaping their underscore, and drops what XML forbids", () => {
    expect(excelCellText('_x0041_ and _x00e9_ but not _x41_')).toBe('_x005F_x0041_ and _x005F_x00e9_ but not _x41_');
    expect(excelCellText('a\uFFFF_x000D_')).toBe('a_x005F_x000D_');
    expect(excelCellText('指标_x')).toBe('指标_x');
  });
});

describe('uniqueSheetName', () => {
  const name = (raw: string, taken = new Set<string>()) => uniqueSheetName(raw, taken);

  test.each([
    ["'abc'", '’abc’'],
    ["O'Brien 项目", 'O’Brien 项目'],
    ['History', 'History(2)'],
    ['  HISTORY ', 'HISTORY(2)'],
    ['[2024]:a*b?c/d\\e', '2024abcde'],
    ['\uFFFF项目\u0001名称\uD800', '项目名称'],
    ['第一行\n第二行', '第一行 第二行'],
    ['', '工作表'],
    ['  [*]  ', '工作表'],
    ["''", '’’'],
  ])('%j → %j', (raw, expected) => {
    expect(name(raw)).toBe(expected);
  });

  test('at most 31 UTF-16 units, cut without splitting a pair, trimmed, never ending in an apostrophe', () => {
    expect(name(`${'项'.repeat(30)}'结尾`)).toBe(`${'项'.repeat(30)}’`);
    expect(name(`${'项'.repeat(29)} 甲乙`)).toBe(`${'项'.repeat(29)} 甲`);
    expect(name(`${'项'.repeat(29)}  甲乙`)).toBe('项'.repeat(29));
    expect(name(`${'a'.repeat(30)}😀`)).toBe('a'.repeat(30));
  });

  test('unique within the workbook ignoring case, the suffix fitting within 31', () => {
    const taken = new Set<string>();
    const long = '项'.repeat(40);
    expect(['附件', '附件', 'FORM', 'form', long, long, 'history'].map((n) => uniqueSheetName(n, taken))).toEqual([
      '附件', '附件(2)', 'FORM', 'form(2)', '项'.repeat(31), `${'项'.repeat(28)}(2)`, 'history(2)',
    ]);
  });
});
