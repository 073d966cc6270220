// The longgang-2019 fixture (附件2-3, 2019年度区工商联部门预算项目绩效自评情况公开表) encoded in the exchange format,
// checked against the published table typed cell by cell in longgang-2019-f4-cells.json.
import { parseExchange, type ExchangeDocument } from '../../shared/exchange/exchange';
import { expectLosslessRoundTrip, fixtureText, loadCells, loadFixture } from '../fixtures/fixture-files';
import type { Indicator, Project } from '../../shared/model';
import { formatMoney, formatPercent, ratio } from '../../shared/money';

const text = fixtureText('longgang-2019');
const cells = loadCells<{
  title: string;
  unitLine: string;
  rows: string[][];
}>('longgang-2019-f4-cells');

const load = (): ExchangeDocument => loadFixture('longgang-2019');

/** The seven 二级 columns of F4, left to right. */
const LEVEL2_COLUMNS = ['11', '12', '13', '21', '22', '23', '31'] as const;
/** Index of the first 年度指标内容 column in the 28-column row. */
const FIRST_PAIR = 12;

/** Print rule of F4: one 三级 indicator as it appears inside a 年度指标内容 cell. */
function printIndicator(ind: Indicator): string {
  if (ind.direction === '定性') return ind.targetText ?? ind.target;
  return ind.name + (ind.targetText ?? `${ind.direction}${ind.target}${ind.unit}`);
}

function contentCell(p: Project, level2: string): string {
  return p.indicators.filter((i) => i.level2 === level2).map(printIndicator).join('；');
}

/** 完成情况: the results' actual texts in indicator order, empty texts skipped. */
function resultCell(p: Project, level2: string): string {
  const byId = new Map((p.selfAssessment?.results ?? []).map((r) => [r.indicatorId, r.actual]));
  return p.indicators
    .filter((i) => i.level2 === level2)
    .map((i) => byId.get(i.id) ?? '')
    .filter((t) => t !== '')
    .join('；');
}

describe('fixture longgang-2019.json', () => {
  it('is a valid exchange document', () => {
    const result = parseExchange(text);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('survives serialise → parse unchanged', () => {
    expectLosslessRoundTrip(text);
  });

  it('holds one unit and the six projects of the table, in order', () => {
    const doc = load();
    expect(doc.units).toHaveLength(1);
    expect(doc.units[0]).toMatchObject({ name: '深圳市龙岗区工商业联合会', shortName: '区工商联', parentId: null, schemeId: 'A-2015' });
    expect(doc.projects.map((p) => p.name)).toEqual(cells.rows.map((r) => r[2]));
    expect(doc.projects.every((p) => p.year === 2019 && p.unitId === doc.units[0].id)).toBe(true);
    expect(doc.projects.map((p) => p.indicators.length)).toEqual([7, 7, 12, 9, 7, 7]);
  });

  it('reproduces the published execution rates from spent / budgetAdjusted', () => {
    const rates = load().projects.map((p) => {
      const sa = p.selfAssessment!;
      return formatPercent(ratio(sa.spent.generalPublic, sa.budgetAdjusted.generalPublic));
    });
    expect(rates).toEqual(['99.74%', '91.68%', '99.92%', '99.99%', '99.71%', '99.88%']);
    expect(rates).toEqual(cells.rows.map((r) => r[9]));
  });

  it('reproduces the amount columns', () => {
    load().projects.forEach((p, i) => {
      const row = cells.rows[i];
      const sa = p.selfAssessment!;
      expect(row[0]).toBe(String(i + 1));
      expect(row[1]).toBe('区工商联');
      expect(row[3]).toBe(p.governmentInvestment ? '是' : '否');
      expect(formatMoney(p.funding.generalPublic, '万元')).toBe(row[4]);
      expect(formatMoney(sa.spent.generalPublic + sa.spent.governmentFund + sa.spent.specialAccount + sa.spent.other, '万元')).toBe(row[5]);
      expect(formatMoney(sa.spent.generalPublic, '万元')).toBe(row[6]);
      expect(formatMoney(sa.spent.governmentFund, '万元')).toBe(row[7]);
      expect(formatMoney(sa.spent.specialAccount + sa.spent.other, '万元')).toBe(row[8]);
    });
  });

  it('reproduces the goal, result, problem and rectification texts', () => {
    load().projects.forEach((p, i) => {
      const row = cells.rows[i];
      expect([p.annualGoal, p.selfAssessment!.overallResult]).toEqual([row[10], row[11]]);
      expect([p.selfAssessment!.problems, p.selfAssessment!.rectification]).toEqual([row[26], row[27]]);
    });
  });

  it('prints every 年度指标内容 and 完成情况 cell exactly as published (6 rows × 7 二级)', () => {
    const doc = load();
    expect(cells.rows).toHaveLength(6);
    doc.projects.forEach((p, i) => {
      const row = cells.rows[i];
      expect(row).toHaveLength(28);
      LEVEL2_COLUMNS.forEach((level2, k) => {
        const where = `${p.name} ${level2}`;
        expect([where, contentCell(p, level2)]).toEqual([where, row[FIRST_PAIR + 2 * k]]);
        expect([where, resultCell(p, level2)]).toEqual([where, row[FIRST_PAIR + 2 * k + 1]]);
      });
    });
  });

  it('uses the scheme A codes and one result per indicator', () => {
    const l1Of: Record<string, string> = { '11': '1', '12': '1', '13': '1', '21': '2', '22': '2', '23': '2', '31': '3' };
    for (const p of load().projects) {
      for (const ind of p.indicators) {
        expect(ind.level1).toBe(l1Of[ind.level2]);
        expect(ind.weight).toBeNull();
        expect(ind.core).toBe(false);
      }
      expect(p.selfAssessment!.results.map((r) => r.indicatorId)).toEqual(p.indicators.map((i) => i.id));
      expect(p.selfAssessment!.budgetInitial).toEqual(p.funding);
      expect(p.selfAssessment!.budgetAdjusted).toEqual(p.funding);
    }
  });
});
