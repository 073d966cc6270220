// What the project draft and the department-plan draft share: a list of three-level indicators edited row by row,
// its validation problems (with the texts its fields could not read), live weight sums, the row the library serves,
// autosave and undo of deleted rows.
import { computed, makeObservable, observable, action } from 'mobx';
import type { Id, Indicator, RuleSet } from '../../shared/model';
import { CN_2020 } from '../../shared/rule-sets';
import { findLevel1, findLevel2, level2Rank, type IndicatorScheme, type Level2Def } from '../../shared/schemes';
import { proposeWeights, scaleWeights, weightOffer, type WeightOffer } from '../../shared/weights';
import type { Severity } from '../../shared/messages';
import type { IndicatorField, Problem, ProblemTarget, RecordRef, ValidationOptions } from '../../shared/validation';
import { M } from '../messages';
import { Autosaver } from './autosave';
import { invalidTextProblem, InvalidTexts } from './invalid-texts';
import type { ConflictAsker } from './conflict-store';
import type { UndoStore } from './undo-store';

export interface DraftEnv {
  scheme(): IndicatorScheme;
  /** the unit's rule set for the year (its required 二级 are checked); CN-2020 when absent */
  ruleSet?(): RuleSet;
  undo: UndoStore;
  newId(): Id;
  /** asks which side to keep when another window saved the record first; without it, the default choices are taken */
  conflicts?: ConflictAsker;
}

/** The editable fields of one indicator row. */
export type IndicatorPatch = Partial<Omit<Indicator, 'id' | 'level1' | 'level2'>>;

/** What the library offers for a row. */
export interface IndicatorTemplate {
  name: string;
  direction: Indicator['direction'];
  target: string;
  /** upper end of a range; absent clears the row's range */
  targetMax?: string;
  unit: string;
  /** 指标解释; absent leaves the row's own */
  explanation?: string;
}

/** The worst problem of each field of a row, by the data field it is about (the editor knows which box shows it). */
export type RowMarks = Partial<Record<IndicatorField, Severity>>;

const NO_MARKS: RowMarks = Object.freeze({});

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/** Sum of weights as shown: exact to two decimals, without float noise (0.1 + 0.2 shows 0.3). */
export function formatWeight(sum: number): string {
  return String(Math.round(sum * 100) / 100);
}

export abstract class IndicatorDraft {
  activeIndicatorId: Id | null = null;
  readonly autosaver: Autosaver;
  /** what the fields of this editor hold that is not a value ("300万"): never in the record, listed as errors */
  readonly invalid: InvalidTexts;
  /** rows (indicators, tasks) added and not yet left: their problems are listed, but the row shows no red yet */
  readonly fresh = observable.set<Id>();

  constructor(protected readonly env: DraftEnv) {
    this.autosaver = new Autosaver(() => this.save());
    this.invalid = new InvalidTexts(this.invalidScope());
    makeObservable<IndicatorDraft, 'touch' | 'invalidProblems'>(this, {
      activeIndicatorId: observable,
      scheme: computed,
      problems: computed,
      invalidProblems: computed,
      // compared by value: typing re-validates at every keystroke, and the check panel and the rows only need to hear
      // about it when a problem actually appears, goes or changes
      errors: computed.struct,
      warnings: computed.struct,
      indicatorIndex: computed,
      rowMarks: computed.struct,
      invalidCount: computed,
      restoredCount: computed,
      leaveRow: action,
      reveal: action,
      weightByLevel1: computed,
      weightTotal: computed,
      hasWeights: computed,
      weightOffer: computed,
      takeWeightOffer: action,
      activeIndicator: computed,
      addIndicator: action,
      updateIndicator: action,
      deleteIndicator: action,
      restoreIndicator: action,
      applyTemplate: action,
      setActive: action,
      touch: action,
    });
  }

  /** the observable indicator array of the record being edited */
  abstract get indicators(): Indicator[];
  /** the record being edited, as problem targets name it; null when none is open */
  abstract get record(): RecordRef | null;
  /** what validation finds in the record */
  abstract get validationProblems(): Problem[];
  /** writes the record; resolves to an error message or null */
  protected abstract save(): Promise<string | null>;
  /** names the localStorage copy of the invalid texts (called from the constructor: a constant of the subclass) */
  protected abstract invalidScope(): string;
  /** whether the row an invalid text is in still exists (a deleted row's texts come back with its undo) */
  protected rowExists(target: ProblemTarget): boolean {
    return target.of !== 'indicator' || this.indicatorIndex.has(target.indicatorId);
  }

  protected touch(): void {
    this.autosaver.touch();
  }

  get scheme(): IndicatorScheme {
    return this.env.scheme();
  }

  /** What validation needs besides the scheme. */
  protected get validationOptions(): ValidationOptions {
    const ruleSet = this.env.ruleSet?.();
    return ruleSet ? { ruleSet } : {};
  }

  /** The fields' unreadable texts of the open record, first, then what validation finds. */
  get problems(): Problem[] {
    return [...this.invalidProblems, ...this.validationProblems];
  }

  private get invalidProblems(): Problem[] {
    const record = this.record;
    if (!record) return [];
    return this.invalid.of(record.recordId).filter((e) => this.rowExists(e.target)).map(invalidTextProblem);
  }

  /** How many fields of the open record hold text that is not stored (the status bar says so instead of 已保存). */
  get invalidCount(): number {
    return this.invalidProblems.length;
  }

  /** How many of those a reload brought back and the user has not yet been told of. */
  get restoredCount(): number {
    const record = this.record;
    return record ? this.invalid.of(record.recordId).filter((e) => e.restored && this.rowExists(e.target)).length : 0;
  }

  acknowledgeRestored(): void {
    const record = this.record;
    if (record) this.invalid.acknowledge(record.recordId);
  }

  get errors(): Problem[] {
    return this.problems.filter((p) => p.severity === 'error');
  }

  get warnings(): Problem[] {
    return this.problems.filter((p) => p.severity === 'warning');
  }

  get indicatorIndex(): Map<Id, number> {
    return new Map(this.indicators.map((ind, i) => [ind.id, i]));
  }

  /** For each indicator row, its fields' validation problems (an error outweighs a warning). */
  get rowMarks(): Map<Id, RowMarks> {
    const out = new Map<Id, RowMarks>();
    for (const p of this.validationProblems) {
      const t = p.target;
      if (t.of !== 'indicator') continue;
      const marks = out.get(t.indicatorId) ?? {};
      if (marks[t.field] !== 'error') marks[t.field] = p.severity;
      out.set(t.indicatorId, marks);
    }
    return out;
  }

  /** The marks a row shows: none while it is fresh (just added, not yet left). */
  marksOf(id: Id): RowMarks {
    if (this.fresh.has(id)) return NO_MARKS;
    return this.rowMarks.get(id) ?? NO_MARKS;
  }

  /** The focus left a row: its problems show from now on. */
  leaveRow(id: Id): void {
    this.fresh.delete(id);
  }

  /** The user asked where a problem is (the check panel): its row shows its marks at once. */
  reveal(target: ProblemTarget): void {
    if (target.of === 'indicator') this.fresh.delete(target.indicatorId);
    else if (target.of === 'task') this.fresh.delete(target.taskId);
  }

  /** The rule set the draft is checked by: the unit's for the year, CN-2020 without one. */
  get ruleSet(): RuleSet {
    return this.env.ruleSet?.() ?? CN_2020;
  }

  /** The check panel's one-click offer for the weights: scaling 100 to the indicator points, or a proposal for none. */
  get weightOffer(): WeightOffer {
    return weightOffer(this.indicators, this.ruleSet);
  }

  /** Takes the offer: every row's weight changes at once, and one undo puts them all back. */
  takeWeightOffer(): void {
    const offer = this.weightOffer;
    if (!offer) return;
    const changed = offer.kind === 'scale' ? scaleWeights(this.indicators, offer.factor) : proposeWeights(this.indicators, this.scheme, this.ruleSet);
    const before = this.indicators.map((ind) => ({ id: ind.id, weight: ind.weight }));
    changed.forEach((ind) => this.updateIndicator(ind.id, { weight: ind.weight }, true));
    this.env.undo.push({
      label: offer.kind === 'scale' ? M.weightsScaled(offer.factor.toString()) : M.weightsProposed,
      undo: () => {
        // by id: a row deleted since, or another record opened since, is left alone
        before.forEach(({ id, weight }) => this.updateIndicator(id, { weight }, true));
        return null;
      },
    });
  }

  get hasWeights(): boolean {
    return this.indicators.some((i) => i.weight !== null);
  }

  get weightByLevel1(): Map<string, number> {
    const sums = new Map<string, number>();
    for (const ind of this.indicators) {
      if (ind.weight === null || !Number.isFinite(ind.weight)) continue;
      sums.set(ind.level1, (sums.get(ind.level1) ?? 0) + ind.weight);
    }
    return sums;
  }

  get weightTotal(): number {
    let sum = 0;
    for (const v of this.weightByLevel1.values()) sum += v;
    return sum;
  }

  /** The 二级 of one 一级 that have rows, in the scheme's order. */
  level2InUse(level1: string): Level2Def[] {
    const def = findLevel1(this.scheme, level1);
    if (!def) return [];
    return def.level2.filter((l2) => this.indicators.some((i) => i.level2 === l2.code));
  }

  rowsOf(level2: string): Indicator[] {
    return this.indicators.filter((i) => i.level2 === level2);
  }

  /** Indicators whose codes are not in the unit's scheme (e.g. after switching scheme), shown apart so nothing is hidden. */
  get foreignRows(): Indicator[] {
    return this.indicators.filter((i) => !findLevel2(this.scheme, i.level2));
  }

  get activeIndicator(): Indicator | undefined {
    return this.indicators.find((i) => i.id === this.activeIndicatorId);
  }

  setActive(id: Id | null): void {
    this.activeIndicatorId = id;
  }

  /** Adds an empty row under a 二级, after the given row or as the last of its group; returns its id. */
  addIndicator(level2: string, afterId?: Id): Id | null {
    const found = findLevel2(this.scheme, level2);
    if (!found) return null;
    const list = this.indicators;
    const weighted = this.hasWeights;
    const row: Indicator = {
      id: this.env.newId(),
      level1: found.level1.code,
      level2,
      name: '',
      direction: '≥',
      target: '',
      unit: '',
      weight: weighted ? 0 : null,
      core: false,
    };
    const after = afterId === undefined ? -1 : list.findIndex((i) => i.id === afterId);
    if (after >= 0) list.splice(after + 1, 0, row);
    else {
      // keep the stored order the order shown: grouped by the scheme's 二级 order
      const rank = level2Rank(this.scheme, level2);
      let at = list.length;
      while (at > 0 && level2Rank(this.scheme, list[at - 1].level2) > rank) at--;
      list.splice(at, 0, row);
    }
    this.activeIndicatorId = row.id;
    this.fresh.add(row.id);
    this.touch();
    return row.id;
  }

  /** A change of a row's fields; `fromOutside` when it is not the row's own typing (a library pick, an undo). */
  updateIndicator(id: Id, patch: IndicatorPatch, fromOutside = false): void {
    const ind = this.indicators.find((i) => i.id === id);
    if (!ind) return;
    let changed = false;
    for (const key of Object.keys(patch) as (keyof IndicatorPatch)[]) {
      const value = patch[key];
      if (sameValue(ind[key], value)) continue;
      changed = true;
      if (value === undefined) delete ind[key];
      else (ind as unknown as Record<string, unknown>)[key] = value;
    }
    // a target typed here replaces the text copied from a source document
    if (changed && ind.targetText !== undefined && ('target' in patch || 'direction' in patch || 'unit' in patch)) {
      const edited = patch.target !== undefined && patch.target !== ind.target;
      if (edited || !fromOutside) delete ind.targetText;
    }
    if (!changed) return;
    this.touch();
  }

  applyTemplate(id: Id, t: IndicatorTemplate): void {
    const { name, direction, target, targetMax, unit, explanation } = t;
    this.updateIndicator(id, { name, direction, target, targetMax, unit, targetText: undefined, ...(explanation ? { explanation } : {}) }, true);
  }

  /** Deletes a row; its undo brings it back and the focus to `field`, the box the user was in. */
  deleteIndicator(id: Id, field: IndicatorField = 'name'): void {
    const list = this.indicators;
    const index = list.findIndex((i) => i.id === id);
    if (index < 0) return;
    const record = this.record;
    const [removed] = list.splice(index, 1);
    if (this.activeIndicatorId === id) this.activeIndicatorId = null;
    this.fresh.delete(id);
    this.touch();
    this.env.undo.push({
      label: M.deletedIndicator(removed.name),
      undo: () => {
        this.restoreIndicator(removed, index);
        return null;
      },
      ...(record ? { focus: { ...record, of: 'indicator' as const, indicatorId: id, field } } : {}),
    });
  }

  restoreIndicator(ind: Indicator, index: number): void {
    const list = this.indicators;
    if (list.some((i) => i.id === ind.id)) return;
    list.splice(Math.min(index, list.length), 0, ind);
    this.activeIndicatorId = ind.id;
    this.touch();
  }
}
