// Consolidation (汇总导入): a supervisor imports the packages of many units into one database. Records keep their ids
// across packages, so each incoming record is matched with the local one and classified before anything is written.
//
// A "base" is the incoming updatedAt recorded when a record was last imported. With a base, each side has changed
// since the last import when its updatedAt is later than the base; a change on one side only wins, a change on both
// is a conflict the user resolves. Without a base (first import, or a record entered by hand on both sides), the
// newer edit wins and equal times with different content are a conflict. Nothing is ever overwritten silently by an
// older version, and a conflict resolved for the local side stays resolved when the same package comes again.
//
// Units recognised by code (or, once confirmed, by name) are written onto the local unit they are (shared/directory.ts).
// A project's review is merged from both sides whatever becomes of the rest of it (shared/review.ts mergeReviews):
// review rounds are never lost, and a review alone never makes a conflict.
import type { DepartmentPlan, Id, Project, Timestamp, Unit } from './model';
import type { ExchangeDocument } from './exchange/exchange';
import { consolidationText as T, RECORD_KIND_LABELS } from './consolidation-messages';
import { matchUnitsToDirectory, placeUnits, type UnitDecisions } from './directory';
import { contentDigest, latestSubmission, mergeReviews, sameReview } from './review';
import { isSaneTimestamp, timestampForMessage } from './timestamp';

export type RecordKind = 'unit' | 'project' | 'departmentPlan';

/** A project travels with its indicators and its self-assessment as one record. */
export interface RecordOf {
  unit: Unit;
  project: Project;
  departmentPlan: DepartmentPlan;
}

/** The records of a database or a package (the shape of Repository.exportAll()). */
export interface DataSet {
  units: Unit[];
  projects: Project[];
  departmentPlans: DepartmentPlan[];
}

/**
 * Record id → the incoming updatedAt recorded at its last import. A Map, as every lookup by id: ids come from files,
 * and on a plain object an id such as `toString` or `__proto__` would find the prototype's member instead.
 */
export type SyncBases = ReadonlyMap<Id, Timestamp>;

export type ConflictChoice = 'local' | 'incoming';

/** Conflict (incoming record id) → the side the user chose. */
export type ConflictChoices = ReadonlyMap<Id, ConflictChoice>;

interface EntryOf<K extends RecordKind> {
  kind: K;
  /** the incoming record's id; choices and bases are keyed by it */
  id: Id;
  /** '深圳市龙岗区工商业联合会', '党建事务（2019年度）', '区工商联 2023年度部门整体支出绩效目标' */
  displayName: string;
  localUpdatedAt: Timestamp | null;
  incomingUpdatedAt: Timestamp;
  /** the incoming updatedAt at the previous import of this record, if any */
  base: Timestamp | null;
  local: RecordOf[K] | null;
  incoming: RecordOf[K];
  /** one Chinese sentence saying why the record landed in its list */
  reason: string;
}

export type PlanEntry = EntryOf<'unit'> | EntryOf<'project'> | EntryOf<'departmentPlan'>;

export interface ImportProblem {
  kind: RecordKind;
  id: Id;
  displayName: string;
  message: string;
}

export interface ImportPlan {
  /** not in the local data */
  add: PlanEntry[];
  /** the incoming version replaces the local one */
  update: PlanEntry[];
  /** same content on both sides */
  unchanged: PlanEntry[];
  /** the local version is newer and stays */
  keepLocal: PlanEntry[];
  /** changed on both sides: the user chooses */
  conflicts: PlanEntry[];
  /** records that cannot be imported; any problem blocks the whole import */
  problems: ImportProblem[];
}

export interface AppliedImport {
  /**
   * the records to write: a project replaces the local project with its indicators, a plan the plan of its unit and
   * year; a conflict resolved for the local side is written back re-stamped (see applyPlan)
   */
  records: DataSet;
  /** the bases to store: every record of the package, at its incoming updatedAt */
  bases: Map<Id, Timestamp>;
}

export type ApplyResult = { ok: true; value: AppliedImport } | { ok: false; errors: string[] };

/** An incoming record whose indicators are checked against the local ones. */
type IndicatorOwner = { kind: 'project'; record: Project } | { kind: 'departmentPlan'; record: DepartmentPlan };

type Verdict = 'add' | 'update' | 'unchanged' | 'keepLocal' | 'conflicts';

/** Compares two timestamps as instants ('…Z' and '….000Z' are equal); falls back to text order if one is unreadable. */
export function compareTimestamps(a: Timestamp, b: Timestamp): number {
  const x = Date.parse(a);
  const y = Date.parse(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return a < b ? -1 : a > b ? 1 : 0;
  return Math.sign(x - y);
}

/** A canonical form for comparing content: keys sorted, undefined members dropped. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    // no prototype: a member named __proto__ is then an ordinary key and is compared like any other
    const out = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) out[key] = canonical(member);
    }
    return out;
  }
  return value;
}

/** Same content apart from updatedAt. */
export function sameContent<R extends { updatedAt: Timestamp }>(a: R, b: R): boolean {
  const { updatedAt: _a, ...x } = a;
  const { updatedAt: _b, ...y } = b;
  return JSON.stringify(canonical(x)) === JSON.stringify(canonical(y));
}

function classify(local: { updatedAt: Timestamp }, incoming: { updatedAt: Timestamp }, base: Timestamp | null): { verdict: Verdict; reason: string } {
  if (sameContent(local, incoming)) return { verdict: 'unchanged', reason: T.reasonSame };
  if (base !== null) {
    const localChanged = compareTimestamps(local.updatedAt, base) > 0;
    const incomingChanged = compareTimestamps(incoming.updatedAt, base) > 0;
    if (localChanged && incomingChanged) return { verdict: 'conflicts', reason: T.reasonBothChanged };
    if (incomingChanged) return { verdict: 'update', reason: T.reasonOnlyIncomingChanged };
    if (localChanged) return { verdict: 'keepLocal', reason: T.reasonOnlyLocalChanged };
    // The package brings nothing new since the last import (the same version again, or an older one), so the local
    // record is what that import settled on, e.g. a conflict resolved for the local side, even if its time is earlier.
    return { verdict: 'keepLocal', reason: T.reasonAlreadyImported };
  }
  const order = compareTimestamps(incoming.updatedAt, local.updatedAt);
  if (order > 0) return { verdict: 'update', reason: T.reasonIncomingNewer };
  if (order < 0) return { verdict: 'keepLocal', reason: T.reasonLocalNewer };
  return { verdict: 'conflicts', reason: T.reasonSameTimeDifferent };
}

/**
 * A project's verdict on everything but its review. The local targets may be exactly those of a submission the
 * incoming copy also holds: then the local side has changed nothing but the review since, and the incoming copy is
 * the unit's later version, which wins even though the local record was stamped by the supervisor's review.
 */
function classifyProject(local: Project, incoming: Project, base: Timestamp | null): { verdict: Verdict; reason: string } {
  const { review: _l, ...localRest } = local;
  const { review: _i, ...incomingRest } = incoming;
  if (sameContent(localRest, incomingRest)) return { verdict: 'unchanged', reason: T.reasonSame };
  const submitted = latestSubmission(local);
  const asSubmitted = submitted?.digest !== undefined && submitted.digest === contentDigest(local);
  if (asSubmitted && incoming.review?.submissions.some((s) => s.id === submitted.id)) return { verdict: 'update', reason: T.reasonChangedAfterSubmission };
  return classify(localRest, incomingRest, base);
}

function duplicateIds(ids: readonly Id[]): Id[] {
  const seen = new Set<Id>();
  const dups = new Set<Id>();
  for (const id of ids) {
    if (seen.has(id)) dups.add(id);
    seen.add(id);
  }
  return [...dups];
}

export interface ImportOptions {
  /**
   * what the user decided about units matchUnitsToDirectory could not settle alone (keyed by the unit's id in the
   * package): a name match confirmed or refused, a unit whose parent is nowhere placed under a local unit
   */
  unitDecisions?: UnitDecisions;
}

/**
 * Classifies every record of the package against the local data. Pure: reads nothing but its arguments.
 * Department plans are matched by id, or else by unit and year (a unit keeps one plan a year). Units are first placed
 * onto the local directory (matchUnitsToDirectory): a unit recognised by code, or by a name someone confirmed, is the
 * local unit; a name match not yet confirmed is added as a unit of its own; a decision that names a unit that is not
 * there is a problem.
 */
export function planImport(local: DataSet, packageDoc: ExchangeDocument, bases: SyncBases, options: ImportOptions = {}): ImportPlan {
  const plan: ImportPlan = { add: [], update: [], unchanged: [], keepLocal: [], conflicts: [], problems: [] };

  // a package that skipped parseExchange may repeat ids; matching by id would then be meaningless
  const dupChecks: [RecordKind, Id[]][] = [
    ['unit', duplicateIds(packageDoc.units.map((u) => u.id))],
    ['project', duplicateIds(packageDoc.projects.map((p) => p.id))],
    ['departmentPlan', duplicateIds(packageDoc.departmentPlans.map((p) => p.id))],
  ];
  for (const [kind, ids] of dupChecks) {
    for (const id of ids) plan.problems.push({ kind, id, displayName: id, message: T.duplicateId(RECORD_KIND_LABELS[kind], id) });
  }
  if (plan.problems.length > 0) return plan;

  const placed = matchUnitsToDirectory(local, packageDoc, options.unitDecisions);
  for (const p of placed.problems) plan.problems.push({ kind: 'unit', id: p.incomingId, displayName: p.name, message: p.message });
  const incoming = placeUnits(packageDoc, placed.placements);

  const localUnits = new Map(local.units.map((u) => [u.id, u]));
  const incomingUnits = new Map(incoming.units.map((u) => [u.id, u]));
  const unitName = (id: Id): string => incomingUnits.get(id)?.name ?? localUnits.get(id)?.name ?? T.unknownUnitName;
  const unitKnown = (id: Id): boolean => incomingUnits.has(id) || localUnits.has(id);

  // an unreadable time cannot be ordered against the local one, and would overflow when a choice is re-stamped
  const badTime = (kind: RecordKind, id: Id, displayName: string, updatedAt: unknown): boolean => {
    if (isSaneTimestamp(updatedAt)) return false;
    plan.problems.push({ kind, id, displayName, message: T.badTimestamp(displayName, timestampForMessage(updatedAt)) });
    return true;
  };

  const place = <K extends RecordKind>(kind: K, displayName: string, localRecord: RecordOf[K] | undefined, record: RecordOf[K]): void => {
    const base = bases.get(record.id) ?? null;
    const entry = {
      kind,
      id: record.id,
      displayName,
      localUpdatedAt: localRecord?.updatedAt ?? null,
      incomingUpdatedAt: record.updatedAt,
      base,
      local: localRecord ?? null,
      incoming: record,
    };
    // a plan matched by unit and year may carry another id: that alone is no change
    const comparable = localRecord === undefined ? undefined : { ...localRecord, id: record.id };
    const { verdict, reason } = comparable === undefined ? { verdict: 'add' as const, reason: T.reasonNew } : classify(comparable, record, base);
    plan[verdict].push({ ...entry, reason } as PlanEntry);
  };

  for (const unit of incoming.units) {
    if (!badTime('unit', unit.id, unit.name, unit.updatedAt)) place('unit', unit.name, localUnits.get(unit.id), unit);
  }

  const localProjects = new Map(local.projects.map((p) => [p.id, p]));
  /**
   * A project goes where its content puts it, carrying the review of both sides. A local record whose content stays
   * (unchanged, or kept as newer) but whose review gains events from the package is written back: its own content,
   * its own updatedAt, the merged review.
   */
  const placeProject = (displayName: string, localProject: Project | undefined, project: Project): void => {
    const review = mergeReviews(localProject?.review, project.review);
    const record: Project = review ? { ...project, review } : project;
    if (!localProject) return place('project', displayName, undefined, record);
    const base = bases.get(project.id) ?? null;
    const { verdict, reason } = classifyProject(localProject, project, base);
    const entry = { kind: 'project' as const, id: project.id, displayName, localUpdatedAt: localProject.updatedAt, incomingUpdatedAt: project.updatedAt, base, local: localProject };
    const stays = verdict === 'unchanged' || verdict === 'keepLocal';
    if (stays && review && !sameReview(localProject.review, review)) {
      plan.update.push({ ...entry, incoming: { ...localProject, review }, reason: T.reasonReviewMerged(reason) });
    } else plan[verdict].push({ ...entry, incoming: record, reason });
  };
  const projectKey = (p: Project) => `${p.unitId}\u0000${p.year}\u0000${p.name.trim()}`;
  const localProjectOfName = new Map(local.projects.map((p) => [projectKey(p), p]));
  // indicator ids are global keys of projects and plans alike, as the exchange validator counts them
  const localProjectOfIndicator = new Map<Id, Project>();
  for (const p of local.projects) for (const ind of p.indicators) localProjectOfIndicator.set(ind.id, p);
  const localPlanOfIndicator = new Map<Id, DepartmentPlan>();
  for (const dp of local.departmentPlans) for (const ind of dp.indicators) localPlanOfIndicator.set(ind.id, dp);
  /**
   * The first of an incoming record's indicators that a local record other than its own holds: a local project is a
   * project's own by id; a local plan is a plan's own when the import replaces it (same id, or same unit and year).
   */
  const heldElsewhere = (own: IndicatorOwner): { id: Id; holder: Project | DepartmentPlan } | undefined => {
    for (const ind of own.record.indicators) {
      const project = localProjectOfIndicator.get(ind.id);
      if (project && !(own.kind === 'project' && project.id === own.record.id)) return { id: ind.id, holder: project };
      const dp = localPlanOfIndicator.get(ind.id);
      const replaced = dp && own.kind === 'departmentPlan' && (dp.id === own.record.id || (dp.unitId === own.record.unitId && dp.year === own.record.year));
      if (dp && !replaced) return { id: ind.id, holder: dp };
    }
    return undefined;
  };
  const holderName = (holder: Project | DepartmentPlan): string =>
    'name' in holder ? T.projectName(holder.name, holder.year) : T.planName(unitName(holder.unitId), holder.year);

  for (const project of incoming.projects) {
    const displayName = T.projectName(project.name, project.year);
    if (badTime('project', project.id, displayName, project.updatedAt)) continue;
    if (!unitKnown(project.unitId)) {
      plan.problems.push({ kind: 'project', id: project.id, displayName, message: T.projectUnitMissing(project.name) });
      continue;
    }
    const foreign = heldElsewhere({ kind: 'project', record: project });
    if (foreign) {
      const message =
        'name' in foreign.holder
          ? T.indicatorOfOtherProject(project.name, foreign.id)
          : T.indicatorHeldLocally(displayName, foreign.id, holderName(foreign.holder));
      plan.problems.push({ kind: 'project', id: project.id, displayName, message });
      continue;
    }
    // the same project under a new id (a unit that rebuilt its data) would be added beside the old one and counted twice
    const twin = localProjects.has(project.id) ? undefined : localProjectOfName.get(projectKey(project));
    if (twin) {
      plan.problems.push({ kind: 'project', id: project.id, displayName, message: T.sameNameOtherId(project.name, project.year) });
      continue;
    }
    placeProject(displayName, localProjects.get(project.id), project);
  }

  const localPlans = new Map(local.departmentPlans.map((p) => [p.id, p]));
  const localPlanOfYear = new Map(local.departmentPlans.map((p) => [`${p.unitId}\u0000${p.year}`, p]));
  for (const dp of incoming.departmentPlans) {
    const displayName = T.planName(unitName(dp.unitId), dp.year);
    if (badTime('departmentPlan', dp.id, displayName, dp.updatedAt)) continue;
    if (!unitKnown(dp.unitId)) {
      plan.problems.push({ kind: 'departmentPlan', id: dp.id, displayName, message: T.planUnitMissing(dp.year) });
      continue;
    }
    const foreign = heldElsewhere({ kind: 'departmentPlan', record: dp });
    if (foreign) {
      plan.problems.push({ kind: 'departmentPlan', id: dp.id, displayName, message: T.indicatorHeldLocally(displayName, foreign.id, holderName(foreign.holder)) });
      continue;
    }
    const match = localPlans.get(dp.id) ?? localPlanOfYear.get(`${dp.unitId}\u0000${dp.year}`);
    place('departmentPlan', displayName, match, dp);
  }
  return plan;
}

/**
 * The instant a conflict resolved for the local side is stamped with: now, but later than the base it beat, and always
 * a time the validator accepts. A unit's clock may run ahead of the supervisor's, so the base may be later than now:
 * the stamp is then 1 ms after the base. A base at the last valid millisecond (9999-12-31T23:59:59.999Z) has no later
 * valid time, so the stamp is the base itself: the choice still sticks, because the stored base is that same time and
 * the next import of the package finds neither side changed since (planImport keeps the local record).
 */
function resolutionTime(now: Timestamp, base: Timestamp): Timestamp {
  if (isSaneTimestamp(now) && compareTimestamps(now, base) > 0) return now;
  const later = new Date(Date.parse(base) + 1);
  const afterBase = Number.isNaN(later.getTime()) ? null : later.toISOString();
  return [afterBase, base].find(isSaneTimestamp) ?? now;
}

/**
 * The records to write and the bases to store, given the user's choice for every conflict. Refused (with Chinese
 * messages) while the plan has problems or a conflict has no choice. Every record of the package gets its incoming
 * updatedAt as its new base, whichever side was kept. Records kept local are not written, except a conflict resolved
 * for the local side: choosing is an edit made after seeing the package, so that record is written back stamped
 * `resolvedAt` (or just after the package's time, see resolutionTime), and a later edit by the unit conflicts with it
 * again instead of silently replacing it.
 */
export function applyPlan(plan: ImportPlan, choices: ConflictChoices, resolvedAt: Timestamp): ApplyResult {
  if (plan.problems.length > 0) {
    return { ok: false, errors: [T.blockedByProblems(plan.problems.length), ...plan.problems.map((p) => p.message)] };
  }
  const unresolved = plan.conflicts.filter((c) => choices.get(c.id) !== 'local' && choices.get(c.id) !== 'incoming');
  if (unresolved.length > 0) return { ok: false, errors: unresolved.map((c) => T.unresolvedConflict(c.displayName)) };

  const records: DataSet = { units: [], projects: [], departmentPlans: [] };
  const write = (entry: PlanEntry): void => {
    switch (entry.kind) {
      case 'unit':
        records.units.push(entry.incoming);
        break;
      case 'project':
        records.projects.push(entry.incoming);
        break;
      case 'departmentPlan':
        records.departmentPlans.push(entry.incoming);
        break;
    }
  };
  plan.add.forEach(write);
  plan.update.forEach(write);
  for (const c of plan.conflicts) {
    if (choices.get(c.id) === 'incoming') write(c);
    else write(keptLocal(c, resolutionTime(resolvedAt, c.incomingUpdatedAt)));
  }

  const bases = new Map<Id, Timestamp>();
  for (const entry of allEntries(plan)) bases.set(entry.id, entry.incomingUpdatedAt);
  return { ok: true, value: { records, bases } };
}

function allEntries(plan: ImportPlan): PlanEntry[] {
  return [...plan.add, ...plan.update, ...plan.unchanged, ...plan.keepLocal, ...plan.conflicts];
}

/**
 * What the local data held for one record of the package when the plan was made: the record that was compared, by
 * its LOCAL id (a plan matched by unit and year has another id than the incoming one), and its updatedAt, or null
 * when there was none; for a plan, also its unit and year.
 */
export type LocalExpectation =
  | { kind: 'unit' | 'project'; id: Id; updatedAt: Timestamp | null }
  | { kind: 'departmentPlan'; id: Id; updatedAt: Timestamp | null; unitId: Id; year: number };

/**
 * The local state a plan was made against, for Repository.applyImport: if any record differs when it writes (an edit
 * made while the plan was on screen, or a plan added for a unit and year that had none), nothing is written.
 */
export function expectedLocalState(plan: ImportPlan): LocalExpectation[] {
  return allEntries(plan).map((e): LocalExpectation => {
    const updatedAt = e.local?.updatedAt ?? null;
    if (e.kind === 'departmentPlan') {
      return { kind: e.kind, id: e.local?.id ?? e.id, updatedAt, unitId: e.incoming.unitId, year: e.incoming.year };
    }
    return { kind: e.kind, id: e.local?.id ?? e.id, updatedAt };
  });
}

/** The entry with its local record, re-stamped, in the place of the incoming one. */
function keptLocal(entry: PlanEntry, updatedAt: Timestamp): PlanEntry {
  switch (entry.kind) {
    case 'unit':
      return entry.local ? { ...entry, incoming: { ...entry.local, updatedAt } } : entry;
    case 'project': {
      // the review merged from both sides rides with the incoming record: keep it with the local content
      const review = entry.incoming.review;
      return entry.local ? { ...entry, incoming: { ...entry.local, ...(review ? { review } : {}), updatedAt } } : entry;
    }
    case 'departmentPlan':
      return entry.local ? { ...entry, incoming: { ...entry.local, updatedAt } } : entry;
  }
}

/** How many records of each kind a list holds, for the summary line of the import dialog. */
export function countByKind(entries: readonly PlanEntry[]): Record<RecordKind, number> {
  const counts: Record<RecordKind, number> = { unit: 0, project: 0, departmentPlan: 0 };
  for (const e of entries) counts[e.kind] += 1;
  return counts;
}
