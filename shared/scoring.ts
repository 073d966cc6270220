// Self-assessment scoring (domain.md §5). Arithmetic is exact (decimal.js); a score is rounded half up to
// 2 decimals once, when it becomes the stored/displayed value, and totals add those stored values so a printed
// total always equals the sum of the printed scores.
import Decimal from 'decimal.js';
import type { Fen, Id, Indicator, IndicatorResult, Project, QualitativeOutcome } from './model';
import { fundingTotal } from './model';
import { formatPercent, ratio, round2 } from './money';
import type { IndicatorScheme } from './schemes';
import { numericValue, parseValueText } from './value-text';
import { deviationText, type Grade, missingText, OUTCOME_LABELS, scoringText } from './messages';

export type { Grade } from './messages';

export type ScoreRule = 'forward' | 'equal' | 'reverse' | 'qualitative' | 'noWeight' | 'noActual';

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
  /** the stored score, 2 decimals; null when not scored (no weight, nothing filled, or an error) */
  score: number | null;
  /** the score the rule gives before any override, 2 decimals */
  computedScore: number | null;
  /** points available: the weight, or the weight scaled into the 90 indicator points (see assessProject) */
  maxScore: number | null;
  /** true when the filler's own score replaced the computed one */
  overridden: boolean;
  /** one Chinese line saying how the score came about (or why there is none) */
  explanation: string;
  /** 定性 only: the score band of the chosen outcome */
  band: [number, number] | null;
  /** 定性 only: whether the band's upper end belongs to it (only for 达成年度指标) */
  bandMaxInclusive: boolean;
  /** 定性 only: the score the product proposes for the outcome (w, 70%w, 30%w) */
  proposedScore: number | null;
  deviationRequired: boolean;
  /** why a 偏差原因分析及改进措施 is needed, in Chinese */
  deviationReason: string | null;
  /** set when the indicator cannot be scored as filled; score is then null */
  error: ScoreError | null;
}

export interface ScoreOptions {
  /** points this indicator carries when not its raw weight (assessProject scales 100-point weights to 90) */
  maxScore?: number;
}

const ZERO = new Decimal(0);
const OVER_ACHIEVEMENT = new Decimal('1.3');
const LOW_EXECUTION = new Decimal('0.9');

/** Share of w proposed for each 定性 outcome, and the band [min, max) around it. */
const QUALITATIVE: Readonly<Record<QualitativeOutcome, { proposed: Decimal; min: Decimal; max: Decimal; maxInclusive: boolean }>> = {
  achieved: { proposed: new Decimal(1), min: new Decimal('0.8'), max: new Decimal(1), maxInclusive: true },
  partial: { proposed: new Decimal('0.7'), min: new Decimal('0.6'), max: new Decimal('0.8'), maxInclusive: false },
  notAchieved: { proposed: new Decimal('0.3'), min: ZERO, max: new Decimal('0.6'), maxInclusive: false },
};

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
  if (target === '') return false;
  const parsed = parseValueText(actualText);
  return parsed.quantitative && parsed.unit !== '' && parsed.unit !== target;
}

/** Number as written in an explanation: exact, no trailing zeros. */
function show(d: Decimal): string {
  return d.toString();
}

/** Score as written in an explanation: rounded half up to 2 decimals, no trailing zeros. */
function showScore(d: Decimal): string {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString();
}

function bandText(min: Decimal, max: Decimal, maxInclusive: boolean): string {
  return scoringText.band(showScore(min), showScore(max), maxInclusive);
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
    band: null,
    bandMaxInclusive: false,
    proposedScore: null,
    deviationRequired: false,
    deviationReason: null,
    error: null,
  };
}

function quantitativeRule(indicator: Indicator): 'forward' | 'equal' | 'reverse' {
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
 * The top of an '=' range ("5-6家": 6) when it is a number not below T, else null. §5 has no rule for ranges: every
 * rule scores against the lower end, T = target ("大于7-8次" is scored as > 7); only an '=' range also takes an actual
 * anywhere inside [T, top] as met.
 */
function equalRangeTop(indicator: Indicator, t: Decimal | null): Decimal | null {
  if (indicator.direction !== '=' || indicator.targetMax === undefined || t === null) return null;
  const top = toDecimal(indicator.targetMax);
  return top !== null && top.gte(t) ? top : null;
}

function inRange(a: Decimal, t: Decimal, top: Decimal): boolean {
  return a.gte(t) && a.lte(top);
}

/** Why a note is needed for a 定量 indicator, or null. A is already clamped at 0. */
function quantitativeDeviation(rule: 'forward' | 'equal' | 'reverse', a: Decimal, t: Decimal, top: Decimal | null = null): string | null {
  if (rule === 'reverse') return a.gt(t) ? deviationText.aboveLimit : null;
  if (rule === 'equal') return a.eq(t) || (top !== null && inRange(a, t, top)) ? null : deviationText.notEqual;
  if (a.lt(t)) return deviationText.belowTarget;
  if (t.gt(0) && a.gte(t.mul(OVER_ACHIEVEMENT))) return deviationText.overAchieved;
  return null;
}

/** Exact score of a 定量 indicator and its explanation (A already clamped at 0). */
function quantitativeScore(
  rule: 'forward' | 'equal' | 'reverse',
  a: Decimal,
  t: Decimal,
  w: Decimal,
  top: Decimal | null = null,
): { exact: Decimal; text: string } {
  const [as, ts, ws] = [show(a), show(t), showScore(w)];
  if (top !== null && inRange(a, t, top)) return { exact: w, text: scoringText.rangeFull(as, ts, show(top), ws) };
  if (rule === 'equal' && t.eq(0)) {
    return a.lte(0) ? { exact: w, text: scoringText.equalZeroFull(as, ws) } : { exact: ZERO, text: scoringText.equalZeroMissed(as) };
  }
  if (rule === 'reverse') {
    if (a.lte(t)) return { exact: w, text: scoringText.reverseFull(as, ts, ws) };
    // A ≥ 2T is tested before dividing, which also covers T = 0 with A > 0.
    if (a.gte(t.mul(2))) return { exact: ZERO, text: scoringText.reverseZero(as, ts) };
    const exact = new Decimal(1).minus(a.minus(t).div(t)).mul(w);
    return { exact, text: scoringText.reverseProportional(as, ts, ws, showScore(exact)) };
  }
  // 正向, and 等于 with T > 0 scored as 正向. A < T implies T > 0 here, so the division is safe.
  if (a.gte(t)) return { exact: w, text: scoringText.forwardFull(as, ts, ws) };
  const exact = a.div(t).mul(w);
  return { exact, text: scoringText.forwardProportional(as, ts, ws, showScore(exact)) };
}

/**
 * Score one indicator from its year-end result (domain.md §5).
 * A filler's override is taken only when valid: for 定性 inside the outcome's band, for 定量 within [0, w] and
 * with a reason. An invalid override yields an error result (score null), never a clamped score.
 */
export function scoreIndicator(indicator: Indicator, result: IndicatorResult | undefined, options: ScoreOptions = {}): IndicatorScore {
  const weighted = indicator.weight !== null;
  const w = options.maxScore !== undefined ? new Decimal(options.maxScore) : indicator.weight !== null ? new Decimal(indicator.weight) : null;

  if (indicator.direction === '定性') return scoreQualitative(indicator, result, weighted ? w : null);

  const actualText = result?.actual.trim() ?? '';
  if (!weighted || w === null) {
    const s = blank(indicator, 'noWeight', null, scoringText.noWeight);
    if (actualText === '') return s;
    const a = toDecimal(actualText);
    const t = toDecimal(indicator.target);
    if (a === null || t === null || unitMismatch(indicator, actualText)) return s;
    const reason = quantitativeDeviation(quantitativeRule(indicator), Decimal.max(a, 0), t, equalRangeTop(indicator, t));
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
    computed = quantitativeScore(rule, a, t, w, top);
    if (rawA.lt(0)) computed = { exact: computed.exact, text: scoringText.negativeActual(show(rawA)) + computed.text };
    deviation = quantitativeDeviation(rule, a, t, top);
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

function scoreQualitative(indicator: Indicator, result: IndicatorResult | undefined, w: Decimal | null): IndicatorScore {
  const outcome = result?.outcome;
  const deviation = outcome !== undefined && outcome !== 'achieved' ? deviationText.qualitativeNotAchieved(OUTCOME_LABELS[outcome]) : null;
  const withDeviation = (s: IndicatorScore): IndicatorScore => ({ ...s, deviationRequired: deviation !== null, deviationReason: deviation });

  if (w === null) return withDeviation(blank(indicator, 'noWeight', null, scoringText.noWeight));
  if (outcome === undefined) return blank(indicator, 'noActual', w, scoringText.noOutcome);

  const def = QUALITATIVE[outcome];
  const min = def.min.mul(w);
  const max = def.max.mul(w);
  const proposed = def.proposed.mul(w);
  const label = OUTCOME_LABELS[outcome];
  const bt = bandText(min, max, def.maxInclusive);
  const base = withDeviation({
    ...blank(indicator, 'qualitative', w, ''),
    band: [round2(min), round2(max)],
    bandMaxInclusive: def.maxInclusive,
    proposedScore: round2(proposed),
    computedScore: round2(proposed),
  });

  const override = result?.scoreOverride;
  if (override === undefined) return { ...base, score: round2(proposed), explanation: scoringText.qualitativeProposed(label, showScore(proposed), bt) };

  const fail = (error: ScoreError): IndicatorScore => ({ ...base, explanation: error.message, error });
  if (!Number.isFinite(override.score)) return fail({ code: 'overrideInvalid', message: scoringText.overrideInvalid });
  // Adjusting within the band is the filler's ordinary choice (§5), so no reason is demanded here.
  const chosen = new Decimal(round2(new Decimal(override.score)));
  const inBand = chosen.gte(min) && (def.maxInclusive ? chosen.lte(max) : chosen.lt(max));
  if (!inBand) return fail({ code: 'overrideOutOfBand', message: scoringText.overrideOutOfBand(showScore(chosen), label, bt) });
  return {
    ...base,
    score: chosen.toNumber(),
    overridden: !chosen.eq(round2(proposed)),
    explanation: scoringText.qualitativeChosen(label, showScore(chosen), bt),
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
  /** where the note goes: 'selfAssessment.results[k].deviationNote' or 'selfAssessment.executionNote' */
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

export interface ProjectAssessment {
  /** exact ratio; null when there is no self-assessment or no 全年预算数 */
  executionRate: Decimal | null;
  /** '99.74%', or '' when there is no rate */
  executionRateText: string;
  executionScore: number | null;
  executionWeight: number;
  indicatorScores: IndicatorScore[];
  /** sum of the indicator scores given so far; null when the indicators carry no weights */
  indicatorTotal: number | null;
  /** execution score + indicator total; null when the indicators carry no weights */
  total: number | null;
  grade: Grade | null;
  deviationsRequired: DeviationRequirement[];
  missing: MissingItem[];
  errors: IndicatorScoreError[];
  /** nothing missing and no errors: the total is final */
  complete: boolean;
}

/**
 * Self-assessment of one project. Weights that add up to 100 (target forms that give 100 points to the indicators)
 * are scaled into the 100 − executionWeight points left beside the execution rate; weights adding up to 90 are
 * used as they are.
 */
export function assessProject(project: Project, scheme: IndicatorScheme): ProjectAssessment {
  const sa = project.selfAssessment;
  const ew = scheme.executionWeight;
  const missing: MissingItem[] = [];
  const deviationsRequired: DeviationRequirement[] = [];
  const errors: IndicatorScoreError[] = [];

  const weights = project.indicators.flatMap((i) => (i.weight === null ? [] : [new Decimal(i.weight)]));
  const weightSum = weights.reduce((s, x) => s.plus(x), ZERO);
  const scale = weightSum.eq(100) ? new Decimal(100 - ew).div(100) : new Decimal(1);

  if (!sa) missing.push({ path: 'selfAssessment', indicatorId: null, message: missingText.noSelfAssessment });

  const indicatorScores = project.indicators.map((ind, i) => {
    const k = sa ? sa.results.findIndex((r) => r.indicatorId === ind.id) : -1;
    const result = k >= 0 && sa ? sa.results[k] : undefined;
    const options: ScoreOptions = ind.weight === null ? {} : { maxScore: new Decimal(ind.weight).mul(scale).toNumber() };
    const s = scoreIndicator(ind, result, options);
    const at = (field: string) => (k >= 0 ? `selfAssessment.results[${k}].${field}` : 'selfAssessment.results');
    if (sa && s.rule === 'noActual') {
      const isQualitative = ind.direction === '定性';
      missing.push({
        path: at(isQualitative ? 'outcome' : 'actual'),
        indicatorId: ind.id,
        message: isQualitative ? missingText.outcome(ind.name) : missingText.actual(ind.name),
      });
    }
    if (s.error) {
      const path = s.error.code === 'targetNotNumeric' ? `indicators[${i}].target` : at(s.error.code === 'actualNotNumeric' || s.error.code === 'actualUnitMismatch' ? 'actual' : 'scoreOverride');
      errors.push({ ...s.error, indicatorId: ind.id, path });
    }
    if (s.deviationRequired && s.deviationReason !== null) {
      const note = result?.deviationNote?.trim() ?? '';
      deviationsRequired.push({ indicatorId: ind.id, path: at('deviationNote'), reason: s.deviationReason, note });
      if (note === '') missing.push({ path: at('deviationNote'), indicatorId: ind.id, message: missingText.deviationNote(ind.name) });
    }
    return s;
  });

  let rate: Decimal | null = null;
  let execScore: number | null = null;
  if (sa) {
    const budget = fundingTotal(sa.budgetAdjusted);
    if (budget <= 0) {
      missing.push({ path: 'selfAssessment.budgetAdjusted', indicatorId: null, message: missingText.budgetAdjusted });
    } else {
      rate = executionRate(budget, fundingTotal(sa.spent));
      execScore = executionScore(rate, ew);
      if (rate.lt(LOW_EXECUTION)) {
        const note = sa.executionNote?.trim() ?? '';
        deviationsRequired.unshift({ indicatorId: null, path: 'selfAssessment.executionNote', reason: deviationText.lowExecution(formatPercent(rate)), note });
        if (note === '') missing.push({ path: 'selfAssessment.executionNote', indicatorId: null, message: missingText.executionNote });
      }
    }
    if (sa.overallResult.trim() === '') missing.push({ path: 'selfAssessment.overallResult', indicatorId: null, message: missingText.overallResult });
  }

  const indicatorTotal = weights.length === 0
    ? null
    : indicatorScores.reduce((s, x) => (x.score === null ? s : s.plus(x.score)), ZERO).toNumber();
  const total = indicatorTotal === null ? null : new Decimal(indicatorTotal).plus(execScore ?? 0).toNumber();

  return {
    executionRate: rate,
    executionRateText: rate === null ? '' : formatPercent(rate),
    executionScore: execScore,
    executionWeight: ew,
    indicatorScores,
    indicatorTotal,
    total,
    grade: total === null ? null : gradeOf(total),
    deviationsRequired,
    missing,
    errors,
    complete: missing.length === 0 && errors.length === 0,
  };
}
