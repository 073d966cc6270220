// Serves the indicator library to the editor: the sector library (loaded on the panel's first opening), the unit's
// own projects' indicators (all years, loaded once per unit) and the entries packages handed down (kept in the
// settings table). Holds the search box's text and the 二级 the check panel asked the library for.
import { computed, makeAutoObservable, observable, runInAction } from 'mobx';
import { isLibraryRecords, mergeLibraryRecords } from '../../shared/library/own-library';
import type { Id, LibraryRecord, Unit } from '../../shared/model';
import { findLevel2, type IndicatorScheme } from '../../shared/schemes';
import type { Repository } from '../db/repository';
import { buildLibrary, entriesFromProject, rankSuggestions, searchLibrary, warmSearchKeys, type Library, type LibraryEntry, type RankContext, type Suggestion } from '../library/library';

/** The settings key of the entries received in packages. */
export const SHARED_LIBRARY_KEY = 'library.shared';

type Catalog = typeof import('../library/catalog');

/** What the library needs of the rest of the app. */
export interface LibraryEnv {
  scheme(): IndicatorScheme;
  unit(): Unit | undefined;
}

/** Entries a package handed down, placed in the scheme (those whose 二级 the scheme lacks are left out). */
export function entriesFromRecords(records: readonly LibraryRecord[], scheme: IndicatorScheme): LibraryEntry[] {
  const out: LibraryEntry[] = [];
  for (const r of records) {
    const found = findLevel2(scheme, r.level2);
    if (!found) continue;
    out.push({
      level1: found.level1.code,
      level2: r.level2,
      name: r.name,
      direction: r.direction,
      target: r.target,
      ...(r.targetMax !== undefined ? { targetMax: r.targetMax } : {}),
      unit: r.unit,
      ...(r.explanation ? { explanation: r.explanation } : {}),
      origin: 'shared',
      source: r.source ?? '',
      projectName: r.projectName ?? '',
    });
  }
  return out;
}

/** Keeps the entries of a package (a supervisor's common library) beside those already received; returns them all. */
export async function receiveLibraryRecords(repo: Repository, records: readonly LibraryRecord[]): Promise<LibraryRecord[]> {
  const stored = await repo.settings.get(SHARED_LIBRARY_KEY);
  const kept = isLibraryRecords(stored) ? stored : [];
  if (records.length === 0) return kept;
  const merged = mergeLibraryRecords(kept, records);
  await repo.settings.set(SHARED_LIBRARY_KEY, merged);
  return merged;
}

export class LibraryStore {
  ownEntries: LibraryEntry[] = [];
  sharedRecords: LibraryRecord[] = [];
  loadedUnitId: Id | null = null;
  /** the sector library and pinyin, once loaded */
  catalog: Catalog | null = null;
  /** the search box */
  query = '';
  /** a 二级 the check panel asked for ("从指标库添加"), while the row that was active then still is */
  focus: { level2: string; activeId: Id | null } | null = null;
  private loading: Promise<void> | null = null;
  private catalogLoading: Promise<Catalog> | null = null;
  private sharedLoaded = false;
  private warming = false;

  constructor(
    private readonly repo: Repository,
    private readonly env: LibraryEnv,
  ) {
    makeAutoObservable<LibraryStore, 'repo' | 'env' | 'loading' | 'catalogLoading' | 'sharedLoaded' | 'warming'>(this, {
      repo: false,
      env: false,
      loading: false,
      catalogLoading: false,
      sharedLoaded: false,
      warming: false,
      // replaced whole, never edited: no need to make each entry observable
      ownEntries: observable.ref,
      sharedRecords: observable.ref,
      catalog: observable.ref,
      focus: observable.ref,
      // kept even when nothing observes it, so the word weights are worked out once per change, not per keystroke
      index: computed({ keepAlive: true }),
      sharedEntries: computed({ keepAlive: true }),
    });
  }

  /** Loads the sector library (once); the panel calls it when it first opens, the unit dialog for its sector list. */
  openCatalog(): Promise<Catalog> {
    this.catalogLoading ??= import('../library/catalog').then((c) => {
      runInAction(() => (this.catalog = c));
      return c;
    });
    return this.catalogLoading;
  }

  get sharedEntries(): LibraryEntry[] {
    return entriesFromRecords(this.sharedRecords, this.env.scheme());
  }

  /** The unit's own entries, those handed down, and the sector library's (once loaded), with their word weights. */
  get index(): Library {
    const sector = this.catalog ? this.catalog.sectorEntries(this.env.scheme()) : [];
    return buildLibrary([...this.ownEntries, ...this.sharedEntries, ...sector]);
  }

  /** Loads the unit's own indicators unless already loaded for that unit, and the entries handed down (once). */
  ensureLoaded(unitId: Id): Promise<void> {
    if (this.loadedUnitId === unitId) return this.loading ?? Promise.resolve();
    this.loadedUnitId = unitId;
    this.ownEntries = [];
    this.loading = Promise.all([this.loadOwn(unitId), this.loadShared()]).then(() => undefined);
    return this.loading;
  }

  /** Forget the unit's entries and those received (projects were added or copied, a package imported); the next use reloads them. */
  invalidate(): void {
    this.loadedUnitId = null;
    this.sharedLoaded = false;
  }

  private async loadOwn(unitId: Id): Promise<void> {
    const entries: LibraryEntry[] = [];
    for (const year of await this.repo.projects.years(unitId)) {
      // entry by entry: a project's indicators can be more than a spread's arguments
      for (const p of await this.repo.projects.listFull(unitId, year)) for (const e of entriesFromProject(p)) entries.push(e);
    }
    runInAction(() => {
      if (this.loadedUnitId === unitId) this.ownEntries = entries;
    });
  }

  private async loadShared(): Promise<void> {
    if (this.sharedLoaded) return;
    this.sharedLoaded = true;
    const stored = await this.repo.settings.get(SHARED_LIBRARY_KEY);
    runInAction(() => (this.sharedRecords = isLibraryRecords(stored) ? stored : []));
  }

  /** Keeps the entries of a package (a supervisor's common library) beside those already received. */
  async receive(records: readonly LibraryRecord[]): Promise<void> {
    const merged = await receiveLibraryRecords(this.repo, records);
    runInAction(() => {
      this.sharedRecords = merged;
      this.sharedLoaded = true;
    });
  }

  /** What the ranking knows of a project: its name and goal, the unit's sector, the sectors its name speaks of. */
  context(projectName: string, goal: string): RankContext {
    const unitSector = this.env.unit()?.sector;
    return {
      projectName,
      goal,
      ...(unitSector ? { unitSector } : {}),
      namedSectors: this.catalog ? this.catalog.sectorsNamedIn(projectName) : [],
    };
  }

  suggest(level2: string, context: RankContext, options: { excludeProjectId?: Id; excludeNames?: readonly string[] } = {}): Suggestion[] {
    return rankSuggestions(this.index, level2, context, options);
  }

  /** The search box's results (none while the sector library is loading: pinyin comes with it). */
  search(context: RankContext, level2?: string): Suggestion[] {
    if (!this.catalog) return [];
    return searchLibrary(this.index, this.query, this.catalog.pinyinOf, context, level2 ? { level2 } : {});
  }

  setQuery(query: string): void {
    this.query = query;
  }

  /**
   * Works out the search keys of every entry in slices, between other work (the box has the focus, a keystroke may
   * follow): the first keystroke then finds them ready.
   */
  warmSearch(): void {
    const catalog = this.catalog;
    if (!catalog || this.warming) return;
    this.warming = true;
    const slice = () => {
      if (warmSearchKeys(this.index, catalog.pinyinOf, 300)) this.warming = false;
      else setTimeout(slice, 0);
    };
    slice();
  }

  /** The sector's advice for a 二级 of the unit's scheme, when the unit has a sector and the library is loaded. */
  guidance(level2: string): string | undefined {
    return this.catalog?.guidanceOf(this.env.unit()?.sector, level2);
  }

  /** The check panel's 从指标库添加: the library shows the suggestions for that 二级, a pick adds a row there. */
  focusOn(level2: string, activeId: Id | null): void {
    this.focus = { level2, activeId };
    this.query = '';
  }

  clearFocus(): void {
    this.focus = null;
  }
}
