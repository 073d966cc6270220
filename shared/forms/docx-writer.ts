// Renders form layouts to a .docx document (one section per layout) with docx. Runs in Node and the browser.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeightRule,
  Packer,
  PageOrientation,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type IBorderOptions,
  type ISectionOptions,
} from 'docx';
import {
  DEFAULT_BODY_FONT,
  DEFAULT_MARGINS_MM,
  asList,
  resolveAll,
  resolveFonts,
  type ColumnSpec,
  type Fonts,
  type FormLayout,
  type FormLine,
  type Grid,
  type HAlign,
  type PlacedCell,
  type WriteResult,
  type WriterOptions,
} from './layout';
import { cellAlign, cellText, wrappedLineCount } from './measure';
import { xmlSafeText } from './xml-text';

/** Latin font for digits and letters, beside the East Asian body font. */
export const LATIN_FONT = 'Times New Roman';
/** Portrait page sizes in twips. */
const PAPER_TWIPS: Record<FormLayout['page']['paper'], { width: number; height: number }> = {
  A4: { width: 11906, height: 16838 },
  A3: { width: 16838, height: 23811 },
};
const TWIPS_PER_MM = 1440 / 25.4;
/** One Excel width unit (7 px) in points: the layout's column widths are in these units. */
const UNIT_PT = 5.25;
const MIN_BODY_SIZE = 9;
const MAX_BODY_SIZE = 10.5;
/** Cell padding left and right, in twips (0.75 mm): narrow, as official forms are dense. */
const CELL_MARGIN = 43;
/** The Excel body size: Word's page should look like Excel's print, scaled alike. */
const EXCEL_BODY_SIZE = 10;

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** Renders each layout as a section of one document; returns the .docx bytes, or the layouts' problems. */
export async function writeDocx(
  layouts: FormLayout | readonly FormLayout[],
  options: WriterOptions = {},
): Promise<WriteResult> {
  const list = asList(layouts);
  const resolved = resolveAll(list);
  if (!resolved.ok) return resolved;
  const fits = list.map(fitColumns);
  const fonts = list.map((layout, i) => sectionFonts(layout, fits[i].scale));
  // the first form's body font and size become the document default, so its cells' runs need no properties
  const defaults: BodyDefaults = { font: fonts[0]?.body ?? DEFAULT_BODY_FONT, halfPoints: Math.round((fonts[0]?.bodySize ?? 10.5) * 2) };
  const doc = new Document({
    creator: xmlSafeText(options.creator ?? ''),
    styles: {
      default: {
        document: {
          run: { font: runFonts(defaults.font), size: defaults.halfPoints },
          paragraph: { spacing: { before: 0, after: 0, line: 240 } },
        },
      },
    },
    sections: list.map((layout, i) => renderSection(layout, resolved.grids[i], fits[i].widths, fonts[i], defaults)),
  });
  const bytes = await Packer.pack(doc, 'uint8array');
  return { ok: true, bytes };
}

/** Text width of the page in twips. */
function textWidthTwips(layout: FormLayout): number {
  const paper = PAPER_TWIPS[layout.page.paper];
  const width = layout.page.orientation === 'landscape' ? paper.height : paper.width;
  const m = layout.page.marginsMm ?? DEFAULT_MARGINS_MM;
  return Math.floor(width - (m.left + m.right) * TWIPS_PER_MM);
}

/**
 * Column widths in twips, scaled so the table fills the text width exactly. The scale also picks the body size when
 * the layout sets none: Excel's 10 pt times the scale, in half points, kept within 9–10.5 pt. Below a scale of 0.9
 * text wraps more than in Excel; a template for a wide form keeps its widths within the page or sets a size.
 */
export function fitColumns(layout: FormLayout): { widths: number[]; scale: number } {
  const total = layout.columns.reduce((s, c) => s + c.width, 0);
  const text = textWidthTwips(layout);
  const scale = text / (total * UNIT_PT * 20);
  const widths = layout.columns.map((c) => Math.floor((c.width / total) * text));
  widths[widths.length - 1] += text - widths.reduce((s, w) => s + w, 0);
  return { widths, scale };
}

/** The layout's fonts; the body size, where it sets none, fitted to the scale of its columns (see fitColumns). */
function sectionFonts(layout: FormLayout, scale: number): Fonts {
  const fitted = Math.floor(EXCEL_BODY_SIZE * scale * 2) / 2;
  return resolveFonts(layout.font, Math.min(MAX_BODY_SIZE, Math.max(MIN_BODY_SIZE, fitted)));
}

function renderSection(layout: FormLayout, grid: Grid, widths: readonly number[], fonts: Fonts, defaults: BodyDefaults): ISectionOptions {
  const paper = PAPER_TWIPS[layout.page.paper];
  const m = layout.page.marginsMm ?? DEFAULT_MARGINS_MM;
  const textWidth = textWidthTwips(layout);
  return {
    properties: {
      page: {
        // docx swaps width and height for landscape itself
        size: {
          width: paper.width,
          height: paper.height,
          orientation: layout.page.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: {
          top: Math.round(m.top * TWIPS_PER_MM),
          bottom: Math.round(m.bottom * TWIPS_PER_MM),
          left: Math.round(m.left * TWIPS_PER_MM),
          right: Math.round(m.right * TWIPS_PER_MM),
          header: Math.round(Math.min(8, m.top / 2) * TWIPS_PER_MM),
          footer: Math.round(Math.min(8, m.bottom / 2) * TWIPS_PER_MM),
        },
      },
    },
    headers: layout.pageHeader ? { default: pageHeader(layout.pageHeader, fonts) } : undefined,
    children: [
      ...layout.headerLines.map((line) => lineParagraph(line, fonts, textWidth, 'header')),
      renderTable(layout, grid, widths, fonts, defaults),
      ...(layout.footerLines ?? []).map((line) => lineParagraph(line, fonts, textWidth, 'footer')),
    ],
  };
}

/** The line at the top of every page of the section, centred and bold in the title font, at the body size. */
function pageHeader(text: string, fonts: Fonts): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text.replace(/\s+/g, ' '), fonts.title, fonts.bodySize, true)] })],
  });
}

/** A run's fonts: the Latin font for digits and letters, the given one for Chinese. */
function runFonts(eastAsia: string) {
  return { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT, eastAsia };
}

function run(text: string, font: string, sizePt: number, bold: boolean): TextRun {
  return new TextRun({
    text: xmlSafeText(text),
    bold: bold || undefined,
    size: Math.round(sizePt * 2),
    font: runFonts(font),
  });
}

function lineParagraph(line: FormLine, fonts: Fonts, textWidth: number, where: 'header' | 'footer'): Paragraph {
  const size = fonts.bodySize + 1;
  const spacing = where === 'footer' ? { before: 120, after: 0 } : { before: 0, after: 120 };
  switch (line.kind) {
    case 'formNumber':
      return new Paragraph({ spacing, children: [run(line.text, fonts.title, fonts.bodySize + 2, false)] });
    case 'title':
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 120, after: 240 },
        children: [run(line.text, fonts.title, fonts.titleSize, true)],
      });
    case 'text':
      return new Paragraph({
        alignment: ALIGN[line.align ?? 'left'],
        spacing,
        children: [run(line.text, fonts.body, size, line.bold ?? false)],
      });
    case 'fields': {
      const parts: string[] = [line.left ?? ''];
      const tabStops: { type: (typeof TabStopType)[keyof typeof TabStopType]; position: number }[] = [];
      if (line.center) {
        tabStops.push({ type: TabStopType.CENTER, position: Math.floor(textWidth / 2) });
        parts.push(line.center);
      }
      if (line.right) {
        tabStops.push({ type: TabStopType.RIGHT, position: textWidth });
        parts.push(line.right);
      }
      const children: (string | Tab)[] = [];
      parts.forEach((p, i) => {
        if (i > 0) children.push(new Tab());
        children.push(xmlSafeText(p));
      });
      return new Paragraph({
        spacing,
        tabStops,
        children: [
          new TextRun({
            children,
            size: Math.round(size * 2),
            font: runFonts(fonts.body),
          }),
        ],
      });
    }
  }
}

/** A table cell's run: the body font and size are the document's defaults, so a run states only what differs —
 * tens of thousands of cells each repeating four font names made Word files several times larger and slower. */
function bodyRun(text: string, fonts: Fonts, defaults: BodyDefaults, bold: boolean): TextRun {
  const size = Math.round(fonts.bodySize * 2);
  return new TextRun({
    text,
    bold: bold || undefined,
    size: size === defaults.halfPoints ? undefined : size,
    font: fonts.body === defaults.font ? undefined : runFonts(fonts.body),
  });
}

function cellParagraphs(text: string, align: HAlign, fonts: Fonts, defaults: BodyDefaults, bold: boolean): Paragraph[] {
  return text.split(/\r?\n/).map(
    (line) =>
      new Paragraph({
        alignment: align === 'left' ? undefined : ALIGN[align],
        children: line === '' ? [] : [bodyRun(line, fonts, defaults, bold)],
      }),
  );
}

function spanWidth(widths: readonly number[], col: number, span: number): number {
  let w = 0;
  for (let i = col; i < col + span; i++) w += widths[i];
  return w;
}

function startCell(p: PlacedCell, column: ColumnSpec | undefined, text: string, width: number, fonts: Fonts, defaults: BodyDefaults): TableCell {
  return new TableCell({
    children: cellParagraphs(text, cellAlign(p.cell, column, p.header), fonts, defaults, p.bold),
    width: { size: width, type: WidthType.DXA },
    columnSpan: p.colSpan > 1 ? p.colSpan : undefined,
    verticalMerge: p.rowSpan > 1 ? VerticalMergeType.RESTART : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
  });
}

/** The cell Word needs at a position a cell above covers: same width and span, vMerge continue, no text. */
function continueCell(p: PlacedCell, widths: readonly number[]): TableCell {
  return new TableCell({
    children: [new Paragraph({})],
    width: { size: spanWidth(widths, p.col, p.colSpan), type: WidthType.DXA },
    columnSpan: p.colSpan > 1 ? p.colSpan : undefined,
    verticalMerge: VerticalMergeType.CONTINUE,
    verticalAlign: VerticalAlignTable.CENTER,
  });
}

/** Text height of the page in points. */
function textHeightPt(layout: FormLayout): number {
  const paper = PAPER_TWIPS[layout.page.paper];
  const height = layout.page.orientation === 'landscape' ? paper.width : paper.height;
  const m = layout.page.marginsMm ?? DEFAULT_MARGINS_MM;
  return (height - (m.top + m.bottom) * TWIPS_PER_MM) / 20;
}

/** The run properties every body run inherits from the document's default style. */
interface BodyDefaults {
  font: string;
  halfPoints: number;
}

function renderTable(layout: FormLayout, grid: Grid, widths: readonly number[], fonts: Fonts, defaults: BodyDefaults): Table {
  const repeat = layout.page.repeatHeaderRows ?? true;
  // rows stay whole on a page (no stray line of a row at the top of the next), except rows so tall that Word
  // would have to clip them
  const keepWhole = textHeightPt(layout) / 2;
  const rows = grid.owner.map((line, r) => {
    const header = r < grid.headerRowCount;
    const cells: TableCell[] = [];
    // lines of the tallest body cell lying wholly in this row, to estimate its height (Word's own layout decides the
    // real one): measured in the same pass that writes the cells, so each cell's text is worked out once
    let lines = 1;
    for (let c = 0; c < grid.columnCount; ) {
      const p = line[c];
      if (p.row === r) {
        const column = layout.columns[p.col];
        const text = xmlSafeText(cellText(p.cell, column));
        const width = spanWidth(widths, p.col, p.colSpan);
        cells.push(startCell(p, column, text, width, fonts, defaults));
        if (!header && p.rowSpan === 1) {
          const widthPt = (width - 2 * CELL_MARGIN) / 20;
          lines = Math.max(lines, wrappedLineCount(text, widthPt / (fonts.bodySize / 2)));
        }
      } else {
        cells.push(continueCell(p, widths));
      }
      c += p.colSpan;
    }
    // at least a line and a little air, as the Excel rows get
    const minHeight = Math.max(layout.rows[r].minHeight ?? 0, fonts.bodySize * 1.5 + 3);
    return new TableRow({
      children: cells,
      tableHeader: header && repeat ? true : undefined,
      cantSplit: header || lines * fonts.bodySize * 1.3 < keepWhole ? true : undefined,
      height: { value: Math.round(minHeight * 20), rule: HeightRule.ATLEAST },
    });
  });
  return new Table({
    rows,
    columnWidths: [...widths],
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 20, bottom: 20 },
    borders: {
      top: LINE,
      bottom: LINE,
      left: LINE,
      right: LINE,
      insideHorizontal: LINE,
      insideVertical: LINE,
    },
  });
}
