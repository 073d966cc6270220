// Excel and Word tables in the 导入 section (issue #16): a file that is not a package is read by shared/import
// (importFile, with its progress and a 取消 that aborts it), its report is shown as a preview — what was read, each
// table read by its headers with the field of every column (a select to change it, which reads the file again), and
// what could not be read and why — and once the user goes on, the document takes the usual package path: the import
// plan, conflicts, one transaction (exchange-import.ts). Column mappings the user changed are remembered for the next
// file with the same headers. Nothing is written before the plan is applied.
import { makeAutoObservable, observable, runInAction } from 'mobx';
import type { ExchangeDocument } from '../../shared/exchange/exchange';
import type { Field, TableColumns } from '../../shared/import/columns';
import type { ImportOptions, ImportResult } from '../../shared/import/import-file';
import { importMessages } from '../../shared/import/import-messages';
import type { Repository } from '../db/repository';
import { withoutRevision } from '../db/transaction';
import { MI } from '../messages-import';
import { MX } from '../messages-exchange';
import type { OpenedFile } from '../platform/platform';
import { sameFields, type ChosenFields, type ColumnMemory } from './column-memory';
import type { FileFilters } from './exchange-files';
import type { WorkspaceContext } from './workspace-context';

/** Tables the reader takes, and the old formats it explains rather than reads. */
const TABLE_EXTENSIONS = ['xlsx', 'docx', 'xls', 'doc'];

/** The import section's file dialog: packages and tables together, or either alone. */
export const IMPORT_FILTERS: FileFilters = [
  { name: MI.anyImportFilter, extensions: ['json', ...TABLE_EXTENSIONS] },
  { name: MX.exchangeFilter, extensions: ['json'] },
  { name: MI.tableFilter, extensions: TABLE_EXTENSIONS },
];

/** Whether an opened file is a table for the reader rather than a package: by its name, else by its first bytes. */
export function isTableFile(file: OpenedFile): boolean {
  const ext = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1].toLowerCase();
  if (ext === 'json') return false;
  if (ext !== undefined && TABLE_EXTENSIONS.includes(ext)) return true;
  // a package is JSON text; anything else goes to the reader, which says what the file is
  const first = file.bytes.subarray(0, 64).find((b) => ![0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf].includes(b));
  return first !== 0x7b;
}

/** The fields a column of a file's table can be read as (the reader fills these; 实际完成值, 得分 … it does not). */
export const TABLE_FIELDS: readonly Field[] = [
  'projectName', 'unitName', 'supervisor', 'year', 'total', 'fiscal', 'generalPublic', 'governmentFund', 'stateCapital', 'specialAccount', 'other',
  'annualGoal', 'periodGoal', 'overview', 'basis', 'governmentInvestment', 'key',
  'level1', 'level2', 'name', 'content', 'coded', 'direction', 'target', 'periodTarget', 'unit', 'weight', 'core', 'explanation',
];

export type FileImportStage = 'idle' | 'reading' | 'failed' | 'preview';

/** Where a document read from a table goes on: the package import's plan. */
export interface PlanTarget {
  planDocument(fileName: string, document: ExchangeDocument): Promise<void>;
}

export class FileImportStore {
  stage: FileImportStage = 'idle';
  fileName = '';
  /** of the reading, 0 to 1 */
  progress = 0;
  result: ImportResult | null = null;
  /** what the last reading ended with when it shows nothing else (cancelled) */
  notice: string | null = null;
  /** the mappings read with, by table shape: remembered ones and the user's changes */
  chosen: Record<string, ChosenFields> = {};
  /** the year everything is imported as; null: as the file says */
  year: number | null = null;
  /** the file states no year and was read as the year chosen in the app */
  yearAssumed = false;
  busy = false;
  private bytes: Uint8Array | null = null;
  private controller: AbortController | null = null;
  private remembered: Record<string, ChosenFields> = {};

  constructor(
    private readonly repo: Repository,
    private readonly context: WorkspaceContext,
    private readonly memory: ColumnMemory,
    private readonly now: () => Date,
    private readonly target: PlanTarget,
  ) {
    makeAutoObservable<FileImportStore, 'repo' | 'context' | 'memory' | 'now' | 'target' | 'bytes' | 'controller' | 'remembered'>(this, {
      repo: false, context: false, memory: false, now: false, target: false, bytes: false, controller: false, remembered: false, result: observable.ref,
    });
  }

  /** The year chosen in the app, which a file stating none is read as. */
  get appYear(): number {
    return this.context.year();
  }

  /** The unit tables naming none are imported into. */
  get unitName(): string | null {
    return this.context.unit()?.name ?? null;
  }

  /** The tables read by their headers, with their columns. */
  get mappedTables(): (TableColumns & { where: string })[] {
    return (this.result?.report.tables ?? []).flatMap((t) => (t.columns ? [{ ...t.columns, where: t.where }] : []));
  }

  /** Whether a table's columns are read as remembered from an earlier file rather than as recognised. */
  isRemembered(key: string): boolean {
    const r = this.remembered[key];
    return r !== undefined && this.chosen[key] !== undefined && sameFields(r, this.chosen[key]);
  }

  /** Reads a table file for its preview; writes nothing. */
  async open(file: OpenedFile): Promise<void> {
    this.reset();
    this.fileName = file.name;
    this.bytes = file.bytes;
    const controller = this.begin();
    const remembered = await this.memory.all();
    runInAction(() => {
      this.remembered = { ...remembered };
      this.chosen = { ...remembered };
    });
    await this.read(controller);
  }

  /** A new reading: the one before it, if any, is abandoned. */
  private begin(): AbortController {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.stage = 'reading';
    this.progress = 0;
    this.notice = null;
    return controller;
  }

  private async read(controller: AbortController): Promise<void> {
    const bytes = this.bytes;
    if (!bytes) return;
    const { importFile } = await import('../../shared/import');
    const now = this.now().toISOString();
    const unit = this.context.unit();
    const options = (year: number | null): ImportOptions => ({
      fileName: this.fileName,
      ...(unit ? { unitName: unit.name } : {}),
      // as the package format has them: the database's bookkeeping (revision) is no field of a package
      knownUnits: this.context.units().map((u) => withoutRevision(u)),
      schemeId: this.context.scheme().id,
      now,
      chosenMappings: { ...this.chosen },
      onProgress: (done, total) => runInAction(() => this.controller === controller && (this.progress = done / total)),
      signal: controller.signal,
      ...(year !== null ? { year } : {}),
    });
    let result = await importFile(bytes, options(this.year));
    // a file that states no year is read as the year chosen in the app, rather than the calendar's
    const fallback = new Date(now).getUTCFullYear();
    const appYear = this.context.year();
    const assumed = this.year === null && appYear !== fallback && result.report.issues.some((i) => i.message === importMessages.yearAssumed(fallback));
    if (assumed && this.controller === controller) result = await importFile(bytes, options(appYear));
    if (this.controller !== controller) return;
    runInAction(() => {
      this.controller = null;
      this.result = result;
      this.yearAssumed = assumed;
      if (!result.ok && result.cancelled) {
        this.stage = 'idle';
        this.notice = MI.cancelled;
      } else this.stage = result.ok ? 'preview' : 'failed';
    });
  }

  private async again(): Promise<void> {
    await this.read(this.begin());
  }

  /** Stops the reading: nothing is imported. */
  cancel(): void {
    if (!this.controller) return;
    this.controller.abort();
    this.controller = null;
    this.stage = 'idle';
    this.result = null;
    this.bytes = null;
    this.notice = MI.cancelled;
  }

  /** A column of a table read as another field (or as nothing): the file is read again. */
  async setField(key: string, col: number, field: Field | null): Promise<void> {
    const table = this.mappedTables.find((t) => t.key === key);
    if (!table || this.stage === 'reading') return;
    const fields: ChosenFields = {};
    for (const [f, c] of Object.entries(table.fields) as [Field, number][]) if (c !== col && f !== field) fields[f] = c;
    if (field !== null) fields[field] = col;
    if (sameFields(fields, table.recognised)) delete this.chosen[key];
    else this.chosen[key] = fields;
    await this.again();
  }

  /** Everything imported as one year (null: as the file says): the file is read again. */
  async setYear(year: number | null): Promise<void> {
    if (this.stage === 'reading') return;
    this.year = year;
    await this.again();
  }

  /**
   * Goes on to the import plan with what was read (projects and plans the database has take their ids); remembers
   * the column mappings the user changed for files of the same shape.
   */
  async proceed(): Promise<void> {
    const result = this.result;
    if (!result?.ok || this.busy) return;
    this.busy = true;
    try {
      for (const t of this.mappedTables) {
        if (!sameFields(t.fields, t.recognised)) await this.memory.remember(t.key, t.fields);
        else if (this.remembered[t.key]) await this.memory.remember(t.key, null);
      }
      const [{ adoptLocalIds }, local] = await Promise.all([import('../../shared/import'), this.repo.exchange.exportAll()]);
      const fileName = this.fileName;
      await this.target.planDocument(fileName, adoptLocalIds(result.document, local));
      runInAction(() => this.reset());
    } finally {
      runInAction(() => (this.busy = false));
    }
  }

  reset(): void {
    this.controller?.abort();
    this.controller = null;
    this.stage = 'idle';
    this.fileName = '';
    this.progress = 0;
    this.result = null;
    this.notice = null;
    this.chosen = {};
    this.year = null;
    this.yearAssumed = false;
    this.bytes = null;
  }
}
