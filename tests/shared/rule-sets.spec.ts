// Rule sets as versioned data (domain.md §5): CN-2020 as §5 states it, deriving a named set, what it changes, the
// note printed under the forms, and which set a unit scores a year by.
import { createExchangeDocument, parseExchange, serializeExchange } from '../../shared/exchange/exchange';
import type { Project, RuleSet, Unit } from '../../shared/model';
import { assessProject, completedScoringOf } from '../../shared/scoring';
import {
  BUILT_IN_RULE_SETS,
  checkParameters,
  CN_2020,
  deriveRuleSet,
  getRuleSet,
  indicatorPoints,
  isExecutionIndicator,
  level1WeightGroups,
  QUALITATIVE_BANDS,
  ruleSetDifferences,
  ruleSetLabel,
  ruleSetNote,
  ruleSetOf,
  sameRuleSet,
  withUnitRuleSet,
} from '../../shared/rule-sets';
import { SCHEME_A, SCHEME_B } from '../../shared/schemes';
import yubei from '../fixtures/yubei-2024.json';
import { assessedSample } from '../fixtures/yubei-2024-assessed';

function derive(name: string, changes: Parameters<typeof deriveRuleSet>[2], options?: Parameters<typeof deriveRuleSet>[3]): RuleSet {
  const r = deriveRuleSet(CN_2020, name, changes, options);
  if (!r.ok) throw new Error(r.problems.join('；'));
  return r.ruleSet;
}

const unit = (ruleSets?: Unit['ruleSets']): Unit => ({ id: 'u1', name: '区工商联', parentId: null, schemeId: 'A-2015', updatedAt: '2024-01-01T00:00:00Z', ...(ruleSets ? { ruleSets } : {}) });

describe('CN-2020', () => {
  test('holds §5 as data: 10 + 90 points, ratio reverse, 130% note without deduction, no caps, 100/70/30, 50·30·10', () => {
    expect(CN_2020).toEqual({
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
        executionIndicatorNames: ['预算执行率', '预算执行情况', '资金执行率', '资金执行情况', '预算支出执行率'],
        lowExecutionBelow: 0.9,
        monitoring: { yellowGap: 10, redGap: 25, redScoreShare: 0.6 },
      },
    });
    expect(indicatorPoints(CN_2020)).toBe(90);
    expect(QUALITATIVE_BANDS).toEqual({
      achieved: { min: 0.8, max: 1, maxInclusive: true },
      partial: { min: 0.6, max: 0.8, maxInclusive: false },
      notAchieved: { min: 0, max: 0.6, maxInclusive: false },
    });
    expect(checkParameters(CN_2020.parameters)).toEqual([]);
    expect(Object.isFrozen(CN_2020.parameters.executionCaps)).toBe(true);
    expect(BUILT_IN_RULE_SETS).toEqual([CN_2020]);
  });

  test('the 一级 weights by role: scheme B gives the output weight to 产出 and 成本 together', () => {
    expect(level1WeightGroups(CN_2020, SCHEME_A)).toEqual([
      { codes: ['1'], weight: 50 },
      { codes: ['2'], weight: 30 },
      { codes: ['3'], weight: 10 },
    ]);
    expect(level1WeightGroups(CN_2020, SCHEME_B)).toEqual([
      { codes: ['1', '4'], weight: 50 },
      { codes: ['2'], weight: 30 },
      { codes: ['3'], weight: 10 },
    ]);
  });

  test('the note names the set and the 等于 rule the national notes leave open', () => {
    expect(ruleSetLabel(CN_2020)).toBe('CN-2020（财预〔2020〕10号）');
    expect(ruleSetDifferences(CN_2020)).toEqual([]);
    expect(ruleSetNote(CN_2020)).toBe(
      '评分规则：CN-2020（财预〔2020〕10号）。等于指标按实际值与目标值之比的较小者 × 分值计分，目标值为 0 时实际值为 0 得满分、否则 0 分。',
    );
  });
});

describe('the 预算执行率 row by name', () => {
  test.each([
    ['预算执行率', true],
    ['预算资金执行情况', true],
    ['资金执行率', true],
    ['项目 预算 执行率', true],
    ['预算支出执行率', true],
    ['培训人数', false],
    ['项目执行进度', false],
    ['', false],
  ])('%s → %s', (name, expected) => {
    expect(isExecutionIndicator({ name }, CN_2020)).toBe(expected);
  });

  test('what the user marked wins over the name', () => {
    expect(isExecutionIndicator({ name: '预算执行率', execution: false }, CN_2020)).toBe(false);
    expect(isExecutionIndicator({ name: '资金使用进度', execution: true }, CN_2020)).toBe(true);
  });
});

describe('deriving a named set', () => {
  test('applies the changes to CN-2020, nested ones in part, and names its base', () => {
    const set = derive('渝北区规则', {
      reverseFormula: 'linear',
      overAchievement: { deduction: 2 },
      executionCaps: [
        { below: 0.6, cap: 69 },
        { below: 0.8, cap: 89 },
      ],
    });
    expect(set).toMatchObject({ id: 'custom:渝北区规则', name: '渝北区规则', version: 1, basedOn: 'CN-2020' });
    expect(set.parameters).toEqual({
      ...CN_2020.parameters,
      reverseFormula: 'linear',
      overAchievement: { threshold: 1.3, deduction: 2 },
      // kept from the highest bound down, as the note lists them
      executionCaps: [
        { below: 0.8, cap: 89 },
        { below: 0.6, cap: 69 },
      ],
    });
    expect(CN_2020.parameters.reverseFormula).toBe('ratio');
    expect(derive('渝北区规则', {}, { id: 'x1', version: 3 })).toMatchObject({ id: 'x1', version: 3 });
  });

  test('refuses what no region could mean, in Chinese', () => {
    const r = deriveRuleSet(CN_2020, ' ', {
      overAchievement: { threshold: 1, deduction: -1 },
      qualitativeProposals: { partial: 0.8 },
      executionCaps: [{ below: 1.2, cap: 89 }],
      level1Weights: { output: 60 },
      executionWeight: 10,
    });
    expect(r).toEqual({
      ok: false,
      problems: [
        '评分规则须有名称',
        '超额完成的界限须大于 100%',
        '超额完成的扣分须为不小于 0 的数',
        '执行率封顶“低于 120% 不超过 89 分”无效：执行率须在 0 至 100% 之间，分数须在 0 至 100 之间',
        '“部分达成年度指标并具有一定效果”的建议得分须在分值的 60% 至 80%（不含）之间',
        '一级指标默认权重合计为 100，应为 90',
      ],
    });
    expect(deriveRuleSet(CN_2020, '财预〔2020〕10号', {})).toEqual({ ok: false, problems: ['“财预〔2020〕10号”是内置评分规则的名称，请另取名称'] });
  });

  test('lists in Chinese each parameter that departs from CN-2020, and the note carries them', () => {
    const set = derive('某区规则', {
      executionWeight: 20,
      reverseFormula: 'linear',
      overAchievement: { threshold: 1.5, deduction: 2 },
      executionCaps: [
        { below: 0.8, cap: 89 },
        { below: 0.7, cap: 79 },
      ],
      qualitativeProposals: { achieved: 0.9, partial: 0.65, notAchieved: 0.2 },
      level1Weights: { output: 40, benefit: 30, satisfaction: 10 },
      executionIndicatorNames: ['资金执行率'],
      lowExecutionBelow: 0.85,
    });
    expect(ruleSetDifferences(set)).toEqual([
      '预算执行率 20 分、绩效指标 80 分',
      '反向指标按 (1 − (实际值 − 目标值) ÷ 目标值) × 分值计分，实际值达到目标值 2 倍及以上得 0 分',
      '正向指标实际值达到目标值 150% 及以上须说明原因，并扣 2 分',
      '预算执行率低于 80% 总分不超过 89，低于 70% 总分不超过 79',
      '定性指标建议得分为分值的 90%（达成）、65%（部分达成）、20%（未达成）',
      '一级指标默认权重 产出 40、效益 30、满意度 10',
      '名称含“资金执行率”的指标视为预算执行率',
      '预算执行率低于 85% 须说明原因',
    ]);
    const note = ruleSetNote(derive('线性', { reverseFormula: 'linear' }));
    expect(note).toBe(
      '评分规则：线性（第 1 版），以CN-2020（财预〔2020〕10号）为基础，不同之处：反向指标按 (1 − (实际值 − 目标值) ÷ 目标值) × 分值计分，实际值达到目标值 2 倍及以上得 0 分。' +
        '等于指标按实际值与目标值之比的较小者 × 分值计分，目标值为 0 时实际值为 0 得满分、否则 0 分。',
    );
    expect(ruleSetNote(derive('同上', {}))).toContain('以CN-2020（财预〔2020〕10号）为基础，参数与之相同。');
  });

  test('equal sets compare equal whatever the key order; another version or parameter does not', () => {
    const a = derive('甲', { reverseFormula: 'linear' });
    const reordered: RuleSet = JSON.parse(JSON.stringify({ parameters: a.parameters, version: a.version, name: a.name, id: a.id }));
    expect(sameRuleSet(a, reordered)).toBe(true);
    expect(sameRuleSet(a, { ...a, version: 2 })).toBe(false);
    expect(sameRuleSet(a, derive('甲', {}))).toBe(false);
  });
});

describe('the rule set of a unit and year', () => {
  const linear = derive('线性', { reverseFormula: 'linear' });

  test('CN-2020 when the unit names none (a package that names no set)', () => {
    expect(ruleSetOf(unit(), 2024)).toBe(CN_2020);
    expect(ruleSetOf(undefined, 2024)).toBe(CN_2020);
  });

  test('an entry holds from its year on, until a later entry; earlier years keep theirs', () => {
    const u = unit(withUnitRuleSet(unit(withUnitRuleSet(unit(), 2023, linear)), 2025, CN_2020));
    expect(u.ruleSets).toEqual([
      { year: 2023, ruleSetId: linear.id, ruleSet: linear },
      { year: 2025, ruleSetId: 'CN-2020' },
    ]);
    expect([2022, 2023, 2024, 2025, 2026].map((y) => ruleSetOf(u, y).id)).toEqual(['CN-2020', linear.id, linear.id, 'CN-2020', 'CN-2020']);
    // setting a year again replaces its entry
    expect(withUnitRuleSet(u, 2023, CN_2020)).toEqual([
      { year: 2023, ruleSetId: 'CN-2020' },
      { year: 2025, ruleSetId: 'CN-2020' },
    ]);
  });

  test('a derived set travels whole in the unit; one named only by id is looked up, and CN-2020 stands in when unknown', () => {
    const carried = unit([{ year: 2024, ruleSetId: linear.id, ruleSet: linear }]);
    expect(ruleSetOf(carried, 2024)).toEqual(linear);
    const named = unit([{ year: 2024, ruleSetId: linear.id }]);
    expect(ruleSetOf(named, 2024, [linear])).toEqual(linear);
    expect(ruleSetOf(named, 2024)).toBe(CN_2020);
    expect(getRuleSet(linear.id, [linear, { ...linear, version: 2 }])?.version).toBe(2);
  });
});

describe('rule sets in the exchange package (optional fields, additive to v1)', () => {
  const linear = derive('线性反向', { reverseFormula: 'linear', executionCaps: [{ below: 0.8, cap: 89 }] });
  const base = yubei.projects[0] as Project;
  const sample = assessedSample(base);

  test("a unit's derived set, an execution mark, a 不适用 result and the scores kept at completion travel and come back equal", () => {
    const u: Unit = { ...(yubei.units[0] as Unit), ruleSets: withUnitRuleSet(yubei.units[0] as Unit, 2024, linear) };
    const sa = sample.selfAssessment!;
    const results = sa.results.map((r, i) => (i === 4 ? { ...r, notApplicable: { reason: '本年度未开展评估' } } : r));
    const indicators = base.indicators.map((ind) => (ind.name === '预算资金执行情况' ? { ...ind, execution: true } : ind));
    const p: Project = { ...sample, indicators, selfAssessment: { ...sa, results } };
    const done: Project = { ...p, selfAssessment: { ...p.selfAssessment!, completedScoring: completedScoringOf(assessProject(p, SCHEME_A, ruleSetOf(u, 2024))) } };
    const doc = createExchangeDocument({ units: [u], projects: [done], departmentPlans: [] }, '2025-01-10T00:00:00.000Z');
    const back = parseExchange(serializeExchange(doc));
    if (!back.ok) throw new Error(back.problems.map((x) => x.message).join('\n'));
    expect(back.document.units[0].ruleSets).toEqual([{ year: 2024, ruleSetId: linear.id, ruleSet: linear }]);
    expect(ruleSetOf(back.document.units[0], 2024)).toEqual(linear);
    const kept = back.document.projects[0].selfAssessment!;
    expect(kept.results[4].notApplicable).toEqual({ reason: '本年度未开展评估' });
    expect(kept.completedScoring).toEqual(done.selfAssessment!.completedScoring);
    expect(back.document.projects[0].indicators.find((i) => i.name === '预算资金执行情况')?.execution).toBe(true);
  });

  test('a package that names no set is scored by CN-2020; a malformed set is refused', () => {
    const plain = parseExchange(serializeExchange(createExchangeDocument({ units: [yubei.units[0] as Unit], projects: [sample], departmentPlans: [] }, '2025-01-10T00:00:00.000Z')));
    if (!plain.ok) throw new Error('refused');
    expect(ruleSetOf(plain.document.units[0], 2024)).toBe(CN_2020);
    const bad: Unit = { ...(yubei.units[0] as Unit), ruleSets: [{ year: 2024, ruleSetId: linear.id, ruleSet: { ...linear, parameters: { ...linear.parameters, reverseFormula: 'cubic' as 'linear' } } }] };
    const refused = parseExchange(serializeExchange(createExchangeDocument({ units: [bad], projects: [], departmentPlans: [] }, '2025-01-10T00:00:00.000Z')));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems.map((x) => x.path)).toEqual(['/units/0/ruleSets/0/ruleSet/parameters/reverseFormula']);
  });
});
