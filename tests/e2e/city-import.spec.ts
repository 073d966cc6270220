// End to end, in headless Chromium on its IndexedDB (issue #19): a supervisor picks the packages of five units in one
// go; they go in one after another with a progress line; 取消 during the second leaves exactly two imported and says
// so; the overview lists those two and filters them by how far their targets are; the other three go in afterwards.
// The tests run in order, each continuing from the state the previous one left.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createExchangeDocument, serializeExchange } from '../../shared/exchange/exchange';
import type { Indicator, Project, Unit } from '../../shared/model';
import { openApp, screenshot, type Session } from './harness';

jest.setTimeout(180_000);

const STAMP = '2025-02-10T00:00:00.000Z';
const CITY: Unit = { id: 'city', name: '某市财政局', parentId: null, schemeId: 'A-2015', updatedAt: STAMP };
const unitOf = (n: number): Unit => ({ id: `u${n}`, name: `某市第${n}预算单位`, shortName: `单位${n}`, parentId: 'city', schemeId: 'A-2015', updatedAt: STAMP });
const indicator = (id: string, level2: string, name: string): Indicator => ({
  id, level1: level2.charAt(0), level2, name, direction: level2 === '22' ? '定性' : '≥', target: level2 === '22' ? '持续提升' : '10',
  unit: level2 === '22' ? '' : '次', weight: null, core: false,
});
/** Units 1, 3 and 5 have their targets filled; units 2 and 4 left their annual goals empty. */
const projectOf = (n: number, p: number): Project => ({
  id: `u${n}-p${p}`, unitId: `u${n}`, year: 2025, name: `单位${n}第${p}号项目`, governmentInvestment: false, key: false,
  funding: { generalPublic: 100_000 * p, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 0 }, townSubsidy: 0, overview: '', basis: '',
  annualGoal: n % 2 === 0 ? '' : '完成年度任务', periodGoal: '',
  indicators: [indicator(`u${n}-p${p}-i1`, '11', '开展培训次数'), indicator(`u${n}-p${p}-i2`, '22', '社会影响'), indicator(`u${n}-p${p}-i3`, '31', '服务对象满意度')],
  updatedAt: STAMP,
});

let session: Session;
let page: Page;
let dir = '';
let paths: string[] = [];

const rows = (selector: string) =>
  page.locator(selector).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => (td.textContent ?? '').trim())));

async function pick(files: string[]): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#import-pick')]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles(files);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'perf-desk-city-'));
  paths = [1, 2, 3, 4, 5].map((n) => {
    const doc = createExchangeDocument({ units: [CITY, unitOf(n)], projects: [projectOf(n, 1), projectOf(n, 2)], departmentPlans: [] }, STAMP, unitOf(n).name);
    const path = join(dir, `数据包-单位${n}-2025.json`);
    writeFileSync(path, serializeExchange(doc));
    return path;
  });
  session = await openApp();
  page = session.page;
  await page.waitForSelector('.app');
  await page.waitForFunction(() => (window as unknown as { __perfDesk?: { store: { ready: boolean } } }).__perfDesk?.store.ready === true);
  // the supervisor's database holds itself, chosen in the top bar with the packages' year
  await page.evaluate(async (city) => {
    const { repo, store } = (window as unknown as { __perfDesk: { repo: import('../../renderer/db/repository').Repository; store: import('../../renderer/stores/root-store').RootStore } }).__perfDesk;
    const r = await repo.exchange.importRecords({ units: [city], projects: [], departmentPlans: [] });
    if (!r.ok) throw new Error(r.error);
    await store.reloadAll();
    await store.selectUnit(city.id);
    await store.selectYear(2025);
  }, CITY);
  await page.click('.workspace-tabs button:has-text("导出与汇总")');
  await page.click('#exchange-nav button[data-section="import"]');
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('five packages picked at once: progress per package, 取消 during the second leaves exactly two imported', async () => {
  // the second package's write waits until the test lets it go, so 取消 lands while it is under way
  await page.evaluate(() => {
    const w = window as unknown as { __perfDesk: { repo: { exchange: { applyImport: (...a: unknown[]) => Promise<unknown> } } }; __release: () => void };
    const exchange = w.__perfDesk.repo.exchange;
    const write = exchange.applyImport.bind(exchange);
    const held = new Promise<void>((resolve) => (w.__release = resolve));
    let calls = 0;
    exchange.applyImport = async (...args: unknown[]) => {
      calls += 1;
      if (calls === 2) await held;
      return write(...args);
    };
  });
  await pick(paths);
  await page.waitForSelector('#import-batch-progress:has-text("正在导入 2/5：数据包-单位2-2025.json")');
  expect(await rows('#import-batch-files tbody tr')).toEqual([
    ['数据包-单位1-2025.json', '已导入', '新增 3，更新 0，无变化 1，保留本地 0，冲突 0'],
    ...[2, 3, 4, 5].map((n) => [`数据包-单位${n}-2025.json`, '等待导入', '']),
  ]);
  expect(await page.isDisabled('#import-pick')).toBe(true);
  await screenshot(page, '27-batch-import.png');
  await page.click('#import-batch-cancel');
  await page.waitForSelector('#import-batch-cancel:has-text("正在取消…")');
  expect(await page.isDisabled('#import-batch-cancel')).toBe(true);
  await page.evaluate(() => (window as unknown as { __release: () => void }).__release());
  await page.waitForSelector('#import-batch-outcome');
  expect(await page.textContent('#import-batch-outcome')).toBe('已取消：已导入 2 个数据包，其余 3 个未导入。');
  expect(await page.locator('#import-batch-files tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')))).toEqual([
    'imported', 'imported', 'notRun', 'notRun', 'notRun',
  ]);
  expect(await page.locator('#import-batch-progress').count()).toBe(0);
  const stored = await page.evaluate(async () => {
    const { repo } = (window as unknown as { __perfDesk: { repo: import('../../renderer/db/repository').Repository } }).__perfDesk;
    const data = await repo.exchange.exportAll();
    return { units: data.units.map((u) => u.id).sort(), projects: data.projects.map((p) => p.id).sort() };
  });
  expect(stored).toEqual({ units: ['city', 'u1', 'u2'], projects: ['u1-p1', 'u1-p2', 'u2-p1', 'u2-p2'] });
  expect(session.errors).toEqual([]);
});

test('the overview lists the two imported units, and filters them by how far their targets are', async () => {
  await page.click('#exchange-nav button[data-section="overview"]');
  await page.waitForSelector('#overview-table tbody tr[data-unit="u2"]');
  expect(await rows('#overview-table tbody tr[data-unit]')).toEqual([
    ['某市第1预算单位', '2', '2 / 2'],
    ['某市第2预算单位', '2', '0 / 2'],
  ]);
  await page.selectOption('#overview-status-filter', 'targetsMissing');
  expect(await rows('#overview-table tbody tr[data-unit]')).toEqual([['某市第2预算单位', '2', '0 / 2']]);
  expect(await page.textContent('#overview-shown')).toBe('显示 1 / 2 个单位');
  await page.selectOption('#overview-status-filter', 'all');
  expect(await page.locator('#overview-shown').count()).toBe(0);
});

test('the three left go in afterwards; the overview then lists all five', async () => {
  await page.click('#exchange-nav button[data-section="import"]');
  await pick(paths.slice(2));
  await page.waitForSelector('#import-batch-outcome:has-text("已导入 3 个数据包（共 3 个）。")');
  await page.click('#exchange-nav button[data-section="overview"]');
  await page.waitForSelector('#overview-table tbody tr[data-unit="u5"]');
  expect((await rows('#overview-table tbody tr[data-unit]')).map((r) => r[0])).toEqual([1, 2, 3, 4, 5].map((n) => `某市第${n}预算单位`));
  await page.selectOption('#overview-status-filter', 'targetsDone');
  expect((await rows('#overview-table tbody tr[data-unit]')).map((r) => r[0])).toEqual(['某市第1预算单位', '某市第3预算单位', '某市第5预算单位']);
  expect(session.errors).toEqual([]);
});
