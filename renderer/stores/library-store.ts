// Serves the indicator library to the editor: reference indicators plus those of the unit's own projects (all years),
// loaded once per unit when first needed.
import { makeAutoObservable, runInAction } from 'mobx';
import type { Id } from '../../shared/model';
import type { Repository } from '../db/repository';
import { entriesFromProject, rankSuggestions, REFERENCE_ENTRIES, type LibraryEntry, type Suggestion } from '../library/library';

export class LibraryStore {
  ownEntries: LibraryEntry[] = [];
  loadedUnitId: Id | null = null;
  private loading: Promise<void> | null = null;

  constructor(private readonly repo: Repository) {
    makeAutoObservable<LibraryStore, 'repo' | 'loading'>(this, { repo: false, loading: false });
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
      const summaries = await this.repo.listProjects(unitId, year);
      const projects = await Promise.all(summaries.filter((s) => s.indicatorCount > 0).map((s) => this.repo.getProject(s.id)));
      for (const p of projects) if (p) entries.push(...entriesFromProject(p));
    }
    runInAction(() => {
      if (this.loadedUnitId === unitId) this.ownEntries = entries;
    });
  }

  suggest(level2: string, projectName: string, options: { excludeProjectId?: Id; excludeNames?: readonly string[] } = {}): Suggestion[] {
    return rankSuggestions([...this.ownEntries, ...REFERENCE_ENTRIES], level2, projectName, options);
  }
}
