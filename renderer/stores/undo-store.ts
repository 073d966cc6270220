// Deletions the user can take back (撤销 button or Ctrl+Z), newest first, plus the one-line notice shown in the status bar.
import { makeAutoObservable, runInAction } from 'mobx';
import type { ProblemTarget } from '../../shared/validation';

export interface UndoEntry {
  /** what was done, e.g. 已删除“办公设备购置”。 */
  label: string;
  undo: () => Promise<string | null> | string | null;
  /** the field the focus goes back to once undone (the box of a deleted row the user was in) */
  focus?: ProblemTarget;
}

export class UndoStore {
  private stack: UndoEntry[] = [];
  /** the latest notice: a deletion that can be undone, a copy that succeeded or a refusal */
  notice: { text: string; kind: 'info' | 'error'; undoable: boolean } | null = null;
  /** the field to focus after the last undo; a new object each time, so the same field twice is asked twice */
  focusRequest: { target: ProblemTarget } | null = null;

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
      if (!error && entry.focus) this.focusRequest = { target: entry.focus };
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
