// Small helpers for label/value forms built cell by cell.
import type { Cell, CellValue, FormLine, Row } from '../shared/forms/layout';
import { level1Label, level2Label, shortLabel } from '../shared/indicator-text';
import type { Fen, Indicator, Unit } from '../shared/model';
import { fenToNumber } from '../shared/money';
import { DEFAULT_SCHEME_ID, getScheme, SCHEME_A, type IndicatorScheme } from '../shared/schemes';

export const c = (value: CellValue, more: Omit<Cell, 'value'> = {}): Cell => ({ value, ...more });
/** A label cell: centred, as the published forms set their field names. */
export const label = (value: string, more: Omit<Cell, 'value'> = {}): Cell => ({ value, align: 'center', ...more });
export const row = (...cells: Cell[]): Row => ({ cells });
/** A cell merged down `n` rows; no span at all for one row. */
export const spanRows = (n: number): Omit<Cell, 'value'> => (n > 1 ? { rowSpan: n } : {});
/** An amount in 元 as the yubei forms print it: two decimals with thousands separators, right-aligned. */
export const yuan = (fen: Fen, more: Omit<Cell, 'value'> = {}): Cell =>
  c(fenToNumber(fen, '元'), { kind: 'money', thousands: true, align: 'right', ...more });

/** The "附件2-3：" line at the top left, when the request gives a form number. */
export function formNumberLine(formNumber: string | undefined): FormLine[] {
  return formNumber ? [{ kind: 'formNumber', text: formNumber }] : [];
}

/**
 * Indicator rows grouped by 一级 then 二级 in data order, with the group cells merged down their runs; `rest` gives
 * each row's remaining cells. `lead` cells (e.g. the block's label) go first in the first row.
 */
export function groupedIndicatorRows(
  indicators: readonly Indicator[],
  scheme: IndicatorScheme,
  rest: (ind: Indicator, index: number) => Cell[],
  options: { short?: boolean; lead?: Cell[] } = {},
): Row[] {
  const name1 = (code: string) => (options.short ? shortLabel(level1Label(scheme, code)) : level1Label(scheme, code));
  const name2 = (code: string) => (options.short ? shortLabel(level2Label(scheme, code)) : level2Label(scheme, code));
  const runLength = (from: number, same: (i: Indicator) => boolean) => {
    let n = 0;
    while (from + n < indicators.length && same(indicators[from + n])) n++;
    return n;
  };
  return indicators.map((ind, i) => {
    const cells: Cell[] = i === 0 && options.lead ? [...options.lead] : [];
    const prev = indicators[i - 1];
    if (!prev || prev.level1 !== ind.level1) {
      cells.push(label(name1(ind.level1), spanRows(runLength(i, (x) => x.level1 === ind.level1))));
    }
    if (!prev || prev.level1 !== ind.level1 || prev.level2 !== ind.level2) {
      cells.push(label(name2(ind.level2), spanRows(runLength(i, (x) => x.level1 === ind.level1 && x.level2 === ind.level2))));
    }
    return { cells: [...cells, ...rest(ind, i)] };
  });
}

/**
 * A long text under one label as one row per paragraph, the label merged down beside them: a spreadsheet row cannot
 * break across printed pages, so a several-paragraph goal in one row would push the whole row to the next page.
 */
export function paragraphRows(title: string, text: string, colSpan: number): Row[] {
  const paragraphs = text
    .split(/\n+/)
    .filter((p) => p.trim() !== '')
    .flatMap(splitLongParagraph);
  if (paragraphs.length <= 1) return [row(label(title), c(text, { colSpan }))];
  return paragraphs.map((p, i) =>
    i === 0 ? row(label(title, { rowSpan: paragraphs.length }), c(p, { colSpan })) : row(c(p, { colSpan })),
  );
}

/** Characters of one row's text that still print within Excel's 409-point row at the forms' widths (about 25 lines). */
const ROW_TEXT_LIMIT = 600;

/** A paragraph too long for one spreadsheet row, cut after sentence ends ("。；") into pieces that fit. */
function splitLongParagraph(paragraph: string): string[] {
  if (paragraph.length <= ROW_TEXT_LIMIT) return [paragraph];
  const sentences = paragraph.match(/[^。；;]+[。；;]?/g) ?? [paragraph];
  const pieces: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if (current !== '' && current.length + sentence.length > ROW_TEXT_LIMIT) {
      pieces.push(current);
      current = '';
    }
    current += sentence;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** The unit's indicator scheme, or the default one when its id is unknown (a package from a newer version). */
export function schemeOf(unit: Unit): IndicatorScheme {
  return getScheme(unit.schemeId) ?? getScheme(DEFAULT_SCHEME_ID) ?? SCHEME_A;
}

/** "渝北区" from "重庆市渝北区工商业联合会": the district some titles name. */
export function districtOf(unitName: string): string {
  const m = /(?:省|市|州)([^省市州]{1,6}?[区县旗])/.exec(unitName);
  return m ? m[1] : '';
}
