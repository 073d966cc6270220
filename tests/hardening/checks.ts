// The probe's judges: is a message Chinese, does an exported file read back, does a database hold what it should.
// Each returns what is wrong (empty or null when all is well), so the probe can collect and count failures.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

/**
 * Words English parsers, validators and the JavaScript engine put into their messages. A user-facing message must not
 * hold any of them outside the user data it quotes; JSON-schema type and keyword names count ("应当是 integer 类型",
 * "数据应为 anyOf 所指定的其中一个" are the validator's English, not Chinese). Field names of the format (name, unitId …)
 * and "JSON" are allowed: the messages point at fields by path by design.
 */
const ENGLISH_PARSER_WORDS = [
  'must', 'should', 'property', 'properties', 'undefined', 'NaN', 'Infinity', 'null', 'TypeError', 'RangeError', 'SyntaxError',
  'ReferenceError', 'Error', 'Unexpected', 'token', 'position', 'cannot', 'invalid', 'expected', 'object', 'array', 'string', 'number',
  'integer', 'boolean', 'anyOf', 'oneOf', 'allOf', 'schema', 'keyword', 'function', 'const', 'enum',
];
const ENGLISH_WORD = new RegExp(`(?<![A-Za-z])(${ENGLISH_PARSER_WORDS.join('|')})(?![A-Za-z])`, 'i');
/** never user data (the probe's packages never contain them), so wrong even inside quotes: a value printed by String() */
const JS_LEAKS = /\[object |undefined/;
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/;

/**
 * Why a user-facing message is not acceptable Chinese, or null. The rule: take out the user data it quotes in “…” and
 * the JSON paths it points with (/projects/0/funding/other); what is left must hold a CJK character and none of
 * ENGLISH_PARSER_WORDS; and nowhere, quotes included, may it show JavaScript's "[object …]" or "undefined".
 */
export function messageProblem(message: unknown): string | null {
  if (typeof message !== 'string') return `not a string: ${String(message)}`;
  if (JS_LEAKS.test(message)) return `shows JavaScript text (${JS_LEAKS.exec(message)?.[0].trim()})`;
  const bare = message.replace(/“[^”]*”/g, '“”').replace(/(?<![A-Za-z0-9])\/[^\s：；，。“”（）]*/g, '');
  if (!CJK.test(bare)) return 'no Chinese';
  const english = ENGLISH_WORD.exec(bare);
  return english ? `English parser word “${english[1]}”` : null;
}

/** Parses XML bytes as Word and Excel would: strict UTF-8, then XML 1.0 well-formedness (characters included). */
export function xmlProblem(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'not valid UTF-8';
  }
  let error: string | null = null;
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.write(text).close();
  return error;
}

/** Every XML part of a zip package must parse. */
async function zipProblems(bytes: Uint8Array): Promise<{ zip: JSZip | null; problems: string[] }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    return { zip: null, problems: [`not a zip: ${(e as Error).message}`] };
  }
  const problems: string[] = [];
  for (const name of Object.keys(zip.files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const problem = xmlProblem(await zip.file(name)!.async('uint8array'));
    if (problem) problems.push(`${name}: ${problem}`);
  }
  return { zip, problems };
}

/** Texts a form must never show unless the package itself holds them: JavaScript's renderings of broken values. */
export const JUNK_TOKENS = ['NaN', 'undefined', '[object', 'Infinity'];

function junkIn(text: string, allowed: ReadonlySet<string>): string | null {
  for (const token of JUNK_TOKENS) if (!allowed.has(token) && text.includes(token)) return token;
  return null;
}

/** Excel's rules for a sheet name; a workbook that breaks one opens only after Excel "repairs" it. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return 'empty';
  if (name.length > 31) return 'longer than 31 characters';
  if (/[[\]:*?/\\]/.test(name)) return 'holds one of []:*?/\\';
  if (name.startsWith("'") || name.endsWith("'")) return 'begins or ends with an apostrophe';
  if (name.toLowerCase() === 'history') return 'is the name Excel reserves (History)';
  return null;
}

/** Excel's limit on the text of one cell. */
export const EXCEL_CELL_LIMIT = 32_767;

export interface ReadBackResult {
  /** the file does not open: not a zip, XML not well-formed, exceljs cannot load it */
  unreadable: string[];
  /** opens here but breaks a rule Excel enforces (sheet names, cell length) */
  excelLimits: string[];
  /** a formula where text was written, or junk like "NaN" in a cell */
  content: string[];
}

/** Reads an .xlsx back: every XML part, the workbook through exceljs, sheet names, every cell. */
export async function readBackXlsx(bytes: Uint8Array, allowedJunk: ReadonlySet<string> = new Set()): Promise<ReadBackResult> {
  const result: ReadBackResult = { unreadable: [], excelLimits: [], content: [] };
  const { zip, problems } = await zipProblems(bytes);
  result.unreadable.push(...problems);
  if (!zip) return result;
  const workbookXml = zip.file('xl/workbook.xml');
  if (!workbookXml) {
    result.unreadable.push('no xl/workbook.xml');
    return result;
  }
  const names: string[] = [];
  const parser = new SaxesParser();
  parser.on('error', () => undefined);
  parser.on('opentag', (tag) => {
    if (tag.name === 'sheet') names.push(String(tag.attributes.name ?? ''));
  });
  parser.write(await workbookXml.async('string')).close();
  const seen = new Set<string>();
  for (const name of names) {
    const problem = sheetNameProblem(name);
    if (problem) result.excelLimits.push(`sheet name ${JSON.stringify(name)} ${problem}`);
    if (seen.has(name.toLowerCase())) result.excelLimits.push(`sheet name ${JSON.stringify(name)} twice (ignoring case)`);
    seen.add(name.toLowerCase());
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    result.unreadable.push(`exceljs cannot load it: ${(e as Error).message}`);
    return result;
  }
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const where = `${sheet.name}!${cell.address}`;
        if (cell.type === ExcelJS.ValueType.Formula || cell.formula) result.content.push(`${where} holds a formula: ${cell.formula}`);
        const v = cell.value;
        if (typeof v === 'number' && !Number.isFinite(v)) result.content.push(`${where} holds the number ${v}`);
        const text = typeof v === 'string' ? v : v && typeof v === 'object' && 'richText' in v ? v.richText.map((t) => t.text).join('') : '';
        if (text.length > EXCEL_CELL_LIMIT) result.excelLimits.push(`${where} holds ${text.length} characters (Excel keeps ${EXCEL_CELL_LIMIT})`);
        const junk = junkIn(text, allowedJunk);
        if (junk) result.content.push(`${where} shows “${junk}”`);
      });
    });
  }
  return result;
}

/** Reads a .docx back: every XML part, then the texts of word/document.xml. */
export async function readBackDocx(bytes: Uint8Array, allowedJunk: ReadonlySet<string> = new Set()): Promise<ReadBackResult> {
  const result: ReadBackResult = { unreadable: [], excelLimits: [], content: [] };
  const { zip, problems } = await zipProblems(bytes);
  result.unreadable.push(...problems);
  if (!zip) return result;
  const document = zip.file('word/document.xml');
  if (!document) {
    result.unreadable.push('no word/document.xml');
    return result;
  }
  if (problems.length > 0) return result;
  const texts: string[] = [];
  let inText = false;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    inText = tag.name === 'w:t';
  });
  parser.on('closetag', () => {
    inText = false;
  });
  parser.on('text', (t) => {
    if (inText) texts.push(t);
  });
  parser.write(await document.async('string')).close();
  const junk = junkIn(texts.join('\n'), allowedJunk);
  if (junk) result.content.push(`the document shows “${junk}”`);
  return result;
}

/** Why a suggested file name cannot be saved on Windows (or anywhere), or null. */
export function fileNameProblem(name: string): string | null {
  if (name.length > 255) return `${name.length} characters long (file systems keep 255)`;
  if (/[\u0000-\u001f]/.test(name)) return 'holds a control character';
  if (/[\\/:*?"<>|]/.test(name)) return 'holds one of \\/:*?"<>|';
  if (/[. ]$/.test(name.replace(/\.(docx|xlsx)$/, ''))) return 'ends with a dot or a space before the extension';
  return null;
}

/** A canonical text of a value: keys sorted, undefined members dropped, own "__proto__" keys kept. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return `#${String(value)}`;
  return JSON.stringify(value) ?? 'undefined';
}
