import type { Unit } from '../../shared/model';
import { UnitTree, byUnitName } from '../../shared/unit-tree';

const unit = (id: string, parentId: string | null, name = id): Unit => ({ id, name, parentId, schemeId: 'A', updatedAt: '2025-01-01T00:00:00.000Z' });

// 财政 ─┬─ 乙局 ── 乙所
//       └─ 甲局
const city = [unit('cz', null, '财政局'), unit('b', 'cz', '乙局'), unit('a', 'cz', '甲局'), unit('bs', 'b', '乙所')];

const ids = (list: { unit: Unit; depth: number }[]) => list.map((x) => `${x.unit.id}@${x.depth}`);

describe('UnitTree', () => {
  it('walks depth first, parents before children, in data order or the given order', () => {
    expect(ids(new UnitTree(city).descendants('cz'))).toEqual(['b@1', 'bs@2', 'a@1']);
    expect(ids(new UnitTree(city).descendants('cz', true))).toEqual(['cz@0', 'b@1', 'bs@2', 'a@1']);
    // 甲 before 乙 in Chinese (pinyin) order
    expect(ids(new UnitTree(city, byUnitName).descendants('cz'))).toEqual(['a@1', 'b@1', 'bs@2']);
    expect(new UnitTree(city).descendants('missing')).toEqual([]);
  });

  it('lists ancestors nearest first and the depth', () => {
    const tree = new UnitTree(city);
    expect(tree.ancestors('bs').map((u) => u.id)).toEqual(['b', 'cz']);
    expect(tree.depth('bs')).toBe(2);
    expect(tree.depth('cz')).toBe(0);
  });

  it('ends on a parent cycle and on a missing parent, and still lists every unit once in the forest', () => {
    const broken = [...city, unit('x', 'y'), unit('y', 'x'), unit('orphan', 'gone'), unit('self', 'self')];
    const tree = new UnitTree(broken);
    expect(tree.ancestors('x').map((u) => u.id)).toEqual(['y']);
    expect(ids(tree.descendants('x', true))).toEqual(['x@0', 'y@1']);
    const forest = ids(tree.forest());
    expect(forest).toEqual(['cz@0', 'b@1', 'bs@2', 'a@1', 'orphan@0', 'self@0', 'x@0', 'y@1']);
    expect(new Set(forest).size).toBe(broken.length);
  });

  it('tells whether a new parent would put a unit above itself', () => {
    const tree = new UnitTree(city);
    expect(tree.wouldCycle('b', 'bs')).toBe(true);
    expect(tree.wouldCycle('b', 'b')).toBe(true);
    expect(tree.wouldCycle('b', 'a')).toBe(false);
    expect(tree.wouldCycle('cz', null)).toBe(false);
  });

  it('walks a chain of 20,000 units without overflowing the stack', () => {
    const chain = Array.from({ length: 20000 }, (_, i) => unit(`u${i}`, i === 0 ? null : `u${i - 1}`));
    const tree = new UnitTree(chain);
    expect(tree.descendants('u0')).toHaveLength(19999);
    expect(tree.depth('u19999')).toBe(19999);
  });
});
