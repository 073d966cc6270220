// Revisions (issue #14): every write of a unit, project or department plan stores the next revision; an editor's save
// made against an older revision than the stored one is refused with the stored record; packages and backups carry
// content only.
import type { DepartmentPlan, Project } from '../../../shared/model';
import { CN_2020 } from '../../../shared/rule-sets';
import { SCHEME_B } from '../../../shared/schemes';
import { validateExchange } from '../../../shared/exchange/exchange';
import { backupDocument } from '../../../renderer/stores/exchange-backup';
import type { RepoResult } from '../../../renderer/db/repository';
import { FIXED_NOW, addProject, addUnit, assessment, errorOf, funding, indicator, makeKit, unwrap, type Kit } from './db-test-kit';

let kit: Kit;
let unitId: string;
beforeEach(async () => {
  kit = makeKit();
  unitId = await addUnit(kit.repo, '区工商联');
});
afterEach(() => kit.db.close());

function plan(id = 'plan-1'): DepartmentPlan {
  return {
    id,
    unitId,
    year: 2025,
    tasks: [{ id: `${id}-t1`, name: '履职保障', content: '日常运转', funding: funding(2_000_000) }],
    expenditureBudget: null,
    overallGoal: '保障机关正常运转',
    indicators: [indicator(`${id}-i1`, '会议次数')],
    updatedAt: FIXED_NOW.toISOString(),
  };
}

function conflictOf<T>(result: RepoResult<T>): T {
  if (result.ok || !result.conflict) throw new Error(`expected a conflict, got ${result.ok ? 'success' : result.error}`);
  return result.conflict.stored;
}

describe('every write stores the next revision', () => {
  it('projects: created 1, each save one more, whichever editor saves', async () => {
    const created = unwrap(await kit.repo.projects.create({ unitId, year: 2025, name: '商会培训' }));
    expect(created.revision).toBe(1);
    const saved = unwrap(await kit.repo.projects.save({ ...created, annualGoal: '培训 600 人次' }));
    expect(saved.revision).toBe(2);
    expect(unwrap(await kit.repo.projects.saveTargets({ ...saved, overview: '概况' })).revision).toBe(3);
    expect(unwrap(await kit.repo.projects.saveSelfAssessment(created.id, assessment())).revision).toBe(4);
    expect((await kit.repo.projects.get(created.id))?.revision).toBe(4);
    expect((await kit.repo.projects.listFull(unitId, 2025)).map((p) => p.revision)).toEqual([4]);
  });

  it('copies start at 1; undoing a delete puts the record back at the revision it had', async () => {
    const project = await addProject(kit.repo, unitId, 2025, '商会培训', ['培训人次']);
    expect(project.revision).toBe(2);
    expect(unwrap(await kit.repo.projects.duplicate(project.id)).revision).toBe(1);
    expect(unwrap(await kit.repo.projects.copyToYear([project.id], 2027)).map((p) => p.revision)).toEqual([1]);
    unwrap(await kit.repo.plans.save(plan()));
    const year = unwrap(await kit.repo.projects.copyUnitYear(unitId, 2025));
    expect([...year.projects.map((p) => p.revision), year.departmentPlan?.revision]).toEqual([1, 1, 1]);

    const deleted = await kit.repo.projects.delete(project.id);
    unwrap(await kit.repo.projects.restore(deleted));
    expect(await kit.repo.projects.get(project.id)).toEqual(project);
  });

  it('units: every change, and several changes at once make one revision', async () => {
    const parent = await addUnit(kit.repo, '区委统战部');
    expect((await kit.repo.units.get(unitId))?.revision).toBe(1);
    expect(unwrap(await kit.repo.units.rename(unitId, '深圳市龙岗区工商业联合会', '区工商联')).revision).toBe(2);
    expect(unwrap(await kit.repo.units.setParent(unitId, parent)).revision).toBe(3);
    expect(unwrap(await kit.repo.units.setScheme(unitId, SCHEME_B.id)).revision).toBe(4);
    expect(unwrap(await kit.repo.units.setRuleSet(unitId, 2025, CN_2020)).revision).toBe(5);
    const all = unwrap(await kit.repo.units.update(unitId, { name: '区工商联', shortName: '', parentId: null, sector: 'education' }));
    expect(all).toMatchObject({ name: '区工商联', parentId: null, sector: 'education', revision: 6 });
    expect(all).not.toHaveProperty('shortName');
  });

  it('a scheme change recounts the stored errors of the unit’s projects without making their content a new revision', async () => {
    const project = await addProject(kit.repo, unitId, 2025, '商会培训', ['培训人次']);
    unwrap(await kit.repo.units.setScheme(unitId, SCHEME_B.id));
    expect((await kit.repo.projects.get(project.id))?.revision).toBe(project.revision);
  });

  it('plans: each save one more, the year-end save too', async () => {
    expect(unwrap(await kit.repo.plans.save(plan())).revision).toBe(1);
    expect(unwrap(await kit.repo.plans.saveTargets({ ...plan(), overallGoal: '新目标' })).revision).toBe(2);
    expect(unwrap(await kit.repo.plans.saveYearEnd({ ...plan(), results: [{ indicatorId: 'plan-1-i1', actual: '12' }] })).revision).toBe(3);
    expect((await kit.repo.plans.get(unitId, 2025))?.revision).toBe(3);
  });
});

describe('a save against an older revision is refused with the record as stored now', () => {
  it('saveTargets: refused in Chinese, the stored project (indicators included) handed back, nothing written', async () => {
    const mine = await addProject(kit.repo, unitId, 2025, '商会培训', ['培训人次', '满意度']);
    const theirs = unwrap(await kit.repo.projects.saveTargets({ ...mine, annualGoal: '另一个窗口的目标' }, { expectedRevision: mine.revision }));
    expect(theirs.revision).toBe(mine.revision + 1);

    const refused = await kit.repo.projects.saveTargets({ ...mine, annualGoal: '我的目标' }, { expectedRevision: mine.revision });
    expect(errorOf(refused)).toBe('项目“商会培训”已在另一个窗口中修改并保存，本次修改未保存。');
    expect(conflictOf(refused)).toEqual(theirs);
    expect(await kit.repo.projects.get(mine.id)).toEqual(theirs);

    // saved against the revision just handed back, it goes through
    const merged = unwrap(await kit.repo.projects.saveTargets({ ...theirs, annualGoal: '我的目标' }, { expectedRevision: theirs.revision }));
    expect(merged).toMatchObject({ annualGoal: '我的目标', revision: theirs.revision + 1 });
  });

  it('a caller that passes no revision saves as before', async () => {
    const mine = await addProject(kit.repo, unitId, 2025, '商会培训', ['培训人次']);
    unwrap(await kit.repo.projects.save({ ...mine, annualGoal: '另一个窗口的目标' }));
    expect(unwrap(await kit.repo.projects.saveTargets({ ...mine, annualGoal: '我的目标' })).annualGoal).toBe('我的目标');
  });

  it('saveSelfAssessment and save are refused the same way', async () => {
    const mine = await addProject(kit.repo, unitId, 2025, '商会培训', ['培训人次']);
    const theirs = unwrap(await kit.repo.projects.saveSelfAssessment(mine.id, assessment()));
    expect(conflictOf(await kit.repo.projects.saveSelfAssessment(mine.id, { ...assessment(), problems: '我的' }, { expectedRevision: mine.revision }))).toEqual(theirs);
    expect(conflictOf(await kit.repo.projects.save(mine, { expectedRevision: mine.revision }))).toEqual(theirs);
    expect((await kit.repo.projects.get(mine.id))?.selfAssessment).toEqual(assessment());
  });

  it('a project overwritten by an import refuses the editor that held it', async () => {
    const mine = await addProject(kit.repo, unitId, 2025, '商会培训', ['培训人次']);
    const { revision: _r, ...content } = mine;
    unwrap(await kit.repo.exchange.importRecords({ units: [], projects: [{ ...content, annualGoal: '导入的目标' }], departmentPlans: [] }));
    const stored = conflictOf(await kit.repo.projects.saveTargets(mine, { expectedRevision: mine.revision }));
    expect(stored).toMatchObject({ annualGoal: '导入的目标', revision: mine.revision + 1 });
  });

  it('units: a stale rename, move or scheme change is refused as a whole', async () => {
    const held = (await kit.repo.units.get(unitId))!;
    const theirs = unwrap(await kit.repo.units.rename(unitId, '深圳市龙岗区工商业联合会'));
    const refused = await kit.repo.units.update(unitId, { name: '我的名称', schemeId: SCHEME_B.id }, { expectedRevision: held.revision });
    expect(errorOf(refused)).toBe('单位“深圳市龙岗区工商业联合会”已在另一个窗口中修改并保存，本次修改未保存。');
    expect(conflictOf(refused)).toEqual(theirs);
    expect(await kit.repo.units.get(unitId)).toEqual(theirs);
    expect(unwrap(await kit.repo.units.setParent(unitId, null, { expectedRevision: theirs.revision })).revision).toBe(theirs.revision + 1);
  });

  it('plans: the targets and the year-end saves are refused against a newer plan', async () => {
    const held = unwrap(await kit.repo.plans.save(plan()));
    const theirs = unwrap(await kit.repo.plans.saveYearEnd({ ...held, results: [{ indicatorId: 'plan-1-i1', actual: '12' }] }));
    const refused = await kit.repo.plans.saveTargets({ ...held, overallGoal: '我的目标' }, { expectedRevision: held.revision });
    expect(errorOf(refused)).toBe('2025年度部门整体支出绩效目标已在另一个窗口中修改并保存，本次修改未保存。');
    expect(conflictOf(refused)).toEqual(theirs);
    expect(conflictOf(await kit.repo.plans.saveYearEnd(held, { expectedRevision: held.revision }))).toEqual(theirs);
    expect(await kit.repo.plans.get(unitId, 2025)).toEqual(theirs);
  });

  it('plans: a plan an import replaced by one of another id is the stored one', async () => {
    const held = unwrap(await kit.repo.plans.save(plan('plan-mine')));
    unwrap(await kit.repo.exchange.importRecords({ units: [], projects: [], departmentPlans: [{ ...plan('plan-theirs'), overallGoal: '导入的目标' }] }));
    const refused = await kit.repo.plans.saveTargets({ ...held, overallGoal: '我的目标' }, { expectedRevision: held.revision });
    expect(conflictOf(refused)).toMatchObject({ id: 'plan-theirs', overallGoal: '导入的目标', revision: 2 });
    expect((await kit.repo.plans.get(unitId, 2025))?.id).toBe('plan-theirs');
  });
});

describe('packages and backups carry content only', () => {
  it('exportAll, a backup document and its validation know no revision', async () => {
    await addProject(kit.repo, unitId, 2025, '商会培训', ['培训人次']);
    unwrap(await kit.repo.plans.save(plan()));
    const data = await kit.repo.exchange.exportAll();
    const records: object[] = [...data.units, ...data.projects, ...data.departmentPlans];
    expect(records.filter((r) => 'revision' in r)).toEqual([]);
    const doc = await backupDocument(kit.repo, FIXED_NOW);
    expect(JSON.stringify(doc)).not.toContain('revision');
    expect(validateExchange(doc).ok).toBe(true);
  });

  it('a restore writes the next revision of each record it replaces, so no editor saves over restored data', async () => {
    const project: Project = await addProject(kit.repo, unitId, 2025, '商会培训', ['培训人次']);
    const backup = await kit.repo.exchange.exportAll();
    unwrap(await kit.repo.projects.save({ ...project, annualGoal: '之后的修改' }));
    unwrap(await kit.repo.exchange.replaceAll(backup));
    expect((await kit.repo.projects.get(project.id))?.revision).toBe(4);
    expect((await kit.repo.units.get(unitId))?.revision).toBe(2);
    expect(conflictOf(await kit.repo.projects.saveTargets(project, { expectedRevision: 3 })).annualGoal).toBe(project.annualGoal);
  });
});
