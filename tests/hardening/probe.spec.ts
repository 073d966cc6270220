// The hostile-input probe of issue #13 ("Nothing lost, nothing corrupt"): ≥ 500 mutated packages from the four
// reference fixtures go through the validator, the import and the restore, and a sample of the valid ones through
// every form in both formats. Failures are collected per category; each category's test lists what failed with one
// example, so a run shows at a glance which defects remain. The checks themselves are tested first on known cases and
// on the unmutated fixtures, which must pass every one of them.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { applyPlan, expectedLocalState, type ConflictChoice, type DataSet, type ImportPlan, type PlanEntry } from '../../shared/consolidation';
import { createExchangeDocument, parseExchange, validateExchange, type ExchangeDocument, type ParseResult } from '../../shared/exchange/exchange';
import type { Id } from '../../shared/model';
import { exportForm, type ExportFormat } from '../../templates/export';
import { TEMPLATES } from '../../templates/index';
import type { FormRequest } from '../../templates/template';
import { DB_MESSAGES } from '../../renderer/db/messages';
import { makeKit, type Kit } from '../renderer/db/db-test-kit';
import { loadFixture } from '../fixtures/fixture-files';
import { canonical, fileNameProblem, JUNK_TOKENS, messageProblem, readBackDocx, readBackXlsx, type ReadBackResult } from './checks';
import { FIXTURE_NAMES, MUTATION_KINDS, mutatedPackages, prng, type FixtureName, type MutatedPackage, type MutationKind } from './mutations';

const PER_FIXTURE = 130;
const FORM_SAMPLE = 64;
// every form the app can export, so a form added later is probed too
const FORMS = TEMPLATES.map((t) => t.id);
const FORMATS: readonly ExportFormat[] = ['docx', 'xlsx'];
/** the supervisor's clock when the user applies an import */
const RESOLVED_AT = '2025-06-01T00:00:00.000Z';
const FIXTURE_YEAR: Record<FixtureName, number> = { huadu: 2021, 'longgang-2019': 2019, 'longgang-2023': 2023, 'yubei-2024': 2024 };

const CATEGORIES = {
  'validator: crash': 'validateExchange or parseExchange threw',
  'validator: message not Chinese': 'a refusal message is not plain Chinese (see checks.ts messageProblem)',
  'validator: accepted package does not round-trip': 'serialise → parse of an accepted document gives other text',
  'import: crash': 'planPackageImport, applyPlan or applyImport threw',
  'import: message not Chinese': 'a refusal of the plan or of the write is not plain Chinese',
  'import: database changed on refusal': 'the data or the bases differ after a refused import',
  'import: refused for no reason': 'every conflict settled, nothing edited in between, and still refused',
  'import: data lost or altered': 'after a successful import the database does not hold what the plan wrote and kept',
  'import: result is not a valid backup': 'after a successful import the database, exported, fails the validator',
  'restore: crash': 'restoreBackup threw',
  'restore: message not Chinese': 'a refusal of restoreBackup is not plain Chinese',
  'restore: database changed on refusal': 'the data or the bases differ after a refused restore',
  'restore: disagrees with the validator': 'restoreBackup accepted what the validator refuses, or refused what it accepts',
  'restore: data lost or altered': 'after a successful restore the database is not the package',
  'forms: crash': 'exportForm threw',
  'forms: message not Chinese': 'an export refusal is not plain Chinese',
  'forms: file unreadable': 'not a zip, an XML part not well-formed (strict UTF-8, XML 1.0 characters), or exceljs cannot load it',
  'forms: breaks an Excel limit': 'a sheet name Excel refuses (History, apostrophes, []:*?/\\, > 31, duplicates) or a cell over 32,767 characters',
  'forms: formula or junk in a cell': 'text written as a formula, or NaN/undefined/[object/Infinity shown that the package does not hold',
  'forms: file name cannot be saved': 'the suggested file name breaks the file system rules',
} as const;
type Category = keyof typeof CATEGORIES;

interface Failure {
  pkg: string;
  notes: string[];
  detail: string;
  /** the failure without its particulars, to count failures of one kind together ('English parser word “integer”') */
  key: string;
}

class Failures {
  private readonly lists = new Map<Category, Failure[]>();

  add(category: Category, pkg: { name: string; notes: string[] }, detail: string, key = detail.split(':')[0]): void {
    const list = this.lists.get(category) ?? [];
    list.push({ pkg: pkg.name, notes: pkg.notes, detail: detail.replace(/\s+/g, ' ').slice(0, 300), key: key.slice(0, 60) });
    this.lists.set(category, list);
  }

  of(category: Category): Failure[] {
    return this.lists.get(category) ?? [];
  }

  /**
   * "category: N failures in M packages (key ×n, …); e.g. huadu-017 [crafted-id /projects/2/id = "__proto__"]: detail",
   * one example for each of the commonest keys
   */
  report(category: Category): string[] {
    const list = this.of(category);
    if (list.length === 0) return [];
    const packages = new Set(list.map((f) => f.pkg)).size;
    const byKey = new Map<string, Failure[]>();
    for (const f of list) byKey.set(f.key, [...(byKey.get(f.key) ?? []), f]);
    const keys = [...byKey.entries()].sort((a, b) => b[1].length - a[1].length);
    const counts = keys.map(([key, fs]) => `${key} ×${fs.length}`).join(', ');
    const examples = keys.slice(0, 3).map(([, [f]]) => `e.g. ${f.pkg} [${f.notes.join('; ')}]: ${f.detail}`);
    return [`${category} — ${CATEGORIES[category]}: ${list.length} failures in ${packages} packages (${counts})`, ...examples];
  }

  summary(categories: readonly Category[]): string {
    return categories.map((c) => `${c}: ${this.of(c).length}`).join(' · ');
  }
}

/** A failure's text without the particulars (names, ids, numbers, cells), to count failures of one kind together. */
const shape = (text: string): string =>
  text
    .replace(/“[^”]*”|"(?:[^"\\]|\\.)*"/g, '“…”')
    .replace(/[^\s!：:]+![A-Z]+\d+/g, 'cell')
    .replace(/\d+/g, 'N');

const errorText = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split('\n')[0];

// ---------------------------------------------------------------- database

interface Snapshot {
  text: string;
  data: DataSet;
  bases: ReadonlyMap<Id, string>;
}

/** Everything the probe compares: the data as exportAll gives it and the consolidation bases, serialised as stored. */
async function snapshot(kit: Kit): Promise<Snapshot> {
  const data = await kit.repo.exchange.exportAll();
  const bases = await kit.repo.exchange.getSyncBases();
  return { text: JSON.stringify([data, [...bases]]), data, bases };
}

/**
 * A supervisor's database: the fixture imported through the real import (so there are bases), then edited locally after
 * that import (the unit renamed, a project and the plan changed), so a package touching the same records conflicts.
 */
async function seededKit(fixture: FixtureName): Promise<{ kit: Kit; before: Snapshot }> {
  const kit = makeKit();
  const doc = loadFixture(fixture);
  const plan = await kit.repo.exchange.planPackageImport(doc);
  const applied = applyPlan(plan, new Map(), RESOLVED_AT);
  if (!applied.ok) throw new Error(`seeding ${fixture}: ${applied.errors.join()}`);
  const written = await kit.repo.exchange.applyImport(applied.value.records, applied.value.bases);
  if (!written.ok) throw new Error(`seeding ${fixture}: ${written.error}`);
  const edits = [
    kit.repo.units.rename(doc.units[0].id, `${doc.units[0].name}（本地）`),
    kit.repo.projects.save({ ...doc.projects[0], overview: `${doc.projects[0].overview}（本地修改）` }),
    ...(doc.departmentPlans[0] ? [kit.repo.plans.save({ ...doc.departmentPlans[0], overallGoal: `${doc.departmentPlans[0].overallGoal}（本地修改）` })] : []),
  ];
  for (const edit of edits) {
    const r = await edit;
    if (!r.ok) throw new Error(`seeding ${fixture}: ${r.error}`);
  }
  return { kit, before: await snapshot(kit) };
}

/** One seeded database per fixture, made again only after something was written to it. */
class Databases {
  private readonly kits = new Map<FixtureName, { kit: Kit; before: Snapshot }>();
  seeds = 0;

  async get(fixture: FixtureName): Promise<{ kit: Kit; before: Snapshot }> {
    const ready = this.kits.get(fixture);
    if (ready) return ready;
    const made = await seededKit(fixture);
    this.seeds += 1;
    this.kits.set(fixture, made);
    return made;
  }

  /** the database of this fixture was (or may have been) written to */
  spoil(fixture: FixtureName): void {
    const kit = this.kits.get(fixture)?.kit;
    kit?.db.close();
    this.kits.delete(fixture);
  }

  close(): void {
    for (const { kit } of this.kits.values()) kit.db.close();
    this.kits.clear();
  }
}

const KINDS = ['units', 'projects', 'departmentPlans'] as const;
type RecordList = (typeof KINDS)[number];
const LIST_OF: Record<PlanEntry['kind'], RecordList> = { unit: 'units', project: 'projects', departmentPlan: 'departmentPlans' };

/**
 * What a successful import must leave: every record the plan wrote, stored as written; every other record as it was
 * (but a plan replaced by the written plan of its unit and year); nothing else; every package record accounted for in
 * the plan; every record's base at its incoming updatedAt and the other bases as they were.
 */
function importLosses(doc: ExchangeDocument, plan: ImportPlan, records: DataSet, before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const list of KINDS) {
    const stored = new Map<Id, unknown>(after.data[list].map((r) => [r.id, r]));
    const written = new Map<Id, unknown>(records[list].map((r) => [r.id, r]));
    for (const [id, record] of written) {
      const got = stored.get(id);
      if (got === undefined) out.push(`${list} ${JSON.stringify(id)} was written but is not in the database`);
      else if (canonical(got) !== canonical(record)) out.push(`${list} ${JSON.stringify(id)} is stored otherwise than written`);
    }
    const replacedYears = new Set(records.departmentPlans.map((p) => `${p.unitId}\u0000${p.year}`));
    for (const old of before.data[list]) {
      if (written.has(old.id)) continue;
      const got = stored.get(old.id);
      if (list === 'departmentPlans' && 'year' in old && replacedYears.has(`${old.unitId}\u0000${old.year}`)) {
        if (got !== undefined) out.push(`plan ${JSON.stringify(old.id)} stays beside the imported plan of its unit and year`);
        continue;
      }
      if (got === undefined) out.push(`${list} ${JSON.stringify(old.id)} was lost`);
      else if (canonical(got) !== canonical(old)) out.push(`${list} ${JSON.stringify(old.id)} changed though the import did not write it`);
    }
    const known = new Set<Id>([...written.keys(), ...before.data[list].map((r) => r.id)]);
    for (const r of after.data[list]) if (!known.has(r.id)) out.push(`${list} ${JSON.stringify(r.id)} appeared from nowhere`);
    const planned = new Set<Id>(
      [...plan.add, ...plan.update, ...plan.unchanged, ...plan.keepLocal, ...plan.conflicts].filter((e) => LIST_OF[e.kind] === list).map((e) => e.id),
    );
    for (const r of doc[list]) if (!planned.has(r.id)) out.push(`${list} ${JSON.stringify(r.id)} of the package is in no list of the plan`);
  }
  const packageIds = new Set<Id>();
  for (const entry of [...plan.add, ...plan.update, ...plan.unchanged, ...plan.keepLocal, ...plan.conflicts]) {
    packageIds.add(entry.id);
    const base = after.bases.get(entry.id);
    if (base !== entry.incomingUpdatedAt) out.push(`the base of ${entry.kind} ${JSON.stringify(entry.id)} is ${JSON.stringify(base)}, not ${JSON.stringify(entry.incomingUpdatedAt)}`);
  }
  for (const [id, base] of before.bases) {
    if (!packageIds.has(id) && after.bases.get(id) !== base) out.push(`the base of ${JSON.stringify(id)} was lost`);
  }
  return out;
}

/** What a successful restore must leave: exactly the package's records, and no bases. */
function restoreLosses(doc: ExchangeDocument, after: Snapshot): string[] {
  const out: string[] = [];
  for (const list of KINDS) {
    const stored = new Map<Id, unknown>(after.data[list].map((r) => [r.id, r]));
    if (after.data[list].length !== doc[list].length) out.push(`${list}: ${after.data[list].length} in the database, ${doc[list].length} in the package`);
    for (const r of doc[list]) {
      const got = stored.get(r.id);
      if (got === undefined) out.push(`${list} ${JSON.stringify(r.id)} is missing`);
      else if (canonical(got) !== canonical(r)) out.push(`${list} ${JSON.stringify(r.id)} is stored otherwise than in the package`);
    }
  }
  if (after.bases.size > 0) out.push(`${after.bases.size} consolidation bases survived the restore`);
  return out;
}

// ---------------------------------------------------------------- the four parts

interface Outcome {
  /** the validator's verdict on the package's bytes, null when it threw */
  parsed: ParseResult | null;
  /** the package's JSON value, undefined when the bytes are not JSON */
  json: unknown;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

function checkMessages(failures: Failures, category: Category, pkg: MutatedPackage, messages: readonly string[]): void {
  for (const message of messages) {
    const problem = messageProblem(message);
    if (problem) {
      failures.add(category, pkg, `${problem}: ${message.slice(0, 200)}`, problem);
      return;
    }
  }
}

/** (a) parseExchange on the bytes and validateExchange on the JSON value: no throw, refusals in Chinese, lossless when accepted. */
function probeValidator(pkg: MutatedPackage, failures: Failures): Outcome {
  const json = parseJson(pkg.bytes);
  let parsed: ParseResult | null = null;
  try {
    parsed = parseExchange(pkg.bytes);
    if (json !== undefined) validateExchange(json);
  } catch (e) {
    failures.add('validator: crash', pkg, errorText(e), shape(errorText(e)));
  }
  if (parsed && !parsed.ok) checkMessages(failures, 'validator: message not Chinese', pkg, [...parsed.problems.map((p) => p.message), ...parsed.groups.map((g) => g.label)]);
  if (parsed?.ok) {
    const text = JSON.stringify(parsed.document);
    const again = parseExchange(text);
    if (!again.ok || JSON.stringify(again.document) !== text) failures.add('validator: accepted package does not round-trip', pkg, again.ok ? 'other text' : again.problems[0].message, 'round trip');
  }
  return { parsed, json };
}

/** (b) The import as the app runs it (ImportStore.load + apply) into a seeded database. */
async function probeImport(pkg: MutatedPackage, seed: FixtureName, outcome: Outcome, dbs: Databases, failures: Failures): Promise<'refused' | 'written' | 'crashed'> {
  const parsed = outcome.parsed;
  if (!parsed || !parsed.ok) return 'refused';
  const { kit, before } = await dbs.get(seed);
  const rng = prng(hashName(pkg.name));
  let stage = 'planPackageImport';
  try {
    const plan = await kit.repo.exchange.planPackageImport(parsed.document);
    // applyPlan is pure: every conflict is settled both ways (all local, all incoming) without writing; the user's
    // choice, all one way or each its own way, is then written
    for (const side of ['local', 'incoming'] as const) {
      stage = `applyPlan (every conflict ${side})`;
      applyPlan(plan, new Map(plan.conflicts.map((c) => [c.id, side])), RESOLVED_AT);
    }
    const choices = new Map<Id, ConflictChoice>();
    const all: ConflictChoice | null = rng() < 0.5 ? (rng() < 0.5 ? 'incoming' : 'local') : null;
    for (const c of plan.conflicts) choices.set(c.id, all ?? (rng() < 0.5 ? 'incoming' : 'local'));
    stage = 'applyPlan';
    const applied = applyPlan(plan, choices, RESOLVED_AT);
    let refusal: string[] | null = null;
    if (!applied.ok) {
      refusal = applied.errors;
      if (plan.problems.length === 0) failures.add('import: refused for no reason', pkg, `applyPlan: ${applied.errors[0]}`, shape(`applyPlan: ${applied.errors[0]}`));
    } else {
      // as ImportStore.apply: the local state the plan was read against
      const expected = expectedLocalState(plan);
      stage = 'applyImport';
      const result = await kit.repo.exchange.applyImport(applied.value.records, applied.value.bases, expected);
      if (!result.ok) {
        refusal = [result.error];
        if (result.error === DB_MESSAGES.importStale) failures.add('import: refused for no reason', pkg, `applyImport: ${result.error}`, 'applyImport: stale');
      } else {
        stage = 'reading the database back';
        const after = await snapshot(kit);
        dbs.spoil(seed);
        const losses = importLosses(parsed.document, plan, applied.value.records, before, after);
        if (losses.length > 0) failures.add('import: data lost or altered', pkg, `${losses.length} problems: ${losses.slice(0, 3).join('; ')}`, shape(losses[0]));
        const backup = validateExchange(JSON.parse(JSON.stringify(createExchangeDocument(after.data, RESOLVED_AT))));
        if (!backup.ok) failures.add('import: result is not a valid backup', pkg, backup.problems[0].message, shape(backup.problems[0].message));
        return 'written';
      }
    }
    checkMessages(failures, 'import: message not Chinese', pkg, refusal);
    const after = await snapshot(kit);
    if (after.text !== before.text) {
      failures.add('import: database changed on refusal', pkg, `refused with: ${refusal[0]}`, shape(refusal[0]));
      dbs.spoil(seed);
    }
    return 'refused';
  } catch (e) {
    failures.add('import: crash', pkg, `${stage}: ${errorText(e)}`, shape(`${stage}: ${errorText(e)}`));
    dbs.spoil(seed);
    return 'crashed';
  }
}

/** (c) restoreBackup on the package's JSON value (it validates again itself) in a seeded database. */
async function probeRestore(pkg: MutatedPackage, seed: FixtureName, outcome: Outcome, dbs: Databases, failures: Failures): Promise<'refused' | 'written' | 'crashed' | 'not json'> {
  if (outcome.json === undefined) return 'not json';
  const { kit, before } = await dbs.get(seed);
  try {
    const result = await kit.repo.exchange.restoreBackup(outcome.json as ExchangeDocument);
    const validatorOk = validateExchange(outcome.json).ok;
    if (result.ok) {
      const after = await snapshot(kit);
      dbs.spoil(seed);
      if (!validatorOk) failures.add('restore: disagrees with the validator', pkg, 'restored a package the validator refuses', 'restored');
      else {
        const losses = restoreLosses(outcome.json as ExchangeDocument, after);
        if (losses.length > 0) failures.add('restore: data lost or altered', pkg, `${losses.length} problems: ${losses.slice(0, 3).join('; ')}`, shape(losses[0]));
      }
      return 'written';
    }
    checkMessages(failures, 'restore: message not Chinese', pkg, [result.error]);
    if (validatorOk) failures.add('restore: disagrees with the validator', pkg, `refused a package the validator accepts: ${result.error}`, 'refused');
    const after = await snapshot(kit);
    if (after.text !== before.text) {
      failures.add('restore: database changed on refusal', pkg, `refused with: ${result.error.slice(0, 120)}`, 'changed');
      dbs.spoil(seed);
    }
    return 'refused';
  } catch (e) {
    failures.add('restore: crash', pkg, errorText(e), shape(errorText(e)));
    dbs.spoil(seed);
    return 'crashed';
  }
}

/** The form request the headless exporter would make: the fixture's year, the top unit and everything under it. */
function formRequest(doc: ExchangeDocument, year: number, final: boolean): FormRequest {
  const roots = doc.units.filter((u) => u.parentId === null || !doc.units.some((p) => p.id === u.parentId));
  const head = roots[0] ?? doc.units[0];
  return { data: doc, year, scope: { kind: 'supervisor', unitId: head ? head.id : '' }, final };
}

interface FormCounts {
  exports: number;
  files: number;
  refusals: number;
  /** files read back per form ('F3' → 40) */
  byForm: Map<string, number>;
}

/** (d) Every form in both formats; each file produced is read back. */
async function probeForms(pkg: MutatedPackage, doc: ExchangeDocument, final: boolean, failures: Failures, counts: FormCounts): Promise<void> {
  const text = new TextDecoder().decode(pkg.bytes);
  const allowed = new Set(JUNK_TOKENS.filter((t) => text.includes(t)));
  const request = formRequest(doc, FIXTURE_YEAR[pkg.fixture], final);
  for (const form of FORMS) {
    for (const format of FORMATS) {
      counts.exports += 1;
      const where = `${form}.${format}`;
      let result;
      try {
        result = await exportForm(form, format, request);
      } catch (e) {
        failures.add('forms: crash', pkg, `${where}: ${errorText(e)}`, shape(errorText(e)));
        continue;
      }
      if (!result.ok) {
        counts.refusals += 1;
        checkMessages(failures, 'forms: message not Chinese', pkg, result.messages);
        continue;
      }
      counts.files += 1;
      counts.byForm.set(form, (counts.byForm.get(form) ?? 0) + 1);
      const nameProblem = fileNameProblem(result.fileName);
      if (nameProblem) failures.add('forms: file name cannot be saved', pkg, `${where}: ${nameProblem}`, shape(nameProblem));
      let read: ReadBackResult;
      try {
        read = format === 'xlsx' ? await readBackXlsx(result.bytes, allowed) : await readBackDocx(result.bytes, allowed);
      } catch (e) {
        failures.add('forms: file unreadable', pkg, `${where}: reading it back threw ${errorText(e)}`, shape(errorText(e)));
        continue;
      }
      if (read.unreadable.length > 0) failures.add('forms: file unreadable', pkg, `${where}: ${read.unreadable[0]}`, shape(read.unreadable[0]));
      if (read.excelLimits.length > 0) failures.add('forms: breaks an Excel limit', pkg, `${where}: ${read.excelLimits[0]}`, shape(read.excelLimits[0]));
      if (read.content.length > 0) failures.add('forms: formula or junk in a cell', pkg, `${where}: ${read.content[0]}`, shape(read.content[0]));
    }
  }
}

function hashName(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Two packages in three go into a database seeded with their own fixture (updates, conflicts), the third into another. */
function seedOf(pkg: MutatedPackage, index: number): FixtureName {
  if (index % 3 !== 2) return pkg.fixture;
  return FIXTURE_NAMES[(FIXTURE_NAMES.indexOf(pkg.fixture) + 1) % FIXTURE_NAMES.length];
}

/** The valid packages whose forms are exported: round robin over the kinds they were made for, so each kind is in. */
function formSample(valid: { pkg: MutatedPackage; doc: ExchangeDocument }[], size: number): { pkg: MutatedPackage; doc: ExchangeDocument }[] {
  const byKind = new Map<MutationKind, { pkg: MutatedPackage; doc: ExchangeDocument }[]>();
  for (const v of valid) byKind.set(v.pkg.kinds[0], [...(byKind.get(v.pkg.kinds[0]) ?? []), v]);
  const out: { pkg: MutatedPackage; doc: ExchangeDocument }[] = [];
  for (let round = 0; out.length < size && round < valid.length; round++) {
    for (const kind of MUTATION_KINDS) {
      const v = byKind.get(kind)?.[round];
      if (v && out.length < size) out.push(v);
    }
  }
  return out;
}

// ---------------------------------------------------------------- the checks themselves

describe('the probe’s judges', () => {
  test('the message rule: Chinese with quoted data and paths passes; parser English, JS leaks and English alone fail', () => {
    expect(messageProblem('/projects/0/funding/other：应当为 >= 0')).toBeNull();
    expect(messageProblem('编号“__proto__”重复，已在 /projects/0/id 使用过。')).toBeNull();
    expect(messageProblem('项目“History must be undone”所属单位“x”不在数据包中。')).toBeNull();
    expect(messageProblem('/projects/0/name：应当有必需属性 name')).toBeNull();
    expect(messageProblem('/projects/0/year：应当是 integer 类型')).toBe('English parser word “integer”');
    expect(messageProblem('/units/0/parentId：数据应为 anyOf 所指定的其中一个')).toBe('English parser word “anyOf”');
    expect(messageProblem('文件不是有效的 JSON 数据包，可能已损坏或被截断（Unexpected end of JSON input）。')).toBe('English parser word “Unexpected”');
    expect(messageProblem('数据包版本“undefined”无效，本程序只支持版本 1。')).toBe('shows JavaScript text (undefined)');
    expect(messageProblem('must have required property name')).toBe('no Chinese');
    expect(messageProblem('导出失败：TypeError: x is not a function')).toBe('English parser word “TypeError”');
  });

  test('the read-back: a good file passes; XML 1.0 characters, bad UTF-8, History, formulas and long cells are caught', async () => {
    const doc = loadFixture('longgang-2019');
    const request = formRequest(doc, 2019, false);
    const xlsx = await exportForm('F4', 'xlsx', request);
    const docx = await exportForm('F4', 'docx', request);
    if (!xlsx.ok || !docx.ok) throw new Error('F4 of longgang-2019 did not export');
    const clean: ReadBackResult = { unreadable: [], excelLimits: [], content: [] };
    expect(await readBackXlsx(xlsx.bytes)).toEqual(clean);
    expect(await readBackDocx(docx.bytes)).toEqual(clean);

    const edited = async (bytes: Uint8Array, part: string, edit: (xml: string) => string | Uint8Array) => {
      const zip = await JSZip.loadAsync(bytes);
      zip.file(part, edit(await zip.file(part)!.async('string')));
      return zip.generateAsync({ type: 'uint8array' });
    };
    const withFFFF = await edited(docx.bytes, 'word/document.xml', (xml) => xml.replace('<w:t', '<w:t>\uFFFF</w:t><w:t'));
    expect((await readBackDocx(withFFFF)).unreadable).toEqual([expect.stringMatching(/^word\/document\.xml: .*disallowed character/)]);
    const badUtf8 = await edited(docx.bytes, 'word/document.xml', (xml) => {
      const b = new TextEncoder().encode(xml);
      return Uint8Array.from([...b.slice(0, 200), 0xed, 0xa0, 0x80, ...b.slice(200)]);
    });
    expect((await readBackDocx(badUtf8)).unreadable).toEqual(['word/document.xml: not valid UTF-8']);
    const history = await edited(xlsx.bytes, 'xl/workbook.xml', (xml) => xml.replace(/(<sheet [^>]*name=")[^"]*"/, '$1history"'));
    expect((await readBackXlsx(history)).excelLimits).toEqual(['sheet name "history" is the name Excel reserves (History)']);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.getCell('A1').value = { formula: 'cmd|" /C calc"!A0' };
    ws.getCell('A2').value = 'x'.repeat(40_000);
    ws.getCell('A3').value = '合计 NaN';
    const junk = await readBackXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(junk.content).toEqual(['表!A1 holds a formula: cmd|" /C calc"!A0', '表!A3 shows “NaN”']);
    expect(junk.excelLimits).toEqual(['表!A2 holds 40000 characters (Excel keeps 32767)']);
  });

  test('the generator: ≥ 500 packages, the same bytes every run, every kind used many times', () => {
    const packages = mutatedPackages(PER_FIXTURE);
    expect(packages.length).toBeGreaterThanOrEqual(500);
    const again = mutatedPackages(PER_FIXTURE);
    expect(again.map((p) => Buffer.from(p.bytes).toString('base64'))).toEqual(packages.map((p) => Buffer.from(p.bytes).toString('base64')));
    const uses = new Map<MutationKind, number>();
    for (const p of packages) for (const k of p.kinds) uses.set(k, (uses.get(k) ?? 0) + 1);
    expect(MUTATION_KINDS.filter((k) => (uses.get(k) ?? 0) < 20)).toEqual([]);
    // nothing the generator writes may look like a leak the message rule blames on the product
    for (const p of packages) expect(new TextDecoder().decode(p.bytes)).not.toMatch(/\[object |undefined/);
  });

  test('the unmutated fixtures pass every check: validated, imported, restored, every form read back', async () => {
    const failures = new Failures();
    const dbs = new Databases();
    const counts: FormCounts = { exports: 0, files: 0, refusals: 0, byForm: new Map() };
    const results: string[] = [];
    try {
      for (const [i, fixture] of FIXTURE_NAMES.entries()) {
        const pkg: MutatedPackage = { name: `${fixture} (as is)`, fixture, kinds: [], notes: [], bytes: new TextEncoder().encode(JSON.stringify(loadFixture(fixture))) };
        const outcome = probeValidator(pkg, failures);
        const intoOther = FIXTURE_NAMES[(i + 1) % FIXTURE_NAMES.length];
        results.push(`${fixture}: import into itself ${await probeImport(pkg, fixture, outcome, dbs, failures)}, into ${intoOther} ${await probeImport(pkg, intoOther, outcome, dbs, failures)}, restore ${await probeRestore(pkg, fixture, outcome, dbs, failures)}`);
        if (outcome.parsed?.ok) await probeForms(pkg, outcome.parsed.document, false, failures, counts);
      }
    } finally {
      dbs.close();
    }
    expect((Object.keys(CATEGORIES) as Category[]).flatMap((c) => failures.report(c))).toEqual([]);
    expect(results).toEqual(FIXTURE_NAMES.map((f, i) => `${f}: import into itself written, into ${FIXTURE_NAMES[(i + 1) % 4]} written, restore written`));
    expect(counts.exports).toBe(4 * FORMS.length * 2);
    expect(counts.files).toBeGreaterThanOrEqual(30);
  });
});

// ---------------------------------------------------------------- the probe

describe(`hostile-input probe: ${PER_FIXTURE * FIXTURE_NAMES.length} mutated packages through validator, import and restore; ${FORM_SAMPLE} valid ones × 7 forms × docx/xlsx`, () => {
  const packages = mutatedPackages(PER_FIXTURE);
  const failures = new Failures();
  const tally = { valid: 0, importWritten: 0, importRefused: 0, restoreWritten: 0, restoreRefused: 0, notJson: 0 };
  const outcomes = new Map<string, Outcome>();

  test(`(a) validator: ${packages.length} packages`, () => {
    for (const pkg of packages) {
      const outcome = probeValidator(pkg, failures);
      outcomes.set(pkg.name, outcome);
      if (outcome.parsed?.ok) tally.valid += 1;
    }
    const categories: Category[] = ['validator: crash', 'validator: message not Chinese', 'validator: accepted package does not round-trip'];
    console.log(`validator: ${packages.length} packages, ${tally.valid} valid · ${failures.summary(categories)}`);
    expect(categories.flatMap((c) => failures.report(c))).toEqual([]);
  });

  test(`(b) import into a seeded database: ${packages.length} packages`, async () => {
    const dbs = new Databases();
    try {
      for (const [i, pkg] of packages.entries()) {
        const outcome = outcomes.get(pkg.name) ?? probeValidator(pkg, new Failures());
        const r = await probeImport(pkg, seedOf(pkg, i), outcome, dbs, failures);
        if (r === 'written') tally.importWritten += 1;
        else tally.importRefused += 1;
      }
    } finally {
      dbs.close();
    }
    const categories: Category[] = [
      'import: crash', 'import: message not Chinese', 'import: database changed on refusal', 'import: refused for no reason',
      'import: data lost or altered', 'import: result is not a valid backup',
    ];
    console.log(`import: ${tally.importWritten} written, ${tally.importRefused} refused · ${failures.summary(categories)}`);
    expect(categories.flatMap((c) => failures.report(c))).toEqual([]);
  }, 300_000);

  test(`(c) restore into a seeded database: ${packages.length} packages`, async () => {
    const dbs = new Databases();
    try {
      for (const [i, pkg] of packages.entries()) {
        const outcome = outcomes.get(pkg.name) ?? probeValidator(pkg, new Failures());
        const r = await probeRestore(pkg, seedOf(pkg, i), outcome, dbs, failures);
        if (r === 'written') tally.restoreWritten += 1;
        else if (r === 'not json') tally.notJson += 1;
        else tally.restoreRefused += 1;
      }
    } finally {
      dbs.close();
    }
    const categories: Category[] = ['restore: crash', 'restore: message not Chinese', 'restore: database changed on refusal', 'restore: disagrees with the validator', 'restore: data lost or altered'];
    console.log(`restore: ${tally.restoreWritten} written, ${tally.restoreRefused} refused, ${tally.notJson} not JSON (never reach it) · ${failures.summary(categories)}`);
    expect(categories.flatMap((c) => failures.report(c))).toEqual([]);
  }, 300_000);

  test(`(d) forms: ${FORM_SAMPLE} valid packages × ${FORMS.length} forms × ${FORMATS.length} formats, every file read back`, async () => {
    const valid = packages.flatMap((pkg) => {
      const outcome = outcomes.get(pkg.name) ?? probeValidator(pkg, new Failures());
      return outcome.parsed?.ok ? [{ pkg, doc: outcome.parsed.document }] : [];
    });
    const sample = formSample(valid, FORM_SAMPLE);
    expect(sample).toHaveLength(FORM_SAMPLE);
    const counts: FormCounts = { exports: 0, files: 0, refusals: 0, byForm: new Map() };
    // one package in eight asks for the final (正式) form, which validates the records first
    for (const [i, { pkg, doc }] of sample.entries()) await probeForms(pkg, doc, i % 8 === 7, failures, counts);
    const categories: Category[] = [
      'forms: crash', 'forms: message not Chinese', 'forms: file unreadable', 'forms: breaks an Excel limit', 'forms: formula or junk in a cell',
      'forms: file name cannot be saved',
    ];
    const perForm = FORMS.map((f) => `${f} ${counts.byForm.get(f) ?? 0}`).join(', ');
    console.log(`forms: ${sample.length} packages, ${counts.exports} exports, ${counts.files} files read back (${perForm}), ${counts.refusals} refused · ${failures.summary(categories)}`);
    expect(categories.flatMap((c) => failures.report(c))).toEqual([]);
  }, 300_000);
});
