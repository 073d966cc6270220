// Scoring by rule sets (domain.md §5): every row of CN-2020, each parameter a region may change, the worked figures,
// the explanation of every score, 不适用 and its rescaling, the 预算执行率 row, caps and kept scores.
import Decimal from 'decimal.js';
import type { DepartmentPlan, Direction, Funding, Indicator, IndicatorResult, Project, RuleSet, SelfAssessment } from '../../shared/model';
import { EMPTY_FUNDING } from '../../shared/model';
import { CN_2020, deriveRuleSet, type RuleSetChanges } from '../../shared/rule-sets';
import { SCHEME_A } from '../../shared/schemes';
import {
  assessDepartmentPlan,
  assessProject,
  completedScoringOf,
  executionExplanation,
  executionRate,
  executionScore,
  gradeOf,
  scaledPoints,
  scoreIndicator,
} from '../../shared/scoring';
import yubei from '../fixtures/yubei-2024.json';
import { assessedSample } from '../fixtures/yubei-2024-assessed';

function ind(direction: Direction, target: string, weight: number | null, extra: Partial<Indicator> = {}): Indicator {
  return { id: 'i1', level1: '1', level2: '11', name: '培训人数', direction, target, unit: '人', weight, core: true, ...extra };
}
function res(actual: string, extra: Partial<IndicatorResult> = {}): IndicatorResult {
  return { indicatorId: 'i1', actual, ...extra };
}
const wan = (yuanWan: string): number => new Decimal(yuanWan).mul(1_000_000).toNumber();
const money = (generalPublic: number, other = 0): Funding => ({ ...EMPTY_FUNDING, generalPublic, other });

function derived(changes: RuleSetChanges, name = '某区规则'): RuleSet {
  const r = deriveRuleSet(CN_2020, name, changes);
  if (!r.ok) throw new Error(r.problems.join('；'));
  return r.ruleSet;
}
const LINEAR = derived({ reverseFormula: 'linear' }, '线性反向');
const DEDUCT = derived({ overAchievement: { deduction: 2 } }, '超额扣分');
const CAPPED = derived({
  executionCaps: [
    { below: 0.8, cap: 89 },
    { below: 0.7, cap: 79 },
    { below: 0.6, cap: 69 },
    { below: 0.5, cap: 59 },
  ],
});

type Row = [direction: Direction, target: string, unit: string, weight: number, actual: string, score: number, explanation: string];

function check(rows: Row[], set: RuleSet = CN_2020): void {
  for (const [direction, target, unit, weight, actual, score, explanation] of rows) {
    const s = scoreIndicator(ind(direction, target, weight, { unit }), res(actual), set);
    expect([actual, s.score, s.explanation]).toEqual([actual, score, explanation]);
  }
}

describe('CN-2020 正向 (≥, >): min(A/T, 1) × w', () => {
  test.each<Row>([
    ['≥', '100', '人', 20, '140', 20, '实际 140 人，目标 ≥100 人：达到目标，得满分 20.00'],
    ['>', '95', '%', 10, '95', 10, '实际 95%，目标 >95%：达到目标，得满分 10.00'],
    // §5's worked figure: 92/95 × 15 = 14.5263… → 14.53
    ['≥', '95', '%', 15, '92%', 14.53, '实际 92%，目标 ≥95%：92 ÷ 95 × 15 = 14.53'],
    ['≥', '30', '个', 10, '26个', 8.67, '实际 26 个，目标 ≥30 个：26 ÷ 30 × 10 = 8.67'],
    ['≥', '8', '人', 0.1, '1', 0.01, '实际 1 人，目标 ≥8 人：1 ÷ 8 × 0.1 = 0.01'],
    ['≥', '8', '人', 0.1, '3', 0.04, '实际 3 人，目标 ≥8 人：3 ÷ 8 × 0.1 = 0.04'],
    ['≥', '200', '人', 1.005, '200', 1.01, '实际 200 人，目标 ≥200 人：达到目标，得满分 1.01'],
    // 7 × 15.06 ÷ 12 = 8.785 exactly: one quotient keeps the 5 and rounds up (7 ÷ 12 first gives 8.78499…→ 8.78)
    ['≥', '12', '人', 15.06, '7', 8.79, '实际 7 人，目标 ≥12 人：7 ÷ 12 × 15.06 = 8.79'],
    ['≥', '10', '人', 10, '0', 0, '实际 0 人，目标 ≥10 人：0 ÷ 10 × 10 = 0.00'],
    ['≥', '10', '人', 10, '-5', 0, '实际值 -5 为负数，按 0 计；实际 0 人，目标 ≥10 人：0 ÷ 10 × 10 = 0.00'],
  ])('%s%s%s, w %d, A %s → %d', (...row) => check([row]));

  test('a ≥ or > range is scored against its lower end', () => {
    const range = (actual: string) => scoreIndicator(ind('>', '7', 10, { targetMax: '8', unit: '次' }), res(actual));
    expect(range('6')).toMatchObject({ score: 8.57, explanation: '实际 6 次，目标 >7-8 次：6 ÷ 7 × 10 = 8.57' });
    expect(range('7.5').score).toBe(10);
  });
});

describe('CN-2020 反向 (≤, <): A ≤ T → w, else T/A × w', () => {
  test.each<Row>([
    // the examples: ≤3 天 met in 6 天 → 3/6 × w; ≤1000 元 met at 1100 → 90.91% of w
    ['≤', '3', '天', 10, '6', 5, '实际 6 天，目标 ≤3 天：3 ÷ 6 × 10 = 5.00'],
    ['≤', '1000', '元', 100, '1100', 90.91, '实际 1100 元，目标 ≤1000 元：1000 ÷ 1100 × 100 = 90.91'],
    ['≤', '1000', '元', 10, '1100', 9.09, '实际 1100 元，目标 ≤1000 元：1000 ÷ 1100 × 10 = 9.09'],
    ['≤', '3000', '元/台', 10, '2800', 10, '实际 2800 元/台，目标 ≤3000 元/台：未超过目标，得满分 10.00'],
    ['≤', '3000', '元/台', 10, '3000', 10, '实际 3000 元/台，目标 ≤3000 元/台：未超过目标，得满分 10.00'],
    // never 0 for a finite A, unlike the linear formula
    ['≤', '3000', '元/台', 10, '9000', 3.33, '实际 9000 元/台，目标 ≤3000 元/台：3000 ÷ 9000 × 10 = 3.33'],
    ['<', '3', '天', 15, '4', 11.25, '实际 4 天，目标 <3 天：3 ÷ 4 × 15 = 11.25'],
    // A = 0 → w; a negative A counts as 0
    ['≤', '5', '起', 10, '0', 10, '实际 0 起，目标 ≤5 起：未超过目标，得满分 10.00'],
    ['≤', '5', '起', 10, '-1', 10, '实际值 -1 为负数，按 0 计；实际 0 起，目标 ≤5 起：未超过目标，得满分 10.00'],
    // T = 0 divides nothing by zero
    ['≤', '0', '起', 5, '0', 5, '实际 0 起，目标 ≤0 起：未超过目标，得满分 5.00'],
    ['≤', '0', '起', 5, '2', 0, '实际 2 起，目标 ≤0 起：0 ÷ 2 × 5 = 0.00'],
  ])('%s%s%s, w %d, A %s → %d', (...row) => check([row]));
});

describe('parameter: the linear reverse formula (1 − (A−T)/T) × w, 0 at A ≥ 2T', () => {
  test.each<Row>([
    ['≤', '3000', '元/台', 10, '3600', 8, '实际 3600 元/台，目标 ≤3000 元/台：(1 − (3600 − 3000) ÷ 3000) × 10 = 8.00'],
    ['≤', '3000', '元/台', 10, '3001', 10, '实际 3001 元/台，目标 ≤3000 元/台：(1 − (3001 − 3000) ÷ 3000) × 10 = 10.00'],
    ['≤', '3000', '元/台', 10, '5999', 0, '实际 5999 元/台，目标 ≤3000 元/台：(1 − (5999 − 3000) ÷ 3000) × 10 = 0.00'],
    ['≤', '3000', '元/台', 10, '6000', 0, '实际 6000 元/台，目标 ≤3000 元/台：达到目标的 2 倍及以上，得 0 分'],
    ['≤', '3000', '元/台', 10, '2800', 10, '实际 2800 元/台，目标 ≤3000 元/台：未超过目标，得满分 10.00'],
    ['≤', '90', '天', 10, '100', 8.89, '实际 100 天，目标 ≤90 天：(1 − (100 − 90) ÷ 90) × 10 = 8.89'],
    ['≤', '0', '起', 5, '2', 0, '实际 2 起，目标 ≤0 起：达到目标的 2 倍及以上，得 0 分'],
  ])('%s%s%s, w %d, A %s → %d', (...row) => check([row], LINEAR));
});

describe('CN-2020 等于 (=): T > 0 → min(A/T, T/A) × w; T = 0 → (A = 0 ? w : 0)', () => {
  test.each<Row>([
    ['=', '5', '家', 10, '5', 10, '实际 5 家，目标 5 家：等于目标，得满分 10.00'],
    ['=', '5', '家', 10, '4', 8, '实际 4 家，目标 5 家：4 ÷ 5 × 10 = 8.00'],
    ['=', '5', '家', 10, '6', 8.33, '实际 6 家，目标 5 家：5 ÷ 6 × 10 = 8.33'],
    ['=', '5', '家', 10, '10', 5, '实际 10 家，目标 5 家：5 ÷ 10 × 10 = 5.00'],
    ['=', '5', '家', 10, '0', 0, '实际 0 家，目标 5 家：0 ÷ 5 × 10 = 0.00'],
    ['=', '100', '%', 10, '99.74%', 9.97, '实际 99.74%，目标 100%：99.74 ÷ 100 × 10 = 9.97'],
    ['=', '0', '起', 10, '0', 10, '实际 0 起，目标 0 起：目标为 0 且实际为 0，得满分 10.00'],
    ['=', '0', '起', 10, '-2', 10, '实际值 -2 为负数，按 0 计；实际 0 起，目标 0 起：目标为 0 且实际为 0，得满分 10.00'],
    ['=', '0', '起', 10, '1', 0, '实际 1 起，目标 0 起：目标为 0 而实际不为 0，得 0 分'],
  ])('%s%s%s, w %d, A %s → %d', (...row) => check([row]));

  test('an = range is met anywhere inside [T, top], and outside it is scored by the nearer end', () => {
    const range = (target: string, top: string, actual: string) => scoreIndicator(ind('=', target, 10, { targetMax: top, unit: '家' }), res(actual));
    for (const actual of ['5', '5.5', '6']) {
      expect(range('5', '6', actual)).toMatchObject({ score: 10, deviationRequired: false, explanation: `实际 ${actual} 家，目标 5-6 家：在目标范围之内，得满分 10.00` });
    }
    expect(range('5', '6', '4')).toMatchObject({ score: 8, deviationRequired: true, deviationReason: '实际完成值与目标值不一致' });
    expect(range('5', '6', '7')).toMatchObject({ score: 8.57, explanation: '实际 7 家，目标 5-6 家：6 ÷ 7 × 10 = 8.57', deviationRequired: true });
    expect(range('0', '2', '1').score).toBe(10);
    expect(range('0', '2', '3').score).toBe(6.67);
  });
});

describe('CN-2020 定性: bands [80%w, w], [60%w, 80%w), [0, 60%w) with proposals 100% / 70% / 30%', () => {
  const q = (extra: Partial<IndicatorResult>, w: number | null = 20, set: RuleSet = CN_2020) =>
    scoreIndicator(ind('定性', '经商投资环境持续改善', w, { level1: '2', level2: '22', unit: '' }), res('营商环境评价提升至全市第 3 名', extra), set);

  test.each([
    ['achieved', 20, [16, 20], true, '达成年度指标：建议得分 20.00（可在 [16, 20] 内调整）'],
    ['partial', 14, [12, 16], false, '部分达成年度指标并具有一定效果：建议得分 14.00（可在 [12, 16) 内调整）'],
    ['notAchieved', 6, [0, 12], false, '未达成年度指标且效果较差：建议得分 6.00（可在 [0, 12) 内调整）'],
  ] as const)('%s proposes %d in %j', (outcome, score, band, maxInclusive, explanation) => {
    expect(q({ outcome })).toMatchObject({ rule: 'qualitative', score, proposedScore: score, band, bandMaxInclusive: maxInclusive, explanation });
  });

  test('a note is asked for any outcome but 达成', () => {
    expect(q({ outcome: 'achieved' }).deviationRequired).toBe(false);
    expect(q({ outcome: 'partial' })).toMatchObject({ deviationRequired: true, deviationReason: '完成情况为“部分达成年度指标并具有一定效果”' });
    expect(q({ outcome: 'notAchieved' }).deviationRequired).toBe(true);
  });

  test('the filler adjusts inside the band, at both ends, never outside it', () => {
    expect(q({ outcome: 'achieved', scoreOverride: { score: 16, reason: '' } })).toMatchObject({ score: 16, overridden: true, error: null });
    expect(q({ outcome: 'partial', scoreOverride: { score: 15.99, reason: '' } })).toMatchObject({
      score: 15.99,
      explanation: '部分达成年度指标并具有一定效果：得分 15.99（可在 [12, 16) 内调整）',
    });
    expect(q({ outcome: 'notAchieved', scoreOverride: { score: 0, reason: '' } }).score).toBe(0);
    const over = q({ outcome: 'partial', scoreOverride: { score: 16, reason: '效果较好' } });
    expect(over).toMatchObject({ score: null, error: { code: 'overrideOutOfBand', message: '得分 16.00 不在“部分达成年度指标并具有一定效果”的得分区间 [12, 16) 内' } });
    expect(q({ outcome: 'achieved', scoreOverride: { score: 15.99, reason: 'x' } }).error?.code).toBe('overrideOutOfBand');
    expect(q({ outcome: 'achieved', scoreOverride: { score: 20.01, reason: 'x' } }).error?.code).toBe('overrideOutOfBand');
  });

  test('parameter: other proposals inside the bands', () => {
    const set = derived({ qualitativeProposals: { achieved: 0.9, partial: 0.65, notAchieved: 0.2 } });
    expect([q({ outcome: 'achieved' }, 20, set).score, q({ outcome: 'partial' }, 20, set).score, q({ outcome: 'notAchieved' }, 20, set).score]).toEqual([18, 13, 4]);
  });

  test('without an outcome nothing is scored yet; without a weight the outcome still asks for a note', () => {
    expect(q({})).toMatchObject({ rule: 'noActual', score: null, maxScore: 20, explanation: '尚未选择完成情况' });
    expect(q({ outcome: 'partial' }, null)).toMatchObject({ rule: 'noWeight', score: null, maxScore: null, deviationRequired: true });
  });
});

describe('over-achievement (正向 A ≥ threshold × T)', () => {
  test('CN-2020: at 130% a note is asked for and nothing is deducted', () => {
    expect(scoreIndicator(ind('≥', '100', 20), res('130'))).toMatchObject({
      score: 20,
      deviationRequired: true,
      deviationReason: '实际完成值达到目标值的 130% 及以上，目标可能定得偏低',
    });
    expect(scoreIndicator(ind('≥', '100', 20), res('129.99')).deviationRequired).toBe(false);
  });

  test('parameter: a deduction of 2 points, never below 0', () => {
    check(
      [
        ['≥', '100', '人', 20, '140', 18, '实际 140 人，目标 ≥100 人：达到目标的 130% 及以上，20 − 2 = 18.00'],
        ['≥', '100', '人', 20, '129', 20, '实际 129 人，目标 ≥100 人：达到目标，得满分 20.00'],
        ['≥', '100', '人', 1, '200', 0, '实际 200 人，目标 ≥100 人：达到目标的 130% 及以上，1 − 2 = 0.00'],
      ],
      DEDUCT,
    );
  });

  test('parameter: another threshold moves the note', () => {
    const set = derived({ overAchievement: { threshold: 1.5 } });
    expect(scoreIndicator(ind('≥', '100', 20), res('140'), set).deviationRequired).toBe(false);
    expect(scoreIndicator(ind('≥', '100', 20), res('150'), set).deviationReason).toBe('实际完成值达到目标值的 150% 及以上，目标可能定得偏低');
  });
});

describe('overrides of 定量 scores', () => {
  const i = ind('≥', '95', 15, { unit: '%' });
  test('are taken with a reason, keeping the computed score', () => {
    const s = scoreIndicator(i, res('92%', { scoreOverride: { score: 15, reason: '口径调整后实际为 96%' } }));
    expect(s).toMatchObject({ score: 15, computedScore: 14.53, overridden: true, error: null });
    expect(s.explanation).toBe('实际 92%，目标 ≥95%：92 ÷ 95 × 15 = 14.53；调整为 15.00（理由：口径调整后实际为 96%）');
  });
  test('need a reason and stay within [0, w]', () => {
    expect(scoreIndicator(i, res('92%', { scoreOverride: { score: 15, reason: '  ' } })).error).toEqual({ code: 'overrideReasonRequired', message: '调整得分须说明理由' });
    expect(scoreIndicator(i, res('92%', { scoreOverride: { score: 16, reason: '加分' } }))).toMatchObject({
      score: null,
      error: { code: 'overrideOutOfRange', message: '调整得分 16.00 超出 0 至 15.00 的范围' },
    });
  });
  test('can score an actual written as text', () => {
    expect(scoreIndicator(i, res('已完成')).error?.code).toBe('actualNotNumeric');
    expect(scoreIndicator(i, res('已完成', { scoreOverride: { score: 12, reason: '按抽样结果' } }))).toMatchObject({
      score: 12,
      computedScore: null,
      explanation: '按调整得分 12.00 计（理由：按抽样结果）',
    });
  });
});

describe('no weight, no actual, another unit', () => {
  test('unweighted indicators are not scored but still ask for notes', () => {
    expect(scoreIndicator(ind('≥', '100', null), res('140'))).toMatchObject({ rule: 'noWeight', score: null, explanation: '本表未设指标权重，不计分' });
    expect(scoreIndicator(ind('≥', '95', null), res('92')).deviationRequired).toBe(true);
  });
  test('an empty actual is not yet scored; a target that is no number is an error', () => {
    expect(scoreIndicator(ind('≥', '100', 10), res(' '))).toMatchObject({ rule: 'noActual', score: null, explanation: '尚未填写实际完成值' });
    expect(scoreIndicator(ind('≥', '若干', 10), res('5')).error?.code).toBe('targetNotNumeric');
  });
  test('an actual in another unit than the target is not compared (longgang 2019: ≤90 天 reported as 100.00%)', () => {
    const days = ind('≤', '90', 10, { unit: '天', name: '文书档案整理时间' });
    expect(scoreIndicator(days, res('100.00%'))).toMatchObject({ score: null, error: { code: 'actualUnitMismatch' }, deviationRequired: false });
    expect(scoreIndicator(days, res('95天'))).toMatchObject({ score: 9.47, explanation: '实际 95 天，目标 ≤90 天：90 ÷ 95 × 10 = 9.47' });
  });
});

describe('不适用', () => {
  test('the indicator gets no score, with its reason in the explanation and a note asked for', () => {
    const s = scoreIndicator(ind('≥', '100', 20), res('', { notApplicable: { reason: '本年度未举办培训' } }));
    expect(s).toMatchObject({
      rule: 'notApplicable',
      score: null,
      maxScore: null,
      countsInTotal: false,
      deviationRequired: true,
      deviationReason: '指标不适用',
      explanation: '不适用（理由：本年度未举办培训），不计分；其余指标折算为 90 分',
    });
  });

  test('scaled points: w × 90 ÷ Σ, to 2 decimals by largest remainder, adding up to exactly 90', () => {
    expect(scaledPoints([20, 20, 30], 90)).toEqual([25.72, 25.71, 38.57]);
    expect(scaledPoints([40, 20, 30, 10], 90)).toEqual([36, 18, 27, 9]);
    // 13.995 and 76.005: equal remainders, the first listed gets the cent
    expect(scaledPoints([15.55, 84.45], 90)).toEqual([14, 76]);
    expect(scaledPoints([0, 0], 90)).toEqual([0, 0]);
  });

  test('the others are rescaled so the indicators are still out of 90; full marks give exactly 90', () => {
    const indicators = [
      ind('≥', '100', 20, { id: 'a', name: '培训人数' }),
      ind('≥', '100', 20, { id: 'b', name: '培训场次', unit: '场' }),
      ind('≥', '90', 20, { id: 'c', level1: '2', level2: '22', name: '受益企业', unit: '家' }),
      ind('≥', '100', 30, { id: 'd', level1: '3', level2: '31', name: '满意度', unit: '%' }),
    ];
    const results: IndicatorResult[] = [
      { indicatorId: 'a', actual: '', notApplicable: { reason: '本年度未举办培训' } },
      { indicatorId: 'b', actual: '100' },
      { indicatorId: 'c', actual: '90' },
      { indicatorId: 'd', actual: '100' },
    ];
    const full = assessProject(project({ spent: money(wan('3.80')) }, indicators, results), SCHEME_A);
    expect(full.indicatorScores.map((s) => [s.maxScore, s.score])).toEqual([
      [null, null],
      [25.72, 25.72],
      [25.71, 25.71],
      [38.57, 38.57],
    ]);
    expect(full.indicatorScores[1].explanation).toBe('实际 100 场，目标 ≥100 场：达到目标，得满分 25.72（权重 20 折算为 25.72 分）');
    expect([full.applicableWeight, full.indicatorTotal, full.total, full.complete]).toEqual([70, 90, 100, true]);
    // the reason is the row's note: one requirement, at the reason
    expect(full.deviationsRequired).toEqual([{ indicatorId: 'a', path: 'selfAssessment.results[0].notApplicable.reason', reason: '指标不适用', note: '本年度未举办培训' }]);

    const part = assessProject(project({}, indicators, results.map((r) => (r.indicatorId === 'd' ? { ...r, actual: '92', deviationNote: '个别企业不满意' } : r))), SCHEME_A);
    // a score is the rule on the printed points: 92 ÷ 100 × 38.57 = 35.4844 → 35.48
    expect(part.indicatorScores[3]).toMatchObject({ score: 35.48, explanation: '实际 92%，目标 ≥100%：92 ÷ 100 × 38.57 = 35.48（权重 30 折算为 38.57 分）' });
    expect(part.indicatorTotal).toBe(86.91);
  });

  test('without a reason it is missing, at the reason', () => {
    const a = assessProject(project({}, [ind('≥', '100', 90, { id: 'a' })], [{ indicatorId: 'a', actual: '', notApplicable: { reason: ' ' } }]), SCHEME_A);
    expect(a.missing).toEqual([{ path: 'selfAssessment.results[0].notApplicable.reason', indicatorId: 'a', message: '“培训人数”标为不适用，须说明理由' }]);
    expect(a.indicatorScores[0].explanation).toBe('不适用，不计分；其余指标折算为 90 分；须说明不适用的理由');
  });
});

describe('预算执行率', () => {
  test('reproduces the longgang 2019 rates (3.79/3.80 → 99.74%)', () => {
    const cases: [string, string, string][] = [
      ['3.80', '3.79', '99.74%'],
      ['23.44', '21.49', '91.68%'],
      ['267.10', '266.89', '99.92%'],
      ['102.56', '102.55', '99.99%'],
      ['54.69', '54.53', '99.71%'],
      ['40.00', '39.95', '99.88%'],
    ];
    for (const [budget, spent, text] of cases) {
      expect(assessProject(project({ budgetAdjusted: money(wan(budget)), spent: money(wan(spent)) }), SCHEME_A).executionRateText).toBe(text);
    }
  });

  test('the rate is exact and not capped; its score is min(rate, 100%) × 10, explained', () => {
    const rate = executionRate(wan('3.80'), wan('3.79'));
    expect(rate.toString()).toBe(new Decimal(379).div(380).toString());
    expect(executionScore(rate, 10)).toBe(9.97);
    expect(executionExplanation(rate, 10)).toBe('预算执行率 99.74% × 10 = 9.97');
    const over = executionRate(100_00, 105_00);
    expect([over.toNumber(), executionScore(over, 10)]).toEqual([1.05, 10]);
    expect(executionExplanation(over, 10)).toBe('预算执行率 105.00%，按 100% 计：100% × 10 = 10.00');
    expect(executionRate(0, 500).toNumber()).toBe(0);
  });

  test('a note is asked for below 90% and not at 90%', () => {
    const low = assessProject(project({ budgetAdjusted: money(100_000_00), spent: money(89_999_99) }), SCHEME_A);
    expect(low.deviationsRequired).toEqual([{ indicatorId: null, path: 'selfAssessment.executionNote', reason: '预算执行率 90.00% 低于 90%', note: '' }]);
    expect(low.missing).toContainEqual({ path: 'selfAssessment.executionNote', indicatorId: null, message: '预算执行率低于 90%，须说明原因及改进措施' });
    expect(assessProject(project({ budgetAdjusted: money(100_000_00), spent: money(90_000_00) }), SCHEME_A).deviationsRequired).toEqual([]);
  });
});

describe('the 预算执行率 row (an indicator measuring budget execution)', () => {
  const base = yubei.projects[0] as Project;
  const sample = assessedSample(base);

  test('yubei 表17: "预算资金执行情况" is the execution row (10) beside indicators of 90, nothing scaled', () => {
    const a = assessProject(sample, SCHEME_A);
    const row = a.indicatorScores.find((s) => s.rule === 'execution')!;
    const execId = base.indicators.find((i) => i.name === '预算资金执行情况')!.id;
    expect(a.executionIndicatorIds).toEqual([execId]);
    expect(row).toMatchObject({ indicatorId: execId, score: 9.5, maxScore: 10, countsInTotal: false, deviationRequired: false });
    expect(row.explanation).toBe('按预算执行率计分，不另计：预算执行率 95.00% × 10 = 9.50');
    // weights as typed: 20 20 10 15 15 10 (达标率 81 of 90 → 18)
    expect(a.indicatorScores.filter((s) => s.countsInTotal).map((s) => [s.maxScore, s.score])).toEqual([
      [20, 20],
      [20, 18],
      [10, 10],
      [15, 15],
      [15, 15],
      [10, 10],
    ]);
    expect([a.applicableWeight, a.executionScore, a.indicatorTotal, a.total, a.grade]).toEqual([90, 9.5, 88, 97.5, '优']);
    // the row's own actual and note are not a second score and ask for nothing
    expect(a.missing).toEqual([]);
  });

  test('every yubei project weighs 90 in its indicators plus the execution row', () => {
    for (const p of yubei.projects as Project[]) {
      const a = assessProject(p, SCHEME_A);
      const points = a.indicatorScores.filter((s) => s.countsInTotal).reduce((s, x) => s.plus(x.maxScore ?? 0), new Decimal(0));
      expect([p.name, points.toNumber()]).toEqual([p.name, 90]);
      expect(a.indicatorScores.filter((s) => s.rule === 'execution').map((s) => s.maxScore)).toEqual(p.indicators.some((i) => i.name === '预算资金执行情况') ? [10] : []);
    }
  });

  test('the user decides: execution true makes any indicator the row, false keeps a named one a performance indicator', () => {
    const indicators = [ind('≥', '95', 90, { id: 'a', name: '资金使用进度', unit: '%', execution: true }), ind('=', '100', 90, { id: 'b', name: '预算执行率', unit: '%', execution: false })];
    const a = assessProject(project({}, indicators, [{ indicatorId: 'b', actual: '99.74%' }]), SCHEME_A);
    expect(a.indicatorScores.map((s) => [s.rule, s.score])).toEqual([
      ['execution', 9.97],
      ['equal', 89.77],
    ]);
  });

  test('the names are the rule set\'s data', () => {
    const set = derived({ executionIndicatorNames: ['资金使用进度'] });
    const indicators = [ind('≥', '95', 90, { id: 'a', name: '资金使用进度', unit: '%' }), ind('=', '100', 10, { id: 'b', name: '预算执行率', unit: '%' })];
    expect(assessProject(project({}, indicators), SCHEME_A, set).executionIndicatorIds).toEqual(['a']);
    expect(assessProject(project({}, indicators), SCHEME_A).executionIndicatorIds).toEqual(['b']);
  });
});

describe('parameter: caps on the total by execution rate', () => {
  const indicators = [ind('≥', '100', 90, { id: 'a' })];
  const at = (spentWan: string, set: RuleSet) =>
    assessProject(project({ budgetAdjusted: money(wan('100')), spent: money(wan(spentWan)), executionNote: '采购延期' }, indicators, [{ indicatorId: 'a', actual: '100' }]), SCHEME_A, set);

  test('the lowest cap whose bound the rate is below holds the total down, and says so', () => {
    const a = at('75', CAPPED);
    expect([a.executionScore, a.indicatorTotal, a.total, a.grade]).toEqual([7.5, 90, 89, '良']);
    expect(a.cap).toEqual({ below: 0.8, limit: 89, uncapped: 97.5, explanation: '预算执行率 75.00% 低于 80%，总分不超过 89：97.50 按 89 计' });
    expect([at('55', CAPPED).total, at('55', CAPPED).cap?.limit]).toEqual([69, 69]);
    expect([at('85', CAPPED).total, at('85', CAPPED).cap]).toEqual([98.5, null]);
  });

  test('CN-2020 has none', () => {
    expect([at('55', CN_2020).total, at('55', CN_2020).cap]).toEqual([95.5, null]);
  });

  test('a total already under the cap is left alone', () => {
    const low = assessProject(
      project({ budgetAdjusted: money(wan('100')), spent: money(wan('75')), executionNote: '采购延期' }, indicators, [{ indicatorId: 'a', actual: '50', deviationNote: '需求减少' }]),
      SCHEME_A,
      CAPPED,
    );
    expect([low.total, low.cap]).toEqual([52.5, null]);
  });
});

describe('grades: 优 ≥ 90, 良 [80, 90), 中 [60, 80), 差 < 60', () => {
  test.each([
    [100, '优'],
    [90, '优'],
    [89.99, '良'],
    [80, '良'],
    [79.99, '中'],
    [60, '中'],
    [59.99, '差'],
    [0, '差'],
  ])('%d → %s', (total, grade) => expect(gradeOf(total)).toBe(grade));
});

function project(sa: Partial<SelfAssessment> = {}, indicators: Indicator[] = [], results: IndicatorResult[] = []): Project {
  return {
    id: 'p1',
    unitId: 'u1',
    year: 2019,
    name: '商协会建设经费',
    governmentInvestment: false,
    key: false,
    funding: money(wan('3.80')),
    townSubsidy: 0,
    overview: '',
    basis: '',
    annualGoal: '保障商会活动的开展',
    periodGoal: '',
    indicators,
    selfAssessment: {
      budgetInitial: money(wan('3.80')),
      budgetAdjusted: money(wan('3.80')),
      spent: money(wan('3.79')),
      overallResult: '完成年度目标',
      results,
      problems: '无',
      rectification: '无',
      status: 'inProgress',
      ...sa,
    },
    updatedAt: '2020-01-01T00:00:00Z',
  };
}

describe('assessProject', () => {
  const indicators: Indicator[] = [
    ind('≥', '100', 30, { id: 'a', name: '培训人数' }),
    ind('≥', '95', 20, { id: 'b', level2: '12', name: '培训合格率', unit: '%' }),
    ind('定性', '持续改善', 30, { id: 'c', level1: '2', level2: '22', name: '营商环境', unit: '' }),
    ind('≥', '90', 10, { id: 'd', level1: '3', level2: '31', name: '会员满意度', unit: '%' }),
  ];
  const results: IndicatorResult[] = [
    { indicatorId: 'a', actual: '140' },
    { indicatorId: 'b', actual: '92%', deviationNote: '部分学员未参加补考' },
    { indicatorId: 'c', actual: '营商环境评价提升', outcome: 'achieved', scoreOverride: { score: 27, reason: '' } },
    { indicatorId: 'd', actual: '96%' },
  ];

  test('adds the execution score and the rounded indicator scores, grades the total, and names its rules', () => {
    const a = assessProject(project({}, indicators, results), SCHEME_A);
    expect(a.indicatorScores.map((s) => s.score)).toEqual([30, 19.37, 27, 10]);
    expect([a.executionRateText, a.executionScore, a.indicatorTotal, a.total, a.grade]).toEqual(['99.74%', 9.97, 86.37, 96.34, '优']);
    expect(a.executionExplanation).toBe('预算执行率 99.74% × 10 = 9.97');
    expect(a.level1Totals).toEqual([
      { code: '1', maxScore: 50, score: 49.37 },
      { code: '2', maxScore: 30, score: 27 },
      { code: '3', maxScore: 10, score: 10 },
    ]);
    expect([a.ruleSet.id, a.indicatorPoints, a.keptFromCompletion]).toEqual(['CN-2020', 90, false]);
    expect(a.note.startsWith('评分规则：CN-2020（财预〔2020〕10号）。')).toBe(true);
    // 140 ≥ 130% of 100 asks for a note that is not there; 92 < 95 has one
    expect(a.deviationsRequired.map((d) => [d.indicatorId, d.note])).toEqual([
      ['a', ''],
      ['b', '部分学员未参加补考'],
    ]);
    expect(a.missing).toEqual([{ path: 'selfAssessment.results[0].deviationNote', indicatorId: 'a', message: '“培训人数”须填写偏差原因分析及改进措施' }]);
    expect(a.complete).toBe(false);
  });

  test('scales weights that add up to 100 (and no execution row) into the 90 points', () => {
    const hundred = indicators.map((i) => (i.id === 'a' ? { ...i, weight: 40 } : i));
    const full: IndicatorResult[] = [
      { indicatorId: 'a', actual: '100' },
      { indicatorId: 'b', actual: '95' },
      { indicatorId: 'c', actual: '营商环境评价提升', outcome: 'achieved' },
      { indicatorId: 'd', actual: '90' },
    ];
    const a = assessProject(project({ spent: money(wan('3.80')) }, hundred, full), SCHEME_A);
    expect(a.indicatorScores.map((s) => s.maxScore)).toEqual([36, 18, 27, 9]);
    expect([a.indicatorTotal, a.total, a.complete]).toEqual([90, 100, true]);
  });

  test('a 定性 result needs the text of what was achieved', () => {
    const blank = results.map((r) => (r.indicatorId === 'c' ? { ...r, actual: ' ' } : r));
    const a = assessProject(project({}, indicators, blank), SCHEME_A);
    expect(a.missing).toContainEqual({ path: 'selfAssessment.results[2].actual', indicatorId: 'c', message: '“营商环境”须用文字写明实际完成情况' });
    expect(a.indicatorScores[2].score).toBe(27);
  });

  test('lists what is not filled yet', () => {
    const a = assessProject(project({ budgetAdjusted: EMPTY_FUNDING, overallResult: '' }, indicators, [{ indicatorId: 'a', actual: '100' }]), SCHEME_A);
    expect(a.missing.map((m) => m.message)).toEqual([
      '“培训合格率”尚未填写实际完成值',
      '“营商环境”尚未选择完成情况',
      '“营商环境”须用文字写明实际完成情况',
      '“会员满意度”尚未填写实际完成值',
      '全年预算数未填写',
      '绩效目标实际完成情况未填写',
    ]);
    expect(a).toMatchObject({ executionRate: null, executionRateText: '', executionScore: null, executionExplanation: '', indicatorTotal: 30, total: 30, grade: '差' });
    expect(assessProject({ ...project({}, indicators), selfAssessment: undefined }, SCHEME_A).missing).toEqual([
      { path: 'selfAssessment', indicatorId: null, message: '尚未开始绩效自评' },
    ]);
  });

  test('has no total for forms without weights, but still a rate and notes', () => {
    const a = assessProject(project({}, indicators.map((i) => ({ ...i, weight: null })), results), SCHEME_A);
    expect(a).toMatchObject({ indicatorTotal: null, total: null, grade: null, executionRateText: '99.74%' });
    expect(a.deviationsRequired.map((d) => d.indicatorId)).toEqual(['a', 'b']);
  });

  test('reports an out-of-band 定性 score as an error with its path and leaves it out of the total', () => {
    const bad = results.map((r) => (r.indicatorId === 'c' ? { ...r, scoreOverride: { score: 30.5, reason: '' } } : r));
    const a = assessProject(project({}, indicators, bad), SCHEME_A);
    expect(a.errors).toEqual([
      { indicatorId: 'c', path: 'selfAssessment.results[2].scoreOverride', code: 'overrideOutOfBand', message: '得分 30.50 不在“达成年度指标”的得分区间 [24, 30] 内' },
    ]);
    expect([a.indicatorScores[2].score, a.indicatorTotal, a.complete]).toEqual([null, 59.37, false]);
  });

  test('the rule set decides: a reverse indicator scores by ratio in CN-2020 and linearly in a derived set', () => {
    const cost = [ind('≤', '3000', 90, { id: 'a', name: '会议成本', unit: '元/台' })];
    const r = [{ indicatorId: 'a', actual: '3600', deviationNote: '物价上涨' }];
    expect(assessProject(project({}, cost, r), SCHEME_A).indicatorTotal).toBe(75);
    const linear = assessProject(project({}, cost, r), SCHEME_A, LINEAR);
    expect([linear.indicatorTotal, linear.ruleSet.name]).toEqual([72, '线性反向']);
    expect(linear.note).toContain('不同之处：反向指标按 (1 − (实际值 − 目标值) ÷ 目标值) × 分值计分');
  });

  test('a 已完成 self-assessment keeps the rule set (and so the scores) it was completed by until reopened', () => {
    const cost = [ind('≤', '3000', 90, { id: 'a', name: '会议成本', unit: '元/台' })];
    const open = project({}, cost, [{ indicatorId: 'a', actual: '3600', deviationNote: '物价上涨' }]);
    const atCompletion = assessProject(open, SCHEME_A, LINEAR);
    const done: Project = { ...open, selfAssessment: { ...open.selfAssessment!, status: 'done', completedScoring: completedScoringOf(atCompletion) } };
    expect(done.selfAssessment!.completedScoring).toMatchObject({ executionScore: 9.97, total: 81.97, grade: '良', scores: [{ indicatorId: 'a', score: 72 }] });
    const later = assessProject(done, SCHEME_A, CN_2020);
    expect([later.total, later.ruleSet.id, later.keptFromCompletion]).toEqual([81.97, LINEAR.id, true]);
    const reopened: Project = { ...done, selfAssessment: { ...done.selfAssessment!, status: 'inProgress' } };
    expect(assessProject(reopened, SCHEME_A, CN_2020).total).toBe(84.97);
  });
});

describe('assessDepartmentPlan', () => {
  test('the tasks give the rate; indicators score by the same rules', () => {
    const plan: DepartmentPlan = {
      id: 'plan',
      unitId: 'u1',
      year: 2023,
      tasks: [
        { id: 't1', name: '机关运行', content: '', funding: money(wan('80')), spent: money(wan('76')) },
        { id: 't2', name: '会员服务', content: '', funding: money(wan('20')), spent: money(wan('20')) },
      ],
      expenditureBudget: null,
      overallGoal: '',
      indicators: [ind('≤', '3', 90, { id: 'a', name: '办结时间', unit: '天' })],
      results: [{ indicatorId: 'a', actual: '6', deviationNote: '人手不足' }],
      updatedAt: '2024-01-01T00:00:00Z',
    };
    const a = assessDepartmentPlan(plan, SCHEME_A);
    expect([a.executionRateText, a.executionScore, a.indicatorTotal, a.total, a.grade]).toEqual(['96.00%', 9.6, 45, 54.6, '差']);
    expect(a.indicatorScores[0].explanation).toBe('实际 6 天，目标 ≤3 天：3 ÷ 6 × 90 = 45.00');
  });
});
