// The project open in the editor: the draft, its live validation, autosave to the repository against the revision it
// read (another window's newer save is merged, asking where both changed the same thing), and what other windows save.
import { action, computed, makeObservable, observable, runInAction, toJS } from 'mobx';
import type { Fen, Funding, Id, Project } from '../../shared/model';
import { validateProject, type Problem, type RecordRef } from '../../shared/validation';
import { changeOf, mayHaveChanged, type ChangeBatch, type Repository, type Revised } from '../db/repository';
import { MC } from '../messages-concurrency';
import { sameParts } from './conflict';
import { defaultChoices, saveAgainstRevision } from './conflict-store';
import { IndicatorDraft, type DraftEnv } from './indicator-draft';
import { clearJournal, writeJournal } from './journal';
import { PROJECT_TARGETS } from './record-shapes';

/** The fields of the basic-information form. */
export type ProjectBasics = Pick<
  Project,
  'name' | 'competentDepartment' | 'governmentInvestment' | 'key' | 'overview' | 'basis' | 'annualGoal' | 'periodGoal'
>;

export class ProjectDraftStore extends IndicatorDraft {
  project: Project | null = null;
  loading = false;
  /** bumped whenever a different project is loaded, so the forms start from its values */
  generation = 0;
  /** the project as last read or saved: its revision is the one a save expects to replace */
  private base: Revised<Project> | null = null;

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
      record: computed,
      validationProblems: computed,
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

  get validationProblems(): Problem[] {
    return this.project ? validateProject(this.project, this.scheme, this.validationOptions) : [];
  }

  get record(): RecordRef | null {
    return this.project ? { record: 'project', recordId: this.project.id } : null;
  }

  protected invalidScope(): string {
    return 'project';
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
      this.base = project ? structuredClone(project) : null;
      this.loading = false;
      this.activeIndicatorId = null;
      this.generation++;
    });
  }

  /** Closes the editor without saving (the project was deleted). */
  close(): void {
    this.autosaver.discard();
    this.project = null;
    this.base = null;
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
    // with the record it was edited from, so the replay merges rather than writing an older record back
    if (this.project && this.autosaver.hasUnsavedChanges) writeJournal({ kind: 'project', data: toJS(this.project), ...(this.base ? { base: this.base } : {}) });
  }

  protected async save(): Promise<string | null> {
    const project = this.project;
    if (!project) return null;
    const id = project.id;
    // a project cannot be stored without a name (the check panel says so): keep the stored name meanwhile and save
    // every other edit, so clearing the name on the way to a new one never loses the rest
    let storedName: string | null = null;
    if (project.name.trim() === '') {
      const stored = await this.repo.projects.get(id);
      if (!stored) return null;
      storedName = stored.name;
    }
    const mine = (): Project => {
      const snapshot = toJS(this.project ?? project);
      if (storedName !== null && snapshot.name.trim() === '') snapshot.name = storedName;
      return snapshot;
    };
    const result = await saveAgainstRevision<Project>({
      shape: PROJECT_TARGETS,
      base: this.base,
      mine,
      write: (p, options) => this.repo.projects.saveTargets(p, options),
      adopt: (merged, stored) => this.adopt(merged, stored, storedName),
      name: (p) => MC.projectRecord(p.name),
      ask: this.env.conflicts ?? defaultChoices,
    });
    if (!result.ok) return result.error;
    if (this.project?.id === id) this.base = result.value;
    clearJournal(id);
    this.onSaved(result.value);
    return null;
  }

  /** Takes the merge of a refused save (conflict-store.ts); the forms start again from it when it differs. */
  private adopt(merged: Project, stored: Revised<Project>, substitutedName: string | null): void {
    const current = this.project;
    if (!current || current.id !== merged.id) return;
    // the name stood in for an emptied one only to be stored: the editor keeps showing what the user left
    if (substitutedName !== null && current.name.trim() === '' && merged.name === substitutedName) merged.name = current.name;
    const redraw = !sameParts(PROJECT_TARGETS, toJS(current), merged);
    runInAction(() => {
      this.project = merged;
      this.base = stored;
      if (!redraw) return;
      if (!merged.indicators.some((i) => i.id === this.activeIndicatorId)) this.activeIndicatorId = null;
      this.generation++;
    });
  }

  /**
   * A project was written, here or in another window. When it is the open one and newer than what the editor read: an
   * editor without unsaved edits shows the stored project; one with unsaved edits saves them now, and the save merges
   * (asking where both sides changed the same thing).
   */
  async onStored(batch: ChangeBatch): Promise<void> {
    const id = this.project?.id;
    if (!id || !mayHaveChanged(batch, 'project', id)) return;
    const change = changeOf(batch, 'project', id);
    // this editor's own save may be what was written: its revision is known once the save has finished
    await this.autosaver.settled();
    if (this.project?.id !== id) return;
    if (change?.revision != null && this.base && change.revision <= this.base.revision) return;
    if (this.autosaver.hasUnsavedChanges) {
      void this.autosaver.flush();
      return;
    }
    const name = this.project.name;
    const stored = await this.repo.projects.get(id);
    if (this.project?.id !== id || this.autosaver.hasUnsavedChanges) return;
    if (!stored) {
      this.close();
      this.env.undo.inform(MC.deletedElsewhere(MC.projectRecord(name)));
      return;
    }
    if (this.base && stored.revision <= this.base.revision) return;
    runInAction(() => {
      this.project = stored;
      this.base = structuredClone(stored);
      if (!stored.indicators.some((i) => i.id === this.activeIndicatorId)) this.activeIndicatorId = null;
      this.generation++;
    });
  }
}
