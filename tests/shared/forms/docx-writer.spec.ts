import JSZip from 'jszip';
import { writeDocx } from '../../../shared/forms/docx-writer';
import type { FormLayout } from '../../../shared/forms/layout';
import { f4Sample, HOSTILE_SHOWN, hostileSample, labelGridSample } from './samples';
import { xmlPartErrors } from './well-formed';

async function partXml(layout: FormLayout | FormLayout[], part: string): Promise<string> {
  const result = await writeDocx(layout);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  expect(result.bytes).toBeInstanceOf(Uint8Array);
  const zip = await JSZip.loadAsync(result.bytes);
  return zip.file(part)!.async('string');
}
const documentXml = (layout: FormLayout | FormLayout[]) => partXml(layout, 'word/document.xml');

const all = (xml: string, re: RegExp): string[] => xml.match(re) ?? [];
const count = (xml: string, s: string): number => xml.split(s).length - 1;
const tables = (xml: string): string[] => all(xml, /<w:tbl>[\s\S]*?<\/w:tbl>/g);
const rows = (table: string): string[] => all(table, /<w:tr>[\s\S]*?<\/w:tr>/g);
const cells = (row: string): string[] => all(row, /<w:tc>[\s\S]*?<\/w:tc>/g);
const text = (xml: string): string => all(xml, /<w:t(?: [^>]*)?>[^<]*<\/w:t>/g).map((t) => t.replace(/<[^>]+>/g, '')).join('');
const gridSpan = (tc: string): number => Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(tc)?.[1] ?? 1);
const vMerge = (tc: string): string => /<w:vMerge w:val="(\w+)"\/>/.exec(tc)?.[1] ?? '';

/** A3 landscape (420 mm) less 10 mm margins each side, in twips. */
const A3_LANDSCAPE_TEXT = Math.floor((400 * 1440) / 25.4);

describe('writeDocx: F4 (28 columns, three header rows)', () => {
  let xml: string;
  let table: string;
  let trs: string[];
  beforeAll(async () => {
    xml = await documentXml(f4Sample());
    [table] = tables(xml);
    trs = rows(table);
  });

  it('writes one table of 28 grid columns filling the A3 landscape text width, fixed layout', () => {
    expect(tables(xml)).toHaveLength(1);
    const cols = all(table, /<w:gridCol w:w="(\d+)"\/>/g).map((g) => Number(/\d+/.exec(g)![0]));
    expect(cols).toHaveLength(28);
    expect(cols.reduce((s, w) => s + w, 0)).toBe(A3_LANDSCAPE_TEXT);
    // the 年初绩效目标 column (18 units) is wider than 序号 (4 units) in proportion
    expect(cols[10] / cols[0]).toBeCloseTo(18 / 4, 1);
    expect(table).toContain('<w:tblLayout w:type="fixed"/>');
    expect(table).toContain(`<w:tblW w:type="dxa" w:w="${A3_LANDSCAPE_TEXT}"/>`);
  });

  it('marks exactly the three header rows to repeat on every page', () => {
    expect(trs).toHaveLength(5);
    expect(trs.map((tr) => tr.includes('<w:tblHeader/>'))).toEqual([true, true, true, false, false]);
  });

  it('merges across with gridSpan: 实际支出金额 4, 产出/效益目标 6, 满意度指标 and nine row-5 titles 2', () => {
    expect(count(table, '<w:gridSpan w:val="4"/>')).toBe(1);
    expect(count(table, '<w:gridSpan w:val="6"/>')).toBe(2);
    expect(count(table, '<w:gridSpan w:val="2"/>')).toBe(9);
    const row1 = cells(trs[0]);
    expect(row1.map(text)).toEqual([
      '序号',
      '单位名称',
      '项目名称',
      '是否政府投资项目（是/否）',
      '项目年度预算金额',
      '实际支出金额',
      '预算支出执行率',
      '年初绩效目标',
      '绩效目标整体完成情况',
      '产出目标',
      '效益目标',
      '满意度指标',
      '项目执行中存在的问题',
      '整改情况',
    ]);
    expect(row1.map(gridSpan)).toEqual([1, 1, 1, 1, 1, 4, 1, 1, 1, 6, 6, 2, 1, 1]);
  });

  it('merges down with vMerge: 12 cells restart, 22 positions continue', () => {
    expect(count(table, '<w:vMerge w:val="restart"/>')).toBe(12);
    expect(count(table, '<w:vMerge w:val="continue"/>')).toBe(22);
  });

  it('gives every header row a cell for every grid position, continuing the merges from above', () => {
    const row2 = cells(trs[1]);
    expect(row2.map((tc) => (vMerge(tc) === 'continue' ? '↑' : text(tc)))).toEqual([
      '↑', '↑', '↑', '↑', '↑',
      '合计', '其中：财政拨款', '非财政拨款资金',
      '↑', '↑', '↑',
      '数量指标', '质量指标', '时效指标', '经济效益指标', '社会效益指标', '生态效益指标', '服务对象满意度指标',
      '↑', '↑',
    ]);
    expect(row2.map(vMerge).slice(5, 8)).toEqual(['restart', '', 'restart']);
    const row3 = cells(trs[2]);
    expect(row3).toHaveLength(28);
    expect(row3.map((tc) => (vMerge(tc) === 'continue' ? '↑' : text(tc))).slice(5, 14)).toEqual([
      '↑', '一般公共预算', '政府性基金预算（含当年政府专项债券资金）', '↑', '↑', '↑', '↑', '年度指标内容', '完成情况',
    ]);
    // the grid positions of each row add up to 28
    for (const tr of trs) expect(cells(tr).reduce((s, tc) => s + gridSpan(tc), 0)).toBe(28);
  });

  it('prints the body with amounts to two decimals and rates as percentages', () => {
    const p1 = cells(trs[3]).map(text);
    expect(p1.slice(0, 10)).toEqual(['1', '区工商联', '办公设备购置', '否', '3.80', '3.79', '3.79', '0.00', '0.00', '99.74%']);
    expect(p1[12]).toBe('电脑3台，办公桌椅1批');
    expect(p1[27]).toBe('无');
    const p2 = cells(trs[4]).map(text);
    expect(p2.slice(4, 10)).toEqual(['23.44', '21.49', '21.49', '0.00', '0.00', '91.68%']);
  });

  it('uses 宋体 for Chinese and Times New Roman for digits, 9 pt in the table, bold headers', async () => {
    // the body font and size are the document's default run properties; table runs inherit them
    const styles = await partXml(f4Sample(), 'word/styles.xml');
    const defaults = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(styles)![0];
    expect(defaults).toContain('w:eastAsia="宋体"');
    expect(defaults).toContain('w:ascii="Times New Roman"');
    expect(defaults).toContain('<w:sz w:val="18"/>');
    expect(table).not.toMatch(/<w:sz w:val="(?!18")/);
    expect(table).not.toContain('<w:rFonts');
    expect(cells(trs[0])[0]).toContain('<w:b/>');
    expect(cells(trs[3])[10]).not.toContain('<w:b/>');
    expect(cells(trs[3])[4]).toContain('<w:jc w:val="right"/>');
    expect(cells(trs[0])[0]).toContain('<w:jc w:val="center"/>');
  });

  it('draws borders on every cell: the table outer and inside borders, which merged cells keep', () => {
    const borders = /<w:tblBorders>[\s\S]*?<\/w:tblBorders>/.exec(table)![0];
    for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) {
      expect(borders).toMatch(new RegExp(`<w:${side} w:val="single" w:color="000000" w:sz="4"/>`));
    }
    // no cell turns a border off
    expect(table).not.toMatch(/w:val="(nil|none)"/);
  });

  it('writes the header lines above the table: form number, centred bold title, 部门名称 … tab … 单位：万元', () => {
    const before = xml.slice(0, xml.indexOf('<w:tbl>'));
    const paragraphs = all(before, /<w:p>[\s\S]*?<\/w:p>/g);
    expect(paragraphs.map(text)).toEqual([
      '附件2-3：',
      '2019年度区工商联部门预算项目绩效自评情况公开表',
      '部门名称（盖章）：深圳市龙岗区工商业联合会单位：万元',
    ]);
    expect(paragraphs[1]).toContain('<w:jc w:val="center"/>');
    expect(paragraphs[1]).toContain('<w:b/>');
    expect(paragraphs[1]).toContain('<w:sz w:val="32"/>');
    expect(paragraphs[1]).toContain('w:eastAsia="黑体"');
    expect(paragraphs[2]).toMatch(/宋体[\s\S]*深圳市龙岗区工商业联合会<\/w:t><w:tab\/><w:t[^>]*>单位：万元/);
    expect(paragraphs[2]).toContain(`<w:tab w:val="right" w:pos="${A3_LANDSCAPE_TEXT}"/>`);
  });

  it('keeps rows whole on a page, except a row too tall for one', async () => {
    expect(trs.every((tr) => tr.includes('<w:cantSplit/>'))).toBe(true);
    const base = f4Sample();
    const huge = '很长的情况说明。'.repeat(400);
    const tall = { cells: base.rows[3].cells.map((c, i) => (i === 10 ? { value: huge } : c)) };
    const last = rows(tables(await documentXml({ ...base, rows: [...base.rows, tall] }))[0]).at(-1)!;
    expect(text(last)).toContain(huge);
    expect(last).not.toContain('<w:cantSplit/>');
  });

  it('sets up the section as A3 landscape with 10 mm side margins', () => {
    expect(xml).toContain('<w:pgSz w:w="23811" w:h="16838" w:orient="landscape"/>');
    expect(xml).toMatch(/<w:pgMar w:top="850" w:right="567" w:bottom="850" w:left="567"/);
  });
});

describe('writeDocx: a label/value grid (yubei 部门公开表17-2)', () => {
  let xml: string;
  let trs: string[];
  beforeAll(async () => {
    xml = await documentXml(labelGridSample());
    trs = rows(tables(xml)[0]);
  });

  it('has seven grid columns, no repeated header rows, A4 portrait', () => {
    expect(count(xml, '<w:gridCol ')).toBe(7);
    expect(xml).not.toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
  });

  it('merges label and value cells', () => {
    const shape = trs.map((tr) =>
      cells(tr).map((tc) => `${vMerge(tc) === 'continue' ? '↑' : text(tc)}${gridSpan(tc) > 1 ? `/${gridSpan(tc)}` : ''}`),
    );
    expect(shape[0]).toEqual(['专项资金名称', '非公党建建设工作/2', '业务主管部门', '行政政法科/3']);
    expect(shape[1]).toEqual(['当年预算', '300,000.00/2', '区级支出（元）', '300,000.00/3']);
    expect(shape[2]).toEqual(['↑', '↑/2', '补助镇街（元）', '/3']);
    expect(shape[4]).toEqual(['立项依据', '渝北委〔2015〕49号、区委组织部2016便签通知/6']);
    expect(shape[6]).toEqual(['绩效指标', '指标', '指标权重', '计量单位', '指标性质', '指标值', '是否核心指标']);
    expect(shape[7]).toEqual(['↑', '举办党员培训合格', '20', '%', '≥', '90', '是']);
    expect(shape[13]).toEqual(['↑', '预算资金执行情况', '10', '%', '=', '100', '否']);
    expect(count(xml, '<w:vMerge w:val="restart"/>')).toBe(3);
    expect(count(xml, '<w:vMerge w:val="continue"/>')).toBe(9);
  });

  it('writes the footer line below the table', () => {
    const after = xml.slice(xml.indexOf('</w:tbl>'));
    expect(text(after)).toBe('备注：本表数据为示例。');
  });

  it('uses 10.5 pt for a table narrower than the page', () => {
    expect(all(tables(xml)[0], /<w:sz w:val="(\d+)"\/>/g).every((s) => s === '<w:sz w:val="21"/>')).toBe(true);
  });
});

describe('writeDocx: several layouts and bad layouts', () => {
  it('writes one section per layout, each with its own page', async () => {
    const xml = await documentXml([f4Sample(), labelGridSample()]);
    expect(tables(xml)).toHaveLength(2);
    expect(all(xml, /<w:pgSz [^>]*\/>/g)).toEqual([
      '<w:pgSz w:w="23811" w:h="16838" w:orient="landscape"/>',
      '<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>',
    ]);
  });

  it('writes nothing from an inconsistent layout and says why', async () => {
    const good = f4Sample();
    const bad: FormLayout = { ...good, rows: [{ ...good.rows[0], header: false }, ...good.rows.slice(1)] };
    const result = await writeDocx(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.code)).toEqual(['headerNotOnTop', 'headerNotOnTop']);
  });
});

describe('writeDocx: characters XML forbids, in every text of the form', () => {
  const paragraphs = (xml: string): string[] => all(xml, /<w:p(?: [^>]*)?>[\s\S]*?<\/w:p>/g);
  const shown = (xml: string): string =>
    text(xml).replace(/&(lt|gt|apos|quot|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', apos: "'", quot: '"', amp: '&' })[e]!);

  it('writes a document Word opens, every part well-formed, each text shown without them', async () => {
    const result = await writeDocx(hostileSample(), { creator: '预算绩效管理\uFFFF' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(await xmlPartErrors(result.bytes)).toEqual([]);
    const zip = await JSZip.loadAsync(result.bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const above = xml.slice(0, xml.indexOf('<w:tbl>'));
    const below = xml.slice(xml.indexOf('</w:tbl>'));
    expect(paragraphs(above).map(shown)).toEqual([HOSTILE_SHOWN.formNumber, HOSTILE_SHOWN.title, HOSTILE_SHOWN.fields.join(''), HOSTILE_SHOWN.text]);
    const [head, row] = rows(tables(xml)[0]);
    expect(cells(head).map(shown)).toEqual(HOSTILE_SHOWN.header);
    // a cell's lines are paragraphs of their own
    expect(cells(row).map((tc) => paragraphs(tc).map(shown).join('\n'))).toEqual(HOSTILE_SHOWN.body);
    expect(shown(below)).toBe(HOSTILE_SHOWN.footer);
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain('<dc:creator>预算绩效管理</dc:creator>');
  });
});
