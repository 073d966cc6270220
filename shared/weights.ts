// Bringing a list's weights to the rule set's indicator points (domain.md §5): the one-click offers of the check panel.
// Weights adding up to 100 beside a separate 预算执行率 are scaled by 0.9; a list without any weights (longgang 2019)
// is given the 一级 defaults split evenly inside each 一级. Both are exact decimals the user could have typed.
import Decimal from 'decimal.js';
import type { Indicator, RuleSet } from './model';
import { indicatorPoints, isExecutionIndicator, level1WeightGroups, TOTAL_POINTS } from './rule-sets';
import { findLevel1, type IndicatorScheme } from './schemes';
import { scaledPoints } from './scoring';

/** What the check panel offers for a list's weights, if anything. */
export type WeightOffer =
  /** weights of 100 and no 预算执行率 row: multiply every weight by `factor` (0.9 under CN-2020) */
  | { kind: 'scale'; factor: Decimal }
  /** no weights at all: proposeWeights */
  | { kind: 'propose' }
  | null;

/**
 * The weights add up to the 100 points of the whole self-assessment with no 预算执行率 row among them, while the rule
 * set scores execution apart: they are meant as shares of 100 and belong scaled into the indicator points. Any weight
 * missing or invalid: no (the checks ask for it first).
 */
export function weightsOutOfHundred(indicators: readonly Indicator[], ruleSet: RuleSet): boolean {
  if (indicators.length === 0 || indicatorPoints(ruleSet) === TOTAL_POINTS) return false;
  let sum = new Decimal(0);
  for (const ind of indicators) {
    if (ind.weight === null || !Number.isFinite(ind.weight) || ind.weight < 0) return false;
    if (isExecutionIndicator(ind, ruleSet)) return false;
    sum = sum.plus(ind.weight);
  }
  return sum.eq(TOTAL_POINTS);
}

export function weightOffer(indicators: readonly Indicator[], ruleSet: RuleSet): WeightOffer {
  if (indicators.length > 0 && indicators.every((i) => i.weight === null)) return { kind: 'propose' };
  if (weightsOutOfHundred(indicators, ruleSet)) return { kind: 'scale', factor: new Decimal(indicatorPoints(ruleSet)).div(TOTAL_POINTS) };
  return null;
}

/** Every weight multiplied by `factor`, exactly (15 × 0.9 = 13.5, 33.33 × 0.9 = 29.997); absent weights stay absent. */
export function scaleWeights(indicators: readonly Indicator[], factor: Decimal.Value): Indicator[] {
  const f = new Decimal(factor);
  return indicators.map((ind) => (ind.weight === null || !Number.isFinite(ind.weight) ? ind : { ...ind, weight: new Decimal(ind.weight).mul(f).toNumber() }));
}

/**
 * Weights proposed for a list that has none: each of the rule set's 一级 weights (产出 50 · 效益 30 · 满意度 10; scheme
 * B's 产出 and 成本 share the 产出 weight in the scheme's 30 : 20) split evenly among the 一级's indicators, to two
 * decimals that add up exactly (50 over three: 16.67, 16.67, 16.66). A 一级 without indicators leaves its points to
 * the others in proportion, so the list still adds up to the indicator points (90). The 预算执行率 row gets the
 * execution weight (10); an indicator whose 一级 the scheme does not know gets 0.
 */
export function proposeWeights(indicators: readonly Indicator[], scheme: IndicatorScheme, ruleSet: RuleSet): Indicator[] {
  const execution = indicators.map((ind) => isExecutionIndicator(ind, ruleSet));
  const counted = indicators.filter((_, i) => !execution[i]);
  const present = (code: string) => counted.some((ind) => ind.level1 === code);
  const groups = level1WeightGroups(ruleSet, scheme)
    .map((g) => ({ codes: g.codes.filter(present), weight: g.weight }))
    .filter((g) => g.codes.length > 0);
  const groupShares = scaledPoints(
    groups.map((g) => g.weight),
    indicatorPoints(ruleSet),
  );
  const byIndicator = new Map<Indicator, number>();
  groups.forEach((g, k) => {
    const defaults = g.codes.map((code) => findLevel1(scheme, code)?.defaultWeight ?? 0);
    const codeShares = scaledPoints(defaults.some((d) => d > 0) ? defaults : defaults.map(() => 1), groupShares[k]);
    g.codes.forEach((code, j) => {
      const members = counted.filter((ind) => ind.level1 === code);
      const each = scaledPoints(members.map(() => 1), codeShares[j]);
      members.forEach((ind, m) => byIndicator.set(ind, each[m]));
    });
  });
  return indicators.map((ind, i) => ({ ...ind, weight: execution[i] ? ruleSet.parameters.executionWeight : (byIndicator.get(ind) ?? 0) }));
}
