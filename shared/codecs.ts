// Between the text typed in a field and the value a draft holds. parse is total: text it cannot read gives a typed
// refusal with a Chinese message saying what to type instead (never a throw, never a guess); format gives the text a
// value is shown as; and parse(format(v)) is v again for every value a record can hold, so showing a value and
// reading it back never changes it (an amount keeps every 分 it has, however many decimals that takes in 万元).
import { codecText as T } from './codec-messages';
import type { Fen } from './model';
import type { MoneyUnit } from './money';
import { TIMESTAMP_MAX_YEAR, TIMESTAMP_MIN_YEAR } from './timestamp';

export type CodecError =
  | 'notNumber'
  | 'unitIncluded'
  | 'otherUnit'
  | 'negative'
  | 'grouping'
  | 'tooPrecise'
  | 'tooLarge'
  | 'tooSmall'
  | 'notInteger'
  | 'notDate';

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: CodecError; message: string };

export interface Codec<T> {
  parse(text: string): Parsed<T>;
  format(value: T): string;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const refuse = <T>(code: CodecError, message: string): Parsed<T> => ({ ok: false, code, message });

/** Full-width digits, signs and marks as their ASCII twins (an IME in full-width mode types "１２．５"), the ideographic
 * space as a space and the minus sign as a hyphen. */
export function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ').replace(/\u2212/g, '-');
}

/** A decimal as typed: its sign, integer digits and decimal digits (trailing zeros of the decimals dropped). */
interface DecimalText {
  negative: boolean;
  int: string;
  frac: string;
}

const GROUPED = /^\d{1,3}(,\d{3})+(\.\d*)?$/;
const DECIMAL = /^(\d*)(?:\.(\d*))?$/;

/** Reads "1,234.50", "-5", ".5" or "12."; thousands separators only where `grouping` allows them. */
function readDecimal(text: string, grouping: boolean, notNumber: string): Parsed<DecimalText> {
  let t = text;
  let negative = false;
  if (t.startsWith('-') || t.startsWith('+')) {
    negative = t.startsWith('-');
    t = t.slice(1);
  }
  if (t.includes(',')) {
    if (!grouping) return refuse('notNumber', notNumber);
    if (!GROUPED.test(t)) return /^[\d,]*(\.\d*)?$/.test(t) ? refuse('grouping', T.grouping) : refuse('notNumber', notNumber);
    t = t.replace(/,/g, '');
  }
  const m = DECIMAL.exec(t);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return refuse('notNumber', notNumber);
  const int = m[1].replace(/^0+(?=\d)/, '') || '0';
  const frac = (m[2] ?? '').replace(/0+$/, '');
  return ok({ negative, int, frac });
}

// ---------------------------------------------------------------------------------------------------------- money

const PLACES: Readonly<Record<MoneyUnit, number>> = { 万元: 6, 元: 2 };
const UNIT_SUFFIX = /(亿元|万元|亿|万|元)$/;

/** An amount of 分 in the unit, exactly: at least two decimals, more only where the amount has them ("12.3456"). */
export function formatAmount(fen: Fen, unit: MoneyUnit): string {
  if (!Number.isSafeInteger(fen)) return String(fen);
  const places = PLACES[unit];
  const sign = fen < 0 ? '-' : '';
  const digits = String(Math.abs(fen)).padStart(places + 1, '0');
  const frac = digits.slice(-places).replace(/0+$/, '').padEnd(2, '0');
  return `${sign}${digits.slice(0, -places)}.${frac}`;
}

/** Reads an amount in the unit into 分; '' is `empty`. */
function parseAmount<E>(text: string, unit: MoneyUnit, empty: E): Parsed<Fen | E> {
  const t = halfWidth(text).trim();
  if (t === '') return ok(empty);
  const suffix = UNIT_SUFFIX.exec(t);
  if (suffix) {
    const number = readDecimal(t.slice(0, -suffix[1].length).trim(), true, T.notAmount);
    if (!number.ok) return refuse('notNumber', T.notAmount);
    const typed = suffix[1].endsWith('元') ? suffix[1] : `${suffix[1]}元`;
    return typed === unit ? refuse('unitIncluded', T.unitIncluded(unit)) : refuse('otherUnit', T.otherUnit(unit, typed));
  }
  const d = readDecimal(t, true, T.notAmount);
  if (!d.ok) return d;
  const places = PLACES[unit];
  if (d.value.negative && (d.value.int !== '0' || d.value.frac !== '')) return refuse('negative', T.negativeAmount);
  if (d.value.frac.length > places) return refuse('tooPrecise', T.amountDecimals(unit, places));
  const fen = Number(`${d.value.int}${d.value.frac.padEnd(places, '0')}`);
  if (!Number.isSafeInteger(fen)) return refuse('tooLarge', T.amountTooLarge);
  return ok(fen);
}

/** An amount typed in 万元 (up to 6 decimals) or 元 (up to 2), held in 分; an empty box is 0 and 0 shows empty. */
export function moneyCodec(unit: MoneyUnit): Codec<Fen> {
  return {
    parse: (text) => parseAmount(text, unit, 0),
    format: (fen) => (fen === 0 ? '' : formatAmount(fen, unit)),
  };
}

/** An amount that may be absent (部门支出预算数): an empty box is null, 0 shows "0.00". */
export function optionalMoneyCodec(unit: MoneyUnit): Codec<Fen | null> {
  return {
    parse: (text) => parseAmount(text, unit, null),
    format: (fen) => (fen === null ? '' : formatAmount(fen, unit)),
  };
}

// ---------------------------------------------------------------------------------------------------------- numbers

export interface NumberOptions {
  /** decimals allowed (trailing zeros do not count) */
  decimals: number;
  min?: number;
  max?: number;
  /** a trailing mark the text may carry, as "%" of a percentage */
  suffix?: string;
  notNumber?: string;
  negative?: string;
  tooPrecise?: string;
  tooLarge?: string;
}

function parseNumber(text: string, o: NumberOptions): Parsed<number | null> {
  let t = halfWidth(text).trim();
  if (o.suffix !== undefined && t.endsWith(o.suffix)) t = t.slice(0, -o.suffix.length).trim();
  if (t === '') return text.trim() === '' ? ok(null) : refuse('notNumber', o.notNumber ?? T.notNumber);
  const d = readDecimal(t, o.decimals === 0, o.notNumber ?? T.notNumber);
  if (!d.ok) return d;
  if (d.value.frac.length > o.decimals) {
    return o.decimals === 0 ? refuse('notInteger', T.notInteger) : refuse('tooPrecise', o.tooPrecise ?? T.decimals(o.decimals));
  }
  const value = Number(`${d.value.negative ? '-' : ''}${d.value.int}${d.value.frac ? `.${d.value.frac}` : ''}`);
  if (!Number.isFinite(value) || (o.decimals === 0 && !Number.isSafeInteger(value))) return refuse('tooLarge', o.tooLarge ?? T.numberTooLarge);
  const min = o.min;
  if (min !== undefined && value < min) return min === 0 && o.negative ? refuse('negative', o.negative) : refuse('tooSmall', T.belowMin(String(min)));
  if (o.max !== undefined && value > o.max) return refuse('tooLarge', o.tooLarge ?? T.aboveMax(String(o.max)));
  return ok(value === 0 ? 0 : value);
}

/** A number with at most `decimals` decimals, in a range; an empty box is null. */
export function numberCodec(o: NumberOptions): Codec<number | null> {
  return {
    parse: (text) => parseNumber(text, o),
    format: (n) => (n === null || !Number.isFinite(n) ? '' : `${String(n)}${o.suffix ?? ''}`),
  };
}

export const WEIGHT_MAX = 100;
export const WEIGHT_DECIMALS = 4;

/** 指标权重: 0 to 100 with up to 4 decimals (a proposal of 16.67, a scaling of 33.33 × 0.9 = 29.997); empty is no weight. */
export const weightCodec: Codec<number | null> = numberCodec({
  decimals: WEIGHT_DECIMALS,
  min: 0,
  max: WEIGHT_MAX,
  negative: T.negativeWeight,
  tooPrecise: T.weightDecimals(WEIGHT_DECIMALS),
  tooLarge: T.weightTooLarge(WEIGHT_MAX),
});

/** A whole number, thousands separators allowed. */
export function integerCodec(range: { min?: number; max?: number } = {}): Codec<number | null> {
  return numberCodec({ decimals: 0, ...range });
}

/** A percentage as its number of points ("95%" and "95" are 95), up to two decimals, shown with its "%". */
export function percentCodec(range: { min?: number; max?: number } = { min: 0, max: 100 }): Codec<number | null> {
  return numberCodec({ decimals: 2, suffix: '%', notNumber: T.notPercent, ...range });
}

/** A score given by hand: from 0, two decimals. Whether it fits the indicator's band the scoring says. */
export const scoreCodec: Codec<number | null> = numberCodec({ decimals: 2, min: 0 });

// ---------------------------------------------------------------------------------------------------------- dates

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const DATE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** A calendar day as "2025-03-31"; "2025/3/31", "2025.3.31", "2025年3月31日" and "20250331" read as well. */
export const dateCodec: Codec<string | null> = {
  parse(text) {
    const t = halfWidth(text).trim();
    if (t === '') return ok(null);
    const m = DATE.exec(t) ?? DATE_COMPACT.exec(t);
    if (!m) return refuse('notDate', T.notDate);
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const at = new Date(Date.UTC(y, mo - 1, d));
    if (y < TIMESTAMP_MIN_YEAR || y > TIMESTAMP_MAX_YEAR || at.getUTCFullYear() !== y || at.getUTCMonth() !== mo - 1 || at.getUTCDate() !== d) {
      return refuse('notDate', T.noSuchDate(t));
    }
    return ok(`${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  },
  format: (iso) => iso ?? '',
};

// ---------------------------------------------------------------------------------------------------------- texts

/** Free text: every text is its own value. */
export const textCodec: Codec<string> = { parse: (text) => ok(text), format: (text) => text };

/** Free text that is absent when empty (计划期目标值, 指标解释). */
export const optionalTextCodec: Codec<string | undefined> = {
  parse: (text) => ok(text === '' ? undefined : text),
  format: (text) => text ?? '',
};
