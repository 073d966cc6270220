// Amounts as tables hold them: numbers, numbers stored as text ("1,234.50", "￥3.80", "12万元"), dashes for none; in
// 万元 or 元 as the sheet's 单位 line or the column's header says. Read into exact 分 (shared/money.ts).
import Decimal from 'decimal.js';
import type { Fen } from '../model';
import { FEN_PER_WAN, FEN_PER_YUAN, type MoneyUnit } from '../money';
import type { SheetCell } from './sheet';

export type { MoneyUnit } from '../money';

/** The money unit a line or header states: "单位：万元", "金额单位：元", "项目资金（万元）", "总计(元)"; null when none. */
export function moneyUnitIn(text: string): MoneyUnit | null {
  const s = text.replace(/\s/g, '');
  const stated = /(?:金额)?单位[:：](万元|元)(?![\u4e00-\u9fff])/.exec(s);
  if (stated) return stated[1] as MoneyUnit;
  const bracket = /[（(](万元|元)[）)]/.exec(s);
  return bracket ? (bracket[1] as MoneyUnit) : null;
}

export type AmountRead = { kind: 'empty' } | { kind: 'amount'; fen: Fen } | { kind: 'bad'; text: string; negative: boolean };

const NONE = /^(?:[-—–－/／]+|无|0+(?:\.0+)?)$/;

/** An amount cell in 分: numbers as they are, text without separators and currency marks; a dash or 无 is 0. */
export function readAmount(cell: SheetCell | undefined, unit: MoneyUnit): AmountRead {
  if (!cell) return { kind: 'empty' };
  if (cell.number !== undefined) return toFen(String(cell.number), unit, cell.text);
  const text = cell.text.trim();
  if (text === '') return { kind: 'empty' };
  let s = text.replace(/[,，\s￥¥]/g, '');
  let own = unit;
  const suffix = /(万元|元|万)$/.exec(s);
  if (suffix) {
    own = suffix[1] === '元' ? '元' : '万元';
    s = s.slice(0, -suffix[1].length);
  }
  if (NONE.test(s)) return { kind: 'amount', fen: 0 };
  return toFen(s, own, text);
}

function toFen(decimal: string, unit: MoneyUnit, shown: string): AmountRead {
  if (!/^[-+]?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(decimal)) return { kind: 'bad', text: shown, negative: false };
  const d = new Decimal(decimal).mul(unit === '万元' ? FEN_PER_WAN : FEN_PER_YUAN);
  if (d.isNegative() && !d.isZero()) return { kind: 'bad', text: shown, negative: true };
  const fen = d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  return Number.isSafeInteger(fen) ? { kind: 'amount', fen } : { kind: 'bad', text: shown, negative: false };
}

/** Fen as the unit shows it, for messages: "3.80 万元". */
export function amountText(fen: Fen, unit: MoneyUnit): string {
  return `${new Decimal(fen).div(unit === '万元' ? FEN_PER_WAN : FEN_PER_YUAN).toFixed(2)} ${unit}`;
}
