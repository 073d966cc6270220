// What every aggregate of the repository shares: the result type, refusals, revisions and the one transaction helper.
// Every change that touches more than one record runs in one Dexie 'rw' transaction, so a failure half-way leaves the
// database exactly as it was. Refusals the user can cause come back as a RepoResult with a Chinese message; only
// programming or storage faults throw.
import Dexie, { type Table } from 'dexie';
import type { Id, Project, Timestamp, Unit } from '../../shared/model';
import type { PerfDatabase } from './database';

/** A save refused because the record changed since the caller read it: the record as it is stored now. */
export interface Conflict<T> {
  stored: T;
}

export type RepoResult<T> = { ok: true; value: T } | { ok: false; error: string; conflict?: Conflict<T> };

export const ok = <T>(value: T): RepoResult<T> => ({ ok: true, value });
export const fail = <T>(error: string): RepoResult<T> => ({ ok: false, error });

/** Thrown inside a transaction to abort it and hand a refusal (and, for a stale save, the stored record) back. */
export class Refusal extends Error {
  constructor(
    readonly userMessage: string,
    readonly stored?: unknown,
  ) {
    super(userMessage);
  }
}

/** A stored record (unit, project, department plan) with its revision: 1 when first written, one more at every write. */
export type Revised<T> = T & { revision: number };

/** How an editor saves. */
export interface SaveOptions {
  /**
   * The revision of the record when the caller read it. When the stored one is newer, the save is refused with the
   * stored record as `conflict.stored`. Absent: the save goes ahead whatever is stored.
   */
  expectedRevision?: number;
}

/** The revision a write gives a record that replaces `stored` (none: a new record). */
export function nextRevision(stored: { revision?: number } | undefined): number {
  return (stored?.revision ?? 0) + 1;
}

/** Refuses, with the stored record, a save made against an older revision than the stored one. */
export function refuseStale<T extends { revision: number }>(stored: T | undefined, options: SaveOptions, message: string): void {
  if (stored && options.expectedRevision !== undefined && stored.revision > options.expectedRevision) {
    throw new Refusal(message, stored);
  }
}

/** The record as packages and backups carry it: its content, without the local revision. */
export function withoutRevision<T extends object>(record: T): Omit<T, 'revision'> {
  const { revision: _revision, ...content } = record as T & { revision?: number };
  return content;
}

export interface RepositoryOptions {
  /** the clock; tests inject a fixed one */
  now?: () => Date;
  /** id generator; defaults to crypto.randomUUID */
  newId?: () => Id;
  /**
   * Counts a project's blocking validation errors (shared/validation.ts with the unit's scheme). When given, the count
   * is stored on the project row at every write so the list can show 草稿/待完善/已完成 without loading indicators.
   */
  errorCounter?: (project: Project, unit: Unit) => number;
}

/** The database and the services every aggregate of the repository works with. */
export interface RepoContext {
  readonly db: PerfDatabase;
  readonly newId: () => Id;
  readonly errorCounter: ((project: Project, unit: Unit) => number) | undefined;
  /** now, as stored in updatedAt */
  timestamp(): Timestamp;
  /** Runs a read-write transaction; a Refusal thrown inside rolls everything back and becomes a failed result. */
  change<T>(tables: readonly Table[], work: () => Promise<T>): Promise<RepoResult<T>>;
}

export function createContext(db: PerfDatabase, options: RepositoryOptions = {}): RepoContext {
  const now = options.now ?? (() => new Date());
  return {
    db,
    newId: options.newId ?? (() => crypto.randomUUID()),
    errorCounter: options.errorCounter,
    timestamp: () => now().toISOString(),
    async change<T>(tables: readonly Table[], work: () => Promise<T>): Promise<RepoResult<T>> {
      try {
        return ok(await db.transaction('rw', [...tables], work));
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        const refused: RepoResult<T> = fail(error.userMessage);
        // only a stale save passes a stored record, and its work returns a record of the same kind
        if (!refused.ok && error.stored !== undefined) refused.conflict = { stored: error.stored as T };
        return refused;
      }
    },
  };
}

/**
 * Throws unless the caller runs inside a read-write transaction of `db`. The write helpers check it: a request made
 * after Dexie lost track of the transaction (see project-rows.ts inChunks) would run, and commit, on its own.
 */
export function requireTransaction(db: PerfDatabase): void {
  const tx = Dexie.currentTransaction;
  if (!tx || tx.db !== db || tx.mode !== 'readwrite') throw new Error('a repository write ran outside its transaction');
}

export function isValidYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1900 && year <= 9999;
}

/** First id that occurs twice in the list, if any. */
export function firstDuplicate(ids: readonly Id[]): Id | undefined {
  const seen = new Set<Id>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

/** The years a table indexed by [unitId+year] holds for one unit, ascending; read from the index keys alone. */
export async function yearsOfUnit(table: Table, unitId: Id): Promise<number[]> {
  const keys = await table
    .where('[unitId+year]')
    .between([unitId, Dexie.minKey], [unitId, Dexie.maxKey])
    .uniqueKeys();
  return keys.flatMap((key) => (Array.isArray(key) && typeof key[1] === 'number' ? [key[1]] : []));
}
