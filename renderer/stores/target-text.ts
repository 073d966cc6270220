// What typing into the 指标值 box means: "≥95%" fills 指标性质, 指标值 and 计量单位 at once (the value-text parser);
// a plain number stays as typed; words without any digit ("持续改善") make the indicator 定性.
// A range ("大于7-8次") fills the upper end too; the box then shows the two ends as "7-8", which reads back as the range.
import type { Direction, Indicator } from '../../shared/model';
import { parseValueText } from '../../shared/value-text';

export interface TargetFill {
  direction: Direction;
  target: string;
  /** upper end, only when the text was a range */
  targetMax?: string;
  /** only when the text named one */
  unit?: string;
}

const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;
/** A range as the box shows it: two numbers and a range mark, nothing else ("7-8", "5—6"). */
const PLAIN_RANGE = /^(\d+(?:\.\d+)?)\s*(?:-|－|—+|–|~|～)\s*(\d+(?:\.\d+)?)$/;

/** The fields to fill from the text in the 指标值 box, or null when the text should stay as it is. */
export function interpretTargetText(text: string, current: Direction): TargetFill | null {
  const t = text.trim();
  // a bare range is how the box shows one: like a plain number it keeps the chosen 指标性质 (">" stays ">")
  if (t === '' || PLAIN_NUMBER.test(t) || PLAIN_RANGE.test(t)) return null;
  const parsed = parseValueText(t);
  if (parsed.quantitative) {
    return {
      direction: parsed.direction,
      target: parsed.value,
      ...(parsed.valueMax !== undefined ? { targetMax: parsed.valueMax } : {}),
      ...(parsed.unit ? { unit: parsed.unit } : {}),
    };
  }
  if (!/\d/.test(t) && current !== '定性') return { direction: '定性', target: t };
  return null;
}

/** What the 指标值 box shows: the target, or a range as "7-8". */
export function targetBoxText(ind: Pick<Indicator, 'direction' | 'target' | 'targetMax'>): string {
  return ind.targetMax !== undefined && ind.direction !== '定性' ? `${ind.target}-${ind.targetMax}` : ind.target;
}

/** The box's text as target and upper end: "7-8" of a 定量 indicator is the range; anything else is the target alone. */
export function targetFromBox(text: string, direction: Direction): { target: string; targetMax: string | undefined } {
  const m = direction === '定性' ? null : PLAIN_RANGE.exec(text.trim());
  return m ? { target: m[1], targetMax: m[2] } : { target: text, targetMax: undefined };
}
