// Money as exact integers of 分; percentages computed with decimal.js and rounded half up only when shown.
import Decimal from 'decimal.js';
import type { Fen } from './model';

export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN = 1_000_000;

export type MoneyUnit = '万元' | '元';

/** Exact value in the given unit (万元 or 元) as a Decimal. */
export function fenToDecimal(fen: Fen, unit: MoneyUnit): Decimal {
  return new Decimal(fen).div(unit === '万元' ? FEN_PER_WAN : FEN_PER_YUAN);
}

/**
 * The amount in the given unit as a plain number, for a spreadsheet cell: an integer divided by a power of ten gives the
 * double nearest the exact value, the same as going through Decimal, at a fraction of the cost.
 */
export function fenToNumber(fen: Fen, unit: MoneyUnit): number {
  return fen / (unit === '万元' ? FEN_PER_WAN : FEN_PER_YUAN);
}

/** "3.80" (万元) or "7563832.99" (元): two decimals, rounded half up. */
export function formatMoney(fen: Fen, unit: MoneyUnit): string {
  return fenToDecimal(fen, unit).toFixed(2, Decimal.ROUND_HALF_UP);
}

/** "7,563,832.99": two decimals with thousands separators, as the yubei forms print 元. */
export function formatMoneyGrouped(fen: Fen, unit: MoneyUnit): string {
  const [int, frac] = formatMoney(fen, unit).split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** Parse "3.80" in the given unit into 分; null when the text is not a plain non-negative amount. */
export function parseMoney(text: string, unit: MoneyUnit): Fen | null {
  const t = text.replace(/[,，\s]/g, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const fen = new Decimal(t).mul(unit === '万元' ? FEN_PER_WAN : FEN_PER_YUAN);
  return fen.isInteger() ? fen.toNumber() : null;
}

/** Ratio part/whole as an exact Decimal (0 when whole is 0). */
export function ratio(part: Fen, whole: Fen): Decimal {
  return whole === 0 ? new Decimal(0) : new Decimal(part).div(whole);
}

/** "99.74%": a ratio shown as a percentage with 2 decimals, rounded half up. */
export function formatPercent(r: Decimal): string {
  return `${r.mul(100).toFixed(2, Decimal.ROUND_HALF_UP)}%`;
}

/** Round half up to 2 decimals, as a number (for stored scores and Excel cells). */
export function round2(d: Decimal): number {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}
