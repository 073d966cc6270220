// Change notifications: after every committed write of units, projects or department plans, what changed ({kind, id,
// revision}) goes to the listeners of this window and, through a BroadcastChannel named after the database, to every
// other window or tab on the same database. Editors use it to show what another window saved (issue #14).
// A Dexie middleware sees every write, whichever part of the repository makes it, and only after the commit.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import type { Id } from '../../shared/model';

export type RecordKind = 'unit' | 'project' | 'plan';

/** One written record: its revision after the write, null when it was deleted. */
export interface RecordChange {
  kind: RecordKind;
  id: Id;
  revision: number | null;
}

/** The records one transaction changed. */
export interface ChangeBatch {
  changes: RecordChange[];
  /** kinds of which a whole range was deleted (a restore clears the tables): any record of them may have changed */
  cleared: RecordKind[];
  /** written by this window (false: heard from another window or tab) */
  fromHere: boolean;
}

export type ChangeListener = (batch: ChangeBatch) => void;

/** What the feed needs of a BroadcastChannel (tests hand a fake one). */
export interface ChangeChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

const TABLE_KINDS: Readonly<Record<string, RecordKind>> = { units: 'unit', projects: 'project', departmentPlans: 'plan' };
const KINDS: readonly RecordKind[] = ['unit', 'project', 'plan'];

/** The channel's name for a database: windows on other databases (tests, another profile) never hear it. */
export function changeChannelName(databaseName: string): string {
  return `${databaseName}:changes`;
}

/** A message from another window, checked: anything else on the channel is ignored. */
function asBatch(data: unknown): Omit<ChangeBatch, 'fromHere'> | null {
  if (typeof data !== 'object' || data === null) return null;
  const { changes, cleared } = data as { changes?: unknown; cleared?: unknown };
  if (!Array.isArray(changes) || !Array.isArray(cleared)) return null;
  const good = changes.every((c: unknown) => {
    if (typeof c !== 'object' || c === null) return false;
    const { kind, id, revision } = c as Partial<RecordChange>;
    return KINDS.includes(kind as RecordKind) && typeof id === 'string' && (revision === null || typeof revision === 'number');
  });
  if (!good || !cleared.every((k: unknown) => KINDS.includes(k as RecordKind))) return null;
  return { changes: changes as RecordChange[], cleared: cleared as RecordKind[] };
}

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  private channel: ChangeChannel | null = null;
  private readonly hear = (event: MessageEvent) => {
    const batch = asBatch(event.data);
    if (batch) this.deliver({ ...batch, fromHere: false });
  };

  /** Calls `listener` with every batch, of this window and of others; returns the unsubscribe. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Posts this window's batches on `channel` and hears the other windows' (one channel at a time). */
  connect(channel: ChangeChannel): void {
    this.disconnect();
    this.channel = channel;
    channel.addEventListener('message', this.hear);
  }

  disconnect(): void {
    this.channel?.removeEventListener('message', this.hear);
    this.channel?.close();
    this.channel = null;
  }

  /** A transaction of this window committed these changes. */
  committed(changes: RecordChange[], cleared: RecordKind[]): void {
    try {
      this.channel?.postMessage({ changes, cleared });
    } catch {
      // a closed channel (the page is going away) leaves the other windows to find the change at their next save
    }
    // after the writer's own continuation has run, so its editor knows the revision it wrote before anyone asks
    setTimeout(() => this.deliver({ changes, cleared, fromHere: true }), 0);
  }

  private deliver(batch: ChangeBatch): void {
    for (const listener of [...this.listeners]) listener(batch);
  }
}

interface Collected {
  changes: RecordChange[];
  cleared: Set<RecordKind>;
}

function collect(into: Collected, kind: RecordKind, req: DBCoreMutateRequest): void {
  if (req.type === 'add' || req.type === 'put') {
    if (!req.values) {
      into.cleared.add(kind);
      return;
    }
    for (const value of req.values as readonly { id?: unknown; revision?: unknown }[]) {
      if (typeof value?.id !== 'string') into.cleared.add(kind);
      else into.changes.push({ kind, id: value.id, revision: typeof value.revision === 'number' ? value.revision : null });
    }
  } else if (req.type === 'delete') {
    for (const key of req.keys) if (typeof key === 'string') into.changes.push({ kind, id: key, revision: null });
  } else {
    into.cleared.add(kind);
  }
}

/** The middleware that hands every committed write of the tracked tables to `feed`. */
export function changeMiddleware(feed: ChangeFeed): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'change-feed',
    create(down: DBCore): Partial<DBCore> {
      const pending = new WeakMap<object, Collected>();
      return {
        transaction(stores, mode, options) {
          const trans = down.transaction(stores, mode, options);
          if (mode === 'readwrite' && stores.some((s) => s in TABLE_KINDS)) {
            const collected: Collected = { changes: [], cleared: new Set() };
            pending.set(trans, collected);
            // the DBCore transaction of IndexedDB is the IDBTransaction itself (Dexie's own observers listen the same way)
            (trans as unknown as EventTarget).addEventListener('complete', () => {
              if (collected.changes.length > 0 || collected.cleared.size > 0) feed.committed(collected.changes, [...collected.cleared]);
            });
          }
          return trans;
        },
        table(name: string): DBCoreTable {
          const table = down.table(name);
          const kind = TABLE_KINDS[name];
          if (!kind) return table;
          return {
            ...table,
            mutate(req) {
              const collected = pending.get(req.trans);
              if (collected) collect(collected, kind, req);
              return table.mutate(req);
            },
          };
        },
      };
    },
  };
}

/** The last change a batch holds of one record, if any. */
export function changeOf(batch: ChangeBatch, kind: RecordKind, id: Id): RecordChange | undefined {
  let found: RecordChange | undefined;
  for (const c of batch.changes) if (c.kind === kind && c.id === id) found = c;
  return found;
}

/** Whether a batch may have changed the record: it names it, or cleared its whole kind. */
export function mayHaveChanged(batch: ChangeBatch, kind: RecordKind, id: Id): boolean {
  return batch.cleared.includes(kind) || changeOf(batch, kind, id) !== undefined;
}
