// Value text (domain.md §4): "≥10 件", "≤2000 元/套", "100%", "11月底前完成" … ⇄ direction + number + unit.
// STUB: the API is fixed here; the implementation is being written.
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

export function parseValueText(text: string): ParsedValue {
  throw new Error('not implemented: ' + text);
}

export function formatValue(direction: Direction, value: string, unit: string): string {
  throw new Error('not implemented: ' + direction + value + unit);
}
