// What a cell shows, and how much room its text takes: display width (a CJK character counts two) and the number
// of lines it wraps to. The Excel writer needs the line count because Excel does not grow rows of library-written
// files; the Word writer needs the shown text.
import Decimal from 'decimal.js';
import type { Cell, CellKind, ColumnSpec, HAlign } from './layout';

/** East Asian wide and full-width characters, plus the ambiguous ones a Chinese font draws full width (“”…—≥①□). */
const WIDE =
  /[\u1100-\u115F\u2010-\u2027\u2030-\u205E\u2100-\u2BFF\u2E80-\u303E\u3040-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F000}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;

/** What measuring needs of each BMP character, filled as characters are met (0: not yet), so the full class runs once
 * per character rather than at every occurrence: its width (bits 0–1), whether it may not start a line (closing marks
 * stay with the character before them), may not end one (opening marks go with what follows), is a space, or starts a
 * surrogate pair. One table, read once per character by the line filler. */
const KIND = new Uint8Array(0x10000);
const WIDE_PLAIN = 2;
const CLOSING = 4;
const OPENING = 8;
const SPACE = 16;
const HIGH_SURROGATE = 32;
const CLOSING_MARKS = '，。、；：？！）》」』】〕”’％%,.;:?!)]}';
const OPENING_MARKS = '（《「『【〔“‘([{';

function kindOf(code: number): number {
  const ch = String.fromCharCode(code);
  let k = code < 0x1100 ? 1 : code >= 0x4e00 && code <= 0x9fff ? 2 : WIDE.test(ch) ? 2 : 1;
  if (CLOSING_MARKS.includes(ch)) k |= CLOSING;
  if (OPENING_MARKS.includes(ch)) k |= OPENING;
  if (code === 32 || code === 9) k |= SPACE;
  if (code >= 0xd800 && code <= 0xdbff) k |= HIGH_SURROGATE;
  return (KIND[code] = k);
}

export function charWidth(ch: string): 1 | 2 {
  if (ch.length !== 1) return WIDE.test(ch) ? 2 : 1;
  return bmpWidth(ch.charCodeAt(0));
}

/** Width of the BMP character with this code; by code, so that measuring makes no one-character strings. */
function bmpWidth(code: number): 1 | 2 {
  // fast paths for the bulk of form text (ASCII and the CJK ideographs)
  if (code < 0x1100) return 1;
  if (code >= 0x4e00 && code <= 0x9fff) return 2;
  const k = KIND[code];
  return ((k === 0 ? kindOf(code) : k) & 3) as 1 | 2;
}

/** Width in character units: a digit or Latin letter is 1, a CJK character 2. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** Lines that placing a unit of `width` after `used` units adds to a line of `cap`: none for a space, which may hang
 * past the line's end; a unit wider than a whole line is broken inside, filling lines. */
function linesAdded(used: number, width: number, space: boolean, cap: number): number {
  if (space || used + width <= cap) return 0;
  if (width <= cap) return 1;
  return (used > 0 ? 1 : 0) + Math.ceil(width / cap) - 1;
}

/** Units used on the last line after placing that unit. */
function usedAfter(used: number, width: number, space: boolean, cap: number): number {
  if (used + width <= cap) return used + width;
  if (space) return used;
  if (width <= cap) return width;
  return width - (Math.ceil(width / cap) - 1) * cap;
}

/**
 * Greedy line filling of the paragraph text[from, to). Break units: each wide character alone, Latin words and
 * numbers whole, spaces; closing marks stay with the unit before them, opening marks go with the one after. The last
 * unit is held back ("pending") until the next character shows whether it attaches. All state in locals and one table
 * read per character: the Excel writer measures every cell of a city-wide form, and most of it is ideographs, which
 * take the first branch.
 */
function fillLines(text: string, from: number, to: number, cap: number): number {
  let lines = 1;
  let used = 0;
  let pending = 0;
  let pendingSpace = false;
  let word = 0;
  let opening = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    let k = KIND[code];
    if (k === 0) k = kindOf(code);
    if (k === WIDE_PLAIN && word === 0 && opening === 0) {
      // the bulk of a Chinese text: an ideograph after a whole unit, which is now placed
      lines += linesAdded(used, pending, pendingSpace, cap);
      used = usedAfter(used, pending, pendingSpace, cap);
      pending = 2;
      pendingSpace = false;
      continue;
    }
    let w = k & 3;
    if ((k & HIGH_SURROGATE) !== 0) {
      // a character outside the BMP: measure the pair, never split it
      const low = i + 1 < to ? text.charCodeAt(i + 1) : 0;
      if (low >= 0xdc00 && low <= 0xdfff) {
        w = charWidth(text.slice(i, i + 2));
        i++;
      }
      k = w;
    }
    if ((k & CLOSING) !== 0) {
      if (word > 0 || pending === 0 || pendingSpace || opening > 0) word += w;
      else pending += w;
      continue;
    }
    if (k === 1) {
      word += 1;
      continue;
    }
    // a space, an opening mark or a wide character: the word in progress (with its opening marks) is a whole unit
    if (word > 0) {
      lines += linesAdded(used, pending, pendingSpace, cap);
      used = usedAfter(used, pending, pendingSpace, cap);
      pending = word + opening;
      pendingSpace = false;
      word = 0;
      opening = 0;
    }
    if ((k & OPENING) !== 0) {
      opening += w;
      continue;
    }
    lines += linesAdded(used, pending, pendingSpace, cap);
    used = usedAfter(used, pending, pendingSpace, cap);
    if ((k & SPACE) !== 0) {
      // opening marks before a space have nothing to go with: a unit of their own
      if (opening > 0) {
        lines += linesAdded(used, opening, false, cap);
        used = usedAfter(used, opening, false, cap);
        opening = 0;
      }
      pending = 1;
      pendingSpace = true;
    } else {
      pending = opening + w;
      pendingSpace = false;
      opening = 0;
    }
  }
  if (word > 0 || opening > 0) {
    lines += linesAdded(used, pending, pendingSpace, cap);
    used = usedAfter(used, pending, pendingSpace, cap);
    pending = word + opening;
    pendingSpace = false;
  }
  return lines + linesAdded(used, pending, pendingSpace, cap);
}

/**
 * Lines a text takes when wrapped greedily into `capacity` character units; every "\n" starts a new line. Break units:
 * each CJK character alone (closing punctuation stays with the character before it, opening punctuation goes with
 * the one after), Latin words and numbers whole, spaces. Counted in one pass over the text without building tokens
 * or splitting it: the Excel writer measures every cell of a city-wide form.
 */
export function wrappedLineCount(text: string, capacity: number): number {
  const cap = Math.max(1, capacity);
  let total = 0;
  for (let from = 0; ; ) {
    const nl = text.indexOf('\n', from);
    const end = nl < 0 ? text.length : nl;
    // paragraphs end at "\n" or "\r\n"
    const to = end > from && text.charCodeAt(end - 1) === 13 && nl >= 0 ? end - 1 : end;
    // nothing in a paragraph can be wider than two units a character: a short one is one line, unmeasured
    total += (to - from) * 2 <= cap ? 1 : fillLines(text, from, to, cap);
    if (nl < 0) return total;
    from = nl + 1;
  }
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

/**
 * A ratio as percent digits with `places` decimals ("0.9974" → "99.74") by moving the decimal point in its shortest
 * form, when no rounding is needed — rates are stored rounded to the places shown; otherwise undefined.
 */
function percentDigits(value: number, places: number): string | undefined {
  const plain = String(value);
  if (plain.includes('e') || Object.is(value, -0)) return undefined;
  const sign = value < 0 ? '-' : '';
  const [int, frac = ''] = (sign ? plain.slice(1) : plain).split('.');
  if (frac.length - 2 > places) return undefined;
  const whole = (int + frac.slice(0, 2).padEnd(2, '0')).replace(/^0+(?=\d)/, '');
  const rest = frac.slice(2).padEnd(places, '0');
  return places > 0 ? `${sign}${whole}.${rest}` : `${sign}${whole}`;
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
  if (kind === 'percent') {
    const shown = percentDigits(value, decimals ?? 2);
    if (shown !== undefined) return `${shown}%`;
    return `${new Decimal(value).mul(100).toFixed(decimals ?? 2, Decimal.ROUND_HALF_UP)}%`;
  }
  const d = new Decimal(value);
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
