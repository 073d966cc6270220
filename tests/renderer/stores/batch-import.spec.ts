/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// 批量导入 (issue #19): several unit packages picked at once go in one after another, each all or nothing, after one
// automatic backup; 取消 stops before the next package; a package that needs the user is listed, not imported, and
// opens on its own afterwards. Against a real repository on an in-memory IndexedDB, through the import section's store.
import { createExchangeDocument, serializeExchange, type ExchangeDocument } from '../../../shared/exchange/exchange';
import type { Project, Unit } from '../../../shared/model';
import type { BackupInfo, BackupKind, OpenedFile } from '../../../renderer/platform/platform';
import { ExchangeStore } from '../../../renderer/stores/exchange-store';
import type { WorkspaceContext } from '../../../renderer/stores/workspace-context';
import { SCHEME_A } from '../../../shared/schemes';
import { funding, indicator, makeKit, unwrap, type Kit } from '../db/db-test-kit';

const T0 = '2025-01-10T00:00:00.000Z';
const T1 = '2025-02-10T00:00:00.000Z';
const CITY: Unit = { id: 'city', name: '某市财政局', parentId: null, schemeId: 'A-2015', updatedAt: T0 };
const unitOf = (n: number): Unit => ({ id: `u${n}`, name: `某市第${n}预算单位`, shortName: `单位${n}`, parentId: 'city', schemeId: 'A-2015', updatedAt: T0 });
const projectOf = (n: number, p: number, updatedAt = T0, goal = '完成年度任务'): Project => ({
  id: `u${n}-p${p}`, unitId: `u${n}`, year: 2025, name: `单位${n}第${p}号项目`, governmentInvestment: false, key: false, funding: funding(100_000),
  townSubsidy: 0, overview: '', basis: '', annualGoal: goal, periodGoal: '',
  indicators: [indicator(`u${n}-p${p}-i1`, '培训次数'), indicator(`u${n}-p${p}-i2`, '服务企业数量')], updatedAt,
});

/** A unit's package as its 导出数据包 writes it: the unit, its 主管部门, its two projects, its library. */
function unitPackage(n: number, projects: Project[] = [projectOf(n, 1), projectOf(n, 2)]): OpenedFile {
  const library = [{ schemeId: 'A-2015', level2: '11', name: `单位${n}常用指标`, direction: '≥' as const, target: '10', unit: '次' }];
  const doc: ExchangeDocument = createExchangeDocument({ units: [CITY, unitOf(n)], projects, departmentPlans: [], library }, T1, unitOf(n).name);
  return { name: `数据包-单位${n}-2025.json`, bytes: new TextEncoder().encode(serializeExchange(doc)) };
}

/** The platform as the import section meets it: files picked in one go, automatic backups kept. */
class FakeHost {
  picked: OpenedFile[] = [];
  backups: { kind: BackupKind; text: string }[] = [];
  backupFails = false;
  async saveFile(name: string): Promise<string | null> {
    return name;
  }
  async openFile(): Promise<OpenedFile | null> {
    return this.picked[0] ?? null;
  }
  async openFiles(): Promise<OpenedFile[]> {
    return this.picked;
  }
  async writeBackup(bytes: Uint8Array, kind: BackupKind): Promise<BackupInfo> {
    if (this.backupFails) throw new Error('磁盘已满');
    this.backups.push({ kind, text: new TextDecoder().decode(bytes) });
    return { id: `b${this.backups.length}`, takenAt: T1, kind, size: bytes.length };
  }
}

/** The supervisor's database (the city alone), its import section, and counters of what the run did. */
async function supervisor(): Promise<{ kit: Kit; host: FakeHost; store: ExchangeStore; reloads: () => number }> {
  const kit = makeKit();
  unwrap(await kit.repo.exchange.importRecords({ units: [CITY], projects: [], departmentPlans: [] }));
  const host = new FakeHost();
  let reloads = 0;
  const context: WorkspaceContext = {
    unitId: () => 'city', unit: () => CITY, units: () => [CITY], year: () => 2025, scheme: () => SCHEME_A,
    reloadAll: async () => void (reloads += 1),
  };
  return { kit, host, store: new ExchangeStore(kit.repo, context, host, () => new Date(T1)), reloads: () => reloads };
}

const statuses = (store: ExchangeStore) => store.importer.batch.entries.map((e) => e.status);
const storedUnits = async (kit: Kit) => (await kit.repo.exchange.exportAll()).units.map((u) => u.id).sort();
const storedProjects = async (kit: Kit) => (await kit.repo.exchange.exportAll()).projects.map((p) => p.id).sort();

test('five packages picked at once go in one after another: one backup before, one reload after, each in the history', async () => {
  const { kit, host, store, reloads } = await supervisor();
  host.picked = [1, 2, 3, 4, 5].map((n) => unitPackage(n));
  const progress: (string | null)[] = [];
  const write = kit.repo.exchange.applyImport.bind(kit.repo.exchange);
  jest.spyOn(kit.repo.exchange, 'applyImport').mockImplementation((...args) => {
    progress.push(store.importer.batch.progress);
    return write(...args);
  });
  await store.importer.pick();
  const batch = store.importer.batch;
  expect(statuses(store)).toEqual(['imported', 'imported', 'imported', 'imported', 'imported']);
  expect(batch.entries[0].detail).toBe('新增 3，更新 0，无变化 1，保留本地 0，冲突 0');
  expect(progress).toEqual([1, 2, 3, 4, 5].map((n) => `正在导入 ${n}/5：数据包-单位${n}-2025.json`));
  expect(batch.outcome).toBe('已导入 5 个数据包（共 5 个）。');
  expect(batch.running).toBe(false);
  expect(batch.progress).toBeNull();
  expect(await storedUnits(kit)).toEqual(['city', 'u1', 'u2', 'u3', 'u4', 'u5']);
  expect(await storedProjects(kit)).toHaveLength(10);
  // the one backup holds the database as it was before the run: the city alone
  expect(host.backups.map((b) => [b.kind, (JSON.parse(b.text) as ExchangeDocument).units.map((u) => u.id)])).toEqual([['import', ['city']]]);
  expect(reloads()).toBe(1);
  expect(store.importer.history.map((h) => h.fileName)).toEqual(host.picked.map((f) => f.name));
  expect(store.importer.stage).toBe('idle');
  // each unit's own library joined the supervisor's
  const shared = (await kit.repo.settings.get('library.shared')) as { name: string }[] | undefined;
  expect(shared?.map((r) => r.name).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `单位${n}常用指标`).sort());
});

test('取消 during the second package: exactly two imported, the other three untouched and said so', async () => {
  const { kit, host, store, reloads } = await supervisor();
  host.picked = [1, 2, 3, 4, 5].map((n) => unitPackage(n));
  const write = kit.repo.exchange.applyImport.bind(kit.repo.exchange);
  jest.spyOn(kit.repo.exchange, 'applyImport').mockImplementation((...args) => {
    if (store.importer.batch.position === 2) store.importer.batch.cancel();
    return write(...args);
  });
  await store.importer.pick();
  expect(statuses(store)).toEqual(['imported', 'imported', 'notRun', 'notRun', 'notRun']);
  expect(store.importer.batch.outcome).toBe('已取消：已导入 2 个数据包，其余 3 个未导入。');
  expect(await storedUnits(kit)).toEqual(['city', 'u1', 'u2']);
  expect(await storedProjects(kit)).toEqual(['u1-p1', 'u1-p2', 'u2-p1', 'u2-p2']);
  expect(reloads()).toBe(1);
  expect(store.importer.history).toHaveLength(2);
});

test('a package with a conflict is listed, not imported; the others go in; 单独打开 shows its plan with the choice', async () => {
  const { kit, host, store } = await supervisor();
  host.picked = [unitPackage(2)];
  await store.importer.pick();
  expect(await store.importer.apply()).toBe(true);
  // the supervisor corrects a project of unit 2; the unit changes it too and sends its package again
  kit.clock.now = new Date('2025-03-01T00:00:00.000Z');
  const local = await kit.repo.projects.get('u2-p1');
  unwrap(await kit.repo.projects.save({ ...local!, annualGoal: '主管部门修改的目标' }));
  const resent = unitPackage(2, [projectOf(2, 1, '2025-03-05T00:00:00.000Z', '单位修改的目标'), projectOf(2, 2)]);
  host.picked = [unitPackage(1), resent, unitPackage(3)];
  await store.importer.pick();
  const batch = store.importer.batch;
  expect(statuses(store)).toEqual(['imported', 'needsChoice', 'imported']);
  expect(batch.entries[1].detail).toBe('有 1 条记录两边都改过，需要选择保留哪一方：请单独打开处理。');
  expect(batch.outcome).toBe('已导入 2 个数据包（共 3 个）。1 个数据包未导入，见下表。');
  expect((await kit.repo.projects.get('u2-p1'))?.annualGoal).toBe('主管部门修改的目标');
  expect([batch.canOpen(0), batch.canOpen(1)]).toEqual([false, true]);
  await batch.open(1);
  expect(store.importer.stage).toBe('planned');
  expect(store.importer.fileName).toBe(resent.name);
  expect(store.importer.plan?.conflicts.map((c) => c.id)).toEqual(['u2-p1']);
  // settled there, the list says it went in
  store.importer.chooseAll('incoming');
  expect(await store.importer.apply()).toBe(true);
  expect(statuses(store)).toEqual(['imported', 'imported', 'imported']);
  expect(batch.entries[1].detail).toBe('已单独导入：新增 0，更新 0，无变化 3，保留本地 0，冲突 1');
  expect((await kit.repo.projects.get('u2-p1'))?.annualGoal).toBe('单位修改的目标');
});

test('files that are no unit package, or hold records that cannot go in, are listed with the reason; the run goes on', async () => {
  const { kit, host, store } = await supervisor();
  const borrowed = { ...projectOf(4, 1), indicators: [indicator('u1-p1-i1', '培训次数')] };
  host.picked = [
    unitPackage(1),
    { name: '坏文件.json', bytes: new TextEncoder().encode('{"format": "perf-target-desk/exchange"') },
    { name: '项目表.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4]) },
    unitPackage(4, [borrowed]),
    unitPackage(5),
  ];
  await store.importer.pick();
  const entries = store.importer.batch.entries;
  expect(statuses(store)).toEqual(['imported', 'refused', 'refused', 'refused', 'imported']);
  expect(entries[1].detail).toMatch(/^文件不是有效的数据包（1 处问题），例如：文件不是有效的 JSON 数据包/);
  expect(entries[2].detail).toBe('这是 Excel 或 Word 表格，不是数据包：请单独选择该文件导入。');
  expect(entries[3].detail).toMatch(/^有 1 条记录不能导入，例如：.*u1-p1-i1/);
  expect(await storedUnits(kit)).toEqual(['city', 'u1', 'u5']);
});

test('a unit known here under its name only waits for a confirmation: listed, not imported', async () => {
  const { kit, host, store } = await supervisor();
  unwrap(await kit.repo.exchange.importRecords({ units: [{ ...unitOf(1), id: 'local-1' }], projects: [], departmentPlans: [] }));
  host.picked = [unitPackage(1), unitPackage(2)];
  await store.importer.pick();
  expect(statuses(store)).toEqual(['needsChoice', 'imported']);
  expect(store.importer.batch.entries[0].detail).toBe('有 1 个单位只按名称匹配到本地单位，需要确认：请单独打开处理。');
});

test('a backup that cannot be written stops the run before anything is written', async () => {
  const { kit, host, store, reloads } = await supervisor();
  host.backupFails = true;
  host.picked = [1, 2, 3].map((n) => unitPackage(n));
  const before = await kit.repo.exchange.exportAll();
  await store.importer.pick();
  const batch = store.importer.batch;
  expect(statuses(store)).toEqual(['notRun', 'notRun', 'notRun']);
  expect(batch.error).toBe('未能先写入自动备份，为免丢失数据，本次没有导入，数据未作任何修改。原因：磁盘已满');
  expect(batch.outcome).toBe('导入已停止：已导入 0 个数据包，其余 3 个未导入。');
  expect(await kit.repo.exchange.exportAll()).toEqual(before);
  expect(reloads()).toBe(0);
});

test('a storage fault stops the run: the packages written before it stay, the one that failed wrote nothing', async () => {
  const { kit, host, store } = await supervisor();
  host.picked = [1, 2, 3, 4].map((n) => unitPackage(n));
  const write = kit.repo.exchange.applyImport.bind(kit.repo.exchange);
  jest.spyOn(kit.repo.exchange, 'applyImport').mockImplementation((...args) => {
    if (store.importer.batch.position === 3) return Promise.reject(new Error('QuotaExceededError'));
    return write(...args);
  });
  await store.importer.pick();
  expect(statuses(store)).toEqual(['imported', 'imported', 'notRun', 'notRun']);
  expect(store.importer.batch.error).toBe('导入时出错：QuotaExceededError');
  expect(store.importer.batch.outcome).toBe('导入已停止：已导入 2 个数据包，其余 2 个未导入。');
  expect(await storedUnits(kit)).toEqual(['city', 'u1', 'u2']);
});

test('one file picked goes to the single import as before: its plan shown, nothing written', async () => {
  const { kit, host, store } = await supervisor();
  host.picked = [unitPackage(1)];
  await store.importer.pick();
  expect(store.importer.stage).toBe('planned');
  expect(store.importer.summary).toBe('新增 3，更新 0，无变化 1，保留本地 0，冲突 0');
  expect(store.importer.batch.entries).toEqual([]);
  expect(await storedUnits(kit)).toEqual(['city']);
});
