// Value text (domain.md §4): "≥10 件", "≤2000 元/套", "100%", "11月底前完成" … ⇄ direction + number + unit.
// Pure: no DOM, no Node.
//
// Parsing rules (parseValueText):
//  1. Normalising (for parsing only; `original` keeps the text as given): full-width digits, letters and ％＞＜＝／～－
//     become ASCII; LaTeX residue is undone ($, \geq, \ge, \leq, \%, \text{…}); ≧ ⩾ >= read as ≥, ≦ ⩽ <= as ≤;
//     thousands separators ("1,500") are dropped; whitespace is dropped except between two digits; trailing
//     punctuation (。；;，,、.：:！？) is ignored.
//  2. Numbers are ASCII digit runs with an optional decimal part. Chinese numerals (两, 零 …) are not numbers.
//     No number → 定性. One number, or two joined by a range mark (- — – ~ 至 到) → a candidate. Anything else
//     (several numbers, e.g. "办公桌 2 张≤2000 元/套; 沙发 1 套≤…") → 定性: we do not guess which one is meant.
//  3. Direction: an operator right before the number — a symbol (≥ > = ≤ <) or a word (不少于/不低于/至少/不小于 → ≥;
//     不超过/不高于/不多于/不大于/至多/最多 → ≤; 低于/少于/小于/不足/不到 → <; 高于/超过/大于/多于 → >) — or a
//     word right after the unit (以上/及以上 → ≥; 以下/及以下/以内/之内/内 → ≤). None → '='. A text before the
//     operator is a label ("合格率≥95%") and stays only in `original`.
//  4. Unit: the measure word right after the number, from a list of common units (longest first: 人次 before 人,
//     万元 before 万 …), or else one CJK character; "a/b" compounds (元/套, 人/次) are one unit. Text after the unit
//     ("2家行业协会" → 家) stays only in `original`.
//  5. A candidate is still 定性 when it reads as a deadline or date (月/日/号 followed by more text: "11月底前完成";
//     a four-digit year: "2019年…"), as an approximation (约, 近, 多, 余, 来, 左右: "30多场次"), as an ordinal (第2期),
//     when an operator word or symbol sits anywhere else in the text, or — without any operator — when the label
//     holds more than one sentence (；。) or clause punctuation follows the number: the number then sits inside a
//     report ("两次集中培训…；辖属党组织开展活动参与人数累计达1300人次"). A one-sentence label is accepted
//     ("为会员企业、商协会提供优质服务，满意度达100%" → 100%), and with an explicit operator any label is
//     ("培训内容贴近党员实际，符合党员需求，满意度≥95%" → ≥95%).
//  6. A range "5—6家" gives value 5, valueMax 6; its direction is '=' (within the range) unless an operator says
//     otherwise ("大于7-8次" → >, 7, 8).
//  7. The value keeps the digits as written ("100.00" stays "100.00"); 定性 keeps the whole (whitespace-trimmed) text.
//
// Printing (formatValue): 定性 → the text; '=' → value + unit ("100%", "1次"); otherwise operator + value + unit
// with no spaces ("≥10件", "≤2000元/套"); a range prints as "5-6家". parse(format(parse(t))) == parse(t).
import type { Direction } from './model';

export interface ParsedValue {
  direction: Direction;
  /** decimal string for 定量 ('95', '4.11'); for 定性 the text itself */
  value: string;
  /** upper end of a range such as "7-8次" / "5—6家", when present */
  valueMax?: string;
  unit: string;
  /** the text exactly as given */
  original: string;
  /** false when the text was not understood as a number and was kept as 定性 text */
  quantitative: boolean;
}

type Comparison = Exclude<Direction, '定性'>;

/** Operator symbols after normalisation, longest first. */
const SYMBOLS: readonly (readonly [string, Comparison])[] = [
  ['>=', '≥'],
  ['<=', '≤'],
  ['≥', '≥'],
  ['≤', '≤'],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
];

/** Operator words written before the number, longest first. */
const PREFIX_WORDS: readonly (readonly [string, Comparison])[] = [
  ['大于或等于', '≥'],
  ['小于或等于', '≤'],
  ['大于等于', '≥'],
  ['小于等于', '≤'],
  ['不少于', '≥'],
  ['不低于', '≥'],
  ['不小于', '≥'],
  ['不超过', '≤'],
  ['不高于', '≤'],
  ['不多于', '≤'],
  ['不大于', '≤'],
  ['至少', '≥'],
  ['至多', '≤'],
  ['最多', '≤'],
  ['低于', '<'],
  ['少于', '<'],
  ['小于', '<'],
  ['不足', '<'],
  ['不到', '<'],
  ['高于', '>'],
  ['超过', '>'],
  ['大于', '>'],
  ['多于', '>'],
  ['等于', '='],
];

/** Operator words written after the unit, longest first. */
const POSTFIX_WORDS: readonly (readonly [string, Comparison])[] = [
  ['及以上', '≥'],
  ['及以下', '≤'],
  ['以上', '≥'],
  ['以下', '≤'],
  ['以内', '≤'],
  ['之内', '≤'],
  ['内', '≤'],
];

/** Common 计量单位, longest first where one is a prefix of another. */
const UNITS: readonly string[] = [
  '个工作日', '平方公里', '平方米', '立方米', '工作日', '个月', '小时', '分钟', '公里', '千米', '公斤', '千克',
  '亿元', '万元', '千元', '百元', '万人', '人次', '场次', '批次', '户次', '件次', '车次', '架次', '篇次', '期次',
  '项次', '课时', '学时', '周期', '个', '次', '件', '人', '家', '项', '场', '期', '天', '日', '月', '年', '周',
  '台', '套', '张', '批', '篇', '份', '本', '所', '条', '册', '部', '辆', '米', '吨', '亩', '座', '栋', '间',
  '处', '类', '种', '门', '名', '位', '户', '节', '轮', '届', '块', '元', '万', '分', '号', '%', '‰', '‱',
];

/** Characters that never start a unit: operator/position words, approximations, conjunctions. */
const NOT_UNIT_START = new Set(Array.from('以及之内前后底初末中上下左右多余来几约的或和与至到等达共'));

const CLAUSE_PUNCTUATION = /[，,；;。：:！!？?]/;
const SENTENCE_END = /[；;。！!？?]/;
const RANGE_MARK = /^(?:-|—+|–|~|至|到)$/;
const TRAILING_PUNCTUATION = /[\s。；;，,、.．：:！!？?]+$/;
const CALENDAR_UNITS = new Set(['月', '日', '号']);

/** Full-width digits/letters and the few full-width symbols that matter → ASCII. Chinese punctuation stays. */
function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const isDigit = code >= 0xff10 && code <= 0xff19;
    const isLetter = (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
    const isSymbol = '％＞＜＝／～－．＋'.includes(ch);
    if (isDigit || isLetter || isSymbol) out += String.fromCodePoint(code - 0xfee0);
    else if (ch === '\u3000') out += ' ';
    else out += ch;
  }
  return out;
}

function undoLatex(text: string): string {
  return text
    .replace(/\\(?:text|mathrm|textrm)\s*\{([^}]*)\}/g, '$1')
    .replace(/\\geqslant|\\geq|\\ge(?![a-z])/g, '≥')
    .replace(/\\leqslant|\\leq|\\le(?![a-z])/g, '≤')
    .replace(/\\gt(?![a-z])/g, '>')
    .replace(/\\lt(?![a-z])/g, '<')
    .replace(/\\%/g, '%')
    .replace(/\\[,;:! ]/g, ' ')
    .replace(/\$/g, '')
    .replace(/&ge;/g, '≥')
    .replace(/&le;/g, '≤')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<');
}

/** The normalised text used for parsing (see rule 1). */
function normalise(text: string): string {
  let s = undoLatex(toHalfWidth(text));
  s = s.replace(/[≧⩾]/g, '≥').replace(/[≦⩽]/g, '≤').replace(/[＞]/g, '>').replace(/[＜]/g, '<');
  s = s.replace(/(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d.])/g, (m) => m.replace(/,/g, ''));
  s = s.replace(/\s+/g, (m: string, offset: number, whole: string) =>
    /\d/.test(whole.charAt(offset - 1)) && /\d/.test(whole.charAt(offset + m.length)) ? ' ' : '',
  );
  return s.replace(TRAILING_PUNCTUATION, '');
}

interface NumberToken {
  text: string;
  start: number;
  end: number;
}

function findNumbers(s: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const m of s.matchAll(/\d+(?:\.\d+)?/g)) {
    let start = m.index ?? 0;
    let text = m[0];
    // a minus sign only right after an operator symbol or at the very start: "≥-5%"
    if (s.charAt(start - 1) === '-' && (start - 1 === 0 || /[≥≤<>=]/.test(s.charAt(start - 2)))) {
      start -= 1;
      text = '-' + text;
    }
    tokens.push({ text, start, end: (m.index ?? 0) + m[0].length });
  }
  return tokens;
}

function endsWithOperator(prefix: string): { op: Comparison; length: number } | null {
  for (const [sym, op] of SYMBOLS) if (prefix.endsWith(sym)) return { op, length: sym.length };
  for (const [word, op] of PREFIX_WORDS) if (prefix.endsWith(word)) return { op, length: word.length };
  return null;
}

function containsOperator(text: string): boolean {
  if (/[≥≤<>=]/.test(text)) return true;
  return PREFIX_WORDS.some(([word]) => text.includes(word));
}

/** One simple unit at the start of `s`: from the list, else a run of Latin letters, else one CJK character. */
function simpleUnitAt(s: string): string {
  for (const u of UNITS) if (s.startsWith(u)) return u;
  const latin = /^[A-Za-z]+/.exec(s);
  if (latin) return latin[0];
  const first = s.charAt(0);
  if (/\p{Script=Han}/u.test(first) && !NOT_UNIT_START.has(first)) return first;
  return '';
}

/** A unit at the start of `s`, including "a/b" compounds. */
function unitAt(s: string): string {
  const first = simpleUnitAt(s);
  if (!first) return '';
  const rest = s.slice(first.length);
  if (rest.startsWith('/')) {
    const second = simpleUnitAt(rest.slice(1));
    if (second) return first + '/' + second;
  }
  return first;
}

function qualitative(text: string): ParsedValue {
  return { direction: '定性', value: text.trim(), unit: '', original: text, quantitative: false };
}

export function parseValueText(text: string): ParsedValue {
  const original = text;
  const s = normalise(text);
  const numbers = findNumbers(s);
  if (numbers.length === 0 || numbers.length > 2) return qualitative(original);

  const first = numbers[0];
  let last = first;
  let valueMax: string | undefined;
  if (numbers.length === 2) {
    const second = numbers[1];
    const between = s.slice(first.end, second.start);
    // "5—6家" or "5家—6家"
    const unitBefore = unitAt(between);
    const mark = between.slice(unitBefore.length);
    if (!RANGE_MARK.test(mark)) return qualitative(original);
    if (unitBefore && !s.slice(second.end).startsWith(unitBefore)) return qualitative(original);
    valueMax = second.text;
    last = second;
  }

  // before the number: [label][operator]
  const prefix = s.slice(0, first.start);
  const prefixOp = endsWithOperator(prefix);
  const label = prefixOp ? prefix.slice(0, prefix.length - prefixOp.length) : prefix;
  if (containsOperator(label)) return qualitative(original);
  if (/(?:第|约|大约|近|约为)$/.test(label)) return qualitative(original);

  // after the number: [unit][postfix operator][rest]
  const after = s.slice(last.end);
  if (/^(?:多|余|来)/.test(after)) return qualitative(original);
  const unit = unitAt(after);
  let rest = after.slice(unit.length);
  if (/^(?:多|余|左右)/.test(rest)) return qualitative(original);
  if (CALENDAR_UNITS.has(unit) && rest !== '') return qualitative(original);
  if (unit === '年' && /^(?:19|20)\d\d$/.test(first.text)) return qualitative(original);

  let postfixOp: Comparison | null = null;
  for (const [word, op] of POSTFIX_WORDS) {
    if (rest.startsWith(word)) {
      postfixOp = op;
      rest = rest.slice(word.length);
      break;
    }
  }
  if (prefixOp && postfixOp && prefixOp.op !== postfixOp) return qualitative(original);
  if (containsOperator(rest)) return qualitative(original);

  const op = prefixOp?.op ?? postfixOp;
  if (op === null && (SENTENCE_END.test(label) || CLAUSE_PUNCTUATION.test(rest))) return qualitative(original);

  const parsed: ParsedValue = {
    direction: op ?? '=',
    value: first.text,
    unit,
    original,
    quantitative: true,
  };
  if (valueMax !== undefined) parsed.valueMax = valueMax;
  return parsed;
}

/**
 * Print a structured value in the forms' conventions: "≥10件", "≤2000元/套", "100%", "1次", "5-6家";
 * 定性 prints the text as it is.
 */
export function formatValue(direction: Direction, value: string, unit: string, valueMax?: string): string {
  const v = value.trim();
  if (direction === '定性') return v;
  const range = valueMax !== undefined && valueMax.trim() !== '' ? `${v}-${valueMax.trim()}` : v;
  const body = range + unit.trim();
  return direction === '=' ? body : direction + body;
}

/**
 * The single number a text states ("140", "98%", "100.00%", "26个", "≥95%" → 95), or null when it states none or
 * several (including a range such as "7-8次").
 */
export function numericValue(text: string): number | null {
  const numbers = findNumbers(normalise(text));
  if (numbers.length !== 1) return null;
  const n = Number(numbers[0].text);
  return Number.isFinite(n) ? n : null;
}

/**
 * A 指标性质 / 计算符号 cell ("≥", "≧", "$\geq$", "大于等于", "定性") as a Direction; null when empty or not understood.
 */
export function parseDirection(cell: string): Direction | null {
  const s = normalise(cell);
  if (s === '') return null;
  if (s === '定性') return '定性';
  for (const [sym, op] of SYMBOLS) if (s === sym) return op;
  for (const [word, op] of PREFIX_WORDS) if (s === word) return op;
  return null;
}
