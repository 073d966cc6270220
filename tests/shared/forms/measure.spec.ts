import {
  cellAlign,
  cellText,
  charWidth,
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

  it('keeps opening punctuation with the character after it', () => {
    // "甲乙“" would fill the first line, but "“" may not end it: it moves down with "丙"
    expect(wrappedLineCount('甲乙“丙丁戊', 6)).toBe(3);
    expect(wrappedLineCount('甲乙（ab）丙', 6)).toBe(3);
  });

  it('agrees with a plain split-into-units-then-fill reference on 100,000 random texts', () => {
    const alphabet = [...'年度指标内容服务，。、；：？！）》（《“”‘’%％,.;:?!()[]{}abcXYZ0123456789 \t≥—…①😀𠀀', '\ud800', '\udc00'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let disagreements = 0;
    for (let k = 0; k < 100_000; k++) {
      let text = '';
      for (let i = Math.floor(random() * 60); i > 0; i--) text += alphabet[Math.floor(random() * alphabet.length)];
      if (random() < 0.1) text += (random() < 0.5 ? '\n' : '\r\n') + text;
      const capacity = Math.floor(random() * 30) + (random() < 0.1 ? 0.5 : 0);
      if (wrappedLineCount(text, capacity) !== referenceLineCount(text, capacity)) disagreements++;
    }
    expect(disagreements).toBe(0);
  });
});

/** The line breaking rules written plainly: the text cut into break units first, then the units placed greedily. */
function referenceLineCount(text: string, capacity: number): number {
  const cap = Math.max(1, capacity);
  const closing = '，。、；：？！）》」』】〕”’％%,.;:?!)]}';
  const opening = '（《「『【〔“‘([{';
  return text.split(/\r?\n/).reduce((sum, paragraph) => {
    const units: { width: number; space: boolean }[] = [];
    let word: number | null = null;
    let open = 0;
    const endWord = () => {
      if (word !== null) units.push({ width: word + open, space: false });
      if (word !== null) open = 0;
      word = null;
    };
    for (const ch of Array.from(paragraph)) {
      const w = charWidth(ch);
      const last = units[units.length - 1];
      if (ch === ' ' || ch === '\t') {
        endWord();
        if (open > 0) units.push({ width: open, space: false });
        open = 0;
        units.push({ width: 1, space: true });
      } else if (closing.includes(ch)) {
        if (word !== null) word += w;
        else if (open === 0 && last && !last.space) last.width += w;
        else word = w;
      } else if (opening.includes(ch)) {
        endWord();
        open += w;
      } else if (w === 2) {
        endWord();
        units.push({ width: open + w, space: false });
        open = 0;
      } else {
        word = (word ?? 0) + w;
      }
    }
    endWord();
    if (open > 0) units.push({ width: open, space: false });
    let lines = 1;
    let used = 0;
    for (const u of units) {
      if (used + u.width <= cap) used += u.width;
      else if (u.space) continue;
      else if (u.width <= cap) {
        lines++;
        used = u.width;
      } else {
        // wider than a line: broken inside it
        if (used > 0) lines++;
        const extra = Math.ceil(u.width / cap) - 1;
        lines += extra;
        used = u.width - extra * cap;
      }
    }
    return sum + lines;
  }, 0);
}

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
