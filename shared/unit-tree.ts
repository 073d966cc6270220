// The unit hierarchy (主管部门 → 下级单位) in one place. Parent links come from user data and packages, so a link may
// point at a unit that is not there or form a cycle: every walk here visits a unit at most once and always ends.
import type { Id, Unit } from './model';

export interface UnitAtDepth {
  unit: Unit;
  /** 0 for a root of the forest (or the unit a walk starts from), 1 for its children, … */
  depth: number;
}

export class UnitTree {
  private readonly byId = new Map<Id, Unit>();
  private readonly childrenOf = new Map<Id, Unit[]>();

  /** @param compare sibling order; data order when absent */
  constructor(readonly units: readonly Unit[], compare?: (a: Unit, b: Unit) => number) {
    for (const unit of units) if (!this.byId.has(unit.id)) this.byId.set(unit.id, unit);
    for (const unit of units) {
      if (unit.parentId === null || unit.parentId === unit.id || !this.byId.has(unit.parentId)) continue;
      const list = this.childrenOf.get(unit.parentId);
      if (list) list.push(unit);
      else this.childrenOf.set(unit.parentId, [unit]);
    }
    if (compare) for (const list of this.childrenOf.values()) list.sort(compare);
  }

  get(id: Id | null): Unit | undefined {
    return id === null ? undefined : this.byId.get(id);
  }

  children(id: Id): readonly Unit[] {
    return this.childrenOf.get(id) ?? [];
  }

  /** The units below `rootId`, depth first, parents before children; the root itself first when `includeRoot`. */
  descendants(rootId: Id, includeRoot = false): UnitAtDepth[] {
    const out: UnitAtDepth[] = [];
    const root = this.byId.get(rootId);
    if (!root) return out;
    const seen = new Set<Id>();
    this.walk(root, 0, seen, out);
    return includeRoot ? out : out.slice(1);
  }

  /** The parent, its parent, … up to a root; stops at a missing unit or a cycle. */
  ancestors(id: Id): Unit[] {
    const out: Unit[] = [];
    const seen = new Set<Id>([id]);
    let cursor = this.byId.get(id)?.parentId ?? null;
    while (cursor !== null && !seen.has(cursor)) {
      const unit = this.byId.get(cursor);
      if (!unit) break;
      seen.add(cursor);
      out.push(unit);
      cursor = unit.parentId;
    }
    return out;
  }

  /** How many ancestors a unit has in the data. */
  depth(id: Id): number {
    return this.ancestors(id).length;
  }

  /** Whether making `parentId` the parent of `id` would put `id` above itself. */
  wouldCycle(id: Id, parentId: Id | null): boolean {
    if (parentId === null) return false;
    return parentId === id || this.ancestors(parentId).some((u) => u.id === id);
  }

  /**
   * Every unit exactly once, as an indented forest: roots (no parent, a parent that is not there) with their
   * subtrees; units caught in a parent cycle, which no root reaches, are listed as roots of their own.
   */
  forest(): UnitAtDepth[] {
    const out: UnitAtDepth[] = [];
    const seen = new Set<Id>();
    for (const unit of this.byId.values()) {
      if (!seen.has(unit.id) && this.isRoot(unit)) this.walk(unit, 0, seen, out);
    }
    for (const unit of this.byId.values()) if (!seen.has(unit.id)) this.walk(unit, 0, seen, out);
    return out;
  }

  private isRoot(unit: Unit): boolean {
    return unit.parentId === null || unit.parentId === unit.id || !this.byId.has(unit.parentId);
  }

  private walk(unit: Unit, depth: number, seen: Set<Id>, out: UnitAtDepth[]): void {
    // an explicit stack: a chain of thousands of units must not overflow the call stack
    const stack: UnitAtDepth[] = [{ unit, depth }];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next.unit.id)) continue;
      seen.add(next.unit.id);
      out.push(next);
      const children = this.children(next.unit.id);
      for (let i = children.length - 1; i >= 0; i--) stack.push({ unit: children[i], depth: next.depth + 1 });
    }
  }
}

const nameCollator = new Intl.Collator('zh-Hans-CN');

/** Chinese (pinyin) order of two names. */
export function compareNames(a: string, b: string): number {
  return nameCollator.compare(a, b);
}

/** Siblings in Chinese name order, as lists show them. */
export function byUnitName(a: Unit, b: Unit): number {
  return nameCollator.compare(a.name, b.name);
}
