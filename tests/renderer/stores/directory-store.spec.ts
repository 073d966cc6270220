/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// The unit directory through the stores (issue #19): the supervisor's 下发单位目录 per unit and for all, a unit's
// import of it (the plan's steps, confirmations of name-only matches, the set-up in one transaction), and a package
// sent up placed onto the supervisor's units, a name-only match confirmed before anything is written.
import { parseExchange, serializeExchange, type ExchangeDocument } from '../../../shared/exchange/exchange';
import type { Unit } from '../../../shared/model';
import type { OpenedFile } from '../../../renderer/platform/platform';
import { ExchangeStore } from '../../../renderer/stores/exchange-store';
import type { WorkspaceContext } from '../../../renderer/stores/workspace-context';
import { SCHEME_A } from '../../../shared/schemes';
import { addProject, makeKit, unwrap, type Kit } from '../db/db-test-kit';

class FakeHost {
  saved: { name: string; bytes: Uint8Array }[] = [];
  async saveFile(name: string, bytes: Uint8Array): Promise<string | null> {
    this.saved.push({ name, bytes });
    return `/home/user/${name}`;
  }
  async openFile(): Promise<OpenedFile | null> {
    return null;
  }
  doc(i = -1): ExchangeDocument {
    const parsed = parseExchange(this.saved.at(i)!.bytes);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.document;
  }
}

const NOW = () => new Date('2025-02-01T02:00:00.000Z');

function workspace(kit: Kit, unitId: string | null) {
  let reloads = 0;
  const context: WorkspaceContext = {
    unitId: () => unitId,
    unit: () => undefined,
    units: () => [],
    year: () => 2025,
    scheme: () => SCHEME_A,
    reloadAll: async () => void (reloads += 1),
  };
  const host = new FakeHost();
  return { store: new ExchangeStore(kit.repo, context, host, NOW), host, reloads: () => reloads };
}

/** The supervisor's directory: 区委统战部 (with its own parent, 区委) over 区工商联 (scheme B, a code) and 区民宗局. */
async function supervisor() {
  const kit = makeKit();
  const unit = (id: string, name: string, parentId: string | null, more: Partial<Unit> = {}): Unit => ({ id, name, parentId, schemeId: 'A-2015', updatedAt: '2025-01-02T00:00:00.000Z', ...more });
  const units = [
    unit('qw', '区委', null),
    unit('sup', '区委统战部', 'qw', { code: '11440300MB2C00001X', shortName: '统战部' }),
    unit('gsl', '区工商联', 'sup', { code: '12440300MB2C00012K', schemeId: 'B-2021', shortName: '工商联' }),
    unit('mzj', '区民宗局', 'sup'),
  ];
  unwrap(await kit.repo.exchange.importRecords({ units, projects: [], departmentPlans: [] }));
  return { kit, ...workspace(kit, 'sup') };
}

describe('下发单位目录', () => {
  test('the units below, a package for one unit and one for all', async () => {
    const { store, host } = await supervisor();
    const d = store.directory;
    await d.load();
    expect(d.below.map((x) => [x.unit.name, x.depth])).toEqual([
      ['区工商联', 1],
      ['区民宗局', 1],
    ]);
    expect(await d.exportFor('gsl')).toBe(true);
    expect(host.saved[0].name).toMatch(/^单位名录-工商联-\d{8}-\d{4}\.json$/);
    expect(d.outcome).toMatch(/^已保存单位名录“单位名录-工商联-.*\.json”（下发 1 个单位）。$/);
    const one = host.doc();
    expect([one.directory?.purpose, one.directory?.issuedBy, one.directory?.unitIds, one.units.map((u) => u.id), one.exportedBy]).toEqual([
      'directory',
      'sup',
      ['gsl'],
      ['qw', 'sup', 'gsl'],
      '区委统战部',
    ]);
    expect(await d.exportFor(null)).toBe(true);
    expect(host.saved[1].name).toMatch(/^单位名录-统战部-全部单位-\d{8}-\d{4}\.json$/);
    expect(host.doc().directory?.unitIds).toEqual(['gsl', 'mzj']);
  });

  test('a unit with nothing below: a Chinese message, nothing saved', async () => {
    const { kit } = await supervisor();
    const { store, host } = workspace(kit, 'mzj');
    await store.directory.load();
    expect(await store.directory.exportFor(null)).toBe(false);
    expect(store.directory.messages).toEqual(['“区民宗局”之下还没有单位，无法生成单位名录。']);
    expect(host.saved).toEqual([]);
  });
});

describe('导入单位名录 (a unit)', () => {
  async function directoryBytes(unitIds: 'gsl' | null): Promise<Uint8Array> {
    const { store, host } = await supervisor();
    await store.directory.load();
    await store.directory.exportFor(unitIds);
    return host.saved[0].bytes;
  }

  test('an empty installation is set up: its unit under the supervisor, with the scheme; chosen; in the history', async () => {
    const bytes = await directoryBytes('gsl');
    const kit = makeKit();
    const { store, reloads } = workspace(kit, null);
    const importer = store.importer;
    await importer.load('单位名录.json', bytes);
    expect(importer.stage).toBe('directory');
    const d = importer.directoryImport;
    expect(d.plan!.steps.map((s) => [s.directory.name, s.action, s.issued])).toEqual([
      ['区委', 'add', false],
      ['区委统战部', 'add', false],
      ['区工商联', 'add', true],
    ]);
    expect([d.blocked, d.upToDate, d.issuedBy?.name]).toEqual([false, false, '区委统战部']);
    expect(await importer.applyHandedDown()).toBe(true);
    expect(importer.outcome).toBe('已导入“单位名录.json”：已按“区委统战部”下发的名录设置本单位“区工商联”（写入 3 个单位）。');
    expect(importer.history.map((h) => h.fileName)).toEqual(['单位名录.json']);
    expect(reloads()).toBe(1);
    const units = await kit.repo.units.list();
    // in pinyin order: 区工商联 (gōng), 区委 (wěi), 区委统战部
    expect(units.map((u) => [u.id, u.name, u.parentId, u.schemeId, u.code ?? ''])).toEqual([
      ['gsl', '区工商联', 'sup', 'B-2021', '12440300MB2C00012K'],
      ['qw', '区委', null, 'A-2015', ''],
      ['sup', '区委统战部', 'qw', 'A-2015', '11440300MB2C00001X'],
    ]);
    expect(await kit.repo.settings.get('ui.unitId')).toBe('gsl');

    // the same directory again: nothing to do
    await importer.load('单位名录.json', bytes);
    expect(importer.directoryImport.upToDate).toBe(true);
    expect(await importer.applyHandedDown()).toBe(false);
    expect(importer.directoryImport.errors).toEqual(['本机的单位已与名录一致，无需导入。']);
  });

  test('a package for several units asks which one this installation is', async () => {
    const bytes = await directoryBytes(null);
    const kit = makeKit();
    const { store } = workspace(kit, null);
    await store.importer.load('单位名录-全部单位.json', bytes);
    const d = store.importer.directoryImport;
    expect(d.issued.map((u) => u.name)).toEqual(['区工商联', '区民宗局']);
    expect([d.plan, d.blocked]).toEqual([null, true]);
    d.chooseOwn('mzj');
    expect(d.plan!.steps.map((s) => s.directory.name)).toEqual(['区委', '区委统战部', '区民宗局']);
    expect(await store.importer.applyHandedDown()).toBe(true);
    expect((await kit.repo.units.list()).map((u) => u.name)).toEqual(['区民宗局', '区委', '区委统战部']);
  });

  test('a unit set up by hand under another name-only match waits for a confirmation, then keeps its id and data', async () => {
    const bytes = await directoryBytes('gsl');
    const kit = makeKit();
    const own = unwrap(await kit.repo.units.create({ name: '区工商联' }));
    await addProject(kit.repo, own.id, 2025, '会员培训');
    const { store } = workspace(kit, own.id);
    await store.importer.load('单位名录.json', bytes);
    const d = store.importer.directoryImport;
    expect(d.plan!.confirmations.map((m) => [m.incoming.name, m.local?.id])).toEqual([['区工商联', own.id]]);
    expect(d.blocked).toBe(true);
    expect(await store.importer.applyHandedDown()).toBe(false);
    expect(d.errors).toEqual(['还有 1 个名称相同的单位待确认。']);
    expect((await kit.repo.units.list()).map((u) => u.name)).toEqual(['区工商联']);

    d.confirm('gsl', true);
    expect(d.plan!.steps.map((s) => [s.directory.name, s.action, s.by])).toEqual([
      ['区委', 'add', null],
      ['区委统战部', 'add', null],
      ['区工商联', 'update', 'decided'],
    ]);
    expect(d.ownStep?.record.id).toBe(own.id);
    expect(d.plan!.warnings).toHaveLength(1);
    expect(d.plan!.warnings[0]).toMatch(/^“区工商联”的指标体系将由“.+”改为“.+”，本机已有的 1 份项目或部门整体支出可能需要按新体系调整指标分类。$/);
    expect(await store.importer.applyHandedDown()).toBe(true);
    const mine = (await kit.repo.units.get(own.id))!;
    expect([mine.parentId, mine.schemeId, mine.code]).toEqual(['sup', 'B-2021', '12440300MB2C00012K']);
    expect((await kit.repo.projects.list(own.id, 2025)).map((p) => p.name)).toEqual(['会员培训']);
    expect(await kit.repo.settings.get('ui.unitId')).toBe(own.id);
  });
});

describe('a package sent up lands under the right parent', () => {
  /** A unit's installation holding the supervisor's records of itself and of the units above (as a directory gives). */
  async function unitUnder(supervisorKit: Kit): Promise<Kit> {
    const unitKit = makeKit();
    const above = (await supervisorKit.repo.exchange.exportAll()).units.filter((u) => u.id === 'qw' || u.id === 'sup');
    unwrap(await unitKit.repo.exchange.importRecords({ units: above, projects: [], departmentPlans: [] }));
    return unitKit;
  }

  test('a unit recognised by name only waits for the supervisor to confirm; confirmed, its project lands on the local unit', async () => {
    // the supervisor set 区工商联 up by hand (no code), the unit did too: two ids for one unit
    const { kit } = await supervisor();
    const unitKit = await unitUnder(kit);
    const mine = unwrap(await unitKit.repo.units.create({ name: '区民宗局', parentId: 'sup' }));
    await addProject(unitKit.repo, mine.id, 2025, '民族团结创建', ['活动次数']);
    const data = await unitKit.repo.exchange.exportAll();
    const bytes = new TextEncoder().encode(serializeExchange({ format: 'perf-target-desk/exchange', version: 1, exportedAt: NOW().toISOString(), ...data }));

    const { store } = workspace(kit, 'sup');
    const importer = store.importer;
    await importer.load('数据包-区民宗局.json', bytes);
    expect(importer.stage).toBe('planned');
    const p = importer.placement;
    expect(p.notable.map((x) => [x.incoming.name, x.by, x.needsConfirmation, x.local?.id])).toEqual([['区民宗局', 'name', true, 'mzj']]);
    expect([importer.blocked, p.pending.length]).toEqual([true, 1]);
    expect(await importer.apply()).toBe(false);
    expect(importer.errors).toEqual(['还有 1 个名称相同的单位待确认是否为本机的同一单位。']);

    await importer.decideUnit(mine.id, true);
    expect([importer.blocked, p.decisionOf(mine.id), p.proposalFor(mine.id)?.id]).toEqual([false, 'same', 'mzj']);
    expect(importer.plan!.add.map((e) => [e.kind, e.displayName])).toEqual([['project', '民族团结创建（2025年度）']]);
    expect(await importer.apply()).toBe(true);
    const units = await kit.repo.units.list();
    expect(units.filter((u) => u.name === '区民宗局').map((u) => u.id)).toEqual(['mzj']);
    expect((await kit.repo.projects.list('mzj', 2025)).map((x) => x.name)).toEqual(['民族团结创建']);
  });

  test('refused as another unit: added beside, under the parent the package names', async () => {
    const { kit } = await supervisor();
    const unitKit = await unitUnder(kit);
    const mine = unwrap(await unitKit.repo.units.create({ name: '区民宗局', parentId: 'sup' }));
    await addProject(unitKit.repo, mine.id, 2025, '民族团结创建');
    const data = await unitKit.repo.exchange.exportAll();
    const bytes = new TextEncoder().encode(serializeExchange({ format: 'perf-target-desk/exchange', version: 1, exportedAt: NOW().toISOString(), ...data }));
    const { store } = workspace(kit, 'sup');
    await store.importer.load('数据包.json', bytes);
    await store.importer.decideUnit(mine.id, false);
    expect(store.importer.placement.notable.map((x) => [x.incoming.name, x.local, x.parentId])).toEqual([['区民宗局', null, 'sup']]);
    expect(await store.importer.apply()).toBe(true);
    expect((await kit.repo.units.list()).filter((u) => u.name === '区民宗局').map((u) => [u.id, u.parentId]).sort()).toEqual([
      [mine.id, 'sup'],
      ['mzj', 'sup'],
    ].sort());
  });
});
