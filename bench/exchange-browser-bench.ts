// The browser half of the import bench (called by exchange-bench.ts): the same 50 MB package imported in headless
// Chromium into the app's IndexedDB, through the import dialog's own store (renderer/stores/exchange-import.ts), as a
// user runs it: load (parse, validate, plan against the database), then apply (the automatic backup taken before an
// import, the write in one transaction, the reload of what the window shows). The Repository's write alone is timed
// inside apply. Then the package again with every project changed.
import type { Page } from 'playwright-core';
import { openApp } from '../tests/e2e/harness';

/** What the page hands back for one import, in ms. */
interface BrowserImport {
  loadMs: number;
  applyMs: number;
  writeMs: number;
  added: number;
  updated: number;
  error: string | null;
}

const PACKAGE_PATHS = ['/bench-package-1.json', '/bench-package-2.json'];

/** Imports the package served at `path`; timed in the page with performance.now(). */
function importInPage(page: Page, path: string): Promise<BrowserImport> {
  // a string, not a function: tsx would wrap named functions in a helper the page does not have
  return page.evaluate(`(async () => {
    const { repo, store } = window.__perfDesk;
    const bytes = new Uint8Array(await (await fetch(${JSON.stringify(path)})).arrayBuffer());
    await store.loadWorkspaceStores();
    const importer = store.exchange.importer;
    const exchange = repo.exchange;
    const write = exchange.applyImport;
    let writeMs = 0;
    exchange.applyImport = async (...args) => {
      const t = performance.now();
      try { return await write.apply(exchange, args); } finally { writeMs = performance.now() - t; }
    };
    try {
      const t0 = performance.now();
      await importer.load('bench-package.json', bytes);
      const t1 = performance.now();
      const plan = importer.plan;
      const planned = { added: plan ? plan.add.length : 0, updated: plan ? plan.update.length : 0 };
      const problem = importer.stage !== 'planned' ? 'not planned: ' + importer.stage + ' ' + (importer.problems[0] || {}).message : null;
      const ok = problem === null && (await importer.apply());
      const t2 = performance.now();
      return { loadMs: t1 - t0, applyMs: t2 - t1, writeMs, ...planned, error: problem || (ok ? null : importer.errors.join('; ')) };
    } finally {
      exchange.applyImport = write;
    }
  })()`) as Promise<BrowserImport>;
}

/** Rows for the results table: the import into an empty database and the re-import, in Chromium. */
export async function browserImportBench(first: Uint8Array, revised: Uint8Array): Promise<string[][]> {
  const session = await openApp();
  const { page } = session;
  try {
    const bodies = [Buffer.from(first), Buffer.from(revised)];
    for (const [i, path] of PACKAGE_PATHS.entries()) {
      await page.route(`**${path}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: bodies[i] }));
    }
    await page.waitForSelector('.app');
    const results: BrowserImport[] = [];
    for (const path of PACKAGE_PATHS) results.push(await importInPage(page, path));
    const failed = results.find((r) => r.error !== null);
    if (failed) throw new Error(`the import in Chromium failed: ${failed.error}`);
    const [empty, again] = results;
    const line = (r: BrowserImport) =>
      `load (parse, validate, plan) ${r.loadMs.toFixed(0)} ms, apply ${r.applyMs.toFixed(0)} ms (of it the Repository's write ${r.writeMs.toFixed(0)} ms)`;
    console.log('Exchange: the same import in headless Chromium, on IndexedDB, through the import dialog\'s store:');
    console.log(`  into an empty database (${empty.added} records added):   ${(empty.loadMs + empty.applyMs).toFixed(0)} ms   ${line(empty)}`);
    console.log(`  again, every project changed (${again.updated} updated):   ${(again.loadMs + again.applyMs).toFixed(0)} ms   ${line(again)}`);
    if (session.errors.length) console.log(`  page errors: ${session.errors.join(' | ')}`);
    const goal = (ms: number) => (ms < 5000 ? 'ok (goal: under 5 s)' : 'NOT under the goal of 5 s');
    return [
      ['import the package, Chromium (IndexedDB), as the import dialog runs it', `${(empty.loadMs + empty.applyMs).toFixed(0)} ms`, line(empty), goal(empty.loadMs + empty.applyMs)],
      ['the same package again, every project changed, Chromium', `${(again.loadMs + again.applyMs).toFixed(0)} ms`, line(again), ''],
    ];
  } finally {
    await session.close();
  }
}
