import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExchangeDocument, parseExchange, validateExchange, type ExchangeDocument } from '../../shared/exchange/exchange';
import type { DepartmentPlan, MonitoringRound, Project } from '../../shared/model';
import {
  applyPlan,
  compareTimestamps,
  countByKind,
  expectedLocalState,
  planImport,
  sameContent,
  type DataSet,
  type ImportPlan,
  type PlanEntry,
} from '../../shared/consolidation';

const EMPTY: DataSet = { units: [], projects: [], departmentPlans: [] };
const T0 = '2021-01-15T00:00:00.000Z';
const T1 = '2021-03-01T00:00:00.000Z';
const T2 = '2021-04-01T00:00:00.000Z';
const T3 = '2021-06-01T00:00:00.000Z';
/** when the supervisor resolves conflicts */
const NOW = '2021-05-10T00:00:00.000Z';

function huadu(): ExchangeDocument {
  const r = parseExchange(readFileSync(join(__dirname, '..', 'fixtures', 'huadu.json'), 'utf-8'));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.document;
}

function doc(data: DataSet): ExchangeDocument {
  return structuredClone(createExchangeDocument(data, '2021-05-01T00:00:00.000Z'));
}

function asData(d: ExchangeDocument): DataSet {
  return structuredClone({ units: d.units, projects: d.projects, departmentPlans: d.departmentPlans });
}

const ids = (entries: readonly PlanEntry[]): string[] => entries.map((e) => e.id);

function sizes(plan: ImportPlan): Record<keyof ImportPlan, number> {
  return {
    add: plan.add.length,
    update: plan.update.length,
    unchanged: plan.unchanged.length,
    keepLocal: plan.keepLocal.length,
    conflicts: plan.conflicts.length,
    problems: plan.problems.length,
  };
}

function edited(p: Project, updatedAt: string, annualGoal: string): Project {
  return { ...structuredClone(p), annualGoal, updatedAt };
}

function departmentPlan(unitId: string, year: number, id: string, updatedAt: string, overallGoal = '保障运转'): DepartmentPlan {
  return { id, unitId, year, tasks: [], expenditureBudget: null, overallGoal, indicators: [], updatedAt };
}

describe('compareTimestamps and sameContent', () => {
  it('compares instants, not texts', () => {
    expect(compareTimestamps('2021-01-15T00:00:00Z', '2021-01-15T00:00:00.000Z')).toBe(0);
    expect(compareTimestamps('2021-01-15T08:00:00+08:00', '2021-01-15T00:00:00.000Z')).toBe(0);
    expect(compareTimestamps(T0, T1)).toBe(-1);
    expect(compareTimestamps(T2, T1)).toBe(1);
  });

  it('ignores updatedAt, key order and undefined members, and nothing else', () => {
    const p = huadu().projects[0];
    expect(sameContent(p, { ...p, updatedAt: T2 })).toBe(true);
    const reordered = Object.fromEntries(Object.entries(p).reverse()) as Project;
    expect(sameContent(p, { ...reordered, selfAssessment: undefined })).toBe(true);
    expect(sameContent(p, { ...p, indicators: [...p.indicators].reverse() })).toBe(p.indicators.length < 2);
    expect(sameContent(p, { ...p, funding: { ...p.funding, other: p.funding.other + 1 } })).toBe(false);
  });
});

describe('planImport', () => {
  it('adds everything on the first import and records every incoming time as a base', () => {
    const d = huadu();
    const plan = planImport(EMPTY, d, new Map());
    expect(sizes(plan)).toEqual({ add: 16, update: 0, unchanged: 0, keepLocal: 0, conflicts: 0, problems: 0 });
    expect(countByKind(plan.add)).toEqual({ unit: 2, project: 14, departmentPlan: 0 });
    expect(plan.add[0]).toMatchObject({
      kind: 'unit', id: 'hd-unit', displayName: '广州市花都区工商业联合会', localUpdatedAt: null, incomingUpdatedAt: T0, base: null,
      reason: '本地没有这条记录，将新增。',
    });
    expect(plan.add.find((e) => e.id === 'hd-p9')?.displayName).toBe('“七一”纪念活动经费（2021年度）');
    const applied = applyPlan(plan, new Map(), NOW);
    if (!applied.ok) throw new Error(applied.errors.join());
    expect(applied.value.records).toEqual(asData(d));
    expect(applied.value.bases.size).toBe(16);
    expect(new Set(applied.value.bases.values())).toEqual(new Set([T0]));
  });

  it('finds nothing to write when the same package comes again', () => {
    const d = huadu();
    const bases = new Map([...d.units, ...d.projects].map((r) => [r.id, r.updatedAt]));
    const plan = planImport(asData(d), d, bases);
    expect(sizes(plan)).toEqual({ add: 0, update: 0, unchanged: 16, keepLocal: 0, conflicts: 0, problems: 0 });
    const applied = applyPlan(plan, new Map(), NOW);
    expect(applied.ok && applied.value.records).toEqual(EMPTY);
    // also without bases (records entered identically by hand on both sides), and with another spelling of the same instant
    const respelled = doc({ ...asData(d), units: d.units.map((u) => ({ ...u, updatedAt: '2021-01-15T00:00:00Z' })) });
    expect(sizes(planImport(asData(d), respelled, new Map())).unchanged).toBe(16);
  });

  it('with a base: a change on one side wins, a change on both is a conflict', () => {
    const d = huadu();
    const local = asData(d);
    const bases = new Map(d.projects.map((p) => [p.id, T0]));
    const [p1, p2, p3] = d.projects;
    local.projects[1] = edited(p2, T1, '主管部门修改的目标'); // supervisor edited p2
    local.projects[2] = edited(p3, T1, '主管部门修改的目标'); // …and p3
    const incoming = doc({
      units: d.units,
      projects: [edited(p1, T1, '单位修改的目标'), p2, edited(p3, T2, '单位也修改了目标')],
      departmentPlans: [],
    });
    const plan = planImport(local, incoming, bases);
    expect([ids(plan.update), ids(plan.keepLocal), ids(plan.conflicts)]).toEqual([['hd-p1'], ['hd-p2'], ['hd-p3']]);
    expect(plan.update[0].reason).toBe('上次导入后只有报送单位修改过，将覆盖本地。');
    expect(plan.keepLocal[0].reason).toBe('上次导入后只有本地修改过，保留本地。');
    expect(plan.conflicts[0]).toMatchObject({
      displayName: '工商联系统民营企业协调专项经费（2021年度）', localUpdatedAt: T1, incomingUpdatedAt: T2, base: T0,
      reason: '上次导入后本地和报送单位都修改过，请选择保留哪一方。',
    });
    // a local edit newer than the unit's does not matter: both changed since the base, so the user decides
    expect(compareTimestamps(T1, T2)).toBe(-1);
  });

  it('without a base: the newer edit wins, equal times with different content conflict', () => {
    const d = huadu();
    const [p1, p2, p3] = d.projects;
    const local: DataSet = { units: d.units, projects: [edited(p1, T1, '本地'), edited(p2, T2, '本地'), edited(p3, T1, '本地')], departmentPlans: [] };
    const incoming = doc({ units: d.units, projects: [edited(p1, T2, '数据包'), edited(p2, T1, '数据包'), edited(p3, T1, '数据包')], departmentPlans: [] });
    const plan = planImport(local, incoming, new Map());
    expect([ids(plan.update), ids(plan.keepLocal), ids(plan.conflicts)]).toEqual([['hd-p1'], ['hd-p2'], ['hd-p3']]);
    expect(plan.update[0].reason).toBe('数据包中的版本修改时间较新，将覆盖本地。');
    expect(plan.keepLocal[0].reason).toBe('本地版本修改时间较新，保留本地。');
    expect(plan.conflicts[0].reason).toBe('两边修改时间相同但内容不同，请选择保留哪一方。');
  });

  it('keeps the local version when an older package comes after a newer one', () => {
    const d = huadu();
    const newer = edited(d.projects[0], T2, '新版');
    const older = edited(d.projects[0], T1, '旧版');
    const plan = planImport({ ...asData(d), projects: [newer] }, doc({ ...asData(d), projects: [older] }), new Map([[newer.id, T2]]));
    expect(ids(plan.keepLocal)).toEqual(['hd-p1']);
    expect(plan.keepLocal[0].reason).toBe('数据包中的这条记录上次导入时已处理过，此后没有新的修改，保留本地。');
  });

  it('matches a department plan by unit and year when its id differs', () => {
    const d = huadu();
    const local = { ...asData(d), departmentPlans: [departmentPlan('hd-unit', 2021, 'plan-local', T1)] };
    const incoming = doc({ ...asData(d), departmentPlans: [departmentPlan('hd-unit', 2021, 'plan-unit', T2, '新目标')] });
    const plan = planImport(local, incoming, new Map());
    expect(plan.update.map((e) => [e.kind, e.id, e.displayName, e.localUpdatedAt])).toEqual([
      ['departmentPlan', 'plan-unit', '广州市花都区工商业联合会 2021年度部门整体支出绩效目标', T1],
    ]);
  });

  it('reports a project or plan whose unit is neither in the package nor local, in Chinese', () => {
    const d = huadu();
    const incoming = doc({
      units: [],
      projects: [d.projects[0], d.projects[8]],
      departmentPlans: [departmentPlan('hd-ghost', 2021, 'plan-x', T1)],
    });
    const plan = planImport({ ...EMPTY, units: [d.units[0]] }, incoming, new Map());
    expect(plan.problems.map((p) => [p.kind, p.id, p.message])).toEqual([
      ['project', 'hd-p9', '数据包中的项目““七一”纪念活动经费”所属单位不存在。'],
      ['departmentPlan', 'plan-x', '数据包中的2021年度部门整体支出绩效目标所属单位不存在。'],
    ]);
    expect(ids(plan.add)).toEqual(['hd-p1']); // its unit is in the local data
    const applied = applyPlan(plan, new Map(), NOW);
    expect(applied).toEqual({
      ok: false,
      errors: [
        '数据包有 2 处问题，未导入任何数据：',
        '数据包中的项目““七一”纪念活动经费”所属单位不存在。',
        '数据包中的2021年度部门整体支出绩效目标所属单位不存在。',
      ],
    });
  });

  it('reports an indicator id that belongs to another local project, and repeated ids of an unvalidated package', () => {
    const d = huadu();
    const [p1, p2] = d.projects;
    const thief = { ...p2, indicators: [p1.indicators[0]] };
    const plan = planImport(asData(d), doc({ ...asData(d), projects: [thief] }), new Map());
    expect(plan.problems.map((p) => p.message)).toEqual([
      `数据包中项目“${p2.name}”的指标编号“${p1.indicators[0].id}”在本地属于另一个项目，无法导入。`,
    ]);
    const repeated = planImport(EMPTY, doc({ ...asData(d), projects: [p1, p1] }), new Map());
    expect(repeated.problems.map((p) => p.message)).toEqual(['数据包中的项目编号“hd-p1”重复，数据包可能已损坏。']);
    expect(sizes(repeated).add).toBe(0);
  });
});

describe('a project sent again under a new id', () => {
  it('is a problem, not a second copy that F4/F5 would count twice', () => {
    const d = huadu();
    const rebuilt = { ...d.projects[0], id: 'rebuilt-p1', indicators: d.projects[0].indicators.map((i) => ({ ...i, id: `rebuilt-${i.id}` })) };
    const plan = planImport(asData(d), doc({ units: d.units, projects: [rebuilt], departmentPlans: [] }), new Map());
    expect(plan.add).toEqual([]);
    expect(plan.problems.map((p) => p.message)).toEqual([
      '数据包中的项目““鲲鹏计划”——花都区培育扶持高新企业创新工作”（2021年度）与本机已有的同名项目编号不同（可能是报送单位重建了数据），为免重复计入，本次未导入。请先核对并删除其中一个。',
    ]);
    expect(applyPlan(plan, new Map(), NOW).ok).toBe(false);
  });
});

describe('applyPlan', () => {
  const d = huadu();
  const [p1, p2, p3] = d.projects;
  const local: DataSet = { units: d.units, projects: [edited(p1, T1, '本地'), edited(p2, T1, '本地'), p3], departmentPlans: [] };
  const incomingP1 = edited(p1, T2, '数据包');
  const incomingP2 = edited(p2, T2, '数据包');
  const incomingP3 = edited(p3, T2, '数据包');
  const plan = planImport(local, doc({ units: d.units, projects: [incomingP1, incomingP2, incomingP3], departmentPlans: [] }), new Map([
    ['hd-p1', T0],
    ['hd-p2', T0],
    ['hd-p3', T0],
  ]));

  it('refuses while a conflict has no choice, naming it', () => {
    expect(ids(plan.conflicts)).toEqual(['hd-p1', 'hd-p2']);
    expect(applyPlan(plan, new Map([['hd-p1', 'local']]), NOW)).toEqual({
      ok: false,
      errors: ['“花都区民营企业投诉中心运营经费（2021年度）”两边都有修改，请先选择保留哪一方。'],
    });
  });

  it('writes the updates and the conflicts resolved for the package, and moves every base forward', () => {
    const applied = applyPlan(plan, new Map([['hd-p1', 'local'], ['hd-p2', 'incoming']]), NOW);
    if (!applied.ok) throw new Error(applied.errors.join());
    // the conflict resolved for the local side is written back as an edit made now
    expect(applied.value.records.projects).toEqual([incomingP3, { ...local.projects[0], updatedAt: NOW }, incomingP2]);
    expect(applied.value.records.units).toEqual([]);
    expect(applied.value.bases).toEqual(
      new Map([['hd-p3', T2], ['hd-unit', T0], ['hd-centre', T0], ['hd-p1', T2], ['hd-p2', T2]]),
    );
  });

  it('stamps a local choice later than the base even when the unit’s clock runs ahead', () => {
    const applied = applyPlan(plan, new Map([['hd-p1', 'local'], ['hd-p2', 'local']]), '2021-03-15T00:00:00.000Z');
    expect(applied.ok && applied.value.records.projects.map((p) => p.updatedAt)).toEqual([T2, '2021-04-01T00:00:00.001Z', '2021-04-01T00:00:00.001Z']);
  });

  it('after resolving, the same package again changes nothing, and a later edit by the unit conflicts again', () => {
    const applied = applyPlan(plan, new Map([['hd-p1', 'local'], ['hd-p2', 'incoming']]), NOW);
    if (!applied.ok) throw new Error(applied.errors.join());
    const after: DataSet = { units: d.units, projects: [{ ...local.projects[0], updatedAt: NOW }, incomingP2, incomingP3], departmentPlans: [] };
    const again = planImport(after, doc({ units: d.units, projects: [incomingP1, incomingP2, incomingP3], departmentPlans: [] }), applied.value.bases);
    expect([ids(again.keepLocal), ids(again.unchanged), again.conflicts.length, again.update.length]).toEqual([
      ['hd-p1'],
      ['hd-unit', 'hd-centre', 'hd-p2', 'hd-p3'],
      0,
      0,
    ]);
    const later = planImport(after, doc({ units: d.units, projects: [edited(p1, T3, '单位再次修改')], departmentPlans: [] }), applied.value.bases);
    expect(ids(later.conflicts)).toEqual(['hd-p1']);
  });

  it('a base settled by an earlier import keeps the local record when the package brings nothing new', () => {
    // e.g. a record kept local before conflicts were re-stamped, or restored from a backup older than the base
    const stale = planImport({ ...local, projects: [local.projects[0]] }, doc({ units: [], projects: [incomingP1], departmentPlans: [] }), new Map([['hd-p1', T2]]));
    expect(ids(stale.keepLocal)).toEqual(['hd-p1']);
  });
});

describe('a conflict kept local against a package time at the end of the valid range', () => {
  const d = huadu();
  const p1 = d.projects[0];
  const local: DataSet = { units: d.units, projects: [edited(p1, T1, '本地')], departmentPlans: [] };
  const chooseLocal = (incomingAt: string) => {
    const incoming = doc({ units: [], projects: [edited(p1, incomingAt, '数据包')], departmentPlans: [] });
    const plan = planImport(local, incoming, new Map([['hd-p1', T0]]));
    expect(ids(plan.conflicts)).toEqual(['hd-p1']);
    const applied = applyPlan(plan, new Map([['hd-p1', 'local']]), NOW);
    if (!applied.ok) throw new Error(applied.errors.join());
    return { incoming, applied: applied.value };
  };

  it('is stamped with the last valid millisecond, never a year past 9999', () => {
    const { applied } = chooseLocal('9999-12-31T23:59:59.999Z');
    expect(applied.records.projects.map((p) => [p.annualGoal, p.updatedAt])).toEqual([['本地', '9999-12-31T23:59:59.999Z']]);
    expect(applied.bases.get('hd-p1')).toBe('9999-12-31T23:59:59.999Z');
    expect(validateExchange(doc({ ...local, projects: applied.records.projects })).ok).toBe(true);
  });

  it('one millisecond after the package time while that is still valid', () => {
    const { applied } = chooseLocal('9999-12-31T23:59:59.998Z');
    expect(applied.records.projects.map((p) => p.updatedAt)).toEqual(['9999-12-31T23:59:59.999Z']);
  });

  it('the choice sticks: the same package again keeps the local record without asking', () => {
    const { incoming, applied } = chooseLocal('9999-12-31T23:59:59.999Z');
    const again = planImport({ ...local, projects: applied.records.projects }, incoming, applied.bases);
    expect(sizes(again)).toEqual({ add: 0, update: 0, unchanged: 0, keepLocal: 1, conflicts: 0, problems: 0 });
    expect(again.keepLocal.map((e) => e.kind === 'project' && e.local?.annualGoal)).toEqual(['本地']);
  });
});

describe('a department plan with another id than the local plan of its unit and year', () => {
  const d = huadu();
  const localPlan = departmentPlan('hd-unit', 2021, 'plan-local', T1);

  it('is compared without its id, and the local state to check is the LOCAL plan, by its local id', () => {
    const same = planImport({ ...asData(d), departmentPlans: [localPlan] }, doc({ ...asData(d), departmentPlans: [{ ...localPlan, id: 'plan-unit' }] }), new Map());
    expect(ids(same.unchanged)).toContain('plan-unit');
    expect(same.conflicts).toEqual([]);

    const newer = departmentPlan('hd-unit', 2021, 'plan-unit', T2, '新目标');
    const plan = planImport({ ...asData(d), departmentPlans: [localPlan] }, doc({ units: d.units, projects: [], departmentPlans: [newer] }), new Map());
    expect(ids(plan.update)).toEqual(['plan-unit']);
    expect(expectedLocalState(plan)).toEqual([
      { kind: 'departmentPlan', id: 'plan-local', updatedAt: T1, unitId: 'hd-unit', year: 2021 },
      { kind: 'unit', id: 'hd-unit', updatedAt: T0 },
      { kind: 'unit', id: 'hd-centre', updatedAt: T0 },
    ]);
    const applied = applyPlan(plan, new Map(), NOW);
    expect(applied.ok && applied.value.records.departmentPlans).toEqual([newer]);
    expect(applied.ok && applied.value.bases.get('plan-unit')).toBe(T2);
  });

  it('a plan not there yet is expected absent under its incoming id', () => {
    const added = departmentPlan('hd-unit', 2022, 'plan-2022', T2);
    const plan = planImport(asData(d), doc({ units: [], projects: [], departmentPlans: [added] }), new Map());
    expect(expectedLocalState(plan)).toEqual([{ kind: 'departmentPlan', id: 'plan-2022', updatedAt: null, unitId: 'hd-unit', year: 2022 }]);
  });
});

describe('ids that are names of Object.prototype members', () => {
  const SPECIAL = ['__proto__', 'toString', 'constructor', 'hasOwnProperty'];
  // each special id serves in turn as the unit, project, indicator and plan id
  const rotations = SPECIAL.map((_, k) => SPECIAL.map((__, j) => SPECIAL[(k + j) % SPECIAL.length]));

  function records(unitId: string, projectId: string, indicatorId: string, planId: string, updatedAt: string, text: string): DataSet {
    const base = huadu().projects[0];
    const indicator = { ...base.indicators[0], id: indicatorId, target: text };
    return {
      units: [{ id: unitId, name: `花都区工商联（${text}）`, parentId: null, schemeId: 'A-2015', updatedAt }],
      projects: [{ ...structuredClone(base), id: projectId, unitId, annualGoal: text, indicators: [indicator], selfAssessment: undefined, updatedAt }],
      departmentPlans: [departmentPlan(unitId, 2021, planId, updatedAt, text)],
    };
  }

  it.each(rotations)('unit %s, project %s, indicator %s, plan %s: a newer edit in the package updates', (u, p, i, dp) => {
    const local = records(u, p, i, dp, T1, '1');
    const incoming = doc(records(u, p, i, dp, T2, '2'));
    const expectUpdated = (plan: ImportPlan) => {
      expect(sizes(plan)).toEqual({ add: 0, update: 3, unchanged: 0, keepLocal: 0, conflicts: 0, problems: 0 });
      expect(ids(plan.update)).toEqual([u, p, dp]);
    };
    // first import (no base), and after an earlier import at T1
    expectUpdated(planImport(local, incoming, new Map()));
    const settled = new Map([u, p, dp].map((id) => [id, T1]));
    const plan = planImport(local, incoming, settled);
    expectUpdated(plan);
    expect(plan.update.map((e) => e.base)).toEqual([T1, T1, T1]);

    const applied = applyPlan(plan, new Map(), NOW);
    if (!applied.ok) throw new Error(applied.errors.join());
    expect(applied.value.records).toEqual(asData(incoming));
    expect([...applied.value.bases]).toEqual([[u, T2], [p, T2], [dp, T2]]);

    // the same package again finds nothing new; an edit on both sides is a conflict chosen by id
    expect(sizes(planImport(asData(incoming), incoming, applied.value.bases)).unchanged).toBe(3);
    const both = planImport(records(u, p, i, dp, T3, '本地'), doc(records(u, p, i, dp, T3, '数据包')), settled);
    expect(ids(both.conflicts)).toEqual([u, p, dp]);
    const chosen = applyPlan(both, new Map([[u, 'incoming'], [p, 'local'], [dp, 'incoming']]), NOW);
    if (!chosen.ok) throw new Error(chosen.errors.join());
    expect(chosen.value.records.units.map((x) => x.updatedAt)).toEqual([T3]);
    expect(chosen.value.records.projects.map((x) => [x.annualGoal, x.updatedAt])).toEqual([['本地', '2021-06-01T00:00:00.001Z']]);
    expect(chosen.value.records.departmentPlans.map((x) => x.overallGoal)).toEqual(['数据包']);
  });

  it('a member named __proto__ counts as content', () => {
    const p = huadu().projects[0];
    const withMember = JSON.parse(`{"__proto__": 1, "name": "${p.name}"}`) as unknown as Project;
    const withOther = JSON.parse(`{"__proto__": 2, "name": "${p.name}"}`) as unknown as Project;
    expect(sameContent(withMember, withOther)).toBe(false);
    expect(sameContent(withMember, JSON.parse(JSON.stringify(withMember)) as Project)).toBe(true);
  });
});

describe('a package that skipped validation with an unreadable time', () => {
  it('is a problem that blocks the import, named in Chinese, and never throws', () => {
    const d = huadu();
    const local = asData(d);
    const incoming = doc({
      units: [],
      projects: [edited(d.projects[0], '+275760-09-13T00:00:00.000Z', '改'), edited(d.projects[1], '2025-02-30T00:00:00.000Z', '改')],
      departmentPlans: [],
    });
    const plan = planImport(local, incoming, new Map([['hd-p1', T0]]));
    expect(plan.problems.map((p) => p.message)).toEqual([
      '数据包中““鲲鹏计划”——花都区培育扶持高新企业创新工作（2021年度）”的修改时间“+275760-09-13T00:00:00.000Z”无效，数据包可能已损坏。',
      '数据包中“花都区民营企业投诉中心运营经费（2021年度）”的修改时间“2025-02-30T00:00:00.000Z”无效，数据包可能已损坏。',
    ]);
    expect(applyPlan(plan, new Map(), NOW).ok).toBe(false);
  });
});

describe('monitoring rounds travel inside their project', () => {
  const d = huadu();
  const p1 = d.projects[0];
  const zero = { generalPublic: 0, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 0 };
  const july: MonitoringRound = { month: 7, status: 'done', spent: { ...zero, generalPublic: 1_000_000 }, entries: [], updatedAt: T0, doneAt: T0 };
  const october: MonitoringRound = { month: 10, status: 'draft', spent: { ...zero, generalPublic: 2_000_000 }, entries: [], updatedAt: T2 };
  const withRounds = (rounds: MonitoringRound[], updatedAt: string): Project => ({ ...structuredClone(p1), monitoring: structuredClone(rounds), updatedAt });

  it('a round differing only in its figures is a change of the project', () => {
    expect(sameContent(withRounds([july], T0), withRounds([july], T1))).toBe(true);
    expect(sameContent(withRounds([july], T0), withRounds([{ ...july, spent: { ...july.spent, other: 1 } }], T0))).toBe(false);
    expect(sameContent(withRounds([july], T0), withRounds([july, october], T0))).toBe(false);
  });

  it('a newer round in the package updates the project, keeping the rounds it already had', () => {
    const local: DataSet = { units: d.units, projects: [withRounds([july], T0)], departmentPlans: [] };
    const sent = withRounds([july, october], T2);
    const plan = planImport(local, doc({ units: [], projects: [sent], departmentPlans: [] }), new Map([[p1.id, T0]]));
    expect([ids(plan.update), plan.update[0].reason]).toEqual([[p1.id], '上次导入后只有报送单位修改过，将覆盖本地。']);
    const applied = applyPlan(plan, new Map(), NOW);
    if (!applied.ok) throw new Error(applied.errors.join());
    expect(applied.value.records.projects.map((p) => p.monitoring?.map((r) => [r.month, r.status]))).toEqual([[[7, 'done'], [10, 'draft']]]);
  });

  it('a round changed on both sides since the last import is a conflict, resolved like any project edit', () => {
    const local: DataSet = { units: d.units, projects: [withRounds([{ ...july, correction: '主管部门补充的纠偏措施' }], T1)], departmentPlans: [] };
    const plan = planImport(local, doc({ units: [], projects: [withRounds([july, october], T2)], departmentPlans: [] }), new Map([[p1.id, T0]]));
    expect(ids(plan.conflicts)).toEqual([p1.id]);
    const kept = applyPlan(plan, new Map([[p1.id, 'local']]), NOW);
    if (!kept.ok) throw new Error(kept.errors.join());
    expect(kept.value.records.projects.map((p) => p.monitoring?.map((r) => [r.month, r.correction ?? '']))).toEqual([[[7, '主管部门补充的纠偏措施']]]);
    const taken = applyPlan(plan, new Map([[p1.id, 'incoming']]), NOW);
    expect(taken.ok && taken.value.records.projects.map((p) => p.monitoring?.map((r) => r.month))).toEqual([[7, 10]]);
  });

  it('the package with its rounds passes validation and comes back equal', () => {
    const sent = doc({ units: d.units, projects: [withRounds([july, october], T2)], departmentPlans: [] });
    const back = parseExchange(JSON.stringify(sent));
    expect(back.ok && back.document.projects[0].monitoring).toEqual([july, october]);
  });
});
