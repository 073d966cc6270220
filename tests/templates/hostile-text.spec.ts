// Every form (F1–F10), in Word and Excel, from the reference fixtures with every text field poisoned: characters XML 1.0
// forbids (U+FFFE, U+FFFF, C0 controls, lone surrogates) before, inside and after each text, and project names
// Excel refuses as sheet names. Each file must open (every XML part well-formed, the workbook loaded by exceljs) and
// show each text with only the forbidden characters gone.
import type { ExchangeDocument } from '../../shared/exchange/exchange';
import type { Indicator, IndicatorResult, Project } from '../../shared/model';
import { exportForm, type ExportFormat } from '../../templates/export';
import { TEMPLATES } from '../../templates/index';
import type { FormId, FormRequest } from '../../templates/template';
import { assessedSample } from '../fixtures/yubei-2024-assessed';
import { xmlPartErrors } from '../shared/forms/well-formed';
import { documentXml, loadFixture, readXlsx } from './read-back';

/** Forbidden characters put before, inside and after a text. */
const BEFORE = '\uFFFF\u0000\uDC00';
const INSIDE = '\uFFFE\u0001\u0008\u000B\u000C\u001F\uD800';
const AFTER = '\uDFFF\uFFFF\u0002';
/** Allowed characters that must survive: a surrogate pair, markup characters, an Excel escape look-alike. */
const KEPT = '😀<&>_x0041_';

/** A text with forbidden characters around and inside it (beside the kept ones, unless `bare`). */
function poison(text: string, bare = false): string {
  const mid = Math.floor(text.length / 2);
  return `${BEFORE}${text.slice(0, mid)}${INSIDE}${bare ? '' : KEPT}${text.slice(mid)}${AFTER}`;
}

/** What a reader must see of a poisoned text. */
function shown(text: string, bare = false): string {
  const mid = Math.floor(text.length / 2);
  return `${text.slice(0, mid)}${bare ? '' : KEPT}${text.slice(mid)}`;
}

/** Project names Excel refuses as sheet names, as they are (bare: the ends matter). */
const SHEET_HAZARDS = (name: string, i: number): string =>
  [`'${name}'`, 'History', `${'项'.repeat(30)}'尾`, `[${name}]:*?/\\`, 'HISTORY', `${name}'`][i % 6];

const optional = (text: string | undefined) => (text === undefined ? undefined : poison(text));

function poisonIndicator(ind: Indicator): Indicator {
  return {
    ...ind,
    name: poison(ind.name),
    unit: poison(ind.unit),
    targetText: optional(ind.targetText),
    periodTarget: optional(ind.periodTarget),
    explanation: optional(ind.explanation),
  };
}

function poisonResult(r: IndicatorResult): IndicatorResult {
  return { ...r, deviationNote: optional(r.deviationNote) };
}

function poisonProject(p: Project, i: number): Project {
  const sa = p.selfAssessment;
  return {
    ...p,
    name: poison(SHEET_HAZARDS(p.name, i), true),
    competentDepartment: optional(p.competentDepartment),
    overview: poison(p.overview),
    basis: poison(p.basis),
    annualGoal: poison(p.annualGoal),
    periodGoal: poison(p.periodGoal),
    indicators: p.indicators.map(poisonIndicator),
    selfAssessment: sa && {
      ...sa,
      overallResult: poison(sa.overallResult),
      problems: poison(sa.problems),
      rectification: poison(sa.rectification),
      executionNote: optional(sa.executionNote),
      results: sa.results.map(poisonResult),
    },
    monitoring: p.monitoring?.map((r) => ({
      ...r,
      correction: optional(r.correction),
      cause: r.cause && { ...r.cause, text: poison(r.cause.text) },
      entries: r.entries.map((e) => ({ ...e, actualToDate: poison(e.actualToDate), correction: optional(e.correction), cause: e.cause && { ...e.cause, text: poison(e.cause.text) } })),
    })),
    review: p.review && {
      ...p.review,
      rounds: p.review.rounds.map((r) => ({
        ...r,
        reviewer: poison(r.reviewer),
        opinion: poison(r.opinion),
        questions: { completeness: poison(r.questions.completeness), relevance: poison(r.questions.relevance), appropriateness: poison(r.questions.appropriateness), feasibility: poison(r.questions.feasibility) },
        fieldOpinions: r.fieldOpinions.map((o) => ({ ...o, text: poison(o.text), answered: o.answered && { ...o.answered, note: poison(o.answered.note) } })),
      })),
    },
  };
}

function poisonDocument(doc: ExchangeDocument): ExchangeDocument {
  return {
    ...doc,
    units: doc.units.map((u) => ({ ...u, name: poison(u.name), shortName: optional(u.shortName) })),
    projects: doc.projects.map(poisonProject),
    departmentPlans: doc.departmentPlans.map((plan) => ({
      ...plan,
      overallGoal: poison(plan.overallGoal),
      tasks: plan.tasks.map((t) => ({ ...t, name: poison(t.name), content: poison(t.content) })),
      indicators: plan.indicators.map(poisonIndicator),
      results: plan.results?.map(poisonResult),
    })),
  };
}

const yubei = loadFixture('yubei-2024');
const assessed = assessedSample(yubei.projects[0]);
/** `numbered`: the form prints the 附件 number line */
const CASES: { form: FormId; source: ExchangeDocument; year: number; supervisor?: boolean; numbered?: boolean }[] = [
  { form: 'F1', source: yubei, year: 2024, numbered: true },
  { form: 'F2', source: loadFixture('longgang-2023'), year: 2023, numbered: true },
  { form: 'F3', source: { ...yubei, projects: [assessed, ...yubei.projects.slice(1)] }, year: 2024 },
  { form: 'F4', source: loadFixture('longgang-2019'), year: 2019, numbered: true },
  { form: 'F5', source: loadFixture('huadu'), year: 2021, supervisor: true, numbered: true },
  { form: 'F6', source: loadFixture('longgang-2023'), year: 2023 },
  { form: 'F7', source: yubei, year: 2024 },
  { form: 'F8', source: yubei, year: 2024 },
  { form: 'F9', source: loadFixture('monitoring-2025'), year: 2025, supervisor: true, numbered: true },
  { form: 'F10', source: loadFixture('review-2025'), year: 2025, supervisor: true, numbered: true },
];

/** The short texts each form prints whole in one cell, as a reader must see them. */
function expectedTexts(form: FormId, source: ExchangeDocument): string[] {
  const head = source.units.find((u) => u.parentId === null)!;
  const projects = source.projects.map((p, i) => shown(SHEET_HAZARDS(p.name, i), true));
  const indicatorNames = (list: readonly Indicator[]) => list.map((ind) => shown(ind.name));
  const plan = source.departmentPlans[0];
  switch (form) {
    case 'F1':
      return [...projects, ...source.projects.flatMap((p) => indicatorNames(p.indicators))];
    case 'F2':
      return [shown(head.name), ...plan.tasks.map((t) => shown(t.name)), ...indicatorNames(plan.indicators)];
    case 'F3':
      return [projects[0], shown(head.name), ...indicatorNames(source.projects[0].indicators)];
    case 'F4':
      return [...projects, shown(head.shortName!)];
    case 'F5':
      return projects;
    case 'F6':
      return projects;
    case 'F7':
    case 'F8':
      return [shown(head.name), ...indicatorNames(plan.indicators)];
    case 'F9':
      return [
        ...projects,
        shown(head.name),
        ...source.projects.flatMap((p) => indicatorNames(p.indicators)),
        // of each project's latest round, the one printed
        ...source.projects.flatMap((p) =>
          (p.monitoring ?? []).slice(-1).flatMap((r) => [...(r.correction ? [shown(r.correction)] : []), ...r.entries.flatMap((e) => (e.correction ? [shown(e.correction)] : []))]),
        ),
      ];
    case 'F10': {
      // the reviewed projects, each with its latest round: the opinion, the opinions on fields and the answers
      const latest = (p: Project) => p.review?.rounds.at(-1);
      return [
        ...projects.filter((_, i) => latest(source.projects[i]) !== undefined),
        shown(head.name),
        ...source.projects.flatMap((p) => {
          const r = latest(p);
          if (!r) return [];
          return [shown(r.reviewer), shown(r.opinion), shown(r.questions.appropriateness), ...r.fieldOpinions.map((o) => shown(o.text)), ...r.fieldOpinions.flatMap((o) => (o.answered ? [shown(o.answered.note)] : []))];
        }),
      ];
    }
  }
}

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every text a reader sees in the file, one entry per cell (Excel) or table cell and paragraph (Word). */
async function textsOf(format: ExportFormat, bytes: Uint8Array): Promise<{ texts: string[]; sheets: string[] }> {
  if (format === 'xlsx') {
    const { workbook } = await readXlsx(bytes);
    const texts: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          // a merged range's text is in its top-left cell
          if (cell.isMerged && cell.master.address !== cell.address) return;
          const v = cell.value;
          texts.push(typeof v === 'object' && v !== null && 'richText' in v ? v.richText.map((t) => t.text).join('') : String(v ?? ''));
        }),
      ),
    );
    return { texts, sheets: workbook.worksheets.map((w) => w.name) };
  }
  const xml = await documentXml(bytes);
  const unescape = (s: string) => s.replace(/&(lt|gt|apos|quot|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', apos: "'", quot: '"', amp: '&' })[e]!);
  const texts = [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>|<w:p(?: [^>]*)?>[\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:p(?: [^>]*)?>[\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1])).join('')).join('\n'),
  );
  return { texts, sheets: [] };
}

describe.each(CASES)('$form with poisoned texts', ({ form, source, year, supervisor, numbered }) => {
  const data = poisonDocument(source);
  const head = data.units.find((u) => u.parentId === null)!;
  const request: FormRequest = {
    data,
    year,
    scope: { kind: supervisor ? 'supervisor' : 'unit', unitId: head.id },
    formNumber: poison('附件1：', true),
  };

  test.each(['xlsx', 'docx'] as const)('%s opens and shows every text without the forbidden characters', async (format) => {
    const r = await exportForm(form, format, request);
    if (!r.ok) throw new Error(r.messages.join('\n'));
    expect(r.fileName).not.toMatch(FORBIDDEN);
    expect(await xmlPartErrors(r.bytes)).toEqual([]);
    const { texts, sheets } = await textsOf(format, r.bytes);
    expect(texts.filter((t) => FORBIDDEN.test(t))).toEqual([]);
    if (numbered) expect(texts).toContain('附件1：');
    const missing = expectedTexts(form, source).filter((t) => !texts.some((cell) => cell === t || cell.includes(t)));
    expect(missing).toEqual([]);
    expect(texts.some((t) => t.includes(KEPT))).toBe(true);
    for (const name of sheets) {
      expect(name).toMatch(/^[^[\]:*?/\\']{1,31}$/u);
      expect(name.toLowerCase()).not.toBe('history');
      expect(name.length).toBeLessThanOrEqual(31);
    }
    expect(new Set(sheets.map((s) => s.toLowerCase())).size).toBe(sheets.length);
  });
});

test('every form of the catalogue is among those poisoned', () => {
  expect(CASES.map((c) => c.form)).toEqual(TEMPLATES.map((t) => t.id));
});
