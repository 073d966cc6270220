// The field codecs: what each reads, what it refuses and with which words, and that every value a record can hold
// (every amount and weight of the four reference fixtures) is shown as text that reads back to the same value.
import {
  dateCodec,
  formatAmount,
  halfWidth,
  integerCodec,
  moneyCodec,
  optionalMoneyCodec,
  optionalTextCodec,
  percentCodec,
  scoreCodec,
  textCodec,
  weightCodec,
  type Codec,
  type Parsed,
} from '../../shared/codecs';
import { FUNDING_SOURCES, type Fen, type Funding } from '../../shared/model';
import { loadFixture } from '../fixtures/fixture-files';

const FIXTURES = ['huadu', 'longgang-2019', 'longgang-2023', 'yubei-2024'] as const;

/** What a parse gives, as one comparable value: the value, or the refusal's code and message. */
function outcome<T>(p: Parsed<T>): T | { code: string; message: string } {
  return p.ok ? p.value : { code: p.code, message: p.message };
}

const wan = moneyCodec('万元');
const yuan = moneyCodec('元');

describe('money in 万元', () => {
  test.each<[string, Fen]>([
    ['', 0],
    ['   ', 0],
    ['12.5', 12_500_000],
    ['12.3456', 12_345_600],
    ['0.000001', 1],
    ['12.345600', 12_345_600],
    ['225', 225_000_000],
    ['１２３', 123_000_000],
    ['１２．５', 12_500_000],
    ['1,234.5', 1_234_500_000],
    ['1，234.5', 1_234_500_000],
    ['  7.6  ', 7_600_000],
    ['.5', 500_000],
    ['12.', 12_000_000],
    ['007', 7_000_000],
    ['-0', 0],
  ])('reads %j as %d 分', (text, fen) => {
    expect(outcome(wan.parse(text))).toBe(fen);
  });

  test.each<[string, string, string]>([
    ['300万', 'unitIncluded', '单位已是万元，请只填数字'],
    ['300万元', 'unitIncluded', '单位已是万元，请只填数字'],
    ['３００万', 'unitIncluded', '单位已是万元，请只填数字'],
    ['300元', 'otherUnit', '此处单位是万元，不是元：请换算成万元后只填数字'],
    ['3亿', 'otherUnit', '此处单位是万元，不是亿元：请换算成万元后只填数字'],
    ['abc', 'notNumber', '请只填数字金额，如 12.5'],
    ['12.3.4', 'notNumber', '请只填数字金额，如 12.5'],
    ['1e5', 'notNumber', '请只填数字金额，如 12.5'],
    ['¥300', 'notNumber', '请只填数字金额，如 12.5'],
    ['12 3', 'notNumber', '请只填数字金额，如 12.5'],
    ['-50', 'negative', '金额不能为负数'],
    ['－50', 'negative', '金额不能为负数'],
    ['12.1234567', 'tooPrecise', '以万元为单位最多填 6 位小数（精确到分）'],
    ['12,34', 'grouping', '千位分隔符“,”的位置不对：每三位一组，如 1,234.5'],
    ['1,2345', 'grouping', '千位分隔符“,”的位置不对：每三位一组，如 1,234.5'],
    ['99999999999', 'tooLarge', '金额过大，请核对'],
  ])('refuses %j (%s)', (text, code, message) => {
    expect(outcome(wan.parse(text))).toEqual({ code, message });
  });

  test.each<[Fen, string]>([
    [0, ''],
    [1, '0.000001'],
    [12_345_600, '12.3456'],
    [12_500_000, '12.50'],
    [225_000_000, '225.00'],
    [756_383_299, '756.383299'],
  ])('shows %d 分 as %j', (fen, text) => {
    expect(wan.format(fen)).toBe(text);
  });
});

describe('money in 元', () => {
  test.each<[string, Fen | string]>([
    ['123456', 12_345_600],
    ['123,456.00', 12_345_600],
    ['7563832.99', 756_383_299],
    ['0.01', 1],
    ['0.001', 'tooPrecise'],
    ['300元', 'unitIncluded'],
    ['300万', 'otherUnit'],
  ])('reads %j as %j', (text, expected) => {
    const p = yuan.parse(text);
    expect(p.ok ? p.value : p.code).toBe(expected);
  });

  test('two decimals, never more', () => {
    expect(yuan.format(756_383_299)).toBe('7563832.99');
    expect(yuan.format(12_345_600)).toBe('123456.00');
    expect(outcome(yuan.parse('0.001'))).toEqual({ code: 'tooPrecise', message: '以元为单位最多填 2 位小数（精确到分）' });
  });

  test('an absent amount is an empty box; 0 is shown', () => {
    const c = optionalMoneyCodec('万元');
    expect(outcome(c.parse(''))).toBeNull();
    expect(outcome(c.parse('0'))).toBe(0);
    expect(c.format(null)).toBe('');
    expect(c.format(0)).toBe('0.00');
  });

  test('formatAmount keeps every 分 and shows a negative sum with its sign', () => {
    expect(formatAmount(-12_345_600, '万元')).toBe('-12.3456');
    expect(formatAmount(Number.MAX_SAFE_INTEGER, '万元')).toBe('9007199254.740991');
    expect(formatAmount(0.5, '元')).toBe('0.5');
  });
});

describe('weights', () => {
  test.each<[string, number | null | string]>([
    ['', null],
    ['20', 20],
    ['13.5', 13.5],
    ['16.67', 16.67],
    ['29.997', 29.997],
    ['０.５', 0.5],
    ['100', 100],
    ['0', 0],
    ['-5', 'negative'],
    ['abc', 'notNumber'],
    ['5分', 'notNumber'],
    ['1,5', 'notNumber'],
    ['100.5', 'tooLarge'],
    ['1.23456', 'tooPrecise'],
  ])('reads %j as %j', (text, expected) => {
    const p = weightCodec.parse(text);
    expect(p.ok ? p.value : p.code).toBe(expected);
  });

  test('their messages', () => {
    expect(outcome(weightCodec.parse('-5'))).toEqual({ code: 'negative', message: '权重不能为负数' });
    expect(outcome(weightCodec.parse('120'))).toEqual({ code: 'tooLarge', message: '权重不能超过 100' });
    expect(outcome(weightCodec.parse('1.23456'))).toEqual({ code: 'tooPrecise', message: '权重最多填 4 位小数' });
  });

  test('no weight is an empty box, NaN too (it is never a weight)', () => {
    expect(weightCodec.format(null)).toBe('');
    expect(weightCodec.format(Number.NaN)).toBe('');
    expect(weightCodec.format(13.5)).toBe('13.5');
  });
});

describe('integers, percentages, scores, dates and texts', () => {
  test.each<[string, Codec<number | null>, string, number | null | string]>([
    ['integer', integerCodec(), '1,000', 1000],
    ['integer', integerCodec(), '１２', 12],
    ['integer', integerCodec(), '12.5', 'notInteger'],
    ['integer { min: 1 }', integerCodec({ min: 1 }), '0', 'tooSmall'],
    ['integer { max: 10 }', integerCodec({ max: 10 }), '11', 'tooLarge'],
    ['integer', integerCodec(), '', null],
    ['percent', percentCodec(), '95%', 95],
    ['percent', percentCodec(), '95', 95],
    ['percent', percentCodec(), '９５．５％', 95.5],
    ['percent', percentCodec(), '101', 'tooLarge'],
    ['percent', percentCodec(), '%', 'notNumber'],
    ['percent', percentCodec(), '95.555', 'tooPrecise'],
    ['score', scoreCodec, '8.5', 8.5],
    ['score', scoreCodec, '-1', 'tooSmall'],
    ['score', scoreCodec, '8.555', 'tooPrecise'],
  ])('%s reads %j', (_kind, codec, text, expected) => {
    const p = codec.parse(text);
    expect(p.ok ? p.value : p.code).toBe(expected);
  });

  test('percentages show their mark and read it back', () => {
    const c = percentCodec();
    expect(c.format(95.5)).toBe('95.5%');
    expect(outcome(c.parse(c.format(95.5)))).toBe(95.5);
    expect(outcome(c.parse('abc'))).toEqual({ code: 'notNumber', message: '请填写百分数，如 95 或 95%' });
  });

  test.each<[string, string | null | string]>([
    ['2025-03-31', '2025-03-31'],
    ['2025/3/1', '2025-03-01'],
    ['2025.3.1', '2025-03-01'],
    ['2025年3月1日', '2025-03-01'],
    ['２０２５年３月１日', '2025-03-01'],
    ['20250301', '2025-03-01'],
    ['', null],
    ['2025-02-30', 'notDate'],
    ['1899-12-31', 'notDate'],
    ['3月1日', 'notDate'],
  ])('date %j', (text, expected) => {
    const p = dateCodec.parse(text);
    expect(p.ok ? p.value : p.code).toBe(expected);
  });

  test('a day that does not exist says so', () => {
    expect(outcome(dateCodec.parse('2025-02-30'))).toEqual({ code: 'notDate', message: '没有“2025-02-30”这一天' });
    expect(dateCodec.format('2025-03-01')).toBe('2025-03-01');
  });

  test('texts are kept exactly; an optional one is absent when empty', () => {
    expect(outcome(textCodec.parse('  含空格  '))).toBe('  含空格  ');
    expect(outcome(optionalTextCodec.parse(''))).toBeUndefined();
    expect(optionalTextCodec.format(undefined)).toBe('');
  });

  test('halfWidth turns full-width digits and marks into ASCII and leaves Chinese alone', () => {
    expect(halfWidth('１２３，４５６．７８－％\u3000万元')).toBe('123,456.78-% 万元');
  });
});

/** Every amount (in 分) and every weight the fixtures hold. */
function fixtureValues(name: string): { amounts: Fen[]; weights: (number | null)[] } {
  const doc = loadFixture(name);
  const amounts: Fen[] = [];
  const weights: (number | null)[] = [];
  const funding = (f: Funding | undefined) => f && FUNDING_SOURCES.forEach((k) => amounts.push(f[k]));
  for (const p of doc.projects) {
    funding(p.funding);
    amounts.push(p.townSubsidy);
    p.indicators.forEach((i) => weights.push(i.weight));
    const sa = p.selfAssessment;
    if (sa) {
      funding(sa.budgetInitial);
      funding(sa.budgetAdjusted);
      funding(sa.spent);
      if (sa.carriedOver) amounts.push(sa.carriedOver.budgetInitial, sa.carriedOver.budgetAdjusted, sa.carriedOver.spent);
    }
  }
  for (const plan of doc.departmentPlans) {
    if (plan.expenditureBudget !== null) amounts.push(plan.expenditureBudget);
    plan.tasks.forEach((t) => {
      funding(t.funding);
      funding(t.spent);
    });
    plan.indicators.forEach((i) => weights.push(i.weight));
  }
  return { amounts, weights };
}

describe.each(FIXTURES)('fixture %s: every stored value is shown and read back exactly', (name) => {
  const { amounts, weights } = fixtureValues(name);

  test('it has amounts and weights to check', () => {
    expect(amounts.length).toBeGreaterThan(20);
    expect(weights.length).toBeGreaterThan(20);
  });

  test('amounts, in 万元 and in 元', () => {
    for (const codec of [wan, yuan, optionalMoneyCodec('万元'), optionalMoneyCodec('元')]) {
      const back = amounts.map((fen) => outcome(codec.parse(codec.format(fen))));
      expect(back).toEqual(amounts);
    }
  });

  test('weights', () => {
    expect(weights.map((w) => outcome(weightCodec.parse(weightCodec.format(w))))).toEqual(weights);
  });
});
