// The repository: the only code that reads and writes the database, one part per aggregate, all over one shared
// context (renderer/db/transaction.ts: the clock, the id generator, the error counter and the transaction helper).
import type { PerfDatabase } from './database';
import { DepartmentPlanRepository } from './department-plans';
import { ExchangeRepository } from './exchange';
import { ProjectRepository } from './projects';
import { SettingsRepository } from './settings';
import { SupervisorRepository } from './supervisor-overview';
import { createContext, type RepositoryOptions } from './transaction';
import { UnitRepository } from './units';

export type { StoredPlan, StoredUnit } from './database';
export type { DataCounts, DataSet } from './exchange';
export type { ProjectSummary } from './project-rows';
export { summarizeProject } from './project-rows';
export type { CopyYearSummary, DeletedProjects, NewProject } from './projects';
export type { SupervisedUnitSummary } from './supervisor-overview';
export type { Conflict, RepoResult, RepositoryOptions, Revised, SaveOptions } from './transaction';
export type { NewUnit, UnitChanges } from './units';
export type { DepartmentPlanRepository, ExchangeRepository, ProjectRepository, SettingsRepository, SupervisorRepository, UnitRepository };

export class Repository {
  readonly units: UnitRepository;
  readonly projects: ProjectRepository;
  readonly plans: DepartmentPlanRepository;
  readonly settings: SettingsRepository;
  readonly exchange: ExchangeRepository;
  readonly supervisor: SupervisorRepository;

  constructor(db: PerfDatabase, options: RepositoryOptions = {}) {
    const ctx = createContext(db, options);
    this.units = new UnitRepository(ctx);
    this.projects = new ProjectRepository(ctx);
    this.plans = new DepartmentPlanRepository(ctx);
    this.settings = new SettingsRepository(ctx);
    this.exchange = new ExchangeRepository(ctx);
    this.supervisor = new SupervisorRepository(ctx);
  }
}
