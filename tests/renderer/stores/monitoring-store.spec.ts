/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// The 绩效运行监控 store (issue #18) against a real repository on an in-memory IndexedDB: the year's lights as of a
// month, a round entered for a project behind schedule (红 with its one-line explanation, 已完成 refused until 纠偏措施
// is written), autosave of the rounds alone, rounds of several months kept, and the list's light filter.
import { EMPTY_FUNDING, type Indicator, type Project, type Unit } from '../../../shared/model';
import { CN_2020, deriveRuleSet } from '../../../shared/rule-sets';
import { SCHEME_A } from '../../../shared/schemes';
import { AssessmentStore } from '../../../renderer/stores/assessment-store';
import { ExchangeStore } from '../../../renderer/stores/exchange-store';
import { readJournal, replayJournal, writeJournal } from '../../../renderer/stores/journal';
import { ProjectListStore } from '../../../renderer/stores/project-list-store';
import { UndoStore } from '../../../renderer/stores/undo-store';
import type { MonitoringStore } from '../../../renderer/stores/monitoring-store';
import type { WorkspaceContext } from '../../../renderer/stores/workspace-context';
import { loadFixture } from '../../fixtures/fixture-files';
import { readXlsx } from '../../templates/read-back';
import { makeKit, unwrap, type Kit } from '../db/db-test-kit';

const WAN = 1_000_000;

const ind = (id: string, level2: string, name: string, direction: Indicator['direction'], target: string, unit: string, weight: number): Indicator => ({
  id, level1: level2[0], level2, name, direction, target, unit, weight, core: false,
});

/** 民营企业投诉服务中心运营 as the fixture has it, without its round: 80 万元, four indicators. */
const INDICATORS: Indicator[] = [
  ind('c-1', '11', '受理企业投诉件数', '≥', '300', '件', 25),
  ind('c-2', '13', '投诉按期办结率', '≥', '95', '%', 25),
  ind('c-3', '22', '企业合法权益保护成效', '定性', '持续改善', '', 30),
  ind('c-4', '31', '投诉企业满意度', '≥', '85', '%', 10),
];

interface Setup {
  kit: Kit;
  assessment: AssessmentStore;
  store: MonitoringStore;
  project: Project;
}

function contextOf(unit: Unit, year: number): WorkspaceContext {
  return { unitId: () => unit.id, unit: () => unit, units: () => [unit], year: () => year, scheme: () => SCHEME_A, reloadAll: async () => {} };
}

async function setup(): Promise<Setup> {
  const kit = makeKit();
  const unit = unwrap(await kit.repo.units.create({ name: '示范区民营经济服务中心' }));
  const project = unwrap(
    await kit.repo.projects.create({
      unitId: unit.id, year: 2025, name: '民营企业投诉服务中心运营', annualGoal: '受理企业投诉 300 件以上。',
      funding: { ...EMPTY_FUNDING, generalPublic: 80 * WAN }, indicators: INDICATORS,
    }),
  );
  const clock = new Date('2025-08-20T02:00:00.000Z');
  const assessment = new AssessmentStore(kit.repo, contextOf(unit, 2025), { now: () => clock, delayMs: 5 });
  await assessment.load();
  return { kit, assessment, store: assessment.monitoring, project };
}

async function stored(kit: Kit, id: string): Promise<Project> {
  const p = await kit.repo.projects.get(id);
  if (!p) throw new Error('project gone');
  return p;
}

describe('the year as of a month', () => {
  test('the fixture: the latest month by default, lights per project as of July, counts and the filter', async () => {
    const kit = makeKit();
    const doc = loadFixture('monitoring-2025');
    unwrap(await kit.repo.exchange.importRecords({ units: doc.units, projects: doc.projects, departmentPlans: [] }));
    const unit = doc.units.find((u) => u.id === 'mon-unit')!;
    const assessment = new AssessmentStore(kit.repo, contextOf(unit, 2025), { delayMs: 5 });
    await assessment.load();
    const store = assessment.monitoring;
    // one project has a 1–10月 round: the latest month is shown first
    expect([store.month, store.roundMonths]).toEqual([10, [7, 10]]);
    expect(store.counts).toEqual({ green: 0, yellow: 1, red: 0, unfilled: 5, unjudged: 0 });

    store.setMonth(7);
    const lights = Object.fromEntries(store.rows.map((r) => [r.project.name, r.result?.light ?? null]));
    expect(lights).toEqual({
      会员服务平台运行维护: null,
      基层商会组织建设经费: 'red',
      民营企业经营管理培训: 'green',
      民营企业投诉服务中心运营: 'red',
      行业协会商会发展调研: 'red',
      非公经济人士理想信念教育: 'red',
    });
    expect(store.counts).toEqual({ green: 1, yellow: 0, red: 4, unfilled: 1, unjudged: 0 });
    const complaints = store.rows.find((r) => r.project.name === '民营企业投诉服务中心运营')!;
    expect(complaints.result!.execution.explanation).toBe('序时进度 58.33%，执行进度 20.00%，相差 38.33 个百分点，超过 25：红灯');
    expect(complaints.result!.explanation).toBe('执行：红灯；指标：绿灯 4 个；项目：红灯');

    store.setLightFilter('red');
    expect(store.shownRows.map((r) => r.project.name)).toEqual(['非公经济人士理想信念教育', '基层商会组织建设经费', '民营企业投诉服务中心运营', '行业协会商会发展调研']);
    store.setLightFilter('unfilled');
    expect(store.shownRows.map((r) => r.project.name)).toEqual(['会员服务平台运行维护']);
    store.setLightFilter('green');
    expect(store.shownRows.map((r) => r.project.name)).toEqual(['民营企业经营管理培训']);
    // a month outside 1–12 is not taken
    store.setMonth(13);
    expect(store.month).toBe(7);
    kit.db.close();
  });

  test('a year without rounds shows July, every project 未填报', async () => {
    const { kit, store } = await setup();
    expect([store.month, store.roundMonths, store.counts]).toEqual([7, [], { green: 0, yellow: 0, red: 0, unfilled: 1, unjudged: 0 }]);
    kit.db.close();
  });
});

describe('a round for a project behind schedule', () => {
  test('红 with its explanation; 已完成 refused until 纠偏措施 is written; then done, stored and locked', async () => {
    const { kit, store, project } = await setup();
    store.select(project.id);
    expect(store.round).toBeNull();
    // nothing to edit before the round is started
    expect(store.setSpent('generalPublic', 1)).toBe(false);
    expect(store.startRound()).toBe(true);
    expect(store.startRound()).toBe(false);
    expect(store.round!.entries.map((e) => e.indicatorId)).toEqual(['c-1', 'c-2', 'c-3', 'c-4']);
    // a fresh round with nothing spent is red already
    expect(store.result!.execution.light).toBe('red');

    store.setSpent('generalPublic', 16 * WAN);
    for (const [id, toDate, projected] of [['c-1', '190', '320'], ['c-2', '97', '96'], ['c-4', '88', '88']]) {
      store.setActualToDate(id, toDate);
      store.setProjected(id, projected);
      store.setLikelihood(id, 'certain');
    }
    store.setActualToDate('c-3', '涉企纠纷调处机制运行良好');
    store.setLikelihood('c-3', 'certain');
    const r = store.result!;
    expect([r.execution.light, r.light]).toEqual(['red', 'red']);
    expect(r.execution.explanation).toBe('序时进度 58.33%，执行进度 20.00%，相差 38.33 个百分点，超过 25：红灯');
    expect(r.indicators.map((i) => i.light)).toEqual(['green', 'green', 'green', 'green']);
    expect(store.doneBlockers).toEqual(['执行进度落后序时进度 38.33 个百分点（红灯），须填写纠偏措施']);
    expect(await store.markDone()).toBe(false);
    expect(store.round!.status).toBe('draft');

    store.setCauseCategory(null, 'funding');
    store.setCauseText(null, '服务外包合同于6月才签订，首期款7月底支付');
    store.setCorrection(null, '按合同约定8月、10月分两期支付服务费');
    expect(store.doneBlockers).toEqual([]);
    expect(await store.markDone()).toBe(true);
    expect(store.locked).toBe(true);
    const saved = (await stored(kit, project.id)).monitoring!;
    expect(saved.map((x) => [x.month, x.status, x.doneAt, x.spent.generalPublic])).toEqual([[7, 'done', '2025-08-20T02:00:00.000Z', 16 * WAN]]);
    expect(saved[0].cause).toEqual({ category: 'funding', text: '服务外包合同于6月才签订，首期款7月底支付' });
    expect(saved[0].correction).toBe('按合同约定8月、10月分两期支付服务费');
    expect(saved[0].entries.find((e) => e.indicatorId === 'c-1')).toEqual({ indicatorId: 'c-1', actualToDate: '190', projected: '320', likelihood: 'certain' });

    // 已完成 takes no edit until it is reopened
    expect(store.setCorrection(null, '')).toBe(false);
    await store.reopen();
    expect(store.locked).toBe(false);
    expect((await stored(kit, project.id)).monitoring![0].status).toBe('draft');
    // clearing 纠偏措施 brings the refusal back
    store.setCorrection(null, '');
    expect(store.round!.correction).toBeUndefined();
    expect(await store.markDone()).toBe(false);
    kit.db.close();
  });

  test('an indicator projected to miss: 红 by the score, its 纠偏措施 required; a cause category comes before its words', async () => {
    const { kit, store, project } = await setup();
    store.select(project.id);
    store.startRound();
    store.setSpent('generalPublic', 50 * WAN);
    store.setProjected('c-1', '150');
    store.setLikelihood('c-1', 'possible');
    const c1 = store.result!.indicators[0];
    expect(c1.light).toBe('red');
    expect(c1.explanation).toBe('完成目标可能性为“有可能完成”；全年预计 150 件，目标 ≥300 件：150 ÷ 300 × 25 = 12.50，低于分值 25 的 60%（15.00）：红灯');
    expect(store.doneBlockers).toEqual(['“受理企业投诉件数”为红灯，须填写纠偏措施']);
    // words without a category are not taken
    expect(store.setCauseText('c-1', '人手不足')).toBe(true);
    expect(store.entryOf('c-1')!.cause).toBeUndefined();
    store.setCauseCategory('c-1', 'staffing');
    store.setCauseText('c-1', '人手不足');
    store.setCorrection('c-1', '招聘两名专职调解员');
    expect(store.doneBlockers).toEqual([]);
    store.setCauseCategory('c-1', undefined);
    expect(store.entryOf('c-1')!.cause).toBeUndefined();
    kit.db.close();
  });
});

describe('saving', () => {
  test('autosave writes the rounds alone: targets saved elsewhere meanwhile and the self-assessment stay', async () => {
    const { kit, assessment, store, project } = await setup();
    // the self-assessment screen has a pending edit too
    await assessment.open({ kind: 'project', id: project.id });
    assessment.setMoney('spent', 'generalPublic', 70 * WAN);
    await assessment.flush();
    // the authoring editor saves a new goal from its own (older) copy
    unwrap(await kit.repo.projects.saveTargets({ ...project, annualGoal: '受理企业投诉 320 件以上。' }));

    store.select(project.id);
    store.startRound();
    store.setSpent('generalPublic', 16 * WAN);
    expect(store.autosaver.state).toBe('dirty');
    await new Promise((resolve) => setTimeout(resolve, 30));
    await store.flush();
    expect(store.autosaver.state).toBe('saved');
    const saved = await stored(kit, project.id);
    expect(saved.monitoring?.[0].spent.generalPublic).toBe(16 * WAN);
    expect(saved.annualGoal).toBe('受理企业投诉 320 件以上。');
    expect(saved.selfAssessment?.spent.generalPublic).toBe(70 * WAN);
    kit.db.close();
  });

  test('reading the year again saves pending edits first', async () => {
    const { kit, assessment, store, project } = await setup();
    store.select(project.id);
    store.startRound();
    store.setSpent('generalPublic', 16 * WAN);
    await assessment.load();
    expect((await stored(kit, project.id)).monitoring?.[0].spent.generalPublic).toBe(16 * WAN);
    // the record read again holds the edit
    expect(store.round?.spent.generalPublic).toBe(16 * WAN);
    kit.db.close();
  });

  test('rounds of July and October are both kept; the month chooses which one is edited', async () => {
    const { kit, store, project } = await setup();
    store.select(project.id);
    store.startRound();
    store.setSpent('generalPublic', 40 * WAN);
    store.setMonth(10);
    expect(store.round).toBeNull();
    store.startRound();
    store.setSpent('generalPublic', 70 * WAN);
    expect(store.result!.execution.explanation).toBe('序时进度 83.33%，执行进度 87.50%，快于序时进度 4.17 个百分点：绿灯');
    await store.flush();
    expect((await stored(kit, project.id)).monitoring!.map((r) => [r.month, r.spent.generalPublic])).toEqual([[7, 40 * WAN], [10, 70 * WAN]]);
    expect(store.roundMonths).toEqual([7, 10]);
    store.setMonth(7);
    expect(store.round!.spent.generalPublic).toBe(40 * WAN);
    // the latest round is what the year overview and the self-assessment show
    expect(store.latestOf(store.selected!).round!.month).toBe(10);
    kit.db.close();
  });
});

describe('the export and the supervisor’s overview', () => {
  class FakeHost {
    saved: { name: string; bytes: Uint8Array }[] = [];
    async saveFile(name: string, bytes: Uint8Array): Promise<string | null> {
      this.saved.push({ name, bytes });
      return `/home/user/${name}`;
    }
    async openFile(): Promise<null> {
      return null;
    }
  }

  async function exchangeOf(unitId: string) {
    const kit = makeKit();
    const doc = loadFixture('monitoring-2025');
    unwrap(await kit.repo.exchange.importRecords({ units: doc.units, projects: doc.projects, departmentPlans: [] }));
    const context: WorkspaceContext = { unitId: () => unitId, unit: () => undefined, units: () => [], year: () => 2025, scheme: () => SCHEME_A, reloadAll: async () => {} };
    const host = new FakeHost();
    return { kit, host, store: new ExchangeStore(kit.repo, context, host) };
  }

  test('F9 takes the month and 仅汇总表: the summary alone, of the 1–7月 rounds', async () => {
    const { kit, host, store } = await exchangeOf('mon-unit');
    const x = store.formExport;
    x.setForm('F9');
    x.setMonth(7);
    x.setSummaryOnly(true);
    expect(await x.run()).toBe(true);
    const summary = await readXlsx(host.saved[0].bytes);
    expect(summary.workbook.worksheets.map((w) => w.name)).toEqual(['监控汇总']);
    // 基层商会组织建设经费 as of July: its 1–7月 round, not its latest (1–10月)
    expect([summary.text(7, 3), summary.text(7, 4), summary.text(7, 9)]).toEqual(['基层商会组织建设经费', '1–7月', '红灯']);
    // without the options: the latest round of each project, the summary and one sheet per project
    x.setMonth(null);
    x.setSummaryOnly(false);
    expect(await x.run()).toBe(true);
    const all = await readXlsx(host.saved[1].bytes);
    expect([all.workbook.worksheets.length, all.text(7, 4)]).toEqual([7, '1–10月']);
    kit.db.close();
  });

  test('the overview counts the lights per unit, and the filter keeps the units with that light', async () => {
    const { kit, store } = await exchangeOf('mon-sup');
    const o = store.overview;
    await o.load();
    expect(o.totals.lights).toEqual({ red: 3, yellow: 1, green: 1 });
    expect(o.totals.unmonitored).toBe(1);
    o.setLightFilter('red');
    expect(o.shownRows.map((r) => r.unitName)).toEqual(['示范区民营经济服务中心']);
    o.setLightFilter('green');
    expect(o.shownRows).toHaveLength(1);
    kit.db.close();
  });
});

describe('the authoring project list', () => {
  test('each row with a round shows its latest light as stored, worked out again under another rule set; a save re-lights the row', async () => {
    const kit = makeKit();
    const doc = loadFixture('monitoring-2025');
    unwrap(await kit.repo.exchange.importRecords({ units: doc.units, projects: doc.projects, departmentPlans: [] }));
    let ruleSet = CN_2020;
    const list = new ProjectListStore(kit.repo, new UndoStore(), { unitId: () => 'mon-unit', year: () => 2025, scheme: () => SCHEME_A, ruleSet: () => ruleSet, liveFacts: () => null });
    await list.reload();
    const lights = () => Object.fromEntries(list.summaries.map((s) => [s.name, list.lightOf(s) && [list.lightOf(s)!.month, list.lightOf(s)!.light]]));
    // the lights stored with the rows: there as soon as the list is read
    expect(lights()).toEqual({
      会员服务平台运行维护: null,
      基层商会组织建设经费: [10, 'yellow'],
      民营企业经营管理培训: [7, 'green'],
      民营企业投诉服务中心运营: [7, 'red'],
      行业协会商会发展调研: [7, 'red'],
      非公经济人士理想信念教育: [7, 'red'],
    });
    // a unit's set with wider limits (20 and 40 points): the stored lights no longer count; worked out after painting
    const derived = deriveRuleSet(CN_2020, '监控试点', { monitoring: { yellowGap: 20, redGap: 40 } });
    if (!derived.ok) throw new Error(derived.problems.join());
    ruleSet = derived.ruleSet;
    await list.reload();
    for (let i = 0; i < 100 && list.summaries.some((s) => s.monitoringRounds > 0 && list.lightOf(s) === null); i++) await new Promise((r) => setTimeout(r, 10));
    // 投诉服务中心: 38.33 points behind is yellow now; 基层商会 (1–10月, 13.33 behind) green but for its yellow indicator
    expect(lights()).toMatchObject({ 民营企业投诉服务中心运营: [7, 'yellow'], 基层商会组织建设经费: [10, 'yellow'], 民营企业经营管理培训: [7, 'green'] });
    ruleSet = CN_2020;
    // the editor saves the targets: the stored rounds stay, and the row's light follows the saved record
    const training = (await kit.repo.projects.get('mon-p1'))!;
    const saved = unwrap(await kit.repo.projects.saveTargets({ ...training, indicators: training.indicators.map((i) => (i.id === 'mon-p1-i1' ? { ...i, target: '25' } : i)) }));
    list.applySaved(saved, SCHEME_A);
    const row = list.summaries.find((s) => s.id === 'mon-p1')!;
    // 全年预计 12 期 of 25: 12 ÷ 25 × 20 = 9.60, below 60% of 20: red
    expect([list.lightOf(row)?.light, list.lightOf(row)?.explanation]).toEqual(['red', '执行：绿灯；指标：红灯 1 个、绿灯 4 个；项目：红灯']);
    kit.db.close();
  });
});

describe('the page closing', () => {
  test('unsaved rounds are kept in the journal, which the next start writes back (the rounds alone)', async () => {
    const items = new Map<string, string>();
    const global = globalThis as { localStorage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'> };
    global.localStorage = {
      getItem: (k) => items.get(k) ?? null,
      setItem: (k, v) => void items.set(k, v),
      removeItem: (k) => void items.delete(k),
      key: (i) => [...items.keys()][i] ?? null,
      get length() {
        return items.size;
      },
    };
    try {
      const { kit, assessment, store, project } = await setup();
      store.select(project.id);
      store.startRound();
      store.setSpent('generalPublic', 16 * WAN);
      assessment.onPageHide();
      const kept = readJournal();
      if (kept?.kind !== 'monitoring') throw new Error(`expected the monitoring copy, got ${kept?.kind}`);
      expect(kept.data.monitoring?.[0].spent.generalPublic).toBe(16 * WAN);
      await assessment.flush();
      // saved: the copy is gone
      expect(readJournal()).toBeNull();

      // a copy left by a page that closed before its save: the next start writes its rounds, not its older targets
      unwrap(await kit.repo.projects.saveTargets({ ...(await stored(kit, project.id)), annualGoal: '受理企业投诉 320 件以上。' }));
      const closed = { ...kept.data, annualGoal: '旧的目标', monitoring: [{ ...kept.data.monitoring![0], spent: { ...EMPTY_FUNDING, generalPublic: 20 * WAN } }] };
      writeJournal({ kind: 'monitoring', data: closed });
      await replayJournal(kit.repo);
      const after = await stored(kit, project.id);
      expect([after.monitoring?.[0].spent.generalPublic, after.annualGoal]).toEqual([20 * WAN, '受理企业投诉 320 件以上。']);
      expect(readJournal()).toBeNull();
      kit.db.close();
    } finally {
      delete global.localStorage;
    }
  });
});
