// The repository: the only code that reads and writes the database, one part per aggregate, all over one shared
// context (renderer/db/transaction.ts: the clock, the id generator, the error counter and the transaction helper).
import type { ChangeFeed } from './changes';
import type { PerfDatabase } from './database';
import { DepartmentPlanRepository } from './department-plans';
import { DirectoryRepository } from './directory';
import { ExchangeRepository } from './exchange';
import { ProjectRepository } from './projects';
import { SettingsRepository } from './settings';
import { SupervisorRepository } from './supervisor-overview';
import { createContext, type RepositoryOptions } from './transaction';
import { UnitRepository } from './units';

export type { ChangeBatch, ChangeChannel, RecordChange, RecordKind } from './changes';
export { changeChannelName, changeOf, mayHaveChanged } from './changes';
export type { StoredPlan, StoredUnit } from './database';
export type { DataCounts, DataSet } from './exchange';
export type { ProjectSummary } from './project-rows';
export { summarizeProject } from './project-rows';
export type { CopyYearSummary, DeletedProjects, NewProject } from './projects';
export type { DirectorySetUp } from './directory';
export type { MonitoredProject, SupervisedUnitSummary } from './supervisor-overview';
export type { Conflict, RepoResult, RepositoryOptions, Revised, SaveOptions } from './transaction';
export type { NewUnit, UnitChanges } from './units';
export type { DepartmentPlanRepository, DirectoryRepository, ExchangeRepository, ProjectRepository, SettingsRepository, SupervisorRepository, UnitRepository };

export class Repository {
  readonly units: UnitRepository;
  readonly projects: ProjectRepository;
  readonly plans: DepartmentPlanRepository;
  readonly settings: SettingsRepository;
  readonly exchange: ExchangeRepository;
  readonly supervisor: SupervisorRepository;
  readonly directory: DirectoryRepository;
  /** every committed write of a unit, project or plan, of this window and (once connected) of the others */
  readonly changes: ChangeFeed;

  constructor(db: PerfDatabase, options: RepositoryOptions = {}) {
    const ctx = createContext(db, options);
    this.changes = db.changes;
    this.units = new UnitRepository(ctx);
    this.projects = new ProjectRepository(ctx);
    this.plans = new DepartmentPlanRepository(ctx);
    this.settings = new SettingsRepository(ctx);
    this.exchange = new ExchangeRepository(ctx);
    this.supervisor = new SupervisorRepository(ctx);
    this.directory = new DirectoryRepository(ctx);
  }
}
