// Saving against the revision last read, and what happens when another window saved first: the save is refused with
// the stored record (renderer/db/transaction.ts), the parts the other window changed are listed (conflict.ts), the user
// chooses per part in the conflict dialog (app/ConflictDialog.tsx), and the merge is saved against the newer revision.
// Where the other window changed nothing this editor holds otherwise, the merge is saved without asking.
import { makeAutoObservable, observable } from 'mobx';
import type { RepoResult, Revised, SaveOptions } from '../db/repository';
import { conflictChanges, defaultChoice, mergeConflict, type Choice, type FieldChange, type RecordShape } from './conflict';

/** One refused save, as the dialog shows it. */
export interface ConflictRequest {
  /** what the record is called (项目“商会培训”) */
  record: string;
  changes: FieldChange[];
}

/** Asks the user which side to keep for each listed part; resolves with the choices. */
export type ConflictAsker = (request: ConflictRequest) => Promise<ReadonlyMap<string, Choice>>;

interface Waiting {
  request: ConflictRequest;
  resolve: (choices: ReadonlyMap<string, Choice>) => void;
}

/** The conflict the dialog shows, one at a time; others wait their turn. */
export class ConflictStore {
  current: ConflictRequest | null = null;
  readonly choices = observable.map<string, Choice>();
  private resolveCurrent: ((choices: ReadonlyMap<string, Choice>) => void) | null = null;
  private readonly waiting: Waiting[] = [];

  constructor() {
    makeAutoObservable<ConflictStore, 'resolveCurrent' | 'waiting'>(this, { resolveCurrent: false, waiting: false, ask: false });
  }

  /** Shows the request (after those before it) and resolves once the user has chosen. */
  ask = (request: ConflictRequest): Promise<ReadonlyMap<string, Choice>> =>
    new Promise((resolve) => {
      this.waiting.push({ request, resolve });
      if (!this.current) this.next();
    });

  choose(key: string, choice: Choice): void {
    this.choices.set(key, choice);
  }

  /** 全部采用对方 / 全部保留我的: every listed part from one side, saved at once. */
  chooseAll(choice: Choice): void {
    for (const change of this.current?.changes ?? []) this.choices.set(change.key, choice);
    this.confirm();
  }

  /** Saves with the choices made (the default where none was made). */
  confirm(): void {
    const resolve = this.resolveCurrent;
    if (!resolve) return;
    const chosen = new Map(this.choices);
    this.resolveCurrent = null;
    this.current = null;
    this.choices.clear();
    resolve(chosen);
    this.next();
  }

  private next(): void {
    const item = this.waiting.shift();
    if (!item) return;
    this.current = item.request;
    this.resolveCurrent = item.resolve;
    this.choices.replace(item.request.changes.map((c) => [c.key, defaultChoice(c)]));
  }
}

/** Without anyone to ask (tests, a store used alone): the default choice for every part. */
export const defaultChoices: ConflictAsker = async (request) => new Map(request.changes.map((c) => [c.key, defaultChoice(c)]));

export interface RevisionedSave<T> {
  shape: RecordShape<T>;
  /** the record as the editor last read or saved it; null when it has never been stored */
  base: Revised<T> | null;
  /** the editor's record now (a plain copy) */
  mine(): T;
  write(record: T, options: SaveOptions): Promise<RepoResult<Revised<T>>>;
  /**
   * The editor takes the merge before it is written, so whatever is typed while it is being written lands on it;
   * `stored` is the record the merge was made against (the editor's new base).
   */
  adopt(merged: T, stored: Revised<T>): void;
  /** what the record is called in the dialog */
  name(record: T): string;
  ask: ConflictAsker;
}

/** A save that keeps being refused (the other window keeps saving): given up after this many merges. */
const MAX_MERGES = 5;

/**
 * Writes the editor's record against the revision of `base`. Refused because another window saved first: lists what
 * that window changed, asks when any of it differs from this editor's record, and writes the merge against the
 * stored revision. Resolves to the last write's result.
 */
export async function saveAgainstRevision<T>(save: RevisionedSave<T>): Promise<RepoResult<Revised<T>>> {
  let base = save.base;
  let result = await save.write(save.mine(), { expectedRevision: base?.revision ?? 0 });
  for (let merges = 0; merges < MAX_MERGES && !result.ok && result.conflict; merges++) {
    const theirs = result.conflict.stored;
    const changes = conflictChanges(save.shape, base, save.mine(), theirs);
    const choices = changes.length > 0 ? await save.ask({ record: save.name(theirs), changes }) : new Map<string, Choice>();
    // merged with the editor's record as it is after the dialog, which is where the user's latest typing is
    save.adopt(mergeConflict(save.shape, base, save.mine(), theirs, choices), theirs);
    base = theirs;
    result = await save.write(save.mine(), { expectedRevision: theirs.revision });
  }
  return result;
}
