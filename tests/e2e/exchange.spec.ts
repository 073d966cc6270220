// End to end, in headless Chromium: export, data exchange, overview and backup (issues #5 and #6).
// Three browser contexts stand for three machines, each with its own IndexedDB: units A and B each export a package
// through the UI, the supervisor C imports both, sees the plan, applies it and exports F4 for both units in one file.
// The tests run in order, each continuing from the state the previous one left.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { DataSet, Repository } from '../../renderer/db/repository';
import type { RootStore } from '../../renderer/stores/root-store';
import type { Project, Unit } from '../../shared/model';
import { readXlsx } from '../templates/read-back';
import { buildRenderer, CHROMIUM, screenshot, serve } from './harness';

jest.setTimeout(180_000);

const YEAR = 2024;
const SUPERVISOR: Unit = {
  id: 'sup-longgang-tzb',
  name: '深圳市龙岗区委统一战线工作部',
  shortName: '区委统战部',
  parentId: null,
  schemeId: 'A-2015',
  updatedAt: '2024-01-02T00:00:00.000Z',
};

interface UnitSeed {
  unitName: string;
  shortName: string;
  projectName: string;
  /** 全年预算数 and 全年执行数 in 分 */
  budget: number;
  spent: number;
}

const UNIT_A: UnitSeed = { unitName: '深圳市龙岗区工商业联合会', shortName: '区工商联', projectName: '党建事务', budget: 3_800_000, spent: 3_790_000 };
const UNIT_B: UnitSeed = { unitName: '深圳市龙岗区民族宗教事务局', shortName: '区民宗局', projectName: '民族团结进步创建', budget: 23_440_000, spent: 21_490_000 };

interface Handle {
  repo: Repository;
  store: RootStore;
}

let dist = '';
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let files = '';
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

/** The supervisor record with the same id on every machine, and (for a unit) the unit with one assessed project. */
async function seed(page: Page, supervisor: Unit, unit: UnitSeed | null, year: number): Promise<string> {
  return page.evaluate(
    async ({ supervisor, unit, year }) => {
      const { repo, store } = (window as unknown as { __perfDesk: Handle }).__perfDesk;
      const imported = await repo.exchange.importRecords({ units: [supervisor], projects: [], departmentPlans: [] });
      if (!imported.ok) throw new Error(imported.error);
      let selected = supervisor.id;
      if (unit) {
        const u = await repo.units.create({ name: unit.unitName, shortName: unit.shortName, parentId: supervisor.id, schemeId: 'A-2015' });
        if (!u.ok) throw new Error(u.error);
        const money = (generalPublic: number) => ({ generalPublic, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 0 });
        const created = await repo.projects.create({ unitId: u.value.id, year, name: unit.projectName, funding: money(unit.budget) });
        if (!created.ok) throw new Error(created.error);
        const id = created.value.id;
        const project: Project = {
          ...created.value,
          annualGoal: `完成${unit.projectName}年度任务。`,
          indicators: [
            { id: `${id}-1`, level1: '1', level2: '11', name: '开展活动次数', direction: '≥', target: '10', unit: '次', weight: 50, core: true },
            { id: `${id}-2`, level1: '2', level2: '22', name: '社会影响', direction: '定性', target: '持续提升', unit: '', weight: 30, core: false },
            { id: `${id}-3`, level1: '3', level2: '31', name: '服务对象满意度', direction: '≥', target: '90', unit: '%', weight: 10, core: false },
          ],
          selfAssessment: {
            budgetInitial: money(unit.budget),
            budgetAdjusted: money(unit.budget),
            spent: money(unit.spent),
            overallResult: '全面完成年度绩效目标。',
            results: [
              { indicatorId: `${id}-1`, actual: '12' },
              { indicatorId: `${id}-2`, actual: '明显提升', outcome: 'achieved' },
              { indicatorId: `${id}-3`, actual: '96' },
            ],
            problems: '无',
            rectification: '无',
            status: 'done',
            completedAt: `${year}-12-31T00:00:00.000Z`,
          },
        };
        const saved = await repo.projects.save(project);
        if (!saved.ok) throw new Error(saved.error);
        selected = u.value.id;
      }
      await store.reloadAll();
      await store.selectUnit(selected);
      await store.selectYear(year);
      return selected;
    },
    { supervisor, unit, year },
  );
}

const snapshot = (page: Page) =>
  page.evaluate(async () => {
    const { repo } = (window as unknown as { __perfDesk: Handle }).__perfDesk;
    return { data: await repo.exchange.exportAll(), bases: [...(await repo.exchange.getSyncBases())] };
  });

async function openSection(page: Page, section: string): Promise<void> {
  await page.click('.workspace-tabs button:has-text("导出与汇总")');
  await page.click(`#exchange-nav button[data-section="${section}"]`);
}

/** Clicks a button that saves a file and returns the downloaded file's path. */
async function download(page: Page, selector: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = join(files, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

/** Clicks a button that opens a file and gives it this file. */
async function choose(page: Page, selector: string, path: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click(selector)]);
  await chooser.setFiles(path);
}

let a: Page;
let b: Page;
let c: Page;
let packageA = '';
let packageB = '';

beforeAll(async () => {
  files = mkdtempSync(join(tmpdir(), 'perf-desk-files-'));
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
  rmSync(dist, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

test('units A and B each export a package of their year through the UI', async () => {
  for (const [seedOf, assign] of [
    [UNIT_A, (p: Page) => (a = p)],
    [UNIT_B, (p: Page) => (b = p)],
  ] as const) {
    const page = await openMachine();
    assign(page);
    await seed(page, SUPERVISOR, seedOf, YEAR);
    await openSection(page, 'package');
    await page.waitForSelector(`#package-years input[value="${YEAR}"]:checked`);
    await page.waitForSelector(`#package-projects td:has-text("${seedOf.projectName}")`);
    // the package carries the unit and its 主管部门
    expect(await page.textContent('#package-contents')).toContain(`${SUPERVISOR.name}、${seedOf.unitName}`);
    const path = await download(page, '#package-save');
    expect(path).toMatch(new RegExp(`数据包-${seedOf.shortName}-${YEAR}-\\d{8}-\\d{4}\\.json$`));
    await page.waitForSelector('#package-outcome');
    const doc = JSON.parse(readFileSync(path, 'utf8')) as DataSet & { format: string; exportedBy: string };
    expect(doc.format).toBe('perf-target-desk/exchange');
    expect(doc.exportedBy).toBe(seedOf.unitName);
    expect(doc.units.map((u) => u.name)).toEqual([SUPERVISOR.name, seedOf.unitName]);
    expect(doc.projects.map((p) => [p.name, p.indicators.length, p.selfAssessment?.status])).toEqual([[seedOf.projectName, 3, 'done']]);
    if (seedOf === UNIT_A) packageA = path;
    else packageB = path;
  }
});

test('the supervisor imports both packages: the plan lists the additions, apply writes them', async () => {
  c = await openMachine();
  await seed(c, SUPERVISOR, null, YEAR);
  await openSection(c, 'import');

  await choose(c, '#import-pick', packageA);
  await c.waitForSelector('#import-plan');
  expect(await c.textContent('#import-summary')).toBe('新增 2，更新 0，无变化 1，保留本地 0，冲突 0');
  const added = await c.locator('[data-list="add"] tbody tr td:nth-child(2)').allInnerTexts();
  expect(added).toEqual([UNIT_A.unitName, `${UNIT_A.projectName}（${YEAR}年度）`]);
  await c.click('#import-apply');
  await c.waitForSelector('#import-outcome');
  expect(await c.textContent('#import-outcome')).toContain('写入 2 条记录');

  await choose(c, '#import-pick', packageB);
  await c.waitForSelector('#import-plan');
  expect(await c.textContent('#import-summary')).toBe('新增 2，更新 0，无变化 1，保留本地 0，冲突 0');
  await c.click('#import-apply');
  await c.waitForSelector('#import-history li:nth-child(2)');

  const { data } = await snapshot(c);
  expect(data.units.map((u) => u.name).sort()).toEqual([SUPERVISOR.name, UNIT_A.unitName, UNIT_B.unitName].sort());
  expect(data.projects.map((p) => p.name).sort()).toEqual([UNIT_A.projectName, UNIT_B.projectName].sort());
  // the authoring screens see the imported units
  expect(await c.locator('#unit-select option').allInnerTexts()).toHaveLength(3);
});

test('the overview lists both units with their completeness', async () => {
  await c.click('#exchange-nav button[data-section="overview"]');
  await c.waitForSelector('#overview-table tbody tr:nth-child(2)');
  const rows = await c.locator('#overview-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
  );
  expect(rows).toEqual([
    // the last cell counts the units' monitoring lights: each has one project and no round yet (未填报 1)
    [UNIT_B.unitName, '1', '1 / 1', '1 / 1', '未填', '红灯 0黄灯 0绿灯 0未填报 1'],
    [UNIT_A.unitName, '1', '1 / 1', '1 / 1', '未填', '红灯 0黄灯 0绿灯 0未填报 1'],
  ].sort((x, y) => new Intl.Collator('zh-Hans-CN').compare(x[0], y[0])));
  await screenshot(c, '23-supervisor-overview.png');
});

test('the supervisor exports F4 for both units in one .xlsx', async () => {
  await c.click('#overview-export-f4');
  await c.waitForSelector('#export-panel');
  expect(await c.inputValue('#export-form')).toBe('F4');
  expect(await c.isChecked('input[name="export-scope"][value="supervisor"]')).toBe(true);
  await c.check('input[name="export-format"][value="xlsx"]');
  await c.fill('#export-form-number', '附件2-3：');
  await screenshot(c, '21-export.png');
  const path = await download(c, '#export-run');
  expect(path.endsWith(`${YEAR}年度部门预算项目绩效自评情况公开表-${SUPERVISOR.name}.xlsx`)).toBe(true);
  await c.waitForSelector('#export-outcome');

  const x = await readXlsx(readFileSync(path));
  expect(x.text(1, 1)).toBe('附件2-3：');
  const body: string[][] = [];
  for (let r = 7; x.text(r, 3) !== ''; r++) body.push([x.text(r, 1), x.text(r, 2), x.text(r, 3), x.text(r, 5), x.text(r, 10)]);
  expect(body).toHaveLength(2);
  expect(body).toEqual(
    expect.arrayContaining([
      [expect.any(String), UNIT_A.shortName, UNIT_A.projectName, '3.80', '99.74%'],
      [expect.any(String), UNIT_B.shortName, UNIT_B.projectName, '23.44', '91.68%'],
    ]),
  );
});

test('a form that cannot be built shows Chinese messages and saves nothing', async () => {
  await c.check('input[name="export-scope"][value="projects"]');
  let downloads = 0;
  c.on('download', () => (downloads += 1));
  await c.click('#export-run');
  await c.waitForSelector('#export-messages');
  expect(await c.textContent('#export-messages')).toContain('请至少选择一个项目');
  expect(downloads).toBe(0);
});

test('a truncated package shows the Chinese problem and changes nothing', async () => {
  const before = await snapshot(c);
  const text = readFileSync(packageA, 'utf8');
  const bad = join(files, '截断的数据包.json');
  writeFileSync(bad, text.slice(0, Math.floor(text.length / 2)));
  await c.click('#exchange-nav button[data-section="import"]');
  await choose(c, '#import-pick', bad);
  await c.waitForSelector('#import-problems');
  const shown = await c.textContent('#import-problems');
  expect(shown).toContain('“截断的数据包.json”不是可导入的数据包');
  expect(shown).toContain('文件不是有效的 JSON 数据包，可能已损坏或被截断');
  expect(await c.locator('#import-apply').count()).toBe(0);
  expect(await snapshot(c)).toEqual(before);
});

test('importing the same package again shows everything unchanged', async () => {
  await choose(c, '#import-pick', packageA);
  await c.waitForSelector('#import-plan');
  expect(await c.textContent('#import-summary')).toBe('新增 0，更新 0，无变化 3，保留本地 0，冲突 0');
  await c.click('#import-cancel');
  await c.waitForSelector('#import-plan', { state: 'detached' });
});

test('a record changed on both sides is a conflict the supervisor settles', async () => {
  // unit A revises its self-assessment and sends a new package; the supervisor has meanwhile corrected its copy
  const edit = (page: Page, text: string) =>
    page.evaluate(
      async ({ name, text }) => {
        const { repo, store } = (window as unknown as { __perfDesk: Handle }).__perfDesk;
        const row = (await repo.exchange.exportAll()).projects.find((p) => p.name === name);
        if (!row?.selfAssessment) throw new Error('project missing');
        await new Promise((ok) => setTimeout(ok, 5)); // a later updatedAt than the imported one
        const saved = await repo.projects.save({ ...row, selfAssessment: { ...row.selfAssessment, problems: text } });
        if (!saved.ok) throw new Error(saved.error);
        await store.reloadAll();
      },
      { name: UNIT_A.projectName, text },
    );
  await edit(a, '个别活动延期。');
  await a.click('#exchange-nav button[data-section="package"]');
  await a.waitForSelector(`#package-projects td:has-text("${UNIT_A.projectName}")`);
  const revised = await download(a, '#package-save');
  await edit(c, '主管部门复核：无。');

  await choose(c, '#import-pick', revised);
  await c.waitForSelector('#import-plan');
  expect(await c.textContent('#import-summary')).toBe('新增 0，更新 0，无变化 2，保留本地 0，冲突 1');
  await c.click('#import-apply');
  await c.waitForSelector('#import-errors');
  expect(await c.textContent('#import-errors')).toContain('两边都有修改，请先选择保留哪一方');
  await screenshot(c, '22-import-plan.png');
  await c.check('.conflicts-section input[value="incoming"]');
  await c.click('#import-apply');
  await c.waitForSelector('#import-outcome');
  const { data } = await snapshot(c);
  expect(data.projects.find((p) => p.name === UNIT_A.projectName)?.selfAssessment?.problems).toBe('个别活动延期。');
});

test('a backup restores the database exactly; a bad backup changes nothing', async () => {
  await c.click('#exchange-nav button[data-section="backup"]');
  const saved = await snapshot(c);
  const backup = await download(c, '#backup-save');
  expect(backup).toMatch(/预算绩效管理备份-\d{8}-\d{4}\.json$/);
  await c.waitForSelector('#backup-outcome');

  // lose a project, then try a damaged backup: refused, nothing changes
  await c.evaluate(async (name) => {
    const { repo, store } = (window as unknown as { __perfDesk: Handle }).__perfDesk;
    const p = (await repo.exchange.exportAll()).projects.find((x) => x.name === name);
    if (p) await repo.projects.deleteMany([p.id]);
    await store.reloadAll();
  }, UNIT_B.projectName);
  const damaged = await snapshot(c);
  expect(damaged.data.projects).toHaveLength(1);
  const bad = join(files, '损坏的备份.json');
  const doc = JSON.parse(readFileSync(backup, 'utf8')) as { projects: { unitId: string }[] };
  doc.projects[0].unitId = '不存在的单位';
  writeFileSync(bad, JSON.stringify(doc));
  await choose(c, '#restore-pick', bad);
  await c.waitForSelector('#restore-problems');
  expect(await c.textContent('#restore-problems')).toContain('所属单位“不存在的单位”不在数据包中');
  expect(await c.locator('#restore-confirm').count()).toBe(0);
  expect(await snapshot(c)).toEqual(damaged);

  // the good backup: validated, confirmed, restored
  await choose(c, '#restore-pick', backup);
  await c.waitForSelector('#restore-confirmation');
  expect(await c.textContent('#restore-confirmation')).toContain('单位 3 个，项目 2 个，指标 6 条');
  await screenshot(c, '24-backup.png');
  await c.click('#restore-confirm');
  await c.waitForSelector('#restore-outcome');
  const restored = await snapshot(c);
  expect(restored.data).toEqual(saved.data);
  // a restore replaces the data the consolidation bases described
  expect(restored.bases).toEqual([]);
  expect(pageErrors).toEqual([]);
});
