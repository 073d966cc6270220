// Hostile packages for the probe of issue #13: the four reference fixtures, each mutated many times over by a seeded
// generator, so every run feeds the product the same bytes and a failure can be replayed from its package name.
import schema from '../../shared/exchange/exchange-v1.schema.json';
import { fixtureText } from '../fixtures/fixture-files';

export const FIXTURE_NAMES = ['huadu', 'longgang-2019', 'longgang-2023', 'yubei-2024'] as const;
export type FixtureName = (typeof FIXTURE_NAMES)[number];

export const MUTATION_KINDS = [
  'delete-required',
  'wrong-type',
  'bad-number',
  'long-string',
  'special-chars',
  'formula-xml',
  'sheet-name',
  'crafted-id',
  'duplicate-id',
  'foreign-indicator',
  'crafted-timestamp',
  'version-format',
  'extra-property',
  'missing-unit',
  'plan-other-id',
  'deep-nesting',
  'duplicated-array',
  'empty-array',
  'raw-bytes',
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export interface MutatedPackage {
  /** 'huadu-017': fixture and running number, enough to regenerate it */
  name: string;
  fixture: FixtureName;
  /** the kinds applied, first the one the package was made for */
  kinds: MutationKind[];
  /** what was done, one line per mutation ('crafted-id /projects/2/id = "__proto__"') */
  notes: string[];
  /** the file as a unit would send it */
  bytes: Uint8Array;
}

type Obj = Record<string, unknown>;
type Rng = () => number;

/** mulberry32: small, fast and the same on every machine */
export function prng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What kind of schema object sits at a path, from the key that holds it. */
type ObjKind = 'root' | 'unit' | 'project' | 'departmentPlan' | 'indicator' | 'indicatorResult' | 'selfAssessment' | 'funding' | 'planTask' | 'scoreOverride';

interface Located {
  kind: ObjKind;
  path: string;
  obj: Obj;
  /** the unit, project or plan the object belongs to (touched when the object changes) */
  record: Obj | null;
}

interface Slot {
  path: string;
  holder: Obj | unknown[];
  key: string | number;
  value: unknown;
  record: Obj | null;
}

const ARRAY_ITEM_KIND: Record<string, ObjKind> = {
  units: 'unit',
  projects: 'project',
  departmentPlans: 'departmentPlan',
  indicators: 'indicator',
  results: 'indicatorResult',
  tasks: 'planTask',
};
const FIELD_KIND: Record<string, ObjKind> = {
  selfAssessment: 'selfAssessment',
  funding: 'funding',
  budgetInitial: 'funding',
  budgetAdjusted: 'funding',
  spent: 'funding',
  scoreOverride: 'scoreOverride',
};

type SchemaDef = { required?: string[]; properties?: Record<string, { properties?: unknown; required?: string[] }> };
const defs = (schema as unknown as { definitions: Record<string, SchemaDef> }).definitions;
const REQUIRED: Record<ObjKind, readonly string[]> = {
  root: (schema as unknown as { required: string[] }).required,
  unit: defs.unit.required ?? [],
  project: defs.project.required ?? [],
  departmentPlan: defs.departmentPlan.required ?? [],
  indicator: defs.indicator.required ?? [],
  indicatorResult: defs.indicatorResult.required ?? [],
  selfAssessment: defs.selfAssessment.required ?? [],
  funding: defs.funding.required ?? [],
  planTask: defs.planTask.required ?? [],
  scoreOverride: defs.indicatorResult.properties?.scoreOverride?.required ?? [],
};

/** Every schema object of the document, with its kind and owning record. */
function locateObjects(doc: Obj): Located[] {
  const out: Located[] = [{ kind: 'root', path: '', obj: doc, record: null }];
  const walk = (value: unknown, path: string, kindHere: ObjKind | null, record: Obj | null) => {
    if (Array.isArray(value)) return;
    if (!isObj(value)) return;
    if (kindHere) out.push({ kind: kindHere, path, obj: value, record });
    for (const [key, child] of Object.entries(value)) {
      const childPath = `${path}/${key}`;
      if (Array.isArray(child) && ARRAY_ITEM_KIND[key]) {
        child.forEach((item, i) => {
          const itemKind = ARRAY_ITEM_KIND[key];
          const owner = record ?? (isObj(item) && (itemKind === 'unit' || itemKind === 'project' || itemKind === 'departmentPlan') ? item : null);
          walk(item, `${childPath}/${i}`, itemKind, owner);
        });
      } else if (isObj(child) && FIELD_KIND[key]) {
        walk(child, childPath, FIELD_KIND[key], record);
      }
    }
  };
  for (const key of ['units', 'projects', 'departmentPlans']) {
    const list = doc[key];
    if (Array.isArray(list)) list.forEach((item, i) => walk(item, `/${key}/${i}`, ARRAY_ITEM_KIND[key], isObj(item) ? item : null));
  }
  return out;
}

/** Every member of every schema object (and the items of its arrays), as a place a value can be put. */
function slots(doc: Obj, filter: (key: string | number, value: unknown) => boolean = () => true): Slot[] {
  const out: Slot[] = [];
  for (const { obj, path, record } of locateObjects(doc)) {
    for (const [key, value] of Object.entries(obj)) {
      if (filter(key, value)) out.push({ path: `${path}/${key}`, holder: obj, key, value, record });
      if (Array.isArray(value) && !ARRAY_ITEM_KIND[key]) {
        value.forEach((item, i) => {
          if (filter(i, item)) out.push({ path: `${path}/${key}/${i}`, holder: value, key: i, value: item, record });
        });
      }
    }
  }
  return out;
}

const ID_FIELDS = new Set(['id', 'unitId', 'parentId', 'indicatorId']);
const TEXT_FIELDS = new Set([
  'name', 'shortName', 'overview', 'basis', 'annualGoal', 'periodGoal', 'competentDepartment', 'target', 'unit', 'targetText', 'periodTarget',
  'explanation', 'actual', 'deviationNote', 'reason', 'overallResult', 'problems', 'rectification', 'executionNote', 'overallGoal', 'content',
  'note', 'exportedBy', 'level1', 'level2', 'schemeId',
]);
const NUMBER_FIELDS = new Set([
  'generalPublic', 'governmentFund', 'stateCapital', 'specialAccount', 'other', 'townSubsidy', 'expenditureBudget', 'year', 'weight', 'score',
]);
const TIME_FIELDS = new Set(['updatedAt', 'completedAt', 'exportedAt']);

/** Sets an own member, so that a key such as __proto__ becomes a member JSON.stringify writes, not the prototype. */
function setOwn(obj: Obj, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function nested(depth: number, asArray: boolean): unknown {
  let v: unknown = asArray ? [] : {};
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

const LATER = '2026-03-01T00:00:00.000Z';
const MISSING_UNIT = 'no-such-unit';

const SPECIALS = ['\uFFFE', '\uFFFF', '\u0000', '\uD800', '\uDC00', '\u200F', '\u202E', '\u0007', '\u000B', '\u001F', '\u0085', '\u2028', '\uFEFF', '\r\n', '\t', 'e\u0301', '😀', '\uDBFF\uDFFF'];
const FORMULAS = [
  "=cmd|' /C calc'!A0",
  '=1+1',
  '+1+1',
  '-1+1',
  '@SUM(1,1)',
  '=HYPERLINK("http://example.com","点击")',
  '\t=1+1',
  '<w:t>注入</w:t>',
  '</w:t></w:r></w:p><w:p><w:r><w:t>注入',
  ']]><!--',
  '&lt;&amp;&#0;',
  '<?xml version="1.0"?>',
  '\'"<>&',
];
const PROJECT_NAMES = [
  "'abc'",
  "abc'",
  "'abc",
  'History',
  'history',
  ' History ',
  `${'一'.repeat(30)}'`,
  `${'x'.repeat(30)}'tail`,
  'a[b]c:d*e?f/g\\h',
  '[]:*?/\\',
  'Sheet1',
  '项目\n名称',
  `${'很长的项目名称'.repeat(6)}A`,
];
/** names of Object.prototype's members: as keys of a plain object they find the prototype's member */
const PROTOTYPE_IDS = ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'prototype'];
const OTHER_IDS = [' ', 'a'.repeat(100), 'a'.repeat(101), '', '<w:t>', '../../etc/passwd', 'id\u0000'];
const CRAFTED_TIMES = [
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '2025-02-30T00:00:00.000Z',
  '',
  'yesterday',
  '0000-00-00T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '2025-01-15T08:00:00.000Z',
  '2025-01-15T16:00:00+08:00',
  '1970-01-01T00:00:00.000Z',
  'not a time at all',
  '２０２５-01-01T00:00:00Z',
];
const EXTRA_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'x-extra', '', '$ref', 'carriedOver', 'Id'];

/** Builds one package: the fixture's document with mutations applied, then serialised (and possibly broken as bytes). */
class Mutator {
  readonly notes: string[] = [];
  /** placeholders in the document that become raw JSON tokens JSON.stringify cannot write (1e999, -0.0 …) */
  private readonly raw = new Map<string, string>();
  private rawBytes: ((bytes: Uint8Array) => Uint8Array) | null = null;
  private fresh = 0;

  constructor(
    readonly doc: Obj,
    private readonly rng: Rng,
  ) {}

  private int(n: number): number {
    return Math.floor(this.rng() * n);
  }
  private pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
  private chance(p: number): boolean {
    return this.rng() < p;
  }
  private list(key: string): Obj[] {
    const v = this.doc[key];
    return Array.isArray(v) ? v.filter(isObj) : [];
  }
  private freshId(prefix: string): string {
    this.fresh += 1;
    return `${prefix}-${this.fresh}`;
  }
  private rawToken(token: string): string {
    const placeholder = `\u0001RAW${this.raw.size}\u0001`;
    this.raw.set(placeholder, token);
    return placeholder;
  }

  /** A changed record is usually sent with a later updatedAt, as the unit's app would stamp it; then it gets written. */
  private touch(record: Obj | null): void {
    if (record && typeof record.updatedAt === 'string' && this.chance(0.75)) record.updatedAt = LATER;
  }

  /** describe(), but a raw-token placeholder is shown as the token the file will hold */
  private show(value: unknown): string {
    return typeof value === 'string' && this.raw.has(value) ? `${this.raw.get(value)} (raw JSON)` : describe(value);
  }

  private put(slot: Slot, value: unknown, kind: MutationKind): void {
    if (Array.isArray(slot.holder)) slot.holder[slot.key as number] = value;
    else setOwn(slot.holder, String(slot.key), value);
    this.notes.push(`${kind} ${slot.path} = ${this.show(value)}`);
    this.touch(slot.record);
  }

  apply(kind: MutationKind): boolean {
    switch (kind) {
      case 'delete-required': {
        const candidates = locateObjects(this.doc).flatMap((l) => REQUIRED[l.kind].filter((k) => k in l.obj).map((k) => ({ l, k })));
        if (candidates.length === 0) return false;
        const { l, k } = this.pick(candidates);
        delete l.obj[k];
        this.notes.push(`${kind} ${l.path}/${k}`);
        if (k !== 'updatedAt') this.touch(l.record);
        return true;
      }
      case 'wrong-type': {
        const all = slots(this.doc);
        const slot = this.pick(all);
        const v = slot.value;
        const options: unknown[] =
          typeof v === 'string' ? [12345, null, [], {}, true, ['x'], { a: 'b' }]
          : typeof v === 'number' ? [String(v), '', null, [v], {}, false]
          : typeof v === 'boolean' ? [String(v), 1, null, 0, []]
          : v === null ? ['', 0, {}, [], false, 'null']
          : Array.isArray(v) ? [{}, 'a', 0, null, { 0: v[0] ?? 1 }]
          : [[], 'obj', 0, null, [v]];
        this.put(slot, this.pick(options), kind);
        return true;
      }
      case 'bad-number': {
        if (this.chance(0.12)) {
          // every amount at the largest whole 分 the format allows: valid, but totals pass 2^53
          for (const l of locateObjects(this.doc)) if (l.kind === 'funding') for (const k of Object.keys(l.obj)) l.obj[k] = Number.MAX_SAFE_INTEGER;
          for (const p of this.list('projects')) p.updatedAt = LATER;
          this.notes.push(`${kind} every funding amount = ${Number.MAX_SAFE_INTEGER}`);
          return true;
        }
        const all = slots(this.doc, (k, v) => typeof k === 'string' && NUMBER_FIELDS.has(k) && (typeof v === 'number' || v === null));
        if (all.length === 0) return false;
        const slot = this.pick(all);
        const values: unknown[] = [
          1e308, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, 2 ** 63, 1e21, -1, -Number.MAX_SAFE_INTEGER, -0.01, 0.5, 1234567.89, 1e-7,
          100.00001, 1999, 2101, 2100, 2000.5, 'NaN', 'Infinity', '-Infinity', '1e999', '0x10', '１２３', ' 12 ', '12,000', '3.80万元',
          this.rawToken('1e999'), this.rawToken('-1e999'), this.rawToken('9007199254740993'), this.rawToken('1.0'), this.rawToken('-0'),
          this.rawToken('1E2'), this.rawToken('123456789012345678901234567890'),
        ];
        this.put(slot, this.pick(values), kind);
        return true;
      }
      case 'long-string': {
        const all = slots(this.doc, (k, v) => typeof k === 'string' && (TEXT_FIELDS.has(k) || ID_FIELDS.has(k)) && typeof v === 'string');
        const slot = this.pick(all);
        const long = this.pick([
          'x'.repeat(100_000),
          '中'.repeat(100_000),
          '一段很长的文字，'.repeat(12_500),
          `${'word '.repeat(10_000)}${'y'.repeat(50_000)}`,
          '😀'.repeat(50_000),
          '行\n'.repeat(50_000),
        ]);
        this.put(slot, long, kind);
        return true;
      }
      case 'special-chars': {
        const all = slots(this.doc, (k, v) => typeof k === 'string' && TEXT_FIELDS.has(k) && typeof v === 'string');
        const slot = this.pick(all);
        const text = slot.value as string;
        const special = this.pick(SPECIALS);
        const at = this.int(text.length + 1);
        this.put(slot, this.chance(0.3) ? special : text.slice(0, at) + special + text.slice(at), kind);
        return true;
      }
      case 'formula-xml': {
        const all = slots(this.doc, (k, v) => typeof k === 'string' && TEXT_FIELDS.has(k) && typeof v === 'string');
        const slot = this.pick(all);
        const payload = this.pick(FORMULAS);
        this.put(slot, this.chance(0.6) ? payload : payload + (slot.value as string), kind);
        return true;
      }
      case 'sheet-name': {
        const projects = this.list('projects');
        if (projects.length === 0) return false;
        if (projects.length >= 2 && this.chance(0.15)) {
          // names equal but for case: Excel's sheet names are unique ignoring case
          const [a, b] = [projects[0], projects[1]];
          a.name = 'ABC项目';
          b.name = 'abc项目';
          b.unitId = a.unitId;
          b.year = a.year;
          this.touch(a);
          this.touch(b);
          this.notes.push(`${kind} two projects named ABC项目 and abc项目`);
          return true;
        }
        const i = this.int(projects.length);
        const name = this.pick(PROJECT_NAMES);
        projects[i].name = name;
        this.notes.push(`${kind} /projects/${i}/name = ${describe(name)}`);
        this.touch(projects[i]);
        if (this.chance(0.2)) {
          const units = this.list('units');
          const u = this.int(units.length);
          units[u].name = this.pick(PROJECT_NAMES);
          this.notes.push(`${kind} /units/${u}/name = ${describe(units[u].name)}`);
          this.touch(units[u]);
        }
        return true;
      }
      case 'crafted-id': {
        const id = this.chance(0.3) ? '__proto__' : this.pick(this.chance(0.5) ? PROTOTYPE_IDS : OTHER_IDS);
        const target = this.pick(this.idRecords());
        this.rename(target, id);
        this.notes.push(`${kind} ${target.path}/id = ${describe(id)}`);
        this.touch(target.record);
        return true;
      }
      case 'duplicate-id': {
        const records = this.idRecords();
        if (records.length < 2) return false;
        const a = this.pick(records);
        const others = records.filter((r) => r.obj !== a.obj && (this.chance(0.5) || r.kind === a.kind));
        const b = others.length > 0 ? this.pick(others) : this.pick(records.filter((r) => r.obj !== a.obj));
        b.obj.id = a.obj.id;
        this.notes.push(`${kind} ${b.path}/id = ${a.path}/id (${describe(a.obj.id)})`);
        this.touch(b.record);
        return true;
      }
      case 'foreign-indicator':
        return this.foreignIndicator();
      case 'crafted-timestamp': {
        const time = this.pick(CRAFTED_TIMES);
        const all = slots(this.doc, (k, v) => typeof k === 'string' && TIME_FIELDS.has(k) && typeof v === 'string');
        if (this.chance(0.15)) {
          const assessed = locateObjects(this.doc).filter((l) => l.kind === 'selfAssessment');
          if (assessed.length > 0) {
            const l = this.pick(assessed);
            l.obj.reopenedAt = [time, LATER];
            this.notes.push(`${kind} ${l.path}/reopenedAt = [${describe(time)}, …]`);
            return true;
          }
        }
        // half the time on a record the probe's database has edited locally (the first unit, project and plan): a
        // later time there makes a conflict, and choosing the local side re-stamps it after the crafted time
        const edited = new Set<unknown>(['units', 'projects', 'departmentPlans'].map((k) => this.list(k)[0]).filter(Boolean));
        const onEdited = all.filter((sl) => sl.key === 'updatedAt' && edited.has(sl.holder));
        const slot = onEdited.length > 0 && this.chance(0.5) ? this.pick(onEdited) : this.pick(all);
        if (Array.isArray(slot.holder)) slot.holder[slot.key as number] = time;
        else slot.holder[slot.key] = time;
        this.notes.push(`${kind} ${slot.path} = ${describe(time)}`);
        return true;
      }
      case 'version-format': {
        const variant = this.int(4);
        if (variant === 0) {
          const v = this.pick<unknown>([2, 0, '1', 1.5, null, -1, true, [1], {}, 1e308, this.rawToken('1.0'), this.rawToken('1e0')]);
          this.doc.version = v;
          this.notes.push(`${kind} /version = ${this.show(v)}`);
        } else if (variant === 1) {
          const f = this.pick<unknown>(['', 'PERF-TARGET-DESK/EXCHANGE', 'perf-target-desk/exchange\u0000', 'perf-target-desk/exchange ', null, 1, {}, ['perf-target-desk/exchange']]);
          this.doc.format = f;
          this.notes.push(`${kind} /format = ${describe(f)}`);
        } else if (variant === 2) {
          const key = this.pick(['version', 'format']);
          delete this.doc[key];
          this.notes.push(`${kind} delete /${key}`);
        } else {
          const key = this.pick(['formatVersion', 'schemaVersion', 'version2', 'minVersion', '$schema']);
          const value = this.pick<unknown>([2, '2.0', { major: 2 }]);
          this.doc[key] = value;
          this.notes.push(`${kind} /${key} = ${describe(value)}`);
        }
        return true;
      }
      case 'extra-property': {
        const l = this.pick(locateObjects(this.doc));
        const key = this.pick(EXTRA_KEYS);
        const value = this.pick<unknown>(['额外', 1, null, { nested: true }, [1, 2], nested(50, false)]);
        setOwn(l.obj, key, value);
        this.notes.push(`${kind} ${l.path}/${key || '""'} = ${describe(value)}`);
        this.touch(l.record);
        return true;
      }
      case 'missing-unit':
        return this.missingUnit();
      case 'plan-other-id':
        return this.planOtherId();
      case 'deep-nesting': {
        const depth = 500 + this.int(2500);
        const asArray = this.chance(0.5);
        const value = nested(depth, asArray);
        if (this.chance(0.3)) {
          const l = this.pick(locateObjects(this.doc));
          setOwn(l.obj, 'deep', value);
          this.notes.push(`${kind} ${l.path}/deep = ${asArray ? 'array' : 'object'} nested ${depth} deep`);
        } else {
          const slot = this.pick(slots(this.doc));
          if (Array.isArray(slot.holder)) slot.holder[slot.key as number] = value;
          else setOwn(slot.holder, String(slot.key), value);
          this.notes.push(`${kind} ${slot.path} = ${asArray ? 'array' : 'object'} nested ${depth} deep`);
        }
        return true;
      }
      case 'duplicated-array': {
        const all = slots(this.doc, (k, v) => Array.isArray(v) && typeof k === 'string');
        const slot = this.pick(all);
        const list = slot.value as unknown[];
        this.put(slot, [...list, ...(JSON.parse(JSON.stringify(list)) as unknown[])], kind);
        this.notes[this.notes.length - 1] = `${kind} ${slot.path} twice (${list.length} → ${list.length * 2})`;
        return true;
      }
      case 'empty-array': {
        const all = slots(this.doc, (k, v) => Array.isArray(v) && typeof k === 'string');
        const slot = this.pick(all);
        this.put(slot, [], kind);
        return true;
      }
      case 'raw-bytes': {
        const variant = this.int(8);
        const names = ['truncated', 'byte 0xFF in a string', 'UTF-8 BOM', 'UTF-16LE with BOM', 'trailing garbage', 'raw NUL in a string', 'CRLF line ends', 'a quote made “'];
        this.notes.push(`${kind} ${names[variant]}`);
        const cut = this.rng();
        this.rawBytes = (bytes) => breakBytes(bytes, variant, cut);
        return true;
      }
    }
  }

  /** Units, projects, plans, indicators and tasks: everything with an id. */
  private idRecords(): Located[] {
    return locateObjects(this.doc).filter((l) => ['unit', 'project', 'departmentPlan', 'indicator', 'planTask'].includes(l.kind) && 'id' in l.obj);
  }

  /** Gives a record a new id and follows it everywhere the package refers to it. */
  private rename(target: Located, id: string): void {
    const old = target.obj.id;
    target.obj.id = id;
    if (target.kind === 'unit') {
      for (const key of ['projects', 'departmentPlans']) for (const r of this.list(key)) if (r.unitId === old) r.unitId = id;
      for (const u of this.list('units')) if (u.parentId === old) u.parentId = id;
    }
    if (target.kind === 'indicator' && target.record) {
      const sa = target.record.selfAssessment;
      const results = isObj(sa) ? sa.results : target.record.results;
      if (Array.isArray(results)) for (const r of results) if (isObj(r) && r.indicatorId === old) r.indicatorId = id;
    }
  }

  /** An indicator id that another project (or the plan) already uses; the package itself stays consistent. */
  private foreignIndicator(): boolean {
    const projects = this.list('projects');
    const withIndicators = projects.filter((p) => Array.isArray(p.indicators) && p.indicators.length > 0);
    const plans = this.list('departmentPlans').filter((p) => Array.isArray(p.indicators) && p.indicators.length > 0);
    const rename = (owner: Obj, ind: Obj, id: string) => {
      this.rename({ kind: 'indicator', path: '', obj: ind, record: owner }, id);
    };
    if (withIndicators.length >= 2 && (plans.length === 0 || this.chance(0.7))) {
      const a = this.pick(withIndicators);
      const b = this.pick(withIndicators.filter((p) => p !== a));
      const bInd = this.pick(b.indicators as Obj[]);
      const taken = bInd.id as string;
      // B's indicator moves to a new id in the package, and A takes the old one: only the database still has it at B
      rename(b, bInd, this.freshId('moved'));
      rename(a, (a.indicators as Obj[])[0], taken);
      this.touch(a);
      this.notes.push(`foreign-indicator project “${String(a.name)}” takes indicator id ${describe(taken)} of project “${String(b.name)}”`);
      return true;
    }
    if (plans.length > 0 && projects.length > 0) {
      const plan = plans[0];
      const planInd = this.pick(plan.indicators as Obj[]);
      const taken = planInd.id as string;
      rename(plan, planInd, this.freshId('moved'));
      const project = this.pick(projects);
      const list = Array.isArray(project.indicators) ? (project.indicators as Obj[]) : [];
      list.push({ id: taken, level1: '1', level2: '11', name: '借用编号的指标', direction: '≥', target: '1', unit: '次', weight: null, core: false });
      project.indicators = list;
      project.updatedAt = LATER;
      this.notes.push(`foreign-indicator project “${String(project.name)}” takes the plan's indicator id ${describe(taken)}`);
      return true;
    }
    return false;
  }

  private missingUnit(): boolean {
    const units = this.list('units');
    const variant = this.int(6);
    if (variant === 0 && this.list('projects').length > 0) {
      const p = this.pick(this.list('projects'));
      p.unitId = MISSING_UNIT;
      this.notes.push(`missing-unit project “${String(p.name)}” unitId = ${MISSING_UNIT}`);
      this.touch(p);
    } else if (variant === 1 && this.list('departmentPlans').length > 0) {
      const p = this.list('departmentPlans')[0];
      p.unitId = MISSING_UNIT;
      this.notes.push(`missing-unit plan unitId = ${MISSING_UNIT}`);
      this.touch(p);
    } else if (variant === 2) {
      const u = this.pick(units);
      u.parentId = MISSING_UNIT;
      this.notes.push(`missing-unit unit “${String(u.name)}” parentId = ${MISSING_UNIT}`);
      this.touch(u);
    } else if (variant === 3) {
      const u = this.pick(units);
      u.parentId = u.id;
      this.notes.push(`missing-unit unit “${String(u.name)}” is its own parent`);
    } else if (variant === 4) {
      // a cycle of two: A under B and B under A, no top-level unit left
      const a = units[0];
      let b = units.find((u) => u !== a);
      if (!b) {
        b = { id: this.freshId('cycle-unit'), name: '循环下级单位', parentId: a.id, schemeId: a.schemeId, updatedAt: LATER };
        units.push(b);
      }
      b.parentId = a.id;
      a.parentId = b.id;
      a.updatedAt = LATER;
      b.updatedAt = LATER;
      this.notes.push(`missing-unit units “${String(a.name)}” and “${String(b.name)}” are each other's parent`);
    } else {
      const u = this.pick(units);
      this.doc.units = units.filter((x) => x !== u);
      this.notes.push(`missing-unit unit “${String(u.name)}” left out, its records kept`);
    }
    return true;
  }

  private planOtherId(): boolean {
    const plans = this.list('departmentPlans');
    const units = this.list('units');
    const years = this.list('projects').map((p) => p.year);
    const year = typeof years[0] === 'number' ? years[0] : 2024;
    if (plans.length === 0) {
      // a plan for a unit that had none, copied from the Longgang 2023 fixture
      const source = (JSON.parse(fixtureText('longgang-2023')) as { departmentPlans: Obj[] }).departmentPlans[0];
      const plan: Obj = { ...source, id: this.freshId('new-plan'), unitId: units[0].id, year, updatedAt: LATER };
      plan.tasks = (source.tasks as Obj[]).map((t) => ({ ...t, id: this.freshId('new-task') }));
      plan.indicators = (source.indicators as Obj[]).map((t) => ({ ...t, id: this.freshId('new-ind') }));
      delete plan.results;
      this.doc.departmentPlans = [plan];
      this.notes.push(`plan-other-id a new plan ${String(plan.id)} for ${String(plan.unitId)} ${year}`);
      return true;
    }
    const plan = plans[0];
    if (this.chance(0.3)) {
      // a second plan for the same unit and year
      const twin = JSON.parse(JSON.stringify(plan)) as Obj;
      twin.id = this.freshId('twin-plan');
      twin.tasks = (twin.tasks as Obj[]).map((t) => ({ ...t, id: this.freshId('twin-task') }));
      twin.indicators = (twin.indicators as Obj[]).map((t) => ({ ...t, id: this.freshId('twin-ind') }));
      delete twin.results;
      plans.push(twin);
      this.doc.departmentPlans = plans;
      this.notes.push(`plan-other-id a second plan ${String(twin.id)} for the same unit and year`);
      return true;
    }
    // the same unit's plan of the year under another id, as a unit that rebuilt its data would send it
    plan.id = this.freshId('other-plan');
    if (this.chance(0.5)) {
      plan.tasks = (plan.tasks as Obj[]).map((t) => ({ ...t, id: this.freshId('other-task') }));
    }
    if (this.chance(0.5)) plan.overallGoal = `${String(plan.overallGoal)}（单位重建数据后的版本）`;
    this.touch(plan);
    this.notes.push(`plan-other-id plan id = ${String(plan.id)}, same unit and year`);
    return true;
  }

  serialise(): Uint8Array {
    let text = JSON.stringify(this.doc);
    for (const [placeholder, token] of this.raw) text = text.split(JSON.stringify(placeholder)).join(token);
    const bytes = new TextEncoder().encode(text);
    return this.rawBytes ? this.rawBytes(bytes) : bytes;
  }
}

function breakBytes(bytes: Uint8Array, variant: number, cut: number): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  const enc = (s: string) => new TextEncoder().encode(s);
  const insideString = () => {
    // the first byte after the first quote past the cut point: inside a key or a string value
    const from = Math.floor(bytes.length * cut);
    const q = bytes.indexOf(0x22, from);
    return q < 0 ? Math.max(1, bytes.length - 2) : q + 1;
  };
  switch (variant) {
    case 0:
      return bytes.slice(0, Math.floor(bytes.length * cut));
    case 1:
    case 5: {
      const at = insideString();
      return Uint8Array.from([...bytes.slice(0, at), variant === 1 ? 0xff : 0x00, ...bytes.slice(at)]);
    }
    case 2:
      return Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]);
    case 3: {
      const out = new Uint8Array(2 + text.length * 2);
      out[0] = 0xff;
      out[1] = 0xfe;
      for (let i = 0; i < text.length; i++) {
        out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
        out[3 + 2 * i] = text.charCodeAt(i) >> 8;
      }
      return out;
    }
    case 4:
      return enc(`${text}}}garbage`);
    case 6:
      return enc(JSON.stringify(JSON.parse(text), null, 2).replace(/\n/g, '\r\n'));
    default: {
      const at = text.indexOf('"', Math.floor(text.length * cut));
      return at < 0 ? bytes : enc(`${text.slice(0, at)}“${text.slice(at + 1)}`);
    }
  }
}

/** A short, printable account of a value for the notes. */
function describe(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 20)}… (${value.length} chars)` : value;
    return JSON.stringify(shown).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200f\u202e\ufeff\ufffe\uffff\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  if (typeof value === 'number' || value === null || typeof value === 'boolean') return String(value);
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 40)}…` : json;
}

/**
 * `perFixture` packages of each fixture. Package i of a fixture is made for kind i (round robin over the kinds, so each
 * kind gets the same share); a third of them get a second, random mutation on top.
 */
export function mutatedPackages(perFixture: number, seed = 13): MutatedPackage[] {
  const out: MutatedPackage[] = [];
  FIXTURE_NAMES.forEach((fixture, f) => {
    const text = fixtureText(fixture);
    for (let i = 0; i < perFixture; i++) {
      const rng = prng(seed * 1_000_003 + f * 10_007 + i);
      const m = new Mutator(JSON.parse(text) as Obj, rng);
      const kinds: MutationKind[] = [];
      const first = MUTATION_KINDS[(i + f * 5) % MUTATION_KINDS.length];
      // a kind that does not apply to this fixture falls back to the next one
      for (let k = 0; k < MUTATION_KINDS.length && kinds.length === 0; k++) {
        const kind = MUTATION_KINDS[(MUTATION_KINDS.indexOf(first) + k) % MUTATION_KINDS.length];
        if (m.apply(kind)) kinds.push(kind);
      }
      if (rng() < 1 / 3) {
        const extra = MUTATION_KINDS[Math.floor(rng() * MUTATION_KINDS.length)];
        if (m.apply(extra)) kinds.push(extra);
      }
      out.push({ name: `${fixture}-${String(i).padStart(3, '0')}`, fixture, kinds, notes: m.notes, bytes: m.serialise() });
    }
  });
  return out;
}
