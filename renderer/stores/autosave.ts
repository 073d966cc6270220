// Debounced saving of a draft: every edit calls touch(); the save runs after a short pause, or at once on flush().
// Saves never overlap: each one is chained after the previous, and takes its snapshot when it starts.
import { makeAutoObservable, runInAction } from 'mobx';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

export class Autosaver {
  state: SaveState = 'saved';
  error: string | null = null;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();

  /** @param save writes the current draft; resolves to an error message, or null when saved */
  constructor(
    private readonly save: () => Promise<string | null>,
    private readonly delayMs = 400,
  ) {
    makeAutoObservable<Autosaver, 'save' | 'delayMs' | 'timer' | 'chain' | 'dirty'>(this, {
      commit: false,
      settled: false,
      save: false,
      delayMs: false,
      timer: false,
      chain: false,
      dirty: false,
    });
  }

  get hasUnsavedChanges(): boolean {
    return this.dirty || this.state === 'saving';
  }

  touch(): void {
    this.dirty = true;
    this.state = 'dirty';
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Saves now if anything changed; resolves when every save started so far has finished. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.chain = this.chain.then(() => this.saveIfDirty());
    return this.chain;
  }

  /**
   * Saves now, as flush(); resolves to null once nothing is left unsaved, or to why it could not be saved (the
   * navigation store does not leave a screen whose edits are not in the database).
   */
  async commit(): Promise<string | null> {
    await this.flush();
    return this.state === 'error' ? (this.error ?? '') : null;
  }

  /** Resolves when the saves started so far have finished, without starting one. */
  settled(): Promise<void> {
    return this.chain;
  }

  /** Forget pending changes (the draft was deleted or replaced). */
  discard(): void {
    clearTimeout(this.timer);
    this.dirty = false;
    this.state = 'saved';
  }

  private async saveIfDirty(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    runInAction(() => (this.state = 'saving'));
    let error: string | null;
    try {
      error = await this.save();
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    runInAction(() => {
      if (error !== null) {
        this.dirty = true;
        this.state = 'error';
        this.error = error;
      } else {
        this.error = null;
        this.state = this.dirty ? 'dirty' : 'saved';
      }
    });
  }
}
