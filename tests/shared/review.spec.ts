// 绩效目标审核 (domain.md §9): the transitions and locks, the merge of two copies of a review, review packages, and
// consolidation keeping every round from either side.
import { applyPlan, planImport, type DataSet } from '../../shared/consolidation';
import { createExchangeDocument, parseExchange, serializeExchange, type ExchangeDocument } from '../../shared/exchange/exchange';
import type { Project, ProjectReview, ReviewGrade } from '../../shared/model';
import {
  answerOpinion,
  approveProject,
  buildReviewPackage,
  canUnitEdit,
  changedSinceSubmission,
  contentDigest,
  isExcludedFromBudget,
  isLockedForUnit,
  latestRound,
  mergeReviews,
  openOpinions,
  opinionsOn,
  planReviewImport,
  reopenReview,
  returnProject,
  reviewDateText,
  reviewProject,
  reviewStatusOf,
  roundNumber,
  sameReview,
  submitForReview,
  targetLabel,
  unitEditScope,
  type RoundInput,
} from '../../shared/review';
import { loadFixture } from '../fixtures/fixture-files';

const fixture = loadFixture('review-2025');
const byName = (name: string): Project => structuredClone(fixture.projects.find((p) => p.name === name)!);
/** a project with no review yet */
const fresh = (): Project => byName('区域创新监测平台运维');

const t = (day: number, hour = 0) => new Date(Date.UTC(2025, 2, day, hour)).toISOString();

function value<V>(r: { ok: true; value: V } | { ok: false; error: string }): V {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
const error = (r: { ok: boolean; error?: string }) => (r.ok ? 'accepted' : r.error);

const QUESTIONS = { completeness: '完整', relevance: '相关', appropriateness: '适当', feasibility: '可行' };
function round(id: string, day: number, result: ReviewGrade, more: Partial<RoundInput> = {}): RoundInput {
  return { id, reviewer: '李审', reviewedAt: t(day), questions: QUESTIONS, result, opinion: result === '优' ? '' : '请修改。', fieldOpinions: [], ...more };
}
const submit = (p: Project, id: string, day: number) => value(submitForReview(p, { id, by: '王填', at: t(day) }));

describe('the fixture: every status, derived from the events', () => {
  test('优, 良, 中 then 优, 已提交, 差, never submitted, reopened', () => {
    expect(fixture.projects.map((p) => [p.name, reviewStatusOf(p), p.review?.status ?? null, latestRound(p)?.result ?? null])).toEqual([
      ['科技型中小企业培育服务', 'approved', 'approved', '优'],
      ['科技成果转化对接活动', 'approved', 'approved', '良'],
      ['创新创业大赛组织', 'approved', 'approved', '优'],
      ['科技文献资源采购', 'submitted', 'submitted', null],
      ['科技情报分析报告编制', 'returned', 'returned', '差'],
      ['区域创新监测平台运维', 'draft', null, null],
      ['科普宣传活动', 'draft', 'draft', '优'],
    ]);
    expect(fixture.projects.map((p) => [isLockedForUnit(p), isExcludedFromBudget(p)])).toEqual([
      [true, false],
      [false, false],
      [true, false],
      [false, false],
      [false, true],
      [false, false],
      [false, false],
    ]);
  });

  test('a status written otherwise in a package does not count: the events decide', () => {
    const p = byName('科技型中小企业培育服务');
    p.review!.status = 'draft';
    expect(reviewStatusOf(p)).toBe('approved');
    expect(isLockedForUnit(p)).toBe(true);
  });
});

test('the validator refuses a review whose ids repeat, whose opinion is about another project, or whose times are no times', () => {
  const broken = structuredClone(fixture);
  const p2 = broken.projects[1].review!;
  p2.rounds[0].fieldOpinions[1].id = p2.rounds[0].fieldOpinions[0].id;
  p2.rounds[0].fieldOpinions[0].target.projectId = 'rv-p1';
  p2.submissions[0].at = '2025-02-30T00:00:00.000Z';
  const r = parseExchange(serializeExchange(broken));
  expect(r.ok ? [] : r.problems.map((p) => `${p.path} ${p.message}`)).toEqual([
    '/projects/1/review/submissions/0/at 第 2 个项目的 review.submissions 第 1 项 at“2025-02-30T00:00:00.000Z”不是有效的时间：应为 1900 至 9999 年间确实存在的日期和时刻，写作 2025-01-31T08:00:00.000Z 的形式（协调世界时）。',
    '/projects/1/review/rounds/0/fieldOpinions/1/id 项目“科技成果转化对接活动”的审核记录编号“rv-p2-o1”重复。',
    '/projects/1/review/rounds/0/fieldOpinions/0/target/projectId 项目“科技成果转化对接活动”的审核意见指向另一个项目“rv-p1”。',
  ]);
});

describe('transitions', () => {
  test('submit: records who and when and the targets\' digest; again only after a change; never while approved', () => {
    const p = submit(fresh(), 's1', 1);
    expect(p.review).toEqual({ status: 'submitted', submissions: [{ id: 's1', by: '王填', at: t(1), digest: contentDigest(fresh()) }], rounds: [], reopenings: [] });
    expect(p.updatedAt).toBe(t(1));
    expect(error(submitForReview(p, { id: 's2', by: '王填', at: t(2) }))).toBe('项目已提交审核，此后没有修改，无须再次提交。');
    const changed = { ...p, annualGoal: '保障平台全年稳定运行，可用率不低于99%。' };
    expect(changedSinceSubmission(changed)).toBe(true);
    expect(value(submitForReview(changed, { id: 's2', by: '王填', at: t(2) })).review!.submissions.map((s) => s.id)).toEqual(['s1', 's2']);
    // the year end and monitoring are written later and are not what was submitted
    expect(changedSinceSubmission({ ...p, selfAssessment: byName('科技型中小企业培育服务').selfAssessment, monitoring: [] })).toBe(false);
    const approved = value(approveProject(p, round('r1', 3, '优')));
    expect(error(submitForReview({ ...approved, name: '改名' }, { id: 's3', by: '王填', at: t(4) }))).toBe('项目已审核通过，须主管部门重新打开后才能修改或再次提交。');
  });

  test('an event must come after the last one, carry an id of its own and name who did it', () => {
    const p = submit(fresh(), 's1', 5);
    expect(error(approveProject(p, round('r1', 4, '优')))).toBe('操作时间须晚于上一条审核记录的时间（2025-03-05 08:00），请检查本机的系统时间。');
    expect(error(approveProject(p, round('s1', 6, '优')))).toBe('审核记录编号“s1”已使用过。');
    expect(error(approveProject(p, round('r1', 6, '优', { reviewer: ' ' })))).toBe('须填写审核人。');
    expect(error(submitForReview(fresh(), { id: 's1', by: '', at: t(1) }))).toBe('须填写经办人。');
  });

  test('only a submitted project is reviewed; 优 and 良 approve, 中 and 差 return; short of 优 the reviewer says what to change', () => {
    expect(error(approveProject(fresh(), round('r1', 2, '优')))).toBe('项目尚未提交审核（当前状态：待提交），不能审核。');
    const p = submit(fresh(), 's1', 1);
    expect(error(approveProject(p, round('r1', 2, '中')))).toBe('审核结果为“中”的项目不能审核通过：“中”须修改后重新审核，“差”不予纳入预算，都应退回。');
    expect(error(returnProject(p, round('r1', 2, '良')))).toBe('审核结果为“良”的项目应审核通过，不能退回。');
    expect(error(approveProject(p, round('r1', 2, '良', { opinion: '' })))).toBe('审核结果为“良”时，须写明审核意见或针对具体内容的意见。');
    expect(reviewStatusOf(value(approveProject(p, round('r1', 2, '优'))))).toBe('approved');
    expect(reviewStatusOf(value(returnProject(p, round('r1', 2, '中'))))).toBe('returned');
    expect(reviewStatusOf(value(reviewProject(p, round('r1', 2, '差'))))).toBe('returned');
    expect(error(approveProject(value(approveProject(p, round('r1', 2, '优'))), round('r2', 3, '优')))).toBe('项目尚未提交审核（当前状态：审核通过），不能审核。');
  });

  test('field opinions must be about this project, one of its indicators, and a field that exists', () => {
    const p = submit(fresh(), 's1', 1);
    const ind = p.indicators[0].id;
    const withOpinion = (target: { projectId: string; indicatorId?: string; field: string }, text = '请修改') =>
      error(returnProject(p, round('r1', 2, '中', { fieldOpinions: [{ id: 'o1', target: target as never, text }] })));
    expect(withOpinion({ projectId: p.id, indicatorId: ind, field: 'target' })).toBe('accepted');
    expect(withOpinion({ projectId: p.id, indicatorId: ind, field: 'target' }, ' ')).toBe('第 1 条具体意见没有内容。');
    expect(withOpinion({ projectId: 'other', field: 'annualGoal' })).toBe('第 1 条具体意见指向的不是本项目。');
    expect(withOpinion({ projectId: p.id, indicatorId: 'gone', field: 'target' })).toBe('第 1 条具体意见指向的指标“gone”不在本项目中。');
    expect(withOpinion({ projectId: p.id, field: 'target' })).toBe('第 1 条具体意见所指的内容不是可以提意见的项目内容。');
    expect(withOpinion({ projectId: p.id, indicatorId: ind, field: 'overview' })).toBe('第 1 条具体意见所指的内容不是可以提意见的项目内容。');
  });

  test('优 locks the targets; 良 leaves open only what its opinions are about, until they are answered', () => {
    const p = submit(fresh(), 's1', 1);
    expect(unitEditScope(value(approveProject(p, round('r1', 2, '优'))))).toEqual({ kind: 'none' });

    const target = { projectId: p.id, indicatorId: p.indicators[0].id, field: 'target' as const };
    const good = value(approveProject(p, round('r1', 2, '良', { fieldOpinions: [{ id: 'o1', target, text: '可用率目标请提高到 99.5%。' }] })));
    expect(reviewStatusOf(good)).toBe('approved');
    expect(isLockedForUnit(good)).toBe(false);
    expect(unitEditScope(good)).toEqual({ kind: 'opinions', targets: [target] });
    expect(canUnitEdit(good, { indicatorId: p.indicators[0].id, field: 'target' })).toBe(true);
    expect(canUnitEdit(good, { indicatorId: p.indicators[0].id, field: 'unit' })).toBe(false);
    expect(canUnitEdit(good, { field: 'annualGoal' })).toBe(false);
    expect(openOpinions(good).map((o) => o.opinion.id)).toEqual(['o1']);

    const answered = value(answerOpinion(good, { roundId: 'r1', opinionId: 'o1', by: '王填', at: t(3), note: '已提高。' }));
    expect(answered.review!.rounds[0].fieldOpinions[0].answered).toEqual({ at: t(3), by: '王填', note: '已提高。' });
    expect(reviewStatusOf(answered)).toBe('approved');
    expect(isLockedForUnit(answered)).toBe(true);
    expect(canUnitEdit(answered, { indicatorId: p.indicators[0].id, field: 'target' })).toBe(false);
  });

  test('an opinion on the indicator list opens every indicator', () => {
    const p = submit(fresh(), 's1', 1);
    const good = value(approveProject(p, round('r1', 2, '良', { fieldOpinions: [{ id: 'o1', target: { projectId: p.id, field: 'indicators' }, text: '请增设时效指标。' }] })));
    expect(canUnitEdit(good, { field: 'indicators' })).toBe(true);
    expect(canUnitEdit(good, { indicatorId: p.indicators[1].id, field: 'name' })).toBe(true);
    expect(canUnitEdit(good, { field: 'funding' })).toBe(false);
  });

  test('中 is changed and reviewed again: every round is kept and numbered; 差 stays out of the budget until a later round', () => {
    let p = submit(fresh(), 's1', 1);
    p = value(returnProject(p, round('r1', 2, '中', { fieldOpinions: [{ id: 'o1', target: { projectId: p.id, field: 'annualGoal' }, text: '目标请量化。' }] })));
    expect(unitEditScope(p)).toEqual({ kind: 'all' });
    p = value(answerOpinion({ ...p, annualGoal: '平台可用率不低于99%。' }, { roundId: 'r1', opinionId: 'o1', by: '王填', at: t(3), note: '已量化。' }));
    p = submit(p, 's2', 4);
    p = value(returnProject(p, round('r2', 5, '差')));
    expect(isExcludedFromBudget(p)).toBe(true);
    p = submit({ ...p, name: '区域创新监测平台运维（调减）' }, 's3', 6);
    expect(isExcludedFromBudget(p)).toBe(true);
    p = value(approveProject(p, round('r3', 7, '优')));
    expect(isExcludedFromBudget(p)).toBe(false);
    expect(p.review!.rounds.map((r) => [r.id, r.result, roundNumber(p, r.id)])).toEqual([['r1', '中', 1], ['r2', '差', 2], ['r3', '优', 3]]);
    expect(p.review!.submissions.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(opinionsOn(p, { field: 'annualGoal' }).map((o) => [o.round.id, o.opinion.text, o.opinion.answered?.note])).toEqual([['r1', '目标请量化。', '已量化。']]);
  });

  test('reopen: only an approval, with a reason; the unit is free again and submits anew', () => {
    const approved = value(approveProject(submit(fresh(), 's1', 1), round('r1', 2, '优')));
    expect(error(reopenReview(submit(fresh(), 's1', 1), { id: 'x1', by: '李审', at: t(3), reason: '调减预算' }))).toBe('只有审核通过的项目才能重新打开（当前状态：已提交）。');
    expect(error(reopenReview(approved, { id: 'x1', by: '李审', at: t(3), reason: ' ' }))).toBe('重新打开须说明理由。');
    const reopened = value(reopenReview(approved, { id: 'x1', by: '李审', at: t(3), reason: '调减预算' }));
    expect([reviewStatusOf(reopened), isLockedForUnit(reopened), reopened.review!.reopenings.length, reopened.review!.rounds.length]).toEqual(['draft', false, 1, 1]);
    expect(reviewStatusOf(submit({ ...reopened, funding: { ...reopened.funding, generalPublic: 200000000 } }, 's2', 4))).toBe('submitted');
  });

  test('answers: once, with words, after the review, to an opinion that exists', () => {
    const p = submit(fresh(), 's1', 1);
    const returned = value(returnProject(p, round('r1', 5, '中', { fieldOpinions: [{ id: 'o1', target: { projectId: p.id, field: 'basis' }, text: '请补充依据。' }] })));
    const answer = (more: Partial<{ roundId: string; opinionId: string; at: string; note: string }>) =>
      error(answerOpinion(returned, { roundId: 'r1', opinionId: 'o1', by: '王填', at: t(6), note: '已补充。', ...more }));
    expect(answer({})).toBe('accepted');
    expect(answer({ opinionId: 'o9' })).toBe('找不到这条审核意见，可能已被更新的审核记录取代。');
    expect(answer({ note: '' })).toBe('答复不能为空。');
    expect(answer({ at: t(4) })).toBe('答复时间早于这轮审核的时间（2025-03-05 08:00），请检查本机的系统时间。');
    const once = value(answerOpinion(returned, { roundId: 'r1', opinionId: 'o1', by: '王填', at: t(6), note: '已补充。' }));
    expect(error(answerOpinion(once, { roundId: 'r1', opinionId: 'o1', by: '王填', at: t(7), note: '再答' }))).toBe('这条意见已于 2025-03-06 08:00 答复过。');
  });

  test('where an opinion applies, in words; dates as the forms print them (China Standard Time)', () => {
    const p = byName('科技成果转化对接活动');
    const [o1, o2] = latestRound(p)!.fieldOpinions;
    expect(targetLabel(p, o1.target)).toBe('指标“促成技术合同金额”的指标值');
    expect(targetLabel(p, o2.target)).toBe('年度绩效目标');
    expect(targetLabel({ ...p, indicators: [] }, o1.target)).toBe('（已删除的指标）的指标值');
    expect(reviewDateText('2025-02-28T17:00:00.000Z')).toBe('2025年3月1日');
  });
});

describe('mergeReviews: two copies of a review merge by the union of their events', () => {
  const base = (): Project => value(returnProject(submit(fresh(), 's1', 1), round('r1', 2, '中', {
    fieldOpinions: [
      { id: 'o1', target: { projectId: 'rv-p6', field: 'annualGoal' }, text: '请量化。' },
      { id: 'o2', target: { projectId: 'rv-p6', field: 'basis' }, text: '请补充依据。' },
    ],
  })));

  test('rounds and submissions only one copy holds are kept, in time order, and the status follows the merged events', () => {
    const unitCopy = submit({ ...base(), annualGoal: '已量化' }, 's2', 3);
    const supervisorCopy = value(approveProject(submit({ ...base(), annualGoal: '已量化' }, 's2', 3), round('r2', 4, '良', { opinion: '再完善指标解释。' })));
    // a second reviewer (财政) on a copy that never saw r2
    const financeCopy = { ...unitCopy, review: { ...unitCopy.review!, rounds: [...unitCopy.review!.rounds, { ...latestRound(supervisorCopy)!, id: 'r3', reviewer: '财政', reviewedAt: t(5), result: '中' as const }] } };
    const merged = mergeReviews(supervisorCopy.review, financeCopy.review)!;
    expect(merged.rounds.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect(merged.submissions.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(merged.status).toBe('returned');
    expect(sameReview(merged, mergeReviews(financeCopy.review, supervisorCopy.review))).toBe(true);
  });

  test('answers from either copy are kept; an opinion answered in both keeps the earlier answer', () => {
    const a = value(answerOpinion(base(), { roundId: 'r1', opinionId: 'o1', by: '王填', at: t(3), note: '甲' }));
    const b = value(answerOpinion(value(answerOpinion(base(), { roundId: 'r1', opinionId: 'o2', by: '王填', at: t(3), note: '乙' })), { roundId: 'r1', opinionId: 'o1', by: '张填', at: t(4), note: '丙' }));
    const merged = mergeReviews(a.review, b.review)!;
    expect(merged.rounds[0].fieldOpinions.map((o) => [o.id, o.answered?.note])).toEqual([['o1', '甲'], ['o2', '乙']]);
    expect(mergeReviews(b.review, a.review)!.rounds[0].fieldOpinions.map((o) => o.answered?.note)).toEqual(['甲', '乙']);
  });

  test('one copy alone is put in order and its status set by its events', () => {
    const r: ProjectReview = { ...base().review!, status: 'approved' };
    expect(mergeReviews(undefined, r)!.status).toBe('returned');
    expect(mergeReviews(undefined, undefined)).toBeUndefined();
  });
});

describe('review packages', () => {
  test('the supervisor sends its opinions down: the chain of units and the reviewed projects of the chosen unit', () => {
    const built = buildReviewPackage(fixture, 'rv-sup', '2025-03-06T00:00:00.000Z', { unitIds: ['rv-institute'], year: 2025 });
    if (!built.ok) throw new Error(built.errors.join());
    const parsed = parseExchange(serializeExchange(built.document));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.document.directory).toEqual({ purpose: 'review', issuedBy: 'rv-sup', issuedAt: '2025-03-06T00:00:00.000Z', unitIds: ['rv-institute'] });
    expect(parsed.document.units.map((u) => u.id)).toEqual(['rv-sup', 'rv-institute']);
    // 已提交 and 待提交 projects have no round to send
    expect(parsed.document.projects.map((p) => p.name)).toEqual(['科技情报分析报告编制', '科普宣传活动']);
    const none = buildReviewPackage(fixture, 'rv-sup', '2025-03-06T00:00:00.000Z', { year: 2024 });
    expect(none.ok ? [] : none.errors).toEqual(['2024 年度所选单位没有已审核的项目，无法生成审核意见包。']);
  });

  test('the unit takes only the reviews: its own targets stay as they are', () => {
    const built = buildReviewPackage(fixture, 'rv-sup', '2025-03-06T00:00:00.000Z', { unitIds: ['rv-centre'] });
    if (!built.ok) throw new Error(built.errors.join());
    // the unit's copies: as submitted (the first submission only), one edited since
    const mine = fixture.projects
      .filter((p) => p.unitId === 'rv-centre')
      .map((p) => ({ ...p, review: { status: 'submitted' as const, submissions: [p.review!.submissions[0]], rounds: [], reopenings: [] } }));
    mine[2] = { ...mine[2], annualGoal: '本地改过的目标' };
    const result = planReviewImport({ units: fixture.units, projects: [...mine, byName('科技文献资源采购')] }, built.document);
    expect(result.updates.map((p) => [p.name, reviewStatusOf(p), p.review!.rounds.length])).toEqual([
      ['科技型中小企业培育服务', 'approved', 1],
      ['科技成果转化对接活动', 'approved', 1],
      ['创新创业大赛组织', 'approved', 2],
    ]);
    expect(result.updates[2].annualGoal).toBe('本地改过的目标');
    expect(result.missing).toEqual([]);
    const again = planReviewImport({ units: fixture.units, projects: result.updates }, built.document);
    expect([again.updates.length, again.unchanged]).toEqual([0, 3]);
    const gone = planReviewImport({ units: fixture.units, projects: [] }, built.document);
    expect(gone.missing.map((m) => m.name)).toEqual(['科技型中小企业培育服务', '科技成果转化对接活动', '创新创业大赛组织']);
  });
});

describe('consolidation keeps every review round from either side', () => {
  const unit = fixture.units.filter((u) => u.id !== 'rv-centre');
  const data = (projects: Project[]): DataSet => ({ units: structuredClone(unit), projects, departmentPlans: [] });
  const pkg = (projects: Project[], at = t(20)): ExchangeDocument => {
    const parsed = parseExchange(serializeExchange(createExchangeDocument(data(projects), at)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.document;
  };
  const written = (plan: ReturnType<typeof planImport>, choice?: 'local' | 'incoming') => {
    const applied = applyPlan(plan, new Map(plan.conflicts.map((c) => [c.id, choice ?? 'local'])), t(25));
    if (!applied.ok) throw new Error(applied.errors.join());
    return applied.value.records.projects;
  };

  /** the unit submits (day 1); the supervisor imports it and returns it (day 2), stamping its copy */
  function afterReturn(): { unitCopy: Project; supervisorCopy: Project } {
    const unitCopy = submit(fresh(), 's1', 1);
    const supervisorCopy = value(returnProject(unitCopy, round('r1', 2, '中', { fieldOpinions: [{ id: 'o1', target: { projectId: unitCopy.id, field: 'annualGoal' }, text: '请量化。' }] })));
    return { unitCopy, supervisorCopy };
  }

  test('the unit changes what was returned and submits again: its version replaces the supervisor\'s, both rounds\' worth of events kept, no conflict', () => {
    const { unitCopy, supervisorCopy } = afterReturn();
    // the unit got the opinions through a review package, answered, changed and submitted again
    const received = { ...unitCopy, review: planReviewImport(data([unitCopy]), pkg([supervisorCopy])).updates[0].review };
    const answered = value(answerOpinion({ ...received, annualGoal: '平台可用率不低于99%。' }, { roundId: 'r1', opinionId: 'o1', by: '王填', at: t(3), note: '已量化。' }));
    const resubmitted = submit(answered, 's2', 4);
    const plan = planImport(data([supervisorCopy]), pkg([resubmitted]), new Map([[unitCopy.id, unitCopy.updatedAt]]));
    expect(plan.conflicts).toEqual([]);
    expect(plan.update.map((e) => [e.id, e.reason])).toEqual([[unitCopy.id, '本地只有审核记录的变化，报送单位在提交审核的版本上作了修改，将采用数据包中的版本，审核记录两边合并。']]);
    const [project] = written(plan);
    expect(project.annualGoal).toBe('平台可用率不低于99%。');
    expect([reviewStatusOf(project), project.review!.submissions.map((s) => s.id), project.review!.rounds.map((r) => r.id)]).toEqual(['submitted', ['s1', 's2'], ['r1']]);
    expect(project.review!.rounds[0].fieldOpinions[0].answered?.note).toBe('已量化。');
  });

  test('a package without the supervisor\'s round (sent before it) loses nothing and changes nothing', () => {
    const { unitCopy, supervisorCopy } = afterReturn();
    const plan = planImport(data([supervisorCopy]), pkg([unitCopy]), new Map());
    expect([plan.unchanged.length, plan.update.length, plan.conflicts.length]).toEqual([3, 0, 0]);
  });

  test('content kept local, review merged in: the local record is written back with its own content and the package\'s answers', () => {
    const { supervisorCopy } = afterReturn();
    // the supervisor edited its copy later than the unit answered (so the local content is newer and stays)
    const local = { ...supervisorCopy, overview: '主管部门补充的概况', updatedAt: t(10) };
    const unitAnswered = value(answerOpinion(supervisorCopy, { roundId: 'r1', opinionId: 'o1', by: '王填', at: t(3), note: '已量化。' }));
    const plan = planImport(data([local]), pkg([unitAnswered]), new Map());
    expect(plan.keepLocal.filter((e) => e.kind === 'project')).toEqual([]);
    const entry = plan.update.find((e) => e.kind === 'project')!;
    expect(entry.reason).toBe('本地版本修改时间较新，保留本地。数据包中有本地没有的审核记录，合并后写入本地，项目内容不变。');
    const [project] = written(plan);
    expect([project.overview, project.updatedAt, project.review!.rounds[0].fieldOpinions[0].answered?.note]).toEqual(['主管部门补充的概况', t(10), '已量化。']);
  });

  test('a real conflict is still the user\'s choice, and either choice keeps the rounds of both sides', () => {
    const { unitCopy, supervisorCopy } = afterReturn();
    // both changed the content after the supervisor's import; the supervisor's copy also holds a round the unit never saw
    const local = { ...supervisorCopy, overview: '主管部门改的', updatedAt: t(6) };
    const unitSide = submit({ ...unitCopy, overview: '单位改的' }, 's2', 5);
    const bases = new Map([[unitCopy.id, unitCopy.updatedAt]]);
    const plan = planImport(data([local]), pkg([unitSide]), bases);
    expect(plan.conflicts.map((c) => c.id)).toEqual([unitCopy.id]);
    for (const choice of ['local', 'incoming'] as const) {
      const [project] = written(plan, choice);
      expect(project.overview).toBe(choice === 'local' ? '主管部门改的' : '单位改的');
      expect([project.review!.submissions.map((s) => s.id), project.review!.rounds.map((r) => r.id), reviewStatusOf(project)]).toEqual([['s1', 's2'], ['r1'], 'submitted']);
    }
  });
});
