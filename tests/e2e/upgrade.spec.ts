// End to end, in headless Chromium: a database as the previous release left it (schema version 4: one IndexedDB record
// per indicator) opens in this release. It is upgraded in place to one indicator list per project: every indicator
// kept, in its saved position (not in the order of its id), shown in the editor, and the old table gone. While a page
// of the older release still holds the database open, the window says so and takes no click.
import type { Page } from 'playwright-core';
import type { Repository } from '../../renderer/db/repository';
import type { Indicator, Project, Unit } from '../../shared/model';
import { openApp, type Session } from './harness';
import { v4Rows, writeV4Database } from './v4-database';

jest.setTimeout(120_000);

let s: Session;
let page: Page;

const YEAR = 2026;
const NOW = '2026-03-01T08:00:00.000Z';

const indicator = (id: string, name: string, target: string): Indicator => ({
  id, level1: '1', level2: '11', name, direction: '≥', target, unit: '人次', weight: 30, core: false,
});

/** Saved in this order; the ids sort otherwise (a-…, m-…, z-…), as IndexedDB hands the rows back. */
const INDICATORS = [indicator('z-train', '培训人次', '500'), indicator('a-sessions', '培训场次', '10'), indicator('m-pass', '结业率', '95')];

const UNIT: Unit = { id: 'v4-unit', name: '区工商联', parentId: null, schemeId: 'A-2015', updatedAt: NOW };
const PROJECT: Project = {
  id: 'v4-p', unitId: 'v4-unit', year: YEAR, name: '商会培训', governmentInvestment: false, key: false,
  funding: { generalPublic: 1_000_000, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 0 }, townSubsidy: 0,
  overview: '', basis: '', annualGoal: '培训会员企业 500 人次。', periodGoal: '', indicators: INDICATORS, updatedAt: NOW,
};

/** A second tab of the same origin holding the version-4 database open, as a page of the older release would. */
let holder: Page;

beforeAll(async () => {
  s = await openApp();
  page = s.page;
  await page.waitForSelector('.app');
  const rows = v4Rows([UNIT], [PROJECT], [
    { key: 'ui.unitId', value: UNIT.id },
    { key: 'ui.year', value: YEAR },
  ]);
  expect(await writeV4Database(page, s.url, rows)).toEqual(['departmentPlans', 'indicators', 'projects', 'settings', 'syncBases', 'units']);
  holder = await s.context.newPage();
  await holder.goto(page.url());
  // no versionchange handler, like a release from before the database's life was watched: the upgrade must wait
  await holder.evaluate(
    () =>
      new Promise<void>((done, fail) => {
        const opening = indexedDB.open('perf-target-desk', 40);
        opening.onsuccess = () => {
          (window as unknown as { held: IDBDatabase }).held = opening.result;
          done();
        };
        opening.onerror = () => fail(opening.error);
      }),
  );
  await page.goto(s.url);
});

afterAll(async () => {
  await s?.close();
});

test('while an older page holds the database, the window says so instead of "no units yet", and takes no click', async () => {
  await page.waitForSelector('#db-opening');
  expect(await page.locator('#db-opening p').allInnerTexts()).toEqual([
    '正在打开本机数据库，请稍候…',
    '本机数据库正被另一个窗口或标签页中的旧版本使用，新版本要等它关闭后才能打开。请关闭那个窗口或标签页。',
  ]);
  expect(await page.locator('.app').getAttribute('inert')).not.toBeNull();
  expect(await page.locator('#project-rows li').count()).toBe(0);
  // the older page closes: the upgrade goes on and the list appears
  await holder.close();
  await page.waitForSelector('#project-rows li .row-open');
  expect(await page.locator('#db-opening').count()).toBe(0);
  expect(await page.locator('.app').getAttribute('inert')).toBeNull();
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
  // revision 1: version 4 wrote it once
  expect(stored).toEqual({ ...PROJECT, revision: 1 });
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
