// Rows copied from Excel or WPS pasted into the indicator tree: the columns are recognised by their header (or by
// position when the rows have none), each row is read by the import's row reader (shared/import/columns.ts, the
// value-text parser splits "≥95%" and "大于7-8次"), 二级 names the unit's scheme does not have are mapped to its
// nearest 二级 as a suggestion; the preview lets the user change the columns and the 二级, and confirming adds the
// rows to the draft as one undoable step. Also the year-end results: values pasted down the 实际完成值 column.
// Only the light parts of shared/import are imported here: the file readers (exceljs) stay out of the editor's code.
import { action, computed, makeObservable, observable, runInAction } from 'mobx';
import {
  fieldsOfHeader,
  mappingKey,
  recogniseColumns,
  rowsToIndicators,
  type ChosenMappings,
  type ColumnMapping,
  type Field,
  type IndicatorDraft as RowDraft,
} from '../../shared/import/columns';
import { importMessages } from '../../shared/import/import-messages';
import { resolveLevels } from '../../shared/import/levels';
import { pastedRows } from '../../shared/import/pasted';
import type { Id, Indicator } from '../../shared/model';
import { findLevel1, findLevel2, type IndicatorScheme } from '../../shared/schemes';
import { parseDirection } from '../../shared/value-text';
import { MI } from '../messages-import';
import { sameFields, type ChosenFields, type ColumnMemory } from './column-memory';
import type { IndicatorDraft } from './indicator-draft';
import type { UndoStore } from './undo-store';

/** The fields a pasted column can hold: the indicator row's. */
export const PASTE_FIELDS = ['level1', 'level2', 'name', 'content', 'direction', 'target', 'unit', 'weight', 'core', 'periodTarget', 'explanation'] as const;
export type PasteField = (typeof PASTE_FIELDS)[number];

const isPasteField = (f: Field | null | undefined): f is PasteField => f != null && (PASTE_FIELDS as readonly string[]).includes(f);

/** Whether pasted text is rows of cells rather than a text for one box: it has a tab or several lines. */
export function looksLikeRows(text: string): boolean {
  return text.includes('\t') || text.replace(/[\r\n]+$/, '').includes('\n');
}

/** Whether pasted text is for the paste preview: rows of cells, more than one cell. */
export function isCellGrid(text: string): boolean {
  if (!looksLikeRows(text)) return false;
  const grid = pastedRows(text);
  return grid.length > 1 || (grid.length === 1 && grid[0].length > 1);
}

/** Whether a pasted first row is a header: two cells name fields, or its only cell does. */
export function isHeaderRow(row: readonly string[]): boolean {
  const named = row.filter((t) => isPasteField(fieldsOfHeader(t)[0])).length;
  const filled = row.filter((t) => t.trim() !== '').length;
  return named >= 2 || (named === 1 && filled === 1);
}

const PROBE = { name: '', unit: '', direction: '≥' as const };

/** Share of a column's filled cells that pass a test (0 for an empty column). */
function share(rows: readonly (readonly string[])[], col: number, test: (t: string) => boolean): number {
  const filled = rows.map((r) => (r[col] ?? '').trim()).filter((t) => t !== '');
  return filled.length === 0 ? 0 : filled.filter(test).length / filled.length;
}

/**
 * Fields by position for rows without a header, in the order the preview lists them (一级, 二级, 名称, 性质, 值, 单位,
 * 权重, 核心, 解释): the level columns only where the first columns hold level names, 性质 only where its column holds
 * 指标性质 marks.
 */
export function positionalFields(rows: readonly (readonly string[])[], scheme: IndicatorScheme): (PasteField | null)[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const isLevel1 = (t: string) => resolveLevels(scheme, t, '', PROBE).how !== 'mapped';
  const isLevel2 = (t: string) => resolveLevels(scheme, '', t, PROBE).how === 'named';
  const order: PasteField[] = [];
  let col = 0;
  if (share(rows, 0, isLevel1) > 0.5) {
    const withLevel2 = share(rows, 1, isLevel2) > 0.5;
    order.push('level1', ...(withLevel2 ? (['level2'] as const) : []));
    col = withLevel2 ? 2 : 1;
  } else if (share(rows, 0, isLevel2) > 0.5) {
    order.push('level2');
    col = 1;
  }
  order.push('name');
  col++;
  if (share(rows, col, (t) => parseDirection(t) !== null || /^(正向|反向|定量|定性)(指标)?$/.test(t)) > 0.5) order.push('direction');
  order.push('target', 'unit', 'weight', 'core', 'explanation');
  return Array.from({ length: width }, (_, i) => order[i] ?? null);
}

/** A row as it will be added. */
export interface PreviewRow {
  /** the row in the pasted text, from 0 (the header counts) */
  line: number;
  level1: string;
  level2: string;
  /** the 一级 / 二级 came from the name or a mapping, not from the row's own texts */
  suggested: boolean;
  indicator: RowDraft;
}

/** A 二级 name the scheme does not have, the rows that give it, and where they go. */
export interface UnknownLevel2 {
  name: string;
  rows: number;
  suggested: string;
  chosen: string;
}

export interface PastePreviewData {
  rows: PreviewRow[];
  unknown: UnknownLevel2[];
  /** rows that could not be read and things to check, as the reader says them */
  issues: string[];
}

export interface PasteColumn {
  index: number;
  /** the header's text; '' without a header */
  header: string;
  /** the first data row's text */
  sample: string;
  field: PasteField | null;
}

export interface PasteEnv {
  undo: UndoStore;
  /** where confirmed column mappings are remembered; null where nothing is remembered */
  memory: ColumnMemory | null;
}

/** The fields of a paste mapping as field → column. */
function fieldMap(fields: readonly (PasteField | null)[]): ChosenFields {
  const out: ChosenFields = {};
  fields.forEach((f, i) => {
    if (f) out[f] = i;
  });
  return out;
}

/** A row that holds nothing yet: the one a user adds and pastes into. */
function isBlank(ind: Indicator): boolean {
  return [ind.name, ind.target, ind.unit, ind.periodTarget ?? '', ind.explanation ?? ''].every((t) => t.trim() === '');
}

export class PasteStore {
  /** the pasted cells; null while no paste is being previewed */
  grid: string[][] | null = null;
  hasHeader = false;
  /** per pasted column, the field it is read as */
  fields: (PasteField | null)[] = [];
  /** 二级 chosen for names the scheme does not have, by the name */
  level2ByName = new Map<string, string>();
  /** 二级 chosen for single rows, by their line */
  level2ByLine = new Map<number, string>();
  /** the blank row the paste was made in: the pasted rows take its place */
  private blankRow: Id | null = null;
  private remembered: ChosenMappings = {};

  constructor(
    private readonly draft: IndicatorDraft,
    private readonly env: PasteEnv,
  ) {
    makeObservable<PasteStore, 'blankRow'>(this, {
      grid: observable.ref,
      hasHeader: observable,
      fields: observable.ref,
      level2ByName: observable,
      level2ByLine: observable,
      blankRow: false,
      preview: computed,
      columns: computed,
      setHasHeader: action,
      setField: action,
      setLevel2ForName: action,
      setLevel2ForLine: action,
      cancel: action,
    });
  }

  get scheme(): IndicatorScheme {
    return this.draft.scheme;
  }

  get isOpen(): boolean {
    return this.grid !== null;
  }

  /**
   * Opens the preview for pasted text; false (nothing opened) for text that is not rows of cells. `inRow`: the row
   * the paste was made in, which the pasted rows replace when it is blank.
   */
  async open(text: string, inRow: Id | null = null): Promise<boolean> {
    if (!isCellGrid(text)) return false;
    const grid = pastedRows(text);
    const remembered = this.env.memory ? await this.env.memory.all() : {};
    runInAction(() => {
      this.remembered = remembered;
      this.grid = grid;
      this.level2ByName.clear();
      this.level2ByLine.clear();
      const row = inRow === null ? undefined : this.draft.indicators.find((i) => i.id === inRow);
      this.blankRow = row && isBlank(row) ? row.id : null;
      this.setHasHeader(isHeaderRow(grid[0]) && grid.length > 1);
    });
    return true;
  }

  /** The mapping a header gives: as remembered for its shape, else as recognised. */
  private headerFields(grid: readonly string[][]): (PasteField | null)[] {
    const recognised = this.recognised(grid);
    const chosen = this.remembered[mappingKey(recognised.columns)];
    if (!chosen) return recognised.columns.map((c) => (isPasteField(c.field) ? c.field : null));
    const out: (PasteField | null)[] = recognised.columns.map(() => null);
    for (const [field, col] of Object.entries(chosen) as [Field, number][]) if (isPasteField(field) && col < out.length) out[col] = field;
    return out;
  }

  private recognised(grid: readonly string[][]): ColumnMapping {
    return recogniseColumns([grid[0]], grid.slice(1, 21));
  }

  setHasHeader(hasHeader: boolean): void {
    const grid = this.grid;
    if (!grid) return;
    this.hasHeader = hasHeader;
    this.fields = hasHeader ? this.headerFields(grid) : positionalFields(grid, this.scheme);
    this.level2ByLine.clear();
  }

  /** A column read as another field; the column that held that field before is read as nothing. */
  setField(col: number, field: PasteField | null): void {
    const next = this.fields.map((f) => (field !== null && f === field ? null : f));
    next[col] = field;
    this.fields = next;
  }

  setLevel2ForName(name: string, level2: string): void {
    this.level2ByName.set(name, level2);
  }

  setLevel2ForLine(line: number, level2: string): void {
    this.level2ByLine.set(line, level2);
  }

  cancel(): void {
    this.grid = null;
    this.blankRow = null;
  }

  /** The rows under the header. */
  private get body(): string[][] {
    const grid = this.grid ?? [];
    return this.hasHeader ? grid.slice(1) : grid;
  }

  get columns(): PasteColumn[] {
    const grid = this.grid ?? [];
    const first = this.body[0] ?? [];
    return this.fields.map((field, index) => ({ index, header: this.hasHeader ? (grid[0]?.[index] ?? '').trim() : '', sample: first[index] ?? '', field }));
  }

  /** The rows as they will be added, the 二级 names to map and what could not be read. */
  get preview(): PastePreviewData {
    const scheme = this.scheme;
    const offset = this.hasHeader ? 1 : 0;
    const where = (row: number, col?: number) => `${importMessages.rowPlace(row + offset + 1)}${col === undefined ? '' : ` ${importMessages.docxColumn(col + 1)}`}`;
    const mapping: ColumnMapping = { fields: fieldMap(this.fields), columns: [], moneyUnits: {} };
    const body = this.body;
    const read = rowsToIndicators(body, mapping, { schemeId: scheme.id, where });
    const f = mapping.fields;
    // the 一级 / 二级 texts of each indicator row, with the value above where a merged cell was pasted as blanks
    const carry = { level1: '', level2: '' };
    const texts = read.rows.map((r) => {
      const l1 = f.level1 === undefined ? '' : (body[r][f.level1] ?? '').trim();
      const l2 = f.level2 === undefined ? '' : (body[r][f.level2] ?? '').trim();
      carry.level1 = l1 || carry.level1;
      carry.level2 = l2 || carry.level2;
      return { ...carry };
    });
    const unknown = new Map<string, UnknownLevel2 & { first: number }>();
    const said = new Set<string>();
    const rows = read.indicators.map((indicator, k): PreviewRow => {
      const line = read.rows[k] + offset;
      const given = texts[k];
      let level2 = indicator.level2;
      let suggested = indicator.levels !== 'named';
      if (indicator.levels === 'mapped') {
        const l1 = findLevel1(scheme, indicator.level1);
        const l2 = findLevel2(scheme, indicator.level2);
        // the reader's note of the mapping: the preview shows the mapping itself, which the user may change
        said.add(importMessages.level2Mapped(where(read.rows[k]), given.level2, `${l1?.label ?? ''}/${l2?.level2.label ?? ''}`));
        said.add(importMessages.level1Mapped(where(read.rows[k]), given.level1, l1?.label ?? ''));
        if (given.level2 !== '') {
          let entry = unknown.get(given.level2);
          if (!entry) {
            entry = { name: given.level2, rows: 0, suggested: level2, chosen: this.level2ByName.get(given.level2) ?? level2, first: k };
            unknown.set(given.level2, entry);
          }
          entry.rows++;
          level2 = entry.chosen;
        }
      }
      const own = this.level2ByLine.get(line);
      if (own !== undefined && findLevel2(scheme, own)) {
        level2 = own;
        suggested = false;
      }
      const level1 = findLevel2(scheme, level2)?.level1.code ?? indicator.level1;
      return { line, level1, level2, suggested, indicator };
    });
    return {
      rows,
      unknown: [...unknown.values()].map(({ first: _first, ...u }) => u),
      issues: read.issues.map((i) => i.message).filter((m) => !said.has(m)),
    };
  }

  /**
   * Adds the previewed rows to the draft, each under its 二级, as one step 撤销 takes back whole; remembers a
   * changed column mapping for the next paste or file with the same headers. Returns how many were added.
   */
  async confirm(): Promise<number> {
    const grid = this.grid;
    if (!grid) return 0;
    const { rows } = this.preview;
    const draft = this.draft;
    const added: Id[] = [];
    let replaced: { ind: Indicator; index: number } | null = null;
    runInAction(() => {
      if (rows.length === 0) return;
      const blankIndex = this.blankRow === null ? -1 : draft.indicators.findIndex((i) => i.id === this.blankRow);
      if (blankIndex >= 0) {
        const [ind] = draft.indicators.splice(blankIndex, 1);
        replaced = { ind, index: blankIndex };
      }
      const weighted = draft.hasWeights || rows.some((r) => r.indicator.weight !== null);
      for (const row of rows) {
        const id = draft.addIndicator(row.level2);
        if (!id) continue;
        const d = row.indicator;
        draft.updateIndicator(
          id,
          {
            name: d.name,
            direction: d.direction,
            target: d.target,
            targetMax: d.targetMax,
            targetText: d.targetText,
            unit: d.unit,
            weight: d.weight ?? (weighted ? 0 : null),
            core: d.core,
            periodTarget: d.periodTarget,
            explanation: d.explanation,
          },
          true,
        );
        added.push(id);
      }
    });
    if (added.length > 0) {
      const restore = replaced as { ind: Indicator; index: number } | null;
      this.env.undo.push({
        label: MI.pasted(added.length),
        undo: () => {
          runInAction(() => {
            const ids = new Set(added);
            // by id: rows deleted since, or another record opened since, are left alone
            const before = draft.indicators.length;
            for (let i = draft.indicators.length - 1; i >= 0; i--) if (ids.has(draft.indicators[i].id)) draft.indicators.splice(i, 1);
            if (draft.indicators.length === before) return;
            if (draft.activeIndicatorId !== null && ids.has(draft.activeIndicatorId)) draft.setActive(null);
            draft.autosaver.touch();
            if (restore) draft.restoreIndicator(restore.ind, restore.index);
          });
          return null;
        },
      });
    }
    await this.rememberMapping(grid);
    runInAction(() => this.cancel());
    return added.length;
  }

  /**
   * A header mapping the user changed is remembered for its shape; one set back to what is recognised is forgotten.
   * A file of the same shape is read by the whole mapping, so the fields beyond an indicator row's (项目名称 …) are
   * kept as remembered or recognised.
   */
  private async rememberMapping(grid: readonly string[][]): Promise<void> {
    const memory = this.env.memory;
    if (!memory || !this.hasHeader) return;
    const recognised = this.recognised(grid);
    const key = mappingKey(recognised.columns);
    const chosen = fieldMap(this.fields);
    const used = new Set(Object.values(chosen));
    const base = this.remembered[key] ?? recognised.fields;
    const kept = (Object.entries(base) as [Field, number][]).filter(([f, c]) => !isPasteField(f) && !used.has(c));
    const entry: ChosenFields = { ...Object.fromEntries(kept), ...chosen };
    if (!sameFields(entry, recognised.fields)) await memory.remember(key, entry);
    else if (this.remembered[key]) await memory.remember(key, null);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The year-end results: a column of values pasted from the focused row down.

/** A results row as the table shows it, in its order. */
export interface ResultRowInfo {
  id: Id;
  name: string;
  /** its 实际完成值 now */
  current: string;
  /** why it takes no value (the 预算执行率 row, 不适用), or null */
  closed: string | null;
}

export interface ResultsPasteEntry {
  id: Id;
  name: string;
  current: string;
  value: string;
  /** why the value is not filled in, or null when it is */
  skipped: string | null;
}

export interface ResultsPastePlan {
  entries: ResultsPasteEntry[];
  /** values past the last row */
  unused: number;
}

/**
 * The values of a pasted column (its first cells) over the rows from `fromId` down, one per row as the table shows
 * them; rows that take no value keep theirs and use up their line, so the column stays aligned with the table.
 */
export function planResultsPaste(rows: readonly ResultRowInfo[], fromId: Id, text: string): ResultsPastePlan | null {
  const values = pastedRows(text).map((r) => (r[0] ?? '').trim());
  const from = rows.findIndex((r) => r.id === fromId);
  if (from < 0 || values.length === 0) return null;
  const entries = values.slice(0, rows.length - from).map((value, k): ResultsPasteEntry => {
    const row = rows[from + k];
    const skipped = row.closed ?? (value === '' ? MI.resultsPasteEmpty : null);
    return { id: row.id, name: row.name, current: row.current, value, skipped };
  });
  return { entries, unused: Math.max(0, values.length - (rows.length - from)) };
}
