// 绩效运行监控 (domain.md §8): the warning lights at and around every limit, their one-line explanations, the check
// that keeps a round with an unanswered 红灯 from being 已完成, and the monitoring parameters of the rule set.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExchangeDocument, parseExchange, validateExchange, type ExchangeDocument } from '../../shared/exchange/exchange';
import type { Indicator, MonitoringEntry, MonitoringRound, Project, RuleSet } from '../../shared/model';
import {
  blocksDone,
  checkRound,
  executionMonitoring,
  indicatorMonitoring,
  latestRound,
  lightCountText,
  markRoundDone,
  monitoredIndicators,
  monitoringRuleNote,
  monitorProject,
  monitorRound,
  reopenRound,
  roundFor,
  startRound,
  withRound,
  worstLight,
  type Light,
} from '../../shared/monitoring';
import { checkParameters, CN_2020, deriveRuleSet, monitoringParametersOf, withUnitRuleSet } from '../../shared/rule-sets';

const WAN = 1_000_000;

function derived(changes: Parameters<typeof deriveRuleSet>[2]): RuleSet {
  const r = deriveRuleSet(CN_2020, '监控试点', changes);
  if (!r.ok) throw new Error(r.problems.join());
  return r.ruleSet;
}

function fixture(): ExchangeDocument {
  const r = parseExchange(readFileSync(join(__dirname, '..', 'fixtures', 'monitoring-2025.json')));
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.document;
}

describe('the execution light: 序时进度 M/12 against 执行进度, the gap in percentage points', () => {
  // budget 1,200 fen at M = 7: 序时进度 700/1200, so the gap is (700 − spent) / 12 points exactly
  test.each<[string, number, number, number, Light | null, string]>([
    ['on schedule', 1200, 700, 7, 'green', '序时进度 58.33%，执行进度 58.33%，相差 0.00 个百分点，不超过 10：绿灯'],
    ['gap exactly 10', 1200, 580, 7, 'green', '序时进度 58.33%，执行进度 48.33%，相差 10.00 个百分点，不超过 10：绿灯'],
    ['gap 10 1/12', 1200, 579, 7, 'yellow', '序时进度 58.33%，执行进度 48.25%，相差 10.08 个百分点，超过 10、不超过 25：黄灯'],
    ['gap exactly 25', 1200, 400, 7, 'yellow', '序时进度 58.33%，执行进度 33.33%，相差 25.00 个百分点，超过 10、不超过 25：黄灯'],
    ['gap 25 1/12', 1200, 399, 7, 'red', '序时进度 58.33%，执行进度 33.25%，相差 25.08 个百分点，超过 25：红灯'],
    ['the issue’s example', 100 * WAN, 30 * WAN, 7, 'red', '序时进度 58.33%，执行进度 30.00%，相差 28.33 个百分点，超过 25：红灯'],
    ['nothing spent', 100 * WAN, 0, 7, 'red', '序时进度 58.33%，执行进度 0.00%，相差 58.33 个百分点，超过 25：红灯'],
    ['ahead of schedule', 100 * WAN, 70 * WAN, 7, 'green', '序时进度 58.33%，执行进度 70.00%，快于序时进度 11.67 个百分点：绿灯'],
    ['1–10月, 13.33 behind', 100 * WAN, 70 * WAN, 10, 'yellow', '序时进度 83.33%，执行进度 70.00%，相差 13.33 个百分点，超过 10、不超过 25：黄灯'],
    ['1–12月, all spent', 100 * WAN, 100 * WAN, 12, 'green', '序时进度 100.00%，执行进度 100.00%，相差 0.00 个百分点，不超过 10：绿灯'],
    // one fen past 10 points: yellow, and the gap is printed with the digits that show it is past 10
    ['one fen past 10 points', 1_200_000_000, 579_999_999, 7, 'yellow', '序时进度 58.33%，执行进度 48.33%，相差 10.0000001 个百分点，超过 10、不超过 25：黄灯'],
    ['one fen inside 25 points', 1_200_000_000, 400_000_001, 7, 'yellow', '序时进度 58.33%，执行进度 33.33%，相差 24.9999999 个百分点，超过 10、不超过 25：黄灯'],
    ['no budget', 0, 0, 7, null, '没有年度预算数，无法计算执行进度，不判断执行预警'],
    ['month 0', 100, 0, 0, null, '监控月份“0”无效，须为 1 至 12 的整数'],
    ['month 13', 100, 0, 13, null, '监控月份“13”无效，须为 1 至 12 的整数'],
    ['month 7.5', 100, 0, 7.5, null, '监控月份“7.5”无效，须为 1 至 12 的整数'],
  ])('%s', (_name, budget, spent, month, light, explanation) => {
    const e = executionMonitoring(budget, spent, month);
    expect([e.light, e.explanation]).toEqual([light, explanation]);
  });

  test('the figures behind the line are exact: 10 points at 60 万 and 29 万 is no repeating decimal cut short', () => {
    const e = executionMonitoring(60 * WAN, 29 * WAN, 7);
    expect(e.gapPoints?.toString()).toBe('10');
    expect([e.scheduleText, e.progressText, e.gapText, e.light]).toEqual(['58.33%', '48.33%', '10.00', 'green']);
  });

  test('the limits are the rule set’s: 5 and 15 points', () => {
    const set = derived({ monitoring: { yellowGap: 5, redGap: 15 } });
    expect([640, 639, 520, 519].map((spent) => executionMonitoring(1200, spent, 7, set).light)).toEqual(['green', 'yellow', 'yellow', 'red']);
    expect(executionMonitoring(1200, 519, 7, set).explanation).toBe('序时进度 58.33%，执行进度 43.25%，相差 15.08 个百分点，超过 15：红灯');
  });
});

const people: Indicator = { id: 'i1', level1: '1', level2: '11', name: '培训人数', direction: '≥', target: '100', unit: '人', weight: 10, core: false };
const days: Indicator = { id: 'i2', level1: '1', level2: '13', name: '办结时限', direction: '≤', target: '3', unit: '天', weight: 10, core: false };
const quality: Indicator = { id: 'i3', level1: '2', level2: '22', name: '政策知晓度', direction: '定性', target: '明显提升', unit: '', weight: 20, core: false };
const entry = (ind: Indicator, projected: string, likelihood?: MonitoringEntry['likelihood']): MonitoringEntry => ({
  indicatorId: ind.id,
  actualToDate: '',
  projected,
  ...(likelihood ? { likelihood } : {}),
});

describe('an indicator’s light: 完成目标可能性, and the 全年预计完成值 scored by the rule set', () => {
  test.each<[string, Indicator, string, MonitoringEntry['likelihood'] | undefined, Light | null, string]>([
    ['完全不可能完成, though the projection is full', people, '120', 'impossible', 'red', '完成目标可能性为“完全不可能完成”；全年预计 120 人，目标 ≥100 人：达到目标，得满分 10.00：红灯'],
    ['有可能完成, though the projection is full', people, '100', 'possible', 'yellow', '完成目标可能性为“有可能完成”；全年预计 100 人，目标 ≥100 人：达到目标，得满分 10.00：黄灯'],
    ['确定能完成 and full', people, '100', 'certain', 'green', '完成目标可能性为“确定能完成”；全年预计 100 人，目标 ≥100 人：达到目标，得满分 10.00：绿灯'],
    ['projected score below 60% of w', people, '59', 'certain', 'red', '完成目标可能性为“确定能完成”；全年预计 59 人，目标 ≥100 人：59 ÷ 100 × 10 = 5.90，低于分值 10 的 60%（6.00）：红灯'],
    ['projected score exactly 60% of w', people, '60', undefined, 'yellow', '全年预计 60 人，目标 ≥100 人：60 ÷ 100 × 10 = 6.00，低于分值 10：黄灯'],
    ['projected score just below w', people, '99', undefined, 'yellow', '全年预计 99 人，目标 ≥100 人：99 ÷ 100 × 10 = 9.90，低于分值 10：黄灯'],
    ['projected score exactly w', people, '100', undefined, 'green', '全年预计 100 人，目标 ≥100 人：达到目标，得满分 10.00：绿灯'],
    ['反向: 3 ÷ 5 × 10 is exactly 60%', days, '5', undefined, 'yellow', '全年预计 5 天，目标 ≤3 天：3 ÷ 5 × 10 = 6.00，低于分值 10：黄灯'],
    ['反向: 3 ÷ 6 × 10 is below 60%', days, '6', undefined, 'red', '全年预计 6 天，目标 ≤3 天：3 ÷ 6 × 10 = 5.00，低于分值 10 的 60%（6.00）：红灯'],
    ['反向: within the limit', days, '3', undefined, 'green', '全年预计 3 天，目标 ≤3 天：未超过目标，得满分 10.00：绿灯'],
    ['定性 完全不可能完成', quality, '无法完成', 'impossible', 'red', '完成目标可能性为“完全不可能完成”：红灯'],
    ['定性 has no projected score', quality, '明显提升', undefined, null, '尚未填写完成目标可能性和全年预计完成值，不判断预警'],
    ['nothing filled', people, '', undefined, null, '尚未填写完成目标可能性和全年预计完成值，不判断预警'],
    ['a projection that is no number', people, '约一百', 'certain', 'green', '完成目标可能性为“确定能完成”；全年预计完成值“约一百”不是数值，无法按评分规则判断：绿灯'],
    ['a projection that is no number, alone', people, '约一百', undefined, null, '全年预计完成值“约一百”不是数值，无法按评分规则判断：未判断'],
  ])('%s', (_name, ind, projected, likelihood, light, explanation) => {
    const m = indicatorMonitoring(ind, entry(ind, projected, likelihood));
    expect([m.light, m.explanation]).toEqual([light, explanation]);
  });

  test('the score is the rule set’s, rounded to 2 decimals as every score: 5.996 is 6.00, not below 60%', () => {
    const thousand = { ...people, target: '1000' };
    expect(indicatorMonitoring(thousand, entry(thousand, '599.6')).projectedScore).toBe(6);
    expect(indicatorMonitoring(thousand, entry(thousand, '599.6')).light).toBe('yellow');
    expect(indicatorMonitoring(thousand, entry(thousand, '599.4')).light).toBe('red');
  });

  test('60% of an odd weight: 4.20 of 7 is yellow, 4.19 red', () => {
    const seven = { ...people, weight: 7 };
    expect(['60', '59.9'].map((p) => indicatorMonitoring(seven, entry(seven, p)).light)).toEqual(['yellow', 'red']);
    expect(indicatorMonitoring(seven, entry(seven, '59.9')).explanation).toBe('全年预计 59.9 人，目标 ≥100 人：59.9 ÷ 100 × 7 = 4.19，低于分值 7 的 60%（4.20）：红灯');
  });

  test('without a weight the projection is scored out of 100, and says so', () => {
    const m = indicatorMonitoring({ ...people, weight: null }, entry(people, '50'));
    expect([m.light, m.projectedScore, m.maxScore]).toEqual(['red', 50, 100]);
    expect(m.explanation).toBe('全年预计 50 人，目标 ≥100 人：50 ÷ 100 × 100 = 50.00，低于分值 100 的 60%（60.00）（指标未设分值，按 100 分计）：红灯');
  });

  test('the score share is the rule set’s: at 80%, 7.00 of 10 is red', () => {
    const set = derived({ monitoring: { redScoreShare: 0.8 } });
    expect(['70', '80'].map((p) => indicatorMonitoring(people, entry(people, p), set).light)).toEqual(['red', 'yellow']);
  });

  test('the rule set’s reverse formula scores the projection: linear gives (1 − (5 − 3) ÷ 3) × 10 = 3.33', () => {
    const set = derived({ reverseFormula: 'linear' });
    expect(indicatorMonitoring(days, entry(days, '5'), set)).toMatchObject({ light: 'red', projectedScore: 3.33 });
  });
});

function project(indicators: Indicator[], monitoring?: MonitoringRound[]): Project {
  return {
    id: 'p1', unitId: 'u1', year: 2025, name: '商会建设', governmentInvestment: false, key: false,
    funding: { generalPublic: 100 * WAN, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 20 * WAN },
    townSubsidy: 0, overview: '', basis: '', annualGoal: '', periodGoal: '', indicators, ...(monitoring ? { monitoring } : {}),
    updatedAt: '2025-08-01T00:00:00.000Z',
  };
}

function round(month: number, spentWan: number, entries: MonitoringEntry[], more: Partial<MonitoringRound> = {}): MonitoringRound {
  return {
    month, status: 'draft', spent: { generalPublic: spentWan * WAN, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 0 },
    entries, updatedAt: '2025-08-01T00:00:00.000Z', ...more,
  };
}

describe('a project’s light is its worst', () => {
  const execution: Indicator = { ...people, id: 'ix', name: '预算执行率', unit: '%', target: '100' };
  test.each<[string, number, MonitoringEntry[], Light | null, string]>([
    // 120 万 budget: 70 万 on schedule at M = 7, 30 万 far behind
    ['all green', 70, [entry(people, '100', 'certain'), entry(days, '2', 'certain')], 'green', '执行：绿灯；指标：绿灯 2 个；项目：绿灯'],
    ['one yellow indicator', 70, [entry(people, '90', 'certain'), entry(days, '2', 'certain')], 'yellow', '执行：绿灯；指标：黄灯 1 个、绿灯 1 个；项目：黄灯'],
    ['execution red, indicators green', 30, [entry(people, '100', 'certain'), entry(days, '2', 'certain')], 'red', '执行：红灯；指标：绿灯 2 个；项目：红灯'],
    ['execution green, an indicator red', 70, [entry(people, '100', 'impossible'), entry(days, '2', 'possible')], 'red', '执行：绿灯；指标：红灯 1 个、黄灯 1 个；项目：红灯'],
    ['indicators not filled', 70, [], 'green', '执行：绿灯；指标：无；项目：绿灯'],
  ])('%s', (_name, spent, entries, light, explanation) => {
    const r = monitorRound(project([people, days, execution], [round(7, spent, entries)]), round(7, spent, entries));
    expect([r.light, r.explanation]).toEqual([light, explanation]);
    // the 预算执行率 row has no light of its own: the execution light is its light
    expect(r.indicators.map((i) => i.indicatorId)).toEqual(['i1', 'i2']);
  });

  test('worstLight and the counts in words', () => {
    expect(worstLight([null, 'green', 'red', 'yellow'])).toBe('red');
    expect(worstLight([null, null])).toBeNull();
    expect(lightCountText({ green: 3, yellow: 0, red: 2 })).toBe('红灯 2 个、绿灯 3 个');
    expect(monitoredIndicators(project([people, execution]))).toEqual([people]);
  });
});

describe('rounds: several a year, each kept; the latest unless a month is asked for', () => {
  const r7 = round(7, 30, [], { status: 'done' });
  const r10 = round(10, 80, []);
  const p = project([people], [r10, r7]);
  test('latest and by month', () => {
    expect(latestRound(p)).toBe(r10);
    expect(roundFor(p, 7)).toBe(r7);
    expect(roundFor(p)).toBe(r10);
    expect(roundFor(p, 9)).toBeUndefined();
    expect(latestRound(project([people]))).toBeUndefined();
  });

  test('monitorProject uses the unit’s rule set of the project’s year', () => {
    const strict = derived({ monitoring: { yellowGap: 1, redGap: 2 } });
    const unit = { ruleSets: withUnitRuleSet({}, 2025, strict) };
    // 1–10月: 83.33% against 66.67% spent of 120 万 → 16.67 points
    expect(monitorProject(p, undefined)?.result?.execution.light).toBe('yellow');
    expect(monitorProject(p, unit)?.result?.execution.light).toBe('red');
    expect(monitorProject(p, undefined, 7).result?.execution.explanation).toBe('序时进度 58.33%，执行进度 25.00%，相差 33.33 个百分点，超过 25：红灯');
    expect(monitorProject(p, undefined, 9)).toMatchObject({ round: null, result: null });
  });

  test('startRound and withRound: one blank entry per monitored indicator; a month replaced in place, the rest kept in month order', () => {
    const fresh = startRound(p, 9, '2025-10-01T00:00:00.000Z');
    expect(fresh).toEqual({
      month: 9, status: 'draft', spent: { generalPublic: 0, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 0 },
      entries: [{ indicatorId: 'i1', actualToDate: '', projected: '' }], updatedAt: '2025-10-01T00:00:00.000Z',
    });
    expect(withRound(p, fresh).monitoring?.map((r) => r.month)).toEqual([7, 9, 10]);
    const replaced = withRound(p, { ...r7, spent: { ...r7.spent, other: 1 } });
    expect(replaced.monitoring?.map((r) => [r.month, r.spent.other])).toEqual([[7, 1], [10, 0]]);
    expect(replaced.updatedAt).toBe(p.updatedAt);
  });
});

describe('checkRound: a 红灯 needs 纠偏措施 before the round is 已完成', () => {
  const now = '2025-08-25T00:00:00.000Z';
  const redIndicator = [entry(people, '50', 'possible'), entry(days, '2', 'certain')];

  test('an execution red without 纠偏措施 is an error; with it the round can be done', () => {
    const p = project([people, days]);
    const r = round(7, 30, [entry(people, '100', 'certain'), entry(days, '2', 'certain')]);
    const problems = checkRound(p, r);
    expect(problems.filter((x) => x.severity === 'error')).toEqual([
      { severity: 'error', indicatorId: null, field: 'correction', message: '执行进度落后序时进度 33.33 个百分点（红灯），须填写纠偏措施' },
    ]);
    expect(problems.filter((x) => x.severity === 'warning').map((x) => x.message)).toEqual(['执行进度偏离序时进度（红灯），请填写偏差原因']);
    expect(blocksDone(problems)).toBe(true);
    expect(markRoundDone(p, r, now)).toMatchObject({ ok: false });
    const answered = { ...r, correction: '9月集中拨付', cause: { category: 'funding' as const, text: '合同6月签订' } };
    expect(checkRound(p, answered)).toEqual([]);
    expect(markRoundDone(p, answered, now)).toEqual({ ok: true, round: { ...answered, status: 'done', doneAt: now, updatedAt: now } });
  });

  test('an indicator red needs its own 纠偏措施, the project’s does not answer for it', () => {
    const p = project([people, days]);
    const r = round(7, 70, redIndicator, { correction: '加快进度' });
    expect(checkRound(p, r).map((x) => [x.severity, x.indicatorId, x.field, x.message])).toEqual([
      ['error', 'i1', 'correction', '“培训人数”为红灯，须填写纠偏措施'],
      ['warning', 'i1', 'cause', '“培训人数”为红灯，请填写偏差原因'],
    ]);
    const fixed = { ...r, entries: [{ ...redIndicator[0], correction: '增开两期培训', cause: { category: 'staffing' as const, text: '' } }, redIndicator[1]] };
    expect(checkRound(p, fixed).map((x) => [x.severity, x.message])).toEqual([['warning', '“培训人数”的偏差原因已选类别，请写明具体原因']]);
    expect(markRoundDone(p, fixed, now).ok).toBe(true);
  });

  test('a yellow needs no 纠偏措施; what is missing or odd is a warning only', () => {
    const p = project([people, days, quality]);
    const r = round(7, 130, [entry(people, '90', 'possible'), entry(days, '约两天')]);
    const problems = checkRound(p, r);
    expect(blocksDone(problems)).toBe(false);
    expect(problems.map((x) => x.message)).toEqual([
      '1–7月执行数超过年度预算数，请核对',
      '“培训人数”为黄灯，请填写偏差原因',
      '“办结时限”尚未选择完成目标可能性',
      '“办结时限”：全年预计完成值“约两天”不是数值，无法按评分规则判断',
      '“政策知晓度”尚未选择完成目标可能性',
    ]);
  });

  test('an invalid month or a negative amount blocks', () => {
    const p = project([people]);
    expect(checkRound(p, round(13, 70, [entry(people, '100', 'certain')])).map((x) => [x.severity, x.field])).toEqual([['error', 'month']]);
    const negative = round(7, 70, [entry(people, '100', 'certain')]);
    expect(checkRound(p, { ...negative, spent: { ...negative.spent, other: -1 } }).map((x) => [x.severity, x.message])).toEqual([['error', '执行数不能为负数']]);
  });

  test('reopenRound makes it 填报中 again', () => {
    const done = { ...round(7, 70, []), status: 'done' as const, doneAt: now };
    expect(reopenRound(done, '2025-09-01T00:00:00.000Z')).toEqual({ ...done, status: 'draft', updatedAt: '2025-09-01T00:00:00.000Z' });
  });
});

describe('the monitoring parameters of the rule set', () => {
  test('CN-2020: 10 and 25 points, 60% of w', () => {
    expect(CN_2020.parameters.monitoring).toEqual({ yellowGap: 10, redGap: 25, redScoreShare: 0.6 });
    expect(monitoringRuleNote()).toBe(
      '预警规则：执行进度落后序时进度（= 监控月份 ÷ 12）不超过 10 个百分点为绿灯，超过 10、不超过 25 个百分点为黄灯，超过 25 个百分点为红灯；' +
        '指标完成目标可能性为“完全不可能完成”或全年预计完成值按评分规则得分低于分值的 60% 为红灯，“有可能完成”或预计得分低于分值为黄灯；项目取最重的一盏灯。',
    );
  });

  test('a set derived before the lights existed has CN-2020’s; deriving keeps the base’s and takes a part of them', () => {
    const { monitoring: _none, ...older } = CN_2020.parameters;
    const old: RuleSet = { id: 'custom:旧规则', name: '旧规则', version: 1, basedOn: 'CN-2020', parameters: older };
    expect(monitoringParametersOf(old)).toEqual({ yellowGap: 10, redGap: 25, redScoreShare: 0.6 });
    expect(derived({ monitoring: { redGap: 30 } }).parameters.monitoring).toEqual({ yellowGap: 10, redGap: 30, redScoreShare: 0.6 });
    expect(monitoringRuleNote(derived({ monitoring: { yellowGap: 5, redScoreShare: 0.5 } }))).toContain('不超过 5 个百分点为绿灯，超过 5、不超过 25 个百分点为黄灯');
  });

  test.each([
    [{ yellowGap: 25, redGap: 25, redScoreShare: 0.6 }, ['监控预警的百分点界限须满足 0 ≤ 黄灯界限 < 红灯界限 ≤ 100']],
    [{ yellowGap: -1, redGap: 25, redScoreShare: 0.6 }, ['监控预警的百分点界限须满足 0 ≤ 黄灯界限 < 红灯界限 ≤ 100']],
    [{ yellowGap: 10, redGap: 101, redScoreShare: 0.6 }, ['监控预警的百分点界限须满足 0 ≤ 黄灯界限 < 红灯界限 ≤ 100']],
    [{ yellowGap: 10, redGap: 25, redScoreShare: 1.2 }, ['监控预警中得分红灯界限须在 0 至 100% 之间']],
    [{ yellowGap: 10, redGap: 25, redScoreShare: 1 }, []],
  ])('%j → %j', (monitoring, problems) => {
    expect(checkParameters({ ...CN_2020.parameters, monitoring })).toEqual(problems);
  });
});

describe('packages carry the rounds', () => {
  test('the fixture: its latest rounds give each light for its own reason', () => {
    const doc = fixture();
    const unit = doc.units.find((u) => u.id === 'mon-unit');
    const lights = doc.projects.map((p) => {
      const m = monitorProject(p, unit);
      return [p.name, m.round?.month ?? null, m.result?.execution.light ?? null, m.result?.light ?? null];
    });
    expect(lights).toEqual([
      ['民营企业经营管理培训', 7, 'green', 'green'],
      ['基层商会组织建设经费', 10, 'yellow', 'yellow'],
      ['民营企业投诉服务中心运营', 7, 'red', 'red'],
      ['非公经济人士理想信念教育', 7, 'green', 'red'],
      ['行业协会商会发展调研', 7, 'green', 'red'],
      ['会员服务平台运行维护', null, null, null],
    ]);
    const [, p2, , p4, p5] = doc.projects;
    expect(monitorProject(p2, unit, 7).result?.light).toBe('red');
    expect(monitorProject(p4, unit).result?.indicators.find((i) => i.light === 'red')?.explanation).toBe('完成目标可能性为“完全不可能完成”：红灯');
    expect(monitorProject(p5, unit).result?.indicators.find((i) => i.light === 'red')?.explanation).toBe(
      '完成目标可能性为“有可能完成”；全年预计 5 篇，目标 ≥10 篇：5 ÷ 10 × 20 = 10.00，低于分值 20 的 60%（12.00）：红灯',
    );
  });

  test.each<[string, (r: Record<string, unknown>) => void, string]>([
    ['a month of 13', (r) => (r.month = 13), '/projects/0/monitoring/0/month'],
    ['an unknown likelihood', (r) => ((r.entries as Record<string, unknown>[])[0].likelihood = 'maybe'), '/projects/0/monitoring/0/entries/0/likelihood'],
    ['an unknown cause category', (r) => (r.cause = { category: 'weather', text: '' }), '/projects/0/monitoring/0/cause/category'],
    ['an unknown field', (r) => (r.colour = 'red'), '/projects/0/monitoring/0/colour'],
    ['a negative amount', (r) => ((r.spent as Record<string, number>).other = -1), '/projects/0/monitoring/0/spent/other'],
  ])('the schema refuses %s, by its path', (_name, spoil, path) => {
    const doc = fixture();
    const bad = JSON.parse(JSON.stringify(doc)) as { projects: { monitoring: Record<string, unknown>[] }[] };
    spoil(bad.projects[0].monitoring[0]);
    const r = validateExchange(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual([path]);
  });

  test('a package without rounds, and a derived set without monitoring parameters, still validate', () => {
    const doc = fixture();
    const { monitoring: _none, ...older } = CN_2020.parameters;
    const plain = createExchangeDocument(
      {
        units: doc.units.map((u) => ({ ...u, ruleSets: [{ year: 2025, ruleSetId: 'custom:旧', ruleSet: { id: 'custom:旧', name: '旧', version: 1, parameters: older } }] })),
        projects: doc.projects.map(({ monitoring: _m, ...p }) => p),
        departmentPlans: [],
      },
      doc.exportedAt,
    );
    expect(validateExchange(JSON.parse(JSON.stringify(plain))).ok).toBe(true);
  });
});
