// Deletions the user can take back (撤销 button or Ctrl+Z), newest first, plus the one-line notice shown in the status bar.
import { makeAutoObservable, runInAction } from 'mobx';

export interface UndoEntry {
  /** what was done, e.g. 已删除“办公设备购置”。 */
  label: string;
  undo: () => Promise<string | null> | string | null;
}

export class UndoStore {
  private stack: UndoEntry[] = [];
  /** the latest notice: a deletion that can be undone, a copy that succeeded or a refusal */
  notice: { text: string; kind: 'info' | 'error'; undoable: boolean } | null = null;

  constructor() {
    makeAutoObservable(this);
  }

  get canUndo(): boolean {
    return this.stack.length > 0;
  }

  push(entry: UndoEntry): void {
    this.stack.push(entry);
    if (this.stack.length > 50) this.stack.shift();
    this.notice = { text: entry.label, kind: 'info', undoable: true };
  }

  /** Takes back the latest deletion; returns false when there was nothing to undo. */
  async undoLast(): Promise<boolean> {
    const entry = this.stack.pop();
    if (!entry) return false;
    const error = await entry.undo();
    runInAction(() => {
      this.notice = error ? { text: error, kind: 'error', undoable: false } : null;
    });
    return true;
  }

  inform(text: string, kind: 'info' | 'error' = 'info'): void {
    this.notice = { text, kind, undoable: false };
  }

  dismiss(): void {
    this.notice = null;
  }
}
