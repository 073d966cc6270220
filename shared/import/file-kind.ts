// What kind of file the bytes are, before anything tries to read them: .xlsx and .docx are zip packages; an old .xls
// or .doc, and an .xlsx or .docx with an opening password, are OLE compound files; anything else is not an Office
// document. The bytes are only looked at, never changed.
import JSZip from 'jszip';
import { importMessages as m } from './import-messages';

/** The largest file read: a real form is well under 5 MB (the bench city's F5, 2,000 projects, is under 1 MB). */
export const MAX_FILE_MIB = 20;
export const MAX_FILE_BYTES = MAX_FILE_MIB * 1024 * 1024;
/** What the parts of a package may unpack to, together: a zip bomb is refused before it is inflated. */
export const MAX_UNPACKED_MIB = 400;

const ZIP = [0x50, 0x4b];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type Sniffed = { ok: true; kind: 'xlsx' | 'docx'; zip: JSZip } | { ok: false; message: string };

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** The total a zip's entries claim to unpack to (JSZip keeps the central directory's sizes on each entry). */
function unpackedBytes(zip: JSZip): number {
  let total = 0;
  zip.forEach((_, entry) => {
    const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
    if (typeof size === 'number' && Number.isFinite(size)) total += size;
  });
  return total;
}

/** Whether the bytes are an .xlsx or a .docx, or a Chinese message saying what they are instead. */
export async function sniffFile(bytes: Uint8Array, fileName = ''): Promise<Sniffed> {
  if (bytes.length === 0) return { ok: false, message: m.emptyFile };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, message: m.tooLarge((bytes.length / 1024 / 1024).toFixed(1), MAX_FILE_MIB) };
  if (startsWith(bytes, OLE)) return { ok: false, message: /\.(doc|docx|wps)$/i.test(fileName) ? m.oleWord : m.oleExcel };
  if (!startsWith(bytes, ZIP)) return { ok: false, message: m.notOffice };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    return { ok: false, message: m.corrupt(e instanceof Error ? e.message : String(e)) };
  }
  if (unpackedBytes(zip) > MAX_UNPACKED_MIB * 1024 * 1024) return { ok: false, message: m.unpackedTooLarge(MAX_UNPACKED_MIB) };
  if (zip.file('xl/workbook.xml')) return { ok: true, kind: 'xlsx', zip };
  if (zip.file('word/document.xml')) return { ok: true, kind: 'docx', zip };
  return { ok: false, message: m.otherZip };
}
