// The first painted project list with a supervisor's whole database (part of `npm run bench -- ui`): the bench city (a
// 财政 supervisor, 100 units × 20 projects × 15 indicators: 2,000 projects, 30,000 indicators) imported into the app's
// IndexedDB in headless Chromium, then the app opened from a blank page as a new window does, one of the city's units
// chosen (20 projects listed; the supervisor itself holds none, and an empty list sets no mark). Median of 5 loads
// after a warm-up; the figure is the same performance mark as the 500-project case of ui-bench.ts.
import type { Page } from 'playwright-core';
import { openApp } from '../tests/e2e/harness';
import { cityData } from './city-data';

const LOADS = 5;

export interface CityListFigures {
  /** one of the city's units chosen: 20 projects listed, out of 2,000 in the database */
  unitMs: number;
  unitLoads: number[];
  projects: number;
  indicators: number;
  errors: string[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** From a blank page to the app's first painted project list (the 'project-list-painted' mark), in ms. */
async function firstListPaint(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  const painted = `(performance.getEntriesByName('project-list-painted')[0] || { startTime: -1 }).startTime`;
  for (let waited = 0; waited < 30_000; waited += 100) {
    await page.waitForTimeout(100);
    const t = (await page.evaluate(painted)) as number;
    if (t >= 0) return t;
  }
  throw new Error('the project list was not painted within 30 s');
}

/** Chooses the unit the next start opens with, and the authoring workspace without an open project. */
async function chooseUnit(page: Page, unitId: string): Promise<void> {
  await page.evaluate(async (unitId) => {
    const { repo } = (window as unknown as { __perfDesk: { repo: { settings: { set(k: string, v: unknown): Promise<void> } } } }).__perfDesk;
    await repo.settings.set('ui.unitId', unitId);
    await repo.settings.set('ui.year', 2025);
    await repo.settings.set('ui.route', { targets: { screen: 'targets', selection: null } });
  }, unitId);
}

export async function runCityListBench(): Promise<CityListFigures> {
  const session = await openApp();
  const { page } = session;
  try {
    await page.waitForSelector('.app');
    const data = cityData(100, 20, 15);
    const seeded = await page.evaluate(async (doc) => {
      const { repo } = (window as unknown as { __perfDesk: { repo: { exchange: { importRecords(d: unknown): Promise<{ ok: boolean; error?: string }> } } } }).__perfDesk;
      const result = await repo.exchange.importRecords({ units: doc.units, projects: doc.projects, departmentPlans: doc.departmentPlans });
      return result.ok ? 'ok' : (result.error ?? 'failed');
    }, data as unknown as { units: unknown[]; projects: unknown[]; departmentPlans: unknown[] });
    if (seeded !== 'ok') throw new Error(`seeding failed: ${seeded}`);

    await chooseUnit(page, 'u50');
    await firstListPaint(page, session.url); // warm-up: the first load compiles the bundle and fills the caches
    const unitLoads: number[] = [];
    for (let i = 0; i < LOADS; i++) unitLoads.push(await firstListPaint(page, session.url));
    const listed = (await page.textContent('#list-totals'))?.match(/共 (\d+) 个项目/)?.[1];
    if (listed !== '20') throw new Error(`the unit's list showed ${listed ?? '?'} projects, not 20`);
    return {
      unitMs: median(unitLoads),
      unitLoads,
      projects: data.projects.length,
      indicators: data.projects.reduce((n, p) => n + p.indicators.length, 0),
      errors: session.errors,
    };
  } finally {
    await session.close();
  }
}
