// Reads of many projects' indicators at once, for the screens and steps that take a city's year in one go (the
// supervisor's overview, an import's plan).
import type { Id, Indicator } from '../../shared/model';
import type { PerfDatabase } from './database';
import { indicatorsOfAll, indicatorsOfMany } from './project-rows';

/** Below this many projects a read each costs little, whatever the table holds. */
const FEW_PROJECTS = 200;

/**
 * The indicators of these projects, by project, each in saved order. A read per project, issued together; when they
 * are most of the stored projects (a city's year, a package sent again whole), one read of the whole table costs less
 * than thousands of single reads on a real IndexedDB.
 */
export async function indicatorsOfProjects(db: PerfDatabase, projectIds: readonly Id[]): Promise<Map<Id, Indicator[]>> {
  if (projectIds.length < FEW_PROJECTS || projectIds.length * 2 < (await db.projects.count())) return indicatorsOfMany(db, projectIds);
  const all = await indicatorsOfAll(db);
  return new Map(projectIds.map((id) => [id, all.get(id) ?? []]));
}
