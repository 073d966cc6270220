/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// The drafts' side of editing integrity: texts the fields could not read are the open record's errors (first in the
// check panel, counted by the status bar), a deleted row's texts leave with it and come back with its undo, and the
// undo asks for the focus in the box the row was deleted from.
import { RootStore } from '../../../renderer/stores/root-store';
import type { ProblemTarget } from '../../../shared/validation';
import { makeKit } from '../db/db-test-kit';

async function started() {
  const kit = makeKit();
  let n = 0;
  const root = new RootStore(kit.repo, () => `s-${++n}`);
  await root.start();
  const unit = await root.units.create({ name: '深圳市龙岗区工商业联合会', shortName: '', parentId: null, schemeId: 'A-2015' });
  if (!unit.ok) throw new Error(unit.error);
  await root.selectUnit(unit.value.id);
  await root.selectYear(2025);
  await root.createProject();
  return root;
}

test('an unreadable amount and weight are errors of the open project, listed first, and not of another project', async () => {
  const root = await started();
  const d = root.draft;
  const projectId = d.projectId!;
  const row = d.addIndicator('11')!;
  d.updateIndicator(row, { name: '培训人数' });
  const amount: ProblemTarget = { record: 'project', recordId: projectId, of: 'record', field: 'funding.governmentFund' };
  const weight: ProblemTarget = { record: 'project', recordId: projectId, of: 'indicator', indicatorId: row, field: 'weight' };
  d.invalid.set({ target: amount, label: '当年预算（政府性基金预算）', text: '300万', message: '单位已是万元，请只填数字', base: 0 });
  d.invalid.set({ target: weight, label: '“培训人数”的权重', text: '-5', message: '权重不能为负数', base: null });
  expect(d.invalidCount).toBe(2);
  expect(d.errors.slice(0, 2).map((p) => [p.code, p.message, p.target])).toEqual([
    ['inputInvalid', '当年预算（政府性基金预算）：“300万”未保存——单位已是万元，请只填数字', amount],
    ['inputInvalid', '“培训人数”的权重：“-5”未保存——权重不能为负数', weight],
  ]);
  // nothing of them is in the record
  expect(d.project!.funding.governmentFund).toBe(0);
  expect(d.project!.indicators[0].weight).toBeNull();

  await root.createProject();
  expect(root.draft.projectId).not.toBe(projectId);
  expect(root.draft.invalidCount).toBe(0);
  await root.openProject(projectId);
  expect(root.draft.invalidCount).toBe(2);
});

test('a deleted row takes its unreadable texts along and its undo brings them back, asking for the focus in its box', async () => {
  const root = await started();
  const d = root.draft;
  const row = d.addIndicator('11')!;
  const weight: ProblemTarget = { record: 'project', recordId: d.projectId!, of: 'indicator', indicatorId: row, field: 'weight' };
  d.invalid.set({ target: weight, label: '权重', text: 'abc', message: '请只填数字，如 12.5', base: null });
  d.deleteIndicator(row, 'unit');
  expect(d.invalidCount).toBe(0);
  expect(root.undo.focusRequest).toBeNull();
  await root.undoLast();
  expect(d.invalidCount).toBe(1);
  expect(root.undo.focusRequest?.target).toEqual({ ...weight, field: 'unit' });
});

test('a plan task: fresh until left, its deletion undone with the focus in the box it was deleted from', async () => {
  const root = await started();
  await root.openPlan();
  const task = root.plan.create()!;
  const planId = root.plan.plan!.id;
  expect(root.plan.fresh.has(task)).toBe(true);
  expect(root.plan.errors.map((p) => p.target)).toContainEqual({ record: 'plan', recordId: planId, of: 'task', taskId: task, field: 'name' });
  root.plan.leaveRow(task);
  expect(root.plan.fresh.has(task)).toBe(false);
  root.plan.deleteTask(task, 'fiscal');
  await root.undoLast();
  expect(root.plan.plan!.tasks.map((t) => t.id)).toEqual([task]);
  expect(root.undo.focusRequest?.target).toEqual({ record: 'plan', recordId: planId, of: 'task', taskId: task, field: 'fiscal' });
});
