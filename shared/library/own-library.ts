// A unit's own indicator library as packages carry it (issue #17): the indicators its projects used, one record per
// scheme, 二级 and name, so a supervisor can hand its units a common library and a unit receives it.
import type { Id, LibraryRecord, Project, Unit } from '../model';
import { schemeOf } from '../schemes';

const keyOf = (r: Pick<LibraryRecord, 'schemeId' | 'level2' | 'name'>) => `${r.schemeId}\u0000${r.level2}\u0000${r.name}`;

/**
 * The indicators of the given projects as library records, the most recent use of each name under each 二级 (later
 * years first, then the projects' order), in the scheme of the project's unit. Unnamed rows are left out.
 */
export function libraryRecordsOf(projects: readonly Project[], units: readonly Unit[]): LibraryRecord[] {
  const unitById = new Map<Id, Unit>(units.map((u) => [u.id, u]));
  const ordered = projects.map((p, i) => ({ p, i })).sort((a, b) => b.p.year - a.p.year || a.i - b.i);
  const seen = new Set<string>();
  const out: LibraryRecord[] = [];
  for (const { p } of ordered) {
    const schemeId = schemeOf(unitById.get(p.unitId)).id;
    for (const ind of p.indicators) {
      const name = ind.name.trim();
      if (name === '') continue;
      const record: LibraryRecord = {
        schemeId,
        level2: ind.level2,
        name,
        direction: ind.direction,
        target: ind.target,
        ...(ind.targetMax !== undefined ? { targetMax: ind.targetMax } : {}),
        unit: ind.unit,
        ...(ind.explanation?.trim() ? { explanation: ind.explanation.trim() } : {}),
        source: `${p.year}年度`,
        projectName: p.name,
      };
      const key = keyOf(record);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(record);
    }
  }
  return out;
}

/** `kept` with `incoming` added after it: a kept record of the same scheme, 二级 and name gives way to the incoming one. */
export function mergeLibraryRecords(kept: readonly LibraryRecord[], incoming: readonly LibraryRecord[]): LibraryRecord[] {
  const byKey = new Map<string, LibraryRecord>();
  for (const r of kept) byKey.set(keyOf(r), r);
  for (const r of incoming) {
    const key = keyOf(r);
    // moved to the end with the other incoming ones (a Map keeps a key where it was first set)
    byKey.delete(key);
    byKey.set(key, r);
  }
  return [...byKey.values()];
}

/** Whether a stored value is a list of library records (the settings table holds unknown values). */
export function isLibraryRecords(value: unknown): value is LibraryRecord[] {
  return (
    Array.isArray(value) &&
    value.every(
      (r) =>
        typeof r === 'object' &&
        r !== null &&
        typeof (r as LibraryRecord).schemeId === 'string' &&
        typeof (r as LibraryRecord).level2 === 'string' &&
        typeof (r as LibraryRecord).name === 'string' &&
        typeof (r as LibraryRecord).direction === 'string' &&
        typeof (r as LibraryRecord).target === 'string' &&
        typeof (r as LibraryRecord).unit === 'string',
    )
  );
}
