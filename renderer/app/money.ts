// Amounts are typed in 万元 and stored in 分 (shared/codecs.ts reads and writes them exactly).
import { formatAmount, moneyCodec, optionalMoneyCodec } from '../../shared/codecs';
import type { Fen } from '../../shared/model';

/** The codec of the editors' amount boxes: 万元 with up to 6 decimals; an empty box is 0. */
export const WAN = moneyCodec('万元');
/** The same for an amount that may be absent (部门支出预算数). */
export const WAN_OPTIONAL = optionalMoneyCodec('万元');

/** A sum or an amount shown in 万元, with every 分 it has ("12.3456", "14.50"). */
export function wan(fen: Fen): string {
  return formatAmount(fen, '万元');
}
