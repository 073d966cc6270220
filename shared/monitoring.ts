// 绩效运行监控 (domain.md §8, 财预〔2019〕136号 practice): "双监控" of budget execution and target achievement as of
// the end of month M, with warning lights whose limits are parameters of the rule set (rule-sets.ts, CN-2020:
// yellowGap 10, redGap 25 percentage points, redScoreShare 0.6).
// - Execution: 序时进度 = M/12, 执行进度 = 1–M月执行数 / 年度预算数, gap = 序时进度 − 执行进度 in percentage points,
//   compared exactly: 绿 gap ≤ yellowGap, 黄 yellowGap < gap ≤ redGap, 红 gap > redGap.
// - Indicator: 红 when 完全不可能完成 or the 全年预计完成值 scored by the rule set (scoring.ts scoreIndicator, the score
//   rounded to 2 decimals as every score is) is below redScoreShare × w; 黄 when 有可能完成 or that score is below w.
// - A project shows its worst light; a 红 light needs 纠偏措施 before the round is 已完成 (checkRound).
// Pure: no DOM, no Node; every light comes with one Chinese line saying why, as every score does.
import Decimal from 'decimal.js';
import type { AchievementLikelihood, Fen, Id, Indicator, MonitoringEntry, MonitoringRound, Project, RuleSet, Timestamp, Unit } from './model';
import { EMPTY_FUNDING, FUNDING_SOURCES, fundingTotal } from './model';
import { formatPercent } from './money';
import { CN_2020, isExecutionIndicator, monitoringParametersOf, ruleSetOf } from './rule-sets';
import { scoreIndicator } from './scoring';
import { LIGHT_LABELS, monitoringCheckText as C, monitoringText as T, LIKELIHOOD_LABELS, type Light } from './monitoring-messages';

export type { Light } from './monitoring-messages';
export { CAUSE_LABELS, LIGHT_LABELS, LIKELIHOOD_LABELS, STATUS_LABELS } from './monitoring-messages';
export type { AchievementLikelihood, DeviationCause, DeviationCauseCategory, MonitoringEntry, MonitoringParameters, MonitoringRound } from './model';

/** The usual round: 1–7月, reported by the end of August (longgang-2023 第六部分). */
export const DEFAULT_MONITORING_MONTH = 7;
export const LIGHTS: readonly Light[] = ['green', 'yellow', 'red'];
export const LIKELIHOODS: readonly AchievementLikelihood[] = ['certain', 'possible', 'impossible'];
/** The points an indicator without a weight is scored out of, to tell how far its projection falls short. */
export const NOMINAL_POINTS = 100;

const RANK: Readonly<Record<Light, number>> = { green: 0, yellow: 1, red: 2 };

/**
 * Enough digits that the products compared below (fen amounts up to 2^53 times 1,200 times a limit) are exact: the
 * lights at exactly 10 and 25 points must not depend on where a repeating decimal was cut. The quotients shown are
 * ordinary Decimals: they are printed, never compared.
 */
const Exact = Decimal.clone({ precision: 40 });

/** The worst of the lights given; null when there is none. */
export function worstLight(lights: readonly (Light | null)[]): Light | null {
  let worst: Light | null = null;
  for (const l of lights) if (l !== null && (worst === null || RANK[l] > RANK[worst])) worst = l;
  return worst;
}

export function isValidMonth(month: number): boolean {
  return Number.isInteger(month) && month >= 1 && month <= 12;
}

/** 序时进度 = M / 12. */
export function scheduleProgress(month: number): Decimal {
  return new Decimal(month).div(12);
}

// ---------------------------------------------------------------------------------------------------------------
// Budget execution

export interface ExecutionMonitoring {
  month: number;
  /** 年度预算数: the project's 当年预算 总额 */
  budget: Fen;
  /** 1–M月执行数 总额 */
  spent: Fen;
  /** 序时进度 M/12; null for a month outside 1–12 */
  schedule: Decimal | null;
  /** 执行进度 = spent / budget; null without a budget */
  progress: Decimal | null;
  /** 序时进度 − 执行进度 in percentage points (negative when ahead); null without both */
  gapPoints: Decimal | null;
  /** '58.33%', '' without one */
  scheduleText: string;
  progressText: string;
  /** '28.33' (points, 2 decimals, more where 2 would print a limit the gap is not), '' without a gap */
  gapText: string;
  light: Light | null;
  /** "序时进度 58.33%，执行进度 30.00%，相差 28.33 个百分点，超过 25：红灯" */
  explanation: string;
}

/** The execution light of `spent` out of `budget` as of the end of `month`, by the rule set's limits. */
export function executionMonitoring(budget: Fen, spent: Fen, month: number, set: RuleSet = CN_2020): ExecutionMonitoring {
  const base = { month, budget, spent, schedule: null, progress: null, gapPoints: null, scheduleText: '', progressText: '', gapText: '', light: null };
  if (!isValidMonth(month)) return { ...base, explanation: T.badMonth(String(month)) };
  const schedule = scheduleProgress(month);
  if (budget <= 0) return { ...base, schedule, scheduleText: formatPercent(schedule), explanation: T.noBudget };
  const progress = new Decimal(Math.max(spent, 0)).div(budget);
  // gap × 12 × budget = (M × budget − 12 × spent) × 100, all integers: compared against limit × 12 × budget exactly
  const scaledGap = new Exact(month).mul(budget).minus(new Exact(Math.max(spent, 0)).mul(12)).mul(100);
  const scaledLimit = (limit: number) => new Exact(limit).mul(12).mul(budget);
  const gapPoints = new Decimal(scaledGap.toString()).div(new Decimal(budget).mul(12));
  const { yellowGap, redGap } = monitoringParametersOf(set);
  const light: Light = scaledGap.lte(scaledLimit(yellowGap)) ? 'green' : scaledGap.lte(scaledLimit(redGap)) ? 'yellow' : 'red';
  const scheduleText = formatPercent(schedule);
  const progressText = formatPercent(progress);
  const points = (d: Decimal) => pointsText(d, [yellowGap, redGap]);
  const label = LIGHT_LABELS[light];
  const y = String(yellowGap);
  const r = String(redGap);
  const explanation = scaledGap.isNegative()
    ? T.executionAhead(scheduleText, progressText, points(gapPoints.neg()), label)
    : T.execution(scheduleText, progressText, points(gapPoints), light === 'green' ? T.notOver(y, label) : light === 'yellow' ? T.between(y, r, label) : T.over(r, label));
  return { month, budget, spent, schedule, progress, gapPoints, scheduleText, progressText, gapText: points(gapPoints), light, explanation };
}

/**
 * Points with 2 decimals, or as many more as it takes not to print a limit the gap does not equal: 10.0000000833 points
 * are yellow, and "相差 10.00 个百分点，超过 10" would read as a contradiction.
 */
function pointsText(points: Decimal, limits: readonly number[]): string {
  let text = points.toFixed(2, Decimal.ROUND_HALF_UP);
  for (let places = 3; places <= 12 && limits.some((l) => new Decimal(text).abs().eq(l) && !points.abs().eq(l)); places++) {
    text = points.toFixed(places, Decimal.ROUND_HALF_UP);
  }
  return text;
}

// ---------------------------------------------------------------------------------------------------------------
// Indicators

export interface IndicatorMonitoring {
  indicatorId: Id;
  light: Light | null;
  /** "完成目标可能性为“有可能完成”；全年预计 80 人，目标 ≥100 人：80 ÷ 100 × 10 = 8.00，低于分值 10：黄灯" */
  explanation: string;
  likelihood: AchievementLikelihood | null;
  /** the score the 全年预计完成值 would get by the rule set, 2 decimals; null for 定性, a blank or an unscorable value */
  projectedScore: number | null;
  /** the points that score is out of: the weight, or NOMINAL_POINTS for an indicator without one; null when not scored */
  maxScore: number | null;
  /** why a filled 全年预计完成值 could not be scored, else null */
  projectedError: string | null;
}

const LIKELIHOOD_LIGHT: Readonly<Record<AchievementLikelihood, Light>> = { certain: 'green', possible: 'yellow', impossible: 'red' };

/** The light of one indicator from its monitoring entry, by the rule set's scoring and limits. */
export function indicatorMonitoring(indicator: Indicator, entry: MonitoringEntry | undefined, set: RuleSet = CN_2020): IndicatorMonitoring {
  const likelihood = entry?.likelihood ?? null;
  const parts: string[] = [];
  const lights: (Light | null)[] = [];
  if (likelihood !== null) {
    parts.push(T.likelihood(LIKELIHOOD_LABELS[likelihood]));
    lights.push(LIKELIHOOD_LIGHT[likelihood]);
  }

  let projectedScore: number | null = null;
  let maxScore: number | null = null;
  let projectedError: string | null = null;
  const projected = entry?.projected.trim() ?? '';
  if (indicator.direction !== '定性' && projected !== '') {
    const w = indicator.weight ?? NOMINAL_POINTS;
    const s = scoreIndicator(indicator.weight === null ? { ...indicator, weight: w } : indicator, { indicatorId: indicator.id, actual: projected }, set);
    if (s.error !== null || s.score === null) {
      projectedError = s.error?.code === 'targetNotNumeric' ? s.error.message : T.projectedNotNumeric(projected);
      parts.push(projectedError);
    } else {
      projectedScore = s.score;
      maxScore = w;
      const share = monitoringParametersOf(set).redScoreShare;
      const threshold = new Decimal(w).mul(share);
      const score = new Decimal(s.score);
      const light: Light = score.lt(threshold) ? 'red' : score.lt(w) ? 'yellow' : 'green';
      // the scoring's line reads "实际 A，目标 T：…": here A is the projection
      const scored = s.explanation.startsWith('实际 ') ? T.projectedPrefix + s.explanation.slice('实际 '.length) : T.projectedScored(s.explanation);
      const verdict =
        light === 'red'
          ? T.belowShare(String(w), new Decimal(share).mul(100).toString(), threshold.toFixed(2, Decimal.ROUND_HALF_UP))
          : light === 'yellow'
            ? T.belowFull(String(w))
            : '';
      parts.push(scored + verdict + (indicator.weight === null ? T.nominalWeight(String(NOMINAL_POINTS)) : ''));
      lights.push(light);
    }
  }

  const light = worstLight(lights);
  const explanation = light !== null ? T.withLight(parts, LIGHT_LABELS[light]) : parts.length > 0 ? T.withLight(parts, T.noLight) : T.nothingFilled;
  return { indicatorId: indicator.id, light, explanation, likelihood, projectedScore, maxScore, projectedError };
}

// ---------------------------------------------------------------------------------------------------------------
// Rounds and projects

export interface RoundMonitoring {
  month: number;
  status: MonitoringRound['status'];
  execution: ExecutionMonitoring;
  /** every indicator of the project but the 预算执行率 row (the execution light is its light), in the project's order */
  indicators: IndicatorMonitoring[];
  /** how many indicators show each light */
  counts: Record<Light, number>;
  /** the project's light: the worst of the execution light and the indicators' */
  light: Light | null;
  /** "执行：红灯；指标：红灯 1 个、黄灯 2 个、绿灯 3 个；项目：红灯" */
  explanation: string;
}

/** The indicators a round monitors: all but the 预算执行率 row, which the execution light covers. */
export function monitoredIndicators(project: Pick<Project, 'indicators'>, set: RuleSet = CN_2020): Indicator[] {
  return project.indicators.filter((ind) => !isExecutionIndicator(ind, set));
}

export function entryOf(round: MonitoringRound, indicatorId: Id): MonitoringEntry | undefined {
  return round.entries.find((e) => e.indicatorId === indicatorId);
}

/** "红灯 1 个、黄灯 2 个", the lights present, worst first; '无' when none. */
export function lightCountText(counts: Readonly<Record<Light, number>>): string {
  const shown = [...LIGHTS].reverse().filter((l) => counts[l] > 0);
  return shown.length === 0 ? T.noIndicatorLights : shown.map((l) => T.lightCount(LIGHT_LABELS[l], counts[l])).join('、');
}

/** The lights of one round of a project (entries for indicators the project no longer has are ignored). */
export function monitorRound(project: Project, round: MonitoringRound, set: RuleSet = CN_2020): RoundMonitoring {
  const execution = executionMonitoring(fundingTotal(project.funding), fundingTotal(round.spent), round.month, set);
  const byId = new Map(round.entries.map((e) => [e.indicatorId, e]));
  const indicators = monitoredIndicators(project, set).map((ind) => indicatorMonitoring(ind, byId.get(ind.id), set));
  const counts: Record<Light, number> = { green: 0, yellow: 0, red: 0 };
  for (const i of indicators) if (i.light !== null) counts[i.light]++;
  const light = worstLight([execution.light, ...indicators.map((i) => i.light)]);
  const name = (l: Light | null) => (l === null ? T.noLight : LIGHT_LABELS[l]);
  return {
    month: round.month,
    status: round.status,
    execution,
    indicators,
    counts,
    light,
    explanation: T.projectSummary(name(execution.light), lightCountText(counts), name(light)),
  };
}

/** The project's round of the latest month (of two rounds of one month, the one listed last). */
export function latestRound(project: Pick<Project, 'monitoring'>): MonitoringRound | undefined {
  let latest: MonitoringRound | undefined;
  for (const r of project.monitoring ?? []) if (latest === undefined || r.month >= latest.month) latest = r;
  return latest;
}

/** The project's round of `month`, or without a month its latest round. */
export function roundFor(project: Pick<Project, 'monitoring'>, month?: number): MonitoringRound | undefined {
  if (month === undefined) return latestRound(project);
  let found: MonitoringRound | undefined;
  for (const r of project.monitoring ?? []) if (r.month === month) found = r;
  return found;
}

export interface ProjectMonitoring {
  project: Project;
  /** the rule set of the project's unit for its year (CN-2020 when it names none) */
  ruleSet: RuleSet;
  /** the round shown: of the month asked for, else the latest; null when there is none */
  round: MonitoringRound | null;
  /** its lights; null without a round */
  result: RoundMonitoring | null;
}

/** A project's monitoring as the forms and the supervisor's overview show it: the round of `month`, else the latest. */
export function monitorProject(project: Project, unit: Pick<Unit, 'ruleSets'> | undefined, month?: number): ProjectMonitoring {
  const ruleSet = ruleSetOf(unit, project.year);
  const round = roundFor(project, month) ?? null;
  return { project, ruleSet, round, result: round === null ? null : monitorRound(project, round, ruleSet) };
}

/** The one-line rule printed under the monitoring form, with the set's limits. */
export function monitoringRuleNote(set: RuleSet = CN_2020): string {
  const p = monitoringParametersOf(set);
  return T.ruleNote(String(p.yellowGap), String(p.redGap), new Decimal(p.redScoreShare).mul(100).toString());
}

// ---------------------------------------------------------------------------------------------------------------
// Checks and edits

/** The field of a round a problem is about; `indicatorId` says whose, null for the round's own fields. */
export type MonitoringField = 'month' | 'spent' | 'cause' | 'correction' | 'likelihood' | 'projected';

export interface MonitoringProblem {
  /** an error keeps the round from being marked 已完成; a warning does not */
  severity: 'error' | 'warning';
  indicatorId: Id | null;
  field: MonitoringField;
  message: string;
}

/**
 * What stands between the round and 已完成 (errors: an invalid month, a negative amount, a 红 light without 纠偏措施)
 * and what is worth a look (warnings: a light off 绿 without 偏差原因, a likelihood or a 定量 projection not filled
 * in, a projection that cannot be scored, more spent than the budget).
 */
export function checkRound(project: Project, round: MonitoringRound, set: RuleSet = CN_2020): MonitoringProblem[] {
  const out: MonitoringProblem[] = [];
  const error = (indicatorId: Id | null, field: MonitoringField, message: string) => out.push({ severity: 'error', indicatorId, field, message });
  const warning = (indicatorId: Id | null, field: MonitoringField, message: string) => out.push({ severity: 'warning', indicatorId, field, message });
  const blank = (text: string | undefined) => (text ?? '').trim() === '';

  if (!isValidMonth(round.month)) error(null, 'month', C.badMonth(String(round.month)));
  if (FUNDING_SOURCES.some((k) => !(round.spent[k] >= 0))) error(null, 'spent', C.spentNegative);

  const result = monitorRound(project, round, set);
  const ex = result.execution;
  if (ex.light === 'red' && blank(round.correction)) error(null, 'correction', C.executionCorrection(ex.gapText));
  if ((ex.light === 'red' || ex.light === 'yellow') && round.cause === undefined) warning(null, 'cause', C.executionCause(LIGHT_LABELS[ex.light]));
  if (round.cause !== undefined && blank(round.cause.text)) warning(null, 'cause', C.causeTextMissing(C.executionWhere));
  if (isValidMonth(round.month) && ex.budget > 0 && ex.spent > ex.budget) warning(null, 'spent', C.spentOverBudget(T.months(round.month)));

  const indicators = monitoredIndicators(project, set);
  indicators.forEach((ind, i) => {
    const m = result.indicators[i];
    const entry = entryOf(round, ind.id);
    const name = ind.name.trim();
    if (m.light === 'red' && blank(entry?.correction)) error(ind.id, 'correction', C.indicatorCorrection(name));
    if ((m.light === 'red' || m.light === 'yellow') && entry?.cause === undefined) warning(ind.id, 'cause', C.indicatorCause(name, LIGHT_LABELS[m.light]));
    if (entry?.cause !== undefined && blank(entry.cause.text)) warning(ind.id, 'cause', C.causeTextMissing(C.indicatorWhere(name)));
    if (m.likelihood === null) warning(ind.id, 'likelihood', C.likelihoodMissing(name));
    if (ind.direction !== '定性' && blank(entry?.projected)) warning(ind.id, 'projected', C.projectedMissing(name));
    if (m.projectedError !== null) warning(ind.id, 'projected', C.projectedProblem(name, m.projectedError));
  });
  // errors first, as the round can be marked 已完成 once they are gone
  return [...out.filter((p) => p.severity === 'error'), ...out.filter((p) => p.severity === 'warning')];
}

/** Whether problems keep the round from being marked 已完成. */
export function blocksDone(problems: readonly MonitoringProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** A new round of `month`: nothing spent yet, one blank entry per monitored indicator. */
export function startRound(project: Project, month: number, now: Timestamp, set: RuleSet = CN_2020): MonitoringRound {
  return {
    month,
    status: 'draft',
    spent: { ...EMPTY_FUNDING },
    entries: monitoredIndicators(project, set).map((ind) => ({ indicatorId: ind.id, actualToDate: '', projected: '' })),
    updatedAt: now,
  };
}

/** The project's rounds with `round` in place of its month's (or added), in month order. The project's updatedAt is the caller's. */
export function withRound(project: Project, round: MonitoringRound): Project {
  const others = (project.monitoring ?? []).filter((r) => r.month !== round.month);
  return { ...project, monitoring: [...others, round].sort((a, b) => a.month - b.month) };
}

export type MarkDoneResult = { ok: true; round: MonitoringRound } | { ok: false; problems: MonitoringProblem[] };

/** The round marked 已完成 at `now`, or the errors that keep it from being so. */
export function markRoundDone(project: Project, round: MonitoringRound, now: Timestamp, set: RuleSet = CN_2020): MarkDoneResult {
  const problems = checkRound(project, round, set);
  if (blocksDone(problems)) return { ok: false, problems: problems.filter((p) => p.severity === 'error') };
  return { ok: true, round: { ...round, status: 'done', doneAt: now, updatedAt: now } };
}

/** The round open for edits again (填报中); when it was done before stays in doneAt until it is marked done again. */
export function reopenRound(round: MonitoringRound, now: Timestamp): MonitoringRound {
  return { ...round, status: 'draft', updatedAt: now };
}
