// Every XML part of an Office file, parsed as strictly as Word and Excel do: saxes (the XML parser exceljs loads
// workbooks with) enforces XML 1.0 in full, the characters it allows included.
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

/** The first well-formedness error of each XML part, as "part: message"; empty when every part is sound. */
export async function xmlPartErrors(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((name) => /\.(xml|rels)$/.test(name));
  expect(names.length).toBeGreaterThan(3);
  const errors: string[] = [];
  for (const name of names) {
    const xml = await zip.file(name)!.async('string');
    const parser = new SaxesParser({ xmlns: true });
    let first: string | undefined;
    parser.on('error', (e) => {
      first ??= e.message;
    });
    parser.write(xml).close();
    if (first !== undefined) errors.push(`${name}: ${first}`);
  }
  return errors;
}
