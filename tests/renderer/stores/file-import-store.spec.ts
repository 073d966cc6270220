/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// Excel and Word tables in the 导入 section (renderer/stores/file-import-store.ts) against a real repository on an
// in-memory IndexedDB, with a fake file host: the reading and its preview, a column mapping changed and remembered,
// the year, cancelling, an old .xls, and the way on to the usual import plan and its one transaction.
import ExcelJS from 'exceljs';
import type { OpenedFile } from '../../../renderer/platform/platform';
import { acceptAttribute } from '../../../renderer/platform/browser-platform';
import { ExchangeStore } from '../../../renderer/stores/exchange-store';
import { IMPORT_FILTERS, isTableFile } from '../../../renderer/stores/file-import-store';
import type { WorkspaceContext } from '../../../renderer/stores/workspace-context';
import type { Unit } from '../../../shared/model';
import { SCHEME_A } from '../../../shared/schemes';
import { addProject, addUnit, makeKit } from '../db/db-test-kit';

class FakeHost {
  next: OpenedFile | null = null;
  async saveFile(): Promise<string | null> {
    return null;
  }
  async openFile(): Promise<OpenedFile | null> {
    return this.next;
  }
}

const UNIT = '深圳市龙岗区工商业联合会';

/** A workbook of one sheet: a header row, then the rows. */
async function workbook(rows: (string | number)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('绩效目标');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const HEADERS = ['项目名称', '三级指标', '指标值', '计量单位', '权重', '备注'];
const BODY: (string | number)[][] = [
  ['会员培训', '培训会员人数', '≥240', '人次', 30, '按签到表统计'],
  ['', '服务对象满意度', '≥90%', '', 10, '问卷调查'],
  ['法律服务', '服务企业数量', '不少于50家', '', 40, ''],
];

async function setUp(year = 2024) {
  const kit = makeKit();
  const unitId = await addUnit(kit.repo, UNIT);
  let known: Unit[] = await kit.repo.units.list();
  const context: WorkspaceContext = {
    unitId: () => unitId,
    unit: () => known.find((u) => u.id === unitId),
    units: () => known,
    year: () => year,
    scheme: () => SCHEME_A,
    reloadAll: async () => {
      known = await kit.repo.units.list();
    },
  };
  const host = new FakeHost();
  const store = new ExchangeStore(kit.repo, context, host, () => new Date('2025-03-01T02:03:00.000Z'));
  return { kit, host, store, unitId };
}

async function pick(s: Awaited<ReturnType<typeof setUp>>, name: string, bytes: Uint8Array): Promise<void> {
  s.host.next = { name, bytes };
  await s.store.importer.pick();
}

describe('which files are tables', () => {
  test('by the name, else by the first bytes; the dialog offers packages and tables', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(isTableFile({ name: '表.xlsx', bytes: bytes('PK') })).toBe(true);
    expect(isTableFile({ name: '旧表.XLS', bytes: bytes('x') })).toBe(true);
    expect(isTableFile({ name: '数据包.json', bytes: bytes('PK') })).toBe(false);
    expect(isTableFile({ name: '数据包', bytes: bytes('\uFEFF  {"format"') })).toBe(false);
    expect(isTableFile({ name: '下载', bytes: bytes('PK\u0003\u0004') })).toBe(true);
    expect(acceptAttribute(IMPORT_FILTERS)).toBe('.json,.xlsx,.docx,.xls,.doc');
  });
});

describe('a workbook read by its headers', () => {
  test('preview, then the import plan, then one transaction: the projects are in the unit’s year', async () => {
    const s = await setUp();
    await pick(s, '绩效目标.xlsx', await workbook([HEADERS, ...BODY]));
    const f = s.store.fileImport;
    expect(f.stage).toBe('preview');
    const report = f.result!.report;
    expect([report.projects, report.indicators]).toEqual([2, 3]);
    expect(f.mappedTables.map((t) => [t.headers, t.fields])).toEqual([[HEADERS, { projectName: 0, name: 1, target: 2, unit: 3, weight: 4 }]]);
    // no year in the file: read as the app's year (2024), not the calendar's (2025)
    expect(f.yearAssumed).toBe(true);
    expect(f.result!.ok && f.result!.document.projects.map((p) => p.year)).toEqual([2024, 2024]);
    expect(s.store.importer.stage).toBe('idle');
    expect((await s.kit.repo.exchange.exportAll()).projects).toEqual([]);

    await f.proceed();
    expect(f.stage).toBe('idle');
    expect(s.store.importer.stage).toBe('planned');
    expect(s.store.importer.fileName).toBe('绩效目标.xlsx');
    expect(s.store.importer.summary).toBe('新增 2，更新 0，无变化 1，保留本地 0，冲突 0');
    expect(await s.store.importer.apply()).toBe(true);
    const data = await s.kit.repo.exchange.exportAll();
    expect(data.units.map((u) => u.name)).toEqual([UNIT]);
    expect(data.projects.map((p) => [p.unitId, p.year, p.name, p.indicators.map((i) => `${i.name} ${i.direction}${i.target}${i.unit} ${i.weight}`)])).toEqual([
      [s.unitId, 2024, '会员培训', ['培训会员人数 ≥240人次 30', '服务对象满意度 ≥90% 10']],
      [s.unitId, 2024, '法律服务', ['服务企业数量 ≥50家 40']],
    ]);
  });

  test('a column changed in the preview is read again, and remembered for the next file with the same headers', async () => {
    const s = await setUp();
    const bytes = await workbook([HEADERS, ...BODY]);
    await pick(s, '绩效目标.xlsx', bytes);
    const f = s.store.fileImport;
    const key = f.mappedTables[0].key;
    await f.setField(key, 5, 'explanation');
    expect(f.stage).toBe('preview');
    expect(f.mappedTables[0].fields).toEqual({ projectName: 0, name: 1, target: 2, unit: 3, weight: 4, explanation: 5 });
    const doc = () => (f.result?.ok ? f.result.document : null);
    expect(doc()?.projects[0].indicators.map((i) => i.explanation)).toEqual(['按签到表统计', '问卷调查']);
    expect(f.isRemembered(key)).toBe(false);
    await f.proceed();

    // the next file of the same shape: read with the confirmed mapping
    await pick(s, '第二个.xlsx', await workbook([HEADERS, ['党建事务', '开展活动次数', '≥10', '次', 50, '按活动记录']]));
    expect(f.isRemembered(key)).toBe(true);
    expect(doc()?.projects[0].indicators[0].explanation).toBe('按活动记录');
    // set back to what is recognised, and confirmed: forgotten
    await f.setField(key, 5, null);
    await f.proceed();
    await pick(s, '第三个.xlsx', await workbook([HEADERS, ['党建事务', '开展活动次数', '≥10', '次', 50, '按活动记录']]));
    expect(f.isRemembered(key)).toBe(false);
    expect(doc()?.projects[0].indicators[0].explanation).toBeUndefined();
  });

  test('the year chosen in the preview is the year of everything read', async () => {
    const s = await setUp();
    await pick(s, '绩效目标.xlsx', await workbook([HEADERS, ...BODY]));
    const f = s.store.fileImport;
    await f.setYear(2023);
    expect(f.yearAssumed).toBe(false);
    expect(f.result?.ok && f.result.document.projects.map((p) => p.year)).toEqual([2023, 2023]);
  });

  test('a project the database has under the same unit, year and name is updated, not refused', async () => {
    const s = await setUp();
    const local = await addProject(s.kit.repo, s.unitId, 2024, '会员培训', ['旧指标']);
    await pick(s, '绩效目标.xlsx', await workbook([HEADERS, ...BODY]));
    await s.store.fileImport.proceed();
    const plan = s.store.importer.plan!;
    expect(plan.problems).toEqual([]);
    expect(plan.update.map((e) => e.id)).toEqual([local.id]);
    expect(await s.store.importer.apply()).toBe(true);
    const saved = (await s.kit.repo.exchange.exportAll()).projects.find((p) => p.id === local.id);
    expect(saved?.indicators.map((i) => i.name)).toEqual(['培训会员人数', '服务对象满意度']);
  });
});

describe('files that cannot be read change nothing', () => {
  test('an old .xls: the reader’s Chinese message', async () => {
    const s = await setUp();
    const before = await s.kit.repo.exchange.exportAll();
    await pick(s, '旧表.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const f = s.store.fileImport;
    expect(f.stage).toBe('failed');
    expect(f.result?.ok === false && f.result.message).toBe('这是旧版 Excel 文件（.xls）或设有打开密码的工作簿，无法直接读取。请在 Excel/WPS 中另存为 .xlsx 后再导入（设有密码的请先取消密码）。');
    expect(s.store.importer.stage).toBe('idle');
    await f.proceed();
    expect(s.store.importer.stage).toBe('idle');
    expect(await s.kit.repo.exchange.exportAll()).toEqual(before);
  });

  test('取消 while reading: nothing read, nothing imported', async () => {
    const s = await setUp();
    const picking = pick(s, '绩效目标.xlsx', await workbook([HEADERS, ...BODY]));
    const f = s.store.fileImport;
    while (f.stage !== 'reading') await Promise.resolve();
    f.cancel();
    await picking;
    expect(f.stage).toBe('idle');
    expect(f.result).toBeNull();
    expect(f.notice).toBe('已取消读取，没有导入任何内容。');
    expect(s.store.importer.stage).toBe('idle');
  });

  test('a package picked after a table: the table’s preview goes, the package is planned', async () => {
    const s = await setUp();
    await pick(s, '绩效目标.xlsx', await workbook([HEADERS, ...BODY]));
    await pick(s, '坏的.json', new TextEncoder().encode('{"format": '));
    expect(s.store.fileImport.stage).toBe('idle');
    expect(s.store.importer.stage).toBe('invalid');
  });
});
