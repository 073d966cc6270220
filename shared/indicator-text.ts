// How an indicator's target and a level's label are printed on the forms.
import type { Indicator } from './model';
import { findLevel1, findLevel2, type IndicatorScheme } from './schemes';
import { formatValue } from './value-text';

/**
 * The target as printed: the original text where it was typed, else the structured value in the forms' conventions
 * (a range as ">7-8次", "5-6家").
 */
export function targetText(ind: Indicator): string {
  if (ind.targetText !== undefined && ind.targetText !== '') return ind.targetText;
  return ind.direction === '定性' ? ind.target : formatValue(ind.direction, ind.target, ind.unit, ind.targetMax);
}

/**
 * One indicator as a line of content, as the disclosure forms write it: a 定性 target is a sentence that speaks for
 * itself; a 定量 one reads name + target ("文书档案整理时间≤90天").
 */
export function indicatorContent(ind: Indicator): string {
  return ind.direction === '定性' ? targetText(ind) : ind.name + targetText(ind);
}

/** Joins items into one cell in order, skipping empty ones: "开展专题学习活动次数≧1；参加党务干部人数≧100". */
export function joinItems(items: readonly string[], separator = '；'): string {
  return items.filter((s) => s !== '').join(separator);
}

/** The scheme's label without the trailing 指标, as short forms print it: 产出, 数量, 经济效益. */
export function shortLabel(label: string): string {
  return label.replace(/指标$/, '');
}

export function level1Label(scheme: IndicatorScheme, code: string): string {
  return findLevel1(scheme, code)?.label ?? code;
}

export function level2Label(scheme: IndicatorScheme, code: string): string {
  return findLevel2(scheme, code)?.level2.label ?? code;
}
