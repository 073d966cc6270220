/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// The year-end self-assessment store against a real repository on an in-memory IndexedDB: starting a
// self-assessment, live scores through shared/scoring.ts, autosave, the 已完成 lock and its reopening, the year
// overview and the department plan's year-end figures.
import { toJS } from 'mobx';
import { EMPTY_FUNDING, type Indicator, type Project } from '../../../shared/model';
import { SCHEME_A } from '../../../shared/schemes';
import { AssessmentStore } from '../../../renderer/stores/assessment-store';
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
  const unit = unwrap(await kit.repo.createUnit({ name: '深圳市龙岗区工商业联合会', shortName: '区工商联' }));
  const project = unwrap(
    await kit.repo.createProject({
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
  const p = await kit.repo.getProject(id);
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
  store.setOutcome('i-eco', 'achieved');
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
    // ≤ 90 days, actual 100: (1 − (100 − 90) / 90) × 20 = 17.777… → 17.78
    expect(byId['i-time'].score).toBe(17.78);
    expect(byId['i-time'].explanation).toBe('（1 − (实际 100 − 目标 90) / 目标 90）× 20 = 17.78');
    expect(byId['i-time'].deviationReason).toBe('实际完成值超过目标值');
    expect(byId['i-cost'].score).toBe(10); // ≤ 4.11, actual 3: full
    expect(byId['i-social'].score).toBe(10); // 达成: proposed w
    expect(byId['i-sat'].explanation).toBe('实际 100 / 目标 99，得满分 10');
    // 15 + 15 + 17.78 + 10 + 10 + 10 + 10 = 87.78; + 9.17 = 96.95
    expect(a.indicatorTotal).toBe(87.78);
    expect(a.total).toBe(96.95);
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
    expect(store.assessment!.indicatorScores[1].explanation).toBe('实际 100 / 目标 100，得满分 15；调整为 14（理由：部分档案装盒延迟）');

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
    expect(again.assessment!.total).toBe(96.95);
    expect(again.locked).toBe(true);
    expect(again.loadedFor).toEqual({ unitId, year: 2019 });
  });
});

describe('year overview', () => {
  test('rows with rate, score, grade and completeness; amount-weighted rate and mean score; sortable', async () => {
    const { kit, store, project, unitId } = await setup();
    const office = unwrap(
      await kit.repo.createProject({
        unitId,
        year: 2019,
        name: '办公设备购置',
        funding: { ...EMPTY_FUNDING, generalPublic: 3.8 * WAN },
        indicators: [ind('o-1', '11', '电脑', '≥', '3', '台', 90)],
      }),
    );
    unwrap(await kit.repo.createProject({ unitId, year: 2019, name: '党建事务', funding: { ...EMPTY_FUNDING, generalPublic: 267.1 * WAN } }));
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
    expect(byName['其他一般管理事务'].total).toBe(96.95);
    expect(byName['党建事务'].completeness).toBe('notStarted');
    expect(byName['党建事务'].total).toBeNull();
    // (21.49 + 3.79) / (23.44 + 3.80) = 25.28 / 27.24 = 92.80%; the 未开始 project's budget does not count
    expect(department.executionRateText).toBe('92.80%');
    // (96.95 + 99.97) / 2 = 98.46
    expect(department.meanScore).toBe(98.46);
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
      await kit.repo.saveDepartmentPlan({
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
    const saved = await kit.repo.getDepartmentPlan(unitId, 2019);
    expect(saved?.tasks.map((t) => t.spent?.generalPublic)).toEqual([369_440_000, 39_950_000]);
    expect(saved?.tasks[0].content).toBe('非公党建');
    expect(saved?.results?.map((r) => [r.indicatorId, r.actual, r.deviationNote])).toEqual([
      ['p-1', '26', undefined],
      ['p-2', '85', '部分会员企业对活动安排不满意。'],
    ]);
    expect(saved?.overallGoal).toBe(plan.overallGoal);
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
