// npm run export -- --month: F9 of the monitoring rounds of one month, run as a real process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXlsx } from '../templates/read-back';

const root = join(__dirname, '..', '..');
const fixture = join(root, 'tests', 'fixtures', 'monitoring-2025.json');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'export-month-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'export.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('--month 7 prints the 1–7月 round of a project that also has a later one', async () => {
  const out = join(dir, 'F9.xlsx');
  const r = run('--in', fixture, '--form', 'F9', '--format', 'xlsx', '--out', out, '--month', '7');
  expect([r.code, r.err]).toEqual([0, '']);
  const summary = await readXlsx(new Uint8Array(readFileSync(out)));
  // 基层商会组织建设经费: 25 of 100 万元 by July is red; its 1–10月 round (yellow) is what prints without --month
  expect([summary.text(7, 3), summary.text(7, 4), summary.text(7, 6), summary.text(7, 9)]).toEqual(['基层商会组织建设经费', '1–7月', '25.00', '红灯']);
});

test.each([
  ['a month outside 1–12', ['--form', 'F9', '--month', '13'], '导出失败：--month 须为 1 至 12 的整数，收到“13”。'],
  ['not a number', ['--form', 'F9', '--month', '七'], '导出失败：--month 须为 1 至 12 的整数，收到“七”。'],
  ['another form', ['--form', 'F4', '--month', '7'], '导出失败：--month 只用于 F9（项目支出绩效目标执行监控表）。'],
])('%s: refused in Chinese, no file', (_name, args, message) => {
  const out = join(dir, 'out.xlsx');
  const r = run('--in', fixture, '--format', 'xlsx', '--out', out, ...args);
  expect([r.code, r.err.trim()]).toEqual([1, message]);
  expect(existsSync(out)).toBe(false);
});
