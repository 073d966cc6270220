// 导出报表: one official form (F1–F10) for a scope and year (F9 of a monitoring month, or its summary alone), written as Word or Excel and saved through the platform.
// Problems (no projects in scope, a form that needs a plan the unit lacks, …) come back from exportForm as Chinese
// messages, and any other failure becomes one too; then nothing is saved.
import { makeAutoObservable, runInAction } from 'mobx';
import type { Id } from '../../shared/model';
import { TEMPLATES } from '../../templates/index';
import type { ExportPhase } from '../../templates/export';
import type { FormId, FormScope, FormTemplate } from '../../templates/template';
import type { ProjectSummary, Repository } from '../db/repository';
import { MS } from '../messages-city';
import { MX } from '../messages-exchange';
import { saveThrough, showSave, type FileHost } from './exchange-files';
import type { WorkspaceContext } from './workspace-context';

export type ExportScopeKind = 'project' | 'projects' | 'unit' | 'supervisor';
export type ExportFormat = 'docx' | 'xlsx';

export const EXPORT_SCOPES: readonly ExportScopeKind[] = ['project', 'projects', 'unit', 'supervisor'];

export class FormExportStore {
  formId: FormId = 'F4';
  scopeKind: ExportScopeKind = 'unit';
  format: ExportFormat = 'xlsx';
  formNumber = '';
  /** 正式版: validation errors of the covered data block the export */
  final = false;
  /** F9: the monitoring round of this month; null: each project's latest round of the year */
  month: number | null = null;
  /** F9: only the one-row-per-project summary */
  summaryOnly = false;
  /** the project of the 'project' scope */
  projectId: Id | null = null;
  /** the projects of the 'projects' scope */
  selectedIds: Id[] = [];
  /** the projects of the chosen unit and year, to pick from */
  projects: ProjectSummary[] = [];
  busy = false;
  /** the step a running export is at ('read' the database, 'build' the tables, 'write' the file); null when idle */
  phase: 'read' | ExportPhase | null = null;
  /** 取消 was asked: the export stops at its next step and saves nothing */
  cancelRequested = false;
  private controller: AbortController | null = null;
  /** problems of the last attempt; nothing was saved */
  messages: string[] = [];
  /** what the last attempt led to, shown under the button */
  outcome: string | null = null;
  private loadedFor = '';

  constructor(
    private readonly repo: Repository,
    private readonly context: WorkspaceContext,
    private readonly host: FileHost,
  ) {
    makeAutoObservable<FormExportStore, 'repo' | 'context' | 'host' | 'loadedFor' | 'controller'>(this, {
      repo: false, context: false, host: false, loadedFor: false, controller: false,
    });
  }

  get templates(): readonly FormTemplate[] {
    return TEMPLATES;
  }

  get template(): FormTemplate | undefined {
    return TEMPLATES.find((t) => t.id === this.formId);
  }

  setForm(id: FormId): void {
    this.formId = id;
    this.clearResult();
  }

  setScope(kind: ExportScopeKind): void {
    this.scopeKind = kind;
    this.clearResult();
  }

  setFormat(format: ExportFormat): void {
    this.format = format;
    this.clearResult();
  }

  setFormNumber(text: string): void {
    this.formNumber = text;
  }

  setFinal(final: boolean): void {
    this.final = final;
    this.clearResult();
  }

  setMonth(month: number | null): void {
    this.month = month;
    this.clearResult();
  }

  setSummaryOnly(on: boolean): void {
    this.summaryOnly = on;
    this.clearResult();
  }

  setProject(id: Id | null): void {
    this.projectId = id;
    this.clearResult();
  }

  toggleProject(id: Id, on: boolean): void {
    const rest = this.selectedIds.filter((x) => x !== id);
    this.selectedIds = on ? [...rest, id] : rest;
    this.clearResult();
  }

  selectAll(on: boolean): void {
    this.selectedIds = on ? this.projects.map((p) => p.id) : [];
    this.clearResult();
  }

  private clearResult(): void {
    this.messages = [];
    this.outcome = null;
  }

  /** Reads the project list of the chosen unit and year (again only when they changed, unless forced). */
  async loadProjects(force = false): Promise<void> {
    const unitId = this.context.unitId();
    const year = this.context.year();
    const key = `${unitId ?? ''}|${year}`;
    if (!force && key === this.loadedFor) return;
    this.loadedFor = key;
    const projects = unitId ? await this.repo.projects.list(unitId, year) : [];
    runInAction(() => {
      this.projects = projects;
      const ids = new Set(projects.map((p) => p.id));
      if (this.projectId === null || !ids.has(this.projectId)) this.projectId = projects[0]?.id ?? null;
      this.selectedIds = this.selectedIds.filter((id) => ids.has(id));
    });
  }

  /** The scope of the request, or a Chinese message saying what is missing. */
  private scope(): FormScope | string {
    const unitId = this.context.unitId();
    if (!unitId) return MX.noUnit;
    switch (this.scopeKind) {
      case 'project':
        return this.projectId ? { kind: 'projects', projectIds: [this.projectId] } : MX.exportNoProject;
      case 'projects': {
        // keep the list's order, so the form prints the projects as the user sees them
        const chosen = this.projects.filter((p) => this.selectedIds.includes(p.id)).map((p) => p.id);
        return chosen.length > 0 ? { kind: 'projects', projectIds: chosen } : MX.exportNoProjects;
      }
      case 'unit':
        return { kind: 'unit', unitId };
      case 'supervisor':
        return { kind: 'supervisor', unitId };
    }
  }

  /** Stops the running export at its next step; nothing is saved. */
  cancel(): void {
    if (!this.controller) return;
    this.controller.abort();
    this.cancelRequested = true;
  }

  /** Moves to the next step of the export and lets the screen show it before the step takes the thread. */
  private async enter(phase: 'read' | ExportPhase): Promise<void> {
    runInAction(() => (this.phase = phase));
    await nextFrame();
  }

  /** Builds the file and saves it; returns whether a file was saved. 取消 (cancel()) stops it before the save. */
  async run(): Promise<boolean> {
    if (this.busy) return false;
    this.clearResult();
    const scope = this.scope();
    if (typeof scope === 'string') {
      this.messages = [scope];
      return false;
    }
    this.busy = true;
    this.cancelRequested = false;
    const controller = new AbortController();
    this.controller = controller;
    const cancelled = () => {
      runInAction(() => (this.outcome = MS.exportCancelled));
      return false;
    };
    try {
      await this.enter('read');
      // the writers (docx, exceljs) are large: load them when the first form is exported, not at start-up
      const [{ exportForm }, data] = await Promise.all([import('../../templates/export'), this.repo.exchange.exportAll()]);
      if (controller.signal.aborted) return cancelled();
      const formNumber = this.formNumber.trim();
      const result = await exportForm(this.formId, this.format, {
        data,
        year: this.context.year(),
        scope,
        ...(formNumber ? { formNumber } : {}),
        final: this.final,
        // the monitoring form's own choices; the other forms take none
        ...(this.formId === 'F9' ? { ...(this.month !== null ? { month: this.month } : {}), summaryOnly: this.summaryOnly } : {}),
      }, { signal: controller.signal, onPhase: (phase) => this.enter(phase) });
      // a file made after 取消 is not saved: the user was told it would not be
      if ((!result.ok && result.cancelled) || controller.signal.aborted) return cancelled();
      if (!result.ok) {
        runInAction(() => (this.messages = result.messages));
        return false;
      }
      const filters = [this.format === 'docx' ? { name: MX.wordFilter, extensions: ['docx'] } : { name: MX.excelFilter, extensions: ['xlsx'] }];
      const saved = await saveThrough(this.host, result.fileName, result.bytes, filters);
      return runInAction(() => showSave(this, saved, MX.savedAs));
    } catch (e) {
      // the writers loading, the database read or anything else failing: said under the button, never a silent return
      runInAction(() => (this.messages = [MX.exportCrashed(e instanceof Error ? e.message : String(e))]));
      return false;
    } finally {
      runInAction(() => {
        this.busy = false;
        this.phase = null;
        this.cancelRequested = false;
        this.controller = null;
      });
    }
  }
}

/** Resolves after the next frame (the screen shows what changed), or soon where no frame comes (a hidden window). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function') return void setTimeout(resolve, 0);
    const fallback = setTimeout(resolve, 50);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}
