// Reading exported files back the way a user's office program would: cell values and formats from the .xlsx,
// the table XML from the .docx.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export { loadCells, loadFixture } from '../fixtures/fixture-files';

export interface SheetView {
  sheet: ExcelJS.Worksheet;
  workbook: ExcelJS.Workbook;
  /** the text a reader sees in a cell: numbers through their number format ('0.00' → "3.80", '0.00%' → "99.74%");
   * '' for the covered cells of a merged range */
  text(row: number, col: number): string;
  /** the text shown at a position, following a merged range back to its top-left cell */
  shown(row: number, col: number): string;
  merges: string[];
}

export async function readXlsx(bytes: Uint8Array, sheetIndex = 0): Promise<SheetView> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[sheetIndex];
  const text = (row: number, col: number): string => {
    const cell = sheet.getCell(row, col);
    // a merged range shows its text once, in its top-left cell
    if (cell.isMerged && cell.master.address !== cell.address) return '';
    const v = cell.value;
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') {
      const fmt = cell.numFmt ?? '';
      const pct = /%$/.test(fmt);
      const dec = /0\.(0+)/.exec(fmt)?.[1].length ?? 0;
      const shown = (pct ? v * 100 : v).toFixed(dec);
      const grouped = fmt.includes('#,##') ? shown.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : shown;
      return fmt === '' || fmt === 'General' ? String(v) : grouped + (pct ? '%' : '');
    }
    if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
    return String(v);
  };
  const shown = (row: number, col: number): string => {
    const cell = sheet.getCell(row, col);
    return cell.isMerged ? text(Number(cell.master.row), Number(cell.master.col)) : text(row, col);
  };
  const model = sheet.model as unknown as { merges: string[] };
  return { sheet, workbook, text, shown, merges: [...model.merges].sort() };
}

export async function documentXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file('word/document.xml')!.async('string');
}

/** The text of each table row of a docx (cells joined by '|'), one entry per <w:tr>. */
export function docxRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => [...tc[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1])).join('')),
  );
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export const count = (xml: string, re: RegExp) => (xml.match(re) ?? []).length;
