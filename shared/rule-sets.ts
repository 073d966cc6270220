// Scoring rule sets as versioned data (domain.md §5), beside the indicator schemes of schemes.ts. Scoring, checks and
// forms ask the rule set; none of them carries a formula choice of its own. CN-2020 is the default; a supervisor
// derives a named set from it and sends it to its units inside their unit records (model.ts Unit.ruleSets).
import Decimal from 'decimal.js';
import type { Indicator, MonitoringParameters, QualitativeOutcome, RuleSet, RuleSetParameters, Unit, UnitRuleSet } from './model';
import { findLevel2, level1OfRole, SCHEMES, type IndicatorScheme } from './schemes';
import { OUTCOME_LABELS, ruleSetText as T } from './messages';
import { monitoringRuleText } from './monitoring-messages';

export type { ReverseFormula, RuleSet, RuleSetParameters, UnitRuleSet } from './model';

/** The 定性 bands of every rule set (domain.md §5), as shares of w: [min, max), the top band closed. */
export const QUALITATIVE_BANDS: Readonly<Record<QualitativeOutcome, { min: number; max: number; maxInclusive: boolean }>> = Object.freeze({
  achieved: { min: 0.8, max: 1, maxInclusive: true },
  partial: { min: 0.6, max: 0.8, maxInclusive: false },
  notAchieved: { min: 0, max: 0.6, maxInclusive: false },
});

export const QUALITATIVE_OUTCOMES: readonly QualitativeOutcome[] = ['achieved', 'partial', 'notAchieved'];

/** The points the whole self-assessment is out of: 预算执行率 plus the indicators. */
export const TOTAL_POINTS = 100;

/**
 * CN-2020: 财预〔2020〕10号《项目支出绩效评价管理办法》 and the notes of the national 项目支出绩效自评表. 正向
 * min(A/T, 1) × w; 反向 A ≤ T → w, else T/A × w; 等于 min(A/T, T/A) × w (T = 0: w when A = 0, else 0); 定性 by band;
 * 预算执行率 10 分 beside indicators of 90.
 */
export const CN_2020: RuleSet = deepFreeze({
  id: 'CN-2020',
  name: '财预〔2020〕10号',
  version: 1,
  parameters: {
    executionWeight: 10,
    reverseFormula: 'ratio',
    overAchievement: { threshold: 1.3, deduction: 0 },
    executionCaps: [],
    qualitativeProposals: { achieved: 1, partial: 0.7, notAchieved: 0.3 },
    level1Weights: { output: 50, benefit: 30, satisfaction: 10 },
    // parts of a name, compared without spaces: "预算资金执行情况" (yubei 表17) contains 资金执行情况
    executionIndicatorNames: ['预算执行率', '预算执行情况', '资金执行率', '资金执行情况', '预算支出执行率'],
    lowExecutionBelow: 0.9,
    // 绩效运行监控 (domain.md §8): gaps in percentage points, the score share a ratio
    monitoring: { yellowGap: 10, redGap: 25, redScoreShare: 0.6 },
  },
});

/** Rule sets built into this version; derived ones live with the units that use them. */
export const BUILT_IN_RULE_SETS: readonly RuleSet[] = [CN_2020];
export const DEFAULT_RULE_SET = CN_2020;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** A plain copy of a set (JSON data only; also of an observable one, which structuredClone refuses). */
export function copyRuleSet(set: RuleSet): RuleSet {
  return JSON.parse(JSON.stringify(set)) as RuleSet;
}

export function isBuiltIn(set: RuleSet): boolean {
  return BUILT_IN_RULE_SETS.some((b) => b.id === set.id);
}

/** A built-in set by id, else the newest version of a derived one among `custom`. */
export function getRuleSet(id: string, custom: readonly RuleSet[] = []): RuleSet | undefined {
  const builtIn = BUILT_IN_RULE_SETS.find((s) => s.id === id);
  if (builtIn) return builtIn;
  return custom.filter((s) => s.id === id).reduce<RuleSet | undefined>((best, s) => (best === undefined || s.version > best.version ? s : best), undefined);
}

/** The entry in force in `year`: the latest one from that year or before. */
function entryFor(unit: Pick<Unit, 'ruleSets'>, year: number): UnitRuleSet | undefined {
  let best: UnitRuleSet | undefined;
  for (const e of unit.ruleSets ?? []) if (e.year <= year && (best === undefined || e.year > best.year)) best = e;
  return best;
}

/**
 * The rule set a unit scores a year by: its entry for that year or the latest before it; the set carried in the entry
 * when there is one, else the built-in or `custom` set of that id. CN-2020 when the unit names none, or names one
 * that is nowhere to be found (a package that names no set is scored by CN-2020).
 */
export function ruleSetOf(unit: Pick<Unit, 'ruleSets'> | null | undefined, year: number, custom: readonly RuleSet[] = []): RuleSet {
  const entry = unit ? entryFor(unit, year) : undefined;
  if (!entry) return DEFAULT_RULE_SET;
  if (entry.ruleSet && entry.ruleSet.id === entry.ruleSetId) return entry.ruleSet;
  return getRuleSet(entry.ruleSetId, custom) ?? DEFAULT_RULE_SET;
}

/** The unit's entries with `set` in force from `year` on: a built-in set by its id, a derived one carried whole. */
export function withUnitRuleSet(unit: Pick<Unit, 'ruleSets'>, year: number, set: RuleSet): UnitRuleSet[] {
  const entry: UnitRuleSet = isBuiltIn(set) ? { year, ruleSetId: set.id } : { year, ruleSetId: set.id, ruleSet: copyRuleSet(set) };
  return [...(unit.ruleSets ?? []).filter((e) => e.year !== year), entry].sort((a, b) => a.year - b.year);
}

/** Key order fixed, so two equal sets give the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Same id, version and parameters: scores by one are scores by the other. */
export function sameRuleSet(a: RuleSet, b: RuleSet): boolean {
  return a.id === b.id && a.version === b.version && canonical(a.parameters) === canonical(b.parameters);
}

/** How the set is named to the user: "CN-2020（财预〔2020〕10号）", or a derived set's name and version. */
export function ruleSetLabel(set: RuleSet): string {
  return isBuiltIn(set) && set.version === getRuleSet(set.id)?.version ? T.builtInLabel(set.id, set.name) : T.derivedLabel(set.name, set.version);
}

/** The 二级 codes the set requires on every project (none unless a region's set names them). */
export function requiredLevel2Of(set: RuleSet): readonly string[] {
  return set.parameters.requiredLevel2 ?? [];
}

/** The set's warning lights of 绩效运行监控; CN-2020's for a set derived before they existed. */
export function monitoringParametersOf(set: RuleSet): MonitoringParameters {
  return set.parameters.monitoring ?? (CN_2020.parameters.monitoring as MonitoringParameters);
}

/** Whether the indicator is the 预算执行率 row: as the user marked it, else by the rule set's names. */
export function isExecutionIndicator(indicator: Pick<Indicator, 'name' | 'execution'>, set: RuleSet): boolean {
  if (indicator.execution !== undefined) return indicator.execution;
  const name = indicator.name.replace(/\s+/g, '');
  return name !== '' && set.parameters.executionIndicatorNames.some((n) => n !== '' && name.includes(n.replace(/\s+/g, '')));
}

/** The points the indicators share: 100 less the execution rate's. */
export function indicatorPoints(set: RuleSet): number {
  return new Decimal(TOTAL_POINTS).minus(set.parameters.executionWeight).toNumber();
}

/**
 * The rule set's default 一级 weights over the scheme's 一级: one group per role it gives a weight to, with the codes
 * it covers (scheme B: 产出 and 成本 share the output weight). A role the scheme has no 一级 for is left out.
 */
export function level1WeightGroups(set: RuleSet, scheme: IndicatorScheme): { codes: string[]; weight: number }[] {
  const codesOf = (...roles: Parameters<typeof level1OfRole>[1][]) =>
    roles.flatMap((r) => {
      const def = level1OfRole(scheme, r);
      return def ? [def.code] : [];
    });
  const w = set.parameters.level1Weights;
  return [
    { codes: codesOf('output', 'cost'), weight: w.output },
    { codes: codesOf('benefit'), weight: w.benefit },
    { codes: codesOf('satisfaction'), weight: w.satisfaction },
  ].filter((g) => g.codes.length > 0);
}

// ---------------------------------------------------------------- deriving and describing

/** Changes to some parameters; nested ones may name only the parts that change. */
export type RuleSetChanges = {
  [K in keyof RuleSetParameters]?: NonNullable<RuleSetParameters[K]> extends readonly unknown[]
    ? RuleSetParameters[K]
    : NonNullable<RuleSetParameters[K]> extends object
      ? Partial<NonNullable<RuleSetParameters[K]>>
      : RuleSetParameters[K];
};

export type DeriveResult = { ok: true; ruleSet: RuleSet } | { ok: false; problems: string[] };

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const pct = (ratio: number) => new Decimal(ratio).mul(100).toString();

/** What is wrong with a set of parameters, in Chinese; empty when nothing is. */
export function checkParameters(p: RuleSetParameters): string[] {
  const out: string[] = [];
  if (!isNumber(p.executionWeight) || p.executionWeight < 0 || p.executionWeight > TOTAL_POINTS) out.push(T.badExecutionWeight);
  if (p.reverseFormula !== 'ratio' && p.reverseFormula !== 'linear') out.push(T.badReverseFormula);
  if (!isNumber(p.overAchievement.threshold) || p.overAchievement.threshold <= 1) out.push(T.badThreshold);
  if (!isNumber(p.overAchievement.deduction) || p.overAchievement.deduction < 0) out.push(T.badDeduction);
  for (const c of p.executionCaps) {
    if (!isNumber(c.below) || c.below <= 0 || c.below > 1 || !isNumber(c.cap) || c.cap < 0 || c.cap > TOTAL_POINTS) out.push(T.badCap(pct(c.below), String(c.cap)));
  }
  for (const o of QUALITATIVE_OUTCOMES) {
    const share = p.qualitativeProposals[o];
    const band = QUALITATIVE_BANDS[o];
    const inside = isNumber(share) && share >= band.min && (band.maxInclusive ? share <= band.max : share < band.max);
    if (!inside) out.push(T.badProposal(OUTCOME_LABELS[o], pct(band.min), pct(band.max), band.maxInclusive));
  }
  const weights = [p.level1Weights.output, p.level1Weights.benefit, p.level1Weights.satisfaction];
  if (weights.some((w) => !isNumber(w) || w < 0)) out.push(T.badLevel1Weights);
  else if (isNumber(p.executionWeight)) {
    const sum = weights.reduce((s, w) => s.plus(w), new Decimal(0));
    if (!sum.eq(TOTAL_POINTS - p.executionWeight)) out.push(T.level1WeightsSum(sum.toString(), String(TOTAL_POINTS - p.executionWeight)));
  }
  if (p.executionIndicatorNames.some((n) => typeof n !== 'string' || n.trim() === '')) out.push(T.badExecutionNames);
  if (!isNumber(p.lowExecutionBelow) || p.lowExecutionBelow <= 0 || p.lowExecutionBelow > 1) out.push(T.badLowExecution);
  const required = p.requiredLevel2 ?? [];
  if (required.some((c) => typeof c !== 'string' || !/^[1-9]\d$/.test(c)) || new Set(required).size !== required.length) out.push(T.badRequiredLevel2);
  const mon = p.monitoring;
  if (mon !== undefined) {
    if (!isNumber(mon.yellowGap) || !isNumber(mon.redGap) || mon.yellowGap < 0 || mon.yellowGap >= mon.redGap || mon.redGap > 100) out.push(monitoringRuleText.badGaps);
    if (!isNumber(mon.redScoreShare) || mon.redScoreShare < 0 || mon.redScoreShare > 1) out.push(monitoringRuleText.badShare);
  }
  return out;
}

/**
 * A supervisor's named set: the base's parameters with `changes` applied, checked. Its id is `options.id` (the
 * caller's new id) or one made from the name; a new derivation is version 1 unless told otherwise.
 */
export function deriveRuleSet(base: RuleSet, name: string, changes: RuleSetChanges, options: { id?: string; version?: number } = {}): DeriveResult {
  const trimmed = name.trim();
  const problems: string[] = [];
  if (trimmed === '') problems.push(T.nameRequired);
  const id = options.id ?? `custom:${trimmed}`;
  if (BUILT_IN_RULE_SETS.some((b) => b.id === id || (trimmed !== '' && b.name === trimmed))) problems.push(T.nameTaken(trimmed));
  const b = base.parameters;
  // a key given as undefined changes nothing
  const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as RuleSetChanges;
  const parameters: RuleSetParameters = JSON.parse(JSON.stringify({
    ...b,
    ...given,
    overAchievement: { ...b.overAchievement, ...given.overAchievement },
    qualitativeProposals: { ...b.qualitativeProposals, ...given.qualitativeProposals },
    level1Weights: { ...b.level1Weights, ...given.level1Weights },
    executionCaps: [...(given.executionCaps ?? b.executionCaps)].sort((x, y) => y.below - x.below),
    executionIndicatorNames: [...(given.executionIndicatorNames ?? b.executionIndicatorNames)],
    monitoring: { ...monitoringParametersOf(base), ...given.monitoring },
  })) as RuleSetParameters;
  problems.push(...checkParameters(parameters));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, ruleSet: { id, name: trimmed, version: options.version ?? 1, basedOn: base.id, parameters } };
}

/** The parameters in which `set` departs from CN-2020, one Chinese phrase each, in the order of §5's table. */
export function ruleSetDifferences(set: RuleSet): string[] {
  const p = set.parameters;
  const c = CN_2020.parameters;
  const out: string[] = [];
  if (p.executionWeight !== c.executionWeight) out.push(T.diffExecutionWeight(String(p.executionWeight), String(indicatorPoints(set))));
  // CN-2020's are the ratio formula and no caps, so a set differs only by having the linear formula or caps
  if (p.reverseFormula !== c.reverseFormula) out.push(T.diffReverseLinear);
  if (p.overAchievement.threshold !== c.overAchievement.threshold || p.overAchievement.deduction !== c.overAchievement.deduction) {
    out.push(T.diffOverAchievement(pct(p.overAchievement.threshold), String(p.overAchievement.deduction)));
  }
  if (canonical(p.executionCaps) !== canonical(c.executionCaps)) {
    const caps = [...p.executionCaps].sort((x, y) => y.below - x.below);
    out.push(T.diffCaps(caps.map((x) => T.capItem(pct(x.below), String(x.cap)))));
  }
  if (canonical(p.qualitativeProposals) !== canonical(c.qualitativeProposals)) {
    out.push(T.diffProposals(pct(p.qualitativeProposals.achieved), pct(p.qualitativeProposals.partial), pct(p.qualitativeProposals.notAchieved)));
  }
  if (canonical(p.level1Weights) !== canonical(c.level1Weights)) {
    out.push(T.diffLevel1Weights(String(p.level1Weights.output), String(p.level1Weights.benefit), String(p.level1Weights.satisfaction)));
  }
  if (canonical(p.executionIndicatorNames) !== canonical(c.executionIndicatorNames)) out.push(T.diffExecutionNames(p.executionIndicatorNames));
  if (p.lowExecutionBelow !== c.lowExecutionBelow) out.push(T.diffLowExecution(pct(p.lowExecutionBelow)));
  // a set names codes, not a scheme: each is shown by the label of the first built-in scheme that has it
  const label = (code: string) => SCHEMES.map((s) => findLevel2(s, code)).find((f) => f !== undefined)?.level2.label ?? code;
  if ((p.requiredLevel2 ?? []).length > 0) out.push(T.diffRequiredLevel2((p.requiredLevel2 ?? []).map(label)));
  return out;
}

/**
 * The one-line note printed under the self-assessment forms (F3, F8), so a reader can recompute every score: the set,
 * what it changes of CN-2020, and the 等于 rule, which the national notes leave open and the product chose.
 */
export function ruleSetNote(set: RuleSet): string {
  const differences = ruleSetDifferences(set);
  const base = T.builtInLabel(CN_2020.id, CN_2020.name);
  const head = set.id === CN_2020.id && differences.length === 0 ? T.noteHead(base) : T.noteHeadDerived(ruleSetLabel(set), base, differences);
  return head + T.noteEqualRule;
}
