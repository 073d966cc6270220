// End to end, in headless Chromium: the guided authoring of performance targets (issue #3).
// The tests run in order on one page, each continuing from the state the previous one left.
import type { Locator, Page } from 'playwright-core';
import { openApp, screenshot, type Session } from './harness';

jest.setTimeout(120_000);

let s: Session;
let page: Page;
let year: number;

const shot = (name: string) => screenshot(page, name);
const problem = (code: string) => page.locator(`#check-panel button[data-code="${code}"]`);
const rowsOf = (level2: string): Locator => page.locator(`tr.indicator-row[data-level2="${level2}"]`);
const field = (row: Locator, name: string) => row.locator(`[id$="-${name}"]`);
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

/** Picks a 二级 under a 一级; the new row's name box gets the focus (waited for, as a user waits for the caret). */
async function addLevel2(level1: string, level2: string): Promise<Locator> {
  const before = await rowsOf(level2).count();
  await page.selectOption(`tbody[data-level1="${level1}"] select.add-level2`, level2);
  const row = rowsOf(level2).nth(before);
  await page.waitForFunction((id) => document.activeElement?.id === id, await field(row, 'name').getAttribute('id'));
  return row;
}

/** One field's values down the indicator rows, read as a user reads them: with the table scrolled into view (rows far
 * from the screen draw only the outline of their boxes). */
async function indicatorValues(field: string): Promise<string[]> {
  await page.locator('#section-indicators').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('tr.indicator-row.outline') === null);
  return page.locator(`tr.indicator-row [id$="-${field}"]`).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
}

async function waitSaved(): Promise<void> {
  await page.waitForSelector('#save-mark[data-state="saved"]');
}

beforeAll(async () => {
  s = await openApp();
  page = s.page;
  await page.waitForSelector('.app');
});

afterAll(async () => {
  await s?.close();
});

test('creates a 主管部门 and a unit under it, then renames the unit', async () => {
  await page.click('#new-unit');
  await page.fill('#unit-name', '深圳市龙岗区委统一战线工作部');
  await page.click('#unit-save');
  await page.waitForSelector('.dialog', { state: 'detached' });

  await page.click('#new-unit');
  await page.fill('#unit-name', '龙岗区工商联');
  await page.selectOption('#unit-parent', { label: '深圳市龙岗区委统一战线工作部' });
  await page.selectOption('#unit-scheme', 'A-2015');
  await page.click('#unit-save');
  await page.waitForSelector('.dialog', { state: 'detached' });
  expect(await page.locator('#unit-select option:checked').innerText()).toContain('龙岗区工商联');

  await page.click('#edit-unit');
  await page.fill('#unit-name', '深圳市龙岗区工商业联合会');
  await page.fill('#unit-short-name', '区工商联');
  await shot('06-unit-settings.png');
  await page.click('#unit-save');
  await page.waitForSelector('.dialog', { state: 'detached' });
  // listed under its 主管部门, indented
  const options = await page.locator('#unit-select option').allInnerTexts();
  expect(options).toEqual(['深圳市龙岗区委统一战线工作部', '\u3000深圳市龙岗区工商业联合会']);
  year = Number(await page.inputValue('#year-select'));
});

test('creates a project with indicators under 产出, 效益 and 满意度 while the check panel follows', async () => {
  await page.click('#new-project');
  await page.waitForSelector('#project-editor');
  await page.fill('#project-name', '会员企业培训项目');
  await page.fill('#project-funding-generalPublic', '12.5');
  await page.fill('#project-funding-other', '2');
  expect(await page.textContent('#sum-fiscal')).toBe('12.50');
  expect(await page.textContent('#sum-total')).toBe('14.50');
  await page.fill('#project-annualGoal', '开展会员企业培训，提升民营企业经营管理水平。');

  // no 产出 and no 效益 yet: both are errors
  await problem('outputIndicatorRequired').waitFor();
  await problem('benefitIndicatorRequired').waitFor();

  // 产出 → 数量指标: the new row has the focus; "≥240人" in one box fills 指标性质, 指标值 and 计量单位
  const first = await addLevel2('1', '11');
  expect(await focusedId()).toMatch(/-name$/);
  await page.keyboard.type('培训人数');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('≥240人');
  await page.keyboard.press('Tab');
  expect(await field(first, 'direction').inputValue()).toBe('≥');
  expect(await field(first, 'target').inputValue()).toBe('240');
  expect(await field(first, 'unit').inputValue()).toBe('人');
  await problem('outputIndicatorRequired').waitFor({ state: 'detached' });

  // Enter adds the next row under the same 二级 and moves there
  await page.keyboard.press('Enter');
  expect(await rowsOf('11').count()).toBe(2);
  await page.waitForFunction((id) => document.activeElement?.id === id, await field(rowsOf('11').nth(1), 'name').getAttribute('id'));
  await page.keyboard.type('培训班期数');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('4期');
  await page.keyboard.press('Tab');
  const second = rowsOf('11').nth(1);
  expect(await field(second, 'direction').inputValue()).toBe('=');
  expect(await field(second, 'unit').inputValue()).toBe('期');

  // 效益 → 社会效益指标: the error about 效益 goes away; an empty name is an error of its own, and a click on it jumps there
  const benefit = await addLevel2('2', '22');
  await problem('benefitIndicatorRequired').waitFor({ state: 'detached' });
  await problem('indicatorNameEmpty').waitFor();
  await page.locator('#project-overview').focus();
  await problem('indicatorNameEmpty').first().click();
  expect(await focusedId()).toBe(await field(benefit, 'name').getAttribute('id'));
  await page.keyboard.type('会员企业经营管理能力');
  await problem('indicatorNameEmpty').waitFor({ state: 'detached' });
  // words without a number make the indicator 定性
  await field(benefit, 'target').fill('持续提升');
  await page.keyboard.press('Tab');
  expect(await field(benefit, 'direction').inputValue()).toBe('定性');

  // 满意度
  const satisfaction = await addLevel2('3', '31');
  await page.keyboard.type('参训学员满意度');
  await field(satisfaction, 'target').fill('≥90%');
  await page.keyboard.press('Tab');
  expect(await field(satisfaction, 'unit').inputValue()).toBe('%');

  // a 定量 target that is not a number is an error until corrected
  await field(second, 'target').fill('四');
  await problem('targetNotNumeric').waitFor();
  expect(await field(second, 'target').getAttribute('aria-invalid')).toBe('true');
  await field(second, 'target').fill('4');
  await problem('targetNotNumeric').waitFor({ state: 'detached' });

  expect(await page.locator('#check-panel .count.error').innerText()).toBe('错误 0');
  await waitSaved();
  expect(await page.locator('#project-rows li').first().locator('.badge').innerText()).toBe('已完成');
  await shot('02-project-editor.png');
});

test('finds everything as it was after a reload, even one right after typing', async () => {
  await page.fill('#project-periodGoal', '三年内培训会员企业负责人不少于720人次。');
  await page.fill('#project-basis', '《龙岗区工商联会员服务工作规则》');
  await page.reload(); // no waiting for the autosave: the pagehide flush must keep it
  await page.waitForSelector('#project-editor');
  expect(await page.inputValue('#project-name')).toBe('会员企业培训项目');
  expect(await page.inputValue('#project-periodGoal')).toBe('三年内培训会员企业负责人不少于720人次。');
  expect(await page.inputValue('#project-basis')).toBe('《龙岗区工商联会员服务工作规则》');
  expect(await page.inputValue('#project-funding-generalPublic')).toBe('12.50');
  expect(await page.textContent('#sum-total')).toBe('14.50');
  expect(await indicatorValues('name')).toEqual(['培训人数', '培训班期数', '会员企业经营管理能力', '参训学员满意度']);
  expect(await indicatorValues('target')).toEqual(['240', '4', '持续提升', '90']);
  expect(await page.locator('#unit-select option:checked').innerText()).toContain('深圳市龙岗区工商业联合会');
});

test('keeps a range typed as "大于7-8次" (>, 7-8, 次) through a reload', async () => {
  const row = rowsOf('11').nth(1);
  await field(row, 'target').fill('大于7-8次');
  await page.keyboard.press('Tab');
  const shown = async () => [await field(row, 'direction').inputValue(), await field(row, 'target').inputValue(), await field(row, 'unit').inputValue()];
  expect(await shown()).toEqual(['>', '7-8', '次']);
  await page.reload();
  await page.waitForSelector('#project-editor');
  expect(await shown()).toEqual(['>', '7-8', '次']);
  // back to "4期" for the tests that follow: one value clears the range
  await field(row, 'target').fill('4期');
  await page.keyboard.press('Tab');
  expect(await shown()).toEqual(['=', '4', '期']);
});

test('suggests 三级 indicators from the library for the chosen 二级 and fills the row with the pick', async () => {
  const row = await addLevel2('1', '12');
  await page.waitForSelector('#library-panel .suggestions button');
  const names = await page.locator('#library-panel .s-name').allInnerTexts();
  // ranked by the words (character pairs) shared with “会员企业培训项目”: 会员, 员企, 企业, 培训 …
  const scores = (await page.locator('#library-panel .suggestions button').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-score')))));
  expect(scores[0]).toBeGreaterThanOrEqual(2);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  expect(names).toContain('集中培训合格率');
  // only 质量指标 are offered here: nothing of 数量, 效益 or 满意度
  expect(names).not.toContain('培训人数');
  await shot('03-indicator-library.png');
  await page.locator('#library-panel .suggestions button').filter({ has: page.locator('.s-name', { hasText: /^集中培训合格率$/ }) }).click();
  expect(await field(row, 'name').inputValue()).toBe('集中培训合格率');
  expect(await field(row, 'direction').inputValue()).toBe('≥');
  expect(await field(row, 'target').inputValue()).toBe('95');
  expect(await field(row, 'unit').inputValue()).toBe('%');
});

test('shows weight totals per 一级 and overall as they are typed', async () => {
  const weights: [string, number, string][] = [
    ['11', 0, '20'],
    ['11', 1, '15'],
    ['12', 0, '15'],
    ['22', 0, '30'],
    ['31', 0, '10'],
  ];
  await field(rowsOf('11').first(), 'weight').fill('20');
  await problem('weightMissing').first().waitFor();
  for (const [level2, i, w] of weights) await field(rowsOf(level2).nth(i), 'weight').fill(w);
  expect(await page.textContent('#weight-total')).toBe('权重合计 90');
  expect(await page.textContent('[data-weight-of="1"]')).toBe('权重 50 / 50');
  expect(await page.textContent('[data-weight-of="2"]')).toBe('权重 30 / 30');
  await problem('weightMissing').waitFor({ state: 'detached' });
  await waitSaved();
});

test('offers to scale weights of 100 by 0.9 in the check panel; one click, and Ctrl+Z puts them back', async () => {
  await field(rowsOf('31').first(), 'weight').fill('20');
  await problem('weightSumHundred').waitFor();
  expect(await page.textContent('#weight-total')).toBe('权重合计 100');
  await page.click('#weight-offer');
  await problem('weightSumHundred').waitFor({ state: 'detached' });
  expect(await page.textContent('#weight-total')).toBe('权重合计 90');
  expect(await indicatorValues('weight')).toEqual(['18', '13.5', '13.5', '27', '18']);
  expect(await page.textContent('#notice')).toContain('已将全部指标权重按 0.9 折算。');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelector('#weight-total')?.textContent === '权重合计 100');
  expect(await indicatorValues('weight')).toEqual(['20', '15', '15', '30', '20']);
  await field(rowsOf('31').first(), 'weight').fill('10');
  await problem('weightSumHundred').waitFor({ state: 'detached' });
  await waitSaved();
});

test('marks the 预算执行率 row in the active row\'s details, which settles the advice against it', async () => {
  const row = await addLevel2('1', '14');
  await field(row, 'name').fill('预算执行率');
  await problem('executionIndicator').waitFor();
  const id = await row.getAttribute('data-indicator-id');
  const box = page.locator(`#ind-${id}-execution`);
  // taken as the 预算执行率 row by its name, until the user says otherwise
  expect(await box.isChecked()).toBe(true);
  expect(await page.locator(`tr.indicator-details[data-details-of="${id}"] label`).getAttribute('title')).toContain('计 10 分');
  await box.click();
  expect(await box.isChecked()).toBe(false);
  await box.click();
  await problem('executionIndicator').waitFor({ state: 'detached' });
  await row.locator('button.danger').click();
  await page.waitForFunction(() => document.querySelectorAll('tr.indicator-row[data-level2="14"]').length === 0);
  await waitSaved();
});

test('deletes an indicator row and takes it back with Ctrl+Z', async () => {
  const before = await rowsOf('11').count();
  await rowsOf('11').nth(1).locator('button.danger').click();
  expect(await rowsOf('11').count()).toBe(before - 1);
  expect(await page.textContent('#notice')).toContain('已删除指标“培训班期数”');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelectorAll('tr.indicator-row[data-level2="11"]').length === 2);
  expect(await field(rowsOf('11').nth(1), 'name').inputValue()).toBe('培训班期数');
});

test('lists projects with search, status filter and totals; duplicates, deletes and undoes', async () => {
  await page.click('#duplicate-project');
  await page.waitForFunction(() => (document.getElementById('project-name') as HTMLInputElement | null)?.value === '会员企业培训项目（副本）');
  expect(await page.locator('#project-rows li').count()).toBe(2);
  expect(await page.textContent('#list-totals')).toContain('总额 29.00');

  await page.fill('#project-search', '副本');
  expect(await page.locator('#project-rows li').count()).toBe(1);
  await page.fill('#project-search', '');
  await page.selectOption('#status-filter', 'draft');
  expect(await page.locator('#project-rows li').count()).toBe(0);
  await page.selectOption('#status-filter', 'complete');
  expect(await page.locator('#project-rows li').count()).toBe(2);
  await page.selectOption('#status-filter', 'all');

  await page.click('#delete-project');
  await page.waitForFunction(() => document.querySelectorAll('#project-rows li').length === 1);
  expect(await page.textContent('#notice')).toContain('已删除“会员企业培训项目（副本）”');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelectorAll('#project-rows li').length === 2);

  // a third project, still a draft, for the list screenshot
  await page.click('#new-project');
  await page.waitForSelector('#project-editor');
  await page.fill('#project-name', '非公党建工作经费');
  await page.fill('#project-funding-generalPublic', '196');
  await page.fill('#project-annualGoal', '推动非公企业应建尽建党组织。');
  await addLevel2('1', '11');
  await page.keyboard.type('推动非公企业应建尽建党组织');
  await waitSaved();
  await page.waitForFunction(() => document.querySelectorAll('#project-rows li').length === 3);
  expect(await page.locator('#project-rows li', { hasText: '非公党建工作经费' }).locator('.badge').innerText()).toBe('待完善');
  expect(await page.textContent('#list-totals')).toContain('总额 225.00');
  await shot('01-project-list.png');
});

test('copies a project into the next year', async () => {
  await page.locator('#project-rows li', { hasText: /^会员企业培训项目\s*已完成/ }).locator('input[type=checkbox]').check();
  await page.click('#copy-selected');
  await page.waitForSelector('#notice');
  expect(await page.textContent('#notice')).toContain(`已复制 1 个项目到${year + 1}年度`);

  await page.selectOption('#year-select', String(year + 1));
  await page.waitForFunction(() => document.querySelectorAll('#project-rows li').length === 1);
  await page.locator('#project-rows li .row-open').click();
  await page.waitForSelector('#project-editor');
  expect(await page.inputValue('#project-name')).toBe('会员企业培训项目');
  expect(await indicatorValues('name')).toEqual(['培训人数', '培训班期数', '集中培训合格率', '会员企业经营管理能力', '参训学员满意度']);
  expect(await page.textContent('#weight-total')).toBe('权重合计 90');
  await page.selectOption('#year-select', String(year));
  await page.waitForFunction(() => document.querySelectorAll('#project-rows li').length === 3);
});

test('edits the department plan: tasks with amounts, the overall goal and indicators', async () => {
  await page.click('#open-plan');
  await page.click('#create-plan');
  await page.waitForFunction(() => document.activeElement?.id.endsWith('-name') === true);
  await page.keyboard.type('基本支出');
  await page.keyboard.press('Tab');
  await page.keyboard.type('人员、公用及对个人和家庭补助支出');
  await page.keyboard.press('Tab');
  await page.keyboard.type('927');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.task-table tbody tr').length === 2 && document.activeElement?.id.endsWith('-name') === true);
  await page.keyboard.type('党建事务');
  await page.keyboard.press('Tab');
  await page.keyboard.type('非公党务干部补贴、园区党建工作经费');
  await page.keyboard.press('Tab');
  await page.keyboard.type('196');
  expect(await page.textContent('#plan-sum-total')).toBe('1123.00');
  await page.fill('#plan-overallGoal', '全力推进非公企业党建工作，推动全区工商联组织建设水平迈上新台阶。');
  await addLevel2('1', '11');
  await page.keyboard.type('培训人数');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('≥240人');
  await page.keyboard.press('Tab');
  await addLevel2('2', '21');
  await page.keyboard.type('避险增效');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('财政资金零损失');
  await page.keyboard.press('Tab');
  await waitSaved();
  await shot('05-department-plan.png');

  await page.reload();
  await page.waitForSelector('#plan-editor');
  expect(await page.textContent('#plan-sum-total')).toBe('1123.00');
  expect(await page.locator('tr.indicator-row').count()).toBe(2);
});

test('shows the check panel with errors and warnings apart', async () => {
  await page.locator('#project-rows li .row-open', { hasText: '非公党建工作经费' }).click();
  await page.waitForSelector('#project-editor');
  await problem('benefitIndicatorRequired').waitFor();
  expect(await page.locator('#check-panel .problems.error li').count()).toBeGreaterThan(0);
  expect(await page.locator('#check-panel .problems.warning li').count()).toBeGreaterThan(0);
  await shot('04-check-panel.png');
  expect(s.errors).toEqual([]);
});

test('deletes an empty unit from its settings, and refuses one that holds projects without asking', async () => {
  await page.click('#new-unit');
  await page.fill('#unit-name', '临时工作组');
  await page.selectOption('#unit-parent', { label: '\u3000深圳市龙岗区工商业联合会' });
  await page.click('#unit-save');
  await page.waitForSelector('.dialog', { state: 'detached' });
  expect(await page.locator('#unit-select option:checked').innerText()).toContain('临时工作组');

  await page.click('#edit-unit');
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.accept();
  });
  await page.click('#unit-delete');
  await page.waitForSelector('.dialog', { state: 'detached' });
  expect(asked).toContain('删除单位“临时工作组”');
  // gone from the picker, which is back on its 主管部门
  expect(await page.locator('#unit-select option').allInnerTexts()).toEqual(['深圳市龙岗区委统一战线工作部', '\u3000深圳市龙岗区工商业联合会']);
  expect(await page.locator('#unit-select option:checked').innerText()).toContain('深圳市龙岗区工商业联合会');

  // a unit with projects and a plan: the dialog says why, and no confirmation is asked
  const dialogs: string[] = [];
  const onDialog = (d: { message(): string; dismiss(): Promise<void> }) => {
    dialogs.push(d.message());
    void d.dismiss();
  };
  page.on('dialog', onDialog);
  await page.click('#edit-unit');
  await page.click('#unit-delete');
  expect(await page.locator('.dialog .refusal').innerText()).toBe(
    `该单位下还有 4 个项目（${year}—${year + 1}年度）和 1 份部门整体支出绩效目标（${year}年度），不能删除。请先删除或移走这些数据。`,
  );
  page.off('dialog', onDialog);
  expect(dialogs).toEqual([]);
  await page.click('.dialog button:has-text("取消")');
  await page.waitForSelector('.dialog', { state: 'detached' });
  expect(await page.locator('#unit-select option').count()).toBe(2);
  expect(s.errors).toEqual([]);
});
