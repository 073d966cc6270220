// Weights brought to the indicator points (domain.md §5): scaling by 0.9, the proposal for a list without weights, and
// which of the two the check panel offers, over the four reference fixtures.
import Decimal from 'decimal.js';
import type { Indicator, RuleSet } from '../../shared/model';
import { CN_2020, deriveRuleSet } from '../../shared/rule-sets';
import { SCHEME_A, SCHEME_B, schemeOf } from '../../shared/schemes';
import { validateDepartmentPlan, validateProject } from '../../shared/validation';
import { proposeWeights, scaleWeights, weightOffer } from '../../shared/weights';
import { loadFixture } from '../fixtures/fixture-files';

const ind = (id: string, level2: string, weight: number | null, name = `指标${id}`): Indicator => ({
  id,
  level1: level2.charAt(0),
  level2,
  name,
  direction: '≥',
  target: '90',
  unit: '%',
  weight,
  core: false,
});
const weights = (list: readonly Indicator[]) => list.map((i) => i.weight);
const sum = (list: readonly Indicator[]) => list.reduce((s, i) => s.plus(i.weight ?? 0), new Decimal(0)).toString();

function derived(changes: Parameters<typeof deriveRuleSet>[2]): RuleSet {
  const r = deriveRuleSet(CN_2020, '某市规则', changes);
  if (!r.ok) throw new Error(r.problems.join());
  return r.ruleSet;
}

describe('scaleWeights', () => {
  test.each<[string, (number | null)[], string, (number | null)[], string]>([
    ['whole numbers', [20, 20, 10, 15, 15, 10, 10], '0.9', [18, 18, 9, 13.5, 13.5, 9, 9], '90'],
    ['decimals stay exact, as many places as the product has', [33.33, 33.33, 33.34], '0.9', [29.997, 29.997, 30.006], '90'],
    ['0.1 + 0.2 style weights', [0.1, 0.2, 99.7], '0.9', [0.09, 0.18, 89.73], '90'],
    ['absent weights stay absent', [50, null, 50], '0.9', [45, null, 45], '90'],
    ['another rule set’s factor', [40, 40, 20], '0.8', [32, 32, 16], '80'],
  ])('%s', (_case, given, factor, expected, total) => {
    const list = given.map((w, i) => ind(`i${i}`, '11', w));
    const scaled = scaleWeights(list, factor);
    expect(weights(scaled)).toEqual(expected);
    expect(sum(scaled)).toBe(total);
    // a new list: the given one is left as it was
    expect(weights(list)).toEqual(given);
  });
});

describe('proposeWeights', () => {
  test.each<[string, Indicator[], (number | null)[]]>([
    ['one per 一级: the defaults themselves', [ind('a', '11', null), ind('b', '22', null), ind('c', '31', null)], [50, 30, 10]],
    ['50 over three: two decimals adding up exactly, the extra cent to the first', [ind('a', '11', null), ind('b', '12', null), ind('c', '13', null), ind('d', '22', null), ind('e', '31', null)], [16.67, 16.67, 16.66, 30, 10]],
    ['a 一级 without indicators leaves its points to the others in proportion', [ind('a', '11', null), ind('b', '22', null)], [56.25, 33.75]],
    ['the 预算执行率 row gets the execution weight', [ind('a', '11', null), ind('x', '14', null, '预算资金执行情况'), ind('b', '22', null), ind('c', '31', null)], [50, 10, 30, 10]],
    ['a 一级 the scheme does not know gets 0', [ind('a', '11', null), ind('b', '22', null), ind('c', '31', null), ind('z', '91', null)], [50, 30, 10, 0]],
  ])('scheme A: %s', (_case, list, expected) => {
    expect(weights(proposeWeights(list, SCHEME_A, CN_2020))).toEqual(expected);
  });

  test('scheme B: 产出 and 成本 share the 产出 50 in the scheme’s 30 : 20, each split evenly', () => {
    const list = [ind('a', '11', null), ind('b', '12', null), ind('c', '41', null), ind('d', '22', null), ind('e', '31', null)];
    expect(weights(proposeWeights(list, SCHEME_B, CN_2020))).toEqual([15, 15, 20, 30, 10]);
  });

  test('a region’s 一级 weights and execution weight', () => {
    const set = derived({ executionWeight: 20, level1Weights: { output: 40, benefit: 30, satisfaction: 10 } });
    const list = [ind('a', '11', null), ind('b', '12', null), ind('x', '14', null, '预算执行率'), ind('c', '22', null), ind('d', '31', null)];
    expect(weights(proposeWeights(list, SCHEME_A, set))).toEqual([20, 20, 20, 30, 10]);
  });
});

describe('weightOffer', () => {
  test.each<[string, (number | null)[], string | null]>([
    ['no weights at all', [null, null, null], 'propose'],
    ['100 without a 预算执行率 row', [50, 30, 20], 'scale 0.9'],
    ['90 already', [50, 30, 10], null],
    ['some other sum: nothing to offer, the check says what is wrong', [50, 30, 15], null],
    ['a weight missing', [50, null, 50], null],
  ])('%s', (_case, given, expected) => {
    const offer = weightOffer(given.map((w, i) => ind(`i${i}`, '11', w)), CN_2020);
    expect(offer === null ? null : offer.kind === 'scale' ? `scale ${offer.factor.toString()}` : offer.kind).toBe(expected);
  });

  test('100 with a 预算执行率 row among them (yubei 表17) is right as it is', () => {
    expect(weightOffer([ind('a', '11', 90), ind('x', '14', 10, '预算资金执行情况')], CN_2020)).toBeNull();
  });

  test('no list, nothing to offer', () => {
    expect(weightOffer([], CN_2020)).toBeNull();
  });
});

// Every record of the four reference fixtures: what is offered, and that taking the offer leaves no weight error.
const WEIGHT_CODES = ['weightSum', 'weightSumHundred', 'weightMissing', 'weightInvalid'];
const fixtureRecords = ['huadu', 'longgang-2019', 'longgang-2023', 'yubei-2024'].flatMap((name) => {
  const doc = loadFixture(name);
  const schemeOfUnit = (unitId: string) => schemeOf(doc.units.find((u) => u.id === unitId));
  return [
    ...doc.projects.map((p) => ({ name, record: p.name, indicators: p.indicators, validate: (list: Indicator[]) => validateProject({ ...p, indicators: list }, schemeOfUnit(p.unitId)) })),
    ...doc.departmentPlans.map((p) => ({ name, record: `部门整体支出 ${p.year}`, indicators: p.indicators, validate: (list: Indicator[]) => validateDepartmentPlan({ ...p, indicators: list }, schemeOfUnit(p.unitId)) })),
  ]
    .filter((r) => r.indicators.length > 0)
    .map((r) => ({ ...r, scheme: schemeOfUnit(doc.units[0].id) }));
});

describe('the four fixtures', () => {
  test('what each record is offered', () => {
    const offered = (name: string) =>
      fixtureRecords.filter((r) => r.name === name).map((r) => {
        const o = weightOffer(r.indicators, CN_2020);
        return o === null ? null : o.kind === 'scale' ? `scale ${o.factor.toString()}` : o.kind;
      });
    // huadu and longgang print no weights: a proposal for each; yubei's projects are right as published (17-1…17-4
    // with their 预算资金执行情况 row of 10, 17-5 at 90), its 表十五 adds up to 100 and is offered the scaling
    expect(offered('huadu')).toEqual(Array(14).fill('propose'));
    expect(offered('longgang-2019')).toEqual(Array(6).fill('propose'));
    expect(offered('longgang-2023')).toEqual(['propose']);
    expect(offered('yubei-2024')).toEqual([null, null, null, null, null, 'scale 0.9']);
  });

  test.each(fixtureRecords.map((r) => [`${r.name} ${r.record}`, r] as const))('%s: taking the offer leaves no weight error', (_name, r) => {
    const offer = weightOffer(r.indicators, CN_2020);
    const after = offer?.kind === 'propose' ? proposeWeights(r.indicators, r.scheme, CN_2020) : offer?.kind === 'scale' ? scaleWeights(r.indicators, offer.factor) : r.indicators;
    expect(r.validate(after).filter((p) => WEIGHT_CODES.includes(p.code))).toEqual([]);
  });

  test('exact figures: longgang 2019 办公设备购置 and the longgang 2023 plan; yubei 表十五 scaled', () => {
    const record = (name: string, title: string) => fixtureRecords.find((r) => r.name === name && r.record === title)!;
    const office = record('longgang-2019', '办公设备购置');
    expect(weights(proposeWeights(office.indicators, office.scheme, CN_2020))).toEqual([16.67, 16.67, 16.66, 10, 10, 10, 10]);
    const plan = record('longgang-2023', '部门整体支出 2023');
    const proposed = proposeWeights(plan.indicators, plan.scheme, CN_2020);
    // 产出 50 over 20 indicators, 效益 30 over 11 (eight of 2.73, three of 2.72), 满意度 10 over one
    expect(weights(proposed)).toEqual([...Array(20).fill(2.5), ...Array(8).fill(2.73), ...Array(3).fill(2.72), 10]);
    expect(sum(proposed)).toBe('90');
    const yubei = record('yubei-2024', '部门整体支出 2024');
    expect(weights(scaleWeights(yubei.indicators, '0.9'))).toEqual([18, 9, 9, 18, 18, 18]);
  });
});
