// Every export that is not 正式版 is a draft and says so in the title line of each sheet and page (domain.md §6); the
// 正式版 prints without the mark. The yubei data passes every check once the plan's weights of 100 are scaled to 90
// (domain.md §5), so every form can be exported both ways.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { printHeader } from '../../shared/forms/xlsx-writer';
import { scaleWeights } from '../../shared/weights';
import { exportForm } from '../../templates/export';
import { TEMPLATES } from '../../templates/index';
import { assessedSample } from '../fixtures/yubei-2024-assessed';
import { count, documentXml, loadFixture } from './read-back';

const doc = loadFixture('yubei-2024');
// the first project self-assessed (F3), marked a key project (F6) and reviewed (F10, a round of 优 without field opinions)
const data = {
  ...doc,
  projects: [{ ...assessedSample(doc.projects[0]), key: true, review: loadFixture('review-2025').projects[0].review }, ...doc.projects.slice(1)],
  departmentPlans: doc.departmentPlans.map((p) => ({ ...p, indicators: scaleWeights(p.indicators, '0.9') })),
};
const base = { data, year: 2024, scope: { kind: 'unit' as const, unitId: doc.units[0].id } };

/** Each sheet's cells that read like a title line: the merged lines above the table, in the first rows. */
async function sheets(bytes: Uint8Array): Promise<{ name: string; top: string[]; all: string }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const texts: string[][] = [];
    ws.eachRow((row, r) => {
      texts[r] = [];
      // a merged line is one text, read from its first cell
      row.eachCell((cell) => {
        if (cell.master.address === cell.address) texts[r].push(String(cell.value ?? ''));
      });
    });
    return { name: ws.name, top: [1, 2].flatMap((r) => texts[r] ?? []), all: texts.flat().join('\n') };
  });
}

/** Per section of a Word file, the text of the default page header it references ('' for none). */
async function wordPageHeaders(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  const sections = [...xml.matchAll(/<w:sectPr[ >][\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
  return Promise.all(
    sections.map(async (sectPr) => {
      const id = /<w:headerReference w:type="default" r:id="([^"]+)"/.exec(sectPr)?.[1];
      if (!id) return '';
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
      const part = await zip.file(`word/${target?.[1] ?? target?.[2]}`)!.async('string');
      return [...part.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    }),
  );
}

/** Each worksheet's print header as stored in its XML ('' for none). */
async function excelPageHeaders(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  return Promise.all(
    names.map(async (n) => {
      const xml = await zip.file(n)!.async('string');
      const header = /<oddHeader>([^<]*)<\/oddHeader>/.exec(xml)?.[1] ?? '';
      return header.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    }),
  );
}

describe.each(TEMPLATES.map((t) => t.id))('%s', (form) => {
  test('the draft carries （草稿） in the title line of every sheet and of every form in the Word file', async () => {
    const x = await exportForm(form, 'xlsx', base);
    if (!x.ok) throw new Error(x.messages.join());
    const list = await sheets(x.bytes);
    expect(list.length).toBeGreaterThan(0);
    for (const s of list) expect(s.top.filter((t) => t.endsWith('（草稿）'))).toHaveLength(1);
    const d = await exportForm(form, 'docx', base);
    if (!d.ok) throw new Error(d.messages.join());
    expect(count(await documentXml(d.bytes), /（草稿）/g)).toBe(list.length);
  });

  test('the draft marks every printed page: each Word section and each sheet has a page header with the marked title', async () => {
    const x = await exportForm(form, 'xlsx', base);
    if (!x.ok) throw new Error(x.messages.join());
    const titles = (await sheets(x.bytes)).map((s) => s.top.find((t) => t.endsWith('（草稿）')));
    expect(titles.every((t) => t !== undefined)).toBe(true);
    expect(await excelPageHeaders(x.bytes)).toEqual(titles.map((t) => `&C&"黑体,Bold"${t}`));
    const d = await exportForm(form, 'docx', base);
    if (!d.ok) throw new Error(d.messages.join());
    expect(await wordPageHeaders(d.bytes)).toEqual(titles);
  });

  test('the 正式版 prints without it', async () => {
    const x = await exportForm(form, 'xlsx', { ...base, final: true });
    if (!x.ok) throw new Error(x.messages.join());
    for (const s of await sheets(x.bytes)) expect(s.all).not.toContain('草稿');
    expect((await excelPageHeaders(x.bytes)).every((h) => h === '')).toBe(true);
    const d = await exportForm(form, 'docx', { ...base, final: true });
    if (!d.ok) throw new Error(d.messages.join());
    expect(await documentXml(d.bytes)).not.toContain('草稿');
    expect((await wordPageHeaders(d.bytes)).every((h) => h === '')).toBe(true);
  });
});

test('a long draft table is marked on the pages after the first: F4 of many projects is one Word section with the header', async () => {
  const many = { ...data, projects: Array.from({ length: 60 }, (_, i) => ({ ...data.projects[i % data.projects.length], id: `p${i}`, name: `项目${i + 1}` })) };
  const d = await exportForm('F4', 'docx', { ...base, data: many });
  if (!d.ok) throw new Error(d.messages.join());
  expect(await wordPageHeaders(d.bytes)).toEqual(['2024年度重庆市渝北区工商业联合会部门预算项目绩效自评情况公开表（草稿）']);
});

describe('printHeader: the Excel print header', () => {
  test('centred and bold in the title font; & doubled, as Excel reads a single one as a code', () => {
    expect(printHeader('A&B 表（草稿）', '黑体')).toBe('&C&"黑体,Bold"A&&B 表（草稿）');
  });
  test('no size code, so a title that starts with a year keeps its digits; line breaks become spaces', () => {
    expect(printHeader('2024年度\n项目表（草稿）', '黑体')).toBe('&C&"黑体,Bold"2024年度 项目表（草稿）');
  });
  test('cut to Excel\'s 255 characters, never inside a doubled & or a surrogate pair', () => {
    const long = printHeader('表'.repeat(300), '黑体');
    expect(long).toHaveLength(255);
    const amps = printHeader('&'.repeat(200), '黑体');
    expect(amps.length).toBeLessThanOrEqual(255);
    expect(amps.length % 2).toBe('&C&"黑体,Bold"'.length % 2);
    const emoji = printHeader('𠀀'.repeat(200), '黑体');
    expect(emoji.length).toBeLessThanOrEqual(255);
    expect(/[\ud800-\udbff]$/.test(emoji)).toBe(false);
  });
});
