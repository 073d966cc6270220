// How a target is printed on the forms: the text as written wins; a structured range prints in the value-text conventions.
import { indicatorContent, targetText } from '../../shared/indicator-text';
import type { Indicator } from '../../shared/model';
import { parseValueText } from '../../shared/value-text';
import { weightedIndicatorRow } from '../../templates/weighted-indicators';

const ind = (extra: Partial<Indicator>): Indicator => ({
  id: 'hd-p1-i1',
  level1: '1',
  level2: '11',
  name: '宣讲、培训次数',
  direction: '>',
  target: '7',
  unit: '次',
  weight: null,
  core: false,
  ...extra,
});

describe('a range target in print', () => {
  test('">7-8次" and "5-6家", which parse back to the same range', () => {
    const greater = ind({ targetMax: '8' });
    expect(targetText(greater)).toBe('>7-8次');
    expect(parseValueText(targetText(greater))).toMatchObject({ direction: '>', value: '7', valueMax: '8', unit: '次' });
    expect(targetText(ind({ direction: '=', target: '5', targetMax: '6', unit: '家' }))).toBe('5-6家');
    expect(indicatorContent(greater)).toBe('宣讲、培训次数>7-8次');
    expect(targetText(ind({}))).toBe('>7次');
  });

  test('the text as written still wins, and a 定性 target has no range', () => {
    expect(targetText(ind({ targetMax: '8', targetText: '大于7-8次' }))).toBe('大于7-8次');
    expect(targetText(ind({ direction: '定性', target: '持续改善', unit: '', targetMax: '8' }))).toBe('持续改善');
  });

  test('F1/F7 rows put the range as text in the 指标值 cell, beside its own 指标性质 and 计量单位 cells', () => {
    const cells = weightedIndicatorRow(ind({ targetMax: '8', weight: 10 })).map((c) => c.value);
    expect(cells).toEqual(['宣讲、培训次数', 10, '次', '>', '7-8', '否']);
    expect(weightedIndicatorRow(ind({ weight: 10 }))[4]).toMatchObject({ value: 7, kind: 'number' });
  });
});
