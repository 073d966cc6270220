// A synchronous safety copy of an unsaved draft, written to localStorage when the page is hidden or closed.
// IndexedDB writes started while a page unloads may never commit; localStorage writes are synchronous and do.
// On the next start the copy is saved to the database and removed.
import type { DepartmentPlan, Project } from '../../shared/model';
import type { RepoResult, Repository, Revised, SaveOptions } from '../db/repository';
import type { RecordShape } from './conflict';
import { defaultChoices, saveAgainstRevision } from './conflict-store';
import { assessmentShape, indicatorNames, PLAN_TARGETS, planYearEndShape, PROJECT_TARGETS } from './record-shapes';

/**
 * Which part of a record the copy holds, so the replay writes only that part: the authoring editor owns a project's
 * targets ('project') and a plan's targets ('plan'); the 绩效自评 workspace owns the self-assessment ('assessment'),
 * the monitoring rounds ('monitoring') and the plan's year-end figures ('planYearEnd').
 */
export type JournalEntry =
  | { kind: 'project'; data: Project; base?: Revised<Project> }
  | { kind: 'plan'; data: DepartmentPlan; base?: Revised<DepartmentPlan> }
  | { kind: 'assessment'; data: Project; base?: Revised<Project> }
  | { kind: 'monitoring'; data: Project }
  | { kind: 'planYearEnd'; data: DepartmentPlan; base?: Revised<DepartmentPlan> };

const KINDS: readonly JournalEntry['kind'][] = ['project', 'plan', 'assessment', 'monitoring', 'planYearEnd'];

const KEY = 'perf-target-desk:unsaved-draft';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * Each window (tab) keeps its copy under a key of its own: tabs share localStorage, and one tab's save must neither
 * remove nor overwrite the copy another tab kept of its own unsaved edits.
 */
const OWN_KEY = `${KEY}:${Math.random().toString(36).slice(2)}`;

export function writeJournal(entry: JournalEntry): void {
  storage()?.setItem(OWN_KEY, JSON.stringify(entry));
}

function parse(text: string | null): JournalEntry | null {
  if (!text) return null;
  try {
    const entry = JSON.parse(text) as JournalEntry;
    return entry && KINDS.includes(entry.kind) ? entry : null;
  } catch {
    return null;
  }
}

/** This window's copy, if it kept one. */
export function readJournal(): JournalEntry | null {
  return parse(storage()?.getItem(OWN_KEY) ?? null);
}

/** Removes this window's copy, but only if it is the copy of this record (another draft may have written one since). */
export function clearJournal(id?: string): void {
  const s = storage();
  if (!s) return;
  if (id !== undefined) {
    const entry = readJournal();
    if (entry && entry.data.id !== id) return;
  }
  s.removeItem(OWN_KEY);
}

/** Every kept copy's key: the windows' own, and the one key of earlier releases. */
function keptKeys(s: Storage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (key === KEY || key?.startsWith(`${KEY}:`)) keys.push(key);
  }
  return keys;
}

/**
 * A kept copy written against the record it was edited from (`base`, when the copy has it): what another window saved
 * since is merged in, with the dialog's default choices (this copy's changes, the other window's elsewhere), so the
 * replay never writes an old record back over newer work.
 */
function replay<T>(shape: RecordShape<T>, base: Revised<T> | undefined, data: T, write: (record: T, options: SaveOptions) => Promise<RepoResult<Revised<T>>>) {
  if (!base) return write(data, {});
  let mine = data;
  return saveAgainstRevision<T>({ shape, base, mine: () => mine, write, adopt: (merged) => (mine = merged), name: () => '', ask: defaultChoices });
}

/** Writes every kept copy to the database, only the part its kind owns; a copy goes once it is written. */
export async function replayJournal(repo: Repository): Promise<void> {
  const s = storage();
  if (!s) return;
  for (const key of keptKeys(s)) {
    const entry = parse(s.getItem(key));
    if (!entry) s.removeItem(key);
    else if ((await replayEntry(repo, entry)).ok) s.removeItem(key);
  }
}

async function replayEntry(repo: Repository, entry: JournalEntry): Promise<{ ok: boolean }> {
  switch (entry.kind) {
    case 'project':
      return replay(PROJECT_TARGETS, entry.base, entry.data, (p, o) => repo.projects.saveTargets(p, o));
    case 'plan':
      return replay(PLAN_TARGETS, entry.base, entry.data, (p, o) => repo.plans.saveTargets(p, o));
    case 'assessment': {
      const kept = entry.data.selfAssessment;
      if (!kept) return { ok: true };
      return replay(assessmentShape(indicatorNames(entry.data)), entry.base, entry.data, (p, o) => repo.projects.saveSelfAssessment(p.id, p.selfAssessment ?? kept, o));
    }
    case 'monitoring':
      return repo.projects.saveMonitoring(entry.data.id, entry.data.monitoring ?? []);
    case 'planYearEnd':
      return replay(planYearEndShape(indicatorNames(entry.data)), entry.base, entry.data, (p, o) => repo.plans.saveYearEnd(p, o));
  }
}
