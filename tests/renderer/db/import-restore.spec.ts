// Importing unit packages and restoring backups through the real database: bad input is refused with a Chinese message
// and leaves the database exactly as it was; good packages consolidate as shared/consolidation.ts plans them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createExchangeDocument,
  parseExchange,
  serializeExchange,
  validateExchange,
  type ExchangeDocument,
} from '../../../shared/exchange/exchange';
import { applyPlan, expectedLocalState, type ConflictChoice, type DataSet, type ImportPlan } from '../../../shared/consolidation';
import type { DepartmentPlan, Id, Project } from '../../../shared/model';
import type { Kit } from './db-test-kit';
import { FIXED_NOW, addProject, addUnit, assessment, errorOf, makeKit, unwrap } from './db-test-kit';

const huaduText = readFileSync(join(__dirname, '..', '..', 'fixtures', 'huadu.json'), 'utf-8');

function huadu(): ExchangeDocument {
  const r = parseExchange(huaduText);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.document;
}

/** The package one unit of huadu.json would send: that unit and its own projects. */
function unitPackage(unitId: Id, edit: (p: Project) => Project = (p) => p): ExchangeDocument {
  const d = huadu();
  return createExchangeDocument(
    {
      units: d.units.filter((u) => u.id === unitId),
      projects: d.projects.filter((p) => p.unitId === unitId).map(edit),
      departmentPlans: [],
    },
    '2021-02-01T00:00:00.000Z',
  );
}

type ImportOutcome =
  | { stage: 'parse' | 'plan'; messages: string[] }
  | { stage: 'done'; plan: ImportPlan; counts: { units: number; projects: number; indicators: number; departmentPlans: number } };

/** The import as the app runs it: parse, plan against the database, apply the choices, write in one transaction. */
async function importPackage(kit: Kit, input: string | Uint8Array, choices: ReadonlyMap<Id, ConflictChoice> = new Map()): Promise<ImportOutcome> {
  const parsed = parseExchange(input);
  if (!parsed.ok) return { stage: 'parse', messages: parsed.problems.map((p) => p.message) };
  return importDocument(kit, parsed.document, choices);
}

async function importDocument(kit: Kit, doc: ExchangeDocument, choices: ReadonlyMap<Id, ConflictChoice> = new Map()): Promise<ImportOutcome> {
  const plan = await kit.repo.exchange.planPackageImport(doc);
  const applied = applyPlan(plan, choices, kit.clock.now.toISOString());
  if (!applied.ok) return { stage: 'plan', messages: applied.errors };
  const counts = unwrap(await kit.repo.exchange.applyImport(applied.value.records, applied.value.bases, expectedLocalState(plan)));
  return { stage: 'done', plan, counts };
}

function messagesOf(outcome: ImportOutcome): string[] {
  if (outcome.stage === 'done') throw new Error('expected the package to be refused');
  return outcome.messages;
}

function planOf(outcome: ImportOutcome): ImportPlan {
  if (outcome.stage !== 'done') throw new Error(`expected the import to succeed: ${outcome.messages.join()}`);
  return outcome.plan;
}

const sizes = (plan: ImportPlan) => ({
  add: plan.add.length,
  update: plan.update.length,
  unchanged: plan.unchanged.length,
  keepLocal: plan.keepLocal.length,
  conflicts: plan.conflicts.length,
});

/** Everything the database holds: the data set and the bases. */
async function snapshot(kit: Kit): Promise<{ data: DataSet; bases: Map<Id, string> }> {
  return { data: await kit.repo.exchange.exportAll(), bases: await kit.repo.exchange.getSyncBases() };
}

/** A deterministic 20 MB of bytes that are not JSON (xorshift, so the test does not depend on chance). */
function garbage(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let x = 0x2545f491;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

describe('bad input: refused in Chinese, database unchanged', () => {
  let kit: Kit;
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeEach(async () => {
    kit = makeKit();
    // a supervisor that already holds data and one earlier import
    const finance = await addUnit(kit.repo, '广州市花都区财政局');
    await addProject(kit.repo, finance, 2021, '预算绩效管理', ['评价报告数'], { selfAssessment: assessment() });
    planOf(await importPackage(kit, serializeExchange(unitPackage('hd-centre'))));
    before = await snapshot(kit);
    expect(before.data.projects).toHaveLength(8);
  });
  afterEach(() => kit.db.close());

  it('truncated JSON', async () => {
    const text = serializeExchange(unitPackage('hd-unit'));
    const messages = messagesOf(await importPackage(kit, text.slice(0, Math.floor(text.length * 0.7))));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^文件不是有效的 JSON 数据包，可能已损坏或被截断(（第 \d+ 个字符附近）)?。$/);
    expect(await snapshot(kit)).toEqual(before);
  });

  it('a package from a future format version', async () => {
    const future = { ...unitPackage('hd-unit'), version: 2 };
    expect(messagesOf(await importPackage(kit, JSON.stringify(future)))).toEqual([
      '数据包版本为 2，本程序只支持版本 1。请先升级程序再导入。',
    ]);
    expect(errorOf(await kit.repo.exchange.restoreBackup(future as unknown as ExchangeDocument))).toBe(
      '备份文件有 1 处问题，未作任何修改：数据包版本为 2，本程序只支持版本 1。请先升级程序再导入。',
    );
    expect(await snapshot(kit)).toEqual(before);
  });

  it('duplicate ids', async () => {
    const doc = unitPackage('hd-unit');
    const twice = { ...doc, projects: [...doc.projects, { ...doc.projects[1], id: doc.projects[0].id, name: '另一个项目', indicators: [] }] };
    expect(messagesOf(await importPackage(kit, serializeExchange(twice)))).toEqual(['编号“hd-p1”重复，已在 /projects/0/id 使用过。']);
    expect(errorOf(await kit.repo.exchange.restoreBackup(twice))).toBe('备份文件有 1 处问题，未作任何修改：编号“hd-p1”重复，已在 /projects/0/id 使用过。');
    // handed over without parsing, the plan still refuses it
    expect(messagesOf(await importDocument(kit, twice))).toEqual([
      '数据包有 1 处问题，未导入任何数据：',
      '数据包中的项目编号“hd-p1”重复，数据包可能已损坏。',
    ]);
    expect(await snapshot(kit)).toEqual(before);
  });

  it('negative amounts', async () => {
    const doc = unitPackage('hd-unit');
    doc.projects[0].funding.generalPublic = -100;
    doc.projects[2].funding.other = -1;
    const expected = ['/projects/0/funding/generalPublic：应当为 >= 0', '/projects/2/funding/other：应当为 >= 0'];
    expect(messagesOf(await importPackage(kit, serializeExchange(doc)))).toEqual(expected);
    expect(errorOf(await kit.repo.exchange.restoreBackup(doc))).toBe(`备份文件有 2 处问题，未作任何修改：${expected.join('；')}。`);
    expect(await snapshot(kit)).toEqual(before);
  });

  it('a 20 MB file of garbage', async () => {
    const bytes = garbage(20 * 1024 * 1024);
    expect(bytes.length).toBe(20_971_520);
    const messages = messagesOf(await importPackage(kit, bytes));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^文件不是有效的 JSON 数据包，可能已损坏或被截断(（第 \d+ 个字符附近）)?。$/);
    // and garbage that is valid JSON of the wrong shape
    expect(messagesOf(await importPackage(kit, JSON.stringify(Array.from({ length: 100_000 }, (_, i) => i))))).toEqual([
      '文件内容不是数据包：最外层应为一个 JSON 对象。',
    ]);
    expect(await snapshot(kit)).toEqual(before);
  });

  it('a package whose unit is unknown', async () => {
    const doc = unitPackage('hd-unit');
    const orphan: ExchangeDocument = { ...doc, units: [], projects: [doc.projects[4]] };
    // parseExchange refuses a package that names a unit it does not carry…
    expect(messagesOf(await importPackage(kit, serializeExchange(orphan)))).toEqual([
      '项目“民营企业家、优秀员工培训费”所属单位“hd-unit”不在数据包中。',
    ]);
    // …and the plan refuses it too when it arrives unparsed and the unit is not in the local data either
    expect(messagesOf(await importDocument(kit, orphan))).toEqual([
      '数据包有 1 处问题，未导入任何数据：',
      '数据包中的项目“民营企业家、优秀员工培训费”所属单位不存在。',
    ]);
    expect(errorOf(await kit.repo.exchange.restoreBackup(orphan))).toBe(
      '备份文件有 1 处问题，未作任何修改：项目“民营企业家、优秀员工培训费”所属单位“hd-unit”不在数据包中。',
    );
    expect(await snapshot(kit)).toEqual(before);
  });

  it('timestamps that are no real instant (year +275760, 30 February)', async () => {
    const doc = unitPackage('hd-unit');
    doc.projects[2].updatedAt = '+275760-09-13T00:00:00.000Z';
    doc.projects[4].updatedAt = '2025-02-30T00:00:00.000Z';
    const rule = '不是有效的时间：应为 1900 至 9999 年间确实存在的日期和时刻，写作 2025-01-31T08:00:00.000Z 的形式（协调世界时）。';
    const expected = [`第 3 个项目的 updatedAt“+275760-09-13T00:00:00.000Z”${rule}`, `第 5 个项目的 updatedAt“2025-02-30T00:00:00.000Z”${rule}`];
    expect(messagesOf(await importPackage(kit, serializeExchange(doc)))).toEqual(expected);
    expect(errorOf(await kit.repo.exchange.restoreBackup(doc))).toBe(`备份文件有 2 处问题，未作任何修改：${expected.map((m) => m.replace(/。$/, '')).join('；')}。`);
    // handed over without parsing, the plan refuses them instead of throwing while comparing or re-stamping
    expect(messagesOf(await importDocument(kit, doc))).toEqual([
      '数据包有 2 处问题，未导入任何数据：',
      '数据包中“工商联系统民营企业协调专项经费（2021年度）”的修改时间“+275760-09-13T00:00:00.000Z”无效，数据包可能已损坏。',
      '数据包中“民营企业家、优秀员工培训费（2021年度）”的修改时间“2025-02-30T00:00:00.000Z”无效，数据包可能已损坏。',
    ]);
    expect(await snapshot(kit)).toEqual(before);
  });

  it('lists at most five problems of a bad backup and counts the rest', async () => {
    const doc = unitPackage('hd-unit');
    for (const p of doc.projects) p.funding.generalPublic = -1;
    const message = errorOf(await kit.repo.exchange.restoreBackup(doc));
    expect(message.startsWith('备份文件有 7 处问题，未作任何修改：/projects/0/funding/generalPublic：应当为 >= 0；')).toBe(true);
    expect(message.endsWith('/projects/4/funding/generalPublic：应当为 >= 0；另有 2 处问题未列出。')).toBe(true);
    expect(await snapshot(kit)).toEqual(before);
  });

  it('applyImport: a failure while writing the bases (the last step) leaves data and bases as they were', async () => {
    const plan = await kit.repo.exchange.planPackageImport(unitPackage('hd-unit'));
    const applied = applyPlan(plan, new Map(), FIXED_NOW.toISOString());
    if (!applied.ok) throw new Error(applied.errors.join());
    expect(applied.value.records.projects).toHaveLength(7);
    kit.db.syncBases.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(kit.repo.exchange.applyImport(applied.value.records, applied.value.bases)).rejects.toThrow('disk full');
    expect(await snapshot(kit)).toEqual(before);
  });

  it('applyImport: a failure on the fifth indicator list leaves nothing of the package behind', async () => {
    let created = 0;
    kit.db.indicatorLists.hook('creating', () => {
      if (++created === 5) throw new Error('disk full');
    });
    await expect(importPackage(kit, serializeExchange(unitPackage('hd-unit')))).rejects.toThrow('disk full');
    expect(await snapshot(kit)).toEqual(before);
  });
});

describe('restoreBackup', () => {
  it('replaces all data with a valid backup and forgets the bases of earlier imports', async () => {
    const kit = makeKit();
    await addUnit(kit.repo, '广州市花都区财政局');
    planOf(await importPackage(kit, serializeExchange(unitPackage('hd-centre'))));
    expect((await kit.repo.exchange.getSyncBases()).size).toBe(8);

    const backup = huadu();
    expect(unwrap(await kit.repo.exchange.restoreBackup(backup))).toEqual({ units: 2, projects: 14, indicators: 23, departmentPlans: 0 });
    const after = await kit.repo.exchange.exportAll();
    expect([...after.units].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...backup.units].sort((a, b) => a.id.localeCompare(b.id)));
    expect([...after.projects].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...backup.projects].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await kit.repo.exchange.getSyncBases()).toEqual(new Map());
    kit.db.close();
  });
});

describe('consolidation of the two huadu units into a supervisor database', () => {
  let kit: Kit;
  beforeEach(() => {
    kit = makeKit();
  });
  afterEach(() => kit.db.close());

  it('imports both unit packages, then finds nothing new in the same package again', async () => {
    const centre = serializeExchange(unitPackage('hd-centre'));
    const union = serializeExchange(unitPackage('hd-unit'));
    // the subordinate centre first: its supervising unit arrives with the second package
    const first = await importPackage(kit, centre);
    expect(sizes(planOf(first))).toEqual({ add: 8, update: 0, unchanged: 0, keepLocal: 0, conflicts: 0 });
    expect(first.stage === 'done' && first.counts).toEqual({ units: 1, projects: 7, indicators: 10, departmentPlans: 0 });
    const second = await importPackage(kit, union);
    expect(second.stage === 'done' && second.counts).toEqual({ units: 1, projects: 7, indicators: 13, departmentPlans: 0 });

    const all = await kit.repo.exchange.exportAll();
    expect([all.units.length, all.projects.length, all.projects.reduce((s, p) => s + p.indicators.length, 0)]).toEqual([2, 14, 23]);
    expect((await kit.repo.projects.list('hd-unit', 2021)).map((p) => p.name)).toContain('招商交流推介往来活动经费');
    const original = huadu();
    for (const p of original.projects) expect(await kit.repo.projects.get(p.id)).toEqual({ ...p, revision: 1 });
    const bases = await kit.repo.exchange.getSyncBases();
    expect(bases.size).toBe(16);

    const before = await snapshot(kit);
    const again = await importPackage(kit, union);
    expect(sizes(planOf(again))).toEqual({ add: 0, update: 0, unchanged: 8, keepLocal: 0, conflicts: 0 });
    expect(again.stage === 'done' && again.counts).toEqual({ units: 0, projects: 0, indicators: 0, departmentPlans: 0 });
    expect(await snapshot(kit)).toEqual(before);

    expect(unwrap(await kit.repo.supervisor.overview('hd-unit', 2021))).toEqual([
      {
        unitId: 'hd-centre',
        unitName: '广州市花都区非公有制经济组织服务中心',
        parentId: 'hd-unit',
        depth: 1,
        projectCount: 7,
        // only 加强优秀企业…场所经费 and 区非公有制经济组织服务中心工作经费 have both an 产出 and a 效益 indicator
        targetsFilled: 2,
        assessmentsDone: 0,
        hasDepartmentPlan: false,
        // the packages carry no monitoring round
        lights: { green: 0, yellow: 0, red: 0 },
        unmonitored: 7,
        monitored: [],
      },
    ]);
  });

  it('refuses to apply a plan when a record changed locally after the package was read, and writes nothing', async () => {
    planOf(await importPackage(kit, serializeExchange(unitPackage('hd-unit'))));
    const newer = unitPackage('hd-unit', (p) => (p.id === 'hd-p4' ? { ...p, annualGoal: '数据包中的新目标', updatedAt: '2021-03-01T00:00:00.000Z' } : p));
    const plan = await kit.repo.exchange.planPackageImport(newer);
    expect(plan.update.map((e) => e.id)).toEqual(['hd-p4']);
    // the supervisor edits hd-p4 while the plan is on screen
    kit.clock.now = new Date('2021-03-10T00:00:00.000Z');
    const local = (await kit.repo.projects.get('hd-p4'))!;
    unwrap(await kit.repo.projects.save({ ...local, annualGoal: '主管部门刚改的目标' }));
    const before = await snapshot(kit);
    const applied = applyPlan(plan, new Map(), kit.clock.now.toISOString());
    if (!applied.ok) throw new Error(applied.errors.join());
    const result = await kit.repo.exchange.applyImport(applied.value.records, applied.value.bases, expectedLocalState(plan));
    expect(result).toEqual({ ok: false, error: '读取数据包之后本机数据又有修改，为免覆盖，本次未导入。请重新选择数据包再导入。' });
    expect(await snapshot(kit)).toEqual(before);
    expect((await kit.repo.projects.get('hd-p4'))?.annualGoal).toBe('主管部门刚改的目标');
  });

  it('takes a unit’s newer edit, and lets the supervisor choose when both sides edited', async () => {
    planOf(await importPackage(kit, serializeExchange(unitPackage('hd-unit'))));
    const original = huadu().projects;

    // the unit edits 招商交流推介往来活动经费 (hd-p4) and sends its package again
    const unitEdit = (p: Project): Project =>
      p.id === 'hd-p4' ? { ...p, annualGoal: '全年举办招商推介活动不少于2次', updatedAt: '2021-03-01T00:00:00.000Z' } : p;
    const edited1 = unitPackage('hd-unit', unitEdit);
    const plan1 = planOf(await importPackage(kit, serializeExchange(edited1)));
    expect(sizes(plan1)).toEqual({ add: 0, update: 1, unchanged: 7, keepLocal: 0, conflicts: 0 });
    expect(plan1.update[0]).toMatchObject({ kind: 'project', id: 'hd-p4', displayName: '招商交流推介往来活动经费（2021年度）' });
    expect((await kit.repo.projects.get('hd-p4'))?.annualGoal).toBe('全年举办招商推介活动不少于2次');
    const bases = await kit.repo.exchange.getSyncBases();
    expect([bases.get('hd-p4'), bases.get('hd-p1')]).toEqual(['2021-03-01T00:00:00.000Z', '2021-01-15T00:00:00.000Z']);

    // the supervisor corrects hd-p2 and hd-p3 locally; the unit also edits both later
    kit.clock.now = new Date('2021-03-10T00:00:00.000Z');
    for (const id of ['hd-p2', 'hd-p3']) {
      const p = await kit.repo.projects.get(id);
      if (!p) throw new Error(id);
      unwrap(await kit.repo.projects.save({ ...p, annualGoal: `${p.annualGoal}（主管部门审核修改）` }));
    }
    // its next package still carries its own earlier edit of hd-p4
    const edited2 = unitPackage('hd-unit', (p) =>
      p.id === 'hd-p2' || p.id === 'hd-p3' ? { ...p, overview: '单位补充的项目概况', updatedAt: '2021-03-05T00:00:00.000Z' } : unitEdit(p),
    );
    const before = await snapshot(kit);
    const refused = await importPackage(kit, serializeExchange(edited2));
    expect(messagesOf(refused)).toEqual([
      '“花都区民营企业投诉中心运营经费（2021年度）”两边都有修改，请先选择保留哪一方。',
      '“工商联系统民营企业协调专项经费（2021年度）”两边都有修改，请先选择保留哪一方。',
    ]);
    expect(await snapshot(kit)).toEqual(before);

    kit.clock.now = new Date('2021-03-12T00:00:00.000Z');
    const resolved = planOf(await importPackage(kit, serializeExchange(edited2), new Map([['hd-p2', 'incoming'], ['hd-p3', 'local']])));
    expect(sizes(resolved)).toEqual({ add: 0, update: 0, unchanged: 6, keepLocal: 0, conflicts: 2 });
    expect(resolved.conflicts.map((c) => [c.id, c.localUpdatedAt, c.incomingUpdatedAt, c.base])).toEqual([
      ['hd-p2', '2021-03-10T00:00:00.000Z', '2021-03-05T00:00:00.000Z', '2021-01-15T00:00:00.000Z'],
      ['hd-p3', '2021-03-10T00:00:00.000Z', '2021-03-05T00:00:00.000Z', '2021-01-15T00:00:00.000Z'],
    ]);
    const p2 = await kit.repo.projects.get('hd-p2');
    const p3 = await kit.repo.projects.get('hd-p3');
    expect([p2?.overview, p2?.annualGoal]).toEqual(['单位补充的项目概况', original[1].annualGoal]);
    expect([p3?.overview, p3?.annualGoal, p3?.updatedAt]).toEqual([
      original[2].overview,
      `${original[2].annualGoal}（主管部门审核修改）`,
      '2021-03-12T00:00:00.000Z',
    ]);

    // the same package once more: all settled, the supervisor's choice for hd-p3 stands
    const settled = planOf(await importPackage(kit, serializeExchange(edited2)));
    expect(sizes(settled)).toEqual({ add: 0, update: 0, unchanged: 7, keepLocal: 1, conflicts: 0 });
    expect(settled.keepLocal[0].id).toBe('hd-p3');
  });
});

describe('a unit’s 部门整体支出 plan with another id than the supervisor’s plan of that unit and year', () => {
  let kit: Kit;
  const T_SUPERVISOR = '2021-02-01T00:00:00.000Z';
  const T_UNIT = '2021-03-01T00:00:00.000Z';
  const plan = (id: string, overallGoal: string, updatedAt: string): DepartmentPlan => ({
    id, unitId: 'hd-unit', year: 2021, tasks: [], expenditureBudget: null, overallGoal, indicators: [], updatedAt,
  });
  const withPlan = (p: DepartmentPlan): ExchangeDocument => ({ ...unitPackage('hd-unit'), departmentPlans: [p] });

  beforeEach(async () => {
    kit = makeKit();
    planOf(await importPackage(kit, serializeExchange(unitPackage('hd-unit'))));
    // the supervisor entered the unit's plan by hand before the unit sent its own
    kit.clock.now = new Date(T_SUPERVISOR);
    unwrap(await kit.repo.plans.save(plan('plan-supervisor', '主管部门录入的目标', T_SUPERVISOR)));
  });
  afterEach(() => kit.db.close());

  it('imports: the newer plan of the package replaces the local one, and the same package again changes nothing', async () => {
    kit.clock.now = new Date('2021-04-01T00:00:00.000Z');
    const incoming = plan('plan-unit', '单位报送的目标', T_UNIT);
    const done = planOf(await importPackage(kit, serializeExchange(withPlan(incoming))));
    expect(done.update.map((e) => [e.kind, e.id, e.local?.id])).toEqual([['departmentPlan', 'plan-unit', 'plan-supervisor']]);
    expect((await kit.repo.exchange.exportAll()).departmentPlans).toEqual([incoming]);
    // the next revision of the supervisor's plan it replaced
    expect(await kit.repo.plans.get('hd-unit', 2021)).toEqual({ ...incoming, revision: 2 });
    expect((await kit.repo.exchange.getSyncBases()).get('plan-unit')).toBe(T_UNIT);

    const again = planOf(await importPackage(kit, serializeExchange(withPlan(incoming))));
    expect(sizes(again)).toEqual({ add: 0, update: 0, unchanged: 9, keepLocal: 0, conflicts: 0 });
  });

  it('an older plan in the package leaves the local one as it is', async () => {
    const older = plan('plan-unit', '单位较早的目标', '2021-01-20T00:00:00.000Z');
    const done = planOf(await importPackage(kit, serializeExchange(withPlan(older))));
    expect(done.keepLocal.map((e) => e.id)).toEqual(['plan-unit']);
    expect((await kit.repo.exchange.exportAll()).departmentPlans.map((p) => [p.id, p.overallGoal])).toEqual([['plan-supervisor', '主管部门录入的目标']]);
  });

  it('an edit of the local plan between planning and applying is still refused as stale, and nothing is written', async () => {
    const importPlan = await kit.repo.exchange.planPackageImport(withPlan(plan('plan-unit', '单位报送的目标', T_UNIT)));
    expect(importPlan.update.map((e) => e.id)).toEqual(['plan-unit']);
    // the supervisor edits its plan while the import plan is on screen
    kit.clock.now = new Date('2021-03-10T00:00:00.000Z');
    unwrap(await kit.repo.plans.save({ ...(await kit.repo.plans.get('hd-unit', 2021))!, overallGoal: '主管部门刚改的目标' }));
    const before = await snapshot(kit);
    const applied = applyPlan(importPlan, new Map(), kit.clock.now.toISOString());
    if (!applied.ok) throw new Error(applied.errors.join());
    expect(errorOf(await kit.repo.exchange.applyImport(applied.value.records, applied.value.bases, expectedLocalState(importPlan)))).toBe(
      '读取数据包之后本机数据又有修改，为免覆盖，本次未导入。请重新选择数据包再导入。',
    );
    expect(await snapshot(kit)).toEqual(before);
    expect((await kit.repo.plans.get('hd-unit', 2021))?.overallGoal).toBe('主管部门刚改的目标');
  });

  it('a plan the package adds is refused as stale when the unit and year got a plan meanwhile', async () => {
    const importPlan = await kit.repo.exchange.planPackageImport({ ...unitPackage('hd-unit'), departmentPlans: [{ ...plan('plan-2022', '2022年目标', T_UNIT), year: 2022 }] });
    expect(importPlan.add.map((e) => e.id)).toEqual(['plan-2022']);
    unwrap(await kit.repo.plans.save({ ...plan('plan-2022-local', '本机刚录入的2022年目标', T_UNIT), year: 2022 }));
    const before = await snapshot(kit);
    const applied = applyPlan(importPlan, new Map(), kit.clock.now.toISOString());
    if (!applied.ok) throw new Error(applied.errors.join());
    expect(errorOf(await kit.repo.exchange.applyImport(applied.value.records, applied.value.bases, expectedLocalState(importPlan)))).toBe(
      '读取数据包之后本机数据又有修改，为免覆盖，本次未导入。请重新选择数据包再导入。',
    );
    expect(await snapshot(kit)).toEqual(before);
  });
});

describe('an indicator id shared between a project and a 部门整体支出 plan', () => {
  // indicator ids are one set across projects and plans: the validator refuses a backup that holds one twice
  let kit: Kit;
  const T_UNIT = '2021-03-01T00:00:00.000Z';
  const planIndicator = { ...huadu().projects[0].indicators[0], id: 'hd-plan-i1', name: '部门整体绩效指标' };
  const storedPlan: DepartmentPlan = {
    id: 'hd-plan', unitId: 'hd-unit', year: 2021, tasks: [], expenditureBudget: null, overallGoal: '保障运转', indicators: [planIndicator], updatedAt: '2021-02-01T00:00:00.000Z',
  };
  /** hd-p2 with one more indicator under the given id, edited by the unit after the last import */
  const takes = (id: string) => (p: Project): Project =>
    p.id === 'hd-p2' ? { ...p, indicators: [...p.indicators, { ...planIndicator, id, name: '借用编号的指标' }], updatedAt: T_UNIT } : p;

  beforeEach(async () => {
    kit = makeKit();
    planOf(await importPackage(kit, serializeExchange({ ...unitPackage('hd-unit'), departmentPlans: [storedPlan] })));
  });
  afterEach(() => kit.db.close());

  it('a project of the package taking the stored plan’s indicator id is refused, even when the package’s plan moved it', async () => {
    const before = await snapshot(kit);
    const movedPlan = { ...storedPlan, indicators: [{ ...planIndicator, id: 'hd-plan-i1-moved' }], updatedAt: T_UNIT };
    const pkg = { ...unitPackage('hd-unit', takes('hd-plan-i1')), departmentPlans: [movedPlan] };
    expect(messagesOf(await importDocument(kit, pkg))).toEqual([
      '数据包有 1 处问题，未导入任何数据：',
      '数据包中“花都区民营企业投诉中心运营经费（2021年度）”的指标编号“hd-plan-i1”在本地属于“广州市花都区工商业联合会 2021年度部门整体支出绩效目标”，无法导入。',
    ]);
    expect(await snapshot(kit)).toEqual(before);
  });

  it('the write refuses it too when it gets such records past the plan, and writes nothing', async () => {
    const before = await snapshot(kit);
    const thief = takes('hd-plan-i1')(before.data.projects.find((p) => p.id === 'hd-p2')!);
    const bases = new Map([['hd-p2', T_UNIT]]);
    expect(errorOf(await kit.repo.exchange.applyImport({ units: [], projects: [thief], departmentPlans: [] }, bases))).toBe(
      '指标编号“hd-plan-i1”已属于2021年度部门整体支出绩效目标，未作任何修改。',
    );
    // the plan kept local (written back re-stamped) beside the project that took its id: the same id twice in one write
    const keptPlan = { ...storedPlan, updatedAt: T_UNIT };
    expect(errorOf(await kit.repo.exchange.applyImport({ units: [], projects: [thief], departmentPlans: [keptPlan] }, bases))).toBe(
      '指标编号“hd-plan-i1”重复，数据可能已损坏，未作任何修改。',
    );
    // a plan of another year taking a stored project's indicator id
    const planTakes = { ...storedPlan, id: 'hd-plan-2022', year: 2022, indicators: [{ ...planIndicator, id: 'hd-p1-i1' }] };
    expect(errorOf(await kit.repo.exchange.applyImport({ units: [], projects: [], departmentPlans: [planTakes] }, new Map()))).toBe(
      '指标编号“hd-p1-i1”已属于另一个项目，未作任何修改。',
    );
    expect(await snapshot(kit)).toEqual(before);
  });

  it('a plan of the package taking a stored project’s or another stored plan’s indicator id is refused in the plan', async () => {
    const before = await snapshot(kit);
    const plan2022 = { ...storedPlan, id: 'hd-plan-2022', year: 2022, indicators: [{ ...planIndicator, id: 'hd-p1-i1' }] };
    const plan2023 = { ...storedPlan, id: 'hd-plan-2023', year: 2023 };
    expect(messagesOf(await importDocument(kit, { ...unitPackage('hd-unit'), departmentPlans: [plan2022, plan2023] }))).toEqual([
      '数据包有 2 处问题，未导入任何数据：',
      '数据包中“广州市花都区工商业联合会 2022年度部门整体支出绩效目标”的指标编号“hd-p1-i1”在本地属于““鲲鹏计划”——花都区培育扶持高新企业创新工作（2021年度）”，无法导入。',
      '数据包中“广州市花都区工商业联合会 2023年度部门整体支出绩效目标”的指标编号“hd-plan-i1”在本地属于“广州市花都区工商业联合会 2021年度部门整体支出绩效目标”，无法导入。',
    ]);
    expect(await snapshot(kit)).toEqual(before);
  });

  it('the plan of the same unit and year under another id keeps its indicator ids: it replaces the stored plan', async () => {
    const rebuilt = { ...storedPlan, id: 'hd-plan-rebuilt', overallGoal: '单位重建数据后的目标', updatedAt: T_UNIT };
    const done = planOf(await importDocument(kit, { ...unitPackage('hd-unit'), departmentPlans: [rebuilt] }));
    expect(done.update.map((e) => [e.id, e.local?.id])).toEqual([['hd-plan-rebuilt', 'hd-plan']]);
    const after = await kit.repo.exchange.exportAll();
    expect(after.departmentPlans).toEqual([rebuilt]);
    expect(validateExchange(JSON.parse(serializeExchange(createExchangeDocument(after, T_UNIT)))).ok).toBe(true);
  });
});

describe('ids that are names of Object.prototype members, through the database', () => {
  it('import, and a newer edit in the next package updates every record', async () => {
    const kit = makeKit();
    const d = huadu();
    const base = d.projects.find((p) => p.unitId === 'hd-unit')!;
    const pkg = (updatedAt: string, text: string): ExchangeDocument =>
      createExchangeDocument(
        {
          units: [{ ...d.units.find((u) => u.id === 'hd-unit')!, id: '__proto__', name: `花都区工商联${text}`, updatedAt }],
          projects: [
            {
              ...base,
              id: 'toString',
              unitId: '__proto__',
              annualGoal: text,
              indicators: [{ ...base.indicators[0], id: 'hasOwnProperty', target: text }],
              updatedAt,
            },
          ],
          departmentPlans: [
            { id: 'constructor', unitId: '__proto__', year: 2021, tasks: [], expenditureBudget: null, overallGoal: text, indicators: [], updatedAt },
          ],
        },
        updatedAt,
      );
    const first = pkg('2021-02-01T00:00:00.000Z', '1');
    expect(sizes(planOf(await importPackage(kit, serializeExchange(first)))).add).toBe(3);
    const bases = await kit.repo.exchange.getSyncBases();
    expect([...bases.keys()].sort()).toEqual(['__proto__', 'constructor', 'toString']);

    const second = pkg('2021-03-01T00:00:00.000Z', '2');
    const plan = planOf(await importPackage(kit, serializeExchange(second)));
    expect(plan.update.map((e) => e.id)).toEqual(['__proto__', 'toString', 'constructor']);
    expect(plan.update.map((e) => e.base)).toEqual(['2021-02-01T00:00:00.000Z', '2021-02-01T00:00:00.000Z', '2021-02-01T00:00:00.000Z']);
    const all = await kit.repo.exchange.exportAll();
    expect(all).toEqual({ units: second.units, projects: second.projects, departmentPlans: second.departmentPlans });
    kit.db.close();
  });
});

describe('restoreBackup of a backup with more problems than the validator lists', () => {
  it('counts every problem, lists five and says how many more there are', async () => {
    const kit = makeKit();
    await addUnit(kit.repo, '广州市花都区财政局');
    const before = await snapshot(kit);
    const doc = unitPackage('hd-unit');
    const model = doc.projects[0];
    doc.projects = Array.from({ length: 1000 }, (_, i) => ({ ...structuredClone(model), id: `bad-${i}`, funding: { ...model.funding, generalPublic: -1 } }));
    const message = errorOf(await kit.repo.exchange.restoreBackup(doc));
    expect(message.startsWith('备份文件有 1000 处问题，未作任何修改：/projects/0/funding/generalPublic：应当为 >= 0；')).toBe(true);
    expect(message.endsWith('/projects/4/funding/generalPublic：应当为 >= 0；另有 995 处问题未列出。')).toBe(true);
    expect(await snapshot(kit)).toEqual(before);
    kit.db.close();
  });
});
