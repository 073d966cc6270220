// Serves the indicator library to the editor: reference indicators plus those of the unit's own projects (all years),
// loaded once per unit when first needed.
import { computed, makeAutoObservable, observable, runInAction } from 'mobx';
import type { Id } from '../../shared/model';
import type { Repository } from '../db/repository';
import { buildLibrary, entriesFromProject, rankSuggestions, REFERENCE_ENTRIES, type Library, type LibraryEntry, type Suggestion } from '../library/library';

export class LibraryStore {
  ownEntries: LibraryEntry[] = [];
  loadedUnitId: Id | null = null;
  private loading: Promise<void> | null = null;

  constructor(private readonly repo: Repository) {
    makeAutoObservable<LibraryStore, 'repo' | 'loading'>(this, {
      repo: false,
      loading: false,
      // entries are replaced whole, never edited: no need to make each one observable
      ownEntries: observable.ref,
      // kept even when nothing observes it, so the word weights are worked out once per unit load, not per keystroke
      index: computed({ keepAlive: true }),
    });
  }

  /** The unit's own entries and the reference ones, with their word weights. */
  get index(): Library {
    return buildLibrary([...this.ownEntries, ...REFERENCE_ENTRIES]);
  }

  /** Loads the unit's own indicators unless already loaded for that unit. */
  ensureLoaded(unitId: Id): Promise<void> {
    if (this.loadedUnitId === unitId) return this.loading ?? Promise.resolve();
    this.loadedUnitId = unitId;
    this.ownEntries = [];
    this.loading = this.loadOwn(unitId);
    return this.loading;
  }

  /** Forget the unit's entries (projects were added or copied); the next use reloads them. */
  invalidate(): void {
    this.loadedUnitId = null;
  }

  private async loadOwn(unitId: Id): Promise<void> {
    const entries: LibraryEntry[] = [];
    for (const year of await this.repo.listProjectYears(unitId)) {
      // entry by entry: a project's indicators can be more than a spread's arguments
      for (const p of await this.repo.listFullProjects(unitId, year)) for (const e of entriesFromProject(p)) entries.push(e);
    }
    runInAction(() => {
      if (this.loadedUnitId === unitId) this.ownEntries = entries;
    });
  }

  suggest(level2: string, projectName: string, options: { excludeProjectId?: Id; excludeNames?: readonly string[] } = {}): Suggestion[] {
    return rankSuggestions(this.index, level2, projectName, options);
  }
}
