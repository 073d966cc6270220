// The headless exporter as a supervisor runs it: a real process, real files in a temporary folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExchangeDocument } from '../../shared/exchange/exchange';
import { documentXml, docxRows, readXlsx } from '../templates/read-back';
import { readFileSync } from 'node:fs';
import { xmlPartErrors } from '../shared/forms/well-formed';

const root = join(__dirname, '..', '..');
const fixture = (name: string) => join(root, 'tests', 'fixtures', `${name}.json`);
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'export-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The exporter as a child process; one that runs past `timeout` ms is killed, and its exit code is then null. */
function runWithin(timeout: number, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'export.ts'), ...args], { cwd: root, encoding: 'utf8', timeout });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const run = (...args: string[]) => runWithin(60_000, ...args);

test('exports F4 from the longgang 2019 package into a readable workbook', async () => {
  const out = join(dir, 'F4.xlsx');
  const r = run('--in', fixture('longgang-2019'), '--form', 'F4', '--format', 'xlsx', '--out', out);
  expect(r.code).toBe(0);
  expect(r.out).toContain('2019年度部门预算项目绩效自评情况公开表-深圳市龙岗区工商业联合会.xlsx');
  const x = await readXlsx(new Uint8Array(readFileSync(out)));
  expect([x.text(8, 3), x.text(8, 10)]).toEqual(['其他一般管理事务', '91.68%']);
  expect(readdirSync(dir)).toEqual(['F4.xlsx']);
});

test('exports F9 from the monitoring package: the summary, then each project with its lights as text', async () => {
  const out = join(dir, 'F9.xlsx');
  const r = run('--in', fixture('monitoring-2025'), '--form', 'F9', '--format', 'xlsx', '--out', out);
  expect(r.code).toBe(0);
  expect(r.out).toContain('2025年度项目支出绩效目标执行监控表-示范区工商业联合会.xlsx');
  const summary = await readXlsx(new Uint8Array(readFileSync(out)));
  expect(summary.workbook.worksheets.map((w) => w.name)).toHaveLength(7);
  expect([4, 8].map((row) => [summary.text(row, 3), summary.text(row, 7), summary.text(row, 8), summary.text(row, 9), summary.text(row, 12)])).toEqual([
    ['项目', '执行进度', '序时进度', '执行预警', '项目预警'],
    ['民营企业投诉服务中心运营', '20.00%', '58.33%', '红灯', '红灯'],
  ]);
  const table = await readXlsx(new Uint8Array(readFileSync(out)), 5);
  expect([table.text(14, 4), table.text(14, 11)]).toEqual(['完成行业调研报告篇数', '红灯']);
  const docx = join(dir, 'F9.docx');
  expect(run('--in', fixture('monitoring-2025'), '--form', 'F9', '--format', 'docx', '--out', docx, '--final').code).toBe(0);
  expect(docxRows(await documentXml(new Uint8Array(readFileSync(docx)))).filter((row) => row[0] === '项目预警').map((row) => row[1])).toEqual(['绿灯', '黄灯', '红灯', '红灯', '红灯', '']);
});

test.each([
  ['a file of garbage', () => writeFileSync(join(dir, 'bad.json'), '%PDF garbage'), ['--form', 'F4', '--format', 'xlsx'], /数据包“.*bad\.json”有 1 处问题[\s\S]*不是有效的 JSON/],
  ['truncated JSON', () => writeFileSync(join(dir, 'bad.json'), readFileSync(fixture('huadu'), 'utf8').slice(0, 500)), ['--form', 'F5', '--format', 'xlsx'], /损坏或被截断/],
  ['an unknown form', () => writeFileSync(join(dir, 'bad.json'), readFileSync(fixture('huadu'))), ['--form', 'F99', '--format', 'xlsx'], /没有表样“F99”，可选 F1–F10/],
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

/** A failure as the user must see it: exit 1, one Chinese message on stderr, no stack trace. */
function expectCleanFailure(r: { code: number | null; err: string }, message: RegExp) {
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/^导出失败：/);
  expect(r.err).toMatch(message);
  expect(r.err).not.toMatch(/\n\s+at |Error:|node:/);
}

/** The longgang 2019 package, changed by `edit`, written into the test folder. */
function editedPackage(edit: (doc: ExchangeDocument) => void): string {
  const doc = JSON.parse(readFileSync(fixture('longgang-2019'), 'utf8')) as ExchangeDocument;
  edit(doc);
  const path = join(dir, 'in.json');
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

describe('input that is not a package file', () => {
  test('a directory: a Chinese message, no stack trace', () => {
    const r = run('--in', join(root, 'tests', 'fixtures'), '--form', 'F4', '--format', 'xlsx', '--out', join(dir, 'out.xlsx'));
    expectCleanFailure(r, /“.*fixtures”是一个文件夹，不是数据包文件/);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('/dev/zero is refused at once instead of being read forever', () => {
    // a hang is killed after 20 s and fails the test on its exit code
    const r = runWithin(20_000, '--in', '/dev/zero', '--form', 'F4', '--format', 'xlsx', '--out', join(dir, 'out.xlsx'));
    expectCleanFailure(r, /“\/dev\/zero”不是普通文件/);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a named pipe is refused without waiting for a writer', () => {
    const fifo = join(dir, 'pipe.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = runWithin(20_000, '--in', fifo, '--form', 'F4', '--format', 'xlsx', '--out', join(dir, 'out.xlsx'));
    expectCleanFailure(r, /“.*pipe\.json”不是普通文件/);
    expect(readdirSync(dir)).toEqual(['pipe.json']);
  });

  test('a file over 256 MiB is refused before it is read', () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, 256 * 1024 * 1024 + 1); // sparse: takes no room on disk
    expectCleanFailure(run('--in', big, '--form', 'F4', '--format', 'xlsx', '--out', join(dir, 'out.xlsx')), /“.*big\.json”超过 256 MiB/);
    expect(readdirSync(dir)).toEqual(['big.json']);
  });

  test('a missing file', () => {
    expectCleanFailure(run('--in', join(dir, 'none.json'), '--form', 'F4', '--format', 'xlsx', '--out', join(dir, 'out.xlsx')), /找不到数据包文件/);
  });
});

describe('an output that cannot be written: a Chinese message, and neither the file nor a temporary one left', () => {
  test.each([
    ['a folder that does not exist (under /proc)', () => '/proc/x/y.xlsx', /无法写入“\/proc\/x\/y\.xlsx”：所在文件夹不存在（ENOENT）/],
    ['a path through a regular file', () => {
      writeFileSync(join(dir, 'plain'), 'x');
      return join(dir, 'plain', 'y.xlsx');
    }, /路径中有一部分不是文件夹（ENOTDIR）/],
    ['an existing folder', () => {
      mkdirSync(join(dir, 'F4.xlsx'));
      return join(dir, 'F4.xlsx');
    }, /“.*F4\.xlsx”是一个文件夹/],
  ])('%s', (_name, target, message) => {
    const out = target();
    const before = readdirSync(dir).sort();
    expectCleanFailure(run('--in', fixture('longgang-2019'), '--form', 'F4', '--format', 'xlsx', '--out', out), message);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});

describe('texts and names Excel and Word refuse', () => {
  test.each(['xlsx', 'docx'] as const)('U+FFFF and other forbidden characters in names: a valid %s without them', async (format) => {
    const input = editedPackage((doc) => {
      doc.units[0].name = '深圳市龙岗区\uFFFF工商业联合会\u0001';
      doc.projects[0].name = '办公\uFFFF设备\uD800购置\uFFFE';
    });
    const out = join(dir, `F4.${format}`);
    const r = run('--in', input, '--form', 'F4', '--format', format, '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2019年度部门预算项目绩效自评情况公开表-深圳市龙岗区工商业联合会');
    const bytes = new Uint8Array(readFileSync(out));
    expect(await xmlPartErrors(bytes)).toEqual([]);
    if (format === 'xlsx') {
      const x = await readXlsx(bytes);
      expect(x.text(7, 3)).toBe('办公设备购置');
      expect(x.text(3, 1)).toBe('部门名称（盖章）：深圳市龙岗区工商业联合会');
    } else {
      expect(docxRows(await documentXml(bytes))[3][2]).toBe('办公设备购置');
    }
  });

  test("project names 'abc', History, HISTORY and one whose 31st character is ' export, the sheets renamed as Excel allows", async () => {
    const input = editedPackage((doc) => {
      const names = ["'abc'", 'History', 'HISTORY', `${'项'.repeat(30)}'之后`, '[a]:b*c?d/e\\f'];
      names.forEach((name, i) => (doc.projects[i].name = name));
    });
    const out = join(dir, 'F1.xlsx');
    const r = run('--in', input, '--form', 'F1', '--format', 'xlsx', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const x = await readXlsx(new Uint8Array(readFileSync(out)));
    expect(x.workbook.worksheets.map((w) => w.name)).toEqual(['’abc’', 'History(2)', 'HISTORY(3)', `${'项'.repeat(30)}’`, 'abcdef', '商会组织建设']);
    expect(readdirSync(dir).sort()).toEqual(['F1.xlsx', 'in.json']);
  });
});

describe('packages of a city’s size', () => {
  /** The longgang 2019 package with `count` more projects of 2018 under a second unit. */
  function largePackage(count: number, edit: (p: Record<string, unknown>, i: number) => void = () => {}): string {
    return editedPackage((doc) => {
      const unit = doc.units[0];
      doc.units.push({ ...unit, id: 'city-unit', name: '下级单位', shortName: '下级', parentId: unit.id });
      const { selfAssessment: _sa, ...plain } = doc.projects[0];
      for (let i = 0; i < count; i++) {
        const p: Record<string, unknown> = { ...plain, id: `city-${i}`, unitId: 'city-unit', year: 2018, name: `项目${i}`, annualGoal: '', indicators: [] };
        edit(p, i);
        doc.projects.push(p as unknown as ExchangeDocument['projects'][number]);
      }
    });
  }

  test('150,000 projects: the year is found without overflowing the stack and the form exported', async () => {
    const input = largePackage(150_000);
    const out = join(dir, 'F4.xlsx');
    const r = run('--in', input, '--form', 'F4', '--format', 'xlsx', '--out', out, '--unit', 'lg2019-unit', '--scope', 'unit');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // the latest year of all 150,006 projects
    expect(r.out).toContain('2019年度部门预算项目绩效自评情况公开表-深圳市龙岗区工商业联合会.xlsx');
    const x = await readXlsx(new Uint8Array(readFileSync(out)));
    expect([x.text(7, 3), x.text(8, 3)]).toEqual(['办公设备购置', '其他一般管理事务']);
  }, 120_000);

  test('37,000 problems: the first 20 listed, then how many more', () => {
    const input = largePackage(37_000, (p) => (p.unitId = 'no-such-unit'));
    const r = run('--in', input, '--form', 'F4', '--format', 'xlsx', '--out', join(dir, 'out.xlsx'));
    expectCleanFailure(r, /数据包“.*in\.json”有 37000 处问题：/);
    const listed = r.err.split('\n').filter((line) => line.startsWith('  - '));
    expect(listed).toHaveLength(21);
    expect(listed[0]).toMatch(/项目0/);
    expect(listed[20]).toBe('  - 另有 36980 处问题未列出。');
    expect(r.err.length).toBeLessThan(3000);
    expect(readdirSync(dir)).toEqual(['in.json']);
  }, 120_000);
});
