// A headless check of the scores as domain.md §5 gives them: `npm run export -- --form F3` on a package with 正向,
// 反向, 等于, 定性 and 不适用 indicators, the workbook read back with exceljs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Indicator, IndicatorResult, Project } from '../../shared/model';
import { readXlsx, type SheetView } from '../templates/read-back';

const root = join(__dirname, '..', '..');
const NOW = '2025-01-10T00:00:00.000Z';
const wan = (amount: number) => ({ generalPublic: Math.round(amount * 1_000_000), governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 0 });

const indicators: Indicator[] = [
  { id: 'fwd', level1: '1', level2: '11', name: '培训合格人数', direction: '≥', target: '95', unit: '人', weight: 15, core: true },
  { id: 'rev', level1: '1', level2: '13', name: '办结时限', direction: '≤', target: '3', unit: '天', weight: 10, core: false },
  { id: 'eq', level1: '1', level2: '12', name: '资料归档率', direction: '=', target: '100', unit: '%', weight: 20, core: false },
  { id: 'ql', level1: '2', level2: '22', name: '服务企业成效', direction: '定性', target: '企业困难问题得到解决', unit: '', weight: 20, core: false },
  { id: 'soc', level1: '2', level2: '24', name: '商会持续运营率', direction: '≥', target: '90', unit: '%', weight: 15, core: false },
  { id: 'sat', level1: '3', level2: '31', name: '会员企业满意度', direction: '≥', target: '90', unit: '%', weight: 10, core: false },
];

const results: IndicatorResult[] = [
  { indicatorId: 'fwd', actual: '92', deviationNote: '三人缺考' },
  { indicatorId: 'rev', actual: '6', deviationNote: '材料补正延长办结时间' },
  { indicatorId: 'eq', actual: '125', deviationNote: '补录上年资料' },
  { indicatorId: 'ql', actual: '解决部分困难问题', outcome: 'partial', deviationNote: '跨部门问题仍在协调' },
  { indicatorId: 'soc', actual: '95' },
  { indicatorId: 'sat', actual: '95' },
];

function project(id: string, name: string, rs: IndicatorResult[]): Project {
  return {
    id, unitId: 'u', year: 2024, name, governmentInvestment: false, key: false, funding: wan(3.8), townSubsidy: 0,
    overview: '', basis: '', annualGoal: '服务会员企业', periodGoal: '',
    indicators: indicators.map((i) => ({ ...i, id: `${id}-${i.id}` })),
    selfAssessment: {
      // 3.79 / 3.80 = 99.74% (§5)
      budgetInitial: wan(3.8), budgetAdjusted: wan(3.8), spent: wan(3.79),
      overallResult: '基本完成年度目标', results: rs.map((r) => ({ ...r, indicatorId: `${id}-${r.indicatorId}` })),
      problems: '无', rectification: '无', status: 'inProgress',
    },
    updatedAt: NOW,
  };
}

const notApplicable = results.map((r): IndicatorResult => (r.indicatorId === 'soc' ? { indicatorId: 'soc', actual: '', notApplicable: { reason: '本年度未开展运营评估' } } : r));
const packageJson = {
  format: 'perf-target-desk/exchange',
  version: 1,
  exportedAt: NOW,
  units: [{ id: 'u', name: '某区工商业联合会', parentId: null, schemeId: 'A-2015', updatedAt: NOW }],
  projects: [project('a', '商会服务经费', results), project('b', '商会服务经费（含不适用）', notApplicable)],
  departmentPlans: [],
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'f3-scores-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify(packageJson));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 三级, 分值, 得分 of each indicator row of a sheet, then 总分 and the grade. */
function scores(x: SheetView): { rows: string[][]; total: [string, string] } {
  let r = 1;
  while (x.text(r, 1) !== '绩效指标') r++;
  const rows: string[][] = [];
  for (r++; x.text(r, 1) !== '总分'; r++) rows.push([x.text(r, 4), x.text(r, 7), x.text(r, 8)]);
  return { rows, total: [x.text(r, 8), x.text(r, 9)] };
}

test('npm run export -- --form F3 prints the scores §5 gives, by CN-2020', async () => {
  const out = join(dir, 'F3.xlsx');
  const r = spawnSync('npm', ['run', '--silent', 'export', '--', '--in', join(dir, 'package.json'), '--form', 'F3', '--format', 'xlsx', '--out', out], { cwd: root, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const bytes = new Uint8Array(readFileSync(out));

  const a = await readXlsx(bytes, 0);
  // 预算执行率 3.79 / 3.80 = 99.74%, × 10 = 9.97
  expect([a.text(6, 8), a.text(6, 9)]).toEqual(['99.74%', '9.97']);
  expect(scores(a)).toEqual({
    rows: [
      ['培训合格人数', '15', '14.53'], // 正向: 92 / 95 × 15 = 14.5263…
      ['资料归档率', '20', '16.00'], // 等于: min(125 / 100, 100 / 125) × 20
      ['办结时限', '10', '5.00'], // 反向: 3 / 6 × 10
      ['服务企业成效', '20', '14.00'], // 定性 部分达成: 70% × 20
      ['商会持续运营率', '15', '15.00'],
      ['会员企业满意度', '10', '10.00'],
    ],
    // 9.97 + 14.53 + 16 + 5 + 14 + 15 + 10
    total: ['84.50', '等级：良'],
  });

  // 不适用: no score; the others share its 15 points, × 90 / 75
  const b = await readXlsx(bytes, 1);
  expect(scores(b)).toEqual({
    rows: [
      ['培训合格人数', '18', '17.43'], // 92 / 95 × 18 = 17.4315…
      ['资料归档率', '24', '19.20'],
      ['办结时限', '12', '6.00'],
      ['服务企业成效', '24', '16.80'],
      ['商会持续运营率', '—', '—'],
      ['会员企业满意度', '12', '12.00'],
    ],
    // 9.97 + 17.43 + 19.20 + 6 + 16.80 + 12
    total: ['81.40', '等级：良'],
  });
  expect(b.text(1, 1)).toBe('项目支出绩效自评表（草稿）');
});

test('--final prints the 正式版 of a package that passes the checks, without the 草稿 mark', async () => {
  const out = join(dir, 'F3-final.xlsx');
  const r = spawnSync('npm', ['run', '--silent', 'export', '--', '--in', join(dir, 'package.json'), '--form', 'F3', '--format', 'xlsx', '--out', out, '--final'], { cwd: root, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const x = await readXlsx(new Uint8Array(readFileSync(out)), 0);
  expect(x.text(1, 1)).toBe('项目支出绩效自评表');
});
