// End to end, in headless Chromium: the year-end self-assessment (issue #4). The year-end data of the second project
// of longgang-2019-project-self-evaluation.txt (其他一般管理事务: 23.44 万元 budget, 21.49 万元 spent) is typed into
// the form; the rate, the scores the rules of domain.md §5 give, the deviation note, the lock and a reload are checked.
// The tests run in order on one page, each continuing from the state the previous one left.
import type { Locator, Page } from 'playwright-core';
import type { Repository } from '../../renderer/db/repository';
import type { RootStore } from '../../renderer/stores/root-store';
import type { Indicator } from '../../shared/model';
import { openApp, screenshot, type Session } from './harness';

jest.setTimeout(120_000);

let s: Session;
let page: Page;
let projectId: string;

type Hook = { repo: Repository; store: RootStore };

const shot = (name: string) => screenshot(page, name);
const row = (name: string): Locator => page.locator(`tr.result-row[data-name="${name}"]`);
const detail = (name: string): Locator => row(name).locator('xpath=following-sibling::tr[1]');
const scoreOf = async (name: string) => (await row(name).locator('.r-score').innerText()).trim();
const explanationOf = async (name: string) => (await detail(name).locator('.r-explanation').innerText()).trim();

async function waitSaved(): Promise<void> {
  await page.waitForSelector('#sa-save-mark[data-state="saved"]');
}

async function openAssessmentTab(): Promise<void> {
  await page.click('.workspace-tabs button:has-text("绩效自评")');
  await page.waitForSelector('#assessment-workspace');
}

const ind = (id: string, level2: string, name: string, direction: Indicator['direction'], target: string, unit: string, weight: number | null): Indicator => ({
  id,
  level1: level2[0],
  level2,
  name,
  direction,
  target,
  unit,
  weight,
  core: false,
});

/**
 * Weights of 其他一般管理事务 (the reference form carries none; these follow the scheme's split 产出 50 / 效益 30 /
 * 满意度 10, so 90 points beside the 10 of the execution rate).
 */
const INDICATORS: Indicator[] = [
  ind('i-qty', '11', '购买人力资源服务人数', '=', '1', '人', 15),
  ind('i-quality', '12', '文书档案装订编目合格率', '≥', '100', '%', 15),
  ind('i-time', '13', '文书档案整理时间', '≤', '90', '天', 20),
  ind('i-cost', '21', '文书档案整理成本', '≤', '4.11', '万元', 10),
  ind('i-social', '22', '促进信息化、系统化管理', '定性', '促进信息化、系统化管理', '', 10),
  ind('i-eco', '23', '档案信息化建设标准化', '定性', '档案信息化建设标准化', '', 10),
  ind('i-sat', '31', '工作人员满意度', '≥', '99', '%', 10),
];

beforeAll(async () => {
  s = await openApp();
  page = s.page;
  await page.waitForSelector('.app');
});

afterAll(async () => {
  await s?.close();
});

test('seeds the unit with three 2019 projects and a department plan, and opens 绩效自评', async () => {
  projectId = await page.evaluate(async (indicators) => {
    const { repo, store } = (window as unknown as { __perfDesk: Hook }).__perfDesk;
    const must = <T,>(r: { ok: true; value: T } | { ok: false; error: string }): T => {
      if (!r.ok) throw new Error(r.error);
      return r.value;
    };
    const W = 1_000_000;
    const zero = { generalPublic: 0, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 0 };
    const unit = must(await repo.units.create({ name: '深圳市龙岗区工商业联合会', shortName: '区工商联' }));
    const main = must(
      await repo.projects.create({
        unitId: unit.id,
        year: 2019,
        name: '其他一般管理事务',
        annualGoal: '满足组织当前及未来发展的需要,保证组织目标实现与成员发展的最大化。',
        funding: { ...zero, generalPublic: 23.44 * W },
        indicators,
      }),
    );
    // 办公设备购置 is finished already: 3.79 of 3.80 spent, its one indicator met
    const office = must(
      await repo.projects.create({
        unitId: unit.id,
        year: 2019,
        name: '办公设备购置',
        annualGoal: '有效合理配备办公设备，改善工作环境。',
        funding: { ...zero, generalPublic: 3.8 * W },
        indicators: [{ id: 'o-1', level1: '1', level2: '11', name: '购置电脑', direction: '≥', target: '3', unit: '台', weight: 90, core: false }],
      }),
    );
    must(
      await repo.projects.save({
        ...office,
        selfAssessment: {
          budgetInitial: { ...zero, generalPublic: 3.8 * W },
          budgetAdjusted: { ...zero, generalPublic: 3.8 * W },
          spent: { ...zero, generalPublic: 3.79 * W },
          overallResult: '完成了本年度的办公设备及办公家具的采购工作。',
          results: [{ indicatorId: 'o-1', actual: '3' }],
          problems: '无',
          rectification: '无',
          status: 'done',
          completedAt: '2020-01-08T02:00:00.000Z',
        },
      }),
    );
    must(await repo.projects.create({ unitId: unit.id, year: 2019, name: '党建事务', funding: { ...zero, generalPublic: 267.1 * W } }));
    must(
      await repo.plans.save({
        id: 'plan-2019',
        unitId: unit.id,
        year: 2019,
        tasks: [
          { id: 't-party', name: '党建工作', content: '非公党建、党员教育', funding: { ...zero, generalPublic: 369.66 * W } },
          { id: 't-chamber', name: '商会组织建设', content: '培育行业商（协）会', funding: { ...zero, generalPublic: 40 * W } },
          { id: 't-admin', name: '一般管理事务', content: '公务接待、购买服务、档案整理', funding: { ...zero, generalPublic: 27.24 * W } },
        ],
        expenditureBudget: null,
        overallGoal: '以“巩固、创新、提质、增效”为主线，推进非公党建和商会建设，促进“两个健康”。',
        indicators: [
          { id: 'p-1', level1: '1', level2: '11', name: '新建党组织个数', direction: '≥', target: '10', unit: '个', weight: null, core: false },
          { id: 'p-2', level1: '1', level2: '13', name: '党务干部补贴发放', direction: '定性', target: '按季度发放', unit: '', weight: null, core: false },
          { id: 'p-3', level1: '3', level2: '31', name: '会员企业满意度', direction: '≥', target: '90', unit: '%', weight: null, core: false },
        ],
        updatedAt: '2019-01-01T00:00:00.000Z',
      }),
    );
    await store.units.load();
    await store.selectUnit(unit.id);
    await store.selectYear(2019);
    return main.id;
  }, INDICATORS);

  await openAssessmentTab();
  await page.waitForSelector('#year-overview');
  const names = await page.locator('#assessment-list li .row-name').allInnerTexts();
  expect(names).toEqual(['办公设备购置', '党建事务', '其他一般管理事务']);
  const badges = await page.locator('#assessment-list li .badge').allInnerTexts();
  expect(badges).toEqual(['已完成', '未开始', '未开始']);
});

test('types 全年预算数 23.44 and 全年执行数 21.49 and sees 91.68% and the execution score 9.17', async () => {
  await page.click(`#assessment-list li[data-project-id="${projectId}"] .row-open`);
  await page.waitForSelector('#assessment-form');
  // a new self-assessment starts from the project's funding
  expect(await page.inputValue('#sa-budgetInitial-generalPublic')).toBe('23.44');
  expect(await page.inputValue('#sa-budgetAdjusted-generalPublic')).toBe('23.44');
  expect(await page.inputValue('#sa-spent-generalPublic')).toBe('');
  expect(await page.textContent('#sa-execution-rate')).toBe('0.00%');

  await page.fill('#sa-budgetAdjusted-generalPublic', '23.44');
  // a rate below 90% asks for its own note: 20 / 23.44 = 85.32%
  await page.fill('#sa-spent-generalPublic', '20');
  expect(await page.textContent('#sa-execution-rate')).toBe('85.32%');
  expect(await page.locator('#sa-execution-deviation .deviation-required').innerText()).toBe('须填写：预算执行率 85.32% 低于 90%');
  await page.fill('#sa-spent-generalPublic', '21.49');
  expect(await page.textContent('#sa-spent-total')).toBe('21.49');
  expect(await page.textContent('#sa-execution-rate')).toBe('91.68%');
  // min(21.49 / 23.44, 100%) × 10 = 9.168… → 9.17
  expect(await page.textContent('#sa-execution-score')).toBe('9.17');
  expect(await page.textContent('#sa-execution-explanation')).toBe('预算执行率 91.68% × 10 = 9.17');
  // 91.68% is not below 90%: no note is asked for the rate
  expect(await page.locator('#sa-execution-deviation').count()).toBe(0);
  // typing started the self-assessment
  await page.waitForSelector(`#assessment-list li[data-project-id="${projectId}"] .badge[data-completeness="inProgress"]`);
});

test('enters each actual value and sees the score its rule gives, with a one-line explanation', async () => {
  await page.fill('#sa-overallResult', '本年度完成公务接待费4批次，购买人力资源服务人员1名，法律顾问、办公及网络维护、文书档案整理、财务风险控制圆满完成。');

  // = 1 人, actual 1: equal to the target → full 15
  await row('购买人力资源服务人数').locator('.r-actual-input').fill('1');
  expect(await scoreOf('购买人力资源服务人数')).toBe('15.00');
  expect(await explanationOf('购买人力资源服务人数')).toBe('实际 1 人，目标 1 人：等于目标，得满分 15.00');

  // ≥ 100%, actual 100 → full 15
  await row('文书档案装订编目合格率').locator('.r-actual-input').fill('100');
  expect(await scoreOf('文书档案装订编目合格率')).toBe('15.00');

  // ≤ 90 天, actual 100 (missed): 反向 by CN-2020, T / A × w = 90 / 100 × 20 = 18
  await row('文书档案整理时间').locator('.r-actual-input').fill('100');
  expect(await scoreOf('文书档案整理时间')).toBe('18.00');
  expect(await explanationOf('文书档案整理时间')).toBe('实际 100 天，目标 ≤90 天：90 ÷ 100 × 20 = 18.00');

  // ≤ 4.11 万元, actual 3 → full 10
  await row('文书档案整理成本').locator('.r-actual-input').fill('3');
  expect(await scoreOf('文书档案整理成本')).toBe('10.00');
  expect(await explanationOf('文书档案整理成本')).toBe('实际 3 万元，目标 ≤4.11 万元：未超过目标，得满分 10.00');

  // 定性, 达成年度指标 → the proposed w = 10, adjustable in [8, 10]; what was achieved is written as text
  await row('促进信息化、系统化管理').locator('select.r-outcome').selectOption('achieved');
  expect(await scoreOf('促进信息化、系统化管理')).toBe('10.00');
  expect(await explanationOf('促进信息化、系统化管理')).toBe('达成年度指标：建议得分 10.00（可在 [8, 10] 内调整）');
  await detail('促进信息化、系统化管理').locator('.r-qualitative-actual').fill('档案全部录入系统，可按需检索');
  await row('档案信息化建设标准化').locator('select.r-outcome').selectOption('achieved');
  await detail('档案信息化建设标准化').locator('.r-qualitative-actual').fill('按国家标准完成档案数字化');

  // ≥ 99%, actual 100 → full 10 (100 < 130% of 99: no over-achievement note)
  await row('工作人员满意度').locator('.r-actual-input').fill('100');
  expect(await scoreOf('工作人员满意度')).toBe('10.00');
  expect(await explanationOf('工作人员满意度')).toBe('实际 100%，目标 ≥99%：达到目标，得满分 10.00');

  // 15 + 15 + 18 + 10 + 10 + 10 + 10 = 88; + 9.17 = 97.17 → 优
  expect(await page.textContent('#sa-indicator-total')).toBe('88.00');
  expect(await page.textContent('#sa-total')).toBe('97.17');
  expect(await page.textContent('#sa-grade')).toBe('优');
});

test('the missed target demands a deviation note, says why, and the demand goes once it is written', async () => {
  const note = detail('文书档案整理时间').locator('.r-deviation');
  await note.locator('.deviation-required').waitFor();
  expect(await note.locator('.deviation-required').innerText()).toBe('须填写：实际完成值超过目标值');
  expect(await note.getAttribute('class')).toContain('required');
  // only the missed one: the others carry no note
  expect(await page.locator('.r-deviation').count()).toBe(1);
  await expect(page.locator('#sa-mark-done').isDisabled()).resolves.toBe(true);
  expect(await page.locator('#sa-missing').innerText()).toContain('“文书档案整理时间”须填写偏差原因分析及改进措施');

  await note.locator('textarea.r-deviation-note').fill('年内档案量比预计多三成，整理时间延长；下年度提前启动整理并分批验收。');
  await note.locator('.deviation-required').waitFor({ state: 'detached' });
  expect(await note.locator('.deviation-why').innerText()).toBe('原因：实际完成值超过目标值');
  expect(await note.getAttribute('class')).not.toContain('required');
});

test('overrides a score only with a reason, and keeps a 定性 score inside its band', async () => {
  await detail('文书档案装订编目合格率').locator('.r-override-toggle').click();
  await detail('文书档案装订编目合格率').locator('.r-override-score').fill('14');
  // without a reason the override is refused and the indicator has no score
  expect(await explanationOf('文书档案装订编目合格率')).toBe('调整得分须说明理由');
  expect(await scoreOf('文书档案装订编目合格率')).toBe('—');
  await detail('文书档案装订编目合格率').locator('.r-override-reason').fill('部分档案装盒晚于计划');
  expect(await scoreOf('文书档案装订编目合格率')).toBe('14.00');
  expect(await explanationOf('文书档案装订编目合格率')).toBe('实际 100%，目标 ≥100%：达到目标，得满分 15.00；调整为 14.00（理由：部分档案装盒晚于计划）');

  await detail('档案信息化建设标准化').locator('.r-override-toggle').click();
  await detail('档案信息化建设标准化').locator('.r-override-score').fill('7');
  expect(await explanationOf('档案信息化建设标准化')).toBe('得分 7.00 不在“达成年度指标”的得分区间 [8, 10] 内');
  await detail('档案信息化建设标准化').locator('.r-override-score').fill('9');
  expect(await scoreOf('档案信息化建设标准化')).toBe('9.00');
  expect(await explanationOf('档案信息化建设标准化')).toBe('达成年度指标：得分 9.00（可在 [8, 10] 内调整）');

  await page.fill('#sa-problems', '实际接待人数比预计减少，不确定因素较多。');
  await page.fill('#sa-rectification', '从严从紧控制公务接待支出。');
  // 15 + 14 + 18 + 10 + 10 + 9 + 10 = 86; + 9.17 = 95.17 → 优
  expect(await page.textContent('#sa-indicator-total')).toBe('86.00');
  expect(await page.textContent('#sa-total')).toBe('95.17');
  expect(await page.textContent('#sa-grade')).toBe('优');
  await page.waitForSelector('#sa-complete');
  await waitSaved();
  // a tall window, so the picture holds the funds, the indicators and the deviation note
  await page.setViewportSize({ width: 1440, height: 1640 });
  await page.locator('#assessment-form').evaluate((el) => el.closest('.assessment-center')?.scrollTo(0, 0));
  await shot('11-assessment-view.png');
  await page.setViewportSize({ width: 1440, height: 900 });
});

test('marks it 已完成, which locks the form', async () => {
  await page.click('#sa-mark-done');
  await page.waitForSelector('#sa-completed-at');
  expect(await page.textContent('#sa-status')).toBe('已完成');
  // locked fields read as such: read-only, grey, no caret (not disabled, so they can still be selected and copied)
  expect(await page.locator('#sa-spent-generalPublic').isEditable()).toBe(false);
  expect(await page.locator('#sa-spent-generalPublic').getAttribute('class')).toContain('locked');
  expect(await page.locator('#sa-spent-generalPublic').evaluate((el) => getComputedStyle(el).caretColor)).toBe('rgba(0, 0, 0, 0)');
  expect(await row('文书档案整理时间').locator('.r-actual-input').isEditable()).toBe(false);
  await waitSaved();
  await page.waitForSelector(`#assessment-list li[data-project-id="${projectId}"] .badge[data-completeness="done"]`);
});

test('finds everything after a reload, still locked', async () => {
  await page.reload();
  await page.waitForSelector('.app');
  await openAssessmentTab();
  await page.waitForSelector('#assessment-form');
  expect(await page.inputValue('#sa-budgetAdjusted-generalPublic')).toBe('23.44');
  expect(await page.inputValue('#sa-spent-generalPublic')).toBe('21.49');
  expect(await page.textContent('#sa-execution-rate')).toBe('91.68%');
  expect(await page.textContent('#sa-execution-score')).toBe('9.17');
  expect(await row('文书档案整理时间').locator('.r-actual-input').inputValue()).toBe('100');
  expect(await scoreOf('文书档案整理时间')).toBe('18.00');
  expect(await detail('文书档案整理时间').locator('textarea.r-deviation-note').inputValue()).toBe('年内档案量比预计多三成，整理时间延长；下年度提前启动整理并分批验收。');
  expect(await scoreOf('文书档案装订编目合格率')).toBe('14.00');
  expect(await detail('文书档案装订编目合格率').locator('.r-override-reason').inputValue()).toBe('部分档案装盒晚于计划');
  expect(await row('档案信息化建设标准化').locator('select.r-outcome').inputValue()).toBe('achieved');
  expect(await scoreOf('档案信息化建设标准化')).toBe('9.00');
  expect(await page.inputValue('#sa-problems')).toBe('实际接待人数比预计减少，不确定因素较多。');
  expect(await page.textContent('#sa-total')).toBe('95.17');
  expect(await page.textContent('#sa-status')).toBe('已完成');
  expect(await page.locator('#sa-spent-generalPublic').isEditable()).toBe(false);
});

test('editing the finished self-assessment asks first, then records when it was reopened', async () => {
  await page.click('#sa-reopen');
  await page.waitForSelector('#sa-reopen-dialog');
  await page.click('#sa-reopen-cancel');
  await page.waitForSelector('#sa-reopen-dialog', { state: 'detached' });
  expect(await page.locator('#sa-spent-generalPublic').isEditable()).toBe(false);

  await page.click('#sa-reopen');
  await page.click('#sa-reopen-confirm');
  await page.waitForSelector('#sa-reopened');
  expect(await page.textContent('#sa-status')).toBe('进行中');
  expect(await page.locator('#sa-spent-generalPublic').isEditable()).toBe(true);
  expect(await page.locator('#sa-spent-generalPublic').getAttribute('class')).not.toContain('locked');
  await page.fill('#sa-rectification', '从严从紧控制公务接待支出，按季度复核接待计划。');
  await page.reload(); // no waiting for the autosave: the pagehide flush must keep it
  await page.waitForSelector('.app');
  await openAssessmentTab();
  await page.waitForSelector('#sa-reopened');
  expect(await page.inputValue('#sa-rectification')).toBe('从严从紧控制公务接待支出，按季度复核接待计划。');
  const sa = await page.evaluate(async (id) => {
    const { repo } = (window as unknown as { __perfDesk: Hook }).__perfDesk;
    return (await repo.projects.get(id))?.selfAssessment;
  }, projectId);
  expect(sa?.status).toBe('inProgress');
  expect(sa?.reopenedAt).toHaveLength(1);
  expect(Date.parse(sa!.reopenedAt![0])).toBeGreaterThan(Date.parse(sa!.completedAt!));
  await page.click('#sa-mark-done');
  await page.waitForSelector('#sa-completed-at');
  await waitSaved();
});

test('the year overview lists every project with rate, score, grade and completeness, sortable, with department figures', async () => {
  await page.click('#assessment-open-overview');
  await page.waitForSelector('#year-overview');
  const rowText = async (name: string) => page.locator('#year-overview tbody tr', { hasText: name }).locator('td').allInnerTexts();
  // the last column is the monitoring light: no round was entered, so '—'
  expect(await rowText('其他一般管理事务')).toEqual(['其他一般管理事务', '23.44', '21.49', '91.68%', '9.17', '95.17', '优', '已完成', '—']);
  // 3.79 / 3.80 = 99.74% → 9.97; 90 for the one indicator met; 99.97
  expect(await rowText('办公设备购置')).toEqual(['办公设备购置', '3.80', '3.79', '99.74%', '9.97', '99.97', '优', '已完成', '—']);
  // never opened: no self-assessment yet, so no 全年预算数 either
  expect(await rowText('党建事务')).toEqual(['党建事务', '—', '—', '—', '—', '—', '—', '未开始', '—']);
  // (21.49 + 3.79) / (23.44 + 3.80) = 25.28 / 27.24 = 92.80%: the 未开始 project's budget is not counted
  expect(await page.textContent('#dept-rate')).toBe('92.80%');
  // (95.17 + 99.97) / 2 = 97.57
  expect(await page.textContent('#dept-mean')).toBe('97.57');

  const order = () => page.locator('#year-overview tbody tr td:first-child').allInnerTexts();
  await page.click('#year-overview button[data-sort="total"]');
  expect(await order()).toEqual(['办公设备购置', '其他一般管理事务', '党建事务']);
  await page.click('#year-overview button[data-sort="total"]');
  expect(await order()).toEqual(['其他一般管理事务', '办公设备购置', '党建事务']);
  await page.click('#year-overview button[data-sort="executionRate"]');
  expect(await order()).toEqual(['办公设备购置', '其他一般管理事务', '党建事务']);
  await shot('12-year-overview.png');
});

test('records the department plan at year end: each task spending and each indicator actual', async () => {
  await page.click('#assessment-open-plan');
  await page.waitForSelector('#plan-year-end');
  await page.fill('#task-t-party-spent-fiscal', '369.44');
  await page.fill('#task-t-chamber-spent-fiscal', '39.95');
  await page.fill('#task-t-admin-spent-fiscal', '25.28');
  expect(await page.locator('tr.task-row[data-task-id="t-party"] .t-rate').innerText()).toBe('99.94%');
  expect(await page.textContent('#plan-spent-total')).toBe('434.67');
  // 434.67 / 436.90 = 99.4896… → 99.49%
  expect(await page.textContent('#plan-rate')).toBe('99.49%');

  await row('新建党组织个数').locator('.r-actual-input').fill('26');
  // 26 ≥ 130% of 10: the target was set too low, a note is asked for
  expect(await detail('新建党组织个数').locator('.deviation-required').innerText()).toBe('须填写：实际完成值达到目标值的 130% 及以上，目标可能定得偏低');
  await detail('新建党组织个数').locator('textarea.r-deviation-note').fill('园区“两个覆盖”行动成效超出预期；下年度按实际提高目标值。');
  await row('党务干部补贴发放').locator('select.r-outcome').selectOption('achieved');
  await row('会员企业满意度').locator('.r-actual-input').fill('98');
  await page.fill('#plan-overallResult', '非公党建和商会建设任务全面完成。');
  await waitSaved();
  await shot('13-plan-year-end.png');

  await page.reload();
  await page.waitForSelector('.app');
  await openAssessmentTab();
  await page.waitForSelector('#plan-year-end');
  expect(await page.inputValue('#task-t-admin-spent-fiscal')).toBe('25.28');
  expect(await row('新建党组织个数').locator('.r-actual-input').inputValue()).toBe('26');
  expect(await page.textContent('#plan-rate')).toBe('99.49%');
  expect(await page.inputValue('#plan-overallResult')).toBe('非公党建和商会建设任务全面完成。');
  expect(s.errors).toEqual([]);
});
