// The huadu fixture (项目支出绩效目标表（含转移支付项目）, form F5) encoded in the exchange format, checked against the
// published table in huadu-f5-cells.json. The document names no fiscal year; the fixture uses 2021.
import { parseExchange, type ExchangeDocument } from '../../shared/exchange/exchange';
import { expectLosslessRoundTrip, fixtureText, loadCells, loadFixture } from '../fixtures/fixture-files';
import { fundingTotal, type Project } from '../../shared/model';
import { formatMoney } from '../../shared/money';

const text = fixtureText('huadu');
const cells = loadCells<{
  title: string;
  columns: string[];
  rows: string[][];
  normalisations: unknown[];
}>('huadu-f5-cells');

const load = (): ExchangeDocument => loadFixture('huadu');

const UNIT_NAMES = ['广州市花都区工商业联合会', '广州市花都区非公有制经济组织服务中心'];
const sumTotals = (ps: Project[]) => ps.reduce((s, p) => s + fundingTotal(p.funding), 0);
const row = (name: string) => {
  const found = cells.rows.filter((r) => r[0] === name);
  expect(found).toHaveLength(1);
  return found[0];
};
/** Project rows of the table: everything but 合计 and the unit subtotal rows. */
const projectRows = () => cells.rows.filter((r) => r[0] !== '合计' && !UNIT_NAMES.includes(r[0]));
/** Number of items in a coded string ("1、…。2、…。"). */
const itemCount = (coded: string) => (coded.match(/(?:^|。)\d+、/g) ?? []).length;

/** The document's own 一级 / 二级 labels in the coded strings (二级 效益/满意度 labels carry no 指标). */
const L1_LABEL: Record<string, string> = { '1': '产出指标', '2': '效益指标', '3': '满意度指标' };
const L2_LABEL: Record<string, string> = {
  '11': '数量指标',
  '12': '质量指标',
  '13': '时效指标',
  '21': '经济效益',
  '22': '社会效益',
  '31': '服务对象满意度',
};
function codedString(p: Project): string {
  return p.indicators
    .map(
      (i, k) =>
        `${k + 1}、${i.level1}-${L1_LABEL[i.level1]}；${i.level2}-${L2_LABEL[i.level2]}；${i.name}；` +
        `实施周期指标值：${i.periodTarget ?? ''}；年度指标值：${i.targetText ?? i.target}。`,
    )
    .join('');
}

describe('fixture huadu.json', () => {
  it('is a valid exchange document', () => {
    const result = parseExchange(text);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('survives serialise → parse unchanged', () => {
    expectLosslessRoundTrip(text);
  });

  it('has the 工商联 as top unit and the service centre under it', () => {
    const doc = load();
    expect(doc.units.map((u) => u.name)).toEqual(UNIT_NAMES);
    expect(doc.units[0].parentId).toBeNull();
    expect(doc.units[1].parentId).toBe(doc.units[0].id);
  });

  it('computes the unit subtotals and the total from the data, as published', () => {
    const doc = load();
    const [gsl, centre] = doc.units;
    const gslProjects = doc.projects.filter((p) => p.unitId === gsl.id);
    const centreProjects = doc.projects.filter((p) => p.unitId === centre.id);
    expect(gslProjects).toHaveLength(7);
    expect(centreProjects).toHaveLength(7);

    const gslTotal = formatMoney(sumTotals(gslProjects), '万元');
    const centreTotal = formatMoney(sumTotals(centreProjects), '万元');
    const total = formatMoney(sumTotals(doc.projects), '万元');
    expect([gslTotal, centreTotal, total]).toEqual(['91.79', '17.82', '109.61']);
    expect(gslTotal).toBe(row(gsl.name)[1]);
    expect(centreTotal).toBe(row(centre.name)[1]);
    expect(total).toBe(row('合计')[1]);
    // 总计 = 财政拨款 on every summary row
    for (const r of [row('合计'), row(gsl.name), row(centre.name)]) expect(r[2]).toBe(r[1]);
  });

  it('lists the projects of the table with their amounts and goals, in order', () => {
    const doc = load();
    const rows = projectRows();
    // The brief spoke of 13 projects (7 + 6); the document lists 7 under each unit: 14.
    expect(doc.projects).toHaveLength(14);
    expect(doc.projects.map((p) => p.name)).toEqual(rows.map((r) => r[0]));
    doc.projects.forEach((p, i) => {
      const r = rows[i];
      expect(p.year).toBe(2021);
      expect([formatMoney(fundingTotal(p.funding), '万元'), formatMoney(p.funding.generalPublic, '万元')]).toEqual([r[1], r[2]]);
      expect([p.funding.specialAccount, p.funding.other, r[3], r[4]]).toEqual([0, 0, '', '']);
      expect(p.annualGoal).toBe(r[5]);
    });
  });

  it('has as many indicators per project as the coded strings have items', () => {
    const doc = load();
    const rows = projectRows();
    const expected = rows.map((r) => itemCount(r[6]));
    expect(expected).toEqual([3, 2, 2, 2, 1, 1, 2, 2, 1, 1, 2, 1, 2, 1]);
    expect(doc.projects.map((p) => p.indicators.length)).toEqual(expected);
  });

  it('prints each project’s indicators back to the published coded string', () => {
    const doc = load();
    const rows = projectRows();
    doc.projects.forEach((p, i) => {
      expect([p.name, codedString(p)]).toEqual([p.name, rows[i][6]]);
    });
  });

  it('reads the values into direction, target and unit', () => {
    const doc = load();
    const first = doc.projects[0].indicators[0];
    expect(first).toMatchObject({
      level1: '1',
      level2: '11',
      name: '宣讲、培训次数',
      direction: '>',
      target: '7',
      unit: '次',
      targetText: '大于7-8次',
      periodTarget: '大于7-8次',
      weight: null,
      core: false,
    });
    for (const p of doc.projects) {
      for (const ind of p.indicators) {
        if (ind.direction === '定性') expect(ind.target).toBe(ind.targetText);
        else {
          expect(ind.target).toMatch(/^\d+(\.\d+)?$/);
          expect(ind.unit).not.toBe('');
        }
      }
    }
    expect(cells.normalisations.length).toBeGreaterThan(0);
  });
});
