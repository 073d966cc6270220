// End to end, in headless Chromium: the supervisor's side (issue #19). Three browser contexts stand for three
// machines, each with its own IndexedDB; files pass between them as bytes through the test. The supervisor creates two
// units and hands the directory down; each unit imports it from the empty first screen and is set up; the units
// submit their targets and send their packages up; the supervisor returns one with an opinion on an indicator's
// value and approves the other; the unit sees the opinion at that field, fixes it, answers and submits again; the
// supervisor approves it, and the project is locked for the unit. F10 is exported and read back.
// The tests run in order, each continuing from the state the previous one left.
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Repository } from '../../renderer/db/repository';
import type { RootStore } from '../../renderer/stores/root-store';
import type { Project } from '../../shared/model';
import { readXlsx } from '../templates/read-back';
import { buildRenderer, CHROMIUM, screenshot, serve } from './harness';

jest.setTimeout(240_000);

interface Handle {
  repo: Repository;
  store: RootStore;
}

interface File {
  name: string;
  buffer: Buffer;
}

const SUPERVISOR = { name: '江南市北城区科学技术局', code: '11440300MB2C00001X' };
const UNIT_A = { name: '江南市北城区科技创新服务中心', code: '12440300MB2C00012K', project: '科技型中小企业培育服务' };
const UNIT_B = { name: '江南市北城区科学技术情报研究所', code: '12440300MB2C00023P', project: '科技情报分析报告编制' };
const OPINION = '培育企业数量目标偏低，请按上年实际完成数调高。';

let dist = '';
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
const pageErrors: string[] = [];

async function openMachine(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(server.url);
  await page.waitForSelector('.app');
  await page.waitForFunction(() => (window as unknown as { __perfDesk?: { store: { ready: boolean } } }).__perfDesk?.store.ready === true);
  return page;
}

/** Clicks a button that saves a file; returns the file as the browser wrote it. */
async function download(page: Page, selector: string): Promise<File> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), buffer: readFileSync((await file.path())!) };
}

/** Clicks a button that opens a file and hands it these bytes. */
async function choose(page: Page, selector: string, file: File): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click(selector)]);
  await chooser.setFiles({ name: file.name, mimeType: 'application/json', buffer: file.buffer });
}

async function openSection(page: Page, section: string): Promise<void> {
  await page.click('.workspace-tabs button:has-text("导出与汇总")');
  await page.click(`#exchange-nav button[data-section="${section}"]`);
}

async function openTargets(page: Page): Promise<void> {
  await page.click('.workspace-tabs button:has-text("绩效目标编制")');
  await page.waitForSelector('#project-rows');
}

const data = (page: Page) =>
  page.evaluate(async () => {
    const { repo } = (window as unknown as { __perfDesk: Handle }).__perfDesk;
    return repo.exchange.exportAll();
  });

async function createUnit(page: Page, name: string, code: string, parent: string | null): Promise<void> {
  await page.click('#new-unit');
  await page.fill('#unit-name', name);
  await page.fill('#unit-code', code);
  if (parent) await page.selectOption('#unit-parent', { label: parent });
  await page.click('#unit-save');
  await page.waitForSelector('#unit-name', { state: 'detached' });
}

/** The unit's project of the year with two indicators, written as the editor would (the drafting is not under test). */
async function draftProject(page: Page, name: string): Promise<Project> {
  return page.evaluate(async (name) => {
    const { repo, store } = (window as unknown as { __perfDesk: Handle }).__perfDesk;
    const unitId = store.units.unitId!;
    const money = { generalPublic: 120_000_000, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 0 };
    const created = await repo.projects.create({ unitId, year: store.units.year, name, funding: money });
    if (!created.ok) throw new Error(created.error);
    const id = created.value.id;
    const saved = await repo.projects.saveTargets({
      ...created.value,
      annualGoal: '全年培育科技型中小企业不少于80家。',
      indicators: [
        { id: `${id}-1`, level1: '1', level2: '11', name: '培育企业数量', direction: '≥', target: '80', unit: '家', weight: 50, core: true },
        { id: `${id}-2`, level1: '3', level2: '31', name: '企业满意度', direction: '≥', target: '90', unit: '%', weight: 40, core: false },
      ],
    });
    if (!saved.ok) throw new Error(saved.error);
    await store.reloadAll();
    return saved.value;
  }, name);
}

/** Opens the project in the editor and submits it for review. */
async function submit(page: Page, project: Project): Promise<void> {
  await openTargets(page);
  await page.click(`#project-rows li[data-project-id="${project.id}"] .row-open`);
  await page.waitForSelector('#review-bar');
  await page.fill('#review-by', '王填');
  await page.click('#review-submit');
  await page.waitForSelector('#review-bar-status:has-text("已提交")');
  expect(await page.textContent('#review-notice')).toBe('已提交审核。请导出数据包报送主管部门。');
}

/** The unit's package of the year, as 导出数据包 saves it. */
async function sendUp(page: Page, project: Project): Promise<File> {
  await openSection(page, 'package');
  await page.waitForSelector(`#package-projects td:has-text("${project.name}")`);
  return download(page, '#package-save');
}

async function importPackage(page: Page, file: File): Promise<void> {
  await openSection(page, 'import');
  await choose(page, '#import-pick', file);
  await page.waitForSelector('#import-plan');
  await page.click('#import-apply');
  await page.waitForSelector('#import-outcome');
}

async function importReviews(page: Page, file: File): Promise<string> {
  await openSection(page, 'import');
  await choose(page, '#import-pick', file);
  await page.waitForSelector('#review-import');
  const summary = (await page.textContent('#review-import-summary')) ?? '';
  await page.click('#review-import-apply');
  await page.waitForSelector('#import-outcome');
  return summary;
}

let s: Page;
let a: Page;
let b: Page;
let ids: Record<'sup' | 'a' | 'b', string>;
let projectA: Project;
let projectB: Project;
const directories: Partial<Record<'a' | 'b', File>> = {};
const packages: Partial<Record<'a' | 'b', File>> = {};
let reviews: File;

beforeAll(async () => {
  dist = buildRenderer();
  server = await serve(dist);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dist) (await import('node:fs')).rmSync(dist, { recursive: true, force: true });
});

test('the supervisor creates two units with their codes and hands each its directory', async () => {
  s = await openMachine();
  await createUnit(s, SUPERVISOR.name, SUPERVISOR.code, null);
  await createUnit(s, UNIT_A.name, UNIT_A.code, SUPERVISOR.name);
  await createUnit(s, UNIT_B.name, UNIT_B.code, SUPERVISOR.name);
  const units = (await data(s)).units;
  const idOf = (name: string) => units.find((u) => u.name === name)!.id;
  ids = { sup: idOf(SUPERVISOR.name), a: idOf(UNIT_A.name), b: idOf(UNIT_B.name) };
  expect(units.map((u) => [u.name, u.code, u.parentId]).sort()).toEqual(
    [
      [SUPERVISOR.name, SUPERVISOR.code, null],
      [UNIT_A.name, UNIT_A.code, ids.sup],
      [UNIT_B.name, UNIT_B.code, ids.sup],
    ].sort(),
  );
  await s.selectOption('#unit-select', ids.sup);

  await openSection(s, 'directory');
  await s.waitForSelector('#directory-units tbody tr:nth-child(2)');
  expect(await s.locator('#directory-units tbody td:nth-child(2)').allInnerTexts()).toEqual([UNIT_A.code, UNIT_B.code]);
  for (const key of ['a', 'b'] as const) {
    const file = await download(s, `#directory-units tr[data-unit-id="${ids[key]}"] .directory-export`);
    expect(file.name).toMatch(/^单位名录-.+-\d{8}-\d{4}\.json$/);
    const doc = JSON.parse(file.buffer.toString('utf8')) as { directory: { purpose: string; unitIds: string[] }; units: { name: string }[]; projects: unknown[] };
    expect([doc.directory.purpose, doc.directory.unitIds, doc.units.map((u) => u.name), doc.projects]).toEqual([
      'directory',
      [ids[key]],
      [SUPERVISOR.name, key === 'a' ? UNIT_A.name : UNIT_B.name],
      [],
    ]);
    directories[key] = file;
  }
  await s.waitForSelector('#directory-outcome');
  await screenshot(s, '30-directory-export.png');
});

test('each unit, on an empty first screen, imports its directory and is set up under the supervisor', async () => {
  for (const key of ['a', 'b'] as const) {
    const page = await openMachine();
    if (key === 'a') a = page;
    else b = page;
    await page.waitForSelector('#import-directory');
    await choose(page, '#import-directory', directories[key]!);
    await page.waitForSelector('#directory-import');
    const steps = await page.locator('#directory-steps tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-action'), tr.classList.contains('directory-own')]));
    expect(steps).toEqual([
      ['add', false],
      ['add', true],
    ]);
    if (key === 'a') await screenshot(page, '31-directory-import.png');
    await page.click('#directory-apply');
    await page.waitForSelector('#import-outcome');
    const name = key === 'a' ? UNIT_A.name : UNIT_B.name;
    expect(await page.textContent('#import-outcome')).toContain(`已按“${SUPERVISOR.name}”下发的名录设置本单位“${name}”`);
    // its own unit, under the supervisor's id, chosen
    expect(await page.inputValue('#unit-select')).toBe(ids[key]);
    const units = (await data(page)).units;
    expect(units.map((u) => [u.id, u.parentId, u.code]).sort()).toEqual(
      [
        [ids.sup, null, SUPERVISOR.code],
        [ids[key], ids.sup, key === 'a' ? UNIT_A.code : UNIT_B.code],
      ].sort(),
    );
  }
});

test('the units draft, submit and send their packages up; the supervisor lists both as 已提交', async () => {
  projectA = await draftProject(a, UNIT_A.project);
  projectB = await draftProject(b, UNIT_B.project);
  await submit(a, projectA);
  await submit(b, projectB);
  // the list shows the status
  expect(await a.textContent(`#project-rows li[data-project-id="${projectA.id}"] [data-review-status]`)).toBe('已提交');
  packages.a = await sendUp(a, projectA);
  packages.b = await sendUp(b, projectB);

  await importPackage(s, packages.a);
  await importPackage(s, packages.b);
  await openSection(s, 'review');
  await s.waitForSelector('#review-rows tbody tr:nth-child(2)');
  const rows = await s.locator('#review-rows tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 4).map((td) => (td.textContent ?? '').trim())));
  expect(rows.map((r) => [r[0], r[1], r[3]]).sort()).toEqual(
    [
      [UNIT_A.name, UNIT_A.project, '已提交'],
      [UNIT_B.name, UNIT_B.project, '已提交'],
    ].sort(),
  );
});

test('the supervisor returns one with an opinion on an indicator value, approves the other, sends the reviews down', async () => {
  const indicator = projectA.indicators[0];
  await s.click(`#review-rows tr[data-project-id="${projectA.id}"] .review-open`);
  await s.waitForSelector('#review-project');
  await s.click(`[data-opinion-target="${indicator.id}-target"]`);
  await s.fill('#review-opinion-text', OPINION);
  await s.click('#review-opinion-save');
  expect(await s.textContent('#review-field-opinions')).toContain(`指标“培育企业数量”的指标值：${OPINION}`);
  await s.fill('textarea[data-question="appropriateness"]', '资金规模较大，目标偏保守。');
  await s.check('input[name="review-result"][value="中"]');
  await s.fill('#review-reviewer', '李审');
  expect(await s.textContent('#review-save')).toBe('退回单位修改');
  await screenshot(s, '32-review.png');
  await s.click('#review-save');
  await s.waitForSelector('#review-outcome');
  expect(await s.textContent('#review-outcome')).toBe(`“${UNIT_A.project}”审核结果为“中”，已退回单位修改。`);
  expect(await s.textContent('#review-status')).toBe('已退回');

  await s.click('#review-back');
  await s.click(`#review-rows tr[data-project-id="${projectB.id}"] .review-open`);
  await s.waitForSelector('#review-save:has-text("审核通过")');
  await s.click('#review-save');
  await s.waitForSelector('#review-outcome:has-text("已审核通过")');
  await s.click('#review-back');
  await s.selectOption('#review-filter', 'all');
  reviews = await download(s, '#review-export-all');
  expect(reviews.name).toMatch(/^审核意见-.+-\d{4}-\d{8}-\d{4}\.json$/);
});

test('the unit sees the opinion at that field, fixes it, answers and submits again', async () => {
  expect(await importReviews(a, reviews)).toBe('1 个项目有新的审核意见');
  await openTargets(a);
  expect(await a.textContent(`#project-rows li[data-project-id="${projectA.id}"] [data-review-status]`)).toBe('已退回');
  await a.click(`#project-rows li[data-project-id="${projectA.id}"] .row-open`);
  const indicator = projectA.indicators[0];
  const mark = a.locator(`.opinion-mark[data-opinion-field="${indicator.id}.target"]`);
  await mark.waitFor();
  expect(await mark.getAttribute('title')).toBe(`审核意见：${OPINION}`);
  // the mark sits in the cell of the 指标值 box
  expect(await mark.evaluate((el, id) => el.closest('td')?.querySelector(`#${CSS.escape(id)}`) !== null, `ind-${indicator.id}-target`)).toBe(true);
  expect(await a.textContent('#review-opinions')).toContain(`指标“培育企业数量”的指标值：${OPINION}`);
  expect(await a.textContent('#review-bar-status')).toBe('已退回');
  await mark.scrollIntoViewIfNeeded();
  await screenshot(a, '33-review-opinion-unit.png');

  await a.fill(`#ind-${indicator.id}-target`, '120');
  await a.press(`#ind-${indicator.id}-target`, 'Tab');
  await a.waitForFunction(
    (id) => {
      const { store } = (window as unknown as { __perfDesk: Handle }).__perfDesk;
      return store.draft.autosaver.state === 'saved' && store.draft.project?.indicators.find((i) => i.id === id)?.target === '120';
    },
    indicator.id,
  );
  await a.fill('#review-opinions li.open textarea', '已按上年实际调高至120家。');
  await a.click('#review-opinions li.open .answer-opinion');
  await a.waitForSelector('#review-opinions li.answered');
  expect(await a.textContent('#review-opinions')).toContain('已答复：已按上年实际调高至120家。（王填');
  await a.click('#review-submit');
  await a.waitForSelector('#review-bar-status:has-text("已提交")');
  packages.a = await sendUp(a, projectA);
});

test('the supervisor approves the changed targets; the project is then locked for the unit', async () => {
  await importPackage(s, packages.a!);
  await openSection(s, 'review');
  await s.selectOption('#review-filter', 'submitted');
  await s.click(`#review-rows tr[data-project-id="${projectA.id}"] .review-open`);
  await s.waitForSelector('#review-project');
  expect(await s.textContent(`#review-indicators tr[data-indicator-id="${projectA.indicators[0].id}"] td[data-field="target"] .review-value`)).toBe('120');
  expect(await s.textContent('#review-history')).toContain('已答复：已按上年实际调高至120家。');
  await s.check('input[name="review-result"][value="优"]');
  await s.click('#review-save');
  await s.waitForSelector('#review-outcome:has-text("已审核通过")');
  reviews = await download(s, '#review-export-unit');

  expect(await importReviews(a, reviews)).toBe('1 个项目有新的审核意见');
  await openTargets(a);
  await a.click(`#project-rows li[data-project-id="${projectA.id}"] .row-open`);
  await a.waitForSelector('#review-bar-status:has-text("审核通过")');
  expect(await a.textContent('#review-lock')).toBe('项目已审核通过，绩效目标已锁定，不能修改；如需修改，请主管部门重新打开审核。');
  expect(await a.isDisabled(`#ind-${projectA.indicators[0].id}-target`)).toBe(true);
  expect(await a.isDisabled('#project-annualGoal')).toBe(true);
  expect(await a.locator('#review-submit').count()).toBe(0);
  await screenshot(a, '34-review-locked.png');
  const stored = (await data(a)).projects.find((p) => p.id === projectA.id)!;
  expect([stored.indicators[0].target, stored.review?.rounds.map((r) => r.result)]).toEqual(['120', ['中', '优']]);
});

test('F10 审核意见表 of the supervisor is exported and read back', async () => {
  await openSection(s, 'export');
  await s.selectOption('#export-form', 'F10');
  await s.check('input[name="export-scope"][value="supervisor"]');
  await s.check('input[name="export-format"][value="xlsx"]');
  const file = await download(s, '#export-run');
  expect(file.name).toMatch(/审核意见表.*\.xlsx$/);
  const texts: string[] = [];
  for (let sheet = 0; sheet < 2; sheet++) {
    const x = await readXlsx(file.buffer, sheet);
    for (let r = 1; r <= 30; r++) for (let c = 1; c <= 6; c++) texts.push(x.text(r, c));
  }
  // one table per reviewed project, its latest round: A's second (优), B's first (优)
  expect(texts.filter((t) => t !== '')).toEqual(expect.arrayContaining(['绩效目标审核意见表（草稿）', UNIT_A.project, UNIT_B.project, '第 2 轮', '第 1 轮', '优', '李审', UNIT_A.name, UNIT_B.name]));
  expect(texts.filter((t) => t === SUPERVISOR.name).length).toBeGreaterThanOrEqual(2);
  expect(pageErrors).toEqual([]);
});
