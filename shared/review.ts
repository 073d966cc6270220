// 绩效目标审核 (domain.md §9, 财预〔2015〕88号): a unit submits a project's targets, the supervisor reviews them on four
// questions with a result 优/良/中/差 and opinions attached to fields, the unit answers and submits again.
//
// A review is a log of identified events: submissions, rounds and reopenings, never edited once written, except that a
// unit adds its answer to an opinion. Its status follows from the last event, so two copies of one review (the
// unit's and the supervisor's) merge by the union of their events and agree on the status without asking which copy
// is newer. Every transition here is pure and total: a refusal is a Chinese sentence, never a throw.
import type {
  FieldOpinion,
  Id,
  IndicatorReviewField,
  Project,
  ProjectReview,
  ProjectReviewField,
  ReviewGrade,
  ReviewReopening,
  ReviewRound,
  ReviewStatus,
  ReviewSubmission,
  ReviewTarget,
  Timestamp,
} from './model';
import { directoryUnits, type PackageResult, type UnitData } from './directory';
import { createExchangeDocument } from './exchange/document';
import type { ExchangeDocument } from './exchange/exchange';
import { INDICATOR_REVIEW_FIELD_LABELS, PROJECT_REVIEW_FIELD_LABELS, REVIEW_STATUS_LABELS, reviewText as T } from './review-messages';

export type ReviewResult<V> = { ok: true; value: V } | { ok: false; error: string };

const ok = <V>(value: V): ReviewResult<V> => ({ ok: true, value });
const refuse = <V>(error: string): ReviewResult<V> => ({ ok: false, error });

/** 优 and 良 go forward (良 once the unit has made the changes asked for); 中 and 差 are returned. */
export const APPROVING_GRADES: readonly ReviewGrade[] = ['优', '良'];

export function emptyReview(): ProjectReview {
  return { status: 'draft', submissions: [], rounds: [], reopenings: [] };
}

// ---------------------------------------------------------------- the event log

type ReviewEvent =
  | { kind: 'submission'; at: Timestamp; id: Id; submission: ReviewSubmission }
  | { kind: 'round'; at: Timestamp; id: Id; round: ReviewRound }
  | { kind: 'reopening'; at: Timestamp; id: Id; reopening: ReviewReopening };

/** At one instant a submission comes before the review of it, and a review before a reopening of it. */
const KIND_ORDER: Record<ReviewEvent['kind'], number> = { submission: 0, round: 1, reopening: 2 };

function instant(at: Timestamp): number {
  const t = Date.parse(at);
  return Number.isNaN(t) ? -Infinity : t;
}

function compareEvents(a: { kind: ReviewEvent['kind']; at: Timestamp; id: Id }, b: { kind: ReviewEvent['kind']; at: Timestamp; id: Id }): number {
  return instant(a.at) - instant(b.at) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every event of the review, oldest first. */
function eventsOf(review: ProjectReview): ReviewEvent[] {
  const events: ReviewEvent[] = [
    ...review.submissions.map((s): ReviewEvent => ({ kind: 'submission', at: s.at, id: s.id, submission: s })),
    ...review.rounds.map((r): ReviewEvent => ({ kind: 'round', at: r.reviewedAt, id: r.id, round: r })),
    ...review.reopenings.map((r): ReviewEvent => ({ kind: 'reopening', at: r.at, id: r.id, reopening: r })),
  ];
  return events.sort(compareEvents);
}

/** The status the events lead to: the last one decides. */
function statusFromEvents(review: ProjectReview): ReviewStatus {
  const last = eventsOf(review).at(-1);
  if (!last) return 'draft';
  if (last.kind === 'submission') return 'submitted';
  if (last.kind === 'reopening') return 'draft';
  return APPROVING_GRADES.includes(last.round.result) ? 'approved' : 'returned';
}

/** The review with its lists in event order and its status as the events make it. */
function settled(review: ProjectReview): ProjectReview {
  const byTime = <E extends { id: Id }>(kind: ReviewEvent['kind'], at: (e: E) => Timestamp) => (a: E, b: E) =>
    compareEvents({ kind, at: at(a), id: a.id }, { kind, at: at(b), id: b.id });
  const sorted: ProjectReview = {
    status: review.status,
    submissions: [...review.submissions].sort(byTime('submission', (s) => s.at)),
    rounds: [...review.rounds].sort(byTime('round', (r) => r.reviewedAt)),
    reopenings: [...review.reopenings].sort(byTime('reopening', (r) => r.at)),
  };
  return { ...sorted, status: statusFromEvents(sorted) };
}

// ---------------------------------------------------------------- reading a review

/** 审核状态 of a project, from its events (a status written otherwise in a package does not count). */
export function reviewStatusOf(project: Project): ReviewStatus {
  return project.review ? statusFromEvents(project.review) : 'draft';
}

export function latestRound(project: Project): ReviewRound | undefined {
  if (!project.review) return undefined;
  return eventsOf(project.review).filter((e): e is Extract<ReviewEvent, { kind: 'round' }> => e.kind === 'round').at(-1)?.round;
}

export function latestSubmission(project: Project): ReviewSubmission | undefined {
  if (!project.review) return undefined;
  return eventsOf(project.review).filter((e): e is Extract<ReviewEvent, { kind: 'submission' }> => e.kind === 'submission').at(-1)?.submission;
}

/** The round's number as the forms print it ("第 2 轮"): its place among the project's rounds, from 1. */
export function roundNumber(project: Project, roundId: Id): number {
  const rounds = project.review ? settled(project.review).rounds : [];
  return rounds.findIndex((r) => r.id === roundId) + 1;
}

/** An opinion with the round it belongs to. */
export interface OpinionInRound {
  round: ReviewRound;
  opinion: FieldOpinion;
}

/** The opinions of the latest round the unit has not answered yet: what it still has to act on. */
export function openOpinions(project: Project): OpinionInRound[] {
  const round = latestRound(project);
  return round ? round.fieldOpinions.filter((o) => !o.answered).map((opinion) => ({ round, opinion })) : [];
}

function sameTarget(a: ReviewTarget, b: ReviewTarget): boolean {
  return a.projectId === b.projectId && (a.indicatorId ?? null) === (b.indicatorId ?? null) && a.field === b.field;
}

/** Every opinion ever attached to a field (or, without `field`, to anything of an indicator), oldest round first. */
export function opinionsOn(project: Project, target: { indicatorId?: Id; field?: ReviewTarget['field'] }): OpinionInRound[] {
  const rounds = project.review ? settled(project.review).rounds : [];
  return rounds.flatMap((round) =>
    round.fieldOpinions
      .filter((o) => (o.target.indicatorId ?? null) === (target.indicatorId ?? null) && (target.field === undefined || o.target.field === target.field))
      .map((opinion) => ({ round, opinion })),
  );
}

/**
 * What the unit may change. 审核通过 locks the targets until the supervisor reopens them; but a 良 goes forward only
 * after the unit's changes, so while the approving round has unanswered opinions the unit may change what they are
 * about (and answer them), and nothing else.
 */
export type UnitEditScope = { kind: 'all' } | { kind: 'none' } | { kind: 'opinions'; targets: ReviewTarget[] };

export function unitEditScope(project: Project): UnitEditScope {
  if (reviewStatusOf(project) !== 'approved') return { kind: 'all' };
  const open = openOpinions(project);
  return open.length === 0 ? { kind: 'none' } : { kind: 'opinions', targets: open.map((o) => o.opinion.target) };
}

/** 审核通过 with nothing left to change: the unit can change none of the targets until the supervisor reopens them. */
export function isLockedForUnit(project: Project): boolean {
  return unitEditScope(project).kind === 'none';
}

/**
 * Whether the unit may change one field. An opinion on `indicators` opens the indicator list as a whole (adding or
 * removing indicators); one on an indicator opens that indicator's field.
 */
export function canUnitEdit(project: Project, target: Omit<ReviewTarget, 'projectId'>): boolean {
  const scope = unitEditScope(project);
  if (scope.kind !== 'opinions') return scope.kind === 'all';
  return scope.targets.some(
    (t) => sameTarget(t, { ...target, projectId: project.id }) || (t.indicatorId === undefined && t.field === 'indicators' && target.indicatorId !== undefined),
  );
}

/** 差: the latest round keeps the project out of the budget until a later round says otherwise. */
export function isExcludedFromBudget(project: Project): boolean {
  return latestRound(project)?.result === '差';
}

/** Whether the targets differ from what was last submitted (the unit should submit again). */
export function changedSinceSubmission(project: Project): boolean {
  const last = latestSubmission(project);
  return last?.digest !== undefined && last.digest !== contentDigest(project);
}

/** "指标“参训人数”的指标值", "年度绩效目标": where an opinion applies, as the unit and the forms read it. */
export function targetLabel(project: Project, target: ReviewTarget): string {
  if (target.indicatorId === undefined) return PROJECT_REVIEW_FIELD_LABELS[target.field as ProjectReviewField] ?? target.field;
  const field = INDICATOR_REVIEW_FIELD_LABELS[target.field as IndicatorReviewField] ?? target.field;
  const indicator = project.indicators.find((i) => i.id === target.indicatorId);
  return indicator ? T.indicatorTarget(indicator.name, field) : T.removedIndicatorTarget(field);
}

// ---------------------------------------------------------------- transitions

export interface Actor {
  /** the event's id, unique within the project's review */
  id: Id;
  /** who did it (经办人) */
  by: string;
  at: Timestamp;
}

/** The project with its review replaced, stamped at the time of the change. */
function withReview(project: Project, review: ProjectReview, at: Timestamp): Project {
  return { ...project, review: settled(review), updatedAt: at };
}

/** The latest event's time: a new event must come after it, or the order of the log (and so the status) is wrong. */
function checkTime(review: ProjectReview, at: Timestamp): string | null {
  const last = eventsOf(review).at(-1);
  return last && !(instant(at) > instant(last.at)) ? T.timeNotAfter(reviewTimeText(last.at)) : null;
}

function usedIds(review: ProjectReview): Set<Id> {
  return new Set([
    ...review.submissions.map((s) => s.id),
    ...review.rounds.map((r) => r.id),
    ...review.reopenings.map((r) => r.id),
    ...review.rounds.flatMap((r) => r.fieldOpinions.map((o) => o.id)),
  ]);
}

/** 提交审核 (the unit): from 待提交 or 已退回, or again while 已提交 when the targets changed since. */
export function submitForReview(project: Project, actor: Actor): ReviewResult<Project> {
  const review = project.review ?? emptyReview();
  const status = reviewStatusOf(project);
  if (actor.by.trim() === '') return refuse(T.byRequired);
  if (status === 'approved') return refuse(T.approvedLocked);
  if (status === 'submitted' && !changedSinceSubmission(project)) return refuse(T.unchangedSinceSubmission);
  if (usedIds(review).has(actor.id)) return refuse(T.idTaken(actor.id));
  const late = checkTime(review, actor.at);
  if (late) return refuse(late);
  const submission: ReviewSubmission = { id: actor.id, by: actor.by, at: actor.at, digest: contentDigest(project) };
  return ok(withReview(project, { ...review, submissions: [...review.submissions, submission] }, actor.at));
}

/** A round as the supervisor writes it: its opinions not answered yet. */
export type RoundInput = Omit<ReviewRound, 'fieldOpinions'> & { fieldOpinions: Omit<FieldOpinion, 'answered'>[] };

/**
 * 审核 (the supervisor) of a submitted project: 优 and 良 approve it, 中 and 差 return it (差 also keeps it out of the
 * budget, see isExcludedFromBudget). Anything short of 优 must say what is to change.
 */
export function reviewProject(project: Project, input: RoundInput): ReviewResult<Project> {
  const review = project.review ?? emptyReview();
  const status = reviewStatusOf(project);
  if (status !== 'submitted') return refuse(T.notSubmitted(REVIEW_STATUS_LABELS[status]));
  if (input.reviewer.trim() === '') return refuse(T.reviewerRequired);
  if (input.result !== '优' && input.opinion.trim() === '' && input.fieldOpinions.length === 0) return refuse(T.opinionRequired(input.result));
  const used = usedIds(review);
  for (const id of [input.id, ...input.fieldOpinions.map((o) => o.id)]) {
    if (used.has(id)) return refuse(T.idTaken(id));
    used.add(id);
  }
  for (const [i, o] of input.fieldOpinions.entries()) {
    const problem = opinionProblem(project, o, i + 1);
    if (problem) return refuse(problem);
  }
  const late = checkTime(review, input.reviewedAt);
  if (late) return refuse(late);
  const round: ReviewRound = { ...input, fieldOpinions: input.fieldOpinions.map((o) => ({ id: o.id, target: { ...o.target }, text: o.text })) };
  return ok(withReview(project, { ...review, rounds: [...review.rounds, round] }, input.reviewedAt));
}

/** 审核通过: a review with result 优 or 良. */
export function approveProject(project: Project, input: RoundInput): ReviewResult<Project> {
  return APPROVING_GRADES.includes(input.result) ? reviewProject(project, input) : refuse(T.approveNeedsGood(input.result));
}

/** 退回: a review with result 中 or 差. */
export function returnProject(project: Project, input: RoundInput): ReviewResult<Project> {
  return APPROVING_GRADES.includes(input.result) ? refuse(T.returnNeedsPoor(input.result)) : reviewProject(project, input);
}

function opinionProblem(project: Project, o: Omit<FieldOpinion, 'answered'>, n: number): string | null {
  if (o.text.trim() === '') return T.opinionTextEmpty(n);
  if (o.target.projectId !== project.id) return T.opinionOtherProject(n);
  if (o.target.indicatorId === undefined) return o.target.field in PROJECT_REVIEW_FIELD_LABELS ? null : T.opinionBadField(n);
  if (!project.indicators.some((i) => i.id === o.target.indicatorId)) return T.opinionUnknownIndicator(n, o.target.indicatorId);
  return o.target.field in INDICATOR_REVIEW_FIELD_LABELS ? null : T.opinionBadField(n);
}

/** 重新打开 (the supervisor): an approval taken back with a reason; the unit changes the targets and submits again. */
export function reopenReview(project: Project, actor: Actor & { reason: string }): ReviewResult<Project> {
  const review = project.review ?? emptyReview();
  const status = reviewStatusOf(project);
  if (status !== 'approved') return refuse(T.notApproved(REVIEW_STATUS_LABELS[status]));
  if (actor.by.trim() === '') return refuse(T.byRequired);
  if (actor.reason.trim() === '') return refuse(T.reopenReasonRequired);
  if (usedIds(review).has(actor.id)) return refuse(T.idTaken(actor.id));
  const late = checkTime(review, actor.at);
  if (late) return refuse(late);
  const reopening: ReviewReopening = { id: actor.id, by: actor.by, at: actor.at, reason: actor.reason };
  return ok(withReview(project, { ...review, reopenings: [...review.reopenings, reopening] }, actor.at));
}

/** 答复 (the unit): its answer to one opinion, written once. The status does not change. */
export function answerOpinion(
  project: Project,
  answer: { roundId: Id; opinionId: Id; by: string; at: Timestamp; note: string },
): ReviewResult<Project> {
  const review = project.review;
  const round = review?.rounds.find((r) => r.id === answer.roundId);
  const opinion = round?.fieldOpinions.find((o) => o.id === answer.opinionId);
  if (!review || !round || !opinion) return refuse(T.unknownOpinion);
  if (opinion.answered) return refuse(T.alreadyAnswered(reviewTimeText(opinion.answered.at)));
  if (answer.by.trim() === '') return refuse(T.byRequired);
  if (answer.note.trim() === '') return refuse(T.answerRequired);
  if (!(instant(answer.at) > instant(round.reviewedAt))) return refuse(T.answerBeforeReview(reviewTimeText(round.reviewedAt)));
  const answered = { at: answer.at, by: answer.by, note: answer.note };
  const rounds = review.rounds.map((r) =>
    r.id !== round.id ? r : { ...r, fieldOpinions: r.fieldOpinions.map((o) => (o.id === opinion.id ? { ...o, answered } : o)) },
  );
  return ok(withReview(project, { ...review, rounds }, answer.at));
}

// ---------------------------------------------------------------- merging two copies

/**
 * The union of two copies of one project's review, by the ids of their events: nothing either copy holds is lost.
 * Events are written once, so a round both hold is the same round, except for the answers: an opinion answered in
 * either copy is answered, and should both hold an answer the earlier one stands (an answer is written once). The
 * status follows from the merged events, whatever either copy says (one copy alone is put in order the same way).
 */
export function mergeReviews(a: ProjectReview | undefined, b: ProjectReview | undefined): ProjectReview | undefined {
  if (!a || !b) {
    const only = a ?? b;
    return only && settled(only);
  }
  const union = <E extends { id: Id }>(x: readonly E[], y: readonly E[], both: (p: E, q: E) => E): E[] => {
    const byId = new Map<Id, E>();
    for (const e of x) byId.set(e.id, e);
    for (const e of y) {
      const first = byId.get(e.id);
      byId.set(e.id, first ? both(first, e) : e);
    }
    return [...byId.values()];
  };
  const keepFirst = <E>(p: E): E => p;
  const answer = (p: FieldOpinion, q: FieldOpinion): FieldOpinion => {
    if (!p.answered || !q.answered) return p.answered ? p : q;
    return instant(q.answered.at) < instant(p.answered.at) ? q : p;
  };
  return settled({
    status: a.status,
    submissions: union(a.submissions, b.submissions, keepFirst),
    rounds: union(a.rounds, b.rounds, (p, q) => ({ ...p, fieldOpinions: union(p.fieldOpinions, q.fieldOpinions, answer) })),
    reopenings: union(a.reopenings, b.reopenings, keepFirst),
  });
}

/** Whether two copies hold the same events and answers (their order aside). */
export function sameReview(a: ProjectReview | undefined, b: ProjectReview | undefined): boolean {
  if (!a || !b) return a === b;
  return canonicalJson(settled(a)) === canonicalJson(settled(b));
}

// ---------------------------------------------------------------- review packages

/**
 * 审核意见包: what the supervisor sends back down. The units as a directory package carries them (shared/directory.ts
 * directoryUnits) and their reviewed projects (of `year`, or of every year), marked `purpose: 'review'`. A unit reads
 * only the reviews out of it (planReviewImport); its own targets are never replaced by the supervisor's copy.
 */
export function buildReviewPackage(
  data: UnitData & { projects: readonly Project[] },
  supervisorId: Id,
  issuedAt: Timestamp,
  options: { unitIds?: readonly Id[]; year?: number; exportedBy?: string } = {},
): PackageResult {
  const chosen = directoryUnits(data.units, supervisorId, options.unitIds);
  if (!chosen.ok) return chosen;
  const issued = new Set(chosen.issued.map((u) => u.id));
  const projects = data.projects.filter(
    (p) => issued.has(p.unitId) && (options.year === undefined || p.year === options.year) && (p.review?.rounds.length ?? 0) > 0,
  );
  if (projects.length === 0) return { ok: false, errors: [T.reviewPackageNoProjects(options.year ?? null)] };
  const document = createExchangeDocument({ units: chosen.units, projects: projects.map((p) => ({ ...p })), departmentPlans: [] }, issuedAt, options.exportedBy);
  document.directory = { purpose: 'review', issuedBy: supervisorId, issuedAt, unitIds: chosen.issued.map((u) => u.id) };
  return { ok: true, document };
}

export interface ReviewImport {
  /** local projects whose review gains rounds, answers or reopenings: the local project with the merged review */
  updates: Project[];
  /** reviewed projects of the package whose review the local copy already holds */
  unchanged: number;
  /** reviewed projects of a local unit that this installation does not hold (deleted here since it was sent) */
  missing: { id: Id; name: string; year: number }[];
}

/**
 * The reviews of a package merged into the local projects (mergeReviews), by project id. Only the review is taken:
 * the unit's targets stay as they are here, whatever the package's copy of them says. Projects of units not held
 * here (a review package for several units) are left out silently.
 */
export function planReviewImport(local: { units: readonly { id: Id }[]; projects: readonly Project[] }, doc: ExchangeDocument): ReviewImport {
  const result: ReviewImport = { updates: [], unchanged: 0, missing: [] };
  const localProjects = new Map(local.projects.map((p) => [p.id, p]));
  const localUnits = new Set(local.units.map((u) => u.id));
  for (const incoming of doc.projects) {
    if (!incoming.review) continue;
    const mine = localProjects.get(incoming.id);
    if (!mine) {
      if (localUnits.has(incoming.unitId)) result.missing.push({ id: incoming.id, name: incoming.name, year: incoming.year });
      continue;
    }
    const merged = mergeReviews(mine.review, incoming.review)!;
    if (sameReview(mine.review, merged)) result.unchanged += 1;
    else result.updates.push({ ...mine, review: merged });
  }
  return result;
}

// ---------------------------------------------------------------- the targets' digest

/**
 * A digest of the targets a review is about: the project without its review, its times, its self-assessment and its
 * monitoring (written after the review, by the unit). Recorded at each submission, so anyone holding the project can
 * tell whether its targets are still the ones submitted.
 */
export function contentDigest(project: Project): string {
  const { review: _r, updatedAt: _u, selfAssessment: _s, monitoring: _m, ...targets } = project;
  return hash53(canonicalJson(targets));
}

/** JSON with keys sorted and undefined members left out, so equal content gives equal text. */
function canonicalJson(value: unknown): string {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out = Object.create(null) as Record<string, unknown>;
      for (const key of Object.keys(v).sort()) {
        const member = (v as Record<string, unknown>)[key];
        if (member !== undefined) out[key] = walk(member);
      }
      return out;
    }
    return v;
  };
  return JSON.stringify(walk(value));
}

/** cyrb53: a 53-bit string hash, as 14 hex digits. Not for secrecy; two different targets colliding is negligible. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

// ---------------------------------------------------------------- times as people read them

/** China Standard Time (UTC+8), where the forms are filled in. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

function chinaParts(at: Timestamp): number[] | null {
  const t = Date.parse(at);
  if (Number.isNaN(t)) return null;
  const d = new Date(t + CHINA_OFFSET_MS);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

/** "2025-03-05 10:30" in China Standard Time. */
export function reviewTimeText(at: Timestamp): string {
  const p = chinaParts(at);
  if (!p) return at;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p[0]}-${two(p[1])}-${two(p[2])} ${two(p[3])}:${two(p[4])}`;
}

/** "2025年3月5日" in China Standard Time, as forms print a date. */
export function reviewDateText(at: Timestamp): string {
  const p = chinaParts(at);
  return p ? `${p[0]}年${p[1]}月${p[2]}日` : at;
}
