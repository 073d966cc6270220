// Exchange format v1: the versioned JSON package units send to supervisors, also the backup format.
// Parsing is all-or-nothing: a document is either returned whole and valid, or rejected with every problem counted
// and the first PROBLEM_LIST_LIMIT of them listed, by record.
import type { ErrorObject } from 'ajv';
import localizeZh from 'ajv-i18n/localize/zh';
import type { DepartmentPlan, Id, Indicator, IndicatorResult, LibraryRecord, Project, Timestamp, Unit } from '../model';
import { isSaneTimestamp, timestampForMessage } from '../timestamp';
import { exchangeMessages as m } from './exchange-messages';
import {
  validateDepartmentPlansItem,
  validateDocument,
  validateProjectsItem,
  validateUnitsItem,
  type SchemaValidator,
} from './validate-v1.generated.js';

import { EXCHANGE_FORMAT, EXCHANGE_VERSION } from './document';

export { createExchangeDocument, EXCHANGE_FORMAT, EXCHANGE_VERSION } from './document';

export interface ExchangeDocument {
  format: typeof EXCHANGE_FORMAT;
  version: typeof EXCHANGE_VERSION;
  exportedAt: Timestamp;
  exportedBy?: string;
  note?: string;
  units: Unit[];
  projects: Project[];
  departmentPlans: DepartmentPlan[];
  /** the sender's own indicator library (optional; a supervisor hands its units a common library this way) */
  library?: LibraryRecord[];
  /** set on a package a supervisor hands down (shared/directory.ts, shared/review.ts) */
  directory?: HandedDown;
}

/** What a package handed down is: the supervisor's unit directory, or that with its review opinions. */
export interface HandedDown {
  purpose: 'directory' | 'review';
  /** the supervisor's unit id, one of the package's units */
  issuedBy: Id;
  issuedAt: Timestamp;
  /** the units it was issued for, each one of the package's units */
  unitIds: Id[];
}

/** One problem in an exchange document: a JSON path ('/projects/2/funding/other') and a Chinese message. */
export interface ExchangeProblem {
  path: string;
  message: string;
}

/** How many problems a rejection lists; a package can hold tens of thousands, and nobody reads past the first ones. */
export const PROBLEM_LIST_LIMIT = 200;

/** The listed problems of one record (a unit, a project, a department plan) or of the package itself. */
export interface ProblemGroup {
  /** the record's JSON path ('/projects/3'), '' for the package itself */
  path: string;
  /** '第 4 个项目“党建事务”', '数据包本身' */
  label: string;
  problems: ExchangeProblem[];
}

/**
 * A rejected document. The checks run in turn (JSON, format and version, schema, then timestamps, ids and
 * references) and the first that finds problems decides; `problemCount` is the exact number it found (every one is
 * counted, none is cut off), `problems` the first PROBLEM_LIST_LIMIT of them in the order found.
 */
export interface ExchangeRejection {
  ok: false;
  problems: ExchangeProblem[];
  problemCount: number;
  /** `problems` by the record they are in, in the order each record's first problem was found */
  groups: ProblemGroup[];
}

export type ParseResult = { ok: true; document: ExchangeDocument } | ExchangeRejection;

/** The generated validator of each list's items: each record is checked on its own, its errors a list of their own. */
const RECORD_VALIDATORS = [
  ['units', validateUnitsItem],
  ['projects', validateProjectsItem],
  ['departmentPlans', validateDepartmentPlansItem],
] as const satisfies readonly (readonly [keyof ExchangeDocument, SchemaValidator])[];

export function serializeExchange(doc: ExchangeDocument): string {
  return JSON.stringify(doc, null, 2);
}

/** Parse and validate text (or bytes) as an exchange document. */
export function parseExchange(input: string | Uint8Array): ParseResult {
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: false }).decode(input);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    // the engine's own wording is English; only the position is worth passing on
    const position = /position (\d+)/.exec((e as Error).message);
    return rejection([{ path: '', message: m.notJson(position ? Number(position[1]) : null) }]);
  }
  return validateExchange(data);
}

/** Validate an already-parsed value: version first, then the schema, then timestamps, ids and references. */
export function validateExchange(data: unknown): ParseResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return rejection([{ path: '', message: m.notObject }]);
  }
  const head = data as { format?: unknown; version?: unknown };
  if (head.format !== EXCHANGE_FORMAT) {
    return rejection([{ path: '/format', message: m.wrongFormat(head.format === undefined ? '' : m.shownValue(head.format)) }]);
  }
  if (head.version !== EXCHANGE_VERSION) {
    const newer = typeof head.version === 'number' && head.version > EXCHANGE_VERSION;
    return rejection([{ path: '/version', message: newer ? m.futureVersion(head.version as number) : m.wrongVersion(m.shownValue(head.version)) }]);
  }
  const schema = schemaProblems(data);
  if (schema.count > 0) return rejection(schema.problems, schema.count, data);
  const doc = data as ExchangeDocument;
  const problems = [...checkTimestamps(doc), ...checkIdsAndReferences(doc)];
  return problems.length ? rejection(problems, problems.length, doc) : { ok: true, document: doc };
}

/**
 * The schema's problems: the document's own fields, then each record on its own. All are counted; only the first
 * PROBLEM_LIST_LIMIT are translated and kept.
 */
function schemaProblems(data: object): { problems: ExchangeProblem[]; count: number } {
  const problems: ExchangeProblem[] = [];
  let count = 0;
  const check = (validate: SchemaValidator, value: unknown, at: string) => {
    if (validate(value)) return;
    const errors = validate.errors ?? [];
    count += errors.length;
    if (problems.length === PROBLEM_LIST_LIMIT) return;
    const kept = errors.slice(0, PROBLEM_LIST_LIMIT - problems.length);
    localizeZh(kept);
    for (const e of kept) problems.push(schemaProblem(e, at));
  };
  check(validateDocument, data, '');
  for (const [list, validate] of RECORD_VALIDATORS) {
    const items = (data as Record<string, unknown>)[list];
    if (Array.isArray(items)) items.forEach((item, i) => check(validate, item, `/${list}/${i}`));
  }
  return { problems, count };
}

/** A rejection listing the first PROBLEM_LIST_LIMIT of `problems`, grouped by the records of `data` they are in. */
function rejection(problems: ExchangeProblem[], count = problems.length, data?: unknown): ExchangeRejection {
  const listed = problems.slice(0, PROBLEM_LIST_LIMIT);
  return { ok: false, problems: listed, problemCount: count, groups: groupByRecord(listed, data) };
}

const RECORD_PATH = /^\/(units|projects|departmentPlans)\/(\d+)(?=\/|$)/;
/** Names from a file are shown as far as this, so that a huge one cannot swamp the list. */
const LABEL_NAME_CHARS = 40;

function groupByRecord(problems: readonly ExchangeProblem[], data: unknown): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const match = RECORD_PATH.exec(p.path);
    const path = match ? match[0] : '';
    let group = groups.get(path);
    if (!group) {
      group = { path, label: match ? recordLabel(data, match[1], Number(match[2])) : m.packageGroup, problems: [] };
      groups.set(path, group);
    }
    group.problems.push(p);
  }
  return [...groups.values()];
}

/** '第 4 个项目“党建事务”' from whatever the (invalid) document holds at that place. */
function recordLabel(data: unknown, list: string, index: number): string {
  const field = (value: unknown, key: string): unknown =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  const records = field(data, list);
  const record = Array.isArray(records) ? (records[index] as unknown) : undefined;
  const name = field(record, 'name');
  const shown = typeof name === 'string' ? (name.length > LABEL_NAME_CHARS ? `${name.slice(0, LABEL_NAME_CHARS)}…` : name) : '';
  const year = field(record, 'year');
  if (list === 'units') return m.unitGroup(index + 1, shown);
  if (list === 'projects') return m.projectGroup(index + 1, shown);
  return m.planGroup(index + 1, typeof year === 'number' && Number.isInteger(year) ? year : null);
}

/** A schema error as a problem; `at` is the path of the value the validator was given. */
function schemaProblem(e: ErrorObject, at: string): ExchangeProblem {
  const params = e.params as Record<string, unknown>;
  // ajv reports a missing or extra property at its parent; name it so the path points at the field itself.
  const extra =
    e.keyword === 'required' ? `/${String(params.missingProperty)}` : e.keyword === 'additionalProperties' ? `/${String(params.additionalProperty)}` : '';
  const path = at + e.instancePath + extra;
  const detail = e.keyword === 'additionalProperties' ? m.unknownField : schemaDetail(e);
  return { path, message: m.atPath(path, detail) };
}

/** ajv-i18n's Chinese, except where it names JSON types or schema keywords in English. */
function schemaDetail(e: ErrorObject): string {
  if (e.keyword === 'type') {
    const types = String((e.params as { type?: unknown }).type ?? '').split(',');
    return m.wrongType(types.map((t) => m.typeNames[t.trim()] ?? t).join('或'));
  }
  if (e.keyword === 'anyOf' || e.keyword === 'oneOf') return m.noAlternative;
  return e.message ?? '';
}

/**
 * The schema only asks for a string: every timestamp must also be a real instant in the one form the app writes, or
 * comparing and re-stamping it during consolidation fails (a year of +275760 overflows Date) or orders it wrongly.
 */
function checkTimestamps(doc: ExchangeDocument): ExchangeProblem[] {
  const problems: ExchangeProblem[] = [];
  const check = (value: Timestamp, path: string, where: string) => {
    if (!isSaneTimestamp(value)) problems.push({ path, message: m.badTimestamp(where, timestampForMessage(value)) });
  };
  check(doc.exportedAt, '/exportedAt', m.packageField('exportedAt'));
  doc.units.forEach((u, i) => check(u.updatedAt, `/units/${i}/updatedAt`, m.unitField(i + 1, 'updatedAt')));
  doc.projects.forEach((p, i) => {
    const at = `/projects/${i}`;
    check(p.updatedAt, `${at}/updatedAt`, m.projectField(i + 1, 'updatedAt'));
    const sa = p.selfAssessment;
    if (sa?.completedAt !== undefined) check(sa.completedAt, `${at}/selfAssessment/completedAt`, m.projectField(i + 1, 'selfAssessment.completedAt'));
    sa?.reopenedAt?.forEach((t, j) =>
      check(t, `${at}/selfAssessment/reopenedAt/${j}`, m.projectField(i + 1, m.listItem('selfAssessment.reopenedAt', j + 1))),
    );
    // the review's events are ordered by these times (shared/review.ts)
    const review = p.review;
    const listed = (list: string, j: number, field: string) => m.projectField(i + 1, m.listItem(`review.${list}`, j + 1) + ` ${field}`);
    review?.submissions.forEach((s, j) => check(s.at, `${at}/review/submissions/${j}/at`, listed('submissions', j, 'at')));
    review?.reopenings.forEach((r, j) => check(r.at, `${at}/review/reopenings/${j}/at`, listed('reopenings', j, 'at')));
    review?.rounds.forEach((r, j) => {
      check(r.reviewedAt, `${at}/review/rounds/${j}/reviewedAt`, listed('rounds', j, 'reviewedAt'));
      r.fieldOpinions.forEach((o, k) => {
        if (o.answered) check(o.answered.at, `${at}/review/rounds/${j}/fieldOpinions/${k}/answered/at`, listed('rounds', j, `fieldOpinions[${k + 1}].answered.at`));
      });
    });
  });
  if (doc.directory) check(doc.directory.issuedAt, '/directory/issuedAt', m.packageField('directory.issuedAt'));
  doc.departmentPlans.forEach((plan, i) => check(plan.updatedAt, `/departmentPlans/${i}/updatedAt`, m.planField(i + 1, 'updatedAt')));
  return problems;
}

function checkIdsAndReferences(doc: ExchangeDocument): ExchangeProblem[] {
  const problems: ExchangeProblem[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, path: string) => {
    const first = seen.get(id);
    if (first !== undefined) problems.push({ path, message: m.duplicateId(id, first) });
    else seen.set(id, path);
  };
  // a record's indicators claim their ids, and its results must name one of them
  const indicatorsAndResults = (at: string, indicators: readonly Indicator[], resultsAt: string, results: readonly IndicatorResult[] | undefined, owner: string) => {
    const indicatorIds = new Set<string>();
    indicators.forEach((ind, j) => {
      claim(ind.id, `${at}/indicators/${j}/id`);
      indicatorIds.add(ind.id);
    });
    results?.forEach((r, j) => {
      if (!indicatorIds.has(r.indicatorId)) problems.push({ path: `${resultsAt}/${j}/indicatorId`, message: m.unknownIndicator(owner, r.indicatorId) });
    });
  };

  const unitIds = new Set<string>();
  doc.units.forEach((u, i) => {
    claim(u.id, `/units/${i}/id`);
    unitIds.add(u.id);
  });
  doc.units.forEach((u, i) => {
    if (u.parentId === u.id) problems.push({ path: `/units/${i}/parentId`, message: m.selfParent(u.name) });
  });

  const projectKeys = new Set<string>();
  doc.projects.forEach((p, i) => {
    const at = `/projects/${i}`;
    claim(p.id, `${at}/id`);
    if (!unitIds.has(p.unitId)) problems.push({ path: `${at}/unitId`, message: m.unknownUnit(p.name, p.unitId) });
    const key = `${p.unitId}|${p.year}|${p.name}`;
    if (projectKeys.has(key)) problems.push({ path: `${at}/name`, message: m.duplicateProjectName(p.name, p.year) });
    projectKeys.add(key);
    indicatorsAndResults(at, p.indicators, `${at}/selfAssessment/results`, p.selfAssessment?.results, p.name);
    if (p.review) problems.push(...reviewProblems(p, at));
  });

  if (doc.directory) {
    const { issuedBy, unitIds: issuedFor } = doc.directory;
    if (!unitIds.has(issuedBy)) problems.push({ path: '/directory/issuedBy', message: m.unknownIssuer(issuedBy) });
    issuedFor.forEach((id, j) => {
      if (!unitIds.has(id)) problems.push({ path: `/directory/unitIds/${j}`, message: m.unknownIssuedUnit(id) });
    });
  }

  const planKeys = new Set<string>();
  doc.departmentPlans.forEach((plan, i) => {
    const at = `/departmentPlans/${i}`;
    claim(plan.id, `${at}/id`);
    if (!unitIds.has(plan.unitId)) problems.push({ path: `${at}/unitId`, message: m.unknownPlanUnit(plan.unitId) });
    const key = `${plan.unitId}|${plan.year}`;
    if (planKeys.has(key)) problems.push({ path: `${at}/year`, message: m.duplicatePlan(plan.year) });
    planKeys.add(key);
    plan.tasks.forEach((t, j) => claim(t.id, `${at}/tasks/${j}/id`));
    indicatorsAndResults(at, plan.indicators, `${at}/results`, plan.results, '部门整体支出');
  });
  return problems;
}

/**
 * A review merges with another copy by the ids of its events (shared/review.ts mergeReviews): an id used twice in one
 * list would lose one of the two, and an opinion must be about the project that holds it.
 */
function reviewProblems(p: Project, at: string): ExchangeProblem[] {
  const problems: ExchangeProblem[] = [];
  const review = p.review!;
  const unique = (ids: readonly Id[], path: (j: number) => string) => {
    const seen = new Set<Id>();
    ids.forEach((id, j) => {
      if (seen.has(id)) problems.push({ path: path(j), message: m.duplicateReviewId(p.name, id) });
      seen.add(id);
    });
  };
  unique(review.submissions.map((s) => s.id), (j) => `${at}/review/submissions/${j}/id`);
  unique(review.rounds.map((r) => r.id), (j) => `${at}/review/rounds/${j}/id`);
  unique(review.reopenings.map((r) => r.id), (j) => `${at}/review/reopenings/${j}/id`);
  const opinions = review.rounds.flatMap((r, j) => r.fieldOpinions.map((o, k) => ({ o, path: `${at}/review/rounds/${j}/fieldOpinions/${k}` })));
  unique(opinions.map((x) => x.o.id), (j) => `${opinions[j].path}/id`);
  for (const { o, path } of opinions) {
    if (o.target.projectId !== p.id) problems.push({ path: `${path}/target/projectId`, message: m.opinionOfOtherProject(p.name, o.target.projectId) });
  }
  return problems;
}
