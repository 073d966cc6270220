// End to end, in headless Chromium: the sector indicator library (issue #17). An education unit's project gets its
// sector's indicators, the search box finds indicators by Chinese words and pinyin initials, the 二级 hints follow
// the unit's sector, and a rule set's required 二级 is added from the library in one click.
// The tests run in order on one page, each continuing from the state the previous one left.
import type { Locator, Page } from 'playwright-core';
import { sectorFile } from '../../shared/library';
import { openApp, screenshot, type Session } from './harness';

jest.setTimeout(120_000);

let s: Session;
let page: Page;

const rowsOf = (level2: string): Locator => page.locator(`tr.indicator-row[data-level2="${level2}"]`);
const field = (row: Locator, name: string) => row.locator(`[id$="-${name}"]`);
const results = () => page.locator('#library-results button');
const resultNames = () => page.locator('#library-results .s-name').evaluateAll((els) => els.map((e) => e.firstChild?.textContent ?? ''));

async function addLevel2(level1: string, level2: string): Promise<Locator> {
  const before = await rowsOf(level2).count();
  await page.selectOption(`tbody[data-level1="${level1}"] select.add-level2`, level2);
  const row = rowsOf(level2).nth(before);
  await page.waitForFunction((id) => document.activeElement?.id === id, await field(row, 'name').getAttribute('id'));
  return row;
}

beforeAll(async () => {
  s = await openApp();
  page = s.page;
  await page.waitForSelector('.app');
});

afterAll(async () => {
  await s?.close();
});

test('a unit is given its 行业 in the unit settings', async () => {
  await page.click('#new-unit');
  await page.fill('#unit-name', '某区教育局');
  // the sector list comes with the library: the select is filled once it has loaded
  await page.waitForSelector('#unit-sector:not([disabled]) option[value="education"]', { state: 'attached' });
  await page.selectOption('#unit-sector', 'education');
  await page.click('#unit-save');
  await page.waitForSelector('.dialog', { state: 'detached' });
  await page.click('#edit-unit');
  await page.waitForSelector('#unit-sector:not([disabled])');
  expect(await page.inputValue('#unit-sector')).toBe('education');
  await page.click('.dialog button:has-text("取消")');
  await page.waitForSelector('.dialog', { state: 'detached' });
});

test('校园安全设施改造 gets education and safety indicators in its first five suggestions; hints follow the sector', async () => {
  await page.click('#new-project');
  await page.waitForSelector('#project-editor');
  await page.fill('#project-name', '校园安全设施改造');
  await page.fill('#project-annualGoal', '完成辖区中小学校园安全防护设施改造。');
  await addLevel2('1', '11');
  await page.waitForSelector('#library-results button[data-origin="sector"]');
  const firstFive = await results().evaluateAll((els) =>
    els.slice(0, 5).map((e) => ({ sector: e.getAttribute('data-sector'), name: e.querySelector('.s-name')?.firstChild?.textContent ?? '' })),
  );
  expect(firstFive).toHaveLength(5);
  for (const r of firstFive) expect(r.sector === 'education' || /安全|校园|学校/.test(r.name)).toBe(true);
  expect(await page.textContent('#library-panel .library-sector')).toBe('本单位行业：教育');
  // the hint under 数量指标 is the education sector's
  expect(await page.textContent('tr.level2-head[data-level2="11"] [data-hint-of="11"]')).toBe(sectorFile('education')!.guidance['11']);
  await screenshot(page, '07-sector-library.png');

  // a pick fills the row: name, 指标性质, 指标值, 计量单位 and 指标解释
  const row = rowsOf('11').first();
  const first = results().first();
  const name = (await first.locator('.s-name').innerText()).trim();
  await first.click();
  expect(await field(row, 'name').inputValue()).toBe(name);
  expect(await field(row, 'explanation').inputValue()).not.toBe('');
  expect(await field(row, 'unit').inputValue()).not.toBe('');
});

test('typing "满意" or "myd" in the search box finds satisfaction indicators; a pick adds a row under their 二级', async () => {
  await page.fill('#library-search', '满意');
  await page.waitForFunction(() => document.querySelectorAll('#library-results button').length > 5);
  const chinese = await resultNames();
  expect(chinese.every((n) => n.includes('满意'))).toBe(true);
  await page.fill('#library-search', '');
  await page.locator('#library-search').pressSequentially('myd');
  await page.waitForFunction(() => [...document.querySelectorAll('#library-results .s-name')].some((e) => e.textContent?.includes('满意')));
  const pinyin = await resultNames();
  expect(pinyin.length).toBeGreaterThan(5);
  expect(pinyin.filter((n) => n.includes('满意度')).length).toBeGreaterThanOrEqual(5);
  await screenshot(page, '08-library-search.png');
  const pick = results().filter({ has: page.locator('.s-name', { hasText: '满意度' }) }).first();
  const name = (await pick.locator('.s-name').evaluate((e) => e.firstChild?.textContent ?? '')).trim();
  expect(await pick.getAttribute('data-level2')).toBe('31');
  await pick.click();
  await rowsOf('31').first().waitFor();
  expect(await field(rowsOf('31').first(), 'name').inputValue()).toBe(name);
  await page.fill('#library-search', '');
});

test('a rule set requiring 成本指标: the missing 二级 is an error, and 从指标库添加 adds it from the library', async () => {
  await page.click('#edit-unit');
  await page.click('#unit-derive-rule-set');
  await page.fill('#derive-name', '某区必设成本规则');
  await page.locator('#derive-required input[value="14"]').check();
  await page.click('#derive-save');
  await page.waitForSelector('#derive-rule-set', { state: 'detached' });
  await page.click('#unit-save');
  await page.waitForSelector('.dialog', { state: 'detached' });

  const missing = page.locator('#check-panel button[data-code="requiredLevel2Missing"]');
  await missing.waitFor();
  expect(await missing.innerText()).toBe('本地区评分规则要求每个项目都设“成本指标”，当前尚无');
  await page.click('#check-panel button[data-add-level2="14"]');
  await page.waitForFunction(() => {
    const buttons = [...document.querySelectorAll('#library-results button')];
    return buttons.length > 0 && buttons.every((b) => b.getAttribute('data-level2') === '14');
  });
  expect(await page.textContent('#library-panel')).toContain('为“成本指标”添加指标');
  await results().first().click();
  await rowsOf('14').first().waitFor();
  await missing.waitFor({ state: 'detached' });
  expect(await field(rowsOf('14').first(), 'name').inputValue()).not.toBe('');
});

test('no page errors', () => {
  expect(s.errors).toEqual([]);
});
