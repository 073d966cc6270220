// The longgang-2023 fixture (表12 部门整体支出绩效目标表 and 第七部分 重点项目) against the published cells.
import { parseExchange, type ExchangeDocument } from '../../shared/exchange/exchange';
import { expectLosslessRoundTrip, fixtureText, loadCells, loadFixture } from '../fixtures/fixture-files';
import { fiscalTotal, fundingTotal, type Fen } from '../../shared/model';
import { formatMoney } from '../../shared/money';
import { findLevel2, getScheme } from '../../shared/schemes';

const raw = fixtureText('longgang-2023');
const cells = loadCells<{
  title: string;
  unitLine: string;
  taskRows: string[][];
  totalRow: string[];
  overallGoal: string[];
  indicatorRows: string[][];
  merges: { level: 1 | 2; label: string; firstRow: number; rowCount: number }[];
}>('longgang-2023-f2-cells');

const load = (): ExchangeDocument => loadFixture('longgang-2023');

const wan = (fen: Fen) => Number(formatMoney(fen, '万元'));

describe('fixture longgang-2023', () => {
  const doc = load();
  const unit = doc.units[0];
  const plan = doc.departmentPlans[0];

  it('passes parseExchange', () => {
    expect(parseExchange(raw).ok).toBe(true);
    expect(doc.units).toHaveLength(1);
    expect(unit.name).toBe('深圳市龙岗区工商业联合会');
    expect(unit.shortName).toBe('区工商联');
    expect(unit.parentId).toBeNull();
    expect(doc.departmentPlans).toHaveLength(1);
    expect(plan.year).toBe(2023);
    expect(plan.expenditureBudget).toBeNull();
  });

  it('survives serialise → parse without loss', () => {
    expectLosslessRoundTrip(raw);
  });

  it('has the 8 tasks of 表12, each with the published 总额 / 财政拨款 / 其他资金', () => {
    expect(plan.tasks.map((t) => t.name)).toEqual(cells.taskRows.map((r) => r[0]));
    plan.tasks.forEach((t, i) => {
      const [name, content, total, fiscal, other] = cells.taskRows[i];
      expect([t.name, t.content]).toEqual([name, content]);
      expect(wan(fundingTotal(t.funding))).toBe(Number(total));
      expect(wan(fiscalTotal(t.funding))).toBe(Number(fiscal));
      expect(wan(t.funding.other)).toBe(Number(other));
    });
  });

  it('金额合计: the tasks as printed add up to 1300, the form prints 1299', () => {
    const sum = plan.tasks.reduce((s, t) => s + fundingTotal(t.funding), 0);
    // The document's task amounts are whole 万元 rounded for print: 927+196+48+38+4+41+43+3 = 1300,
    // while its 金额合计 row (and every other total in the document: 部门预算 1,299 = 基本支出 927 + 项目支出 372)
    // says 1299. The fixture keeps the printed figures, so the sum computed from the tasks is 1300.00.
    expect(formatMoney(sum, '万元')).toBe('1300.00');
    expect(Number(cells.totalRow[2])).toBe(1299);
    expect(Number(formatMoney(sum, '万元')) - Number(cells.totalRow[2])).toBe(1);
    // 基本支出 (task 1) plus the five key projects of 第七部分 does give the published 1299.
    const basic = fundingTotal(plan.tasks[0].funding);
    const projects = doc.projects.reduce((s, p) => s + fundingTotal(p.funding), 0);
    expect(Number(formatMoney(basic + projects, '万元'))).toBe(Number(cells.totalRow[2]));
  });

  it('年度总体目标 holds both paragraphs', () => {
    expect(plan.overallGoal.split('\n')).toEqual(cells.overallGoal);
  });

  it('indicator rows equal the published 一级/二级/三级/目标值 rows, in document order', () => {
    const scheme = getScheme(unit.schemeId)!;
    expect(scheme).toBeDefined();
    const short = (label: string) => label.replace(/指标$/, '');
    const rows = plan.indicators.map((ind) => {
      const found = findLevel2(scheme, ind.level2)!;
      expect(found).toBeDefined();
      expect(found.level1.code).toBe(ind.level1);
      return [short(found.level1.label), short(found.level2.label), ind.name, ind.targetText];
    });
    expect(rows).toEqual(cells.indicatorRows);
    expect(rows).toHaveLength(32);
  });

  it('the published merges are the runs of equal 一级 and 二级 codes', () => {
    const runs = (key: (i: number) => string, level: 1 | 2) => {
      const out: { level: 1 | 2; firstRow: number; rowCount: number }[] = [];
      plan.indicators.forEach((_, i) => {
        if (i > 0 && key(i) === key(i - 1)) out[out.length - 1].rowCount++;
        else out.push({ level, firstRow: i, rowCount: 1 });
      });
      return out;
    };
    const expected = [
      ...runs((i) => plan.indicators[i].level1, 1),
      ...runs((i) => plan.indicators[i].level2, 2),
    ];
    expect(cells.merges.map(({ level, firstRow, rowCount }) => ({ level, firstRow, rowCount }))).toEqual(expected);
  });

  it('定量 indicators carry a numeric target and a unit, 定性 ones their text', () => {
    for (const ind of plan.indicators) {
      expect(ind.weight).toBeNull();
      expect(ind.core).toBe(false);
      if (ind.direction === '定性') {
        expect(ind.target).toBe(ind.targetText);
        expect(ind.unit).toBe('');
      } else {
        expect(ind.target).toMatch(/^\d+(\.\d+)?$/);
        expect(ind.unit).not.toBe('');
        expect(ind.targetText).toContain(ind.target);
      }
    }
  });

  it('has the five key projects of 第七部分 with their 预算数', () => {
    expect(doc.projects.map((p) => [p.name, wan(fundingTotal(p.funding))])).toEqual([
      ['办公设备购置（通用项目）', 4],
      ['法律顾问服务经费（通用项目）', 3],
      ['工商联事务', 78],
      ['培训经费（通用项目）', 43],
      ['党建事务', 244],
    ]);
    for (const p of doc.projects) {
      expect(p.year).toBe(2023);
      expect(p.key).toBe(true);
      expect(p.indicators).toEqual([]);
      expect(p.annualGoal).not.toBe('');
      expect(p.funding.generalPublic).toBe(fundingTotal(p.funding));
    }
    expect(doc.projects[2].annualGoal.split('\n').map((l) => l.slice(0, 3))).toEqual(['1. ', '2. ', '3. ', '4. ', '5. ', '6. ']);
    expect(doc.projects[3].annualGoal.split('\n')).toHaveLength(3);
  });
});
