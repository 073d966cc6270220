// F10 绩效目标审核意见表 from the review fixture, read back from Excel and Word, and from the headless exporter.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportForm } from '../../templates/export';
import { getTemplate, TEMPLATES } from '../../templates/index';
import { docxRows, documentXml, loadFixture, readXlsx } from './read-back';

const doc = loadFixture('review-2025');
const request = { data: doc, year: 2025, scope: { kind: 'supervisor' as const, unitId: 'rv-sup' } };

/** Each row of a sheet as its cells' texts, merged cells shown once; the rows of the table only (from row 3). */
function sheetRows(x: Awaited<ReturnType<typeof readXlsx>>, columns = 6): string[][] {
  const rows: string[][] = [];
  for (let r = 3; r <= x.sheet.rowCount; r++) {
    rows.push(Array.from({ length: columns }, (_, i) => x.text(r, i + 1)).filter((t) => t !== ''));
  }
  return rows;
}

/** The table of the 良 project, as both formats must print it (cells that start in a row, left to right). */
const GOOD: string[][] = [
  ['项目名称', '科技成果转化对接活动'],
  ['申报单位', '江南市北城区科技创新服务中心', '主管部门', '江南市北城区科学技术局'],
  ['项目预算\n（万元）', '50.00', '其中：财政拨款', '45.00'],
  ['审核单位', '江南市北城区科学技术局', '审核轮次', '第 1 轮'],
  ['审核内容', '审核要点', '审核意见'],
  ['完整性', '绩效目标的内容是否完整，目标是否明确、清晰', '内容完整。'],
  ['相关性', '绩效目标与部门职能、事业发展规划是否相关，是否设定了相关联、细化量化的绩效指标', '目标与职能相关。'],
  ['适当性', '资金规模与绩效目标是否匹配，在既定资金规模下绩效目标是否过高或过低', '技术合同金额目标偏低，与 50 万元投入相比可适当提高。'],
  ['可行性', '绩效目标是否经过充分论证和合理测算，所采取的措施是否切实可行', '措施可行。'],
  ['审核结果', '良', '审核通过，单位按审核意见修改完善后进入预算安排流程'],
  ['审核意见', '基本合理，请按具体意见完善后纳入预算。'],
  ['具体意见', '所指内容', '意见', '单位答复'],
  ['指标“促成技术合同金额”的指标值', '技术合同金额目标偏低，建议不低于 5000 万元。', '已调整为 5000 万元。（王填，2025年2月25日）'],
  ['年度绩效目标', '年度目标请写明活动场次和对接企业数。', '未答复'],
  ['审核人', '李审', '审核日期', '2025年2月21日'],
];

test('is offered by the export screen and the exporter, one table per project', () => {
  expect(TEMPLATES.map((t) => t.id).at(-1)).toBe('F10');
  expect(getTemplate('f10')).toMatchObject({ title: '绩效目标审核意见表', perProject: true, subject: 'projects' });
});

test('Excel: one sheet per reviewed project, the latest round of each, the 良 project cell by cell', async () => {
  const r = await exportForm('F10', 'xlsx', request);
  if (!r.ok) throw new Error(r.messages.join());
  expect(r.fileName).toBe('2025年度绩效目标审核意见表-江南市北城区科学技术局.xlsx');
  const first = await readXlsx(r.bytes);
  // 已提交 and never submitted projects have no round to print
  expect(first.workbook.worksheets.map((w) => w.name)).toEqual(['科技型中小企业培育服务', '科技成果转化对接活动', '创新创业大赛组织', '科技情报分析报告编制', '科普宣传活动']);
  const good = await readXlsx(r.bytes, 1);
  expect([good.text(1, 1), good.text(2, 1)]).toEqual(['绩效目标审核意见表（草稿）', '（2025年度）']);
  expect(sheetRows(good)).toEqual(GOOD);
  // the 具体意见 label spans its header and its two opinions
  expect(good.merges).toContain('A14:A16');
});

test('Word: the same cells, table by table', async () => {
  const r = await exportForm('F10', 'docx', request);
  if (!r.ok) throw new Error(r.messages.join());
  const rows = docxRows(await documentXml(r.bytes));
  const tables = rows.reduce<string[][][]>((all, row) => {
    if (row[0] === '项目名称') all.push([]);
    all.at(-1)!.push(row.filter((t) => t !== ''));
    return all;
  }, []);
  expect(tables).toHaveLength(5);
  // Word writes a line break inside a cell as its own run: the label reads without it
  expect(tables[1]).toEqual(GOOD.map((row) => row.map((t) => t.replace('\n', ''))));
});

test('the second round after a 中 says so; 差 says it stays out of the budget; no field opinions print 无', async () => {
  const r = await exportForm('F10', 'xlsx', { ...request, final: true });
  if (!r.ok) throw new Error(r.messages.join());
  const again = sheetRows(await readXlsx(r.bytes, 2));
  expect(again[3]).toEqual(['审核单位', '江南市北城区科学技术局', '审核轮次', '第 2 轮']);
  expect(again.slice(9, 12)).toEqual([['审核结果', '优', '审核通过，进入预算安排流程'], ['审核意见', '已按意见修改，同意纳入预算。'], ['具体意见', '无']]);
  const poor = sheetRows(await readXlsx(r.bytes, 3));
  expect(poor[9]).toEqual(['审核结果', '差', '退回，不予纳入预算']);
  expect(poor[12]).toEqual(['当年预算', '请提供预算测算明细。', '未答复']);
  // the 正式版 has no 草稿 mark
  expect((await readXlsx(r.bytes, 0)).text(1, 1)).toBe('绩效目标审核意见表');
});

test('a scope without reviewed projects is refused in Chinese', async () => {
  expect(await exportForm('F10', 'xlsx', { ...request, scope: { kind: 'projects', projectIds: ['rv-p4', 'rv-p6'] } })).toEqual({
    ok: false,
    messages: ['2025 年度在所选范围内没有已审核的项目。'],
  });
});

test('npm run export -- --in tests/fixtures/review-2025.json --form F10 writes the same form', async () => {
  const root = join(__dirname, '..', '..');
  const dir = mkdtempSync(join(tmpdir(), 'f10-cli-'));
  try {
    const out = join(dir, 'F10.docx');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'export.ts'), '--in', join(root, 'tests', 'fixtures', 'review-2025.json'), '--form', 'F10', '--format', 'docx', '--out', out], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect([r.status, r.stderr]).toEqual([0, '']);
    const rows = docxRows(await documentXml(new Uint8Array(readFileSync(out))));
    expect(rows.filter((row) => row[0] === '审核结果').map((row) => row[1])).toEqual(['优', '良', '优', '差', '优']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
