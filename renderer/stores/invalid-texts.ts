// Text typed into a field that its codec cannot read ("300万", "abc", "-50"): kept here, by the field's typed target,
// never written into the record. The field shows it (red, with its message), the check panel lists it, the status
// bar counts it, and the record's totals never see it. Every change is copied at once to localStorage (a few hundred
// bytes, synchronous), so a reload or a crash finds the text again: it comes back marked as restored, and the editor
// says so until the user has seen it.
import { action, computed, makeObservable, observable } from 'mobx';
import type { Id } from '../../shared/model';
import type { Problem, ProblemTarget } from '../../shared/validation';
import { ME } from '../messages-editing';

/** A value a field holds in its draft, as JSON keeps it. */
export type FieldValue = string | number | boolean | null | undefined;

export interface InvalidText {
  target: ProblemTarget;
  /** what the field is, for the check panel: 当年预算（一般公共预算）, “培训人数”的权重 */
  label: string;
  text: string;
  message: string;
  /**
   * The field's value in the draft while this text stands in for it: once the draft holds another value (an undo, a
   * proposal taken, the record read again) the text no longer applies and the value is shown instead.
   */
  base: FieldValue;
  /** read back from localStorage at start */
  restored: boolean;
}

/** One key per field: the record, the row and the field, each a typed part of the target. */
export function targetKey(t: ProblemTarget): string {
  const row = t.of === 'record' ? '' : t.of === 'task' ? t.taskId : t.indicatorId;
  return `${t.record}\u0001${t.recordId}\u0001${t.of}\u0001${row}\u0001${t.field}`;
}

const STORAGE_PREFIX = 'perf-target-desk:invalid-texts:';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function isStored(x: unknown): x is Omit<InvalidText, 'restored'> {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Partial<InvalidText>;
  const t = e.target as Partial<ProblemTarget> | undefined;
  return (
    typeof e.label === 'string' &&
    typeof e.text === 'string' &&
    typeof e.message === 'string' &&
    typeof t === 'object' &&
    t !== null &&
    (t.record === 'project' || t.record === 'plan') &&
    typeof t.recordId === 'string' &&
    typeof t.field === 'string' &&
    (t.of === 'record' || t.of === 'indicator' || t.of === 'task' || t.of === 'result')
  );
}

export class InvalidTexts {
  private readonly entries = observable.map<string, InvalidText>();

  /** @param scope names the localStorage copy: one per editor ('project', 'plan', 'assessment') */
  constructor(private readonly scope: string) {
    makeObservable<InvalidTexts, 'persist'>(this, {
      all: computed,
      set: action,
      clear: action,
      acknowledge: action,
      persist: false,
    });
    this.restore();
  }

  get all(): InvalidText[] {
    return [...this.entries.values()];
  }

  get(target: ProblemTarget): InvalidText | undefined {
    return this.entries.get(targetKey(target));
  }

  set(entry: Omit<InvalidText, 'restored'>): void {
    const key = targetKey(entry.target);
    const before = this.entries.get(key);
    if (before && before.text === entry.text && before.message === entry.message && Object.is(before.base, entry.base)) return;
    this.entries.set(key, { ...entry, restored: false });
    this.persist();
  }

  clear(target: ProblemTarget): void {
    if (this.entries.delete(targetKey(target))) this.persist();
  }

  /** The texts of one record (a project, a plan). */
  of(recordId: Id): InvalidText[] {
    return this.all.filter((e) => e.target.recordId === recordId);
  }

  /** The restored texts of a record have been seen: the editor's note goes. */
  acknowledge(recordId: Id): void {
    let changed = false;
    for (const [key, e] of this.entries) {
      if (e.target.recordId === recordId && e.restored) {
        this.entries.set(key, { ...e, restored: false });
        changed = true;
      }
    }
    if (changed) this.persist();
  }

  private restore(): void {
    const text = storage()?.getItem(STORAGE_PREFIX + this.scope);
    if (!text) return;
    try {
      const list: unknown = JSON.parse(text);
      if (!Array.isArray(list)) return;
      for (const x of list) if (isStored(x)) this.entries.set(targetKey(x.target), { ...x, restored: true });
    } catch {
      // a damaged copy holds nothing that can be shown
    }
  }

  private persist(): void {
    const s = storage();
    if (!s) return;
    const list = this.all.map(({ restored: _restored, ...e }) => e);
    if (list.length === 0) s.removeItem(STORAGE_PREFIX + this.scope);
    else s.setItem(STORAGE_PREFIX + this.scope, JSON.stringify(list));
  }
}

/** An invalid text as the check panel lists it: an error on its field, never counted as a value. */
export function invalidTextProblem(e: InvalidText): Problem {
  return { path: '', target: e.target, severity: 'error', code: 'inputInvalid', message: ME.inputInvalid(e.label, e.text, e.message) };
}
