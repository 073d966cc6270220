// The headless exporter as a supervisor runs it: a real process, real files in a temporary folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXlsx } from '../templates/read-back';
import { readFileSync } from 'node:fs';

const root = join(__dirname, '..', '..');
const fixture = (name: string) => join(root, 'tests', 'fixtures', `${name}.json`);
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'export-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'export.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('exports F4 from the longgang 2019 package into a readable workbook', async () => {
  const out = join(dir, 'F4.xlsx');
  const r = run('--in', fixture('longgang-2019'), '--form', 'F4', '--format', 'xlsx', '--out', out);
  expect(r.code).toBe(0);
  expect(r.out).toContain('2019年度部门预算项目绩效自评情况公开表-深圳市龙岗区工商业联合会.xlsx');
  const x = await readXlsx(new Uint8Array(readFileSync(out)));
  expect([x.text(8, 3), x.text(8, 10)]).toEqual(['其他一般管理事务', '91.68%']);
  expect(readdirSync(dir)).toEqual(['F4.xlsx']);
});

test.each([
  ['a file of garbage', () => writeFileSync(join(dir, 'bad.json'), '%PDF garbage'), ['--form', 'F4', '--format', 'xlsx'], /数据包“.*bad\.json”有 1 处问题[\s\S]*不是有效的 JSON/],
  ['truncated JSON', () => writeFileSync(join(dir, 'bad.json'), readFileSync(fixture('huadu'), 'utf8').slice(0, 500)), ['--form', 'F5', '--format', 'xlsx'], /损坏或被截断/],
  ['an unknown form', () => writeFileSync(join(dir, 'bad.json'), readFileSync(fixture('huadu'))), ['--form', 'F9', '--format', 'xlsx'], /没有表样“F9”/],
  ['an unknown format', () => writeFileSync(join(dir, 'bad.json'), readFileSync(fixture('huadu'))), ['--form', 'F5', '--format', 'pdf'], /--format 只能是 xlsx 或 docx/],
])('%s: a Chinese message, a non-zero exit and no file', (_name, prepare, args, message) => {
  prepare();
  const out = join(dir, 'out.xlsx');
  const r = run('--in', join(dir, 'bad.json'), ...args, '--out', out);
  expect(r.code).not.toBe(0);
  expect(r.err).toMatch(/^导出失败：/);
  expect(r.err).toMatch(message);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(dir)).toEqual(['bad.json']);
});

test('--final refuses a form whose data has errors, naming them; without it the draft exports', () => {
  const out = join(dir, 'F5.xlsx');
  const refused = run('--in', fixture('huadu'), '--form', 'F5', '--format', 'xlsx', '--out', out, '--final');
  expect(refused.code).toBe(1);
  expect(refused.err).toMatch(/正式版报表不能带错误导出：所选范围内有 \d+ 处错误/);
  expect(refused.err).toContain('机构运行辅助经费：至少需要一条效益指标');
  expect(existsSync(out)).toBe(false);
  expect(run('--in', fixture('huadu'), '--form', 'F5', '--format', 'xlsx', '--out', out).code).toBe(0);
  expect(existsSync(out)).toBe(true);
});
