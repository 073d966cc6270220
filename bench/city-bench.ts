// `npm run bench -- city`: a supervisor's city in the built app, in headless Chromium on its real IndexedDB, driven
// through the screens as a user works them:
//   - the 100 unit packages of the bench city (city-packages.ts: 100 units, 2,000 projects, 30,000 indicators) picked
//     in one go in 导入数据包 and imported one after another (from the pick to the line saying they are in: reading
//     the files, the one automatic backup, each package's plan and write, the reload of the screens after the run),
//     with each package's own time (parse to written) for the slowest;
//   - 汇总概览 of the 100 units: from the click on the section to the painted table of 100 rows (each time read anew);
//   - F4 of the whole city as .xlsx from 导出报表: from the click to the saved file, read back to count its projects.
// "Painted" is the first task after the next animation frame once the rows are in the page.
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp } from '../tests/e2e/harness';
import { cityUnitPackages } from './city-packages';
import { markdownTable, recordResults } from './results';

const GOALS = { importAll: 60_000, importOne: 2_000, overview: 500, f4: 3_000 } as const;
const UNITS = 100;
const OVERVIEW_RUNS = 5;
const EXPORT_RUNS = 3;

/** Polls a page expression until it is true (the app's CSP forbids the eval waitForFunction needs). */
async function until(page: Page, expression: string, timeoutMs: number): Promise<void> {
  for (let waited = 0; waited < timeoutMs; waited += 100) {
    if (await page.evaluate(expression)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`not true within ${timeoutMs / 1000} s: ${expression}`);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Marks the next click on `clickSelector` and the first paint after `doneCheck` (a page expression) turns true;
 * resolves, once both happened, to the time between them in ms.
 */
async function clickToPaint(page: Page, clickSelector: string, doneCheck: string, timeoutMs: number): Promise<number> {
  await page.evaluate(`(() => {
    window.__bench = { start: -1, end: -1 };
    const target = document.querySelector(${JSON.stringify(clickSelector)});
    target.addEventListener('click', () => { window.__bench.start = performance.now(); }, { capture: true, once: true });
    const check = () => {
      if (window.__bench.start < 0 || window.__bench.end >= 0 || !(${doneCheck})) return false;
      observer.disconnect();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => { window.__bench.end = performance.now(); };
        ch.port2.postMessage(null);
      });
      return true;
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  })()`);
  await page.click(clickSelector);
  await until(page, 'window.__bench.end >= 0', timeoutMs);
  return (await page.evaluate('window.__bench.end - window.__bench.start')) as number;
}

interface BatchFigures {
  wallMs: number;
  perPackage: number[];
  statuses: string[];
  outcome: string;
}

async function importAll(page: Page, paths: string[]): Promise<BatchFigures> {
  await page.click('#exchange-nav button[data-section="import"]');
  await page.waitForSelector('#import-pick');
  const done = `document.querySelector('#import-batch-outcome') !== null`;
  const chooserOpened = page.waitForEvent('filechooser');
  const timed = clickToPaint(page, '#import-pick', done, 600_000);
  await (await chooserOpened).setFiles(paths);
  const wallMs = await timed;
  const result = (await page.evaluate(`(() => {
    const batch = window.__perfDesk.store.exchange.importer.batch;
    return { perPackage: batch.entries.map((e) => e.ms), statuses: batch.entries.map((e) => e.status), outcome: batch.outcome };
  })()`)) as Omit<BatchFigures, 'wallMs'>;
  return { wallMs, ...result };
}

async function overviewTimes(page: Page): Promise<{ times: number[]; rows: number }> {
  const rows = `document.querySelectorAll('#overview-table tbody tr[data-unit]').length === ${UNITS}`;
  const times: number[] = [];
  for (let i = 0; i < OVERVIEW_RUNS; i++) {
    await page.click('#exchange-nav button[data-section="import"]');
    // read anew each time, as a first opening does: the rows of the last visit are dropped
    await page.evaluate('window.__perfDesk.store.exchange.overview.rows = []');
    times.push(await clickToPaint(page, '#exchange-nav button[data-section="overview"]', rows, 60_000));
  }
  const shown = (await page.evaluate(`document.querySelectorAll('#overview-table tbody tr[data-unit]').length`)) as number;
  return { times, rows: shown };
}

async function exportF4(page: Page, dir: string): Promise<{ times: number[]; bytes: number; projects: number }> {
  await page.click('#exchange-nav button[data-section="export"]');
  await page.selectOption('#export-form', 'F4');
  await page.check('input[name="export-scope"][value="supervisor"]');
  await page.check('input[name="export-format"][value="xlsx"]');
  const times: number[] = [];
  let path = '';
  for (let i = 0; i < EXPORT_RUNS; i++) {
    // the outcome line of the last export goes when the next starts; the saved one is the end
    const saved = `document.querySelector('#export-outcome') !== null && !document.querySelector('#export-run').disabled`;
    const download = page.waitForEvent('download');
    times.push(await clickToPaint(page, '#export-run', saved, 120_000));
    const file = await download;
    path = join(dir, `F4-${i}.xlsx`);
    await file.saveAs(path);
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  let projects = 0;
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void (/^单位\d+第\d+号专项工作经费$/.test(String(cell.value)) && projects++))));
  return { times, bytes: statSync(path).size, projects };
}

export async function runCityBench(): Promise<void> {
  const packages = cityUnitPackages(UNITS);
  const dir = mkdtempSync(join(tmpdir(), 'perf-desk-city-'));
  const paths = packages.map((p, i) => {
    const path = join(dir, `${String(i + 1).padStart(3, '0')}-${p.fileName}`);
    writeFileSync(path, p.text);
    return path;
  });
  const packageBytes = packages.reduce((n, p) => n + Buffer.byteLength(p.text), 0);
  const session = await openApp();
  const { page } = session;
  try {
    await page.waitForSelector('.app');
    await until(page, 'window.__perfDesk !== undefined && window.__perfDesk.store.ready === true', 30_000);
    // the supervisor's own database: itself, chosen in the top bar with the year of the packages
    const seeded = await page.evaluate(`(async () => {
      const { repo, store } = window.__perfDesk;
      const city = JSON.parse(${JSON.stringify(packages[0].text)}).units.find((u) => u.parentId === null);
      const r = await repo.exchange.importRecords({ units: [city], projects: [], departmentPlans: [] });
      if (!r.ok) return r.error;
      await store.reloadAll();
      await store.selectUnit(city.id);
      await store.selectYear(2025);
      return 'ok';
    })()`);
    if (seeded !== 'ok') throw new Error(`seeding the supervisor failed: ${seeded}`);
    await page.click('.workspace-tabs button:has-text("导出与汇总")');

    const batch = await importAll(page, paths);
    const notImported = batch.statuses.filter((s) => s !== 'imported').length;
    if (notImported > 0) throw new Error(`${notImported} packages were not imported: ${batch.outcome}`);
    const sum = batch.perPackage.reduce((a, b) => a + b, 0);
    const slowest = Math.max(...batch.perPackage);
    const slowestAt = batch.perPackage.indexOf(slowest) + 1;
    const tenth = (k: number) => median(batch.perPackage.slice(k * 10, k * 10 + 10));

    const overview = await overviewTimes(page);
    const f4 = await exportF4(page, dir);

    const ok = (v: number, goal: number) => (v < goal ? `ok (goal: under ${goal >= 1000 ? `${goal / 1000} s` : `${goal} ms`})` : `NOT under the goal of ${goal >= 1000 ? `${goal / 1000} s` : `${goal} ms`}`);
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    const lines: string[][] = [
      [`import ${UNITS} unit packages one after another (${(packageBytes / 1024 / 1024).toFixed(1)} MiB; pick to the outcome line)`, s(batch.wallMs), `the packages' own times add up to ${s(sum)}; median ${ms(median(batch.perPackage))}; medians of packages 1–10 and 91–100: ${ms(tenth(0))}, ${ms(tenth(9))}`, ok(batch.wallMs, GOALS.importAll)],
      ['the slowest package (parse to written; the first also takes the backup)', ms(slowest), `package ${slowestAt}`, ok(slowest, GOALS.importOne)],
      [`汇总概览 of ${UNITS} units, click to painted table (median of ${OVERVIEW_RUNS})`, ms(median(overview.times)), `runs: ${overview.times.map((t) => t.toFixed(0)).join(', ')} ms; ${overview.rows} rows`, ok(median(overview.times), GOALS.overview)],
      [`F4 of the city as .xlsx from 导出报表, click to saved (first of ${EXPORT_RUNS})`, ms(f4.times[0]), `runs: ${f4.times.map((t) => t.toFixed(0)).join(', ')} ms; ${(f4.bytes / 1024).toFixed(0)} KiB, ${f4.projects} projects read back`, ok(f4.times[0], GOALS.f4)],
    ];
    console.log(`City scale in the app, headless Chromium on IndexedDB (${UNITS} units, 2,000 projects, 30,000 indicators):`);
    for (const [what, figure, detail, verdict] of lines) console.log(`  ${what}\n      ${figure}   ${verdict}   ${detail}`);
    console.log(`  ${batch.outcome}`);
    if (session.errors.length) console.log(`  page errors: ${session.errors.join(' | ')}`);
    recordResults(
      'city',
      [
        markdownTable(['measure', 'figure', 'detail', 'goal'], lines),
        '',
        `- the bench city as its units send it: one package per unit (the unit, its 主管部门, its 20 projects of 15 indicators with self-assessments, its library), picked in one go in 导入数据包 of a database holding the supervisor alone; the app's outcome line: ${batch.outcome}`,
        '- a package\'s time runs from reading it to its write committed; the run\'s time also holds reading the files, the one automatic backup before the first write and the reload of the screens after the last',
        '- 汇总概览 is read anew each time (the rows of the last visit dropped before the click); F4 is the whole city (scope: everything under the supervisor), saved through the browser\'s download',
        ...(session.errors.length ? [`- page errors: ${session.errors.join('; ')}`] : []),
      ].join('\n'),
      { title: 'City scale in the app (headless Chromium, IndexedDB)' },
    );
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('city-bench.ts')) void runCityBench();
