// Small helpers for label/value forms built cell by cell.
import type { Cell, CellValue, FormLayout, FormLine, Row } from '../shared/forms/layout';
import { shortLabel } from '../shared/indicator-text';
import { OUTCOME_LABELS } from '../shared/messages';
import type { Fen, Indicator, IndicatorResult } from '../shared/model';
import { fenToNumber } from '../shared/money';
import { groupIndicators, type IndicatorScheme } from '../shared/schemes';
import type { Level1Total } from '../shared/scoring';
import { templateMessages as m } from './template-messages';

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
 * Indicator rows grouped 一级 → 二级 (shared/schemes.ts groupIndicators: each level once, in the scheme's order or,
 * with `order: 'data'`, in the order first met), the group cells merged down their rows; `rest` gives each row's
 * remaining cells. `lead` cells (e.g. the block's label) go first in the first row; `level1Text` words a 一级's cell
 * from its label and code.
 */
export function groupedIndicatorRows(
  indicators: readonly Indicator[],
  scheme: IndicatorScheme,
  rest: (ind: Indicator) => Cell[],
  options: { short?: boolean; lead?: Cell[]; order?: 'scheme' | 'data'; level1Text?: (label: string, code: string) => string } = {},
): Row[] {
  const name = (text: string) => (options.short ? shortLabel(text) : text);
  const rows: Row[] = [];
  for (const g1 of groupIndicators(scheme, indicators, options.order)) {
    const items1 = g1.groups.flatMap((g2) => g2.items);
    const text1 = name(g1.def?.label ?? g1.code);
    g1.groups.forEach((g2, j) =>
      g2.items.forEach((ind, k) => {
        const cells: Cell[] = rows.length === 0 && options.lead ? [...options.lead] : [];
        if (j === 0 && k === 0) cells.push(label(options.level1Text ? options.level1Text(text1, g1.code) : text1, spanRows(items1.length)));
        if (k === 0) cells.push(label(name(g2.def?.label ?? g2.code), spanRows(g2.items.length)));
        rows.push({ cells: [...cells, ...rest(ind)] });
      }),
    );
  }
  return rows;
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

/** 实际完成值 as the forms print it: a plain number with the indicator's unit ("85" → "85%", "240" → "240人"), any
 * other text as typed; a 定性 outcome picked without words, by the outcome's name; 不适用 as such. */
export function actualText(ind: Indicator, result: IndicatorResult | undefined): string {
  if (result?.notApplicable) return m.notApplicable;
  const actual = result?.actual.trim() ?? '';
  if (actual === '') return result?.outcome !== undefined ? OUTCOME_LABELS[result.outcome] : '';
  return ind.direction !== '定性' && PLAIN_NUMBER.test(actual) ? actual + ind.unit.trim() : actual;
}

const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;

/**
 * 一级 cells with their 分值 as the scoring totals them ("产出指标\n（50分）"), the label alone for a 一级 without
 * points. The line break keeps the bracket whole in a narrow column.
 */
export function level1WithPoints(totals: readonly Level1Total[]): (label: string, code: string) => string {
  return (text, code) => {
    const points = totals.find((t) => t.code === code)?.maxScore;
    return points === undefined ? text : `${text}\n（${points}分）`;
  };
}

/**
 * The layout as a draft (草稿版) prints it (domain.md §6): "（草稿）" closes every title line, and the marked title
 * (or 草稿 alone, for a form without a title) heads every printed page, so the pages of a long table after the first,
 * which do not repeat the title, are marked as well.
 */
export function draftMarked(layout: FormLayout): FormLayout {
  const title = layout.headerLines.find((line): line is Extract<FormLine, { kind: 'title' }> => line.kind === 'title');
  return {
    ...layout,
    headerLines: layout.headerLines.map((line) => (line.kind === 'title' ? { ...line, text: line.text + m.draftMark } : line)),
    pageHeader: title ? title.text + m.draftMark : m.draftWord,
  };
}

/** "渝北区" from "重庆市渝北区工商业联合会": the district some titles name. */
export function districtOf(unitName: string): string {
  const m = /(?:省|市|州)([^省市州]{1,6}?[区县旗])/.exec(unitName);
  return m ? m[1] : '';
}
