// What another window changed in a record, and the record that keeps both sides' work: a three-way comparison of the
// record as the editor last read it (base), as the editor holds it now (mine) and as it is stored (theirs). Pure.
// A record is described by its parts (record-shapes.ts): single fields, and list items kept by id (indicator rows,
// tasks, results), so that two windows editing different rows of one list both keep their rows.
import { MC } from '../messages-concurrency';

export type Choice = 'mine' | 'theirs';

/** One part of a record the other window changed, as the conflict dialog lists it. */
export interface FieldChange {
  key: string;
  label: string;
  /** the stored value, as read */
  theirs: string;
  /** the editor's value, as read */
  mine: string;
  /** whether this editor changed the part too; if not, taking theirs loses nothing of this editor */
  mineChanged: boolean;
}

/** A part's value in one record (undefined: the record has no such part, e.g. a deleted row). */
export interface PartValue {
  label: string;
  value: unknown;
  text: string;
}

/** One described part of a record, or a family of them (the items of a list). */
export interface PartSpec<T> {
  /** the record's parts of this spec, by key, in the order they are shown */
  read(record: T): Map<string, PartValue>;
  /** sets in `onto` (a copy of the stored record) the parts of this spec, each from the record `from(key)` names */
  write(onto: T, from: (key: string) => T, mine: T, theirs: T): void;
}

export type RecordShape<T> = readonly PartSpec<T>[];

/** Equality of plain data: a property holding undefined counts as absent, as it does once stored. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((x, i) => sameData(x, other[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (!sameData(ra[k], rb[k])) return false;
  return true;
}

function blank(value: unknown): boolean {
  return value === undefined || value === null || value === '' || value === 0 || value === false || (Array.isArray(value) && value.length === 0);
}

function partsOf<T>(shape: RecordShape<T>, record: T | null): Map<string, PartValue>[] {
  return shape.map((spec) => (record === null ? new Map() : spec.read(record)));
}

/** The keys of one spec over the three records: theirs' order first, then the others' own. */
function keysOf(...maps: Map<string, PartValue>[]): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const map of [maps[2], maps[1], maps[0]]) {
    for (const key of map.keys()) {
      if (seen.has(key)) continue;
      seen.add(key);
      keys.push(key);
    }
  }
  return keys;
}

interface Compared {
  key: string;
  base?: PartValue;
  mine?: PartValue;
  theirs?: PartValue;
  /** the other window changed it, to something else than this editor has */
  listed: boolean;
  mineChanged: boolean;
}

function compare<T>(shape: RecordShape<T>, base: T | null, mine: T, theirs: T): Compared[][] {
  const b = partsOf(shape, base);
  const m = partsOf(shape, mine);
  const t = partsOf(shape, theirs);
  return shape.map((_, i) =>
    keysOf(b[i], m[i], t[i]).map((key) => {
      const bv = b[i].get(key);
      const mv = m[i].get(key);
      const tv = t[i].get(key);
      const sameAsMine = sameData(mv?.value, tv?.value);
      // with no base (two windows created the record at once) every difference is asked, and a part this editor
      // filled in counts as its change
      const theirsChanged = base === null ? !sameAsMine : !sameData(bv?.value, tv?.value);
      const mineChanged = base === null ? !blank(mv?.value) : !sameData(bv?.value, mv?.value);
      return { key, base: bv, mine: mv, theirs: tv, listed: theirsChanged && !sameAsMine, mineChanged };
    }),
  );
}

/**
 * What the other window changed that this editor holds otherwise, part by part, with labels and both values as text.
 * Parts both changed the same way, and parts only this editor changed, are not listed: those merge by themselves.
 */
export function conflictChanges<T>(shape: RecordShape<T>, base: T | null, mine: T, theirs: T): FieldChange[] {
  return compare(shape, base, mine, theirs)
    .flat()
    .filter((c) => c.listed)
    .map((c) => ({
      key: c.key,
      label: (c.theirs ?? c.mine ?? c.base)!.label,
      theirs: c.theirs?.text ?? MC.absent,
      mine: c.mine?.text ?? MC.absent,
      mineChanged: c.mineChanged,
    }));
}

/** The choice the dialog starts from: keep a part this editor changed, take the other window's where it did not. */
export function defaultChoice(change: Pick<FieldChange, 'mineChanged'>): Choice {
  return change.mineChanged ? 'mine' : 'theirs';
}

/**
 * The record to save: the stored one (theirs), with every part this editor changed that the other window did not,
 * and for each listed part the side chosen (the default choice where none is given). Fields the shape does not
 * describe stay as stored.
 */
export function mergeConflict<T>(shape: RecordShape<T>, base: T | null, mine: T, theirs: T, choices: ReadonlyMap<string, Choice> = new Map()): T {
  const onto = structuredClone(theirs);
  const compared = compare(shape, base, mine, theirs);
  shape.forEach((spec, i) => {
    const byKey = new Map(compared[i].map((c) => [c.key, c]));
    const from = (key: string): T => {
      const c = byKey.get(key);
      if (!c) return theirs;
      const choice = c.listed ? (choices.get(key) ?? defaultChoice(c)) : c.mineChanged ? 'mine' : 'theirs';
      return choice === 'mine' ? mine : theirs;
    };
    spec.write(onto, from, mine, theirs);
  });
  return onto;
}

// ------------------------------------------------------------------ building shapes

/** A single field: its value is read and written whole. */
export function field<T, V>(key: string, label: string, get: (r: T) => V, set: (r: T, v: V) => void, text: (v: V) => string): PartSpec<T> {
  return {
    read: (record) => {
      const value = get(record);
      return new Map([[key, { label, value, text: text(value) }]]);
    },
    write: (onto, from) => set(onto, structuredClone(get(from(key)))),
  };
}

/**
 * A list whose items are kept by id: each item is a part (an item one side deleted is absent there). The merged list
 * keeps this editor's order, with items only the stored record has placed after the item they follow there.
 */
export function listOf<T, E>(
  key: string,
  spec: { items: (r: T) => readonly E[]; setItems: (r: T, items: E[]) => void; idOf: (e: E) => string; label: (e: E) => string; text: (e: E) => string },
): PartSpec<T> {
  const partKey = (e: E) => `${key}:${spec.idOf(e)}`;
  return {
    read: (record) => new Map(spec.items(record).map((e) => [partKey(e), { label: spec.label(e), value: e, text: spec.text(e) }])),
    write: (onto, from, mine, theirs) => {
      const pick = new Map<string, E>();
      for (const source of [mine, theirs]) {
        for (const e of spec.items(source)) if (from(partKey(e)) === source) pick.set(partKey(e), e);
      }
      const order = spec.items(mine).map(partKey);
      let after = -1;
      for (const e of spec.items(theirs)) {
        const k = partKey(e);
        const at = order.indexOf(k);
        if (at >= 0) after = at;
        else order.splice(++after, 0, k);
      }
      spec.setItems(
        onto,
        order.flatMap((k) => (pick.has(k) ? [structuredClone(pick.get(k)!)] : [])),
      );
    },
  };
}

/**
 * One value on each item of a list the other side owns (a task's year-end spending): the items stay as stored; only
 * the value is taken from the chosen side, on the items the stored record has.
 */
export function valueOnItems<T, E, V>(
  key: string,
  spec: { items: (r: T) => readonly E[]; idOf: (e: E) => string; label: (e: E) => string; get: (e: E) => V; set: (e: E, v: V) => void; text: (v: V) => string },
): PartSpec<T> {
  const partKey = (e: E) => `${key}:${spec.idOf(e)}`;
  return {
    read: (record) =>
      new Map(
        spec.items(record).map((e) => {
          const value = spec.get(e);
          return [partKey(e), { label: spec.label(e), value, text: spec.text(value) }];
        }),
      ),
    write: (onto, from) => {
      for (const e of spec.items(onto)) {
        const source = spec.items(from(partKey(e))).find((x) => spec.idOf(x) === spec.idOf(e));
        if (source) spec.set(e, structuredClone(spec.get(source)));
      }
    },
  };
}

/** How a value reads in the dialog. */
export function textOf(value: unknown): string {
  if (value === undefined || value === null || value === '') return MC.empty;
  if (typeof value === 'boolean') return value ? MC.yes : MC.no;
  return String(value);
}

/** Whether two records agree on every part of the shape (an editor that takes a merge only redraws when not). */
export function sameParts<T>(shape: RecordShape<T>, a: T, b: T): boolean {
  return shape.every((spec) => {
    const pa = spec.read(a);
    const pb = spec.read(b);
    const keysB = [...pb.keys()];
    if (pa.size !== pb.size || [...pa.keys()].some((key, i) => key !== keysB[i])) return false;
    for (const [key, part] of pa) if (!sameData(part.value, pb.get(key)?.value)) return false;
    return true;
  });
}
