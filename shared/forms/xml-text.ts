// Text on its way into the XML of a .docx or .xlsx. XML 1.0 allows no C0 control other than tab, line feed and
// carriage return, neither U+FFFE nor U+FFFF, and no UTF-16 surrogate without its partner; Word and Excel call a file
// holding one corrupt. None of them can be typed or printed (they arrive pasted or in a package), so they are dropped.

/** Any character that may need dropping: one class, so the usual text is passed after a single quick scan. */
const SUSPECT = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** What is dropped: the characters above, except surrogates that form a pair (emoji, rare CJK ideographs). */
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without the characters XML 1.0 forbids; the same string when it holds none. */
export function xmlSafeText(text: string): string {
  return SUSPECT.test(text) ? text.replace(FORBIDDEN, '') : text;
}

/** Excel reads "_x0041_" in a cell's text as the escape of "A"; its own escape for the underscore keeps it literal. */
const EXCEL_ESCAPE_LIKE = /_(?=x[0-9A-Fa-f]{4}_)/g;

/** A cell's text for a workbook: XML-safe, and shown by Excel exactly as written. */
export function excelCellText(text: string): string {
  const safe = xmlSafeText(text);
  return safe.includes('_x') ? safe.replace(EXCEL_ESCAPE_LIKE, '_x005F_') : safe;
}
