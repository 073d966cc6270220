// The first start after updating from a release that kept one IndexedDB record per indicator (schema version 4): the
// database of the 50 MB bench package (exchange-bench.ts) written as that release stored it, then the app opened in
// headless Chromium, which moves every indicator into its project's list (renderer/db/database.ts version 5) before
// the project list paints. Compared with an ordinary start of the same database afterwards.
import { openApp } from '../tests/e2e/harness';
import { v4Rows, writeV4Database } from '../tests/e2e/v4-database';
import { bigPackage } from './exchange-bench';
import { markdownTable, recordResults } from './results';

/** Milliseconds from navigating to the project list of the chosen unit painted. */
async function startToList(run: () => Promise<unknown>, page: import('playwright-core').Page): Promise<number> {
  const t0 = Date.now();
  await run();
  await page.waitForSelector('#project-rows li .row-open');
  return Date.now() - t0;
}

export async function runUpgradeBench(): Promise<void> {
  const { doc } = bigPackage();
  const unit = doc.units.find((u) => doc.projects.some((p) => p.unitId === u.id))!;
  const year = doc.projects[0].year;
  const rows = v4Rows(doc.units, doc.projects, [
    { key: 'ui.unitId', value: unit.id },
    { key: 'ui.year', value: year },
  ]);
  const indicators = rows.indicators.length;
  const session = await openApp();
  const { page } = session;
  try {
    await page.waitForSelector('.app');
    await writeV4Database(page, session.url, rows);
    const upgrade = await startToList(() => page.goto(session.url), page);
    const stored = await page.evaluate(async () => {
      const { repo } = (window as unknown as { __perfDesk: { repo: import('../renderer/db/repository').Repository } }).__perfDesk;
      return (await repo.exchange.exportAll()).projects.reduce((n, p) => n + p.indicators.length, 0);
    });
    if (stored !== indicators) throw new Error(`the upgrade kept ${stored} of ${indicators} indicators`);
    const ordinary: number[] = [];
    for (let i = 0; i < 3; i++) ordinary.push(await startToList(() => page.reload(), page));
    const usual = [...ordinary].sort((a, b) => a - b)[1];
    const what = `${doc.projects.length.toLocaleString('en')} projects, ${indicators.toLocaleString('en')} indicators`;
    console.log(`Upgrade from version 4 in headless Chromium (${what}):`);
    console.log(`  first start after the update, to the painted list   ${upgrade} ms   (every indicator read back: ${stored})`);
    console.log(`  an ordinary start afterwards (median of 3)           ${usual} ms   [${ordinary.join(', ')}]`);
    recordResults(
      'upgrade',
      markdownTable(
        ['start', 'time', 'detail'],
        [
          ['first start after updating from version 4 (one record per indicator), to the painted project list', `${upgrade} ms`, `${what}; every indicator read back after`],
          ['an ordinary start of the same database afterwards (median of 3)', `${usual} ms`, `runs: ${ordinary.join(', ')} ms`],
        ],
      ),
      { title: 'Database upgrade to indicator lists, in Chromium' },
    );
  } finally {
    await session.close();
  }
}
