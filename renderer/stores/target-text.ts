// What typing into the 指标值 box means: "≥95%" fills 指标性质, 指标值 and 计量单位 at once (the value-text parser);
// a plain number stays as typed; words without any digit ("持续改善") make the indicator 定性.
import type { Direction } from '../../shared/model';
import { parseValueText } from '../../shared/value-text';

export interface TargetFill {
  direction: Direction;
  target: string;
  /** only when the text named one */
  unit?: string;
}

const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;

/** The fields to fill from the text in the 指标值 box, or null when the text should stay as it is. */
export function interpretTargetText(text: string, current: Direction): TargetFill | null {
  const t = text.trim();
  if (t === '' || PLAIN_NUMBER.test(t)) return null;
  const parsed = parseValueText(t);
  if (parsed.quantitative) {
    return { direction: parsed.direction, target: parsed.value, ...(parsed.unit ? { unit: parsed.unit } : {}) };
  }
  if (!/\d/.test(t) && current !== '定性') return { direction: '定性', target: t };
  return null;
}
