/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// A long export (a city's F4, F5) says which step it is at and can be cancelled (issue #19): 取消 stops it at its next
// step, and no file is saved, ever half-made or made after the cancel.
import { reaction } from 'mobx';
import { FormExportStore } from '../../../renderer/stores/exchange-form-export';
import type { WorkspaceContext } from '../../../renderer/stores/workspace-context';
import { SCHEME_A } from '../../../shared/schemes';
import { exportForm, type ExportPhase } from '../../../templates/export';
import { addProject, addUnit, makeKit } from '../db/db-test-kit';

class FakeHost {
  saved: string[] = [];
  async saveFile(name: string): Promise<string | null> {
    this.saved.push(name);
    return name;
  }
  async openFile() {
    return null;
  }
}

/** A supervisor with two units of two projects each, its F4 (Excel) chosen for everything under it. */
async function cityExport() {
  const kit = makeKit();
  const sup = await addUnit(kit.repo, '某市财政局');
  for (const name of ['某市第一单位', '某市第二单位']) {
    const unit = await addUnit(kit.repo, name, sup);
    await addProject(kit.repo, unit, 2025, `${name}培训项目`, ['培训次数']);
    await addProject(kit.repo, unit, 2025, `${name}宣传项目`, ['宣传次数']);
  }
  const context: WorkspaceContext = { unitId: () => sup, unit: () => undefined, units: () => [], year: () => 2025, scheme: () => SCHEME_A, reloadAll: async () => {} };
  const host = new FakeHost();
  const store = new FormExportStore(kit.repo, context, host);
  store.setForm('F4');
  store.setScope('supervisor');
  store.setFormat('xlsx');
  const phases: (string | null)[] = [];
  reaction(() => store.phase, (phase) => phases.push(phase));
  return { kit, host, store, phases };
}

test('a city-wide export goes through its steps, each shown, and saves the file', async () => {
  const { host, store, phases } = await cityExport();
  expect(await store.run()).toBe(true);
  expect(phases).toEqual(['read', 'build', 'write', null]);
  expect(host.saved).toEqual(['2025年度部门预算项目绩效自评情况公开表-某市财政局.xlsx']);
  expect(store.outcome).toBe('已保存：2025年度部门预算项目绩效自评情况公开表-某市财政局.xlsx');
});

for (const at of ['read', 'build', 'write'] as const) {
  test(`取消 while ${at === 'read' ? 'the data is read' : at === 'build' ? 'the tables are made' : 'the file is about to be written'}: stopped there, nothing saved`, async () => {
    const { host, store, phases } = await cityExport();
    const once = reaction(() => store.phase, (phase) => {
      if (phase !== at) return;
      store.cancel();
      once();
    });
    expect(await store.run()).toBe(false);
    expect(phases).toEqual([...['read', 'build', 'write'].slice(0, ['read', 'build', 'write'].indexOf(at) + 1), null]);
    expect(host.saved).toEqual([]);
    expect(store.outcome).toBe('已取消导出，没有保存文件。');
    expect(store.messages).toEqual([]);
    expect([store.busy, store.cancelRequested]).toEqual([false, false]);
    // the next export runs whole
    expect(await store.run()).toBe(true);
    expect(host.saved).toHaveLength(1);
  });
}

test('cancel() with no export running does nothing', async () => {
  const { store } = await cityExport();
  store.cancel();
  expect(store.cancelRequested).toBe(false);
  expect(await store.run()).toBe(true);
});

describe('exportForm with a run to follow', () => {
  test('tells each step before it starts, and an aborted signal makes no file', async () => {
    const { kit } = await cityExport();
    const data = await kit.repo.exchange.exportAll();
    const request = { data, year: 2025, scope: { kind: 'supervisor' as const, unitId: data.units.find((u) => u.parentId === null)!.id } };
    const steps: ExportPhase[] = [];
    const made = await exportForm('F4', 'xlsx', request, { onPhase: (p) => void steps.push(p) });
    expect(made.ok).toBe(true);
    expect(steps).toEqual(['build', 'write']);
    const controller = new AbortController();
    const stopped = await exportForm('F4', 'xlsx', request, { signal: controller.signal, onPhase: (p) => (p === 'write' ? controller.abort() : undefined) });
    expect(stopped).toEqual({ ok: false, messages: [], cancelled: true });
  });
});
