/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// The library store against a real repository on an in-memory IndexedDB: the sector library loaded on first opening,
// the unit's sector (its ranking and its guidance per 二级), the unit's own library and the one packages hand down.
import type { OpenedFile } from '../../../renderer/platform/platform';
import { ExchangeStore } from '../../../renderer/stores/exchange-store';
import { LibraryStore, SHARED_LIBRARY_KEY } from '../../../renderer/stores/library-store';
import { RootStore } from '../../../renderer/stores/root-store';
import type { WorkspaceContext } from '../../../renderer/stores/workspace-context';
import { parseExchange, type ExchangeDocument } from '../../../shared/exchange/exchange';
import { sectorFile } from '../../../shared/library';
import { libraryRecordsOf, mergeLibraryRecords } from '../../../shared/library/own-library';
import type { LibraryRecord, Unit } from '../../../shared/model';
import { SCHEME_A, SCHEME_B } from '../../../shared/schemes';
import { addProject, addUnit, makeKit, unwrap } from '../db/db-test-kit';

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

async function storeFor(sector?: string) {
  const kit = makeKit();
  const unitId = await addUnit(kit.repo, '某区教育局');
  if (sector) unwrap(await kit.repo.units.setSector(unitId, sector));
  let unit: Unit | undefined = await kit.repo.units.get(unitId);
  const store = new LibraryStore(kit.repo, { scheme: () => SCHEME_A, unit: () => unit });
  return { kit, unitId, store, setUnit: (u: Unit | undefined) => (unit = u) };
}

describe('library store', () => {
  test('the sector library joins the unit\'s own entries once opened; the index is built once, not per keystroke', async () => {
    const { kit, unitId, store } = await storeFor('education');
    await addProject(kit.repo, unitId, 2024, '校舍维修项目', ['维修校舍面积']);
    await store.ensureLoaded(unitId);
    expect(store.index.entries.map((e) => [e.origin, e.name])).toEqual([['own', '维修校舍面积']]);
    await store.openCatalog();
    const index = store.index;
    const total = index.entries.length;
    expect(total).toBe(1 + store.catalog!.sectorEntries(SCHEME_A).length);
    expect(total).toBeGreaterThan(1200);
    const typing = ['校园', '校园安全', '校园安全设施改造'].map((name) => store.suggest('11', store.context(name, '')));
    expect(store.index).toBe(index);
    // the unit's own indicator first, then the education sector's (its sector, and 校园 names it)
    expect(typing[2][0].entry.name).toBe('维修校舍面积');
    expect(typing[2].slice(1, 5).every((s) => s.entry.sector === 'education')).toBe(true);
    expect(store.context('校园安全设施改造', '').namedSectors).toContain('education');
  });

  test('guidance per 二级 comes from the unit\'s sector, by the code of its scheme; none without a sector', async () => {
    const { store, setUnit, kit, unitId } = await storeFor('education');
    expect(store.guidance('11')).toBeUndefined(); // not loaded yet: the editor shows the scheme's hint
    await store.openCatalog();
    const education = sectorFile('education')!;
    expect(store.guidance('11')).toBe(education.guidance['11']);
    expect(store.guidance('41')).toBe(education.guidance['41']);
    setUnit(unwrap(await kit.repo.units.setSector(unitId, '')));
    expect((await kit.repo.units.get(unitId))?.sector).toBeUndefined();
    expect(store.guidance('11')).toBeUndefined();
  });

  test('entries received in a package are kept in the settings, offered as the unit\'s own, and read back by a new store', async () => {
    const { kit, unitId, store } = await storeFor();
    await store.openCatalog();
    const received: LibraryRecord[] = [
      { schemeId: SCHEME_A.id, level2: '31', name: '辖区群众满意度', direction: '≥', target: '90', unit: '%', source: '2024年度', projectName: '平安建设' },
      { schemeId: SCHEME_B.id, level2: '41', name: '单位巡查成本', direction: '≤', target: '50', unit: '元/次' },
    ];
    await store.receive(received);
    expect(await kit.repo.settings.get(SHARED_LIBRARY_KEY)).toEqual(received);
    // scheme A has no 41: that one is left out here
    expect(store.sharedEntries.map((e) => [e.origin, e.level1, e.level2, e.name])).toEqual([['shared', '3', '31', '辖区群众满意度']]);
    expect(store.suggest('31', store.context('年度运转', ''))[0].entry.name).toBe('辖区群众满意度');

    const again = new LibraryStore(kit.repo, { scheme: () => SCHEME_B, unit: () => undefined });
    await again.ensureLoaded(unitId);
    expect(again.sharedEntries.map((e) => [e.level1, e.level2, e.name])).toEqual([
      ['3', '31', '辖区群众满意度'],
      ['4', '41', '单位巡查成本'],
    ]);
  });

  test('search finds nothing until the sector library (and pinyin) is loaded, then satisfaction by "myd"', async () => {
    const { store } = await storeFor('health');
    store.setQuery('myd');
    expect(store.search(store.context('', ''))).toEqual([]);
    await store.openCatalog();
    const found = store.search(store.context('', ''));
    expect(found.length).toBeGreaterThan(10);
    expect(found.every((s) => s.entry.name.includes('满意'))).toBe(true);
    // a name that starts with the term first (the 工商联 sector's 满意度), then among equal matches the unit's sector
    expect(found[0].entry.name).toBe('满意度');
    expect(found[1].entry.sector).toBe('health');
  });

  test('the check panel\'s 二级 holds while the row that was active then stays active', async () => {
    const { store } = await storeFor();
    store.setQuery('满意');
    store.focusOn('14', 'row-1');
    expect([store.focus, store.query]).toEqual([{ level2: '14', activeId: 'row-1' }, '']);
    store.clearFocus();
    expect(store.focus).toBeNull();
  });
});

describe('the unit\'s own library in packages', () => {
  test('records: the latest use of each name under each 二级, in the scheme of the project\'s unit; merging replaces by key', () => {
    const units: Unit[] = [{ id: 'u', name: '单位', parentId: null, schemeId: SCHEME_B.id, updatedAt: '2025-01-01T00:00:00.000Z' }];
    const ind = (name: string, target: string, level2 = '11') => ({ id: `${name}${target}`, level1: level2[0], level2, name, direction: '≥' as const, target, unit: '人', weight: null, core: false });
    const project = (year: number, name: string, indicators: ReturnType<typeof ind>[]) =>
      ({ id: name, unitId: 'u', year, name, indicators }) as unknown as Parameters<typeof libraryRecordsOf>[0][number];
    const records = libraryRecordsOf(
      [project(2023, '旧项目', [ind('培训人数', '100'), ind(' ', '1')]), project(2024, '新项目', [ind('培训人数', '200'), ind('培训人数', '5', '12')])],
      units,
    );
    expect(records.map((r) => [r.schemeId, r.level2, r.name, r.target, r.source, r.projectName])).toEqual([
      [SCHEME_B.id, '11', '培训人数', '200', '2024年度', '新项目'],
      [SCHEME_B.id, '12', '培训人数', '5', '2024年度', '新项目'],
    ]);
    const merged = mergeLibraryRecords(records, [{ ...records[0], target: '300' }]);
    expect(merged.map((r) => [r.level2, r.target])).toEqual([
      ['12', '5'],
      ['11', '300'],
    ]);
  });

  test('a supervisor\'s package carries its library; the unit that imports it keeps it and is offered it first', async () => {
    // the supervisor's machine: its own project, with an indicator its units should use
    const supKit = makeKit();
    // ids are counted per database: one unit first, so the supervisor's id is not the school's
    await addUnit(supKit.repo, '某区财政局');
    const sup = await addUnit(supKit.repo, '某区教育局');
    unwrap(await supKit.repo.units.setSector(sup, 'education'));
    await addProject(supKit.repo, sup, 2025, '全区校园安全工作', ['校园安全巡查覆盖率']);
    const supHost = new FakeHost();
    const context: WorkspaceContext = { unitId: () => sup, unit: () => undefined, units: () => [], year: () => 2025, scheme: () => SCHEME_A, reloadAll: async () => {} };
    const supStore = new ExchangeStore(supKit.repo, context, supHost, () => new Date('2025-03-01T02:03:00.000Z'));
    await supStore.packageExport.load();
    expect(await supStore.packageExport.save()).toBe(true);
    const text = supHost.text();
    const doc = JSON.parse(text) as ExchangeDocument;
    expect(doc.units[0].sector).toBe('education');
    expect(doc.library?.map((r) => [r.schemeId, r.level2, r.name, r.projectName])).toEqual([[SCHEME_A.id, '11', '校园安全巡查覆盖率', '全区校园安全工作']]);
    expect(parseExchange(text).ok).toBe(true);
    const bad = parseExchange(JSON.stringify({ ...doc, library: [{ ...doc.library![0], direction: '约' }] }));
    expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual(['/library/0/direction']);

    // a school's machine imports it
    const kit = makeKit();
    const root = new RootStore(kit.repo, (() => {
      let n = 0;
      return () => `s-${++n}`;
    })());
    await root.start();
    const school = unwrap(await root.units.create({ name: '某中学', shortName: '', parentId: null, schemeId: SCHEME_A.id, sector: 'education' }));
    expect(school.sector).toBe('education');
    const schoolStore = new ExchangeStore(kit.repo, { ...context, unitId: () => school.id }, new FakeHost());
    await schoolStore.importer.load('教育局.json', new TextEncoder().encode(text));
    const applied = await schoolStore.importer.apply();
    expect(schoolStore.importer.errors).toEqual([]);
    expect(applied).toBe(true);
    expect(await kit.repo.settings.get(SHARED_LIBRARY_KEY)).toEqual(doc.library);
    await root.selectUnit(school.id);
    await root.library.ensureLoaded(school.id);
    const first = root.library.suggest('11', root.library.context('校门改造', ''))[0];
    expect([first.entry.origin, first.entry.name]).toEqual(['shared', '校园安全巡查覆盖率']);
  });
});
