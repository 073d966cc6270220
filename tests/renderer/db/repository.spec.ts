import { DEFAULT_SCHEME_ID, SCHEME_B } from '../../../shared/schemes';
import type { DepartmentPlan, Project, Unit } from '../../../shared/model';
import { Repository } from '../../../renderer/db/repository';
import {
  FIXED_NOW,
  addProject,
  addUnit,
  assessment,
  errorOf,
  funding,
  indicator,
  makeKit,
  storedIndicatorCount,
  storedIndicatorIds,
  unwrap,
  type Kit,
} from './db-test-kit';

let kit: Kit;
beforeEach(() => {
  kit = makeKit();
});
afterEach(() => {
  kit.db.close();
});

function plan(unitId: string, year: number, id = `plan-${unitId}-${year}`): DepartmentPlan {
  return {
    id,
    unitId,
    year,
    tasks: [{ id: `${id}-t1`, name: '履职保障', content: '日常运转', funding: funding(2_000_000), spent: funding(1_900_000) }],
    expenditureBudget: null,
    overallGoal: '保障机关正常运转',
    indicators: [indicator(`${id}-i1`, '会议次数')],
    results: [{ indicatorId: `${id}-i1`, actual: '12' }],
    updatedAt: FIXED_NOW.toISOString(),
  };
}

describe('units', () => {
  it('creates a unit with the default scheme, no parent, trimmed names and the clock’s timestamp', async () => {
    const unit = unwrap(await kit.repo.units.create({ name: '  深圳市龙岗区工商业联合会 ', shortName: ' 区工商联 ' }));
    expect(unit).toEqual({
      id: 'id-0001',
      name: '深圳市龙岗区工商业联合会',
      shortName: '区工商联',
      parentId: null,
      schemeId: DEFAULT_SCHEME_ID,
      updatedAt: '2025-01-15T08:00:00.000Z',
      revision: 1,
    });
    expect(await kit.repo.units.get('id-0001')).toEqual(unit);
  });

  it('refuses an empty name, an unknown scheme and a missing parent in Chinese', async () => {
    expect(errorOf(await kit.repo.units.create({ name: '   ' }))).toBe('单位名称不能为空。');
    expect(errorOf(await kit.repo.units.create({ name: '甲', schemeId: 'no-such' }))).toBe('找不到所选的指标体系。');
    expect(errorOf(await kit.repo.units.create({ name: '甲', parentId: 'ghost' }))).toBe(
      '找不到所选的主管部门，可能已被删除。',
    );
    expect(await kit.db.units.count()).toBe(0);
  });

  it('renames, sets the scheme and the parent, stamping updatedAt each time', async () => {
    const parent = await addUnit(kit.repo, '区财政局');
    const id = await addUnit(kit.repo, '区工商联');
    kit.clock.now = new Date('2025-02-01T00:00:00.000Z');
    expect(unwrap(await kit.repo.units.rename(id, '深圳市龙岗区工商业联合会', '区工商联')).name).toBe('深圳市龙岗区工商业联合会');
    expect(unwrap(await kit.repo.units.setScheme(id, SCHEME_B.id)).schemeId).toBe(SCHEME_B.id);
    const moved = unwrap(await kit.repo.units.setParent(id, parent));
    expect(moved).toMatchObject({ parentId: parent, shortName: '区工商联', updatedAt: '2025-02-01T00:00:00.000Z' });
    expect(await kit.repo.units.get(id)).toEqual(moved);
    expect(unwrap(await kit.repo.units.rename(id, '工商联', '')).shortName).toBeUndefined();
    expect(unwrap(await kit.repo.units.setParent(id, null)).parentId).toBeNull();
    expect(errorOf(await kit.repo.units.setScheme(id, 'no-such'))).toBe('找不到所选的指标体系。');
    expect(errorOf(await kit.repo.units.rename('ghost', '甲'))).toBe('找不到该单位，可能已被删除。');
  });

  it('refuses a parent that would make the unit tree a cycle', async () => {
    const top = await addUnit(kit.repo, '区财政局');
    const middle = await addUnit(kit.repo, '区工商联', top);
    const bottom = await addUnit(kit.repo, '商会', middle);
    expect(errorOf(await kit.repo.units.setParent(top, top))).toBe('单位不能把自己设为主管部门。');
    expect(errorOf(await kit.repo.units.setParent(top, bottom))).toBe(
      '不能把下级单位设为主管部门，否则上下级关系会形成循环。',
    );
    expect(errorOf(await kit.repo.units.setParent(top, 'ghost'))).toBe('找不到所选的主管部门，可能已被删除。');
    expect((await kit.repo.units.get(top))?.parentId).toBeNull();
    expect(unwrap(await kit.repo.units.setParent(bottom, top)).parentId).toBe(top);
  });

  it('lists units in pinyin order of their names', async () => {
    for (const name of ['区卫生健康局', '区财政局', '区工商联']) await addUnit(kit.repo, name);
    expect((await kit.repo.units.list()).map((u) => u.name)).toEqual(['区财政局', '区工商联', '区卫生健康局']);
  });

  it('deletes an empty unit, and the setting that remembered it, leaving other units and settings', async () => {
    const keep = await addUnit(kit.repo, '区财政局');
    const id = await addUnit(kit.repo, '区档案馆');
    await kit.repo.settings.set('ui.unitId', id);
    await kit.repo.settings.set('ui.year', 2025);
    expect(await kit.repo.units.deleteRefusal(id)).toBeNull();
    expect(unwrap(await kit.repo.units.delete(id)).name).toBe('区档案馆');
    expect(await kit.repo.units.get(id)).toBeUndefined();
    expect((await kit.repo.units.list()).map((u) => u.id)).toEqual([keep]);
    expect(await kit.repo.settings.get('ui.unitId')).toBeUndefined();
    expect(await kit.repo.settings.get('ui.year')).toBe(2025);
    expect(errorOf(await kit.repo.units.delete(id))).toBe('找不到该单位，可能已被删除。');
  });

  /** Every row of every table, to show a refused delete changed nothing. */
  async function snapshot(): Promise<Record<string, unknown[]>> {
    const dump: Record<string, unknown[]> = {};
    for (const table of kit.db.tables) dump[table.name] = await table.toArray();
    return dump;
  }

  async function refusedUnchanged(id: string): Promise<string> {
    const before = await snapshot();
    const refusal = await kit.repo.units.deleteRefusal(id);
    const error = errorOf(await kit.repo.units.delete(id));
    expect(refusal).toBe(error);
    expect(await snapshot()).toEqual(before);
    return error;
  }

  it('refuses a unit with projects, naming their count and years, and changes nothing', async () => {
    const id = await addUnit(kit.repo, '区工商联');
    await kit.repo.settings.set('ui.unitId', id);
    for (const year of [2024, 2025, 2025, 2026]) await addProject(kit.repo, id, year, `项目${year}`, ['培训人次']);
    expect(await refusedUnchanged(id)).toBe('该单位下还有 4 个项目（2024—2026年度），不能删除。请先删除或移走这些数据。');
    await addProject(kit.repo, id, 2022, '早年项目');
    expect(await refusedUnchanged(id)).toBe('该单位下还有 5 个项目（2022、2024—2026年度），不能删除。请先删除或移走这些数据。');
  });

  it('refuses a unit with a department plan of any year and changes nothing', async () => {
    const id = await addUnit(kit.repo, '区档案馆');
    unwrap(await kit.repo.plans.save(plan(id, 2023)));
    expect(await refusedUnchanged(id)).toBe(
      '该单位下还有 1 份部门整体支出绩效目标（2023年度），不能删除。请先删除或移走这些数据。',
    );
  });

  it('refuses the 主管部门 of another unit and changes nothing', async () => {
    const top = await addUnit(kit.repo, '区委统战部');
    await addUnit(kit.repo, '区工商联', top);
    expect(await refusedUnchanged(top)).toBe('该单位下还有 1 个下属单位，不能删除。请先删除或移走这些数据。');
  });

  it('names everything a unit holds in one sentence, and deletes it once it is all gone', async () => {
    const top = await addUnit(kit.repo, '区委统战部');
    const child = await addUnit(kit.repo, '区工商联', top);
    await addUnit(kit.repo, '区台联', top);
    const projects = [await addProject(kit.repo, top, 2025, '统战宣传'), await addProject(kit.repo, top, 2026, '统战培训')];
    unwrap(await kit.repo.plans.save(plan(top, 2025)));
    unwrap(await kit.repo.plans.save(plan(top, 2026)));
    expect(await refusedUnchanged(top)).toBe(
      '该单位下还有 2 个项目（2025—2026年度）、2 份部门整体支出绩效目标（2025—2026年度）和 2 个下属单位，不能删除。请先删除或移走这些数据。',
    );

    await kit.repo.projects.deleteMany(projects.map((p) => p.id));
    await kit.db.departmentPlans.clear();
    unwrap(await kit.repo.units.setParent(child, null));
    expect(await kit.repo.units.deleteRefusal(top)).toBe('该单位下还有 1 个下属单位，不能删除。请先删除或移走这些数据。');
    unwrap(await kit.repo.units.delete(child));
    const unit = (await kit.repo.units.list()).find((u) => u.name === '区台联')!;
    unwrap(await kit.repo.units.delete(unit.id));
    unwrap(await kit.repo.units.delete(top));
    expect(await kit.db.units.count()).toBe(0);
  });

  it('never leaves a project without its unit when a project is added while the unit is deleted', async () => {
    const id = await addUnit(kit.repo, '区档案馆');
    const [deleted, created] = await Promise.all([
      kit.repo.units.delete(id),
      kit.repo.projects.create({ unitId: id, year: 2025, name: '档案数字化' }),
    ]);
    // IndexedDB runs the two read-write transactions one after the other: exactly one of them wins
    expect([deleted.ok, created.ok].filter(Boolean)).toHaveLength(1);
    expect(await kit.db.units.count()).toBe(created.ok ? 1 : 0);
    expect(await kit.db.projects.count()).toBe(created.ok ? 1 : 0);
  });
});

describe('projects', () => {
  let unitId: string;
  beforeEach(async () => {
    unitId = await addUnit(kit.repo, '区工商联');
  });

  it('creates a project with empty defaults and reads it back', async () => {
    const created = unwrap(await kit.repo.projects.create({ unitId, year: 2025, name: ' 商会培训 ' }));
    expect(created).toMatchObject({
      unitId,
      year: 2025,
      name: '商会培训',
      governmentInvestment: false,
      key: false,
      funding: { generalPublic: 0, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 0 },
      townSubsidy: 0,
      annualGoal: '',
      indicators: [],
      updatedAt: '2025-01-15T08:00:00.000Z',
    });
    expect(await kit.repo.projects.get(created.id)).toEqual(created);
    expect(await kit.repo.projects.get('ghost')).toBeUndefined();
  });

  it('refuses a project without a name, with a bad year or for a missing unit', async () => {
    expect(errorOf(await kit.repo.projects.create({ unitId, year: 2025, name: '' }))).toBe('项目名称不能为空。');
    expect(errorOf(await kit.repo.projects.create({ unitId, year: 25, name: '甲' }))).toBe(
      '年度“25”无效，请填写四位数的年份。',
    );
    expect(errorOf(await kit.repo.projects.create({ unitId: 'ghost', year: 2025, name: '甲' }))).toBe(
      '项目“甲”所属的单位不存在，未作任何修改。',
    );
    expect(await kit.db.projects.count()).toBe(0);
  });

  it('keeps the indicators in the order they were saved, whatever their ids', async () => {
    const created = unwrap(await kit.repo.projects.create({ unitId, year: 2025, name: '商会培训' }));
    const names = ['培训人次', '培训场次', '满意度', '覆盖商会数', '完成时间', '人均成本', '参训率', '合格率', '宣传报道', '回访率', '结业人数', '课程数'];
    // ids deliberately sort in the opposite order, so only the order field can explain the result
    const indicators = names.map((n, i) => indicator(`z-${String(99 - i).padStart(2, '0')}`, n));
    unwrap(await kit.repo.projects.save({ ...created, indicators }));
    const loaded = await kit.repo.projects.get(created.id);
    expect(loaded?.indicators.map((i) => i.name)).toEqual(names);
    expect(loaded?.indicators[0]).toEqual(indicators[0]);
    expect(loaded?.indicators[0]).not.toHaveProperty('projectId');
    expect(loaded?.indicators[0]).not.toHaveProperty('order');
  });

  it('save replaces the project’s indicator list in one go and leaves other projects alone', async () => {
    const other = await addProject(kit.repo, unitId, 2025, '非公经济调研', ['调研报告数']);
    const project = await addProject(kit.repo, unitId, 2025, '商会培训', ['培训人次', '培训场次', '满意度']);
    kit.clock.now = new Date('2025-03-01T00:00:00.000Z');
    const [first, second, third] = project.indicators;
    const edited = { ...project, annualGoal: '培训 500 人次', indicators: [third, { ...first, target: '20' }, indicator('new-1', '结业人数')] };
    const saved = unwrap(await kit.repo.projects.save(edited));

    expect(saved.updatedAt).toBe('2025-03-01T00:00:00.000Z');
    const loaded = await kit.repo.projects.get(project.id);
    expect(loaded).toEqual(saved);
    expect(loaded?.indicators.map((i) => [i.name, i.target])).toEqual([
      ['满意度', '10'],
      ['培训人次', '20'],
      ['结业人数', '10'],
    ]);
    expect(await storedIndicatorIds(kit.db)).not.toContain(second.id);
    expect(await storedIndicatorCount(kit.db, project.id)).toBe(3);
    expect((await kit.db.projects.get(project.id))?.indicatorCount).toBe(3);
    expect(await kit.repo.projects.get(other.id)).toEqual(other);
  });

  it('keeps a range target ("大于7-8次" → >, 7, 8, 次) through save and load, and drops it when saved without', async () => {
    const project = await addProject(kit.repo, unitId, 2025, '宣讲培训', ['宣讲、培训次数', '培训人次']);
    const [range, plain] = project.indicators;
    const withRange = { ...range, direction: '>' as const, target: '7', targetMax: '8', unit: '次' };
    unwrap(await kit.repo.projects.save({ ...project, indicators: [withRange, plain] }));
    const loaded = await kit.repo.projects.get(project.id);
    expect(loaded?.indicators[0]).toEqual(withRange);
    expect(loaded?.indicators[1]).not.toHaveProperty('targetMax');

    const { targetMax: _dropped, ...single } = withRange;
    unwrap(await kit.repo.projects.save({ ...loaded!, indicators: [{ ...single, target: '9' }, plain] }));
    const again = await kit.repo.projects.get(project.id);
    expect(again?.indicators[0]).not.toHaveProperty('targetMax');
    expect(again?.indicators[0].target).toBe('9');
    // a department plan keeps its indicators inside the plan record: the range survives there too
    const p = plan(unitId, 2025);
    p.indicators[0] = { ...p.indicators[0], direction: '=', target: '5', targetMax: '6', unit: '家' };
    unwrap(await kit.repo.plans.save(p));
    expect((await kit.repo.plans.get(unitId, 2025))?.indicators[0]).toMatchObject({ target: '5', targetMax: '6', unit: '家' });
  });

  it('refuses to save an indicator id twice or one that belongs to another project', async () => {
    const other = await addProject(kit.repo, unitId, 2025, '非公经济调研', ['调研报告数']);
    const project = await addProject(kit.repo, unitId, 2025, '商会培训', ['培训人次']);
    const twice = { ...project, indicators: [project.indicators[0], project.indicators[0]] };
    expect(errorOf(await kit.repo.projects.save(twice))).toBe(`指标编号“${project.indicators[0].id}”重复，数据可能已损坏，未作任何修改。`);
    const stolen = { ...project, indicators: [other.indicators[0]] };
    expect(errorOf(await kit.repo.projects.save(stolen))).toBe(`指标编号“${other.indicators[0].id}”已属于另一个项目，未作任何修改。`);
    expect(await kit.repo.projects.get(other.id)).toEqual(other);
    expect(await kit.repo.projects.get(project.id)).toEqual(project);
  });

  it('lists only the chosen unit and year, as summaries, through the compound index and without indicators', async () => {
    const otherUnit = await addUnit(kit.repo, '区财政局');
    const b = await addProject(kit.repo, unitId, 2025, '商会培训', ['培训人次', '培训场次']);
    const a = await addProject(kit.repo, unitId, 2025, '非公经济调研', ['调研报告数'], {
      key: true,
      annualGoal: '完成调研报告 2 篇',
      selfAssessment: assessment(),
    });
    await addProject(kit.repo, unitId, 2024, '商会培训', ['培训人次']);
    await addProject(kit.repo, otherUnit, 2025, '预算评审', ['评审项目数']);

    const projectsWhere = jest.spyOn(kit.db.projects, 'where');
    const indicatorsWhere = jest.spyOn(kit.db.indicatorLists, 'where');
    const indicatorsToArray = jest.spyOn(kit.db.indicatorLists, 'toArray');
    const indicatorsGet = jest.spyOn(kit.db.indicatorLists, 'get');
    const list = await kit.repo.projects.list(unitId, 2025);

    expect(projectsWhere).toHaveBeenCalledWith('[unitId+year]');
    expect(indicatorsWhere).not.toHaveBeenCalled();
    expect(indicatorsToArray).not.toHaveBeenCalled();
    expect(indicatorsGet).not.toHaveBeenCalled();
    // pinyin order: 非 (fēi) before 商 (shāng)
    expect(list).toEqual([
      {
        id: a.id,
        unitId,
        year: 2025,
        name: '非公经济调研',
        key: true,
        governmentInvestment: false,
        funding: funding(500_000, 100_000),
        fundingTotal: 600_000,
        indicatorCount: 1,
        errorCount: null,
        hasAnnualGoal: true,
        assessmentStatus: 'done',
        budgetAdjustedTotal: 1_000_000,
        spentTotal: 950_000,
        reviewStatus: 'draft',
        monitoringRounds: 0,
        monitoringLight: null,
        updatedAt: '2025-01-15T08:00:00.000Z',
      },
      {
        id: b.id,
        unitId,
        year: 2025,
        name: '商会培训',
        key: false,
        governmentInvestment: false,
        funding: funding(500_000, 100_000),
        fundingTotal: 600_000,
        indicatorCount: 2,
        errorCount: null,
        hasAnnualGoal: false,
        assessmentStatus: 'notStarted',
        budgetAdjustedTotal: null,
        spentTotal: null,
        reviewStatus: 'draft',
        monitoringRounds: 0,
        monitoringLight: null,
        updatedAt: '2025-01-15T08:00:00.000Z',
      },
    ]);
    expect(await kit.repo.projects.list(unitId, 2023)).toEqual([]);
    expect((await kit.repo.projects.list(otherUnit, 2025)).map((p) => p.name)).toEqual(['预算评审']);
  });

  it('stores the error count of an injected counter at every write, and recounts when the unit’s scheme changes', async () => {
    // stand-in for validation: one error per indicator without a target, one more under scheme B
    const counter = (project: Project, unit: Unit): number =>
      project.indicators.filter((i) => i.target === '').length + (unit.schemeId === SCHEME_B.id ? 1 : 0);
    const repo = new Repository(kit.db, { errorCounter: counter });
    const created = unwrap(await repo.projects.create({ unitId, year: 2025, name: '商会培训' }));
    expect((await repo.projects.list(unitId, 2025))[0].errorCount).toBe(0);
    const blank = { ...indicator('b1', '培训人次'), target: '' };
    unwrap(await repo.projects.save({ ...created, indicators: [blank, { ...blank, id: 'b2' }, indicator('ok', '满意度')] }));
    expect((await repo.projects.list(unitId, 2025))[0].errorCount).toBe(2);
    unwrap(await repo.units.setScheme(unitId, SCHEME_B.id));
    expect((await repo.projects.list(unitId, 2025))[0].errorCount).toBe(3);
    const copy = unwrap(await repo.projects.duplicate(created.id));
    expect((await repo.projects.list(unitId, 2025)).find((p) => p.id === copy.id)?.errorCount).toBe(3);
    expect(await repo.projects.get(created.id)).not.toHaveProperty('errorCount');
  });

  it('lists the years in which a unit has projects', async () => {
    const otherUnit = await addUnit(kit.repo, '区财政局');
    await addProject(kit.repo, unitId, 2025, '甲');
    await addProject(kit.repo, unitId, 2023, '乙');
    await addProject(kit.repo, unitId, 2025, '丙');
    await addProject(kit.repo, otherUnit, 2024, '丁');
    expect(await kit.repo.projects.years(unitId)).toEqual([2023, 2025]);
  });

  it('delete returns the project with its indicators, and restore puts back exactly the same data', async () => {
    const keep = await addProject(kit.repo, unitId, 2025, '非公经济调研', ['调研报告数']);
    const gone = await addProject(kit.repo, unitId, 2025, '商会培训', ['培训人次', '培训场次', '满意度'], {
      selfAssessment: assessment(),
    });
    const before = await kit.repo.exchange.exportAll();

    kit.clock.now = new Date('2025-06-01T00:00:00.000Z');
    const deleted = await kit.repo.projects.delete(gone.id);
    expect(deleted.projects).toEqual([gone]);
    expect(await kit.repo.projects.get(gone.id)).toBeUndefined();
    expect(await storedIndicatorCount(kit.db, gone.id)).toBe(0);
    expect(await kit.repo.projects.get(keep.id)).toEqual(keep);
    expect((await kit.repo.projects.delete('ghost')).projects).toEqual([]);

    expect(unwrap(await kit.repo.projects.restore(deleted))).toBe(1);
    expect(await kit.repo.exchange.exportAll()).toEqual(before);
    expect(errorOf(await kit.repo.projects.restore(deleted))).toBe('项目“商会培训”已经存在，无需恢复。');
  });

  it('refuses to restore a project whose unit has been deleted meanwhile', async () => {
    const lone = await addUnit(kit.repo, '区档案馆');
    const project = await addProject(kit.repo, lone, 2025, '档案数字化', ['扫描页数']);
    const deleted = await kit.repo.projects.delete(project.id);
    unwrap(await kit.repo.units.delete(lone));
    expect(errorOf(await kit.repo.projects.restore(deleted))).toBe('项目“档案数字化”所属的单位已被删除，无法恢复。');
    expect(await kit.db.projects.count()).toBe(0);
    expect(await storedIndicatorIds(kit.db)).toEqual([]);
  });

  it('duplicates a project with new ids, “（副本）” and no self-assessment', async () => {
    const source = await addProject(kit.repo, unitId, 2025, '商会培训', ['培训人次', '满意度'], {
      selfAssessment: assessment(),
    });
    kit.clock.now = new Date('2025-04-01T00:00:00.000Z');
    const copy = unwrap(await kit.repo.projects.duplicate(source.id));

    expect(copy.name).toBe('商会培训（副本）');
    expect(copy.id).not.toBe(source.id);
    expect(copy.selfAssessment).toBeUndefined();
    expect(copy.updatedAt).toBe('2025-04-01T00:00:00.000Z');
    expect(copy.indicators.map((i) => i.name)).toEqual(['培训人次', '满意度']);
    expect(copy.indicators.map((i) => i.id).filter((id) => source.indicators.some((s) => s.id === id))).toEqual([]);
    expect(copy.indicators.map(({ id: _id, ...rest }) => rest)).toEqual(source.indicators.map(({ id: _id, ...rest }) => rest));
    expect(await kit.repo.projects.get(copy.id)).toEqual(copy);
    expect(await kit.repo.projects.get(source.id)).toEqual(source);
    expect(errorOf(await kit.repo.projects.duplicate('ghost'))).toBe('找不到该项目，可能已被删除。');
  });

  it('copies selected projects to another year', async () => {
    const a = await addProject(kit.repo, unitId, 2025, '商会培训', ['培训人次'], { selfAssessment: assessment() });
    await addProject(kit.repo, unitId, 2025, '非公经济调研', ['调研报告数']);
    const copies = unwrap(await kit.repo.projects.copyToYear([a.id], 2026));
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ name: '商会培训', year: 2026, unitId });
    expect(copies[0].selfAssessment).toBeUndefined();
    expect((await kit.repo.projects.list(unitId, 2026)).map((p) => p.name)).toEqual(['商会培训']);
    expect((await kit.repo.projects.list(unitId, 2025)).map((p) => p.name)).toEqual(['非公经济调研', '商会培训']);
    expect(errorOf(await kit.repo.projects.copyToYear([a.id, 'ghost'], 2027))).toBe('找不到该项目，可能已被删除。');
    expect(await kit.repo.projects.list(unitId, 2027)).toEqual([]);
  });

  it('copies a unit’s whole year into the next: new ids, no self-assessment or results, updatedAt now', async () => {
    const otherUnit = await addUnit(kit.repo, '区财政局');
    const a = await addProject(kit.repo, unitId, 2025, '商会培训', ['培训人次', '培训场次', '满意度'], {
      selfAssessment: assessment(),
      annualGoal: '培训 500 人次',
    });
    const b = await addProject(kit.repo, unitId, 2025, '非公经济调研', ['调研报告数']);
    await addProject(kit.repo, otherUnit, 2025, '预算评审', ['评审项目数']);
    unwrap(await kit.repo.plans.save(plan(unitId, 2025)));
    const before = await kit.repo.exchange.exportAll();

    kit.clock.now = new Date('2025-11-01T00:00:00.000Z');
    const summary = unwrap(await kit.repo.projects.copyUnitYear(unitId, 2025));
    expect(summary.toYear).toBe(2026);
    expect(summary.projects.map((p) => p.name).sort()).toEqual(['商会培训', '非公经济调研'].sort());

    const oldIds = new Set(before.projects.flatMap((p) => [p.id, ...p.indicators.map((i) => i.id)]));
    for (const copy of summary.projects) {
      const source = copy.name === a.name ? a : b;
      expect(oldIds.has(copy.id)).toBe(false);
      for (const i of copy.indicators) expect(oldIds.has(i.id)).toBe(false);
      expect(copy.selfAssessment).toBeUndefined();
      expect(copy.updatedAt).toBe('2025-11-01T00:00:00.000Z');
      expect(copy.year).toBe(2026);
      expect(copy.annualGoal).toBe(source.annualGoal);
      expect(copy.funding).toEqual(source.funding);
      expect(copy.indicators.map((i) => i.name)).toEqual(source.indicators.map((i) => i.name));
      expect(await kit.repo.projects.get(copy.id)).toEqual(copy);
    }

    const planCopy = await kit.repo.plans.get(unitId, 2026);
    expect(planCopy).toEqual(summary.departmentPlan);
    expect(planCopy?.id).not.toBe(`plan-${unitId}-2025`);
    expect(planCopy?.results).toBeUndefined();
    expect(planCopy?.tasks[0].spent).toBeUndefined();
    expect(planCopy?.tasks[0].funding).toEqual(funding(2_000_000));
    expect(planCopy?.overallGoal).toBe('保障机关正常运转');

    // the source year and the other unit are untouched
    const after = await kit.repo.exchange.exportAll();
    expect(after.projects.filter((p) => p.year === 2025)).toEqual(before.projects);
    expect(await kit.repo.projects.list(otherUnit, 2026)).toEqual([]);

    expect(errorOf(await kit.repo.projects.copyUnitYear(unitId, 2025))).toBe(
      '2026年度已有 2 个项目。为避免重复，整年复制只能复制到没有项目的年度；可改为勾选项目后复制。',
    );
    expect(errorOf(await kit.repo.projects.copyUnitYear(unitId, 2019))).toBe('2019年度没有可复制的项目或部门整体支出绩效目标。');
  });
});

describe('department plans and settings', () => {
  it('gets a plan by unit and year; saving another plan for the same unit and year replaces it', async () => {
    const unitId = await addUnit(kit.repo, '区工商联');
    const first = unwrap(await kit.repo.plans.save(plan(unitId, 2025, 'p1')));
    unwrap(await kit.repo.plans.save(plan(unitId, 2024, 'p0')));
    expect(await kit.repo.plans.get(unitId, 2025)).toEqual(first);
    expect(await kit.repo.plans.get(unitId, 2023)).toBeUndefined();

    const second = unwrap(await kit.repo.plans.save({ ...plan(unitId, 2025, 'p2'), overallGoal: '新目标' }));
    expect(await kit.repo.plans.get(unitId, 2025)).toEqual(second);
    expect(await kit.db.departmentPlans.count()).toBe(2);
    expect(errorOf(await kit.repo.plans.save(plan('ghost', 2025)))).toBe(
      '2025年度部门整体支出绩效目标所属的单位不存在，未作任何修改。',
    );
  });

  it('stores settings by key', async () => {
    expect(await kit.repo.settings.get('moneyUnit')).toBeUndefined();
    await kit.repo.settings.set('moneyUnit', '万元');
    await kit.repo.settings.set('recent', { unitId: 'u1', year: 2025 });
    expect(await kit.repo.settings.get('moneyUnit')).toBe('万元');
    expect(await kit.repo.settings.get('recent')).toEqual({ unitId: 'u1', year: 2025 });
  });
});

describe('export, replace and import', () => {
  async function seed(): Promise<{ unitId: string; parentId: string }> {
    const parentId = await addUnit(kit.repo, '区财政局');
    const unitId = await addUnit(kit.repo, '区工商联', parentId);
    await addProject(kit.repo, unitId, 2025, '商会培训', ['培训人次', '培训场次', '满意度'], { selfAssessment: assessment() });
    await addProject(kit.repo, unitId, 2025, '非公经济调研', ['调研报告数']);
    await addProject(kit.repo, parentId, 2024, '预算评审', []);
    unwrap(await kit.repo.plans.save(plan(unitId, 2025)));
    return { unitId, parentId };
  }

  it('exportAll gives every record with ordered indicators; replaceAll into an empty database reproduces it', async () => {
    await seed();
    const data = await kit.repo.exchange.exportAll();
    expect(data.units).toHaveLength(2);
    expect(data.projects).toHaveLength(3);
    expect(data.departmentPlans).toHaveLength(1);
    const training = data.projects.find((p) => p.name === '商会培训');
    expect(training?.indicators.map((i) => i.name)).toEqual(['培训人次', '培训场次', '满意度']);

    const other = makeKit();
    expect(unwrap(await other.repo.exchange.replaceAll(data))).toEqual({ units: 2, projects: 3, indicators: 4, departmentPlans: 1 });
    expect(await other.repo.exchange.exportAll()).toEqual(data);
    expect(await other.repo.projects.list(training?.unitId ?? '', 2025)).toEqual(await kit.repo.projects.list(training?.unitId ?? '', 2025));
    other.db.close();
  });

  it('replaceAll removes what the data set does not hold', async () => {
    await seed();
    const small = makeKit();
    const u = await addUnit(small.repo, '区档案馆');
    await addProject(small.repo, u, 2025, '档案数字化', ['扫描页数']);
    const smallData = await small.repo.exchange.exportAll();
    small.db.close();

    unwrap(await kit.repo.exchange.replaceAll(smallData));
    expect(await kit.repo.exchange.exportAll()).toEqual(smallData);
    expect(await storedIndicatorIds(kit.db)).toHaveLength(1);
  });

  it('replaceAll refuses duplicate ids and orphan projects without touching the database', async () => {
    await seed();
    const before = await kit.repo.exchange.exportAll();
    const twice = { ...before, projects: [...before.projects, before.projects[0]] };
    expect(errorOf(await kit.repo.exchange.replaceAll(twice))).toBe(`项目编号“${before.projects[0].id}”重复，未作任何修改。`);
    const orphan = { ...before, units: before.units.filter((u) => u.name !== '区工商联') };
    expect(errorOf(await kit.repo.exchange.replaceAll(orphan))).toMatch(/^项目“.+”所属的单位不存在，未作任何修改。$/);
    expect(await kit.repo.exchange.exportAll()).toEqual(before);
  });

  it('importRecords upserts: updates by id, replaces an imported project’s indicators, adds new records', async () => {
    const { unitId } = await seed();
    const before = await kit.repo.exchange.exportAll();
    const training = before.projects.find((p) => p.name === '商会培训');
    if (!training) throw new Error('seed missing');
    const updated = { ...training, annualGoal: '培训 800 人次', indicators: [indicator('imp-1', '线上培训人次'), training.indicators[2]] };
    const added = { ...training, id: 'imp-project', name: '会员服务', indicators: [indicator('imp-2', '服务次数')] };
    const newUnit = { ...before.units[0], id: 'imp-unit', name: '区档案馆', parentId: null };
    const newPlan = { ...plan(unitId, 2025, 'imp-plan'), overallGoal: '导入的目标' };

    const counts = unwrap(
      await kit.repo.exchange.importRecords({ units: [newUnit], projects: [updated, added], departmentPlans: [newPlan] }),
    );
    expect(counts).toEqual({ units: 1, projects: 2, indicators: 3, departmentPlans: 1 });
    // each record gets the revision after the one it replaces: training was created and saved once before
    expect(await kit.repo.projects.get(training.id)).toEqual({ ...updated, revision: 3 });
    expect(await kit.repo.projects.get('imp-project')).toEqual({ ...added, revision: 1 });
    expect(await storedIndicatorIds(kit.db)).not.toContain(training.indicators[0].id);
    expect(await kit.repo.units.get('imp-unit')).toEqual({ ...newUnit, revision: 1 });
    expect(await kit.repo.plans.get(unitId, 2025)).toEqual({ ...newPlan, revision: 2 });
    expect(await kit.db.departmentPlans.count()).toBe(1);
    const after = await kit.repo.exchange.exportAll();
    expect(after.projects).toHaveLength(4);
    expect(after.units).toHaveLength(3);
  });

  it('importRecords refuses records of unknown units and stolen indicator ids without writing anything', async () => {
    const { unitId } = await seed();
    const before = await kit.repo.exchange.exportAll();
    const good = { ...before.projects[0], id: 'imp-good', indicators: [indicator('imp-g', '甲')] };
    const orphan = { ...good, id: 'imp-orphan', unitId: 'ghost', name: '孤儿项目', indicators: [] };
    expect(errorOf(await kit.repo.exchange.importRecords({ units: [], projects: [good, orphan], departmentPlans: [] }))).toBe(
      '项目“孤儿项目”所属的单位不存在，未作任何修改。',
    );
    const thief = { ...good, indicators: [before.projects[1].indicators[0]] };
    if (before.projects[1].indicators.length === 0) throw new Error('seed order changed');
    expect(errorOf(await kit.repo.exchange.importRecords({ units: [], projects: [thief], departmentPlans: [] }))).toBe(
      `指标编号“${before.projects[1].indicators[0].id}”已属于另一个项目，未作任何修改。`,
    );
    const twoPlans = [plan(unitId, 2026, 'x1'), plan(unitId, 2026, 'x2')];
    expect(errorOf(await kit.repo.exchange.importRecords({ units: [], projects: [], departmentPlans: twoPlans }))).toBe(
      '同一单位的2026年度部门整体支出绩效目标出现了两份，未作任何修改。',
    );
    expect(await kit.repo.exchange.exportAll()).toEqual(before);
  });
});

describe('ids and clock', () => {
  it('uses crypto.randomUUID and the real clock by default', async () => {
    const repo = new Repository(kit.db);
    const unit = unwrap(await repo.units.create({ name: '区工商联' }));
    expect(unit.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Date.now() - Date.parse(unit.updatedAt)).toBeLessThan(60_000);
  });
});

describe('two workspaces editing one record', () => {
  it('the authoring save keeps the self-assessment the 绩效自评 workspace stored meanwhile, and the reverse', async () => {
    const unitId = await addUnit(kit.repo, '甲单位');
    const loadedByEditor = await addProject(kit.repo, unitId, 2025, '会员培训', ['培训人数']);
    // the 绩效自评 workspace writes a self-assessment while the editor still holds its older copy
    unwrap(await kit.repo.projects.saveSelfAssessment(loadedByEditor.id, assessment()));
    // the editor saves its copy (without a self-assessment) with a new goal
    unwrap(await kit.repo.projects.saveTargets({ ...loadedByEditor, annualGoal: '提升培训质量' }));
    let stored = (await kit.repo.projects.get(loadedByEditor.id))!;
    expect(stored.annualGoal).toBe('提升培训质量');
    expect(stored.selfAssessment).toEqual(assessment());
    // and a self-assessment save onto the stored project keeps the goal the editor wrote
    unwrap(await kit.repo.projects.saveSelfAssessment(loadedByEditor.id, { ...assessment(), problems: '进度偏慢' }));
    stored = (await kit.repo.projects.get(loadedByEditor.id))!;
    expect(stored.annualGoal).toBe('提升培训质量');
    expect(stored.indicators.map((i) => i.name)).toEqual(['培训人数']);
    expect(stored.selfAssessment?.problems).toBe('进度偏慢');
    expect(errorOf(await kit.repo.projects.saveSelfAssessment('ghost', assessment()))).toBe('找不到该项目，可能已被删除。');
  });

  it('the plan editor keeps the stored year-end figures; the year-end save keeps the stored targets', async () => {
    const unitId = await addUnit(kit.repo, '甲单位');
    const original = plan(unitId, 2025);
    unwrap(await kit.repo.plans.save(original));
    const editorCopy = { ...structuredClone(original), results: [], tasks: original.tasks.map(({ spent: _s, ...t }) => t) };
    // year end records new figures
    unwrap(await kit.repo.plans.saveYearEnd({ ...original, results: [{ indicatorId: `${original.id}-i1`, actual: '15' }], tasks: [{ ...original.tasks[0], spent: funding(1_950_000) }] }));
    // the editor saves its older copy with a new goal
    unwrap(await kit.repo.plans.saveTargets({ ...editorCopy, overallGoal: '新目标' }));
    const stored = (await kit.repo.plans.get(unitId, 2025))!;
    expect(stored.overallGoal).toBe('新目标');
    expect(stored.results).toEqual([{ indicatorId: `${original.id}-i1`, actual: '15' }]);
    expect(stored.tasks[0].spent).toEqual(funding(1_950_000));
    // a year-end save from a copy with an old goal does not bring the old goal back
    unwrap(await kit.repo.plans.saveYearEnd({ ...original, overallGoal: '旧目标' }));
    expect((await kit.repo.plans.get(unitId, 2025))!.overallGoal).toBe('新目标');
  });
});
