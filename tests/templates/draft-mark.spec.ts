// Every export that is not 正式版 is a draft and says so in the title line of each sheet and page (domain.md §6); the
// 正式版 prints without the mark. The yubei data passes every check, so every form can be exported both ways.
import ExcelJS from 'exceljs';
import { exportForm } from '../../templates/export';
import { TEMPLATES } from '../../templates/index';
import { assessedSample } from '../fixtures/yubei-2024-assessed';
import { count, documentXml, loadFixture } from './read-back';

const doc = loadFixture('yubei-2024');
// the first project self-assessed (F3) and marked a key project (F6)
const data = { ...doc, projects: [{ ...assessedSample(doc.projects[0]), key: true }, ...doc.projects.slice(1)] };
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

  test('the 正式版 prints without it', async () => {
    const x = await exportForm(form, 'xlsx', { ...base, final: true });
    if (!x.ok) throw new Error(x.messages.join());
    for (const s of await sheets(x.bytes)) expect(s.all).not.toContain('草稿');
    const d = await exportForm(form, 'docx', { ...base, final: true });
    if (!d.ok) throw new Error(d.messages.join());
    expect(await documentXml(d.bytes)).not.toContain('草稿');
  });
});
