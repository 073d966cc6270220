// End to end, in headless Chromium: two tabs of one browser on the same database edit one project (issue #14). Before,
// the tab still showing the old record wrote it back over the other's work and both said 已保存. Now a tab with nothing
// unsaved shows what the other saved; a tab with unsaved edits is refused, is shown the other's changes beside its own
// text, and stores the fields as chosen. The tests run in order on the same two tabs.
import type { Page } from 'playwright-core';
import { openApp, type Session } from './harness';

jest.setTimeout(120_000);

let s: Session;
let a: Page;
let b: Page;
let projectId = '';
let otherId = '';

interface Handle {
  repo: {
    units: { create(u: object): Promise<{ ok: boolean; value: { id: string } }> };
    projects: {
      create(p: object): Promise<{ ok: boolean; value: { id: string } }>;
      get(id: string): Promise<Record<string, unknown> | undefined>;
    };
    settings: { set(key: string, value: unknown): Promise<void> };
  };
}

/** The project as stored, read in the page. */
const stored = (page: Page, id: string) =>
  page.evaluate(async (id) => (await (window as unknown as { __perfDesk: Handle }).__perfDesk.repo.projects.get(id)) ?? null, id);

async function openProject(page: Page, id: string): Promise<void> {
  await page.click(`#project-rows li[data-project-id="${id}"] .row-open`);
  await page.waitForSelector(`#project-rows li.current[data-project-id="${id}"]`);
  await page.waitForFunction((id) => (window as unknown as { __perfDesk: { store: { draft: { projectId: string | null } } } }).__perfDesk.store.draft.projectId === id, id);
  await page.waitForSelector('#project-editor');
}

/** Types into a box and leaves it, as a user does. */
async function type(page: Page, id: string, text: string): Promise<void> {
  await page.fill(`#${id}`, text);
  await page.press(`#${id}`, 'Tab');
}

const value = (page: Page, id: string) => page.inputValue(`#${id}`);
const saved = (page: Page) => page.waitForSelector('#save-mark[data-state="saved"]');

beforeAll(async () => {
  s = await openApp();
  a = s.page;
  await a.waitForSelector('.app');
  [projectId, otherId] = await a.evaluate(async () => {
    const { repo } = (window as unknown as { __perfDesk: Handle }).__perfDesk;
    const unit = await repo.units.create({ name: '深圳市龙岗区工商业联合会', schemeId: 'A-2015' });
    const made = [];
    for (const name of ['会员企业培训项目', '非公党建工作经费']) made.push((await repo.projects.create({ unitId: unit.value.id, year: 2025, name })).value.id);
    await repo.settings.set('ui.unitId', unit.value.id);
    await repo.settings.set('ui.year', 2025);
    return made;
  });
  await a.reload();
  b = await s.context.newPage();
  await b.goto(s.url);
  for (const page of [a, b]) {
    await page.waitForSelector(`#project-rows li[data-project-id="${projectId}"]`);
    await openProject(page, projectId);
  }
});

afterAll(async () => {
  await s?.close();
});

test('the issue’s steps: tab B, showing the old record, takes tab A’s save before its own edit, and nothing is lost', async () => {
  await type(a, 'project-basis', '《龙岗区商会培训管理办法》');
  await type(a, 'project-competentDepartment', '区委统战部');
  await saved(a);
  // B had nothing unsaved: it shows the stored record
  await b.waitForFunction(() => (document.getElementById('project-basis') as HTMLTextAreaElement | null)?.value === '《龙岗区商会培训管理办法》');
  expect(await value(b, 'project-competentDepartment')).toBe('区委统战部');

  await type(b, 'project-annualGoal', '全年培训会员企业 600 人次');
  await saved(b);
  expect(await b.locator('#conflict-dialog').count()).toBe(0);
  expect(await stored(a, projectId)).toMatchObject({
    basis: '《龙岗区商会培训管理办法》',
    competentDepartment: '区委统战部',
    annualGoal: '全年培训会员企业 600 人次',
  });
  // A's work survives a reload of A
  await a.reload();
  await openProject(a, projectId);
  expect([await value(a, 'project-basis'), await value(a, 'project-competentDepartment'), await value(a, 'project-annualGoal')]).toEqual([
    '《龙岗区商会培训管理办法》',
    '区委统战部',
    '全年培训会员企业 600 人次',
  ]);
});

test('both tabs edit at once: the later save is refused, shows the other’s change beside its own text, and stores the fields as chosen', async () => {
  // A's edits start its save first; B types while A's save is on its way
  await type(a, 'project-basis', 'A：《商会章程》');
  await type(a, 'project-overview', 'A：面向会员企业的培训');
  await type(b, 'project-basis', 'B：《会员服务规则》');
  await type(b, 'project-periodGoal', 'B：三年培训 1800 人次');
  await saved(a);

  const dialog = b.locator('#conflict-dialog');
  await dialog.waitFor();
  expect(await dialog.locator('h2').innerText()).toBe('项目“会员企业培训项目”已在另一个窗口中修改');
  const rows = await dialog.locator('tr.conflict-row').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td.conflict-value')].map((c) => (c as HTMLElement).innerText.trim())),
  );
  expect(rows).toEqual([
    ['项目概况', 'A：面向会员企业的培训', '（空） （我未改动）'],
    ['立项依据', 'A：《商会章程》', 'B：《会员服务规则》'],
  ]);
  // B's own text is still in its boxes while it chooses
  expect(await value(b, 'project-basis')).toBe('B：《会员服务规则》');
  expect(await value(b, 'project-periodGoal')).toBe('B：三年培训 1800 人次');

  // keep B's 立项依据, take A's 项目概况 (the default for a field B did not touch)
  await dialog.locator('tr[data-key="basis"] input[value="mine"]').check();
  expect(await dialog.locator('tr[data-key="overview"] input[value="theirs"]').isChecked()).toBe(true);
  await b.click('#conflict-apply');
  await dialog.waitFor({ state: 'detached' });
  await saved(b);

  const expected = { basis: 'B：《会员服务规则》', overview: 'A：面向会员企业的培训', periodGoal: 'B：三年培训 1800 人次', competentDepartment: '区委统战部' };
  expect(await stored(b, projectId)).toMatchObject(expected);
  // B shows the merge it stored; A, with nothing unsaved, is brought up to date
  expect(await value(b, 'project-overview')).toBe(expected.overview);
  await a.waitForFunction((t) => (document.getElementById('project-basis') as HTMLTextAreaElement | null)?.value === t, expected.basis);
  expect(await value(a, 'project-periodGoal')).toBe(expected.periodGoal);
});

test('全部采用对方 takes every field the other tab changed and keeps the rest of this tab’s edits', async () => {
  await type(b, 'project-basis', 'B：第二稿');
  await type(a, 'project-basis', 'A：第二稿');
  await type(a, 'project-annualGoal', 'A：全年培训 700 人次');
  await saved(b);
  const dialog = a.locator('#conflict-dialog');
  await dialog.waitFor();
  await a.click('#conflict-all-theirs');
  await dialog.waitFor({ state: 'detached' });
  await saved(a);
  expect(await stored(a, projectId)).toMatchObject({ basis: 'B：第二稿', annualGoal: 'A：全年培训 700 人次' });
  expect(await value(a, 'project-basis')).toBe('B：第二稿');
});

test('a tab refreshes a record it was not editing: the list shows the other tab’s new project name', async () => {
  await openProject(b, otherId);
  await type(b, 'project-name', '非公经济人士党建工作经费');
  await saved(b);
  await a.waitForSelector(`#project-rows li[data-project-id="${otherId}"] .row-name:has-text("非公经济人士党建工作经费")`);
  // and the editor showing it, opened later, reads the stored record
  await openProject(a, otherId);
  expect(await value(a, 'project-name')).toBe('非公经济人士党建工作经费');
  expect(s.errors).toEqual([]);
});
