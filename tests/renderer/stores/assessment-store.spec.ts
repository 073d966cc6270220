/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// The year-end self-assessment store against a real repository on an in-memory IndexedDB: starting a
// self-assessment, live scores through shared/scoring.ts, autosave, the 已完成 lock and its reopening, the year
// overview and the department plan's year-end figures.
import { toJS } from 'mobx';
import { EMPTY_FUNDING, type Indicator, type Project } from '../../../shared/model';
import { SCHEME_A } from '../../../shared/schemes';
import { createExchangeDocument, parseExchange, serializeExchange } from '../../../shared/exchange/exchange';
import { AssessmentStore } from '../../../renderer/stores/assessment-store';
import { UnitsStore } from '../../../renderer/stores/units-store';
import type { WorkspaceContext } from '../../../renderer/stores/workspace-context';
import { makeKit, unwrap, type Kit } from '../db/db-test-kit';

const WAN = 1_000_000;

function ind(id: string, level2: string, name: string, direction: Indicator['direction'], target: string, unit: string, weight: number | null): Indicator {
  return { id, level1: level2[0], level2, name, direction, target, unit, weight, core: false };
}

/** 其他一般管理事务 (longgang-2019, row 2) with weights chosen so that scores exist: 产出 50, 效益 30, 满意度 10. */
const INDICATORS: Indicator[] = [
  ind('i-qty', '11', '购买人力资源服务人数', '=', '1', '人', 15),
  ind('i-quality', '12', '文书档案装订编目合格率', '≥', '100', '%', 15),
  ind('i-time', '13', '文书档案整理时间', '≤', '90', '天', 20),
  ind('i-cost', '21', '文书档案整理成本', '≤', '4.11', '万元', 10),
  ind('i-social', '22', '促进信息化、系统化管理', '定性', '促进信息化、系统化管理', '', 10),
  ind('i-eco', '23', '档案信息化建设标准化', '定性', '档案信息化建设标准化', '', 10),
  ind('i-sat', '31', '工作人员满意度', '≥', '99', '%', 10),
];

interface Setup {
  kit: Kit;
  store: AssessmentStore;
  unitId: string;
  project: Project;
  clock: { now: Date };
}

async function setup(): Promise<Setup> {
  const kit = makeKit();
  const unit = unwrap(await kit.repo.units.create({ name: '深圳市龙岗区工商业联合会', shortName: '区工商联' }));
  const project = unwrap(
    await kit.repo.projects.create({
      unitId: unit.id,
      year: 2019,
      name: '其他一般管理事务',
      annualGoal: '满足组织当前及未来发展的需要,保证组织目标实现与成员发展的最大化。',
      funding: { ...EMPTY_FUNDING, generalPublic: 23.44 * WAN },
      indicators: INDICATORS,
    }),
  );
  const context: WorkspaceContext = {
    unitId: () => unit.id,
    unit: () => unit,
    units: () => [unit],
    year: () => 2019,
    scheme: () => SCHEME_A,
    reloadAll: async () => {},
  };
  const clock = { now: new Date('2020-01-10T02:00:00.000Z') };
  const store = new AssessmentStore(kit.repo, context, { now: () => clock.now, delayMs: 5 });
  await store.load();
  return { kit, store, unitId: unit.id, project, clock };
}

async function stored(kit: Kit, id: string): Promise<Project> {
  const p = await kit.repo.projects.get(id);
  if (!p) throw new Error('project gone');
  return p;
}

/** Fills everything the form needs for 其他一般管理事务, the missed 时效 target with its note. */
function fillAll(store: AssessmentStore): void {
  store.setMoney('budgetAdjusted', 'generalPublic', 23.44 * WAN);
  store.setMoney('spent', 'generalPublic', 21.49 * WAN);
  store.setText('overallResult', '本年度完成公务接待费4批次，购买人力资源服务人员1名。');
  store.setActual('i-qty', '1');
  store.setActual('i-quality', '100');
  store.setActual('i-time', '100');
  store.setDeviationNote('i-time', '档案量比预计多，整理时间延长；下年度提前启动整理。');
  store.setActual('i-cost', '3');
  store.setOutcome('i-social', 'achieved');
  store.setActual('i-social', '档案全部录入系统，可按需检索');
  store.setOutcome('i-eco', 'achieved');
  store.setActual('i-eco', '按国家标准完成档案数字化');
  store.setActual('i-sat', '100');
}

describe('starting a self-assessment', () => {
  test('opening a project starts one in memory from its funding; nothing is stored before the first edit', async () => {
    const { kit, store, project } = await setup();
    await store.open({ kind: 'project', id: project.id });
    const sa = store.selected!.selfAssessment!;
    expect(sa.budgetInitial.generalPublic).toBe(23_440_000);
    expect(sa.budgetAdjusted.generalPublic).toBe(23_440_000);
    expect(sa.spent).toEqual(EMPTY_FUNDING);
    expect(sa.results).toEqual([]);
    expect(sa.status).toBe('notStarted');
    expect(store.overview.rows[0].completeness).toBe('notStarted');
    expect((await stored(kit, project.id)).selfAssessment).toBeUndefined();

    store.setMoney('spent', 'generalPublic', 21.49 * WAN);
    expect(store.selected!.selfAssessment!.status).toBe('inProgress');
    await store.flush();
    const saved = await stored(kit, project.id);
    expect(saved.selfAssessment?.status).toBe('inProgress');
    expect(saved.selfAssessment?.spent.generalPublic).toBe(21_490_000);
    // the targets are untouched by the save
    expect(saved.indicators.map((i) => i.name)).toEqual(INDICATORS.map((i) => i.name));
    expect(saved.annualGoal).toBe(project.annualGoal);
  });
});

describe('live scores', () => {
  test('21.49 / 23.44 gives 91.68% and 9.17; each indicator scores by its rule; total and grade follow', async () => {
    const { store, project } = await setup();
    await store.open({ kind: 'project', id: project.id });
    fillAll(store);
    const a = store.assessment!;
    expect(a.executionRateText).toBe('91.68%');
    // min(0.91680…, 1) × 10 = 9.168… → 9.17
    expect(a.executionScore).toBe(9.17);
    const byId = Object.fromEntries(a.indicatorScores.map((s) => [s.indicatorId, s]));
    expect(byId['i-qty'].score).toBe(15); // = 1 and actual 1: full
    expect(byId['i-quality'].score).toBe(15); // ≥ 100, actual 100: full
    // ≤ 90 days, actual 100: CN-2020 T/A × w = 90 / 100 × 20 = 18
    expect(byId['i-time'].score).toBe(18);
    expect(byId['i-time'].explanation).toBe('实际 100 天，目标 ≤90 天：90 ÷ 100 × 20 = 18.00');
    expect(byId['i-time'].deviationReason).toBe('实际完成值超过目标值');
    expect(byId['i-cost'].score).toBe(10); // ≤ 4.11, actual 3: full
    expect(byId['i-social'].score).toBe(10); // 达成: proposed w
    expect(byId['i-sat'].explanation).toBe('实际 100%，目标 ≥99%：达到目标，得满分 10.00');
    expect(a.executionExplanation).toBe('预算执行率 91.68% × 10 = 9.17');
    // 15 + 15 + 18 + 10 + 10 + 10 + 10 = 88; + 9.17 = 97.17
    expect(a.indicatorTotal).toBe(88);
    expect(a.total).toBe(97.17);
    expect(a.grade).toBe('优');
    expect(a.complete).toBe(true);
  });

  test('a missed target demands a note; a quantitative override needs a reason; a 定性 score stays in its band', async () => {
    const { store, project } = await setup();
    await store.open({ kind: 'project', id: project.id });
    fillAll(store);
    store.setDeviationNote('i-time', '');
    expect(store.assessment!.complete).toBe(false);
    expect(store.assessment!.missing.map((m) => m.message)).toContain('“文书档案整理时间”须填写偏差原因分析及改进措施');

    store.setScoreOverride('i-quality', { score: 14, reason: '' });
    expect(store.assessment!.indicatorScores[1].error?.code).toBe('overrideReasonRequired');
    expect(store.assessment!.indicatorScores[1].score).toBeNull();
    store.setScoreOverride('i-quality', { score: 14, reason: '部分档案装盒延迟' });
    expect(store.assessment!.indicatorScores[1].score).toBe(14);
    expect(store.assessment!.indicatorScores[1].explanation).toBe('实际 100%，目标 ≥100%：达到目标，得满分 15.00；调整为 14.00（理由：部分档案装盒延迟）');

    store.setScoreOverride('i-eco', { score: 7, reason: '' });
    expect(store.assessment!.indicatorScores[5].error?.code).toBe('overrideOutOfBand');
    store.setScoreOverride('i-eco', { score: 9, reason: '' });
    expect(store.assessment!.indicatorScores[5].score).toBe(9);
    // a new outcome drops the score chosen in the old band
    store.setOutcome('i-eco', 'partial');
    expect(store.resultOf('i-eco')?.scoreOverride).toBeUndefined();
    expect(store.assessment!.indicatorScores[5].score).toBe(7);
    expect(store.assessment!.indicatorScores[5].deviationRequired).toBe(true);
  });
});

describe('the 已完成 lock', () => {
  test('only a complete self-assessment can be marked done; edits then wait for a confirmed reopening, which is recorded', async () => {
    const { kit, store, project, clock } = await setup();
    await store.open({ kind: 'project', id: project.id });
    store.setMoney('spent', 'generalPublic', 21.49 * WAN);
    expect(await store.markDone()).toBe(false);
    fillAll(store);
    expect(await store.markDone()).toBe(true);
    let saved = await stored(kit, project.id);
    expect(saved.selfAssessment?.status).toBe('done');
    expect(saved.selfAssessment?.completedAt).toBe('2020-01-10T02:00:00.000Z');

    expect(store.locked).toBe(true);
    expect(store.setActual('i-time', '80')).toBe(false);
    expect(store.resultOf('i-time')?.actual).toBe('100');

    store.requestReopen();
    expect(store.reopenPending).toBe(true);
    store.cancelReopen();
    expect(store.locked).toBe(true);

    clock.now = new Date('2020-02-03T09:30:00.000Z');
    store.requestReopen();
    await store.confirmReopen();
    expect(store.locked).toBe(false);
    expect(store.setActual('i-time', '80')).toBe(true);
    await store.flush();
    saved = await stored(kit, project.id);
    expect(saved.selfAssessment?.status).toBe('inProgress');
    expect(saved.selfAssessment?.reopenedAt).toEqual(['2020-02-03T09:30:00.000Z']);
    expect(saved.selfAssessment?.results.find((r) => r.indicatorId === 'i-time')?.actual).toBe('80');
  });

  test('a fresh store reads everything back, including the chosen view', async () => {
    const { kit, store, project, unitId } = await setup();
    await store.open({ kind: 'project', id: project.id });
    fillAll(store);
    await store.markDone();
    const again = new AssessmentStore(kit.repo, store.context);
    await again.load();
    expect(again.view).toEqual({ kind: 'project', id: project.id });
    expect(toJS(again.selected!.selfAssessment)).toEqual(toJS(store.selected!.selfAssessment));
    expect(again.assessment!.total).toBe(97.17);
    expect(again.locked).toBe(true);
    expect(again.loadedFor).toEqual({ unitId, year: 2019 });
  });
});

describe('year overview', () => {
  test('rows with rate, score, grade and completeness; amount-weighted rate and mean score; sortable', async () => {
    const { kit, store, project, unitId } = await setup();
    const office = unwrap(
      await kit.repo.projects.create({
        unitId,
        year: 2019,
        name: '办公设备购置',
        funding: { ...EMPTY_FUNDING, generalPublic: 3.8 * WAN },
        indicators: [ind('o-1', '11', '电脑', '≥', '3', '台', 90)],
      }),
    );
    unwrap(await kit.repo.projects.create({ unitId, year: 2019, name: '党建事务', funding: { ...EMPTY_FUNDING, generalPublic: 267.1 * WAN } }));
    await store.load();
    await store.open({ kind: 'project', id: project.id });
    fillAll(store);
    await store.open({ kind: 'project', id: office.id });
    store.setMoney('spent', 'generalPublic', 3.79 * WAN);
    store.setActual('o-1', '3');
    await store.flush();

    const { rows, department } = store.overview;
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName['办公设备购置'].executionRateText).toBe('99.74%');
    expect(byName['办公设备购置'].total).toBe(99.97); // 9.97 + 90
    expect(byName['其他一般管理事务'].total).toBe(97.17);
    expect(byName['党建事务'].completeness).toBe('notStarted');
    expect(byName['党建事务'].total).toBeNull();
    // (21.49 + 3.79) / (23.44 + 3.80) = 25.28 / 27.24 = 92.80%; the 未开始 project's budget does not count
    expect(department.executionRateText).toBe('92.80%');
    // (97.17 + 99.97) / 2 = 98.57
    expect(department.meanScore).toBe(98.57);
    expect(department.counts).toEqual({ notStarted: 1, inProgress: 2, done: 0 });

    store.sortBy('total');
    expect(store.sortedRows.map((r) => r.name)).toEqual(['办公设备购置', '其他一般管理事务', '党建事务']);
    store.sortBy('total');
    expect(store.sortedRows.map((r) => r.name)).toEqual(['其他一般管理事务', '办公设备购置', '党建事务']);
  });
});

describe('department plan at year end', () => {
  test('task spending and indicator actuals are saved into the plan without touching its targets', async () => {
    const { kit, store, unitId } = await setup();
    const plan = unwrap(
      await kit.repo.plans.save({
        id: 'plan-1',
        unitId,
        year: 2019,
        tasks: [
          { id: 't-1', name: '党建工作', content: '非公党建', funding: { ...EMPTY_FUNDING, generalPublic: 369.66 * WAN } },
          { id: 't-2', name: '商会建设', content: '行业商会', funding: { ...EMPTY_FUNDING, generalPublic: 40 * WAN } },
        ],
        expenditureBudget: null,
        overallGoal: '推进非公经济健康发展。',
        indicators: [ind('p-1', '11', '新建党组织个数', '≥', '10', '个', null), ind('p-2', '31', '会员企业满意度', '≥', '90', '%', null)],
        updatedAt: '2019-01-01T00:00:00.000Z',
      }),
    );
    await store.load();
    await store.open({ kind: 'plan' });
    store.setTaskSpent('t-1', 'fiscal', 369.44 * WAN);
    store.setTaskSpent('t-2', 'fiscal', 39.95 * WAN);
    store.setPlanActual('p-1', '26');
    store.setPlanActual('p-2', '85');
    expect(store.planScores[1].deviationRequired).toBe(true);
    expect(store.planScores[0].deviationReason).toBe('实际完成值达到目标值的 130% 及以上，目标可能定得偏低');
    store.setPlanDeviationNote('p-2', '部分会员企业对活动安排不满意。');
    expect(store.planTotals).toEqual({ budget: 409.66 * WAN, spent: 409.39 * WAN });
    await store.flush();
    const saved = await kit.repo.plans.get(unitId, 2019);
    expect(saved?.tasks.map((t) => t.spent?.generalPublic)).toEqual([369_440_000, 39_950_000]);
    expect(saved?.tasks[0].content).toBe('非公党建');
    expect(saved?.results?.map((r) => [r.indicatorId, r.actual, r.deviationNote])).toEqual([
      ['p-1', '26', undefined],
      ['p-2', '85', '部分会员企业对活动安排不满意。'],
    ]);
    expect(saved?.overallGoal).toBe(plan.overallGoal);
  });

  test('实际完成情况 is saved at year end, kept by the plan editor\'s save, travels in a package, and is not copied to next year', async () => {
    const { kit, store, unitId } = await setup();
    const plan = unwrap(
      await kit.repo.plans.save({
        id: 'plan-1', unitId, year: 2019, tasks: [], expenditureBudget: null, overallGoal: '推进非公经济健康发展。', indicators: [], updatedAt: '2019-01-01T00:00:00.000Z',
      }),
    );
    await store.load();
    await store.open({ kind: 'plan' });
    store.setPlanOverallResult('全年目标基本完成。');
    await store.flush();
    expect((await kit.repo.plans.get(unitId, 2019))?.overallResult).toBe('全年目标基本完成。');
    // the plan editor holds the plan as it read it before the year end: its save keeps the year-end text
    unwrap(await kit.repo.plans.saveTargets({ ...plan, overallGoal: '推进非公经济高质量发展。' }));
    const stored = await kit.repo.plans.get(unitId, 2019);
    expect([stored?.overallGoal, stored?.overallResult]).toEqual(['推进非公经济高质量发展。', '全年目标基本完成。']);
    const text = serializeExchange(createExchangeDocument(await kit.repo.exchange.exportAll(), '2020-01-01T00:00:00.000Z'));
    const parsed = parseExchange(text);
    expect(parsed.ok && parsed.document.departmentPlans[0].overallResult).toBe('全年目标基本完成。');
    // next year's plan starts from the targets, without this year's result
    unwrap(await kit.repo.projects.copyUnitYear(unitId, 2019));
    const next = await kit.repo.plans.get(unitId, 2020);
    expect([next?.overallGoal, next?.overallResult]).toEqual(['推进非公经济高质量发展。', undefined]);
    // cleared: the field goes
    store.setPlanOverallResult('');
    await store.flush();
    expect(await kit.repo.plans.get(unitId, 2019)).not.toHaveProperty('overallResult');
  });
});

describe('leaving the workspace', () => {
  test('saves pending edits and has the authoring screens read the records again only when something was saved', async () => {
    const { kit, store, project } = await setup();
    const reloads: number[] = [];
    const context: WorkspaceContext = { ...store.context, reloadAll: async () => void reloads.push(1) };
    const s2 = new AssessmentStore(kit.repo, context, { delayMs: 10_000 });
    await s2.load();
    await s2.leave();
    expect(reloads).toHaveLength(0);
    await s2.open({ kind: 'project', id: project.id });
    s2.setText('problems', '无');
    await s2.leave();
    expect(reloads).toHaveLength(1);
    expect((await stored(kit, project.id)).selfAssessment?.problems).toBe('无');
  });
});

describe('定性 text and 不适用', () => {
  test('a 定性 outcome without its text is not complete; 不适用 takes a reason and rescales the others to 90', async () => {
    const { kit, store, project } = await setup();
    await store.open({ kind: 'project', id: project.id });
    fillAll(store);
    store.setActual('i-eco', '');
    expect(store.assessment!.missing.map((m) => m.message)).toEqual(['“档案信息化建设标准化”须用文字写明实际完成情况']);

    expect(store.setNotApplicable('i-eco', '')).toBe(true);
    expect(store.assessment!.missing.map((m) => m.message)).toEqual(['“档案信息化建设标准化”标为不适用，须说明理由']);
    store.setNotApplicable('i-eco', '本年度未开展档案信息化建设');
    const a = store.assessment!;
    expect(a.complete).toBe(true);
    expect(a.indicatorScores.find((s) => s.indicatorId === 'i-eco')).toMatchObject({ rule: 'notApplicable', score: null, maxScore: null });
    // weights 15 15 20 10 10 10 of 80 applicable, × 90 / 80: 16.88 16.87 22.5 11.25 11.25 11.25 (adding up to 90)
    expect(a.indicatorScores.filter((s) => s.countsInTotal).map((s) => s.maxScore)).toEqual([16.88, 16.87, 22.5, 11.25, 11.25, 11.25]);
    // i-time: 90 ÷ 100 × 22.5 = 20.25, the rest full: 90 − 2.25 = 87.75; + 9.17
    expect([a.indicatorTotal, a.total]).toEqual([87.75, 96.92]);
    await store.flush();
    const saved = (await stored(kit, project.id)).selfAssessment!.results.find((r) => r.indicatorId === 'i-eco');
    expect(saved?.notApplicable).toEqual({ reason: '本年度未开展档案信息化建设' });

    store.setNotApplicable('i-eco', undefined);
    expect(store.resultOf('i-eco')?.notApplicable).toBeUndefined();
    expect(store.assessment!.applicableWeight).toBe(90);
  });
});

describe('the unit\'s rule set', () => {
  /** A units store and a context read from it, as the root store wires them. */
  async function withUnits(kit: Setup['kit'], unitId: string) {
    const units = new UnitsStore(kit.repo, () => new Date('2019-06-01T00:00:00.000Z'));
    await units.load();
    await units.selectUnit(unitId);
    await units.selectYear(2019);
    const context: WorkspaceContext = {
      unitId: () => units.unitId,
      unit: () => units.unit,
      units: () => units.units,
      year: () => units.year,
      scheme: () => units.scheme,
      reloadAll: async () => {},
    };
    return { units, context };
  }
  const form = (units: UnitsStore, ruleSetId: string) => ({ name: units.unit!.name, shortName: units.unit!.shortName ?? '', parentId: null, schemeId: units.unit!.schemeId, ruleSetId });

  test('changing it recomputes the open self-assessments with a note; an 已完成 one keeps its scores until reopened', async () => {
    const { kit, unitId, project, clock } = await setup();
    // a finished project with a reverse indicator, and an open one whose scores no rule set moves
    const finished = unwrap(
      await kit.repo.projects.create({ unitId, year: 2019, name: '会议保障', funding: { ...EMPTY_FUNDING, generalPublic: 10 * WAN }, indicators: [ind('m-1', '14', '会议成本', '≤', '3000', '元/次', 90)] }),
    );
    const steady = unwrap(
      await kit.repo.projects.create({ unitId, year: 2019, name: '办公设备购置', funding: { ...EMPTY_FUNDING, generalPublic: 3.8 * WAN }, indicators: [ind('o-1', '11', '电脑', '≥', '3', '台', 90)] }),
    );
    const { units, context } = await withUnits(kit, unitId);
    const store = new AssessmentStore(kit.repo, context, { now: () => clock.now, delayMs: 5 });
    await store.load();
    expect(store.ruleSetChange).toBeNull();

    await store.open({ kind: 'project', id: finished.id });
    store.setMoney('budgetAdjusted', 'generalPublic', 10 * WAN);
    store.setMoney('spent', 'generalPublic', 10 * WAN);
    store.setText('overallResult', '完成全年会议保障');
    store.setActual('m-1', '3600');
    store.setDeviationNote('m-1', '物价上涨');
    // 3000 ÷ 3600 × 90 = 75; + 10 = 85
    expect(store.assessment!.total).toBe(85);
    expect(await store.markDone()).toBe(true);
    expect((await stored(kit, finished.id)).selfAssessment!.completedScoring).toMatchObject({
      ruleSet: { id: 'CN-2020', version: 1 },
      executionScore: 10,
      total: 85,
      grade: '良',
      scores: [{ indicatorId: 'm-1', score: 75 }],
    });
    await store.open({ kind: 'project', id: steady.id });
    store.setMoney('spent', 'generalPublic', 3.8 * WAN);
    store.setActual('o-1', '3');
    await store.open({ kind: 'project', id: project.id });
    fillAll(store);
    expect(store.assessment!.total).toBe(97.17);
    await store.flush();

    // the unit dialog: a derived set with the linear reverse formula, chosen for 2019
    clock.now = new Date('2020-01-20T03:00:00.000Z');
    const derived = await units.deriveRuleSet('线性反向', { reverseFormula: 'linear' });
    if (!derived.ok) throw new Error(derived.problems.join());
    unwrap(await units.update(unitId, form(units, derived.ruleSet.id)));
    await store.ruleSetSettled();

    expect(store.ruleSet.id).toBe(derived.ruleSet.id);
    // the open one is scored by the new set at once: (1 − 10/90) × 20 = 17.78
    expect(store.assessment!.total).toBe(96.95);
    expect(store.assessment!.ruleSet.name).toBe('线性反向');
    expect(store.ruleSetChange).toEqual({
      from: 'CN-2020（财预〔2020〕10号）',
      to: '线性反向（第 1 版）',
      at: '2020-01-20T03:00:00.000Z',
      projects: [{ id: project.id, name: '其他一般管理事务', before: 97.17, after: 96.95 }],
    });
    expect(store.ruleSetChangeOf(project.id)).toEqual({ id: project.id, name: '其他一般管理事务', before: 97.17, after: 96.95 });
    // the finished one keeps what it was completed with; the overview agrees
    const byName = Object.fromEntries(store.overview.rows.map((r) => [r.name, r.total]));
    expect(byName).toEqual({ 其他一般管理事务: 96.95, 会议保障: 85, 办公设备购置: 100 });
    await store.open({ kind: 'project', id: finished.id });
    expect([store.assessment!.total, store.assessment!.keptFromCompletion, store.assessment!.ruleSet.id]).toEqual([85, true, 'CN-2020']);

    // the note outlives a restart, until it is dismissed
    const again = new AssessmentStore(kit.repo, context, { now: () => clock.now });
    await again.load();
    expect(again.ruleSetChange?.projects.map((p) => p.name)).toEqual(['其他一般管理事务']);
    await again.dismissRuleSetChange();
    const third = new AssessmentStore(kit.repo, context);
    await third.load();
    expect(third.ruleSetChange).toBeNull();

    // reopened, the finished one follows the unit's set: (1 − 600/3000) × 90 = 72; + 10 = 82
    store.requestReopen();
    await store.confirmReopen();
    expect([store.assessment!.total, store.assessment!.keptFromCompletion]).toEqual([82, false]);
    expect((await stored(kit, finished.id)).selfAssessment!.completedScoring).toBeUndefined();
  });

  test('a change made while the year-end screen was closed is noted when it opens', async () => {
    const { kit, store, unitId, project, clock } = await setup();
    await store.open({ kind: 'project', id: project.id });
    fillAll(store);
    await store.flush();
    // the screen has shown CN-2020 for 2019; the rule set then changes elsewhere (an imported unit record)
    const linear = await new UnitsStore(kit.repo).deriveRuleSet('线性反向', { reverseFormula: 'linear' });
    if (!linear.ok) throw new Error(linear.problems.join());
    unwrap(await kit.repo.units.setRuleSet(unitId, 2018, linear.ruleSet));
    const { context } = await withUnits(kit, unitId);
    const later = new AssessmentStore(kit.repo, context, { now: () => clock.now });
    await later.load();
    // an entry for 2018 holds for 2019 too
    expect(later.ruleSetChange).toMatchObject({ from: 'CN-2020（财预〔2020〕10号）', to: '线性反向（第 1 版）', projects: [{ name: '其他一般管理事务', before: 97.17, after: 96.95 }] });
  });
});

test('上年结转资金 typed at year end is saved and counts in the execution rate: 22.49 / 24.44 = 92.02%', async () => {
  const { kit, store, project } = await setup();
  await store.open({ kind: 'project', id: project.id });
  store.setMoney('budgetAdjusted', 'generalPublic', 23.44 * WAN);
  store.setMoney('spent', 'generalPublic', 21.49 * WAN);
  expect(store.assessment!.executionRateText).toBe('91.68%');
  expect(store.setCarriedOver('budgetAdjusted', 1 * WAN)).toBe(true);
  expect(store.setCarriedOver('spent', 1 * WAN)).toBe(true);
  expect(store.assessment!.executionRateText).toBe('92.02%');
  await store.autosaver.flush();
  expect((await stored(kit, project.id)).selfAssessment!.carriedOver).toEqual({ budgetInitial: 0, budgetAdjusted: 1 * WAN, spent: 1 * WAN });
});
