// The headless importer as a supervisor runs it: a real process, real files in a temporary folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseExchange } from '../../shared/exchange/exchange';
import { exportForm } from '../../templates/export';
import { loadFixture } from '../fixtures/fixture-files';

const root = join(__dirname, '..', '..');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'import.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function exportedF5(): Promise<string> {
  const doc = loadFixture('huadu');
  const r = await exportForm('F5', 'xlsx', { data: doc, year: 2021, scope: { kind: 'supervisor', unitId: 'hd-unit' } });
  if (!r.ok) throw new Error(r.messages.join('\n'));
  const path = join(dir, 'F5.xlsx');
  writeFileSync(path, r.bytes);
  return path;
}

test('a good file: what was read is printed, the package written and valid', async () => {
  const input = await exportedF5();
  const out = join(dir, 'huadu.json');
  const r = run('--in', input, '--out', out, '--year', '2021');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toContain(`已读取“${input}”：`);
  expect(r.out).toContain('工作表“项目支出绩效目标表”：按本程序的 F5“项目支出绩效目标表（含转移支付项目）”读取，14 个项目，23 个指标');
  expect(r.out).toMatch(/已写入数据包 .*huadu\.json（14 个项目、23 个指标，\d+ 字节）/);
  const parsed = parseExchange(readFileSync(out));
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) return;
  expect(parsed.document.projects.map((p) => p.year)).toEqual(new Array(14).fill(2021));
  expect(parsed.document.note).toBe('据“F5.xlsx”导入');
  expect(parsed.document.units.map((u) => u.name)).toEqual(['广州市花都区工商业联合会', '广州市花都区非公有制经济组织服务中心']);
  expect(readdirSync(dir).sort()).toEqual(['F5.xlsx', 'huadu.json']);
});

test('--unit names the unit of a table that names none; what to check is listed', () => {
  const input = join(dir, 'list.xlsx');
  // a minimal workbook from the product's own F1 would name its unit: this one is written as a user's plain table
  return (async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('培训项目');
    ws.getRow(1).values = ['三级指标', '指标值'];
    ws.getRow(2).values = ['培训人数', '≥240人'];
    writeFileSync(input, new Uint8Array(await wb.xlsx.writeBuffer()));
    const out = join(dir, 'out.json');
    const r = run('--in', input, '--out', out, '--unit', '区总工会', '--year', '2025');
    expect(r.code).toBe(0);
    expect(r.out).toContain('请核对：');
    expect(r.out).toContain('1 个指标的一级、二级按指标名称推定');
    const parsed = parseExchange(readFileSync(out));
    expect(parsed.ok && parsed.document.units.map((u) => u.name)).toEqual(['区总工会']);
    expect(parsed.ok && parsed.document.projects.map((p) => [p.name, p.year])).toEqual([['培训项目', 2025]]);
  })();
});

test.each([
  ['an image renamed .xlsx', 'photo.xlsx', () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), /^导入失败：文件不是 Excel 或 Word 文档/],
  ['an old .xls', 'old.xls', () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /请在 Excel\/WPS 中另存为 \.xlsx 后再导入/],
])('a bad file (%s): a Chinese message, a non-zero exit, no package and the file untouched', (_name, file, bytes, message) => {
  const input = join(dir, file);
  writeFileSync(input, bytes());
  const before = readFileSync(input);
  const out = join(dir, 'out.json');
  const r = run('--in', input, '--out', out);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(message);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.out).toBe('');
  expect(existsSync(out)).toBe(false);
  expect(readFileSync(input).equals(before)).toBe(true);
  expect(readdirSync(dir)).toEqual([file]);
});

test('a directory given as the file', () => {
  const folder = join(dir, '表格');
  mkdirSync(folder);
  const r = run('--in', folder, '--out', join(dir, 'out.json'));
  expect(r.code).toBe(1);
  expect(r.err).toBe(`导入失败：“${folder}”是一个文件夹，不是 Excel 或 Word 文件。\n`);
  expect(readdirSync(dir)).toEqual(['表格']);
});

test('a directory given as the package to write: the file is read, nothing written', async () => {
  const input = await exportedF5();
  const r = run('--in', input, '--out', dir, '--year', '2021');
  expect(r.code).toBe(1);
  expect(r.err).toBe(`导入失败：“${dir}”是一个文件夹，请给出要写入的数据包文件名。\n`);
  expect(readdirSync(dir)).toEqual(['F5.xlsx']);
});

test('missing arguments and a bad year', () => {
  const missing = run('--in', 'x.xlsx');
  expect(missing.code).toBe(1);
  expect(missing.err).toContain('缺少参数。');
  expect(missing.err).toContain('用法：npm run import -- --in');
  const year = run('--in', 'x.xlsx', '--out', 'y.json', '--year', '25');
  expect(year.err).toBe('导入失败：年度“25”无效，应为 2000 到 2100 之间的年份。\n');
});

test('a table with formula errors: every broken cell listed, no package', async () => {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('指标');
  ws.getRow(1).values = ['项目名称', '三级指标', '指标值'];
  ws.getRow(2).values = ['培训项目', '培训人数', { formula: 'Sheet9!A1', result: { error: '#REF!' } }];
  const input = join(dir, 'broken.xlsx');
  writeFileSync(input, new Uint8Array(await wb.xlsx.writeBuffer()));
  const out = join(dir, 'out.json');
  const r = run('--in', input, '--out', out);
  expect(r.code).toBe(1);
  expect(r.err).toContain('导入失败：有 1 处内容无法读取，没有导入任何数据；请按下列说明改正后再导入。');
  expect(r.err).toContain('无法读取的内容：\n  - 工作表“指标”第 2 行 C 列的公式出错（#REF!）');
  expect(existsSync(out)).toBe(false);
});
