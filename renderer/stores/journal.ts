// A synchronous safety copy of an unsaved draft, written to localStorage when the page is hidden or closed.
// IndexedDB writes started while a page unloads may never commit; localStorage writes are synchronous and do.
// On the next start the copy is saved to the database and removed.
import type { DepartmentPlan, Project } from '../../shared/model';

export type JournalEntry = { kind: 'project'; data: Project } | { kind: 'plan'; data: DepartmentPlan };

const KEY = 'perf-target-desk:unsaved-draft';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function writeJournal(entry: JournalEntry): void {
  storage()?.setItem(KEY, JSON.stringify(entry));
}

export function readJournal(): JournalEntry | null {
  const text = storage()?.getItem(KEY);
  if (!text) return null;
  try {
    const entry = JSON.parse(text) as JournalEntry;
    return entry && (entry.kind === 'project' || entry.kind === 'plan') ? entry : null;
  } catch {
    return null;
  }
}

/** Removes the copy, but only if it is the copy of this record (another draft may have written one since). */
export function clearJournal(id?: string): void {
  const s = storage();
  if (!s) return;
  if (id !== undefined) {
    const entry = readJournal();
    if (entry && entry.data.id !== id) return;
  }
  s.removeItem(KEY);
}
