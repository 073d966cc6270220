// The project open in the editor: the draft, its live validation, autosave to the repository.
import { action, computed, makeObservable, observable, runInAction, toJS } from 'mobx';
import type { Fen, Funding, Id, Project } from '../../shared/model';
import { validateProject, type Problem } from '../../shared/validation';
import type { Repository } from '../db/repository';
import { IndicatorDraft, type DraftEnv } from './indicator-draft';
import { clearJournal, writeJournal } from './journal';

/** The fields of the basic-information form. */
export type ProjectBasics = Pick<
  Project,
  'name' | 'competentDepartment' | 'governmentInvestment' | 'key' | 'overview' | 'basis' | 'annualGoal' | 'periodGoal'
>;

/** DOM id of a project field (name, annualGoal, funding.other …). */
export function projectFieldId(path: string): string {
  return `project-${path.replace(/\./g, '-')}`;
}

export class ProjectDraftStore extends IndicatorDraft {
  project: Project | null = null;
  loading = false;
  /** bumped whenever a different project is loaded, so the forms start from its values */
  generation = 0;

  constructor(
    env: DraftEnv,
    private readonly repo: Repository,
    /** told after each save, so the list shows the new name, amounts and status */
    private readonly onSaved: (project: Project) => void,
  ) {
    super(env);
    makeObservable(this, {
      project: observable,
      loading: observable,
      generation: observable,
      indicators: computed,
      problems: computed,
      load: action,
      close: action,
      updateBasics: action,
      setFunding: action,
      setTownSubsidy: action,
    });
  }

  get indicators() {
    return this.project?.indicators ?? [];
  }

  get problems(): Problem[] {
    return this.project ? validateProject(this.project, this.scheme, this.validationOptions) : [];
  }

  get projectId(): Id | null {
    return this.project?.id ?? null;
  }

  /** Saves the current draft, then opens another project. */
  async load(id: Id | null): Promise<void> {
    await this.autosaver.flush();
    if (id === null) {
      this.close();
      return;
    }
    runInAction(() => (this.loading = true));
    const project = await this.repo.projects.get(id);
    runInAction(() => {
      this.project = project ?? null;
      this.loading = false;
      this.activeIndicatorId = null;
      this.revisions.clear();
      this.generation++;
    });
  }

  /** Closes the editor without saving (the project was deleted). */
  close(): void {
    this.autosaver.discard();
    this.project = null;
    this.activeIndicatorId = null;
    this.generation++;
  }

  updateBasics(patch: Partial<ProjectBasics>): void {
    const p = this.project;
    if (!p) return;
    let changed = false;
    for (const key of Object.keys(patch) as (keyof ProjectBasics)[]) {
      const value = patch[key];
      if (value === undefined || p[key] === value) continue;
      (p as unknown as Record<string, unknown>)[key] = value;
      changed = true;
    }
    if (changed) this.touch();
  }

  setFunding(source: keyof Funding, fen: Fen): void {
    const p = this.project;
    if (!p || p.funding[source] === fen) return;
    p.funding[source] = fen;
    this.touch();
  }

  setTownSubsidy(fen: Fen): void {
    const p = this.project;
    if (!p || p.townSubsidy === fen) return;
    p.townSubsidy = fen;
    this.touch();
  }

  /** The synchronous safety copy for a page that is closing with unsaved edits. */
  writeJournalIfUnsaved(): void {
    if (this.project && this.autosaver.hasUnsavedChanges) writeJournal({ kind: 'project', data: toJS(this.project) });
  }

  protected async save(): Promise<string | null> {
    if (!this.project) return null;
    const snapshot = toJS(this.project);
    // a project cannot be stored without a name (the check panel says so): keep the stored name meanwhile and save
    // every other edit, so clearing the name on the way to a new one never loses the rest
    if (snapshot.name.trim() === '') {
      const stored = await this.repo.projects.get(snapshot.id);
      if (!stored) return null;
      snapshot.name = stored.name;
    }
    const result = await this.repo.projects.saveTargets(snapshot);
    if (!result.ok) return result.error;
    clearJournal(snapshot.id);
    this.onSaved(result.value);
    return null;
  }

  protected elementIdForOwnPath(path: string): string | null {
    if (path === 'indicators') return 'section-indicators';
    if (/^(name|annualGoal|periodGoal|overview|basis|townSubsidy|funding\.\w+)$/.test(path)) return projectFieldId(path);
    return null;
  }
}
