import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { parseExchange } from '../../shared/exchange/exchange';
import { EMPTY_FUNDING, type Funding, type Indicator, type IndicatorResult, type Project, type SelfAssessment } from '../../shared/model';
import { SCHEME_A } from '../../shared/schemes';
import { COMPLETENESS_LABELS, completenessOf, sortOverview, yearOverview, type OverviewRow } from '../../shared/year-overview';

function longgang(): Project[] {
  const r = parseExchange(readFileSync(join(__dirname, '..', 'fixtures', 'longgang-2019.json'), 'utf-8'));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.document.projects;
}

/** 万元 as written ('3.80') → 分 */
const wan = (text: string): number => new Decimal(text).mul(1_000_000).toNumber();
const money = (fen: number): Funding => ({ ...EMPTY_FUNDING, generalPublic: fen });

function ind(id: string, direction: Indicator['direction'], target: string, weight: number | null, level2 = '11'): Indicator {
  return { id, level1: level2.charAt(0), level2, name: `指标${id}`, direction, target, unit: direction === '定性' ? '' : '次', weight, core: false };
}

function project(id: string, name: string, sa: Partial<SelfAssessment> | null, indicators: Indicator[] = [], results: IndicatorResult[] = []): Project {
  return {
    id,
    unitId: 'u1',
    year: 2024,
    name,
    governmentInvestment: false,
    key: false,
    funding: money(wan('10')),
    townSubsidy: 0,
    overview: '',
    basis: '',
    annualGoal: '目标',
    periodGoal: '',
    indicators,
    ...(sa === null
      ? {}
      : {
          selfAssessment: {
            budgetInitial: money(wan('10')),
            budgetAdjusted: money(wan('10')),
            spent: money(0),
            overallResult: '',
            results,
            problems: '',
            rectification: '',
            status: 'inProgress',
            ...sa,
          },
        }),
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
}

describe('yearOverview on longgang 2019 (附件2-3)', () => {
  const overview = yearOverview(longgang(), SCHEME_A);

  it('gives the six published execution rates', () => {
    expect(overview.rows.map((r) => [r.name, r.executionRateText])).toEqual([
      ['办公设备购置', '99.74%'],
      ['其他一般管理事务', '91.68%'],
      ['党建事务', '99.92%'],
      ['党员教育', '99.99%'],
      ['工商联事务', '99.71%'],
      ['商会组织建设', '99.88%'],
    ]);
    expect(overview.rows.map((r) => r.executionScore)).toEqual([9.97, 9.17, 9.99, 10, 9.97, 9.99]);
  });

  it('weights the department rate by amount: Σspent 489.20 / Σbudget 491.59 万元 = 99.51%', () => {
    // 3.80 + 23.44 + 267.10 + 102.56 + 54.69 + 40.00 = 491.59; 3.79 + 21.49 + 266.89 + 102.55 + 54.53 + 39.95 = 489.20
    const d = overview.department;
    expect(d.budget).toBe(wan('491.59'));
    expect(d.spent).toBe(wan('489.20'));
    expect(d.executionRate?.equals(new Decimal('489.20').div('491.59'))).toBe(true);
    expect(d.executionRateText).toBe('99.51%');
    // not the plain mean of the six rates, which would be 98.49%
    const plainMean = overview.rows.reduce((s, r) => s.plus(r.executionRate ?? 0), new Decimal(0)).div(6);
    expect(plainMean.mul(100).toFixed(2)).toBe('98.49');
  });

  it('has every project 已完成 and, with no weights on the 2019 form, no totals and no mean', () => {
    expect(overview.rows.map((r) => r.completeness)).toEqual(Array(6).fill('done'));
    expect(overview.department.counts).toEqual({ notStarted: 0, inProgress: 0, done: 6 });
    expect(overview.rows.map((r) => [r.total, r.grade])).toEqual(Array(6).fill([null, null]));
    expect(overview.department.meanScore).toBeNull();
    expect(overview.department.scoredCount).toBe(0);
    expect(overview.department.projectCount).toBe(6);
  });

  it('sorts names in Chinese (pinyin) order and rates numerically', () => {
    const byName = sortOverview(overview.rows, 'name', 'asc').map((r) => r.name);
    expect(byName).toEqual(['办公设备购置', '党建事务', '党员教育', '工商联事务', '其他一般管理事务', '商会组织建设']);
    expect(sortOverview(overview.rows, 'name', 'desc').map((r) => r.name)).toEqual([...byName].reverse());
    expect(sortOverview(overview.rows, 'executionRate', 'asc').map((r) => r.executionRateText)).toEqual([
      '91.68%', '99.71%', '99.74%', '99.88%', '99.92%', '99.99%',
    ]);
    expect(sortOverview(overview.rows, 'budget', 'desc').map((r) => r.budget)).toEqual(
      ['267.10', '102.56', '54.69', '40.00', '23.44', '3.80'].map(wan),
    );
    expect(overview.rows.map((r) => r.name)[0]).toBe('办公设备购置'); // the input is not reordered
  });
});

describe('yearOverview with weighted indicators', () => {
  // A: 50 + 38.74 (92/95 × 40 = 38.7368…) + 9.50 (95/100 of 10) = 98.24 优
  const a = project(
    'a', '项目2 会员服务',
    { budgetAdjusted: money(wan('100')), spent: money(wan('95')), status: 'done', overallResult: '完成' },
    [ind('a1', '≥', '10', 50), ind('a2', '≥', '95', 40, '21')],
    [{ indicatorId: 'a1', actual: '12' }, { indicatorId: 'a2', actual: '92', deviationNote: '个别企业未参加' }],
  );
  // B: 反向 2000/2500 × 60 = 48 (CN-2020), 定性 部分达成 0.7 × 30 = 21, 3.79/3.80 → 9.97: 78.97 中
  const b = project(
    'b', '项目10 商会培训',
    { budgetAdjusted: money(wan('3.80')), spent: money(wan('3.79')), status: 'done', overallResult: '基本完成' },
    [ind('b1', '≤', '2000', 60, '14'), ind('b2', '定性', '持续改善', 30, '22')],
    [{ indicatorId: 'b1', actual: '2500' }, { indicatorId: 'b2', actual: '有所改善', outcome: 'partial' }],
  );
  // C: no self-assessment at all
  const c = project('c', '档案整理', null, [ind('c1', '≥', '10', 90)]);
  // D: a self-assessment with only the prefilled budget: nothing entered yet
  const d = project('d', '办公设备购置', { budgetAdjusted: money(wan('20')), status: 'notStarted' }, [ind('d1', '≥', '10', 90)]);
  // E: half filled: 45 + 8 (80%) = 53 差
  const e = project(
    'e', '调研',
    { budgetAdjusted: money(wan('10')), spent: money(wan('8')) },
    [ind('e1', '≥', '10', 45), ind('e2', '≥', '10', 45, '22')],
    [{ indicatorId: 'e1', actual: '10' }],
  );
  // F: done, but the form carries no weights
  const f = project('f', '党建', { budgetAdjusted: money(wan('5')), spent: money(wan('5')), status: 'done' }, [ind('f1', '≥', '1', null)], [
    { indicatorId: 'f1', actual: '1' },
  ]);
  const overview = yearOverview([a, b, c, d, e, f], SCHEME_A);
  const row = (id: string): OverviewRow => {
    const found = overview.rows.find((r) => r.id === id);
    if (!found) throw new Error(id);
    return found;
  };

  it('scores each project', () => {
    expect([row('a').executionScore, row('a').total, row('a').grade]).toEqual([9.5, 98.24, '优']);
    expect([row('b').executionRateText, row('b').executionScore, row('b').total, row('b').grade]).toEqual(['99.74%', 9.97, 78.97, '中']);
    expect([row('e').executionRateText, row('e').total, row('e').grade]).toEqual(['80.00%', 53, '差']);
    expect([row('f').executionRateText, row('f').total, row('f').grade]).toEqual(['100.00%', null, null]);
  });

  it('tells 未开始 / 进行中 / 已完成 apart', () => {
    expect(overview.rows.map((r) => [r.id, r.completeness, COMPLETENESS_LABELS[r.completeness]])).toEqual([
      ['a', 'done', '已完成'],
      ['b', 'done', '已完成'],
      ['c', 'notStarted', '未开始'],
      ['d', 'notStarted', '未开始'],
      ['e', 'inProgress', '进行中'],
      ['f', 'done', '已完成'],
    ]);
    expect(overview.department.counts).toEqual({ notStarted: 2, inProgress: 1, done: 3 });
    // an untouched form neither shows a rate of 0.00% nor a total of 0
    expect([row('c').budget, row('d').budget, row('d').spent]).toEqual([null, wan('20'), 0]);
    expect([row('d').executionRateText, row('d').executionScore, row('d').total, row('d').grade]).toEqual(['', null, null, null]);
  });

  it('counts a single entered text, result or amount as 进行中, but not the status alone', () => {
    const blank = project('x', '甲', { status: 'inProgress' }, [ind('x1', '≥', '1', 90)], [{ indicatorId: 'x1', actual: ' ' }]);
    expect(completenessOf(blank)).toBe('notStarted');
    expect(completenessOf({ ...blank, selfAssessment: { ...blank.selfAssessment!, problems: '无' } })).toBe('inProgress');
    expect(completenessOf({ ...blank, selfAssessment: { ...blank.selfAssessment!, spent: money(1) } })).toBe('inProgress');
    expect(
      completenessOf({ ...blank, selfAssessment: { ...blank.selfAssessment!, results: [{ indicatorId: 'x1', actual: '', outcome: 'achieved' }] } }),
    ).toBe('inProgress');
  });

  it('weights the department rate over the begun projects and averages the totals', () => {
    // A 95 + B 3.79 + E 8 + F 5 = 111.79 of 100 + 3.80 + 10 + 5 = 118.80 万元 → 94.0993…% → 94.10%; D's budget is left out
    const dep = overview.department;
    expect([dep.spent, dep.budget]).toEqual([wan('111.79'), wan('118.80')]);
    expect(dep.executionRateText).toBe('94.10%');
    // (98.24 + 78.97 + 53) / 3 = 76.7366… → 76.74
    expect([dep.meanScore, dep.scoredCount]).toEqual([76.74, 3]);
  });

  it('counts 上年结转资金 in the amounts and the amount-weighted rate, as the project\'s own rate does', () => {
    // G: 20 万元 this year, 5 carried over; 18 + 4 spent: 22 / 25 = 88.00%
    const g = project('g', '结转项目', {
      budgetAdjusted: money(wan('20')),
      spent: money(wan('18')),
      carriedOver: { budgetInitial: wan('5'), budgetAdjusted: wan('5'), spent: wan('4') },
    });
    const overviewG = yearOverview([a, g], SCHEME_A);
    const rowG = overviewG.rows[1];
    expect([rowG.budget, rowG.spent, rowG.executionRateText]).toEqual([wan('25'), wan('22'), '88.00%']);
    // A 95 + G 22 = 117 of 100 + 25 = 125 万元 → 93.60%
    expect([overviewG.department.spent, overviewG.department.budget, overviewG.department.executionRateText]).toEqual([wan('117'), wan('125'), '93.60%']);
    // spending carried over from last year alone is an entry
    const carriedOnly = project('h', '仅结转', { carriedOver: { budgetInitial: 0, budgetAdjusted: wan('5'), spent: wan('1') } });
    expect(completenessOf(carriedOnly)).toBe('inProgress');
  });

  it('rounds the mean half up on the exact sum: (98.24 + 78.97) / 2 = 88.605 → 88.61', () => {
    // adding the floats gives 88.60499…, which toFixed(2) would print as 88.60
    expect(yearOverview([a, b], SCHEME_A).department.meanScore).toBe(88.61);
  });

  it('gives no rate and no mean when nothing has begun', () => {
    const dep = yearOverview([c, d], SCHEME_A).department;
    expect([dep.executionRate, dep.executionRateText, dep.meanScore, dep.budget]).toEqual([null, '', null, 0]);
    expect(yearOverview([], SCHEME_A).department.counts).toEqual({ notStarted: 0, inProgress: 0, done: 0 });
  });

  it('sorts by every column, empty values last in both directions, ties by name', () => {
    const ids = (key: Parameters<typeof sortOverview>[1], dir: 'asc' | 'desc') => sortOverview(overview.rows, key, dir).map((r) => r.id);
    expect(ids('total', 'desc')).toEqual(['a', 'b', 'e', 'd', 'f', 'c']); // 办公…, 党建, 档案… by pinyin
    expect(ids('total', 'asc')).toEqual(['e', 'b', 'a', 'd', 'f', 'c']);
    expect(ids('grade', 'desc')).toEqual(['a', 'b', 'e', 'd', 'f', 'c']);
    expect(ids('executionScore', 'desc')).toEqual(['f', 'b', 'a', 'e', 'd', 'c']);
    expect(ids('executionRate', 'asc')).toEqual(['e', 'a', 'b', 'f', 'd', 'c']);
    expect(ids('budget', 'desc')).toEqual(['a', 'd', 'e', 'f', 'b', 'c']);
    expect(ids('spent', 'asc')).toEqual(['d', 'b', 'f', 'e', 'a', 'c']);
    expect(ids('completeness', 'asc')).toEqual(['d', 'c', 'e', 'f', 'a', 'b']);
    // numeric collation: 项目2 before 项目10
    expect(ids('name', 'asc')).toEqual(['d', 'f', 'c', 'e', 'a', 'b']);
  });
});
