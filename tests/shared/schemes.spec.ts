// Indicator schemes as data: roles instead of codes, where each 二级 is printed, one grouping and one fallback.
import type { Indicator } from '../../shared/model';
import { DEFAULT_SCHEME_ID, groupIndicators, level1OfRole, SCHEME_A, SCHEME_B, SCHEMES, schemeOf, type Level1Role } from '../../shared/schemes';
import { level2Cells } from '../../templates/f4-self-evaluation-disclosure';
import { codedIndicators } from '../../templates/f5-project-targets-consolidated';

const ind = (id: string, level2: string, name = `指标${id}`): Indicator => ({
  id, level1: SCHEMES.flatMap((s) => s.level1).find((l) => l.level2.some((x) => x.code === level2))?.code ?? level2.charAt(0),
  level2, name, direction: '定性', target: `目标${id}`, unit: '', weight: null, core: false,
});

describe.each(SCHEMES.map((s) => [s.id, s] as const))('scheme %s', (_id, scheme) => {
  test('has one 一级 for each role the checks ask for', () => {
    const roles: Level1Role[] = ['output', 'benefit', 'satisfaction'];
    for (const role of roles) expect(scheme.level1.filter((l) => l.role === role)).toHaveLength(1);
    expect(new Set(scheme.level1.map((l) => l.role)).size).toBe(scheme.level1.length);
  });

  test('every 二级 lands in an F4 column and prints under a label of its own in F5', () => {
    const all = scheme.level1.flatMap((l1) => l1.level2.map((l2) => ind(l2.code, l2.code, l2.label)));
    const project = { indicators: all, selfAssessment: undefined } as unknown as Parameters<typeof level2Cells>[0];
    const cells = level2Cells(project, scheme);
    const printed = [...cells.values()].map((c) => c.target).join('；');
    for (const i of all) expect(printed).toContain(i.target);
    expect([...cells.keys()].every((k) => ['quantity', 'quality', 'timeliness', 'economic', 'social', 'ecological', 'satisfaction'].includes(k))).toBe(true);
    for (const l1 of scheme.level1) {
      for (const l2 of l1.level2) {
        const coded = codedIndicators([ind('x', l2.code)], scheme);
        expect(coded).toBe(`1、${l1.code}-${l1.label}；${l2.code}-${l2.codedLabel ?? l2.label}；指标x；实施周期指标值：目标x；年度指标值：目标x。`);
        expect(l2.codedLabel ?? l2.label).not.toBe(l2.code);
      }
    }
  });
});

test('the huadu wording of coded labels: 产出 keeps 指标, 效益 and 满意度 drop it', () => {
  expect(codedIndicators([ind('a', '11'), ind('b', '22'), ind('c', '31')], SCHEME_A)).toBe(
    '1、1-产出指标；11-数量指标；指标a；实施周期指标值：目标a；年度指标值：目标a。' +
      '2、2-效益指标；22-社会效益；指标b；实施周期指标值：目标b；年度指标值：目标b。' +
      '3、3-满意度指标；31-服务对象满意度；指标c；实施周期指标值：目标c；年度指标值：目标c。',
  );
  expect(codedIndicators([ind('d', '41')], SCHEME_B)).toBe('1、4-成本指标；41-经济成本；指标d；实施周期指标值：目标d；年度指标值：目标d。');
});

test('roles find the 一级 whatever its code: scheme B\'s 成本 is a 一级 of its own', () => {
  expect(level1OfRole(SCHEME_A, 'output')?.label).toBe('产出指标');
  expect(level1OfRole(SCHEME_A, 'cost')).toBeUndefined();
  expect(level1OfRole(SCHEME_B, 'cost')?.code).toBe('4');
  expect(level1OfRole(SCHEME_B, 'satisfaction')?.code).toBe('3');
});

test('schemeOf: the unit\'s scheme, else the default for an unknown id or no unit', () => {
  expect(schemeOf({ schemeId: 'B-2021' })).toBe(SCHEME_B);
  expect(schemeOf({ schemeId: 'Z-2099' }).id).toBe(DEFAULT_SCHEME_ID);
  expect(schemeOf(undefined)).toBe(SCHEME_A);
  expect(schemeOf(null)).toBe(SCHEME_A);
});

describe('groupIndicators', () => {
  const list = [ind('1', '31'), ind('2', '12'), ind('3', '24'), ind('4', '11'), ind('5', '22'), ind('6', '11'), ind('7', '99')];
  const shape = (groups: ReturnType<typeof groupIndicators<Indicator>>) => groups.map((g1) => [g1.code, g1.def?.label ?? null, g1.groups.map((g2) => [g2.code, g2.items.map((i) => i.id)])]);

  test('in the scheme\'s order, each 一级 and 二级 once, items in list order, unknown codes last', () => {
    expect(shape(groupIndicators(SCHEME_A, list))).toEqual([
      ['1', '产出指标', [['11', ['4', '6']], ['12', ['2']]]],
      ['2', '效益指标', [['22', ['5']], ['24', ['3']]]],
      ['3', '满意度指标', [['31', ['1']]]],
      ['9', null, [['99', ['7']]]],
    ]);
  });

  test("'data' order: as first met, still each level once", () => {
    expect(shape(groupIndicators(SCHEME_A, list, 'data'))).toEqual([
      ['3', '满意度指标', [['31', ['1']]]],
      ['1', '产出指标', [['12', ['2']], ['11', ['4', '6']]]],
      ['2', '效益指标', [['24', ['3']], ['22', ['5']]]],
      ['9', null, [['99', ['7']]]],
    ]);
  });
});
