// Exchange format v1: the versioned JSON package units send to supervisors, also the backup format.
// Parsing is all-or-nothing: a document is either returned whole and valid, or rejected with every problem found.
import type { ErrorObject } from 'ajv';
import localizeZh from 'ajv-i18n/localize/zh';
import type { DepartmentPlan, Indicator, IndicatorResult, Project, Timestamp, Unit } from '../model';
import { exchangeMessages as m } from './exchange-messages';
import validateSchema from './validate-v1.generated.js';

export const EXCHANGE_FORMAT = 'perf-target-desk/exchange';
export const EXCHANGE_VERSION = 1;

export interface ExchangeDocument {
  format: typeof EXCHANGE_FORMAT;
  version: typeof EXCHANGE_VERSION;
  exportedAt: Timestamp;
  exportedBy?: string;
  note?: string;
  units: Unit[];
  projects: Project[];
  departmentPlans: DepartmentPlan[];
}

/** One problem in an exchange document: a JSON path ('/projects/2/funding/other') and a Chinese message. */
export interface ExchangeProblem {
  path: string;
  message: string;
}

export type ParseResult = { ok: true; document: ExchangeDocument } | { ok: false; problems: ExchangeProblem[] };

type SchemaValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

export function createExchangeDocument(
  data: { units: Unit[]; projects: Project[]; departmentPlans: DepartmentPlan[] },
  exportedAt: Timestamp,
  exportedBy?: string,
): ExchangeDocument {
  return {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    exportedAt,
    ...(exportedBy ? { exportedBy } : {}),
    units: data.units,
    projects: data.projects,
    departmentPlans: data.departmentPlans,
  };
}

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
    return { ok: false, problems: [{ path: '', message: m.notJson((e as Error).message) }] };
  }
  return validateExchange(data);
}

/** Validate an already-parsed value: version first, then the schema, then ids and references. */
export function validateExchange(data: unknown): ParseResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, problems: [{ path: '', message: m.notObject }] };
  }
  const head = data as { format?: unknown; version?: unknown };
  if (head.format !== EXCHANGE_FORMAT) {
    return { ok: false, problems: [{ path: '/format', message: m.wrongFormat(String(head.format ?? '')) }] };
  }
  if (head.version !== EXCHANGE_VERSION) {
    const newer = typeof head.version === 'number' && head.version > EXCHANGE_VERSION;
    return {
      ok: false,
      problems: [{ path: '/version', message: newer ? m.futureVersion(head.version as number) : m.wrongVersion(String(head.version)) }],
    };
  }
  const validate = validateSchema as unknown as SchemaValidator;
  if (!validate(data)) {
    const errors = validate.errors ?? [];
    localizeZh(errors);
    return { ok: false, problems: errors.map(schemaProblem) };
  }
  const doc = data as ExchangeDocument;
  const problems = checkIdsAndReferences(doc);
  return problems.length ? { ok: false, problems } : { ok: true, document: doc };
}

function schemaProblem(e: ErrorObject): ExchangeProblem {
  const params = e.params as Record<string, unknown>;
  // ajv reports a missing or extra property at its parent; name it so the path points at the field itself.
  const extra =
    e.keyword === 'required' ? `/${String(params.missingProperty)}` : e.keyword === 'additionalProperties' ? `/${String(params.additionalProperty)}` : '';
  const path = e.instancePath + extra;
  const detail = e.keyword === 'additionalProperties' ? m.unknownField : (e.message ?? '');
  return { path, message: m.atPath(path, detail) };
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
  });

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
