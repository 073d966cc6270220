// End to end, in headless Chromium: a project of 60 indicator rows, most of them far below the screen. Rows far from
// the screen draw only the outline of their boxes (renderer/app/near-screen.ts, which keeps every keystroke cheap);
// these tests check that nothing is lost or out of reach: Tab walks through all rows (selecting the text it lands on),
// the check panel jumps to a field in a far row, a focused row stays drawn, and what was typed stays when its row
// scrolls away and back. (A jump of a whole screen shows the outlines for one frame, until the rows come alive.)
import type { Page } from 'playwright-core';
import type { Repository } from '../../renderer/db/repository';
import type { Indicator, Project, Unit } from '../../shared/model';
import { SCHEME_A } from '../../shared/schemes';
import { openApp, type Session } from './harness';

jest.setTimeout(120_000);

let s: Session;
let page: Page;

const ROWS = 60;
const YEAR = 2026;
const codes = SCHEME_A.level1.flatMap((l1) => l1.level2.map((l2) => [l1.code, l2.code] as const));
// the last row, in the scheme's last 二级 and so at the foot of the table, has no name: the check panel lists it, and a
// click there must reach it far below the screen
const codeOf = (k: number) => (k === ROWS - 1 ? codes[codes.length - 1] : codes[k % codes.length]);
const indicators: Indicator[] = Array.from({ length: ROWS }, (_, k) => ({
  id: `long-i${k}`,
  level1: codeOf(k)[0],
  level2: codeOf(k)[1],
  name: k === ROWS - 1 ? '' : `指标${k + 1}`,
  direction: '≥',
  target: String(80 + (k % 20)),
  unit: '%',
  weight: null,
  core: false,
}));

const focused = () => page.evaluate(() => ({ tag: document.activeElement?.tagName ?? '', id: document.activeElement?.id ?? '' }));
const liveNameBoxes = () => page.locator('tr.indicator-row input[id$="-name"]').count();

beforeAll(async () => {
  s = await openApp();
  page = s.page;
  await page.waitForSelector('.app');
  const now = new Date().toISOString();
  const unit: Unit = { id: 'long-unit', name: '长表测试单位', parentId: null, schemeId: SCHEME_A.id, updatedAt: now };
  const project: Project = {
    id: 'long-p',
    unitId: unit.id,
    year: YEAR,
    name: '六十项指标项目',
    governmentInvestment: false,
    key: false,
    funding: { generalPublic: 1_000_000, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 0 },
    townSubsidy: 0,
    overview: '',
    basis: '',
    annualGoal: '完成年度任务。',
    periodGoal: '',
    indicators,
    updatedAt: now,
  };
  const seeded = await page.evaluate(
    async ({ unit, project, year }) => {
      const { repo } = (window as unknown as { __perfDesk: { repo: Repository } }).__perfDesk;
      const r = await repo.exchange.importRecords({ units: [unit], projects: [project], departmentPlans: [] });
      await repo.settings.set('ui.unitId', unit.id);
      await repo.settings.set('ui.year', year);
      return r.ok ? 'ok' : r.error;
    },
    { unit, project, year: YEAR },
  );
  expect(seeded).toBe('ok');
  await page.reload();
  await page.locator('#project-rows li .row-open', { hasText: '六十项指标项目' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('tr.indicator-row').length === n, ROWS);
});

afterAll(async () => {
  await s?.close();
});

test('draws the rows far below the screen as outlines, and the rows near it as boxes', async () => {
  // two frames: the rows' places are known before the first, and watched from then on
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const outlines = await page.locator('tr.indicator-row.outline').count();
  expect(outlines).toBeGreaterThan(ROWS / 2);
  expect(await liveNameBoxes()).toBe(ROWS - outlines);
  // the outline keeps the row's size: the table is as tall as with every box drawn
  const heights = await page.locator('tr.indicator-row').evaluateAll((trs) => [...new Set(trs.map((tr) => Math.round(tr.getBoundingClientRect().height)))]);
  expect(heights).toHaveLength(1);
});

test('Tab walks from the first row through all rows, far below the screen too', async () => {
  await page.locator('#ind-long-i0-name').focus();
  // each row: 名称, 指标性质, 指标值, 计量单位, 权重, 核心指标, 实施周期指标值, 指标解释 (the delete button is skipped)
  const rows = ROWS - 5;
  for (let i = 0; i < 8 * rows; i++) await page.keyboard.press('Tab');
  // rows follow the scheme's order in the table, not the order of the ids: find the row reached by its position
  const expected = await page.locator('tr.indicator-row').nth(rows).getAttribute('data-indicator-id');
  expect(await focused()).toEqual({ tag: 'INPUT', id: `ind-${expected}-name` });
  expect(await page.inputValue(`#ind-${expected}-name`)).toMatch(/^指标\d+$/);
  // and back up with Shift+Tab, one field
  await page.keyboard.press('Shift+Tab');
  const before = await page.locator('tr.indicator-row').nth(rows - 1).getAttribute('data-indicator-id');
  expect(await focused()).toEqual({ tag: 'INPUT', id: `ind-${before}-explanation` });
});

/** Scrolls the editor's pane with the mouse wheel, leaving the focus where it is. */
async function wheel(dy: number): Promise<void> {
  const box = (await page.locator('#section-indicators').boundingBox())!;
  await page.mouse.move(box.x + 20, Math.max(60, Math.min(box.y + 20, 800)));
  await page.mouse.wheel(0, dy);
  await page.waitForTimeout(200);
}

test('Tab from a row into the next one, scrolled far away, selects its text as in a drawn row', async () => {
  const first = await page.locator('tr.indicator-row').nth(0).getAttribute('data-indicator-id');
  const second = await page.locator('tr.indicator-row').nth(1).getAttribute('data-indicator-id');
  await page.locator(`#ind-${first}-explanation`).scrollIntoViewIfNeeded();
  await page.locator(`#ind-${first}-explanation`).focus();
  await wheel(3000);
  // the focused row stays drawn; the one after it is an outline now
  expect(await page.locator(`tr.indicator-row[data-indicator-id="${first}"]`).getAttribute('class')).not.toContain('outline');
  expect(await page.locator(`tr.indicator-row[data-indicator-id="${second}"]`).getAttribute('class')).toContain('outline');
  await page.keyboard.press('Tab');
  expect(await focused()).toEqual({ tag: 'INPUT', id: `ind-${second}-name` });
  const selection = await page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement;
    return [el.selectionStart, el.selectionEnd, el.value.length];
  });
  expect(selection[0]).toBe(0);
  expect(selection[1]).toBe(selection[2]);
  expect(selection[2]).toBeGreaterThan(0);
});

test('keeps the focused box when an undo makes another row the active one', async () => {
  // delete a row near the top, then work in the first row's 指标性质 and scroll it away
  const first = await page.locator('tr.indicator-row').nth(0).getAttribute('data-indicator-id');
  const third = await page.locator('tr.indicator-row').nth(2).getAttribute('data-indicator-id');
  await page.locator(`tr.indicator-row[data-indicator-id="${third}"]`).scrollIntoViewIfNeeded();
  await page.locator(`tr.indicator-row[data-indicator-id="${third}"] button.danger`).click();
  await page.waitForFunction((n) => document.querySelectorAll('tr.indicator-row').length === n, ROWS - 1);
  await page.locator(`#ind-${first}-direction`).focus();
  await wheel(3000);
  await page.keyboard.press('Control+z');
  await page.waitForFunction((n) => document.querySelectorAll('tr.indicator-row').length === n, ROWS);
  expect(await focused()).toEqual({ tag: 'SELECT', id: `ind-${first}-direction` });
});

test('jumps from the check panel to a field of a row far below the screen', async () => {
  await page.locator('#ind-long-i0-name').scrollIntoViewIfNeeded();
  await page.locator('#ind-long-i0-name').focus();
  await page.waitForSelector('tr.indicator-row[data-indicator-id="long-i59"].outline');
  expect(await page.locator('tr.indicator-row[data-indicator-id="long-i59"]').getAttribute('class')).toContain('outline');
  await page.locator('#check-panel button[data-code="indicatorNameEmpty"]').click();
  expect(await focused()).toEqual({ tag: 'INPUT', id: 'ind-long-i59-name' });
  // the field it lands in flashes, as in a row that was drawn already
  await page.waitForSelector('input#ind-long-i59-name.flash');
  await page.keyboard.type('满意度调查覆盖率');
  await page.locator('#check-panel button[data-code="indicatorNameEmpty"]').waitFor({ state: 'detached' });
  expect(await page.inputValue('#ind-long-i59-name')).toBe('满意度调查覆盖率');
});

test('keeps what was typed in a row that scrolls away and back', async () => {
  await page.locator('tr.indicator-row[data-indicator-id="long-i0"]').scrollIntoViewIfNeeded();
  // the row comes alive in the frame after it scrolls near
  await page.waitForSelector('input#ind-long-i0-name');
  await page.locator('#ind-long-i0-name').fill('培训人次');
  await page.locator('#ind-long-i0-target').fill('≥95%');
  // work on at the foot of the table: the first row, no longer focused, turns into its outline
  await page.locator('tr.indicator-row').last().scrollIntoViewIfNeeded();
  await page.waitForSelector('input#ind-long-i59-target');
  await page.locator('#ind-long-i59-target').focus();
  await page.waitForSelector('tr.indicator-row[data-indicator-id="long-i0"].outline');
  await page.locator('tr.indicator-row[data-indicator-id="long-i0"]').scrollIntoViewIfNeeded();
  await page.waitForSelector('input#ind-long-i0-name');
  expect(await page.inputValue('#ind-long-i0-name')).toBe('培训人次');
  // "≥95%" was split into 指标性质, 指标值 and 计量单位 when the box lost the focus
  expect(await page.inputValue('#ind-long-i0-direction')).toBe('≥');
  expect(await page.inputValue('#ind-long-i0-target')).toBe('95');
  expect(await page.inputValue('#ind-long-i0-unit')).toBe('%');
  await page.waitForSelector('#save-mark[data-state="saved"]');
  const stored = await page.evaluate(async () => {
    const { repo } = (window as unknown as { __perfDesk: { repo: Repository } }).__perfDesk;
    const p = await repo.projects.get('long-p');
    return p?.indicators.find((i) => i.id === 'long-i0');
  });
  expect(stored).toMatchObject({ name: '培训人次', direction: '≥', target: '95', unit: '%' });
});
