import Decimal from 'decimal.js';
import type { Direction, Funding, Indicator, IndicatorResult, Project, SelfAssessment } from '../../shared/model';
import { EMPTY_FUNDING } from '../../shared/model';
import { SCHEME_A } from '../../shared/schemes';
import { assessProject, executionRate, executionScore, gradeOf, scoreIndicator } from '../../shared/scoring';

function ind(direction: Direction, target: string, weight: number | null, extra: Partial<Indicator> = {}): Indicator {
  return { id: 'i1', level1: '1', level2: '11', name: '培训人数', direction, target, unit: '人', weight, core: true, ...extra };
}
function res(actual: string, extra: Partial<IndicatorResult> = {}): IndicatorResult {
  return { indicatorId: 'i1', actual, ...extra };
}
const wan = (yuanWan: string): number => new Decimal(yuanWan).mul(1_000_000).toNumber();
const money = (generalPublic: number, other = 0): Funding => ({ ...EMPTY_FUNDING, generalPublic, other });

describe('正向 (≥, >)', () => {
  it('A ≥ T gives the full weight', () => {
    const s = scoreIndicator(ind('≥', '100', 20), res('140'));
    expect(s).toMatchObject({ rule: 'forward', score: 20, maxScore: 20, error: null, overridden: false });
    expect(s.explanation).toBe('实际 140 / 目标 100，得满分 20');
  });
  it('A = T exactly gives the full weight, also for >', () => {
    expect(scoreIndicator(ind('>', '95', 10), res('95')).score).toBe(10);
  });
  it('A < T is proportional and rounded half up only at the end: 92/95 × 15 = 14.53', () => {
    const s = scoreIndicator(ind('≥', '95', 15, { unit: '%' }), res('92%'));
    expect(s.score).toBe(14.53);
    expect(s.computedScore).toBe(14.53);
    expect(s.explanation).toBe('实际 92 / 目标 95 × 15 = 14.53');
  });
  it('rounds half up at the second decimal: 1/8 × 0.1 = 0.0125 → 0.01, 3/8 × 0.1 = 0.0375 → 0.04', () => {
    expect(scoreIndicator(ind('≥', '8', 0.1), res('1')).score).toBe(0.01);
    expect(scoreIndicator(ind('≥', '8', 0.1), res('3')).score).toBe(0.04);
    // 0.005 exactly rounds up (a float-based round would give 0.00 for 1.005-style values)
    expect(scoreIndicator(ind('≥', '200', 1.005), res('200')).score).toBe(1.01);
  });
  it('reads the number out of value text like "26个"', () => {
    expect(scoreIndicator(ind('≥', '30', 10, { unit: '个' }), res('26个')).explanation).toBe('实际 26 / 目标 30 × 10 = 8.67');
  });
  it('a negative actual counts as 0 and says so', () => {
    const s = scoreIndicator(ind('≥', '10', 10), res('-5'));
    expect(s.score).toBe(0);
    expect(s.explanation).toBe('实际值 -5 为负数，按 0 计；实际 0 / 目标 10 × 10 = 0');
    expect(s.deviationRequired).toBe(true);
  });
});

describe('等于 (=)', () => {
  it('T = 0: A ≤ 0 gives w (including a negative A), A > 0 gives 0', () => {
    expect(scoreIndicator(ind('=', '0', 10, { unit: '起' }), res('0'))).toMatchObject({ rule: 'equal', score: 10, explanation: '目标为 0，实际 0，得满分 10' });
    expect(scoreIndicator(ind('=', '0', 10, { unit: '起' }), res('-2')).score).toBe(10);
    const missed = scoreIndicator(ind('=', '0', 10, { unit: '起' }), res('1'));
    expect(missed).toMatchObject({ score: 0, explanation: '目标为 0，实际 1 大于 0，得 0 分', deviationRequired: true });
  });
  it('T > 0 is scored as 正向', () => {
    expect(scoreIndicator(ind('=', '100', 10, { unit: '%' }), res('100%'))).toMatchObject({ rule: 'equal', score: 10, deviationRequired: false });
    expect(scoreIndicator(ind('=', '100', 10, { unit: '%' }), res('99.74%')).score).toBe(9.97);
  });
});

describe('ranges ("5-6家", "大于7-8次")', () => {
  const range = (direction: Direction, target: string, targetMax: string, weight: number | null = 10) => ind(direction, target, weight, { targetMax, unit: '家' });
  it('an = range gives the full weight anywhere inside [T, max], with no deviation note', () => {
    for (const actual of ['5', '5.5', '6']) {
      expect(scoreIndicator(range('=', '5', '6'), res(actual))).toMatchObject({ score: 10, deviationRequired: false });
    }
    expect(scoreIndicator(range('=', '5', '6'), res('5.5')).explanation).toBe('实际 5.5 在目标范围 5-6 之内，得满分 10');
    // also when the lower end is 0, where a single = 0 would give 0 for any A > 0
    expect(scoreIndicator(range('=', '0', '2'), res('1'))).toMatchObject({ score: 10, deviationRequired: false });
    // unweighted: no score, and no note inside the range
    expect(scoreIndicator(range('=', '5', '6', null), res('6')).deviationRequired).toBe(false);
  });
  it('outside an = range: below it proportional to T, above it full but noted', () => {
    expect(scoreIndicator(range('=', '5', '6'), res('4'))).toMatchObject({ score: 8, deviationRequired: true, deviationReason: '实际完成值与目标值不一致' });
    expect(scoreIndicator(range('=', '5', '6'), res('7'))).toMatchObject({ score: 10, deviationRequired: true, deviationReason: '实际完成值与目标值不一致' });
    expect(scoreIndicator(range('=', '0', '2'), res('3')).score).toBe(0);
  });
  it('≥ and > ranges are scored against the lower end T', () => {
    expect(scoreIndicator(range('>', '7', '8', 10), res('6'))).toMatchObject({ score: 8.57, explanation: '实际 6 / 目标 7 × 10 = 8.57' });
    expect(scoreIndicator(range('>', '7', '8', 10), res('7.5')).explanation).toBe('实际 7.5 / 目标 7，得满分 10');
  });
});

describe('反向 (≤, <)', () => {
  const cost = (actual: string) => scoreIndicator(ind('≤', '3000', 10, { unit: '元/台', name: '会议成本' }), res(actual));
  it('A ≤ T gives w', () => {
    expect(cost('2800')).toMatchObject({ rule: 'reverse', score: 10, explanation: '实际 2800 未超过目标 3000，得满分 10', deviationRequired: false });
    expect(cost('3000').score).toBe(10);
  });
  it('T < A < 2T gives (1 − (A−T)/T) × w', () => {
    const s = cost('3600');
    expect(s.score).toBe(8);
    expect(s.explanation).toBe('（1 − (实际 3600 − 目标 3000) / 目标 3000）× 10 = 8');
    expect(cost('3001').score).toBe(10); // 9.9967 rounds to 10.00
    expect(cost('5999').score).toBe(0); // 0.0033 → 0.00
    expect(scoreIndicator(ind('<', '3', 15, { unit: '天' }), res('4')).score).toBe(10);
  });
  it('A ≥ 2T gives 0', () => {
    expect(cost('6000')).toMatchObject({ score: 0, explanation: '实际 6000 达到目标 3000 的 2 倍及以上，得 0 分' });
    expect(cost('9000').score).toBe(0);
  });
  it('T = 0: A = 0 gives w, A > 0 gives 0 without dividing by zero', () => {
    expect(scoreIndicator(ind('≤', '0', 5, { unit: '起' }), res('0')).score).toBe(5);
    expect(scoreIndicator(ind('≤', '0', 5, { unit: '起' }), res('2')).score).toBe(0);
  });
  it('a negative actual counts as 0, so it is within the limit', () => {
    expect(cost('-100').score).toBe(10);
  });
});

describe('定性', () => {
  const q = (extra: Partial<IndicatorResult>, w: number | null = 20) =>
    scoreIndicator(ind('定性', '经商投资环境持续改善', w, { level1: '2', level2: '22', unit: '' }), res('有所改善', extra));
  it('proposes w, 70%w and 30%w in the three bands', () => {
    const a = q({ outcome: 'achieved' });
    expect(a).toMatchObject({ rule: 'qualitative', score: 20, proposedScore: 20, band: [16, 20], bandMaxInclusive: true, deviationRequired: false });
    expect(a.explanation).toBe('达成年度指标，建议得分 20（可在 [16, 20] 内调整）');
    const p = q({ outcome: 'partial' });
    expect(p).toMatchObject({ score: 14, band: [12, 16], bandMaxInclusive: false, deviationRequired: true });
    expect(p.deviationReason).toBe('完成情况为“部分达成年度指标并具有一定效果”');
    const n = q({ outcome: 'notAchieved' });
    expect(n).toMatchObject({ score: 6, band: [0, 12], bandMaxInclusive: false, deviationRequired: true });
    expect(n.explanation).toBe('未达成年度指标且效果较差，建议得分 6（可在 [0, 12) 内调整）');
  });
  it('accepts a score chosen inside the band, at both ends', () => {
    expect(q({ outcome: 'achieved', scoreOverride: { score: 16, reason: '' } })).toMatchObject({ score: 16, overridden: true, error: null });
    expect(q({ outcome: 'partial', scoreOverride: { score: 12, reason: '' } }).score).toBe(12);
    expect(q({ outcome: 'partial', scoreOverride: { score: 15.99, reason: '' } })).toMatchObject({
      score: 15.99,
      explanation: '部分达成年度指标并具有一定效果，得分 15.99（可在 [12, 16) 内调整）',
    });
    expect(q({ outcome: 'notAchieved', scoreOverride: { score: 0, reason: '' } }).score).toBe(0);
  });
  it('refuses a score outside the band with an error, never clamping it', () => {
    const over = q({ outcome: 'partial', scoreOverride: { score: 16, reason: '效果较好' } });
    expect(over.score).toBeNull();
    expect(over.error).toEqual({ code: 'overrideOutOfBand', message: '得分 16 不在“部分达成年度指标并具有一定效果”的得分区间 [12, 16) 内' });
    expect(q({ outcome: 'achieved', scoreOverride: { score: 15.99, reason: 'x' } }).error?.code).toBe('overrideOutOfBand');
    expect(q({ outcome: 'achieved', scoreOverride: { score: 20.01, reason: 'x' } }).error?.code).toBe('overrideOutOfBand');
    expect(q({ outcome: 'notAchieved', scoreOverride: { score: -1, reason: 'x' } }).error?.code).toBe('overrideOutOfBand');
  });
  it('without an outcome there is nothing to score yet', () => {
    expect(q({})).toMatchObject({ rule: 'noActual', score: null, maxScore: 20, explanation: '尚未选择完成情况', deviationRequired: false });
  });
  it('without a weight there is no score, but the outcome still asks for a note', () => {
    expect(q({ outcome: 'partial' }, null)).toMatchObject({ rule: 'noWeight', score: null, maxScore: null, deviationRequired: true });
  });
});

describe('overrides of 定量 scores', () => {
  const i = ind('≥', '95', 15, { unit: '%' });
  it('are taken with a reason, keeping the computed score', () => {
    const s = scoreIndicator(i, res('92%', { scoreOverride: { score: 15, reason: '口径调整后实际为 96%' } }));
    expect(s).toMatchObject({ score: 15, computedScore: 14.53, overridden: true, error: null });
    expect(s.explanation).toBe('实际 92 / 目标 95 × 15 = 14.53；调整为 15（理由：口径调整后实际为 96%）');
  });
  it('need a reason', () => {
    expect(scoreIndicator(i, res('92%', { scoreOverride: { score: 15, reason: '  ' } })).error).toEqual({
      code: 'overrideReasonRequired',
      message: '调整得分须说明理由',
    });
  });
  it('must stay within [0, w]', () => {
    const s = scoreIndicator(i, res('92%', { scoreOverride: { score: 16, reason: '加分' } }));
    expect(s).toMatchObject({ score: null, error: { code: 'overrideOutOfRange', message: '调整得分 16 超出 0 至 15 的范围' } });
  });
  it('can score an actual written as text', () => {
    expect(scoreIndicator(i, res('已完成')).error?.code).toBe('actualNotNumeric');
    expect(scoreIndicator(i, res('已完成', { scoreOverride: { score: 12, reason: '按抽样结果' } }))).toMatchObject({
      score: 12,
      computedScore: null,
      explanation: '按调整得分 12 计（理由：按抽样结果）',
    });
  });
});

describe('no weight, no actual', () => {
  it('indicators without a weight are not scored (longgang 2019 style)', () => {
    expect(scoreIndicator(ind('≥', '100', null), res('140'))).toMatchObject({ rule: 'noWeight', score: null, explanation: '本表未设指标权重，不计分' });
  });
  it('an empty actual is not yet scored', () => {
    expect(scoreIndicator(ind('≥', '100', 10), res(' '))).toMatchObject({ rule: 'noActual', score: null, explanation: '尚未填写实际完成值' });
    expect(scoreIndicator(ind('≥', '100', 10), undefined).rule).toBe('noActual');
  });
  it('a target that is no number is an error, not a zero', () => {
    expect(scoreIndicator(ind('≥', '若干', 10), res('5')).error?.code).toBe('targetNotNumeric');
  });
});

describe('deviation notes', () => {
  it('are required when A misses T', () => {
    expect(scoreIndicator(ind('≥', '95', 15), res('92'))).toMatchObject({ deviationRequired: true, deviationReason: '实际完成值未达到目标值' });
    expect(scoreIndicator(ind('≤', '3000', 10), res('3001'))).toMatchObject({ deviationRequired: true, deviationReason: '实际完成值超过目标值' });
  });
  it('are required at 130% over-achievement of a 正向 target and not just below it', () => {
    expect(scoreIndicator(ind('≥', '100', 20), res('130'))).toMatchObject({
      deviationRequired: true,
      deviationReason: '实际完成值达到目标值的 130% 及以上，目标可能定得偏低',
    });
    expect(scoreIndicator(ind('≥', '100', 20), res('129.99')).deviationRequired).toBe(false);
  });
  it('are not required when the target is met', () => {
    expect(scoreIndicator(ind('≥', '100', 20), res('100'))).toMatchObject({ deviationRequired: false, deviationReason: null });
    expect(scoreIndicator(ind('≤', '3000', 10), res('1000')).deviationRequired).toBe(false);
    expect(scoreIndicator(ind('定性', '持续改善', 10, { unit: '' }), res('', { outcome: 'achieved' })).deviationRequired).toBe(false);
  });
  it('are required for unweighted indicators too', () => {
    expect(scoreIndicator(ind('≥', '95', null), res('92')).deviationRequired).toBe(true);
  });
});

describe('预算执行率', () => {
  it('reproduces the longgang 2019 rates', () => {
    const cases: [string, string, string][] = [
      ['3.80', '3.79', '99.74%'],
      ['23.44', '21.49', '91.68%'],
      ['267.10', '266.89', '99.92%'],
      ['102.56', '102.55', '99.99%'],
      ['54.69', '54.53', '99.71%'],
      ['40.00', '39.95', '99.88%'],
    ];
    for (const [budget, spent, text] of cases) {
      const p = project({ budgetAdjusted: money(wan(budget)), spent: money(wan(spent)) });
      expect(assessProject(p, SCHEME_A).executionRateText).toBe(text);
    }
  });
  it('is exact and not capped, while its score is capped at 100%', () => {
    const rate = executionRate(wan('3.80'), wan('3.79'));
    expect(rate.toString()).toBe(new Decimal(379).div(380).toString());
    expect(executionScore(rate, 10)).toBe(9.97);
    const over = executionRate(100_00, 105_00);
    expect(over.toNumber()).toBe(1.05);
    expect(executionScore(over, 10)).toBe(10);
  });
  it('is 0 without a budget', () => {
    expect(executionRate(0, 500).toNumber()).toBe(0);
  });
});

describe('grades', () => {
  it.each([
    [100, '优'],
    [90, '优'],
    [89.99, '良'],
    [80, '良'],
    [79.99, '中'],
    [60, '中'],
    [59.99, '差'],
    [0, '差'],
  ])('%d → %s', (total, grade) => {
    expect(gradeOf(total)).toBe(grade);
  });
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
    { indicatorId: 'c', actual: '有所改善', outcome: 'achieved', scoreOverride: { score: 27, reason: '' } },
    { indicatorId: 'd', actual: '96%' },
  ];

  it('adds the execution score and the stored indicator scores, and grades the total', () => {
    const a = assessProject(project({}, indicators, results), SCHEME_A);
    expect(a.indicatorScores.map((s) => s.score)).toEqual([30, 19.37, 27, 10]);
    expect(a.executionRateText).toBe('99.74%');
    expect(a.executionScore).toBe(9.97);
    expect(a.indicatorTotal).toBe(86.37);
    expect(a.total).toBe(96.34);
    expect(a.grade).toBe('优');
    // 140 ≥ 130% of 100 asks for a note that is not there; 92 < 95 has one
    expect(a.deviationsRequired).toEqual([
      { indicatorId: 'a', path: 'selfAssessment.results[0].deviationNote', reason: '实际完成值达到目标值的 130% 及以上，目标可能定得偏低', note: '' },
      { indicatorId: 'b', path: 'selfAssessment.results[1].deviationNote', reason: '实际完成值未达到目标值', note: '部分学员未参加补考' },
    ]);
    expect(a.missing).toEqual([{ path: 'selfAssessment.results[0].deviationNote', indicatorId: 'a', message: '“培训人数”须填写偏差原因分析及改进措施' }]);
    expect(a.complete).toBe(false);
  });

  it('scales weights that add up to 100 into the 90 points beside the execution rate', () => {
    const hundred = indicators.map((i) => (i.id === 'a' ? { ...i, weight: 40 } : i));
    const full: IndicatorResult[] = [
      { indicatorId: 'a', actual: '100' },
      { indicatorId: 'b', actual: '95' },
      { indicatorId: 'c', actual: '', outcome: 'achieved' },
      { indicatorId: 'd', actual: '90' },
    ];
    const a = assessProject(project({ spent: money(wan('3.80')) }, hundred, full), SCHEME_A);
    expect(a.indicatorScores.map((s) => s.maxScore)).toEqual([36, 18, 27, 9]);
    expect(a.indicatorTotal).toBe(90);
    expect(a.total).toBe(100);
    expect(a.complete).toBe(true);
  });

  it('asks for a note below 90% execution and not at 90%', () => {
    const low = assessProject(project({ budgetAdjusted: money(100_000_00), spent: money(89_999_99) }), SCHEME_A);
    expect(low.executionRateText).toBe('90.00%');
    expect(low.deviationsRequired).toEqual([
      { indicatorId: null, path: 'selfAssessment.executionNote', reason: '预算执行率 90.00% 低于 90%', note: '' },
    ]);
    expect(low.missing.map((m) => m.path)).toContain('selfAssessment.executionNote');
    const at90 = assessProject(project({ budgetAdjusted: money(100_000_00), spent: money(90_000_00) }), SCHEME_A);
    expect(at90.deviationsRequired).toEqual([]);
    const noted = assessProject(project({ budgetAdjusted: money(100), spent: money(50), executionNote: '年底采购延期' }), SCHEME_A);
    expect(noted.deviationsRequired[0].note).toBe('年底采购延期');
    expect(noted.missing.map((m) => m.path)).not.toContain('selfAssessment.executionNote');
  });

  it('uses all funding sources for the rate', () => {
    const a = assessProject(project({ budgetAdjusted: money(wan('20'), wan('3.44')), spent: money(wan('20'), wan('1.49')) }), SCHEME_A);
    expect(a.executionRateText).toBe('91.68%');
  });

  it('has no total for forms without weights, but still a rate and notes', () => {
    const unweighted = indicators.map((i) => ({ ...i, weight: null }));
    const a = assessProject(project({}, unweighted, results), SCHEME_A);
    expect(a).toMatchObject({ indicatorTotal: null, total: null, grade: null, executionRateText: '99.74%' });
    expect(a.indicatorScores.every((s) => s.rule === 'noWeight')).toBe(true);
    expect(a.deviationsRequired.map((d) => d.indicatorId)).toEqual(['a', 'b']);
  });

  it('lists what is not filled yet', () => {
    const a = assessProject(project({ budgetAdjusted: EMPTY_FUNDING, overallResult: '' }, indicators, [{ indicatorId: 'a', actual: '100' }]), SCHEME_A);
    expect(a.missing).toEqual([
      { path: 'selfAssessment.results', indicatorId: 'b', message: '“培训合格率”尚未填写实际完成值' },
      { path: 'selfAssessment.results', indicatorId: 'c', message: '“营商环境”尚未选择完成情况' },
      { path: 'selfAssessment.results', indicatorId: 'd', message: '“会员满意度”尚未填写实际完成值' },
      { path: 'selfAssessment.budgetAdjusted', indicatorId: null, message: '全年预算数未填写' },
      { path: 'selfAssessment.overallResult', indicatorId: null, message: '绩效目标实际完成情况未填写' },
    ]);
    expect(a).toMatchObject({ executionRate: null, executionRateText: '', executionScore: null, indicatorTotal: 30, total: 30, grade: '差' });
    const none = assessProject({ ...project({}, indicators), selfAssessment: undefined }, SCHEME_A);
    expect(none.missing).toEqual([{ path: 'selfAssessment', indicatorId: null, message: '尚未开始绩效自评' }]);
  });

  it('reports an out-of-band 定性 score as an error with its path and leaves it out of the total', () => {
    const bad = results.map((r) => (r.indicatorId === 'c' ? { ...r, scoreOverride: { score: 30.5, reason: '' } } : r));
    const a = assessProject(project({}, indicators, bad), SCHEME_A);
    expect(a.errors).toEqual([
      { indicatorId: 'c', path: 'selfAssessment.results[2].scoreOverride', code: 'overrideOutOfBand', message: '得分 30.5 不在“达成年度指标”的得分区间 [24, 30] 内' },
    ]);
    expect(a.indicatorScores[2].score).toBeNull();
    expect(a.indicatorTotal).toBe(59.37);
    expect(a.complete).toBe(false);
  });
});

describe('an actual written in another unit than the target', () => {
  // longgang 2019 其他一般管理事务: 文书档案整理时间 ≤90 天, reported as "100.00%" (fully done), not as a duration
  const days = ind('≤', '90', 10, { unit: '天', name: '文书档案整理时间' });

  test('is not scored as if it were 100 days, and asks for a value in the target unit', () => {
    const s = scoreIndicator(days, res('100.00%'));
    expect(s.score).toBeNull();
    expect(s.error?.code).toBe('actualUnitMismatch');
    expect(s.error?.message).toBe('实际完成值“100.00%”的单位与计量单位“天”不同，无法与目标比较计分，请按“天”填写或调整得分并说明理由');
    expect(s.deviationRequired).toBe(false);
  });

  test('without weights it demands no deviation note either', () => {
    expect(scoreIndicator({ ...days, weight: null }, res('100.00%')).deviationRequired).toBe(false);
  });

  test('the same unit, or a bare number, is scored by the rule', () => {
    // reverse: T < A < 2T → (1 − (95 − 90)/90) × 10 = 9.444… → 9.44
    expect(scoreIndicator(days, res('95天')).score).toBe(9.44);
    expect(scoreIndicator(days, res('95')).score).toBe(9.44);
    // a target without a 计量单位 takes the actual's number as it is
    expect(scoreIndicator(ind('≥', '90', 10, { unit: '' }), res('98%')).score).toBe(10);
  });

  test('an override with a reason still gives the filler a score', () => {
    const s = scoreIndicator(days, res('100.00%', { scoreOverride: { score: 10, reason: '按时完成全部整理' } }));
    expect(s.score).toBe(10);
  });
});
