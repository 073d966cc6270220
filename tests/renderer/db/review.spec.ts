// The repository's side of 绩效目标审核 and of the unit directory (issue #19): the review saved on its own, the targets'
// save keeping it and refused on a project 审核通过, reviews a supervisor's package brought, unit codes, and a unit set
// up from a directory in one transaction.
import { buildDirectoryPackage, planDirectoryImport } from '../../../shared/directory';
import { createExchangeDocument } from '../../../shared/exchange/document';
import type { LibraryRecord, Project, Unit } from '../../../shared/model';
import { approveProject, planReviewImport, returnProject, reviewStatusOf, submitForReview, type RoundInput } from '../../../shared/review';
import { addProject, addUnit, errorOf, indicator, makeKit, unwrap, type Kit } from './db-test-kit';

const QUESTIONS = { completeness: '内容完整', relevance: '相关', appropriateness: '适当', feasibility: '可行' };
const at = (day: number) => new Date(Date.UTC(2025, 2, day)).toISOString();

function round(id: string, day: number, result: RoundInput['result'], fieldOpinions: RoundInput['fieldOpinions'] = []): RoundInput {
  return { id, reviewer: '李审', reviewedAt: at(day), questions: QUESTIONS, result, opinion: result === '优' ? '' : '请按意见修改。', fieldOpinions };
}

function value<V>(r: { ok: true; value: V } | { ok: false; error: string }): V {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

async function reviewed(kit: Kit, result: RoundInput['result'], fieldOpinions?: (p: Project) => RoundInput['fieldOpinions']) {
  const unit = await addUnit(kit.repo, '区工商联');
  const project = await addProject(kit.repo, unit, 2025, '会员培训', ['培训人数', '满意度']);
  const submitted = value(submitForReview(project, { id: 's1', by: '王填', at: at(1) }));
  const afterSubmit = unwrap(await kit.repo.projects.saveReview(project.id, submitted.review!, { expectedRevision: project.revision }));
  const input = round('r1', 2, result, fieldOpinions?.(afterSubmit) ?? []);
  const decided = value(result === '优' || result === '良' ? approveProject(afterSubmit, input) : returnProject(afterSubmit, input));
  const saved = unwrap(await kit.repo.projects.saveReview(project.id, decided.review!));
  return { unit, project: saved };
}

describe('saveReview', () => {
  test('writes only the review, onto the targets as stored, with the next revision and a new time', async () => {
    const kit = makeKit();
    const unit = await addUnit(kit.repo, '区工商联');
    const project = await addProject(kit.repo, unit, 2025, '会员培训', ['培训人数']);
    const submitted = value(submitForReview({ ...project, annualGoal: '不会写入的目标' }, { id: 's1', by: '王填', at: at(1) }));
    kit.clock.now = new Date('2025-03-01T09:00:00.000Z');
    const saved = unwrap(await kit.repo.projects.saveReview(project.id, submitted.review!, { expectedRevision: project.revision }));
    const stored = (await kit.repo.projects.get(project.id))!;
    expect(stored.review?.submissions.map((s) => [s.id, s.by])).toEqual([['s1', '王填']]);
    expect(stored.annualGoal).toBe('');
    expect(stored.indicators.map((i) => i.name)).toEqual(['培训人数']);
    expect([saved.revision, stored.revision, stored.updatedAt]).toEqual([project.revision + 1, project.revision + 1, '2025-03-01T09:00:00.000Z']);
    expect((await kit.repo.projects.list(unit, 2025))[0].reviewStatus).toBe('submitted');
  });

  test('refuses a save made against an older revision, with the stored project', async () => {
    const kit = makeKit();
    const unit = await addUnit(kit.repo, '区工商联');
    const project = await addProject(kit.repo, unit, 2025, '会员培训');
    unwrap(await kit.repo.projects.saveTargets({ ...project, annualGoal: '新的目标' }));
    const submitted = value(submitForReview(project, { id: 's1', by: '王填', at: at(1) }));
    const refused = await kit.repo.projects.saveReview(project.id, submitted.review!, { expectedRevision: project.revision });
    expect(refused.ok ? null : [refused.error, refused.conflict?.stored.annualGoal]).toEqual(['项目“会员培训”已在另一个窗口中修改并保存，本次修改未保存。', '新的目标']);
  });
});

describe('the targets save and the review', () => {
  test('keeps the stored review, whatever review the editor holds', async () => {
    const kit = makeKit();
    const { project } = await reviewed(kit, '中');
    const saved = unwrap(await kit.repo.projects.saveTargets({ ...project, review: undefined, annualGoal: '按意见修改后的目标' }));
    expect([saved.annualGoal, saved.review?.rounds.map((r) => r.id)]).toEqual(['按意见修改后的目标', ['r1']]);
    const stored = (await kit.repo.projects.get(project.id))!;
    expect([reviewStatusOf(stored), stored.review?.submissions.length]).toEqual(['returned', 1]);
  });

  test('is refused on a project 审核通过, in Chinese, and changes nothing', async () => {
    const kit = makeKit();
    const { project } = await reviewed(kit, '优');
    const refused = await kit.repo.projects.saveTargets({ ...project, annualGoal: '审核通过后又改的目标' });
    expect(errorOf(refused)).toBe('项目“会员培训”已审核通过，绩效目标已锁定，本次修改未保存。如需修改，请主管部门重新打开审核。');
    expect((await kit.repo.projects.get(project.id))!.annualGoal).toBe('');
    // the same targets again (a journal replayed, an editor saving what it loaded) go through
    expect((await kit.repo.projects.saveTargets(project)).ok).toBe(true);
  });

  test('approved as 良 with an open opinion: only the field it points at may change', async () => {
    const kit = makeKit();
    const { project } = await reviewed(kit, '良', (p) => [{ id: 'o1', target: { projectId: p.id, indicatorId: p.indicators[0].id, field: 'target' }, text: '培训人数偏低。' }]);
    const [first, second] = project.indicators;
    const raised = unwrap(await kit.repo.projects.saveTargets({ ...project, indicators: [{ ...first, target: '300' }, second] }));
    expect(raised.indicators[0].target).toBe('300');
    const elsewhere = await kit.repo.projects.saveTargets({ ...raised, indicators: [first, { ...second, unit: '人' }], annualGoal: '另改目标' });
    expect(errorOf(elsewhere)).toBe('项目“会员培训”已审核通过，只能修改审核意见所指的内容，年度绩效目标、指标“满意度”的计量单位不在其中，本次修改未保存。');
    const key = await kit.repo.projects.saveTargets({ ...raised, key: true });
    expect(errorOf(key)).toBe('项目“会员培训”已审核通过，只能修改审核意见所指的内容，本次修改未保存。');
  });

  test('returned (中): the unit changes anything', async () => {
    const kit = makeKit();
    const { project } = await reviewed(kit, '中');
    const saved = unwrap(await kit.repo.projects.saveTargets({ ...project, key: true, indicators: [...project.indicators, indicator(`${project.id}-x`, '新增指标')] }));
    expect(saved.indicators.map((i) => i.name)).toEqual(['培训人数', '满意度', '新增指标']);
  });
});

describe('saveReviews (a review package imported)', () => {
  test('writes the merged reviews onto the stored targets, all or nothing when one changed since', async () => {
    const supervisorSide = makeKit();
    const { project } = await reviewed(supervisorSide, '中');
    const sent = await supervisorSide.repo.exchange.exportAll();
    // the unit's copy: the same project as submitted, without the supervisor's round
    const unitSide = makeKit();
    const submitted = sent.projects.map((p) => ({ ...p, review: { ...p.review!, rounds: [] } }));
    unwrap(await unitSide.repo.exchange.importRecords({ units: sent.units, projects: submitted, departmentPlans: [] }));
    const doc = createExchangeDocument(sent, at(3));
    const plan = planReviewImport(await unitSide.repo.exchange.exportAll(), doc);
    expect(plan.updates.map((p) => p.review?.rounds.map((r) => r.result))).toEqual([['中']]);

    // an edit between reading the package and writing it: refused, nothing written
    unitSide.clock.now = new Date('2025-03-04T00:00:00.000Z');
    const stored = (await unitSide.repo.projects.get(project.id))!;
    const edited = unwrap(await unitSide.repo.projects.saveTargets({ ...stored, basis: '补充依据' }));
    expect(errorOf(await unitSide.repo.projects.saveReviews(plan.updates))).toContain('读取数据包之后本机数据又有修改');
    expect((await unitSide.repo.projects.get(project.id))!.review?.rounds).toEqual([]);

    const again = planReviewImport(await unitSide.repo.exchange.exportAll(), doc);
    expect(unwrap(await unitSide.repo.projects.saveReviews(again.updates))).toBe(1);
    const merged = (await unitSide.repo.projects.get(project.id))!;
    expect([merged.basis, reviewStatusOf(merged), merged.revision]).toEqual(['补充依据', 'returned', edited.revision + 1]);
  });
});

describe('unit codes', () => {
  test('set, cleared, and refused when another unit has the same code (spaces and full-width aside)', async () => {
    const kit = makeKit();
    const a = unwrap(await kit.repo.units.create({ name: '区工商联', code: '12440300MB2C00012K' }));
    expect(a.code).toBe('12440300MB2C00012K');
    const refused = await kit.repo.units.create({ name: '区民宗局', code: '１２４４０３００ MB2C00012K' });
    expect(errorOf(refused)).toBe('单位编码“１２４４０３００ MB2C00012K”已由单位“区工商联”使用，同一编码只能属于一个单位。');
    const b = unwrap(await kit.repo.units.create({ name: '区民宗局' }));
    expect(errorOf(await kit.repo.units.update(b.id, { code: '12440300mb2c00012k' }))).toContain('已由单位“区工商联”使用');
    expect(unwrap(await kit.repo.units.update(a.id, { code: '12440300MB2C00012K' })).code).toBe('12440300MB2C00012K');
    expect('code' in unwrap(await kit.repo.units.update(a.id, { code: '' }))).toBe(false);
    expect(unwrap(await kit.repo.units.update(b.id, { code: '12440300MB2C00012K' })).code).toBe('12440300MB2C00012K');
  });
});

describe('a unit set up from a directory', () => {
  const library: LibraryRecord[] = [{ schemeId: 'A-2015', level2: '11', name: '培训人数', direction: '≥', target: '200', unit: '人次' }];

  /** The supervisor's directory for 区工商联 (its own ids: another installation's). */
  async function directoryOf(kit: Kit) {
    const sup: Unit = { id: 'sup', name: '区委统战部', code: '11440300MB2C00001X', parentId: null, schemeId: 'A-2015', updatedAt: at(1) };
    const unit: Unit = { id: 'gsl', name: '区工商联', code: '12440300MB2C00012K', parentId: 'sup', schemeId: 'B-2021', updatedAt: at(1) };
    unwrap(await kit.repo.exchange.importRecords({ units: [sup, unit], projects: [], departmentPlans: [] }));
    const built = buildDirectoryPackage({ units: await kit.repo.units.list(), library }, sup.id, [unit.id], at(5));
    if (!built.ok) throw new Error(built.errors.join());
    return { doc: built.document, sup, unit };
  }

  test('the units, the library and the chosen unit in one transaction; a unit changed since refuses it all', async () => {
    const supervisor = makeKit();
    const { doc, unit } = await directoryOf(supervisor);
    const kit = makeKit();
    // a unit that set itself up by hand, with its code: recognised and given the directory's parent and scheme
    const own = unwrap(await kit.repo.units.create({ name: '工商联', code: '12440300MB2C00012K' }));
    const plan = planDirectoryImport({ units: await kit.repo.units.list() }, doc);
    expect(plan.steps.map((s) => [s.directory.name, s.action, s.by])).toEqual([
      ['区委统战部', 'add', null],
      ['区工商联', 'update', 'code'],
    ]);
    const expected = plan.steps.map((s) => ({ id: s.record.id, updatedAt: s.local?.updatedAt ?? null }));

    kit.clock.now = new Date('2025-03-06T00:00:00.000Z');
    unwrap(await kit.repo.units.update(own.id, { shortName: '工商联' }));
    const stale = await kit.repo.directory.setUp({ records: plan.records, expected, library: { key: 'library.shared', records: library } });
    expect(errorOf(stale)).toContain('读取数据包之后本机数据又有修改');
    expect((await kit.repo.units.list()).map((u) => u.name)).toEqual(['工商联']);
    expect(await kit.repo.settings.get('library.shared')).toBeUndefined();

    const fresh = planDirectoryImport({ units: await kit.repo.units.list() }, doc);
    const written = unwrap(
      await kit.repo.directory.setUp({
        records: fresh.records,
        expected: fresh.steps.map((s) => ({ id: s.record.id, updatedAt: s.local?.updatedAt ?? null })),
        library: { key: 'library.shared', records: library },
        choose: { key: 'ui.unitId', unitId: own.id },
      }),
    );
    expect(written.map((u) => [u.name, u.revision])).toEqual([['区委统战部', 1], ['区工商联', 3]]);
    const units = await kit.repo.units.list();
    const mine = units.find((u) => u.id === own.id)!;
    const parent = units.find((u) => u.name === '区委统战部')!;
    expect([mine.name, mine.parentId === parent.id, mine.schemeId, parent.id === doc.directory!.issuedBy]).toEqual(['区工商联', true, 'B-2021', true]);
    expect(await kit.repo.settings.get('library.shared')).toEqual(library);
    expect(await kit.repo.settings.get('ui.unitId')).toBe(own.id);
  });

  test('a parent neither written nor stored refuses it', async () => {
    const kit = makeKit();
    const orphan: Unit = { id: 'u1', name: '区工商联', parentId: 'nowhere', schemeId: 'A-2015', updatedAt: at(1) };
    expect(errorOf(await kit.repo.directory.setUp({ records: [orphan], expected: [{ id: 'u1', updatedAt: null }] }))).toBe(
      '单位“区工商联”的主管部门不在本机，也不在单位名录中，未作任何修改。',
    );
    expect(await kit.repo.units.list()).toEqual([]);
  });
});
