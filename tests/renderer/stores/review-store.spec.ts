/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// 绩效目标审核 through the stores (issue #19), against real repositories on in-memory IndexedDBs: two machines, the
// unit's and the supervisor's, with packages passed between them as bytes. The unit submits (UnitReviewStore), the
// supervisor lists, opens, writes opinions and a result (ReviewStore) and sends the review package down; the unit
// imports it (ReviewImportStore through the import section), answers and submits again; 审核通过 locks the project.
import { parseExchange, serializeExchange, type ExchangeDocument } from '../../../shared/exchange/exchange';
import type { Project } from '../../../shared/model';
import { reviewStatusOf } from '../../../shared/review';
import type { OpenedFile } from '../../../renderer/platform/platform';
import { ExchangeStore } from '../../../renderer/stores/exchange-store';
import { ReviewStore } from '../../../renderer/stores/review-store';
import { UnitReviewStore } from '../../../renderer/stores/unit-review-store';
import type { WorkspaceContext } from '../../../renderer/stores/workspace-context';
import { SCHEME_A } from '../../../shared/schemes';
import { addProject, errorOf, indicator, makeKit, unwrap, type Kit } from '../db/db-test-kit';

class FakeHost {
  saved: { name: string; bytes: Uint8Array }[] = [];
  next: OpenedFile | null = null;
  async saveFile(name: string, bytes: Uint8Array): Promise<string | null> {
    this.saved.push({ name, bytes });
    return `/home/user/${name}`;
  }
  async openFile(): Promise<OpenedFile | null> {
    return this.next;
  }
  doc(i = -1): ExchangeDocument {
    const parsed = parseExchange(this.saved.at(i)!.bytes);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.document;
  }
}

/** A clock the test moves on: every review event must come after the one before. */
function clock(start = '2025-03-01T00:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), tick: (hours = 1) => (t += hours * 3600_000) };
}

const context = (unitId: string, year = 2025): WorkspaceContext => ({
  unitId: () => unitId,
  unit: () => undefined,
  units: () => [],
  year: () => year,
  scheme: () => SCHEME_A,
  reloadAll: async () => {},
});

/** The unit's side: the project "open in the editor" is the stored one, read again after every review save. */
function unitSide(kit: Kit, projectId: string, time: ReturnType<typeof clock>) {
  let open: Project | null = null;
  let ids = 0;
  const store = new UnitReviewStore(kit.repo, {
    project: () => open,
    flush: async () => null,
    reload: async (id) => {
      open = (await kit.repo.projects.get(id)) ?? null;
    },
    now: time.now,
    newId: () => `u-${++ids}`,
  });
  return {
    store,
    open: async () => {
      open = (await kit.repo.projects.get(projectId)) ?? null;
    },
    project: () => open!,
  };
}

/** Both machines: the supervisor (区委统战部) with two units, and 区工商联's own installation with its project. */
async function twoMachines() {
  const time = clock();
  const unitKit = makeKit();
  const sup = { id: 'sup', name: '区委统战部', parentId: null, schemeId: 'A-2015', updatedAt: '2025-01-01T00:00:00.000Z' };
  const gsl = { id: 'gsl', name: '区工商联', parentId: 'sup', schemeId: 'A-2015', updatedAt: '2025-01-01T00:00:00.000Z' };
  const mzj = { id: 'mzj', name: '区民宗局', parentId: 'sup', schemeId: 'A-2015', updatedAt: '2025-01-01T00:00:00.000Z' };
  unwrap(await unitKit.repo.exchange.importRecords({ units: [sup, gsl], projects: [], departmentPlans: [] }));
  const project = await addProject(unitKit.repo, 'gsl', 2025, '会员培训', ['培训人数', '满意度'], { annualGoal: '全年培训会员200人次。' });
  const supKit = makeKit();
  unwrap(await supKit.repo.exchange.importRecords({ units: [sup, gsl, mzj], projects: [], departmentPlans: [] }));
  // a project of the other unit, under an id of its own (both kits number their records alike)
  const other = { ...project, id: 'mzj-p1', unitId: 'mzj', name: '民族团结创建', indicators: [indicator('mzj-p1-1', '活动次数')] };
  const { revision: _r, ...otherRecord } = other;
  unwrap(await supKit.repo.exchange.importRecords({ units: [], projects: [otherRecord], departmentPlans: [] }));
  const supHost = new FakeHost();
  let ids = 0;
  const review = new ReviewStore(supKit.repo, context('sup'), supHost, time.now, () => `s-${++ids}`);
  return { time, unitKit, supKit, supHost, review, project };
}

/** The unit's projects as a package sent up (all of them: what 导出数据包 carries), imported by the supervisor. */
async function sendUp(unitKit: Kit, supKit: Kit, time: ReturnType<typeof clock>): Promise<void> {
  const data = await unitKit.repo.exchange.exportAll();
  const bytes = new TextEncoder().encode(serializeExchange({ format: 'perf-target-desk/exchange', version: 1, exportedAt: time.now().toISOString(), ...data }));
  const exchange = new ExchangeStore(supKit.repo, context('sup'), new FakeHost(), time.now);
  await exchange.importer.load('数据包-区工商联.json', bytes);
  expect(exchange.importer.stage).toBe('planned');
  const applied = await exchange.importer.apply();
  expect([applied, exchange.importer.errors]).toEqual([true, []]);
}

describe('the unit submits; the supervisor lists, reviews and returns; the unit answers and submits again', () => {
  test('the whole round trip, the statuses on both sides, and the lock after 审核通过', async () => {
    const { time, unitKit, supKit, supHost, review, project } = await twoMachines();
    const unit = unitSide(unitKit, project.id, time);
    await unit.open();

    // 提交审核 needs the 经办人
    expect(unit.store.canSubmit).toBe(true);
    expect(await unit.store.submit()).toBe(false);
    expect(unit.store.notice).toEqual({ kind: 'error', text: '须填写经办人。' });
    unit.store.by = '王填';
    expect(await unit.store.submit()).toBe(true);
    expect([unit.store.status, unit.store.canSubmit, unit.store.notice?.text]).toEqual(['submitted', false, '已提交审核。请导出数据包报送主管部门。']);
    expect((await unitKit.repo.projects.list('gsl', 2025))[0].reviewStatus).toBe('submitted');

    time.tick();
    await sendUp(unitKit, supKit, time);
    await review.load();
    expect(review.counts).toEqual({ draft: 1, submitted: 1, returned: 0, approved: 0, all: 2 });
    expect(review.rows.map((r) => [r.unitName, r.project.name, r.status])).toEqual([['区工商联', '会员培训', 'submitted']]);
    review.setFilter('all');
    // by unit in pinyin order: 区工商联 (gōng) before 区民宗局 (mín)
    expect(review.rows.map((r) => r.project.name)).toEqual(['会员培训', '民族团结创建']);

    // an opinion on the value of 培训人数, the four questions, 中: returned
    review.openProject(project.id);
    const target = { projectId: project.id, indicatorId: project.indicators[0].id, field: 'target' as const };
    review.startOpinion(target);
    review.setEditingText('培训人数目标偏低，请按上年实际调高。');
    review.commitOpinion();
    expect(review.opinionAt(target)?.text).toBe('培训人数目标偏低，请按上年实际调高。');
    review.setResult('中');
    review.setQuestion('appropriateness', '资金规模与目标不匹配。');
    expect(review.approves).toBe(false);
    time.tick();
    expect(await review.saveRound()).toBe(false);
    expect(review.messages).toEqual(['须填写审核人。']);
    review.setReviewer('李审');
    expect(await review.saveRound()).toBe(true);
    expect(review.outcome).toBe('“会员培训”审核结果为“中”，已退回单位修改。');
    expect(review.fieldOpinions).toEqual([]);
    const stored = (await supKit.repo.projects.get(project.id))!;
    expect(reviewStatusOf(stored)).toBe('returned');
    expect(stored.review!.rounds.map((r) => [r.result, r.reviewer, r.reviewerUnitId, r.questions.appropriateness, r.fieldOpinions.map((o) => [o.target, o.text])])).toEqual([
      ['中', '李审', 'sup', '资金规模与目标不匹配。', [[target, '培训人数目标偏低，请按上年实际调高。']]],
    ]);
    expect(await supKit.repo.settings.get('review.reviewer')).toBe('李审');

    // the review package for 区工商联: its units and its reviewed project only
    expect(await review.exportPackage('gsl')).toBe(true);
    expect(supHost.saved.at(-1)!.name).toMatch(/^审核意见-区工商联-2025-20250301-\d{4}\.json$/);
    const down = supHost.doc();
    expect([down.directory?.purpose, down.directory?.unitIds, down.units.map((u) => u.id), down.projects.map((p) => p.name)]).toEqual([
      'review',
      ['gsl'],
      ['sup', 'gsl'],
      ['会员培训'],
    ]);

    // the unit imports it through the import section: only the review is taken
    const unitExchange = new ExchangeStore(unitKit.repo, context('gsl'), new FakeHost(), time.now);
    await unitExchange.importer.load('审核意见.json', supHost.saved.at(-1)!.bytes);
    expect(unitExchange.importer.stage).toBe('review');
    expect(unitExchange.importer.reviewImport.summary).toBe('1 个项目有新的审核意见');
    expect(unitExchange.importer.reviewImport.rows).toEqual([{ id: project.id, name: '会员培训', year: 2025, status: 'returned', result: '中', open: 1 }]);
    expect(await unitExchange.importer.applyHandedDown()).toBe(true);
    expect(unitExchange.importer.outcome).toBe('已导入“审核意见.json”：1 个项目有新的审核意见。');
    await unit.open();
    expect([unit.store.status, unit.store.opinionsAt('target', project.indicators[0].id).map((o) => o.text), unit.store.openOpinions.length]).toEqual([
      'returned',
      ['培训人数目标偏低，请按上年实际调高。'],
      1,
    ]);
    expect(unit.store.opinionsAt('target', project.indicators[1].id)).toEqual([]);
    expect(unit.store.lockReason).toBeNull();
    // what 提交审核 said belongs to the status it left: gone now that the project came back 已退回
    expect(unit.store.notice).toBeNull();

    // the unit raises the value, answers, and submits again
    const returned = unit.project();
    time.tick();
    unwrap(await unitKit.repo.projects.saveTargets({ ...returned, indicators: [{ ...returned.indicators[0], target: '300' }, returned.indicators[1]] }));
    await unit.open();
    const round = unit.store.latestRound!;
    const opinionId = round.fieldOpinions[0].id;
    expect(await unit.store.answer(round.id, opinionId)).toBe(false);
    expect(unit.store.notice?.text).toBe('答复不能为空。');
    unit.store.setAnswer(opinionId, '已调高至300人次。');
    expect(await unit.store.answer(round.id, opinionId)).toBe(true);
    expect([unit.store.openOpinions.length, unit.store.opinionsAt('target', project.indicators[0].id)[0].answered?.note]).toEqual([0, '已调高至300人次。']);
    expect(unit.store.canSubmit).toBe(true);
    time.tick();
    expect(await unit.store.submit()).toBe(true);

    // up again: the supervisor's copy takes the changed targets, and keeps its round with the unit's answer
    time.tick();
    await sendUp(unitKit, supKit, time);
    await review.load();
    review.openProject(project.id);
    expect([review.openStatus, review.open!.indicators[0].target, review.open!.review!.rounds[0].fieldOpinions[0].answered?.note]).toEqual([
      'submitted',
      '300',
      '已调高至300人次。',
    ]);
    review.setResult('优');
    time.tick();
    expect(await review.saveRound()).toBe(true);
    expect(review.outcome).toBe('“会员培训”审核结果为“优”，已审核通过。');
    expect(await review.exportPackage(null)).toBe(true);
    expect(supHost.doc().directory?.unitIds).toEqual(['gsl', 'mzj']);

    await unitExchange.importer.load('审核意见2.json', supHost.saved.at(-1)!.bytes);
    expect(await unitExchange.importer.applyHandedDown()).toBe(true);
    await unit.open();
    expect([unit.store.status, unit.store.lockReason, unit.store.canSubmit]).toEqual([
      'approved',
      '项目已审核通过，绩效目标已锁定，不能修改；如需修改，请主管部门重新打开审核。',
      false,
    ]);
    expect(errorOf(await unitKit.repo.projects.saveTargets({ ...unit.project(), annualGoal: '又改了' }))).toContain('已审核通过，绩效目标已锁定');
    expect((await unitKit.repo.projects.list('gsl', 2025))[0].reviewStatus).toBe('approved');

    // the supervisor reopens it with a reason
    review.openProject(project.id);
    time.tick();
    expect(await review.reopen()).toBe(false);
    expect(review.messages).toEqual(['重新打开须说明理由。']);
    review.setReopenReason('预算调整，需要重新核定指标。');
    expect(await review.reopen()).toBe(true);
    expect(reviewStatusOf((await supKit.repo.projects.get(project.id))!)).toBe('draft');
  });

  test('a round the domain refuses (中 with nothing said) writes nothing; a stale copy is refused', async () => {
    const { time, unitKit, supKit, review, project } = await twoMachines();
    const unit = unitSide(unitKit, project.id, time);
    await unit.open();
    unit.store.by = '王填';
    await unit.store.submit();
    time.tick();
    await sendUp(unitKit, supKit, time);
    await review.load();
    review.openProject(project.id);
    review.setReviewer('李审');
    review.setResult('差');
    time.tick();
    expect(await review.saveRound()).toBe(false);
    expect(review.messages).toEqual(['审核结果为“差”时，须写明审核意见或针对具体内容的意见。']);
    // the project changed underneath (another window): the round is refused against the newer revision
    review.setOpinion('项目必要性不足。');
    const stored = (await supKit.repo.projects.get(project.id))!;
    unwrap(await supKit.repo.projects.saveReview(project.id, stored.review!));
    expect(await review.saveRound()).toBe(false);
    expect(review.messages).toEqual(['项目“会员培训”已在另一个窗口中修改并保存，本次修改未保存。']);
    expect((await supKit.repo.projects.get(project.id))!.review!.rounds).toEqual([]);
  });

  test('field opinions: one per field, changed in place, removed by an empty text or by hand', () => {
    const review = new ReviewStore(makeKit().repo, context('sup'), new FakeHost(), () => new Date());
    const a = { projectId: 'p', field: 'annualGoal' as const };
    const b = { projectId: 'p', indicatorId: 'i1', field: 'target' as const };
    review.startOpinion(a);
    review.setEditingText('目标不具体。');
    review.commitOpinion();
    review.startOpinion(b);
    review.setEditingText('偏低。');
    review.commitOpinion();
    review.startOpinion(a);
    expect(review.editing?.text).toBe('目标不具体。');
    review.setEditingText('目标须量化。');
    review.commitOpinion();
    expect(review.fieldOpinions.map((o) => [o.target.field, o.text])).toEqual([
      ['target', '偏低。'],
      ['annualGoal', '目标须量化。'],
    ]);
    review.startOpinion(b);
    review.setEditingText('  ');
    review.commitOpinion();
    expect(review.fieldOpinions.map((o) => o.text)).toEqual(['目标须量化。']);
    review.removeOpinion(review.fieldOpinions[0].key);
    expect(review.fieldOpinions).toEqual([]);
  });
});
