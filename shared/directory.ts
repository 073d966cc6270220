// The unit directory (单位名录) a supervisor hands down, and recognising units across installations.
//
// A supervisor keeps its units (names, 统一社会信用代码 or 单位编码, sector, indicator scheme, rule sets) and hands a
// package down: an exchange document whose `directory` marker says who issued it, when and for which units, holding
// those units with every unit above them up to the top (the supervisor's own ancestors included), and the
// supervisor's library if it has one. A unit imports it and is set up: its own unit under the right parent, with the
// scheme and rule sets it is to use.
//
// The same unit may carry different ids in two installations (a unit that set itself up by hand before the directory
// came). Units are therefore recognised by id, then by code, then by name; a name alone is never enough to merge two
// units without someone confirming it. Packages going up use the same matching, so a unit's data lands under the
// parent the supervisor knows, not beside it.
import { createExchangeDocument } from './exchange/document';
import type { ExchangeDocument } from './exchange/exchange';
import { directoryText as T } from './directory-messages';
import type { DepartmentPlan, Id, LibraryRecord, Project, Timestamp, Unit, UnitRuleSet } from './model';
import { getScheme } from './schemes';
import { UnitTree } from './unit-tree';

export type PackageResult = { ok: true; document: ExchangeDocument } | { ok: false; errors: string[] };

/** The records of a database, as the directory functions read them. */
export interface UnitData {
  units: readonly Unit[];
  projects?: readonly Project[];
  departmentPlans?: readonly DepartmentPlan[];
  library?: readonly LibraryRecord[];
}

// ---------------------------------------------------------------- the package

/**
 * The units a package handed down by `supervisorId` carries: the supervisor's ancestors, the supervisor, and each
 * chosen unit with the units between it and the supervisor, parents before children. `unitIds` absent: every unit
 * below the supervisor.
 */
export function directoryUnits(
  units: readonly Unit[],
  supervisorId: Id,
  unitIds?: readonly Id[],
): { ok: true; units: Unit[]; issued: Unit[] } | { ok: false; errors: string[] } {
  const tree = new UnitTree(units);
  const supervisor = tree.get(supervisorId);
  if (!supervisor) return { ok: false, errors: [T.unknownSupervisor(supervisorId)] };
  const below = tree.descendants(supervisorId).map((x) => x.unit);
  const belowIds = new Set(below.map((u) => u.id));
  const errors: string[] = [];
  const issued: Unit[] = [];
  for (const id of unitIds ?? below.map((u) => u.id)) {
    const unit = tree.get(id);
    if (!unit) errors.push(T.unknownUnit(id));
    else if (!belowIds.has(id)) errors.push(T.notBelow(unit.name, supervisor.name));
    else if (!issued.includes(unit)) issued.push(unit);
  }
  if (errors.length > 0) return { ok: false, errors };
  if (issued.length === 0) return { ok: false, errors: [T.noUnits(supervisor.name)] };
  const wanted = new Set<Id>();
  for (const unit of issued) {
    wanted.add(unit.id);
    for (const a of tree.ancestors(unit.id)) {
      if (a.id === supervisorId) break;
      wanted.add(a.id);
    }
  }
  const above = tree.ancestors(supervisorId).reverse();
  return { ok: true, units: [...above, supervisor, ...below.filter((u) => wanted.has(u.id))].map((u) => ({ ...u })), issued };
}

/**
 * 下发单位名录: the package for one unit, several, or (unitIds absent) every unit below the supervisor. It carries the
 * units only (no projects), the supervisor's library when it has one, and the `directory` marker.
 */
export function buildDirectoryPackage(
  data: UnitData,
  supervisorId: Id,
  unitIds: readonly Id[] | undefined,
  issuedAt: Timestamp,
  exportedBy?: string,
): PackageResult {
  const chosen = directoryUnits(data.units, supervisorId, unitIds);
  if (!chosen.ok) return chosen;
  const document = createExchangeDocument(
    { units: chosen.units, projects: [], departmentPlans: [], library: data.library ? [...data.library] : undefined },
    issuedAt,
    exportedBy,
  );
  document.directory = { purpose: 'directory', issuedBy: supervisorId, issuedAt, unitIds: chosen.issued.map((u) => u.id) };
  return { ok: true, document };
}

// ---------------------------------------------------------------- matching units

/** How a unit of a package was recognised locally: same id, same code, same name (unconfirmed), or someone said so. */
export type MatchedBy = 'id' | 'code' | 'name' | 'decided';

/**
 * What someone decided about a unit of a package (keyed by its id in the package): it is this local unit, or it is
 * a unit of its own (placed under `parentId` when given: the way to settle a unit whose parent is nowhere).
 */
export type UnitDecision = { kind: 'same'; localId: Id } | { kind: 'new'; parentId?: Id | null };
export type UnitDecisions = ReadonlyMap<Id, UnitDecision>;

/** A unit of a package that cannot be placed as things stand, and why. */
export interface UnitProblem {
  /** its id in the package */
  incomingId: Id;
  name: string;
  message: string;
}

export interface UnitMatch {
  /** the unit as the package has it */
  incoming: Unit;
  /** the local unit it is; for a name match awaiting confirmation, the one proposed; null: none */
  local: Unit | null;
  by: MatchedBy | null;
  /** matched by name (or by a code several local units share) only: someone must confirm, else it is a unit of its own */
  needsConfirmation: boolean;
  /** for a match that needs confirmation: every local unit it may be */
  candidates: Unit[];
}

/** 统一社会信用代码 / 单位编码 as compared: full-width folded, spaces and dashes dropped, letters in capitals. */
export function normalizeCode(code: string | undefined): string {
  return (code ?? '').normalize('NFKC').replace(/[\s\-－—_]/g, '').toUpperCase();
}

/** A unit name as compared: full-width folded ("（" and "("), spaces dropped. */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s/g, '');
}

/**
 * Each incoming unit against the local ones, one to one: first by id, then by what was decided, then by code, then
 * by name. A local unit is claimed once; a name matches only where the codes do not contradict it.
 */
export function matchUnits(
  localUnits: readonly Unit[],
  incomingUnits: readonly Unit[],
  decisions: UnitDecisions = new Map(),
): { matches: UnitMatch[]; problems: UnitProblem[] } {
  const problems: UnitProblem[] = [];
  const problem = (incoming: Unit, message: string) => problems.push({ incomingId: incoming.id, name: incoming.name, message });
  const byId = new Map(localUnits.map((u) => [u.id, u]));
  const claimedBy = new Map<Id, Unit>();
  const matches = new Map<Id, UnitMatch>();
  const settle = (incoming: Unit, local: Unit | null, by: MatchedBy | null, candidates: Unit[] = []) =>
    matches.set(incoming.id, { incoming, local, by, needsConfirmation: by === 'name' || (by === 'code' && candidates.length > 1), candidates });

  for (const incoming of incomingUnits) {
    const local = byId.get(incoming.id);
    if (local) {
      settle(incoming, local, 'id');
      claimedBy.set(local.id, incoming);
    }
  }
  for (const incoming of incomingUnits) {
    const decision = decisions.get(incoming.id);
    if (matches.has(incoming.id) || !decision) continue;
    if (decision.kind === 'new') {
      settle(incoming, null, null);
      continue;
    }
    const local = byId.get(decision.localId);
    const holder = local && claimedBy.get(local.id);
    if (!local) problem(incoming, T.decidedUnknownLocal(incoming.name));
    else if (holder) problem(incoming, T.decidedTaken(local.name, holder.name));
    else {
      settle(incoming, local, 'decided');
      claimedBy.set(local.id, incoming);
    }
  }
  const free = (u: Unit) => !claimedBy.has(u.id);
  for (const incoming of incomingUnits) {
    const code = normalizeCode(incoming.code);
    if (matches.has(incoming.id) || code === '') continue;
    const same = localUnits.filter((u) => free(u) && normalizeCode(u.code) === code);
    if (same.length === 1) {
      settle(incoming, same[0], 'code');
      claimedBy.set(same[0].id, incoming);
    } else if (same.length > 1) settle(incoming, same[0], 'code', same);
  }
  for (const incoming of incomingUnits) {
    if (matches.has(incoming.id)) continue;
    const name = normalizeName(incoming.name);
    const code = normalizeCode(incoming.code);
    const same = localUnits.filter((u) => free(u) && normalizeName(u.name) === name && (code === '' || normalizeCode(u.code) === '' || normalizeCode(u.code) === code));
    settle(incoming, same[0] ?? null, same.length > 0 ? 'name' : null, same);
  }
  return { matches: incomingUnits.map((u) => matches.get(u.id)!), problems };
}

/** Where a unit of a package going up lands in the local data. */
export interface UnitPlacement extends UnitMatch {
  /** the id it is written under: the local unit's when it was recognised (and confirmed), else its own */
  localId: Id;
  /** its parent, as a local id; null: a top-level unit */
  parentId: Id | null;
  /** added as a top-level unit beside units already there (a department of its own, or a parent not recognised) */
  newTopLevel: boolean;
  /**
   * its parent is found neither locally nor in the package, and no decision placed it: it keeps pointing at that
   * parent (which may come in a later package, as a supervisor's own package can follow its units') and shows as a
   * top-level unit until then; a screen offers to place it (decision `new` with `parentId`)
   */
  orphan: boolean;
  /** what a screen says about it, when someone should look: a name match to confirm, a parent not here */
  attention: string | null;
}

/**
 * How the units of a package sent up map onto the local directory (consolidation calls this before classifying; a
 * screen calls it to show the matches waiting for confirmation and the units whose parent is not here):
 * recognised units take the local id, so their projects land on the unit the supervisor knows. A unit recognised by
 * code or a confirmation is the supervisor's record of it, parent included. A unit with the same id goes where the
 * package puts it, but a package naming no parent, or one found nowhere, does not take it out of the supervisor's
 * tree. A new unit's parent is looked up the same way (its match, a local unit, or a unit of the package).
 */
export function matchUnitsToDirectory(
  localData: UnitData,
  doc: Pick<ExchangeDocument, 'units'>,
  decisions: UnitDecisions = new Map(),
): { placements: UnitPlacement[]; problems: UnitProblem[] } {
  const { matches, problems } = matchUnits(localData.units, doc.units, decisions);
  const localIds = new Set(localData.units.map((u) => u.id));
  const recognised = (m: UnitMatch): m is UnitMatch & { local: Unit } => m.local !== null && !m.needsConfirmation;
  const idMap = new Map<Id, Id>(matches.map((m) => [m.incoming.id, recognised(m) ? m.local.id : m.incoming.id]));
  const placements = matches.map((m): UnitPlacement => {
    const localId = idMap.get(m.incoming.id)!;
    const decision = decisions.get(m.incoming.id);
    const attention = m.needsConfirmation && m.local ? T.confirmName(m.incoming.name, m.local.name) : null;
    const placed = { ...m, localId, newTopLevel: false, orphan: false, attention };
    if (decision?.kind === 'new' && decision.parentId !== undefined && !recognised(m)) {
      if (decision.parentId !== null && !localIds.has(decision.parentId)) {
        problems.push({ incomingId: m.incoming.id, name: m.incoming.name, message: T.decidedParentUnknown(m.incoming.name) });
      }
      return { ...placed, parentId: decision.parentId, newTopLevel: decision.parentId === null && localData.units.length > 0 };
    }
    const named = m.incoming.parentId;
    const mapped = named === null ? null : (idMap.get(named) ?? (localIds.has(named) ? named : undefined));
    if (recognised(m)) {
      // recognised under another id: the supervisor's record stands whole (placeUnits), its parent with it
      if (m.by !== 'id') return { ...placed, parentId: m.local.parentId };
      return { ...placed, parentId: mapped === null || mapped === undefined ? m.local.parentId : mapped };
    }
    if (mapped === undefined) return { ...placed, parentId: named, orphan: true, attention: attention ?? T.orphan(m.incoming.name, named ?? '') };
    return { ...placed, parentId: mapped, newTopLevel: mapped === null && localData.units.length > 0 };
  });
  return { placements, problems };
}

/**
 * The package with its units under their local ids and parents (matchUnitsToDirectory), and every project and plan
 * of a recognised unit moved onto it. A unit recognised under another id (by code, or confirmed by name) is the local
 * record itself: the supervisor's directory (its name, code, scheme, rule sets) is not rewritten by a unit that set
 * itself up by hand; the unit's own record only served to recognise it.
 */
export function placeUnits(doc: ExchangeDocument, placements: readonly UnitPlacement[]): ExchangeDocument {
  const byIncoming = new Map(placements.map((p) => [p.incoming.id, p]));
  const unitId = (id: Id) => byIncoming.get(id)?.localId ?? id;
  const units = doc.units.map((u): Unit => {
    const p = byIncoming.get(u.id);
    if (!p) return u;
    if (p.localId !== u.id && p.local) return p.local;
    return p.parentId === u.parentId ? u : { ...u, parentId: p.parentId };
  });
  const moved = <R extends { unitId: Id }>(r: R): R => (unitId(r.unitId) === r.unitId ? r : { ...r, unitId: unitId(r.unitId) });
  return { ...doc, units, projects: doc.projects.map(moved), departmentPlans: doc.departmentPlans.map(moved) };
}

// ---------------------------------------------------------------- importing the directory (the unit's side)

export interface DirectoryImportOptions {
  decisions?: UnitDecisions;
  /** the units of a package for several that this installation is (default: every unit the package was issued for) */
  ownUnitIds?: readonly Id[];
  /** the time written units are stamped with (default: the package's issuedAt) */
  now?: Timestamp;
}

export interface DirectoryStep {
  /** the unit as the directory has it */
  directory: Unit;
  /** the local unit it updates; null when it is added */
  local: Unit | null;
  by: MatchedBy | null;
  action: 'add' | 'update' | 'unchanged';
  /** the unit as it is written */
  record: Unit;
  /** what changes on a local unit, in words */
  changes: string[];
  /** one of the units the package was issued for, not only a unit above them */
  issued: boolean;
}

export interface DirectoryImportPlan {
  /** the supervisor that issued the package, as the package has it */
  issuedBy: Unit | null;
  /** the units the package was issued for: a package for several asks which of them this installation is */
  issued: Unit[];
  /** one per unit set up, parents first */
  steps: DirectoryStep[];
  /** name matches waiting for someone to confirm (decisions `same` or `new`); nothing is written until then */
  confirmations: UnitMatch[];
  problems: string[];
  warnings: string[];
  /** the units to write (added and changed); empty while there are confirmations or problems */
  records: Unit[];
  /** the supervisor's library, for the local library */
  library: LibraryRecord[];
}

/**
 * 导入单位名录: how the local units are set up from a directory package. Each unit of the package is recognised by
 * id, code, then name (a name needs confirming); a recognised unit keeps its local id and takes the directory's name,
 * code, parent, scheme, sector and rule sets; the others are added with the directory's ids, so later packages match
 * by id. The directory's rule sets govern from their first year on; local entries for earlier years stay.
 */
export function planDirectoryImport(localData: UnitData, doc: ExchangeDocument, options: DirectoryImportOptions = {}): DirectoryImportPlan {
  const plan: DirectoryImportPlan = { issuedBy: null, issued: [], steps: [], confirmations: [], problems: [], warnings: [], records: [], library: [] };
  const marker = doc.directory;
  if (!marker) return { ...plan, problems: [T.notDirectory] };
  const tree = new UnitTree(doc.units);
  plan.issuedBy = tree.get(marker.issuedBy) ?? null;
  plan.issued = marker.unitIds.map((id) => tree.get(id)).filter((u): u is Unit => u !== undefined);
  plan.library = doc.library ? [...doc.library] : [];
  const own: Unit[] = [];
  for (const id of options.ownUnitIds ?? marker.unitIds) {
    const unit = plan.issued.find((u) => u.id === id);
    if (unit) own.push(unit);
    else plan.problems.push(T.notIssuedUnit(tree.get(id)?.name ?? id));
  }
  const wanted = new Set<Id>();
  for (const unit of own) {
    wanted.add(unit.id);
    for (const a of tree.ancestors(unit.id)) wanted.add(a.id);
  }
  const included = tree.forest().map((x) => x.unit).filter((u) => wanted.has(u.id));

  const { matches, problems } = matchUnits(localData.units, included, options.decisions);
  plan.problems.push(...problems.map((p) => p.message));
  plan.confirmations = matches.filter((m) => m.needsConfirmation);
  const idMap = new Map<Id, Id>(matches.map((m) => [m.incoming.id, m.local && !m.needsConfirmation ? m.local.id : m.incoming.id]));
  const now = options.now ?? marker.issuedAt;
  const issuedIds = new Set(own.map((u) => u.id));
  for (const m of matches) {
    const dir = m.incoming;
    const local = m.needsConfirmation ? null : m.local;
    const parentId = dir.parentId === null ? null : (idMap.get(dir.parentId) ?? local?.parentId ?? null);
    const issued = issuedIds.has(dir.id);
    if (!local) {
      plan.steps.push({ directory: dir, local: null, by: null, action: 'add', record: { ...dir, parentId, updatedAt: now }, changes: [], issued });
      continue;
    }
    const record = definedOnly({
      ...local,
      name: dir.name,
      shortName: dir.shortName ?? local.shortName,
      code: dir.code ?? local.code,
      parentId,
      schemeId: dir.schemeId,
      ruleSets: ruleSetsFromDirectory(local.ruleSets, dir.ruleSets),
      sector: dir.sector ?? local.sector,
      updatedAt: laterOf(now, local.updatedAt),
    });
    const changes = describeChanges(local, record, (id) => included.find((u) => idMap.get(u.id) === id)?.name ?? localData.units.find((u) => u.id === id)?.name ?? id);
    plan.steps.push({ directory: dir, local, by: m.by, action: changes.length > 0 ? 'update' : 'unchanged', record: changes.length > 0 ? record : local, changes, issued });
    if (local.schemeId !== dir.schemeId) {
      const held = [...(localData.projects ?? []), ...(localData.departmentPlans ?? [])].filter((r) => r.unitId === local.id).length;
      if (held > 0) plan.warnings.push(T.schemeChange(local.name, schemeName(local.schemeId), schemeName(dir.schemeId), held));
    }
  }
  const written = plan.steps.filter((s) => s.action !== 'unchanged').map((s) => s.record);
  const after = new Map(localData.units.map((u) => [u.id, u]));
  for (const u of written) after.set(u.id, u);
  for (const u of written) if (parentsLoop(after, u.id)) plan.problems.push(T.cycle(u.name));
  plan.records = plan.problems.length > 0 || plan.confirmations.length > 0 ? [] : written;
  return plan;
}

/** Local entries before the directory's first year, then the directory's: the supervisor's rules govern from then on. */
function ruleSetsFromDirectory(local: UnitRuleSet[] | undefined, directory: UnitRuleSet[] | undefined): UnitRuleSet[] | undefined {
  if (!directory || directory.length === 0) return local;
  const first = Math.min(...directory.map((r) => r.year));
  return [...(local ?? []).filter((r) => r.year < first), ...directory].sort((a, b) => a.year - b.year);
}

function describeChanges(before: Unit, after: Unit, nameOf: (id: Id) => string): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const out: string[] = [];
  if (before.name !== after.name) out.push(T.changeName(before.name, after.name));
  if (!same(before.shortName, after.shortName) && after.shortName) out.push(T.changeShortName(after.shortName));
  if (!same(before.code, after.code) && after.code) out.push(T.changeCode(after.code));
  if (before.parentId !== after.parentId) out.push(after.parentId === null ? T.changeTopLevel : T.changeParent(nameOf(after.parentId)));
  if (before.schemeId !== after.schemeId) out.push(T.changeScheme(schemeName(after.schemeId)));
  if (!same(before.ruleSets, after.ruleSets)) out.push(T.changeRuleSets);
  if (!same(before.sector, after.sector) && after.sector) out.push(T.changeSector(after.sector));
  return out;
}

function schemeName(id: string): string {
  return getScheme(id)?.label ?? id;
}

function laterOf(a: Timestamp, b: Timestamp): Timestamp {
  const x = Date.parse(a);
  const y = Date.parse(b);
  if (Number.isNaN(x) || Number.isNaN(y) || x > y) return a;
  return new Date(y + 1).toISOString();
}

/** The object without its undefined members, so a record compares and stores as if they were never there. */
function definedOnly<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

/** Whether following parents from `id` comes back to it. */
function parentsLoop(units: ReadonlyMap<Id, Unit>, id: Id): boolean {
  const seen = new Set<Id>();
  let cursor = units.get(id)?.parentId ?? null;
  while (cursor !== null && !seen.has(cursor)) {
    if (cursor === id) return true;
    seen.add(cursor);
    cursor = units.get(cursor)?.parentId ?? null;
  }
  return false;
}
