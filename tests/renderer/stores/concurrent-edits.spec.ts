/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// Two windows on one database (issue #14), each with its own stores and its own connection, told of each other's saves
// through a channel: nothing either saves is lost. A window with nothing unsaved shows the other's save; one with
// unsaved edits is refused, sees what the other changed, and the merge it chooses is what is stored.
import { PerfDatabase } from '../../../renderer/db/database';
import { Repository } from '../../../renderer/db/repository';
import { RootStore } from '../../../renderer/stores/root-store';
import { channelPair, type TestChannel } from '../db/channel-pair';
import { makeKit, unwrap, type Kit } from '../db/db-test-kit';

interface Windows {
  kit: Kit;
  a: RootStore;
  b: RootStore;
  /** what B hears from A */
  toB: TestChannel;
  close(): void;
}

/** Polls until `ready` holds (what another window does arrives a few tasks later). */
async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !ready(); i++) await new Promise((ok) => setTimeout(ok, 2));
  if (!ready()) throw new Error('the condition never held');
}

async function twoWindows(): Promise<Windows & { unitId: string; projectId: string }> {
  const kit = makeKit();
  const [fromA, toB] = channelPair();
  kit.repo.changes.connect(fromA);
  const dbB = new PerfDatabase(kit.options);
  const repoB = new Repository(dbB);
  repoB.changes.connect(toB);
  let n = 0;
  const a = new RootStore(kit.repo, () => `a-${++n}`);
  const b = new RootStore(repoB, () => `b-${++n}`);
  await a.start();
  await b.start();
  const unit = unwrap(await kit.repo.units.create({ name: '深圳市龙岗区工商业联合会', schemeId: 'A-2015' }));
  const project = unwrap(await kit.repo.projects.create({ unitId: unit.id, year: 2025, name: '会员企业培训项目', annualGoal: '' }));
  for (const w of [a, b]) {
    await w.units.load();
    await w.selectUnit(unit.id);
    await w.selectYear(2025);
    await w.openProject(project.id);
  }
  return {
    kit, a, b, toB, unitId: unit.id, projectId: project.id,
    close() {
      kit.repo.changes.disconnect();
      repoB.changes.disconnect();
      dbB.close();
      kit.db.close();
    },
  };
}

let w: Awaited<ReturnType<typeof twoWindows>>;
beforeEach(async () => {
  w = await twoWindows();
});
afterEach(() => w.close());

test('a window with nothing unsaved shows what the other saved; its own later edit keeps the other’s work', async () => {
  const { a, b } = w;
  const generation = b.draft.generation;
  a.draft.updateBasics({ basis: '《龙岗区商会培训管理办法》', competentDepartment: '区委统战部' });
  await a.draft.autosaver.flush();
  await until(() => b.draft.project?.basis === '《龙岗区商会培训管理办法》');
  expect(b.draft.project?.competentDepartment).toBe('区委统战部');
  // the forms start again from the stored values
  expect(b.draft.generation).toBeGreaterThan(generation);

  b.draft.updateBasics({ annualGoal: '全年培训会员企业 600 人次' });
  await b.draft.autosaver.flush();
  expect(b.conflicts.current).toBeNull();
  expect(await w.kit.repo.projects.get(w.projectId)).toMatchObject({
    basis: '《龙岗区商会培训管理办法》',
    competentDepartment: '区委统战部',
    annualGoal: '全年培训会员企业 600 人次',
    revision: 3,
  });
  await until(() => a.draft.project?.annualGoal === '全年培训会员企业 600 人次');
});

test('a window with unsaved edits is refused, is shown what the other changed, and stores the fields as chosen', async () => {
  const { a, b, toB } = w;
  toB.hold();
  a.draft.updateBasics({ basis: 'A 的立项依据', competentDepartment: '区委统战部' });
  await a.draft.autosaver.flush();
  // B still shows the old record and types over it
  b.draft.updateBasics({ basis: 'B 的立项依据', annualGoal: 'B 的年度目标' });
  toB.release();
  // told of A's save while holding unsaved edits, B saves at once: refused, it asks
  await until(() => b.conflicts.current !== null);
  expect(b.conflicts.current).toEqual({
    record: '项目“会员企业培训项目”',
    changes: [
      { key: 'competentDepartment', label: '业务主管部门', theirs: '区委统战部', mine: '（空）', mineChanged: false },
      { key: 'basis', label: '立项依据', theirs: 'A 的立项依据', mine: 'B 的立项依据', mineChanged: true },
    ],
  });
  // the defaults: take theirs where B did not type, keep B's where it did
  expect(Object.fromEntries(b.conflicts.choices)).toEqual({ competentDepartment: 'theirs', basis: 'mine' });
  expect(b.draft.project?.basis).toBe('B 的立项依据');

  b.conflicts.choose('basis', 'theirs');
  b.conflicts.confirm();
  await b.draft.autosaver.flush();
  expect(b.draft.autosaver.state).toBe('saved');
  const stored = await w.kit.repo.projects.get(w.projectId);
  expect(stored).toMatchObject({ basis: 'A 的立项依据', competentDepartment: '区委统战部', annualGoal: 'B 的年度目标', revision: 3 });
  // B's editor shows the merge it stored, A's shows it once told
  expect(b.draft.project).toMatchObject({ basis: 'A 的立项依据', competentDepartment: '区委统战部', annualGoal: 'B 的年度目标' });
  await until(() => a.draft.project?.annualGoal === 'B 的年度目标');
});

test('全部保留我的 stores this window’s value for every field the other changed', async () => {
  const { a, b, toB } = w;
  toB.hold();
  a.draft.updateBasics({ basis: 'A 的立项依据', overview: 'A 的概况' });
  await a.draft.autosaver.flush();
  b.draft.updateBasics({ basis: 'B 的立项依据' });
  const saving = b.draft.autosaver.flush();
  await until(() => b.conflicts.current !== null);
  b.conflicts.chooseAll('mine');
  await saving;
  toB.release();
  expect(await w.kit.repo.projects.get(w.projectId)).toMatchObject({ basis: 'B 的立项依据', overview: '' });
});

test('the year-end workspace merges a targets change of the other window without asking', async () => {
  const { a, b, toB } = w;
  await b.setWorkspace('assessment');
  await b.assessment.load();
  await b.assessment.open({ kind: 'project', id: w.projectId });
  toB.hold();
  a.draft.updateBasics({ annualGoal: 'A 的年度目标' });
  await a.draft.autosaver.flush();
  b.assessment.setText('problems', '培训场地不足');
  await b.assessment.flush();
  toB.release();
  expect(b.conflicts.current).toBeNull();
  const stored = await w.kit.repo.projects.get(w.projectId);
  expect([stored?.annualGoal, stored?.selfAssessment?.problems]).toEqual(['A 的年度目标', '培训场地不足']);
  expect(b.assessment.selected?.annualGoal).toBe('A 的年度目标');
});

test('the year-end workspace shows a self-assessment the other window saved while it had nothing unsaved', async () => {
  const { a, b } = w;
  await a.setWorkspace('assessment');
  await a.assessment.load();
  await a.assessment.open({ kind: 'project', id: w.projectId });
  await b.setWorkspace('assessment');
  await b.assessment.load();
  await b.assessment.open({ kind: 'project', id: w.projectId });
  a.assessment.setText('overallResult', '全年培训 620 人次');
  await a.assessment.flush();
  await until(() => b.assessment.selected?.selfAssessment?.overallResult === '全年培训 620 人次');
});

test('a unit changed in another window while its settings were open: the other’s change and this one’s both stay', async () => {
  const { a, b } = w;
  const parent = unwrap(await w.kit.repo.units.create({ name: '区委统战部' }));
  await until(() => b.units.units.length === 2);
  const read = b.units.unit!;
  unwrap(await a.repo.units.rename(w.unitId, '区工商联'));
  const saving = b.units.update(w.unitId, { name: read.name, shortName: '', parentId: parent.id, schemeId: read.schemeId }, read);
  await until(() => b.conflicts.current !== null);
  expect(b.conflicts.current?.changes).toEqual([
    { key: 'name', label: '单位全称', theirs: '区工商联', mine: '深圳市龙岗区工商业联合会', mineChanged: false },
  ]);
  b.conflicts.confirm();
  expect((await saving).ok).toBe(true);
  expect(await w.kit.repo.units.get(w.unitId)).toMatchObject({ name: '区工商联', parentId: parent.id });
});

test('the department plan: shown when saved elsewhere, merged when both edited', async () => {
  const { a, b, toB } = w;
  await a.openPlan();
  await b.openPlan();
  a.plan.create();
  a.plan.setOverallGoal('保障机关正常运转');
  await a.plan.autosaver.flush();
  await until(() => b.plan.plan?.overallGoal === '保障机关正常运转');

  toB.hold();
  a.plan.setOverallGoal('A 的总体目标');
  await a.plan.autosaver.flush();
  const task = b.plan.addTask()!;
  b.plan.updateTask(task, { name: 'B 的任务' });
  toB.release();
  // B is shown A's change of the goal beside its own (untouched) goal; its new task is not asked about
  await until(() => b.conflicts.current !== null);
  expect(b.conflicts.current).toEqual({
    record: '2025年度部门整体支出绩效目标',
    changes: [{ key: 'overallGoal', label: '年度总体目标', theirs: 'A 的总体目标', mine: '保障机关正常运转', mineChanged: false }],
  });
  b.conflicts.confirm();
  await until(() => b.plan.autosaver.state === 'saved');
  const stored = await w.kit.repo.plans.get(w.unitId, 2025);
  expect([stored?.overallGoal, stored?.tasks.map((t) => t.name)]).toEqual(['A 的总体目标', ['', 'B 的任务']]);
  expect(b.plan.plan?.overallGoal).toBe('A 的总体目标');
});

test('a tab closed with unsaved edits: its copy, saved at the next start, merges with what another tab saved since', async () => {
  const { b } = w;
  const kept = new Map<string, string>();
  const global = globalThis as { localStorage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'> };
  global.localStorage = {
    getItem: (k) => kept.get(k) ?? null,
    setItem: (k, v) => void kept.set(k, v),
    removeItem: (k) => void kept.delete(k),
    key: (i) => [...kept.keys()][i] ?? null,
    get length() {
      return kept.size;
    },
  };
  try {
    // B is closing: the synchronous copy is kept, the save it started never commits
    b.draft.updateBasics({ annualGoal: 'B 的年度目标' });
    b.draft.writeJournalIfUnsaved();
    b.draft.autosaver.discard();
    // another tab saves meanwhile (through the repository: the two windows here share the journal's module, which
    // two real tabs do not)
    const held = (await w.kit.repo.projects.get(w.projectId))!;
    unwrap(await w.kit.repo.projects.saveTargets({ ...held, basis: 'A 的立项依据' }, { expectedRevision: held.revision }));

    // B's next start writes the copy
    const again = new RootStore(b.repo);
    await again.start();
    expect(kept.size).toBe(0);
    expect(await w.kit.repo.projects.get(w.projectId)).toMatchObject({ basis: 'A 的立项依据', annualGoal: 'B 的年度目标' });
  } finally {
    delete global.localStorage;
  }
});
