// What a cell shows, and how much room its text takes: display width (a CJK character counts two) and the number
// of lines it wraps to. The Excel writer needs the line count because Excel does not grow rows of library-written
// files; the Word writer needs the shown text.
import Decimal from 'decimal.js';
import type { Cell, CellKind, ColumnSpec, HAlign } from './layout';

/** East Asian wide and full-width characters, plus the ambiguous ones a Chinese font draws full width (“”…—≥①□). */
const WIDE =
  /[\u1100-\u115F\u2010-\u2027\u2030-\u205E\u2100-\u2BFF\u2E80-\u303E\u3040-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F000}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;

export function charWidth(ch: string): 1 | 2 {
  // fast paths for the bulk of form text (ASCII and the CJK ideographs); the full class decides the rest
  const code = ch.charCodeAt(0);
  if (code < 0x1100) return 1;
  if (code >= 0x4e00 && code <= 0x9fff) return 2;
  return WIDE.test(ch) ? 2 : 1;
}

/** Width in character units: a digit or Latin letter is 1, a CJK character 2. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** Line-breaking class of each BMP character: 1 may not start a line (stays with the character before it), 2 may not
 * end a line (goes with the character after it). A table rather than sets: it is read for every character. */
const BREAK_CLASS = new Uint8Array(0x10000);
for (const ch of '，。、；：？！）》」』】〕”’％%,.;:?!)]}') BREAK_CLASS[ch.charCodeAt(0)] = 1;
for (const ch of '（《「『【〔“‘([{') BREAK_CLASS[ch.charCodeAt(0)] = 2;

/**
 * Lines a text takes when wrapped greedily into `capacity` character units; every "\n" starts a new line. Break units:
 * each CJK character alone (closing punctuation stays with the character before it, opening punctuation goes with
 * the one after), Latin words and numbers whole, spaces. Counted in one pass without building tokens: the Excel
 * writer measures every cell of a city-wide form.
 */
export function wrappedLineCount(text: string, capacity: number): number {
  const cap = Math.max(1, capacity);
  let total = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    // nothing in it can be wider than two units a character
    if (paragraph.length * 2 <= cap) {
      total += 1;
      continue;
    }
    let lines = 1;
    let used = 0;
    // the last break unit is placed only when the next character cannot attach to it
    let pending = 0;
    let pendingSpace = false;
    let word = 0;
    let opening = 0;
    const place = (width: number, space: boolean): void => {
      if (space) {
        if (used + width <= cap) used += width;
      } else if (used + width <= cap) {
        used += width;
      } else if (width <= cap) {
        lines++;
        used = width;
      } else {
        // longer than a whole line: it is broken inside, filling lines
        if (used > 0) lines++;
        const extra = Math.ceil(width / cap) - 1;
        lines += extra;
        used = width - extra * cap;
      }
    };
    const push = (width: number, space: boolean): void => {
      if (pending > 0) place(pending, pendingSpace);
      pending = width;
      pendingSpace = space;
    };
    const flushWord = (): void => {
      if (word > 0 || opening > 0) push(word + opening, false);
      word = 0;
      opening = 0;
    };
    for (let i = 0; i < paragraph.length; i++) {
      const code = paragraph.charCodeAt(i);
      let w: 1 | 2;
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < paragraph.length) {
        // a character outside the BMP: measure the pair, never split it
        w = charWidth(paragraph.slice(i, i + 2));
        i++;
      } else {
        w = code < 0x1100 ? 1 : code >= 0x4e00 && code <= 0x9fff ? 2 : charWidth(paragraph[i]);
      }
      const cls = code <= 0xffff ? BREAK_CLASS[code] : 0;
      if (code === 32 || code === 9) {
        flushWord();
        push(1, true);
      } else if (cls === 1) {
        if (word > 0) word += w;
        else if (pending > 0 && !pendingSpace && opening === 0) pending += w;
        else word += w;
      } else if (cls === 2) {
        flushWord();
        opening += w;
      } else if (w === 2) {
        flushWord();
        push(w + opening, false);
        opening = 0;
      } else {
        word += w;
      }
    }
    flushWord();
    if (pending > 0) place(pending, pendingSpace);
    total += lines;
  }
  return total;
}

/** The number style that applies to a cell: the cell's own settings over its column's. */
export function cellStyle(cell: Cell, column: ColumnSpec | undefined): { kind: CellKind; decimals?: number; thousands: boolean } {
  return {
    kind: cell.kind ?? column?.kind ?? 'text',
    decimals: cell.decimals ?? column?.decimals,
    thousands: cell.thousands ?? column?.thousands ?? false,
  };
}

function group(fixed: string): string {
  const [int, frac] = fixed.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = (sign ? int.slice(1) : int).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? `${sign}${digits}` : `${sign}${digits}.${frac}`;
}

/** Rounds half up (on the number's shortest decimal form, so 1.005 → "1.01") and prints. */
export function formatNumber(value: number, kind: CellKind, decimals: number | undefined, thousands: boolean): string {
  if (!Number.isFinite(value)) return '';
  const places = decimals ?? (kind === 'money' ? 2 : undefined);
  if (kind !== 'percent') {
    // most amounts already have no more decimals than shown ("3.8" → "3.80"): pad without the decimal library
    const plain = String(value);
    const dot = plain.indexOf('.');
    const have = dot < 0 ? 0 : plain.length - dot - 1;
    if (!plain.includes('e') && (places === undefined || have <= places)) {
      const fixed = places === undefined || places === 0 ? plain : (dot < 0 ? `${plain}.` : plain) + '0'.repeat(places - have);
      return thousands ? group(fixed) : fixed;
    }
  }
  const d = new Decimal(value);
  if (kind === 'percent') return `${d.mul(100).toFixed(decimals ?? 2, Decimal.ROUND_HALF_UP)}%`;
  const fixed = places === undefined ? d.toFixed() : d.toFixed(places, Decimal.ROUND_HALF_UP);
  return thousands ? group(fixed) : fixed;
}

/** The text a cell shows. Numbers in text cells print as they are. */
export function cellText(cell: Cell, column: ColumnSpec | undefined): string {
  const v = cell.value;
  if (v === null) return '';
  if (typeof v === 'string') return v;
  const s = cellStyle(cell, column);
  return formatNumber(v, s.kind, s.decimals, s.thousands);
}

/** Excel number format for a cell, or undefined for General. */
export function excelNumFmt(cell: Cell, column: ColumnSpec | undefined): string | undefined {
  const s = cellStyle(cell, column);
  const places = s.decimals ?? (s.kind === 'money' || s.kind === 'percent' ? 2 : undefined);
  // plain numbers without fixed decimals stay General, so 4.11 and 240 both print as written
  if (s.kind === 'text' || places === undefined) return undefined;
  const frac = places > 0 ? `.${'0'.repeat(places)}` : '';
  const int = s.thousands ? '#,##0' : '0';
  return s.kind === 'percent' ? `0${frac}%` : `${int}${frac}`;
}

/** Horizontal alignment: the cell's, else header cells centred, else the column's, else numbers right and text left. */
export function cellAlign(cell: Cell, column: ColumnSpec | undefined, header: boolean): HAlign {
  if (cell.align) return cell.align;
  if (header) return 'center';
  if (column?.align) return column.align;
  return typeof cell.value === 'number' && cellStyle(cell, column).kind !== 'text' ? 'right' : 'left';
}
