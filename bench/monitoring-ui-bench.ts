// The supervisor's overview of the monitoring lights in headless Chromium (part of `npm run bench -- ui`): the bench
// city (a 财政 supervisor, 100 units × 20 projects × 15 indicators, a 1–7月 round per project) imported into the app's
// IndexedDB, then, timed in the page from the click to the first task after the next frame:
//   - 汇总概览 turned from a year without projects to the city's year (read every unit's projects and indicators,
//     light each of the 2,000 projects, paint the 100 unit rows with their counts),
//   - filtering by 红灯 (paint the units with a red project and, under each, its red projects).
// Median of 5 after a warm-up.
import type { Page } from 'playwright-core';
import { openApp } from '../tests/e2e/harness';
import { cityData } from './city-data';

export const LIGHTS_GOAL_MS = 500;
const RUNS = 5;

export interface LightsBenchFigures {
  openMs: number;
  openRuns: number[];
  filterMs: number;
  filterRuns: number[];
  projects: number;
  redProjects: number;
  units: number;
  errors: string[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Runs `act` (a script of the page) and resolves to the time until `ready` (an expression) holds and the frame after
 * it has been produced. Strings, not functions: tsx would wrap named functions in a helper the page does not have.
 */
function timed(page: Page, act: string, ready: string): Promise<number> {
  return page.evaluate(`(async () => {
    const ready = () => ${ready};
    const painted = new Promise((resolve) => {
      const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
      const watch = new MutationObserver(() => {
        if (ready()) { watch.disconnect(); done(); }
      });
      watch.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    const t0 = performance.now();
    ${act};
    return (await painted) - t0;
  })()`) as Promise<number>;
}

export async function runLightsBench(): Promise<LightsBenchFigures> {
  const session = await openApp();
  const { page } = session;
  try {
    await page.waitForSelector('.app');
    const data = cityData(100, 20, 15, { monitoring: true });
    const seeded = await page.evaluate(async (doc) => {
      const { repo, store } = (window as unknown as {
        __perfDesk: {
          repo: { exchange: { importRecords(d: unknown): Promise<{ ok: boolean; error?: string }> } };
          store: { units: { load(): Promise<void> }; selectUnit(id: string): Promise<void>; selectYear(y: number): Promise<void> };
        };
      }).__perfDesk;
      const result = await repo.exchange.importRecords({ units: doc.units, projects: doc.projects, departmentPlans: doc.departmentPlans });
      if (!result.ok) return result.error ?? 'failed';
      await store.units.load();
      await store.selectUnit('city');
      await store.selectYear(2025);
      return 'ok';
    }, data as unknown as { units: unknown[]; projects: unknown[]; departmentPlans: unknown[] });
    if (seeded !== 'ok') throw new Error(`seeding failed: ${seeded}`);

    await page.click('.workspace-tabs button:has-text("导出与汇总")');
    await page.click('#exchange-nav button[data-section="overview"]');
    const units = data.units.length - 1;
    await page.waitForSelector(`#overview-table tbody tr[data-unit]:nth-child(${units})`);
    const setYear = (year: number) => `window.__perfDesk.store.selectYear(${year})`;
    const total = `(document.querySelector('#overview-table tfoot td.num') || {}).textContent`;
    // from a year without projects to the city's year: read, light and paint 2,000 projects
    const open = async () => {
      await page.evaluate(setYear(2024));
      await page.waitForFunction(`${total} === '0'`);
      return timed(page, setYear(2025), `${total} === '${data.projects.length}'`);
    };
    await open(); // warm-up
    const openRuns: number[] = [];
    const filterRuns: number[] = [];
    let redProjects = 0;
    for (let i = 0; i < RUNS; i++) {
      openRuns.push(await open());
      const select = `(() => { const s = document.querySelector('#overview-light-filter'); s.value = 'red'; s.dispatchEvent(new Event('change', { bubbles: true })); })()`;
      filterRuns.push(await timed(page, select, `document.querySelectorAll('tr[data-unit-projects]').length > 0`));
      redProjects = await page.locator('tr[data-unit-projects] li').count();
      await page.selectOption('#overview-light-filter', 'all');
    }
    return {
      openMs: median(openRuns),
      openRuns,
      filterMs: median(filterRuns),
      filterRuns,
      projects: data.projects.length,
      redProjects,
      units,
      errors: [...session.errors],
    };
  } finally {
    await session.close();
  }
}
