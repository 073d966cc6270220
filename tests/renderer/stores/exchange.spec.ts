/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// The stores of the 导出与汇总 workspace against a real repository on an in-memory IndexedDB, with a fake file host.
import ExcelJS from 'exceljs';
import type { ExchangeDocument } from '../../../shared/exchange/exchange';
import type { OpenedFile } from '../../../renderer/platform/platform';
import { ExchangeStore } from '../../../renderer/stores/exchange-store';
import { automaticBackup } from '../../../renderer/stores/exchange-startup';
import type { WorkspaceContext } from '../../../renderer/stores/workspace-context';
import { SCHEME_A } from '../../../shared/schemes';
import { addProject, addUnit, makeKit, unwrap, type Kit } from '../db/db-test-kit';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { BrowserBackups } from '../../../renderer/platform/browser-backups';
import type { BackupKind } from '../../../renderer/platform/platform';

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
const everything = (kit: Kit) => Promise.all([kit.repo.exchange.exportAll(), kit.repo.exchange.getSyncBases()]);

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

describe('导出报表: names Excel refuses as sheet names, and failures of any kind', () => {
  test("projects named 'abc' and History export to F1 in Excel, each sheet renamed as Excel allows", async () => {
    const { kit, store, host, unit } = await setUp();
    await addProject(kit.repo, unit, 2024, "'abc'", ['活动次数']);
    await addProject(kit.repo, unit, 2024, 'History', ['培训人数']);
    await store.formExport.loadProjects();
    store.formExport.setForm('F1');
    expect(await store.formExport.run()).toBe(true);
    expect(store.formExport.messages).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(host.saved[0].bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name).sort()).toEqual(['History(2)', '’abc’', '党建事务'].sort());
  });

  test('an export that fails for any other reason says so in Chinese under the button, and saves nothing', async () => {
    const { kit, store, host } = await setUp();
    await store.formExport.loadProjects();
    jest.spyOn(kit.repo.exchange, 'exportAll').mockRejectedValue(new Error('QuotaExceededError'));
    expect(await store.formExport.run()).toBe(false);
    expect(store.formExport.messages).toEqual(['导出时出错：QuotaExceededError']);
    expect(store.formExport.busy).toBe(false);
    expect(host.saved).toEqual([]);
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
    expect((await supKit.repo.exchange.exportAll()).projects.map((p) => p.name).sort()).toEqual(['会员培训', '党建事务']);
    expect(await kit.repo.exchange.exportAll()).toEqual(await supKit.repo.exchange.exportAll());
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
    const saved = (await kit.repo.exchange.exportAll()).projects.find((p) => p.name === '党建事务');
    expect(saved?.annualGoal).toBe('另一个目标');
  });
});

describe('a unit’s 部门整体支出 plan under another id than the supervisor’s plan of that unit and year', () => {
  const STALE = '读取数据包之后本机数据又有修改，为免覆盖，本次未导入。请重新选择数据包再导入。';

  /** The unit's package with its plan, and a supervisor that holds the same units and its own older plan for 2024. */
  async function supervisorWithOwnPlan() {
    const { kit, store, host, unit } = await setUp();
    unwrap(await kit.repo.plans.save({
      id: 'plan-of-unit', unitId: unit, year: 2024, tasks: [], expenditureBudget: null, overallGoal: '单位报送的目标', indicators: [], updatedAt: '',
    }));
    await store.packageExport.load();
    expect(await store.packageExport.save()).toBe(true);
    const pkg = host.text();

    const supKit = makeKit();
    const sup = await addUnit(supKit.repo, '深圳市龙岗区委统一战线工作部');
    expect(await addUnit(supKit.repo, '深圳市龙岗区工商业联合会', sup)).toBe(unit);
    supKit.clock.now = new Date('2025-01-10T00:00:00.000Z');
    unwrap(await supKit.repo.plans.save({
      id: 'plan-of-supervisor', unitId: unit, year: 2024, tasks: [], expenditureBudget: null, overallGoal: '主管部门录入的目标', indicators: [], updatedAt: '',
    }));
    let reloads = 0;
    const supStore = new ExchangeStore(supKit.repo, { ...contextOf(sup), reloadAll: async () => void (reloads += 1) }, new FakeHost());
    await supStore.importer.load('工商联.json', bytesOf(pkg));
    return { supKit, importer: supStore.importer, unit, reloads: () => reloads };
  }

  test('imports: the local plan of that unit and year is replaced by the newer one of the package', async () => {
    const { supKit, importer, unit, reloads } = await supervisorWithOwnPlan();
    expect(importer.summary).toBe('新增 1，更新 1，无变化 2，保留本地 0，冲突 0');
    expect(importer.plan?.update.map((e) => [e.id, e.local?.id])).toEqual([['plan-of-unit', 'plan-of-supervisor']]);
    expect(await importer.apply()).toBe(true);
    expect(importer.errors).toEqual([]);
    expect(reloads()).toBe(1);
    const plans = (await supKit.repo.exchange.exportAll()).departmentPlans;
    expect(plans.map((p) => [p.id, p.unitId, p.year, p.overallGoal, p.updatedAt])).toEqual([
      ['plan-of-unit', unit, 2024, '单位报送的目标', '2025-01-15T08:00:00.000Z'],
    ]);
    expect((await supKit.repo.exchange.getSyncBases()).get('plan-of-unit')).toBe('2025-01-15T08:00:00.000Z');
  });

  test('an edit of the local plan after the package was read is refused as stale, and nothing changes', async () => {
    const { supKit, importer, unit } = await supervisorWithOwnPlan();
    supKit.clock.now = new Date('2025-01-12T00:00:00.000Z');
    const local = await supKit.repo.plans.get(unit, 2024);
    unwrap(await supKit.repo.plans.save({ ...local!, overallGoal: '主管部门刚改的目标' }));
    const before = await everything(supKit);
    expect(await importer.apply()).toBe(false);
    expect(importer.errors).toEqual([STALE]);
    expect(await everything(supKit)).toEqual(before);
    expect((await supKit.repo.plans.get(unit, 2024))?.overallGoal).toBe('主管部门刚改的目标');
  });
});

describe('conflict choices are kept by id in a Map', () => {
  test('ids named like Object.prototype members are chosen one by one', async () => {
    const template = (await (await setUp()).kit.repo.exchange.exportAll()).projects[0];
    const at = '2025-01-15T08:00:00.000Z';
    const unitRecord = { id: 'constructor', name: '深圳市龙岗区工商业联合会', parentId: null, schemeId: 'A-2015', updatedAt: at };
    const project = (id: string, annualGoal: string) => ({
      ...structuredClone(template), id, unitId: 'constructor', name: `项目${id}`, annualGoal, indicators: [], updatedAt: at,
    });
    const supKit = makeKit();
    unwrap(await supKit.repo.exchange.importRecords({ units: [unitRecord], projects: [project('__proto__', '本地'), project('toString', '本地')], departmentPlans: [] }));
    const store = new ExchangeStore(supKit.repo, contextOf('constructor'), new FakeHost());
    const pkg = {
      format: 'perf-target-desk/exchange', version: 1, exportedAt: at, units: [unitRecord],
      projects: [project('__proto__', '数据包'), project('toString', '数据包')], departmentPlans: [],
    };
    await store.importer.load('p.json', bytesOf(JSON.stringify(pkg)));
    expect(store.importer.plan?.conflicts.map((c) => c.id)).toEqual(['__proto__', 'toString']);
    expect(store.importer.unresolvedCount).toBe(2);
    store.importer.choose('__proto__', 'incoming');
    expect(store.importer.unresolvedCount).toBe(1);
    expect(await store.importer.apply()).toBe(false);
    store.importer.choose('toString', 'local');
    expect(store.importer.unresolvedCount).toBe(0);
    expect(await store.importer.apply()).toBe(true);
    const saved = (await supKit.repo.exchange.exportAll()).projects.map((p) => [p.id, p.annualGoal]).sort();
    expect(saved).toEqual([['__proto__', '数据包'], ['toString', '本地']]);
    expect([...(await supKit.repo.exchange.getSyncBases()).keys()].sort()).toEqual(['__proto__', 'constructor', 'toString']);
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
    const before = await kit.repo.exchange.exportAll();
    expect(await store.backup.backup()).toBe(true);
    expect(host.saved[0].name).toMatch(/^预算绩效管理备份-\d{8}-\d{4}\.json$/);
    const backup = host.text();

    await kit.repo.projects.deleteMany([before.projects[0].id]);
    const damaged = await everything(kit);
    await store.backup.loadRestore('x.json', bytesOf(backup.replace('"version": 1', '"version": 7')));
    expect(store.backup.stage).toBe('invalid');
    expect(store.backup.problems.map((p) => p.message)).toEqual(['数据包版本为 7，本程序只支持版本 1。请先升级程序再导入。']);
    expect(await everything(kit)).toEqual(damaged);

    await store.backup.loadRestore('b.json', bytesOf(backup));
    expect(store.backup.stage).toBe('confirm');
    expect(await everything(kit)).toEqual(damaged);
    expect(await store.backup.confirmRestore()).toBe(true);
    expect(await kit.repo.exchange.exportAll()).toEqual(before);
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

  test('a package with more problems than are listed: all counted, the first 200 by project', async () => {
    const { store } = await setUp('supervisor');
    const project = (i: number) => ({
      id: `p${i}`, unitId: 'u1', year: 2025, name: `项目${i}`, governmentInvestment: false, key: 'no', funding: null, townSubsidy: 0,
      overview: '', basis: '', annualGoal: '', periodGoal: '', indicators: [], updatedAt: '2025-01-01T00:00:00.000Z',
    });
    const pkg = { format: 'perf-target-desk/exchange', version: 1, exportedAt: '2025-01-01T00:00:00.000Z', units: [], projects: Array.from({ length: 150 }, (_, i) => project(i)), departmentPlans: [] };
    await store.importer.load('坏的数据包.json', bytesOf(JSON.stringify(pkg)));
    const s = store.importer;
    expect(s.stage).toBe('invalid');
    expect([s.problemCount, s.problems.length, s.problemGroups.length]).toEqual([300, 200, 100]);
    expect(s.problemGroups[99].label).toBe('第 100 个项目“项目99”');
    expect(s.problemGroups[99].problems.map((p) => p.message)).toEqual(['/projects/99/key：应当是布尔值（是/否）', '/projects/99/funding：应当是对象']);
    s.reset();
    expect([s.problemCount, s.problemGroups]).toEqual([0, []]);
  });
});

describe('automatic backups before an import or a restore', () => {
  const REFUSAL = '自动备份过于频繁（每分钟最多 6 次），请稍候一分钟再试。';

  /** A file host that keeps automatic backups as the browser platform does, in a backup database of its own. */
  class BackupKeepingHost extends FakeHost {
    failWith: string | null = null;
    readonly clock = { now: new Date(2025, 2, 3, 9) };
    private readonly backups = new BrowserBackups({ dexie: { indexedDB: new IDBFactory(), IDBKeyRange }, now: () => this.clock.now });
    async writeBackup(bytes: Uint8Array, kind: BackupKind) {
      if (this.failWith) throw new Error(this.failWith);
      return this.backups.write(bytes, kind);
    }
    listBackups() {
      return this.backups.list();
    }
    readBackup(id: string) {
      return this.backups.read(id);
    }
  }

  /** A unit's package (both years), and a supervisor that knows only itself, importing through a backup-keeping host. */
  async function supervisor() {
    const { store, host } = await setUp();
    await store.packageExport.load();
    store.packageExport.toggleYear(2025, true);
    await store.packageExport.save();
    const pkg = host.text();
    const supKit = makeKit();
    await addUnit(supKit.repo, '深圳市龙岗区委统一战线工作部');
    const supHost = new BackupKeepingHost();
    const supStore = new ExchangeStore(supKit.repo, contextOf('id-0001'), supHost);
    return { pkg, supKit, supHost, supStore };
  }

  test('a backup that cannot be written stops the import and the restore with a Chinese message, and changes nothing', async () => {
    const { pkg, supKit, supHost, supStore } = await supervisor();
    const before = await everything(supKit);
    supHost.failWith = REFUSAL;

    await supStore.importer.load('ok.json', bytesOf(pkg));
    expect(await supStore.importer.apply()).toBe(false);
    expect(supStore.importer.errors).toEqual([`未能先写入自动备份，为免丢失数据，本次没有导入，数据未作任何修改。原因：${REFUSAL}`]);
    expect(await everything(supKit)).toEqual(before);

    await supStore.backup.loadRestore('b.json', bytesOf(pkg));
    expect(supStore.backup.stage).toBe('confirm');
    expect(await supStore.backup.confirmRestore()).toBe(false);
    expect(supStore.backup.restoreError).toBe(`未能先写入自动备份，为免丢失数据，本次没有恢复，数据未作任何修改。原因：${REFUSAL}`);
    expect(await everything(supKit)).toEqual(before);

    // once the backup can be written, the same import goes through, and the backup holds the data from before it
    supHost.failWith = null;
    expect(await supStore.importer.apply()).toBe(true);
    const [taken] = await supHost.listBackups();
    expect(taken.kind).toBe('import');
    const held = JSON.parse(new TextDecoder().decode((await supHost.readBackup(taken.id))!)) as ExchangeDocument;
    expect({ units: held.units, projects: held.projects, departmentPlans: held.departmentPlans }).toEqual(before[0]);
  });

  test('eleven imports keep the backup taken before the first, which restores the data as it was', async () => {
    const { pkg, supKit, supHost, supStore } = await supervisor();
    const beforeFirst = await supKit.repo.exchange.exportAll();
    const doc = JSON.parse(pkg) as ExchangeDocument;
    for (let i = 1; i <= 11; i++) {
      supHost.clock.now = new Date(2025, 2, 3, 9, i * 3);
      // the unit sends its project again, changed each time
      const sent = { ...doc, projects: doc.projects.map((p, k) => (k === 0 ? { ...p, annualGoal: `第${i}次报送`, updatedAt: `2025-02-${String(i).padStart(2, '0')}T00:00:00.000Z` } : p)) };
      await supStore.importer.load(`第${i}次.json`, bytesOf(JSON.stringify(sent)));
      expect({ i, applied: await supStore.importer.apply(), errors: supStore.importer.errors }).toEqual({ i, applied: true, errors: [] });
    }
    expect((await supKit.repo.exchange.exportAll()).projects.map((p) => p.annualGoal)).toContain('第11次报送');

    await supStore.backup.loadAutomatic();
    const listed = supStore.backup.automatic ?? [];
    expect(listed.map((b) => b.kind)).toEqual(Array(11).fill('import'));
    const first = listed[listed.length - 1];
    expect(first.takenAt).toBe(new Date(2025, 2, 3, 9, 3).toISOString());

    supHost.clock.now = new Date(2025, 2, 3, 10);
    await supStore.backup.pickAutomatic(first);
    expect(supStore.backup.stage).toBe('confirm');
    expect(await supStore.backup.confirmRestore()).toBe(true);
    expect(await supKit.repo.exchange.exportAll()).toEqual(beforeFirst);
    // the data the restore replaced went into a backup of its own
    expect(supStore.backup.automatic?.[0].kind).toBe('restore');
  });
});
