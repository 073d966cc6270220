// The monitoring rounds on the project (绩效运行监控, issue #18): the 绩效监控 screen's own save writes only the rounds;
// the authoring editor's save keeps the stored ones; copies into another year (or within it) start without any.
import type { MonitoringRound } from '../../../shared/model';
import { CN_2020, deriveRuleSet } from '../../../shared/rule-sets';
import { loadFixture } from '../../fixtures/fixture-files';
import { addProject, addUnit, assessment, errorOf, funding, makeKit, unwrap, type Kit } from './db-test-kit';

let kit: Kit;
let unitId: string;
beforeEach(async () => {
  kit = makeKit();
  unitId = await addUnit(kit.repo, '示范区民营经济服务中心');
});
afterEach(() => kit.db.close());

function round(month: number, spent: number, correction?: string): MonitoringRound {
  return {
    month,
    status: 'draft',
    spent: funding(spent),
    entries: [{ indicatorId: 'x', actualToDate: '6', projected: '12', likelihood: 'certain' }],
    ...(correction === undefined ? {} : { correction }),
    updatedAt: '2025-08-20T00:00:00.000Z',
  };
}

describe('saveMonitoring', () => {
  it('writes the rounds onto the project as stored, keeping targets and self-assessment, one revision more', async () => {
    const project = await addProject(kit.repo, unitId, 2025, '经营管理培训', ['培训期数']);
    unwrap(await kit.repo.projects.saveSelfAssessment(project.id, assessment()));
    unwrap(await kit.repo.projects.saveTargets({ ...project, annualGoal: '全年培训 12 期' }));
    const saved = unwrap(await kit.repo.projects.saveMonitoring(project.id, [round(7, 150_000, '加快支付'), round(10, 400_000)]));
    expect(saved.revision).toBe(project.revision + 3);
    const stored = (await kit.repo.projects.get(project.id))!;
    expect(stored.monitoring?.map((r) => [r.month, r.spent.generalPublic, r.correction])).toEqual([
      [7, 150_000, '加快支付'],
      [10, 400_000, undefined],
    ]);
    expect(stored.annualGoal).toBe('全年培训 12 期');
    expect(stored.selfAssessment).toEqual(assessment());
    expect(stored.indicators.map((i) => i.name)).toEqual(['培训期数']);
  });

  it('no rounds leaves the project without any', async () => {
    const project = await addProject(kit.repo, unitId, 2025, '经营管理培训');
    unwrap(await kit.repo.projects.saveMonitoring(project.id, [round(7, 1)]));
    unwrap(await kit.repo.projects.saveMonitoring(project.id, []));
    expect((await kit.repo.projects.get(project.id))!.monitoring).toBeUndefined();
  });

  it('is refused for a project that is gone, and against a newer stored revision', async () => {
    expect(errorOf(await kit.repo.projects.saveMonitoring('ghost', [round(7, 1)]))).toBe('找不到该项目，可能已被删除。');
    const project = await addProject(kit.repo, unitId, 2025, '经营管理培训');
    unwrap(await kit.repo.projects.saveMonitoring(project.id, [round(7, 1)], { expectedRevision: project.revision }));
    const refused = await kit.repo.projects.saveMonitoring(project.id, [round(7, 2)], { expectedRevision: project.revision });
    expect(errorOf(refused)).toContain('经营管理培训');
    expect((await kit.repo.projects.get(project.id))!.monitoring?.[0].spent.generalPublic).toBe(1);
  });
});

describe('the other writes of a project', () => {
  it('the authoring save keeps the rounds stored meanwhile, whatever its copy holds', async () => {
    const loadedByEditor = await addProject(kit.repo, unitId, 2025, '经营管理培训');
    unwrap(await kit.repo.projects.saveMonitoring(loadedByEditor.id, [round(7, 150_000, '加快支付')]));
    // the editor's copy has no rounds, or older ones: neither is written back
    unwrap(await kit.repo.projects.saveTargets({ ...loadedByEditor, name: '民营企业经营管理培训' }));
    unwrap(await kit.repo.projects.saveTargets({ ...loadedByEditor, name: '民营企业经营管理培训', monitoring: [round(7, 1)] }));
    const stored = (await kit.repo.projects.get(loadedByEditor.id))!;
    expect(stored.name).toBe('民营企业经营管理培训');
    expect(stored.monitoring?.map((r) => [r.month, r.spent.generalPublic, r.correction])).toEqual([[7, 150_000, '加快支付']]);
  });

  it('copies to the next year, of the whole year and duplicates start without monitoring', async () => {
    const project = await addProject(kit.repo, unitId, 2025, '经营管理培训', ['培训期数']);
    unwrap(await kit.repo.projects.saveMonitoring(project.id, [round(7, 150_000)]));
    const year = unwrap(await kit.repo.projects.copyUnitYear(unitId, 2025));
    const [copy] = unwrap(await kit.repo.projects.copyToYear([project.id], 2027));
    const duplicate = unwrap(await kit.repo.projects.duplicate(project.id));
    for (const p of [copy, year.projects[0], duplicate]) {
      expect(p.monitoring).toBeUndefined();
      expect((await kit.repo.projects.get(p.id))!.monitoring).toBeUndefined();
      expect(p.indicators.map((i) => i.name)).toEqual(['培训期数']);
    }
    // the source keeps its round
    expect((await kit.repo.projects.get(project.id))!.monitoring).toHaveLength(1);
  });
});

describe("the supervisor's overview", () => {
  it('counts each unit’s projects by the light of their latest round and lists them worst first', async () => {
    const doc = loadFixture('monitoring-2025');
    unwrap(await kit.repo.exchange.importRecords({ units: doc.units, projects: doc.projects, departmentPlans: doc.departmentPlans }));
    const [row] = unwrap(await kit.repo.supervisor.overview('mon-sup', 2025));
    expect([row.unitName, row.lights, row.unmonitored]).toEqual(['示范区民营经济服务中心', { red: 3, yellow: 1, green: 1 }, 1]);
    expect(row.monitored.map((p) => [p.name, p.month, p.light])).toEqual([
      ['非公经济人士理想信念教育', 7, 'red'],
      ['民营企业投诉服务中心运营', 7, 'red'],
      ['行业协会商会发展调研', 7, 'red'],
      ['基层商会组织建设经费', 10, 'yellow'],
      ['民营企业经营管理培训', 7, 'green'],
    ]);
    expect(row.monitored[1].explanation).toBe('执行：红灯；指标：绿灯 4 个；项目：红灯');
  });
});

describe('the light kept on the project row', () => {
  it('is written with the rounds, stays out of the project read back, and is redone after the unit’s rule set changed', async () => {
    const supervisor = await addUnit(kit.repo, '示范区工商业联合会');
    unwrap(await kit.repo.units.update(unitId, { parentId: supervisor }));
    const project = await addProject(kit.repo, unitId, 2025, '经营管理培训');
    // 500,000 + 100,000 budget; 1–7月 spent 260,000: 43.33% against 58.33%, 15 points behind: 黄灯 by CN-2020
    unwrap(await kit.repo.projects.saveMonitoring(project.id, [{ ...round(7, 260_000), entries: [] }]));
    const row = (await kit.db.projects.get(project.id))!;
    expect([row.monitoringLight?.month, row.monitoringLight?.light, row.monitoringLight?.explanation]).toEqual([7, 'yellow', '执行：黄灯；指标：无；项目：黄灯']);
    expect(Object.keys((await kit.repo.projects.get(project.id))!)).not.toContain('monitoringLight');
    expect(JSON.stringify(await kit.repo.exchange.exportAll())).not.toContain('monitoringLight');
    const lightOf = async () => unwrap(await kit.repo.supervisor.overview(supervisor, 2025))[0].monitored.map((p) => p.light);
    expect(await lightOf()).toEqual(['yellow']);

    // limits of 20 and 30 points: the stored 黄灯 was lit by the old set, and the overview lights it again
    const derived = deriveRuleSet(CN_2020, '监控试点', { monitoring: { yellowGap: 20, redGap: 30 } });
    if (!derived.ok) throw new Error(derived.problems.join());
    unwrap(await kit.repo.units.update(unitId, { ruleSet: { year: 2025, ruleSet: derived.ruleSet } }));
    expect((await kit.db.projects.get(project.id))!.monitoringLight?.light).toBe('yellow');
    expect(await lightOf()).toEqual(['green']);
    // the next write stores the light by the new set
    unwrap(await kit.repo.projects.saveTargets({ ...(await kit.repo.projects.get(project.id))!, annualGoal: '全年培训 12 期' }));
    expect((await kit.db.projects.get(project.id))!.monitoringLight?.light).toBe('green');
  });
});
