// The local IndexedDB database (Dexie). The name is fixed so a unit's data never moves between releases.
import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import type { DepartmentPlan, Id, Indicator, Project, Timestamp, Unit } from '../../shared/model';
import type { StoredLight } from './monitoring-lights';
import type { StoredTargets } from './targets-filled';
import { ChangeFeed, changeMiddleware } from './changes';

export const DB_NAME = 'perf-target-desk';

/** A unit as stored: with its revision (renderer/db/transaction.ts Revised), 1 when written first, one more each write. */
export interface StoredUnit extends Unit {
  revision: number;
}

/** A department plan as stored, with its revision. */
export interface StoredPlan extends DepartmentPlan {
  revision: number;
}

/** A project row: everything but its indicators, which live in their own list (StoredIndicatorList). */
export interface StoredProject extends Omit<Project, 'indicators'> {
  /** kept in step with the indicator list by every save, so lists never have to load indicators */
  indicatorCount: number;
  /** blocking validation errors at the last write, when the repository was given an error counter */
  errorCount?: number;
  /** the light of the latest monitoring round at the last write (monitoring-lights.ts), for the supervisor's overview */
  monitoringLight?: StoredLight;
  /** whether the targets were filled at the last write (targets-filled.ts), for the supervisor's overview */
  targets?: StoredTargets;
  revision: number;
}

/**
 * A project's indicators in saved order, one record per project: an import of 100,000 indicators is a few thousand
 * writes, not 100,000 (IndexedDB's cost is per record and per index entry).
 */
export interface StoredIndicatorList {
  projectId: Id;
  indicators: Indicator[];
  /** the indicators' ids, written with them: the multi-entry index that finds which project holds an indicator id */
  ids: Id[];
}

/** An indicator row of versions 1–4, one record per indicator; read only by the upgrade to version 5. */
interface IndicatorRowV1 extends Indicator {
  projectId: Id;
  order: number;
}

export interface StoredSetting {
  key: string;
  value: unknown;
}

/**
 * Consolidation base of one record (shared/consolidation.ts): the package's updatedAt of the record when it was last
 * imported, so the next import can tell which side has changed since.
 */
export interface StoredSyncBase {
  id: Id;
  updatedAt: Timestamp;
}

export interface VersionSpec {
  version: number;
  /** Dexie schema strings; null deletes a table */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => PromiseLike<unknown> | void;
}

/**
 * Every schema version the app has ever shipped, oldest first. Never edit or remove an entry: append a new one
 * (with an `upgrade` that transforms existing records) so databases of every older release open and migrate.
 */
export const DB_VERSIONS: readonly VersionSpec[] = [
  {
    version: 1,
    stores: {
      units: 'id, parentId, name',
      projects: 'id, [unitId+year], unitId, year, updatedAt',
      indicators: 'id, projectId, [projectId+order]',
      departmentPlans: 'id, [unitId+year]',
      settings: 'key',
    },
  },
  {
    // consolidation bases; a new table only, so existing records need no upgrade
    version: 2,
    stores: {
      syncBases: 'id',
    },
  },
  {
    // self-assessments gain 上年结转资金 (SelfAssessment.carriedOver), zero where nothing was carried over before
    version: 3,
    stores: {},
    upgrade: (tx) =>
      tx
        .table<StoredProject>('projects')
        .toCollection()
        .modify((project) => {
          if (project.selfAssessment && !project.selfAssessment.carriedOver) {
            project.selfAssessment.carriedOver = { budgetInitial: 0, budgetAdjusted: 0, spent: 0 };
          }
        }),
  },
  {
    // units, projects and plans carry a revision, so a save made against an older one can be refused (issue #14)
    version: 4,
    stores: {},
    upgrade: async (tx) => {
      for (const name of ['units', 'projects', 'departmentPlans']) {
        await tx
          .table<{ revision?: number }>(name)
          .toCollection()
          .modify((record) => {
            if (typeof record.revision !== 'number') record.revision = 1;
          });
      }
    },
  },
  {
    // one indicator list per project instead of one row per indicator (StoredIndicatorList), in saved order
    version: 5,
    stores: {
      indicatorLists: 'projectId, *ids',
    },
    upgrade: async (tx) => {
      const byProject = new Map<Id, IndicatorRowV1[]>();
      // read in one request rather than a cursor step per row
      for (const row of await tx.table<IndicatorRowV1>('indicators').toArray()) {
        const rows = byProject.get(row.projectId);
        if (rows) rows.push(row);
        else byProject.set(row.projectId, [row]);
      }
      const lists = [...byProject].map(([projectId, rows]): StoredIndicatorList => {
        const indicators = rows
          .sort((a, b) => a.order - b.order)
          .map(({ projectId: _project, order: _order, ...indicator }) => indicator);
        return { projectId, indicators, ids: indicators.map((i) => i.id) };
      });
      await tx.table<StoredIndicatorList>('indicatorLists').bulkAdd(lists);
    },
  },
  {
    // the indicator rows, moved into the lists by version 5
    version: 6,
    stores: {
      indicators: null,
    },
  },
];

export function declareVersions(db: Dexie, versions: readonly VersionSpec[] = DB_VERSIONS): void {
  for (const spec of versions) {
    const version = db.version(spec.version).stores(spec.stores);
    if (spec.upgrade) version.upgrade(spec.upgrade);
  }
}

export class PerfDatabase extends Dexie {
  declare units: Table<StoredUnit, Id>;
  declare projects: Table<StoredProject, Id>;
  declare indicatorLists: Table<StoredIndicatorList, Id>;
  declare departmentPlans: Table<StoredPlan, Id>;
  declare settings: Table<StoredSetting, string>;
  declare syncBases: Table<StoredSyncBase, Id>;

  /** Another page opened this database at a newer version (or is deleting it): this one is closed and writes nothing. */
  outdated = false;
  /** what every committed write changed, for this window's stores and (once connected) the other windows */
  readonly changes = new ChangeFeed();
  private readonly outdatedListeners = new Set<() => void>();

  /**
   * @param options pass `{ indexedDB, IDBKeyRange }` to run on another IndexedDB (tests use fake-indexeddb)
   * @param versions only migration tests pass a longer list than DB_VERSIONS
   */
  constructor(options?: DexieOptions, versions: readonly VersionSpec[] = DB_VERSIONS) {
    super(DB_NAME, options);
    declareVersions(this, versions);
    this.use(changeMiddleware(this.changes));
    this.on('versionchange', () => {
      // Dexie's own handler would close with auto-open left on: the next save would open the database again, at the
      // newer version, and write this release's records into the newer schema. Closed for good instead.
      this.close({ disableAutoOpen: true });
      this.outdated = true;
      for (const listener of this.outdatedListeners) listener();
      return false;
    });
  }

  /** Calls `listener` once the database has been closed for a newer version; returns the unsubscribe. */
  onOutdated(listener: () => void): () => void {
    this.outdatedListeners.add(listener);
    return () => this.outdatedListeners.delete(listener);
  }
}
