// The exchange part of `npm run bench`: how long checking a package takes.
//   - validating a package with 37,000 problems (goal: under 1 s), in three shapes: the bench city with bad values
//     spread over its indicators and results, 37,000 projects with one bad value each, and one project with 37,000
//     bad indicators (the validator's work per problem must not grow with the problems found before it);
//   - importing a valid 50 MB package (goal: under 5 s): the bytes parsed and validated, the import planned against
//     the database and applied, as the import dialog does, through the Repository into fake-indexeddb; then the same
//     package again with every project changed (each one replaces a stored project and its indicator rows);
//   - both again in headless Chromium on the browser's IndexedDB, through the app's own import store
//     (bench/exchange-browser-bench.ts): the figure a user sees.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { applyPlan, expectedLocalState } from '../shared/consolidation';
import { parseExchange, serializeExchange, validateExchange, type ExchangeDocument } from '../shared/exchange/exchange';
import { getScheme, SCHEME_A } from '../shared/schemes';
import { PerfDatabase } from '../renderer/db/database';
import { Repository } from '../renderer/db/repository';
import { countErrors } from '../renderer/stores/project-list-store';
import { existsSync } from 'node:fs';
import { CHROMIUM } from '../tests/e2e/harness';
import { cityData } from './city-data';
import { browserImportBench } from './exchange-browser-bench';
import { markdownTable, recordResults } from './results';

const GOALS = { validateMs: 1000, importMs: 5000 } as const;
const PROBLEMS = 37_000;
const PACKAGE_BYTES = 50 * 1024 * 1024;

type Loose = Record<string, unknown>;

/** The bench city (2,000 projects of 15 indicators and 15 results) with 37,000 values of the wrong type. */
function citySpread(): unknown {
  const doc = cityData();
  let planted = 0;
  for (const p of doc.projects) {
    for (const ind of p.indicators) if (planted < PROBLEMS) ((ind as unknown as Loose).core = 'yes'), planted++;
    for (const r of p.selfAssessment?.results ?? []) if (planted < PROBLEMS) ((r as unknown as Loose).actual = 12), planted++;
  }
  return doc;
}

/** 37,000 projects of one indicator, each with one bad value. */
function manyProjects(): unknown {
  const doc = cityData(100, PROBLEMS / 100, 1);
  for (const p of doc.projects) (p as unknown as Loose).key = 'yes';
  return doc;
}

/** One project with 37,000 indicators, each with one bad value. */
function oneProject(): unknown {
  const doc = cityData(1, 1, PROBLEMS);
  const project = doc.projects[0];
  for (const ind of project.indicators) (ind as unknown as Loose).core = 'yes';
  project.selfAssessment!.results = [];
  return doc;
}

function timed<T>(work: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = work();
  return { ms: performance.now() - t0, value };
}

const verdict = (ms: number, goal: number) => (ms < goal ? `ok (goal: under ${goal / 1000} s)` : `NOT under the goal of ${goal / 1000} s`);

function validationBench(): string[][] {
  console.log(`Exchange: validating a package with ${PROBLEMS.toLocaleString('en')} problems (first: the first run on each package, which the goal is held against, the first of all in a cold process; warm: the faster of 2 more):`);
  const rows: string[][] = [];
  const shapes: [string, () => unknown][] = [
    ['city, bad values spread      ', citySpread],
    ['37,000 projects, one bad each', manyProjects],
    ['one project, 37,000 bad      ', oneProject],
  ];
  for (const [label, make] of shapes) {
    const data = make();
    // a user waits for a first run: the validator's code is not yet compiled then
    const first = timed(() => validateExchange(data));
    const warm = Math.min(timed(() => validateExchange(data)).ms, timed(() => validateExchange(data)).ms);
    const r = first.value;
    const counted = r.ok ? 'accepted, though it should not be' : `${r.problemCount} problems counted, ${r.problems.length} listed`;
    console.log(`  ${label}  first ${first.ms.toFixed(0).padStart(5)} ms  warm ${warm.toFixed(0).padStart(5)} ms   ${verdict(first.ms, GOALS.validateMs)}   ${counted}`);
    rows.push([`validate: ${label.trim()}`, `first ${first.ms.toFixed(0)} ms, warm ${warm.toFixed(0)} ms`, counted, verdict(first.ms, GOALS.validateMs)]);
  }
  return rows;
}

/** The bench city with as many units (20 projects each) as make a package of at least 50 MB. */
export function bigPackage(): { doc: ExchangeDocument; bytes: Uint8Array } {
  const perUnit = new TextEncoder().encode(serializeExchange(cityData(10))).length / 10;
  const doc = cityData(Math.ceil(PACKAGE_BYTES / perUnit));
  return { doc, bytes: new TextEncoder().encode(serializeExchange(doc)) };
}

/** The same package sent again a day later with every project changed: each one replaces a stored project. */
function revisedPackage(doc: ExchangeDocument): Uint8Array {
  const later = new Date(Date.parse(doc.exportedAt) + 86_400_000).toISOString();
  const projects = doc.projects.map((p) => ({ ...p, annualGoal: `${p.annualGoal}（修订）`, updatedAt: later }));
  return new TextEncoder().encode(serializeExchange({ ...doc, exportedAt: later, projects }));
}

interface ImportFigures {
  parseMs: number;
  validateMs: number;
  planMs: number;
  applyMs: number;
}

/** Parses, plans and applies a package as the import dialog does (no conflicts to settle), through the Repository. */
async function importOnce(repo: Repository, bytes: Uint8Array): Promise<ImportFigures> {
  const t0 = performance.now();
  const parsed = parseExchange(bytes);
  const t1 = performance.now();
  if (!parsed.ok) throw new Error(`the bench package was rejected: ${parsed.problems[0]?.message}`);
  // the schema and id checks alone, again on the parsed document (not counted in the total): the rest of parse +
  // validate is decoding and JSON.parse
  const validateMs = timed(() => validateExchange(parsed.document)).ms;
  const t1b = performance.now();
  const plan = await repo.exchange.planPackageImport(parsed.document);
  const t2 = performance.now();
  const applied = applyPlan(plan, new Map(), new Date().toISOString());
  if (!applied.ok) throw new Error(`the bench package's plan was refused: ${applied.errors[0]}`);
  const written = await repo.exchange.applyImport(applied.value.records, applied.value.bases, expectedLocalState(plan));
  const t3 = performance.now();
  if (!written.ok) throw new Error(`the bench package was not written: ${written.error}`);
  return { parseMs: t1 - t0, validateMs, planMs: t2 - t1b, applyMs: t3 - t2 };
}

const totalOf = (f: ImportFigures) => f.parseMs + f.planMs + f.applyMs;

function importRow(label: string, f: ImportFigures, goal: boolean): string[] {
  const total = totalOf(f);
  return [
    label,
    `${total.toFixed(0)} ms`,
    `parse + validate ${f.parseMs.toFixed(0)} ms (validate ≈ ${f.validateMs.toFixed(0)} ms), plan ${f.planMs.toFixed(0)} ms, apply ${f.applyMs.toFixed(0)} ms`,
    goal ? verdict(total, GOALS.importMs) : '',
  ];
}

function printImport(label: string, f: ImportFigures, goal: boolean): void {
  console.log(`  ${label}`);
  console.log(`    parse + validate   ${f.parseMs.toFixed(0).padStart(6)} ms   (of it validate ≈ ${f.validateMs.toFixed(0)} ms)`);
  console.log(`    plan               ${f.planMs.toFixed(0).padStart(6)} ms`);
  console.log(`    apply (write)      ${f.applyMs.toFixed(0).padStart(6)} ms`);
  console.log(`    total              ${totalOf(f).toFixed(0).padStart(6)} ms   ${goal ? verdict(totalOf(f), GOALS.importMs) : ''}`);
}

async function importBench(doc: ExchangeDocument, bytes: Uint8Array, revised: Uint8Array): Promise<string[][]> {
  const indicators = doc.projects.reduce((n, p) => n + p.indicators.length, 0);
  const db = new PerfDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
  // as the app opens it (renderer/main.tsx): each written project's error count is stored with it
  const repo = new Repository(db, { errorCounter: (project, unit) => countErrors(project, getScheme(unit.schemeId) ?? SCHEME_A) });
  await repo.units.list();
  const first = await importOnce(repo, bytes);
  const again = await importOnce(repo, revised);
  db.close();

  const mb = (bytes.length / 1024 / 1024).toFixed(1);
  console.log(`Exchange: importing a valid ${mb} MiB package (${doc.units.length} units, ${doc.projects.length} projects, ${indicators} indicators), fake-indexeddb in Node:`);
  printImport('into an empty database:', first, true);
  printImport('again, every project changed (each replaces a stored one):', again, false);
  const what = `${mb} MiB, ${doc.projects.length.toLocaleString('en')} projects, ${indicators.toLocaleString('en')} indicators`;
  return [
    importRow(`import a valid package (${what}), fake-indexeddb in Node`, first, true),
    importRow('the same package again, every project changed, fake-indexeddb in Node', again, false),
  ];
}

export async function runExchangeBench(): Promise<void> {
  const rows = validationBench();
  const { doc, bytes } = bigPackage();
  const revised = revisedPackage(doc);
  rows.push(...(await importBench(doc, bytes, revised)));
  const notes = ['apply: the Repository writing the planned records and the consolidation bases in one transaction'];
  if (existsSync(CHROMIUM)) {
    try {
      rows.push(...(await browserImportBench(bytes, revised)));
      notes.push('Chromium: the import dialog\'s own store in the built app (parse and plan, then the pre-import backup, the write and the reload of the lists), on the browser\'s IndexedDB');
    } catch (error) {
      // the Node figures are still worth recording when the app cannot be built or driven
      console.log(`Exchange: the import in Chromium could not be measured: ${String(error).split('\n')[0]}`);
      notes.push(`the import in Chromium could not be measured: ${String(error).split('\n')[0]}`);
    }
  } else {
    notes.push(`no Chromium at ${CHROMIUM}: the import was measured in Node only`);
  }
  console.log(`(${notes.join('; ')})\n`);
  recordResults('exchange', `${markdownTable(['case', 'time', 'details', 'verdict'], rows)}\n\n${notes.map((n) => `- ${n}`).join('\n')}`, {
    title: 'Exchange packages: validation and import',
  });
}

if (process.argv[1]?.endsWith('exchange-bench.ts')) void runExchangeBench();
