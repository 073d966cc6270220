// A synchronous safety copy of an unsaved draft, written to localStorage when the page is hidden or closed.
// IndexedDB writes started while a page unloads may never commit; localStorage writes are synchronous and do.
// On the next start the copy is saved to the database and removed.
import type { DepartmentPlan, Project } from '../../shared/model';
import type { Repository } from '../db/repository';

/**
 * Which part of a record the copy holds, so the replay writes only that part: the authoring editor owns a project's
 * targets ('project') and a plan's targets ('plan'); the 绩效自评 workspace owns the self-assessment ('assessment')
 * and the plan's year-end figures ('planYearEnd').
 */
export type JournalEntry =
  | { kind: 'project'; data: Project }
  | { kind: 'plan'; data: DepartmentPlan }
  | { kind: 'assessment'; data: Project }
  | { kind: 'planYearEnd'; data: DepartmentPlan };

const KINDS: readonly JournalEntry['kind'][] = ['project', 'plan', 'assessment', 'planYearEnd'];

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
    return entry && KINDS.includes(entry.kind) ? entry : null;
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

/** Writes a kept copy to the database, only the part its kind owns; the copy goes once it is written. */
export async function replayJournal(repo: Repository): Promise<void> {
  const entry = readJournal();
  if (!entry) return;
  const result =
    entry.kind === 'project'
      ? await repo.projects.saveTargets(entry.data)
      : entry.kind === 'plan'
        ? await repo.plans.saveTargets(entry.data)
        : entry.kind === 'assessment'
          ? entry.data.selfAssessment
            ? await repo.projects.saveSelfAssessment(entry.data.id, entry.data.selfAssessment)
            : { ok: true as const }
          : await repo.plans.saveYearEnd(entry.data);
  if (result.ok) clearJournal();
}
