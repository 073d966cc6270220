// Self-assessment scoring (domain.md §5) by a rule set (rule-sets.ts; CN-2020 unless told otherwise).
// Rounding, precisely:
// - An indicator's points (分值) are its weight as typed. Where the weights are scaled into the indicator points (an
//   indicator is 不适用, or the weights add up to 100), each applicable indicator's points are w × 90 ÷ Σ applicable
//   weights, rounded to 2 decimals by the largest-remainder method so that they add up to exactly 90 (an equal
//   remainder goes to the indicator listed first): the printed 分值 column then adds up to 90 and every printed score
//   can be recomputed from the printed 分值.
// - A score is the rule applied exactly (decimal.js) to those points, as one quotient (n × points ÷ d, one division),
//   rounded half up to 2 decimals once, when it becomes the stored/displayed value.
// - Totals add the rounded scores, so a printed total always equals the sum of the printed scores.
import Decimal from 'decimal.js';
import type { CompletedScoring, DepartmentPlan, Fen, Id, Indicator, IndicatorResult, Project, RuleSet } from './model';
import { fundingTotal } from './model';
import { formatPercent, ratio, round2 } from './money';
import { CN_2020, copyRuleSet, indicatorPoints, isExecutionIndicator, QUALITATIVE_BANDS, ruleSetNote, TOTAL_POINTS } from './rule-sets';
import type { IndicatorScheme } from './schemes';
import { numericValue, parseValueText } from './value-text';
import { deviationText, type Grade, missingText, OUTCOME_LABELS, scoringText } from './messages';

export type { Grade } from './messages';

/**
 * How an indicator was scored: by its 指标性质 (forward ≥ >, reverse ≤ <, equal =, qualitative 定性); as the
 * 预算执行率 row (execution); not at all (notApplicable 不适用, noWeight, noActual: nothing filled yet).
 */
export type ScoreRule = 'forward' | 'equal' | 'reverse' | 'qualitative' | 'execution' | 'notApplicable' | 'noWeight' | 'noActual';

export type ScoreErrorCode =
  | 'targetNotNumeric'
  | 'actualNotNumeric'
  | 'actualUnitMismatch'
  | 'overrideInvalid'
  | 'overrideReasonRequired'
  | 'overrideOutOfRange'
  | 'overrideOutOfBand';

export interface ScoreError {
  code: ScoreErrorCode;
  message: string;
}

export interface IndicatorScore {
  indicatorId: Id;
  rule: ScoreRule;
  /** the stored score, 2 decimals; null when not scored (no weight, nothing filled, 不适用, or an error) */
  score: number | null;
  /** the score the rule gives before any override, 2 decimals */
  computedScore: number | null;
  /**
   * points available, 2 decimals: the weight, or the weight scaled into the indicator points (不适用 elsewhere, or
   * weights adding up to 100); the execution weight for the 预算执行率 row; null without a weight and for 不适用
   */
  maxScore: number | null;
  /** true when the filler's own score replaced the computed one */
  overridden: boolean;
  /** one Chinese line naming the formula used, with its numbers: "实际 6 天，目标 ≤3 天：3 ÷ 6 × 10 = 5.00" */
  explanation: string;
  /** whether the score is part of the indicator total: not for the 预算执行率 row (it is the execution score) */
  countsInTotal: boolean;
  /** 定性 only: the score band of the chosen outcome */
  band: [number, number] | null;
  /** 定性 only: whether the band's upper end belongs to it (only for 达成年度指标) */
  bandMaxInclusive: boolean;
  /** 定性 only: the score the rule set proposes for the outcome (CN-2020: w, 70%w, 30%w) */
  proposedScore: number | null;
  deviationRequired: boolean;
  /** why a 偏差原因分析及改进措施 is needed, in Chinese */
  deviationReason: string | null;
  /** set when the indicator cannot be scored as filled; score is then null */
  error: ScoreError | null;
}

export interface ScoreOptions {
  /** the indicator's points when not its weight as typed: the weight scaled into the indicator points (assessProject) */
  maxScore?: number;
}

const ZERO = new Decimal(0);

/** A plain number, or the single number a value text states ("98%" → 98); null if none. */
function toDecimal(text: string): Decimal | null {
  const t = text.trim().replace(/[,，]/g, '');
  if (t === '') return null;
  if (/^[-+]?\d+(\.\d+)?$/.test(t)) return new Decimal(t);
  const n = numericValue(t);
  return n === null || !Number.isFinite(n) ? null : new Decimal(n);
}

/**
 * Whether an actual value written with its own unit ("100.00%") is in another unit than the target's (天): such a
 * value says something else (a completion share, not a duration) and cannot be compared with the target.
 */
function unitMismatch(indicator: Indicator, actualText: string): boolean {
  const target = indicator.unit.trim();
  // a plain number carries no unit of its own, and is what most actuals are: no need to parse it as a value text
  if (target === '' || /^[-+]?\d+(\.\d+)?$/.test(actualText.trim())) return false;
  const parsed = parseValueText(actualText);
  return parsed.quantitative && parsed.unit !== '' && parsed.unit !== target;
}

/** Number as written in an explanation: exact, no trailing zeros. */
function show(d: Decimal): string {
  return d.toString();
}

/** Score as written in an explanation: rounded half up, always 2 decimals ("5.00"). */
function showScore(d: Decimal): string {
  return d.toFixed(2, Decimal.ROUND_HALF_UP);
}

/** Band ends as written: rounded half up to 2 decimals, no trailing zeros ("[16, 20]"). */
function showBandEnd(d: Decimal): string {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString();
}

/** "6 天", "95%": a value with the indicator's 计量单位 (a percent sign sits on the number). */
function withUnit(value: string, unit: string): string {
  const u = unit.trim();
  if (u === '') return value;
  return /^[%‰℃]/.test(u) ? value + u : `${value} ${u}`;
}

/** n ÷ d of the points, as one quotient: a value ending in 5 at the third decimal is never nudged by a rounded step. */
function shareOf(max: Decimal, n: Decimal, d: Decimal): Decimal {
  return n.mul(max).div(d);
}

function clampScore(exact: Decimal, max: Decimal): Decimal {
  return Decimal.min(Decimal.max(exact, 0), max);
}

/**
 * Points of each weight scaled into `points`: w × points ÷ Σ, rounded to 2 decimals by the largest-remainder method so
 * that they add up to exactly `points`; an equal remainder goes to the weight listed first.
 */
export function scaledPoints(weights: readonly number[], points: number): number[] {
  const sum = weights.reduce((s, w) => s.plus(w), ZERO);
  if (sum.lte(0)) return weights.map(() => 0);
  const exact = weights.map((w) => new Decimal(w).mul(points).div(sum));
  const floors = exact.map((e) => e.toDecimalPlaces(2, Decimal.ROUND_DOWN));
  let cents = new Decimal(points).minus(floors.reduce((s, f) => s.plus(f), ZERO)).mul(100).round().toNumber();
  const order = exact.map((e, i) => ({ i, rest: e.minus(floors[i]) })).sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
  const out = floors.map((f) => f.toNumber());
  for (const { i } of order) {
    if (cents <= 0) break;
    out[i] = floors[i].plus('0.01').toNumber();
    cents--;
  }
  return out;
}

function blank(indicator: Indicator, rule: ScoreRule, maxScore: Decimal | null, explanation: string): IndicatorScore {
  return {
    indicatorId: indicator.id,
    rule,
    score: null,
    computedScore: null,
    maxScore: maxScore === null ? null : round2(maxScore),
    overridden: false,
    explanation,
    countsInTotal: true,
    band: null,
    bandMaxInclusive: false,
    proposedScore: null,
    deviationRequired: false,
    deviationReason: null,
    error: null,
  };
}

type QuantitativeRule = 'forward' | 'equal' | 'reverse';

function quantitativeRule(indicator: Indicator): QuantitativeRule {
  switch (indicator.direction) {
    case '≤':
    case '<':
      return 'reverse';
    case '=':
      return 'equal';
    default:
      return 'forward';
  }
}

/**
 * The top of an '=' range ("5-6家": 6) when it is a number not below T, else null. §5 has no rule for ranges: ≥ and >
 * ranges are scored against their lower end T ("大于7-8次" as > 7); an '=' range takes any actual inside [T, top] as
 * met, and one outside by the nearer end (A ÷ T below it, top ÷ A above it).
 */
function equalRangeTop(indicator: Indicator, t: Decimal | null): Decimal | null {
  if (indicator.direction !== '=' || indicator.targetMax === undefined || t === null) return null;
  const top = toDecimal(indicator.targetMax);
  return top !== null && top.gte(t) ? top : null;
}

function inRange(a: Decimal, t: Decimal, top: Decimal): boolean {
  return a.gte(t) && a.lte(top);
}

/** "≤3 天", "5-6 家", ">7-8 次", "≥95%": the target as an explanation writes it, a range with both ends. */
function targetShown(indicator: Indicator, t: Decimal): string {
  const top = indicator.targetMax === undefined ? null : toDecimal(indicator.targetMax);
  const value = top !== null ? `${show(t)}-${show(top)}` : show(t);
  const sign = indicator.direction === '=' ? '' : indicator.direction;
  return sign + withUnit(value, indicator.unit);
}

const pctText = (ratioValue: number) => new Decimal(ratioValue).mul(100).toString();

/** Why a note is needed for a 定量 indicator, or null. A is already clamped at 0. */
function quantitativeDeviation(rule: QuantitativeRule, a: Decimal, t: Decimal, top: Decimal | null, set: RuleSet): string | null {
  if (rule === 'reverse') return a.gt(t) ? deviationText.aboveLimit : null;
  if (rule === 'equal') return a.eq(t) || (top !== null && inRange(a, t, top)) ? null : deviationText.notEqual;
  if (a.lt(t)) return deviationText.belowTarget;
  const threshold = set.parameters.overAchievement.threshold;
  if (t.gt(0) && a.gte(t.mul(threshold))) return deviationText.overAchieved(pctText(threshold));
  return null;
}

/** Exact score of a 定量 indicator and the formula part of its explanation (A already clamped at 0). */
function quantitativeScore(rule: QuantitativeRule, a: Decimal, t: Decimal, top: Decimal | null, full: Decimal, set: RuleSet): { exact: Decimal; text: string } {
  const fullText = showScore(full);
  const ratioOf = (n: Decimal, d: Decimal) => {
    const exact = clampScore(shareOf(full, n, d), full);
    return { exact, text: scoringText.ratio(show(n), show(d), show(full), showScore(exact)) };
  };
  if (top !== null && inRange(a, t, top)) return { exact: full, text: scoringText.rangeFull(fullText) };

  if (rule === 'equal') {
    // outside a range: below it A ÷ T (A < T means T > 0), above it top ÷ A
    if (top !== null) return a.lt(t) ? ratioOf(a, t) : ratioOf(top, a);
    if (t.eq(0)) return a.eq(0) ? { exact: full, text: scoringText.equalZeroFull(fullText) } : { exact: ZERO, text: scoringText.equalZeroMissed };
    if (a.eq(t)) return { exact: full, text: scoringText.equalFull(fullText) };
    // min(A/T, T/A) × w: below T the first, above it the second
    return a.lt(t) ? ratioOf(a, t) : ratioOf(t, a);
  }

  if (rule === 'reverse') {
    if (a.lte(t)) return { exact: full, text: scoringText.reverseFull(fullText) };
    if (set.parameters.reverseFormula === 'ratio') return ratioOf(t, a); // A > T ≥ 0, so A > 0
    // linear: (1 − (A − T)/T) × w = (2T − A)/T × w; A ≥ 2T (also T = 0 with A > 0) gives 0 before any division
    if (a.gte(t.mul(2))) return { exact: ZERO, text: scoringText.reverseLinearZero };
    const exact = clampScore(shareOf(full, t.mul(2).minus(a), t), full);
    return { exact, text: scoringText.reverseLinear(show(a), show(t), show(full), showScore(exact)) };
  }

  // 正向. A < T implies T > 0 here, so the division is safe.
  if (a.lt(t)) return ratioOf(a, t);
  const { threshold, deduction } = set.parameters.overAchievement;
  if (deduction > 0 && t.gt(0) && a.gte(t.mul(threshold))) {
    const exact = Decimal.max(full.minus(deduction), 0);
    return { exact, text: scoringText.overAchievedDeduction(pctText(threshold), show(full), String(deduction), showScore(exact)) };
  }
  return { exact: full, text: scoringText.forwardFull(fullText) };
}

/**
 * Score one indicator from its year-end result by the rule set (domain.md §5).
 * A filler's override is taken only when valid: for 定性 inside the outcome's band, for 定量 within [0, max] and
 * with a reason. An invalid override yields an error result (score null), never a clamped score. The 预算执行率 row
 * and 不适用 across a project are assessProject's business: here an indicator marked 不适用 just gets no score.
 */
export function scoreIndicator(
  indicator: Indicator,
  result: IndicatorResult | undefined,
  ruleSet: RuleSet = CN_2020,
  options: ScoreOptions = {},
): IndicatorScore {
  const w = indicator.weight === null ? null : new Decimal(options.maxScore ?? indicator.weight);
  // a scaled weight says so at the end of its explanation
  const scaledNote = w !== null && indicator.weight !== null && !w.eq(indicator.weight) ? scoringText.scaledWeight(show(new Decimal(indicator.weight)), show(w)) : '';

  if (result?.notApplicable) {
    const reason = result.notApplicable.reason.trim();
    const points = String(indicatorPoints(ruleSet));
    const s = blank(indicator, 'notApplicable', null, reason === '' ? scoringText.notApplicableNoReason(points) : scoringText.notApplicable(reason, points));
    return { ...s, countsInTotal: false, deviationRequired: true, deviationReason: deviationText.notApplicable };
  }
  if (indicator.direction === '定性') return scoreQualitative(indicator, result, w, ruleSet, scaledNote);

  const actualText = result?.actual.trim() ?? '';
  if (w === null) {
    const s = blank(indicator, 'noWeight', null, scoringText.noWeight);
    if (actualText === '') return s;
    const a = toDecimal(actualText);
    const t = toDecimal(indicator.target);
    if (a === null || t === null || unitMismatch(indicator, actualText)) return s;
    const reason = quantitativeDeviation(quantitativeRule(indicator), Decimal.max(a, 0), t, equalRangeTop(indicator, t), ruleSet);
    return { ...s, deviationRequired: reason !== null, deviationReason: reason };
  }
  if (actualText === '' && result?.scoreOverride === undefined) return blank(indicator, 'noActual', w, scoringText.noActual);

  const rule = quantitativeRule(indicator);
  const base = blank(indicator, rule, w, '');
  const override = result?.scoreOverride;
  const t = toDecimal(indicator.target);
  const top = equalRangeTop(indicator, t);
  const mismatch = actualText !== '' && unitMismatch(indicator, actualText);
  const rawA = mismatch ? null : toDecimal(actualText);

  let computed: { exact: Decimal; text: string } | null = null;
  let deviation: string | null = null;
  if (t !== null && rawA !== null) {
    const a = Decimal.max(rawA, 0);
    const formula = quantitativeScore(rule, a, t, top, w, ruleSet);
    const measured = scoringText.measured(withUnit(show(a), indicator.unit), targetShown(indicator, t));
    const negative = rawA.lt(0) ? scoringText.negativeActual(show(rawA)) : '';
    computed = { exact: formula.exact, text: negative + measured + formula.text + scaledNote };
    deviation = quantitativeDeviation(rule, a, t, top, ruleSet);
  }
  const withDeviation = { ...base, deviationRequired: deviation !== null, deviationReason: deviation };

  if (override === undefined) {
    if (computed === null) {
      const error: ScoreError =
        t === null
          ? { code: 'targetNotNumeric', message: scoringText.targetNotNumeric(indicator.target) }
          : mismatch
            ? { code: 'actualUnitMismatch', message: scoringText.actualUnitMismatch(actualText, indicator.unit) }
            : { code: 'actualNotNumeric', message: scoringText.actualNotNumeric(actualText) };
      return { ...withDeviation, explanation: error.message, error };
    }
    const score = round2(computed.exact);
    return { ...withDeviation, score, computedScore: score, explanation: computed.text };
  }

  const computedScore = computed === null ? null : round2(computed.exact);
  const fail = (error: ScoreError): IndicatorScore => ({ ...withDeviation, computedScore, explanation: error.message, error });
  if (!Number.isFinite(override.score)) return fail({ code: 'overrideInvalid', message: scoringText.overrideInvalid });
  if (override.reason.trim() === '') return fail({ code: 'overrideReasonRequired', message: scoringText.overrideReasonRequired });
  const chosen = new Decimal(round2(new Decimal(override.score)));
  if (chosen.lt(0) || chosen.gt(w)) {
    return fail({ code: 'overrideOutOfRange', message: scoringText.overrideOutOfRange(showScore(chosen), showScore(w)) });
  }
  const reason = override.reason.trim();
  const explanation =
    computed === null
      ? scoringText.overriddenNoComputation(showScore(chosen), reason)
      : scoringText.overridden(computed.text, showScore(chosen), reason);
  return { ...withDeviation, score: chosen.toNumber(), computedScore, overridden: true, explanation };
}

function scoreQualitative(indicator: Indicator, result: IndicatorResult | undefined, w: Decimal | null, set: RuleSet, scaledNote: string): IndicatorScore {
  const outcome = result?.outcome;
  const deviation = outcome !== undefined && outcome !== 'achieved' ? deviationText.qualitativeNotAchieved(OUTCOME_LABELS[outcome]) : null;
  const withDeviation = (s: IndicatorScore): IndicatorScore => ({ ...s, deviationRequired: deviation !== null, deviationReason: deviation });

  if (w === null) return withDeviation(blank(indicator, 'noWeight', null, scoringText.noWeight));
  if (outcome === undefined) return blank(indicator, 'noActual', w, scoringText.noOutcome);

  const band = QUALITATIVE_BANDS[outcome];
  const min = w.mul(band.min);
  const max = w.mul(band.max);
  const proposed = w.mul(set.parameters.qualitativeProposals[outcome]);
  const label = OUTCOME_LABELS[outcome];
  const bt = scoringText.band(showBandEnd(min), showBandEnd(max), band.maxInclusive);
  const base = withDeviation({
    ...blank(indicator, 'qualitative', w, ''),
    band: [round2(min), round2(max)],
    bandMaxInclusive: band.maxInclusive,
    proposedScore: round2(proposed),
    computedScore: round2(proposed),
  });

  const override = result?.scoreOverride;
  if (override === undefined) return { ...base, score: round2(proposed), explanation: scoringText.qualitativeProposed(label, showScore(proposed), bt) + scaledNote };

  const fail = (error: ScoreError): IndicatorScore => ({ ...base, explanation: error.message, error });
  if (!Number.isFinite(override.score)) return fail({ code: 'overrideInvalid', message: scoringText.overrideInvalid });
  // Adjusting within the band is the filler's ordinary choice (§5), so no reason is demanded here.
  const chosen = new Decimal(round2(new Decimal(override.score)));
  const inBand = chosen.gte(round2(min)) && (band.maxInclusive ? chosen.lte(round2(max)) : chosen.lt(max));
  if (!inBand) return fail({ code: 'overrideOutOfBand', message: scoringText.overrideOutOfBand(showScore(chosen), label, bt) });
  return {
    ...base,
    score: chosen.toNumber(),
    overridden: !chosen.eq(round2(proposed)),
    explanation: scoringText.qualitativeChosen(label, showScore(chosen), bt) + scaledNote,
  };
}

/** 预算执行率 = 全年执行数 / 全年预算数, exact; 0 when there is no budget. Not capped: 105% is shown as such. */
export function executionRate(budgetAdjusted: Fen, spent: Fen): Decimal {
  if (budgetAdjusted <= 0) return new Decimal(0);
  return ratio(Math.max(spent, 0), budgetAdjusted);
}

/** Score of the execution rate: min(rate, 100%) × weight, rounded half up to 2 decimals. */
export function executionScore(rate: Decimal, executionWeight: number): number {
  return round2(Decimal.max(Decimal.min(rate, 1), 0).mul(executionWeight));
}

/** "预算执行率 99.74% × 10 = 9.97", or at more than 100% "…，按 100% 计：100% × 10 = 10.00". */
export function executionExplanation(rate: Decimal, executionWeight: number): string {
  const s = showScore(new Decimal(executionScore(rate, executionWeight)));
  return rate.gt(1) ? scoringText.executionOver(formatPercent(rate), String(executionWeight), s) : scoringText.execution(formatPercent(rate), String(executionWeight), s);
}

/** 优 ≥ 90, 良 80–89.99, 中 60–79.99, 差 < 60. */
export function gradeOf(total: number): Grade {
  if (total >= 90) return '优';
  if (total >= 80) return '良';
  if (total >= 60) return '中';
  return '差';
}

export interface DeviationRequirement {
  /** null for the execution rate */
  indicatorId: Id | null;
  /**
   * where the note goes: 'selfAssessment.results[k].deviationNote', 'selfAssessment.executionNote', or for 不适用
   * 'selfAssessment.results[k].notApplicable.reason' (the reason is the row's note)
   */
  path: string;
  reason: string;
  /** the note as filled ('' when empty) */
  note: string;
}

export interface MissingItem {
  path: string;
  indicatorId: Id | null;
  message: string;
}

export interface IndicatorScoreError extends ScoreError {
  indicatorId: Id;
  path: string;
}

/** Score and points of one 一级 (execution rows and 不适用 left out), for the form's "产出指标（50分）". */
export interface Level1Total {
  code: string;
  maxScore: number;
  /** sum of the scores given so far */
  score: number;
}

/** A total held down by a cap of the rule set (a rate below `below` allows at most `limit`). */
export interface TotalCap {
  below: number;
  limit: number;
  /** execution score + indicator total before the cap */
  uncapped: number;
  explanation: string;
}

export interface ProjectAssessment {
  /** the rule set the scores come from: the unit's, or for a 已完成 self-assessment the one it was completed by */
  ruleSet: RuleSet;
  /** the one-line 评分规则 note for the forms (rule-sets.ts ruleSetNote) */
  note: string;
  /** true when a 已完成 self-assessment is scored by the rule set stored at its completion */
  keptFromCompletion: boolean;
  /** exact ratio; null when there is no self-assessment or no 全年预算数 */
  executionRate: Decimal | null;
  /** '99.74%', or '' when there is no rate */
  executionRateText: string;
  executionScore: number | null;
  executionWeight: number;
  /** "预算执行率 99.74% × 10 = 9.97"; '' when there is no rate */
  executionExplanation: string;
  /** the indicators that are the 预算执行率 row (scored as the execution score, not in the indicator total) */
  executionIndicatorIds: Id[];
  /** points the indicators share (CN-2020: 90) */
  indicatorPoints: number;
  /** Σ weights of the applicable indicators (execution rows and 不适用 left out); null without weights */
  applicableWeight: number | null;
  indicatorScores: IndicatorScore[];
  /** per 一级 in the scheme's order (codes it does not know after them) */
  level1Totals: Level1Total[];
  /** sum of the indicator scores given so far; null when the indicators carry no weights */
  indicatorTotal: number | null;
  /** execution score + indicator total, after any cap; null when the indicators carry no weights */
  total: number | null;
  /** set when a cap of the rule set lowered the total */
  cap: TotalCap | null;
  grade: Grade | null;
  deviationsRequired: DeviationRequirement[];
  missing: MissingItem[];
  errors: IndicatorScoreError[];
  /** nothing missing and no errors: the total is final */
  complete: boolean;
}

interface IndicatorsPart {
  indicatorScores: IndicatorScore[];
  executionIndicatorIds: Id[];
  applicableWeight: number | null;
  indicatorTotal: number | null;
  deviationsRequired: DeviationRequirement[];
  missing: MissingItem[];
  errors: IndicatorScoreError[];
}

/**
 * The indicators of a project or plan: the 预算执行率 row takes the execution score; the others share the indicator
 * points. Weights are used as typed, except that they are scaled into the points (scaledPoints: w × points ÷ Σ
 * applicable weights, to 2 decimals adding up to the points) when an indicator is 不适用 or when they add up to 100.
 */
function assessIndicators(
  indicators: readonly Indicator[],
  results: readonly IndicatorResult[] | undefined,
  set: RuleSet,
  execution: { score: number | null; explanation: string },
  resultsPath: string,
): IndicatorsPart {
  const missing: MissingItem[] = [];
  const deviationsRequired: DeviationRequirement[] = [];
  const errors: IndicatorScoreError[] = [];
  const points = indicatorPoints(set);
  const resultOf = (id: Id) => {
    const k = results ? results.findIndex((r) => r.indicatorId === id) : -1;
    return { k, result: k >= 0 && results ? results[k] : undefined };
  };

  const isExecution = indicators.map((ind) => isExecutionIndicator(ind, set));
  const weighted = indicators.filter((ind, i) => !isExecution[i] && ind.weight !== null);
  const weightSum = weighted.reduce((s, ind) => s.plus(ind.weight ?? 0), ZERO);
  const applicable = weighted.filter((ind) => !resultOf(ind.id).result?.notApplicable);
  const applicableSum = applicable.reduce((s, ind) => s.plus(ind.weight ?? 0), ZERO);
  const scaled = (applicable.length < weighted.length || weightSum.eq(TOTAL_POINTS)) && applicableSum.gt(0) && !applicableSum.eq(points);
  const scaledMax = new Map<Id, number>();
  if (scaled) {
    const shares = scaledPoints(applicable.map((ind) => ind.weight ?? 0), points);
    applicable.forEach((ind, j) => scaledMax.set(ind.id, shares[j]));
  }

  const indicatorScores = indicators.map((ind, i): IndicatorScore => {
    const { k, result } = resultOf(ind.id);
    const at = (field: string) => (k >= 0 ? `${resultsPath}[${k}].${field}` : resultsPath);
    if (isExecution[i]) {
      const s = blank(ind, 'execution', new Decimal(set.parameters.executionWeight), execution.explanation === '' ? scoringText.executionNoRate : scoringText.executionRow(execution.explanation));
      return { ...s, score: execution.score, computedScore: execution.score, countsInTotal: false };
    }
    const s = scoreIndicator(ind, result, set, { maxScore: scaledMax.get(ind.id) });
    const name = ind.name.trim();
    if (s.rule === 'notApplicable') {
      const reason = result?.notApplicable?.reason.trim() ?? '';
      deviationsRequired.push({ indicatorId: ind.id, path: at('notApplicable.reason'), reason: s.deviationReason ?? deviationText.notApplicable, note: reason });
      if (reason === '') missing.push({ path: at('notApplicable.reason'), indicatorId: ind.id, message: missingText.notApplicableReason(name) });
      return s;
    }
    const qualitative = ind.direction === '定性';
    if (results && s.rule === 'noActual') {
      missing.push({ path: at(qualitative ? 'outcome' : 'actual'), indicatorId: ind.id, message: qualitative ? missingText.outcome(name) : missingText.actual(name) });
    }
    // 实际完成值 is never blank on the forms: a 定性 outcome comes with the text of what was achieved
    if (results && qualitative && (result?.actual.trim() ?? '') === '' && (result?.outcome !== undefined || ind.weight !== null)) {
      missing.push({ path: at('actual'), indicatorId: ind.id, message: missingText.qualitativeActual(name) });
    }
    if (s.error) {
      const path = s.error.code === 'targetNotNumeric' ? `indicators[${i}].target` : at(s.error.code === 'actualNotNumeric' || s.error.code === 'actualUnitMismatch' ? 'actual' : 'scoreOverride');
      errors.push({ ...s.error, indicatorId: ind.id, path });
    }
    if (s.deviationRequired && s.deviationReason !== null) {
      const note = result?.deviationNote?.trim() ?? '';
      deviationsRequired.push({ indicatorId: ind.id, path: at('deviationNote'), reason: s.deviationReason, note });
      if (note === '') missing.push({ path: at('deviationNote'), indicatorId: ind.id, message: missingText.deviationNote(name) });
    }
    return s;
  });

  const indicatorTotal =
    weighted.length === 0 ? null : indicatorScores.reduce((s, x) => (x.countsInTotal && x.score !== null ? s.plus(x.score) : s), ZERO).toNumber();
  return {
    indicatorScores,
    executionIndicatorIds: indicators.filter((_, i) => isExecution[i]).map((ind) => ind.id),
    applicableWeight: weighted.length === 0 ? null : applicableSum.toNumber(),
    indicatorTotal,
    deviationsRequired,
    missing,
    errors,
  };
}

function level1TotalsOf(indicators: readonly Indicator[], scores: readonly IndicatorScore[], scheme: IndicatorScheme): Level1Total[] {
  const byCode = new Map<string, { max: Decimal; score: Decimal }>();
  indicators.forEach((ind, i) => {
    const s = scores[i];
    if (!s.countsInTotal || s.maxScore === null) return;
    const t = byCode.get(ind.level1) ?? { max: ZERO, score: ZERO };
    byCode.set(ind.level1, { max: t.max.plus(s.maxScore), score: t.score.plus(s.score ?? 0) });
  });
  const rank = (code: string) => {
    const r = scheme.level1.findIndex((l) => l.code === code);
    return r < 0 ? Number.MAX_SAFE_INTEGER : r;
  };
  return [...byCode.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([code, t]) => ({ code, maxScore: t.max.toNumber(), score: t.score.toNumber() }));
}

/** Execution score + indicator total, held down by the lowest cap whose rate bound the rate is below. */
function totalOf(indicatorTotal: number | null, execScore: number | null, rate: Decimal | null, set: RuleSet): { total: number | null; cap: TotalCap | null } {
  if (indicatorTotal === null) return { total: null, cap: null };
  const uncapped = new Decimal(indicatorTotal).plus(execScore ?? 0).toNumber();
  if (rate === null) return { total: uncapped, cap: null };
  const applies = set.parameters.executionCaps.filter((c) => rate.lt(c.below));
  if (applies.length === 0) return { total: uncapped, cap: null };
  const lowest = applies.reduce((a, b) => (b.cap < a.cap ? b : a));
  if (uncapped <= lowest.cap) return { total: uncapped, cap: null };
  return {
    total: lowest.cap,
    cap: {
      below: lowest.below,
      limit: lowest.cap,
      uncapped,
      explanation: scoringText.cap(formatPercent(rate), pctText(lowest.below), String(lowest.cap), showScore(new Decimal(uncapped))),
    },
  };
}

/**
 * Self-assessment of one project by a rule set (the unit's for the year; CN-2020 by default). A 已完成
 * self-assessment is scored by the rule set stored when it was completed, so it keeps its scores until reopened.
 */
export function assessProject(project: Project, scheme: IndicatorScheme, ruleSet: RuleSet = CN_2020): ProjectAssessment {
  const sa = project.selfAssessment;
  const kept = sa?.status === 'done' && sa.completedScoring !== undefined;
  const set = kept && sa?.completedScoring ? sa.completedScoring.ruleSet : ruleSet;
  const ew = set.parameters.executionWeight;
  const missing: MissingItem[] = [];
  const deviationsRequired: DeviationRequirement[] = [];

  if (!sa) missing.push({ path: 'selfAssessment', indicatorId: null, message: missingText.noSelfAssessment });

  let rate: Decimal | null = null;
  let execScore: number | null = null;
  if (sa) {
    // 上年结转资金 is part of the year's funds (年度资金总额), so of the rate too
    const budget = fundingTotal(sa.budgetAdjusted) + (sa.carriedOver?.budgetAdjusted ?? 0);
    if (budget <= 0) {
      missing.push({ path: 'selfAssessment.budgetAdjusted', indicatorId: null, message: missingText.budgetAdjusted });
    } else {
      rate = executionRate(budget, fundingTotal(sa.spent) + (sa.carriedOver?.spent ?? 0));
      execScore = executionScore(rate, ew);
      const below = set.parameters.lowExecutionBelow;
      if (rate.lt(below)) {
        const note = sa.executionNote?.trim() ?? '';
        deviationsRequired.push({ indicatorId: null, path: 'selfAssessment.executionNote', reason: deviationText.lowExecution(formatPercent(rate), pctText(below)), note });
        if (note === '') missing.push({ path: 'selfAssessment.executionNote', indicatorId: null, message: missingText.executionNote(pctText(below)) });
      }
    }
    if (sa.overallResult.trim() === '') missing.push({ path: 'selfAssessment.overallResult', indicatorId: null, message: missingText.overallResult });
  }
  const execText = rate === null ? '' : executionExplanation(rate, ew);

  const part = assessIndicators(project.indicators, sa?.results, set, { score: execScore, explanation: execText }, 'selfAssessment.results');
  // indicator items first, as the form lists them, then the money and texts; the execution note leads the notes
  const allMissing = sa ? [...part.missing, ...missing] : missing;
  const { total, cap } = totalOf(part.indicatorTotal, execScore, rate, set);
  const errors = part.errors;

  return {
    ruleSet: set,
    note: ruleSetNote(set),
    keptFromCompletion: kept,
    executionRate: rate,
    executionRateText: rate === null ? '' : formatPercent(rate),
    executionScore: execScore,
    executionWeight: ew,
    executionExplanation: execText,
    executionIndicatorIds: part.executionIndicatorIds,
    indicatorPoints: indicatorPoints(set),
    applicableWeight: part.applicableWeight,
    indicatorScores: part.indicatorScores,
    level1Totals: level1TotalsOf(project.indicators, part.indicatorScores, scheme),
    indicatorTotal: part.indicatorTotal,
    total,
    cap,
    grade: total === null ? null : gradeOf(total),
    deviationsRequired: [...deviationsRequired, ...part.deviationsRequired],
    missing: allMissing,
    errors,
    complete: allMissing.length === 0 && errors.length === 0,
  };
}

/** What a completed self-assessment keeps (model.ts SelfAssessment.completedScoring). */
export function completedScoringOf(a: ProjectAssessment): CompletedScoring {
  return {
    ruleSet: copyRuleSet(a.ruleSet),
    executionScore: a.executionScore,
    total: a.total,
    grade: a.grade,
    scores: a.indicatorScores.map((s) => ({ indicatorId: s.indicatorId, score: s.score })),
  };
}

/**
 * 部门整体支出's assessment: a project's fields but those of a self-assessment's completion; executionRate is
 * Σ task 执行数 / Σ task 预算金额, exact, null without a budget.
 */
export type PlanAssessment = Omit<ProjectAssessment, 'keptFromCompletion' | 'complete'>;

/** 部门整体支出 at year end (F8) by the same rules: the tasks' spending gives the execution rate. */
export function assessDepartmentPlan(plan: DepartmentPlan, scheme: IndicatorScheme, ruleSet: RuleSet = CN_2020): PlanAssessment {
  const ew = ruleSet.parameters.executionWeight;
  const budget = plan.tasks.reduce((s, t) => s + fundingTotal(t.funding), 0);
  const spent = plan.tasks.reduce((s, t) => s + (t.spent ? fundingTotal(t.spent) : 0), 0);
  const rate = budget > 0 ? executionRate(budget, spent) : null;
  const execScore = rate === null ? null : executionScore(rate, ew);
  const execText = rate === null ? '' : executionExplanation(rate, ew);
  const part = assessIndicators(plan.indicators, plan.results, ruleSet, { score: execScore, explanation: execText }, 'results');
  const { total, cap } = totalOf(part.indicatorTotal, execScore, rate, ruleSet);
  return {
    ruleSet,
    note: ruleSetNote(ruleSet),
    executionRate: rate,
    executionRateText: rate === null ? '' : formatPercent(rate),
    executionScore: execScore,
    executionWeight: ew,
    executionExplanation: execText,
    executionIndicatorIds: part.executionIndicatorIds,
    indicatorPoints: indicatorPoints(ruleSet),
    applicableWeight: part.applicableWeight,
    indicatorScores: part.indicatorScores,
    level1Totals: level1TotalsOf(plan.indicators, part.indicatorScores, scheme),
    indicatorTotal: part.indicatorTotal,
    total,
    cap,
    grade: total === null ? null : gradeOf(total),
    deviationsRequired: part.deviationsRequired,
    missing: part.missing,
    errors: part.errors,
  };
}
