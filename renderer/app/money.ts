// Amounts are typed in 万元 and stored in 分.
import type { Fen } from '../../shared/model';
import { formatMoney, parseMoney } from '../../shared/money';
import { M } from '../messages';

export function moneyText(fen: Fen): string {
  return fen === 0 ? '' : formatMoney(fen, '万元');
}

/** '' counts as 0; null when the text is not an amount. */
export function moneyValue(text: string): Fen | null {
  return text.trim() === '' ? 0 : parseMoney(text, '万元');
}

export function validateMoney(text: string): true | string {
  return moneyValue(text) === null ? M.moneyInvalid : true;
}

export function wan(fen: Fen): string {
  return formatMoney(fen, '万元');
}
