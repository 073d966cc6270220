// End to end, in headless Chromium: a database as the previous release left it (schema version 4: one IndexedDB record
// per indicator) opens in this release. It is upgraded in place to one indicator list per project: every indicator
// kept, in its saved position (not in the order of its id), shown in the editor, and the old table gone.
import type { Page } from 'playwright-core';
import type { Repository } from '../../renderer/db/repository';
import type { Indicator } from '../../shared/model';
import { openApp, type Session } from './harness';

jest.setTimeout(120_000);

let s: Session;
let page: Page;

const YEAR = 2026;
const NOW = '2026-03-01T08:00:00.000Z';

/** The version-4 schema as Dexie created it (renderer/db/database.ts DB_VERSIONS 1–4): store → [key path, indexes]. */
const V4_STORES: Record<string, [string, string[]]> = {
  units: ['id', ['parentId', 'name']],
  projects: ['id', ['[unitId+year]', 'unitId', 'year', 'updatedAt']],
  indicators: ['id', ['projectId', '[projectId+order]']],
  departmentPlans: ['id', ['[unitId+year]']],
  settings: ['key', []],
  syncBases: ['id', []],
};

const indicator = (id: string, name: string, target: string): Indicator => ({
  id, level1: '1', level2: '11', name, direction: '≥', target, unit: '人次', weight: 30, core: false,
});

/** Saved in this order; the ids sort otherwise (a-…, m-…, z-…), as IndexedDB hands the rows back. */
const INDICATORS = [indicator('z-train', '培训人次', '500'), indicator('a-sessions', '培训场次', '10'), indicator('m-pass', '结业率', '95')];

/** Every row of the version-4 database: a unit, its project (row and indicator rows), the remembered unit and year. */
const V4_ROWS: Record<string, unknown[]> = {
  units: [{ id: 'v4-unit', name: '区工商联', parentId: null, schemeId: 'A-2015', updatedAt: NOW, revision: 1 }],
  projects: [
    {
      id: 'v4-p', unitId: 'v4-unit', year: YEAR, name: '商会培训', governmentInvestment: false, key: false,
      funding: { generalPublic: 1_000_000, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 0 }, townSubsidy: 0,
      overview: '', basis: '', annualGoal: '培训会员企业 500 人次。', periodGoal: '', updatedAt: NOW, indicatorCount: 3, revision: 2,
    },
  ],
  indicators: INDICATORS.map((i, order) => ({ ...i, projectId: 'v4-p', order })),
  settings: [
    { key: 'ui.unitId', value: 'v4-unit' },
    { key: 'ui.year', value: YEAR },
  ],
};

/** Replaces the app's database by a version-4 one (IndexedDB version 40: Dexie's version × 10) holding `rows`. */
function writeV4Database(target: Page, stores: typeof V4_STORES, rows: typeof V4_ROWS): Promise<string> {
  return target.evaluate(
    ({ stores, rows }) =>
      new Promise<string>((done, fail) => {
        const deleting = indexedDB.deleteDatabase('perf-target-desk');
        deleting.onerror = () => fail(deleting.error);
        deleting.onsuccess = () => {
          const opening = indexedDB.open('perf-target-desk', 40);
          opening.onerror = () => fail(opening.error);
          opening.onupgradeneeded = () => {
            for (const [name, [key, indexes]] of Object.entries(stores)) {
              const store = opening.result.createObjectStore(name, { keyPath: key });
              for (const index of indexes) {
                const path = index.startsWith('[') ? index.slice(1, -1).split('+') : index;
                store.createIndex(index, path);
              }
            }
          };
          opening.onsuccess = () => {
            const db = opening.result;
            const tx = db.transaction(Object.keys(rows), 'readwrite');
            for (const [name, list] of Object.entries(rows)) for (const row of list) tx.objectStore(name).add(row);
            tx.oncomplete = () => {
              db.close();
              done([...db.objectStoreNames].sort().join(','));
            };
            tx.onerror = () => fail(tx.error);
          };
        };
      }),
    { stores, rows },
  );
}

beforeAll(async () => {
  s = await openApp();
  page = s.page;
  await page.waitForSelector('.app');
  // a page of the same origin that does not open the database, to write the old one from
  await page.route('**/v4-writer.html', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>v4</title>' }));
  await page.goto(new URL('v4-writer.html', s.url).href);
  expect(await writeV4Database(page, V4_STORES, V4_ROWS)).toBe('departmentPlans,indicators,projects,settings,syncBases,units');
  await page.goto(s.url);
  await page.waitForSelector('.app');
});

afterAll(async () => {
  await s?.close();
});

test('the project opens with its three indicators in their saved order, nothing else changed', async () => {
  await page.locator('#project-rows li .row-open', { hasText: '商会培训' }).click();
  await page.waitForFunction(() => document.querySelectorAll('tr.indicator-row').length === 3);
  const shown = await page.locator('tr.indicator-row').evaluateAll((rows) => rows.map((tr) => tr.getAttribute('data-indicator-id')));
  expect(shown).toEqual(['z-train', 'a-sessions', 'm-pass']);
  expect(await page.locator('#ind-a-sessions-name').inputValue()).toBe('培训场次');
  expect(await page.locator('#db-failure').count()).toBe(0);

  const stored = await page.evaluate(async () => {
    const { repo } = (window as unknown as { __perfDesk: { repo: Repository } }).__perfDesk;
    return repo.projects.get('v4-p');
  });
  const { indicatorCount: _count, ...row } = V4_ROWS.projects[0] as Record<string, unknown>;
  expect(stored).toEqual({ ...row, indicators: INDICATORS });
  expect(s.errors).toEqual([]);
});

test('the database is at version 6: the indicator rows are one list, the old table is gone', async () => {
  const after = await page.evaluate(
    () =>
      new Promise<{ version: number; stores: string[]; lists: unknown[] }>((done, fail) => {
        const opening = indexedDB.open('perf-target-desk');
        opening.onerror = () => fail(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const reading = db.transaction('indicatorLists').objectStore('indicatorLists').getAll();
          reading.onsuccess = () => {
            done({ version: db.version, stores: [...db.objectStoreNames].sort(), lists: reading.result });
            db.close();
          };
          reading.onerror = () => fail(reading.error);
        };
      }),
  );
  expect(after.version).toBe(60);
  expect(after.stores).toEqual(['departmentPlans', 'indicatorLists', 'projects', 'settings', 'syncBases', 'units']);
  expect(after.lists).toEqual([{ projectId: 'v4-p', indicators: INDICATORS, ids: ['z-train', 'a-sessions', 'm-pass'] }]);
});
