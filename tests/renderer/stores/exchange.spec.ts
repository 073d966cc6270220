/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// The stores of the 导出与汇总 workspace against a real repository on an in-memory IndexedDB, with a fake file host.
import type { ExchangeDocument } from '../../../shared/exchange/exchange';
import type { OpenedFile } from '../../../renderer/platform/platform';
import { ExchangeStore } from '../../../renderer/stores/exchange-store';
import { automaticBackup } from '../../../renderer/stores/exchange-startup';
import type { WorkspaceContext } from '../../../renderer/stores/workspace-context';
import { SCHEME_A } from '../../../shared/schemes';
import { addProject, addUnit, makeKit, type Kit } from '../db/db-test-kit';

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
  text(i = 0): string {
    return new TextDecoder().decode(this.saved[i].bytes);
  }
}

function contextOf(unitId: string): WorkspaceContext {
  return { unitId: () => unitId, unit: () => undefined, units: () => [], year: () => 2024, scheme: () => SCHEME_A, reloadAll: async () => {} };
}

async function setUp(selected: 'unit' | 'supervisor' = 'unit') {
  const kit = makeKit();
  const sup = await addUnit(kit.repo, '深圳市龙岗区委统一战线工作部');
  const unit = await addUnit(kit.repo, '深圳市龙岗区工商业联合会', sup);
  await addProject(kit.repo, unit, 2024, '党建事务', ['活动次数']);
  await addProject(kit.repo, unit, 2025, '会员培训', ['培训人数']);
  const host = new FakeHost();
  let reloads = 0;
  const context: WorkspaceContext = {
    ...contextOf(selected === 'unit' ? unit : sup),
    reloadAll: async () => {
      reloads += 1;
    },
  };
  const store = new ExchangeStore(kit.repo, context, host, () => new Date('2025-03-01T02:03:00.000Z'));
  return { kit, host, store, sup, unit, reloads: () => reloads };
}

const bytesOf = (text: string) => new TextEncoder().encode(text);
const everything = (kit: Kit) => Promise.all([kit.repo.exportAll(), kit.repo.getSyncBases()]);

describe('导出报表', () => {
  test('F4 of the unit is saved under the name exportForm gives', async () => {
    const { store, host } = await setUp();
    await store.formExport.loadProjects();
    expect(await store.formExport.run()).toBe(true);
    expect(host.saved.map((s) => s.name)).toEqual(['2024年度部门预算项目绩效自评情况公开表-深圳市龙岗区工商业联合会.xlsx']);
    expect(store.formExport.outcome).toBe('已保存：2024年度部门预算项目绩效自评情况公开表-深圳市龙岗区工商业联合会.xlsx');
  });

  test('selected projects with none chosen: a Chinese message, nothing saved', async () => {
    const { store, host } = await setUp();
    await store.formExport.loadProjects();
    store.formExport.setScope('projects');
    expect(await store.formExport.run()).toBe(false);
    expect(store.formExport.messages).toEqual(['请至少选择一个项目。']);
    expect(host.saved).toEqual([]);
  });

  test('正式版 refuses data with errors (党建事务 has no 效益 indicator) and saves nothing; the draft saves', async () => {
    const { store, host } = await setUp();
    await store.formExport.loadProjects();
    store.formExport.setFinal(true);
    expect(await store.formExport.run()).toBe(false);
    expect(store.formExport.messages[0]).toMatch(/^正式版报表不能带错误导出：所选范围内有 \d+ 处错误/);
    expect(store.formExport.messages).toContain('党建事务：至少需要一条效益指标');
    expect(host.saved).toEqual([]);
    store.formExport.setFinal(false);
    expect(await store.formExport.run()).toBe(true);
    expect(host.saved).toHaveLength(1);
  });
});

describe('数据包', () => {
  test('carries the chosen year, the unit and its 主管部门', async () => {
    const { store, host, sup, unit } = await setUp();
    await store.packageExport.load();
    expect(store.packageExport.availableYears).toEqual([2024, 2025]);
    expect(store.packageExport.years).toEqual([2024]);
    expect(await store.packageExport.save()).toBe(true);
    const doc = JSON.parse(host.text()) as ExchangeDocument;
    expect(doc.units.map((u) => u.id)).toEqual([sup, unit]);
    expect(doc.projects.map((p) => p.name)).toEqual(['党建事务']);
  });

  test('a bad package lists its problems and changes nothing; a good one is planned, then applied', async () => {
    const { kit, store, host } = await setUp();
    await store.packageExport.load();
    store.packageExport.toggleYear(2025, true);
    await store.packageExport.save();
    const pkg = host.text();

    // the supervisor's machine knows only itself (same id, same record): the unit and its projects are new
    const supKit = makeKit();
    await addUnit(supKit.repo, '深圳市龙岗区委统一战线工作部');
    const supHost = new FakeHost();
    let reloads = 0;
    const supContext = { ...contextOf('id-0001'), reloadAll: async () => void (reloads += 1) };
    const supStore = new ExchangeStore(supKit.repo, supContext, supHost);
    const before = await everything(supKit);
    supHost.next = { name: 'bad.json', bytes: bytesOf(pkg.slice(0, 100)) };
    await supStore.importer.pick();
    expect(supStore.importer.stage).toBe('invalid');
    expect(supStore.importer.problems[0].message).toMatch(/^文件不是有效的 JSON 数据包/);
    expect(await everything(supKit)).toEqual(before);

    await supStore.importer.load('ok.json', bytesOf(pkg));
    expect(supStore.importer.summary).toBe('新增 3，更新 0，无变化 1，保留本地 0，冲突 0');
    expect(await supStore.importer.apply()).toBe(true);
    expect(reloads).toBe(1);
    expect((await supKit.repo.exportAll()).projects.map((p) => p.name).sort()).toEqual(['会员培训', '党建事务']);
    expect(await kit.repo.exportAll()).toEqual(await supKit.repo.exportAll());
  });

  test('a conflict blocks the import until it is chosen', async () => {
    const { kit, store, host } = await setUp();
    await store.packageExport.load();
    await store.packageExport.save();
    const pkg = JSON.parse(host.text()) as ExchangeDocument;
    // same time, different content: a conflict with the local record
    pkg.projects[0] = { ...pkg.projects[0], annualGoal: '另一个目标' };
    await store.importer.load('p.json', bytesOf(JSON.stringify(pkg)));
    expect(store.importer.plan?.conflicts.map((c) => c.displayName)).toEqual(['党建事务（2024年度）']);
    expect(await store.importer.apply()).toBe(false);
    expect(store.importer.errors).toEqual(['“党建事务（2024年度）”两边都有修改，请先选择保留哪一方。']);
    store.importer.chooseAll('incoming');
    expect(await store.importer.apply()).toBe(true);
    const saved = (await kit.repo.exportAll()).projects.find((p) => p.name === '党建事务');
    expect(saved?.annualGoal).toBe('另一个目标');
  });
});

describe('汇总概览', () => {
  test('the supervisor sees its unit with the year’s counts', async () => {
    const { store, unit } = await setUp('supervisor');
    await store.overview.load();
    expect(store.overview.rows.map((r) => [r.unitId, r.projectCount, r.hasDepartmentPlan])).toEqual([[unit, 1, false]]);
    expect(store.overview.totals.projectCount).toBe(1);
  });
});

describe('备份与恢复', () => {
  test('backup, then a damaged file is refused without change, the good one restores after confirmation', async () => {
    const { kit, store, host } = await setUp();
    const before = await kit.repo.exportAll();
    expect(await store.backup.backup()).toBe(true);
    expect(host.saved[0].name).toMatch(/^预算绩效管理备份-\d{8}-\d{4}\.json$/);
    const backup = host.text();

    await kit.repo.deleteProjects([before.projects[0].id]);
    const damaged = await everything(kit);
    await store.backup.loadRestore('x.json', bytesOf(backup.replace('"version": 1', '"version": 7')));
    expect(store.backup.stage).toBe('invalid');
    expect(store.backup.problems.map((p) => p.message)).toEqual(['数据包版本为 7，本程序只支持版本 1。请先升级程序再导入。']);
    expect(await everything(kit)).toEqual(damaged);

    await store.backup.loadRestore('b.json', bytesOf(backup));
    expect(store.backup.stage).toBe('confirm');
    expect(await everything(kit)).toEqual(damaged);
    expect(await store.backup.confirmRestore()).toBe(true);
    expect(await kit.repo.exportAll()).toEqual(before);
  });

  test('the start-up backup is written by the desktop app only, and never for an empty database', async () => {
    const { kit } = await setUp();
    const written: Uint8Array[] = [];
    const write = async (bytes: Uint8Array) => {
      written.push(bytes);
      return '/backups/1.json';
    };
    expect(await automaticBackup(kit.repo, { enabled: false, write })).toBeNull();
    expect(await automaticBackup(makeKit().repo, { enabled: true, write })).toBeNull();
    expect(written).toHaveLength(0);
    expect(await automaticBackup(kit.repo, { enabled: true, write })).toBe('/backups/1.json');
    const doc = JSON.parse(new TextDecoder().decode(written[0])) as ExchangeDocument;
    expect(doc.projects).toHaveLength(2);
    // in a plain browser (this test's platform) it does nothing
    expect(await automaticBackup(kit.repo, { write })).toBeNull();
  });
});
