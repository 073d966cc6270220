// An exchange document as it is made: the format's name and version and the records. Apart from the validator
// (exchange.ts), so that code which only builds packages (the directory and review packages a supervisor hands down)
// stays small enough for the first screen, which uses their domain modules.
import type { DepartmentPlan, LibraryRecord, Project, Timestamp, Unit } from '../model';
import type { ExchangeDocument } from './exchange';

export const EXCHANGE_FORMAT = 'perf-target-desk/exchange';
export const EXCHANGE_VERSION = 1;

export function createExchangeDocument(
  data: { units: Unit[]; projects: Project[]; departmentPlans: DepartmentPlan[]; library?: LibraryRecord[] },
  exportedAt: Timestamp,
  exportedBy?: string,
): ExchangeDocument {
  return {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    exportedAt,
    ...(exportedBy ? { exportedBy } : {}),
    units: data.units,
    projects: data.projects,
    departmentPlans: data.departmentPlans,
    ...(data.library && data.library.length > 0 ? { library: data.library } : {}),
  };
}
