// Reads of many projects' indicator rows at once, for the screens and steps that take a city's year in one go (the
// supervisor's overview, an import's plan).
import type { Id } from '../../shared/model';
import type { PerfDatabase, StoredIndicator } from './database';
import { groupByProject, indicatorRowsOfMany } from './project-rows';

/** Below this many projects a range read each costs little, whatever the table holds. */
const FEW_PROJECTS = 200;

/**
 * The indicator rows of these projects, by project, each in saved order. A range read per project, issued together;
 * when they are most of the stored projects (a city's year, a package sent again whole), one read of the whole table
 * costs far less than thousands of ranges on a real IndexedDB.
 */
export async function indicatorRowsOfProjects(db: PerfDatabase, projectIds: readonly Id[]): Promise<Map<Id, StoredIndicator[]>> {
  if (projectIds.length < FEW_PROJECTS || projectIds.length * 2 < (await db.projects.count())) return indicatorRowsOfMany(db, projectIds);
  const byProject = new Map<Id, StoredIndicator[]>(projectIds.map((id) => [id, []]));
  for (const [id, rows] of groupByProject(await db.indicators.toArray())) {
    if (byProject.has(id)) byProject.set(id, rows.sort((a, b) => a.order - b.order));
  }
  return byProject;
}
