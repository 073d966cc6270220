// Whether a project's targets are filled (indicators, an annual goal, no blocking error against its unit's scheme),
// kept on its row at every write as the error count and the monitoring light are, so the supervisor's overview counts
// a city's filled targets without reading 30,000 indicators. It names the scheme it was checked against: once the
// unit's scheme has changed it no longer matches, and the targets are checked again from the project.
import type { Project, Unit } from '../../shared/model';
import { schemeOf, type IndicatorScheme } from '../../shared/schemes';
import { hasBlockingErrors, validateProject } from '../../shared/validation';

export interface StoredTargets {
  filled: boolean;
  /** what it was checked against (targetsKey) */
  scheme: string;
}

/** Bumped when what counts as filled changes (shared/validation.ts's rules on targets), so answers kept earlier are redone. */
const TARGETS_VERSION = 1;

export function targetsKey(scheme: IndicatorScheme): string {
  return `${TARGETS_VERSION}:${scheme.id}`;
}

/** The targets alone count: a half-filled self-assessment does not make finished targets unfinished. */
export function targetsAreFilled(project: Project, scheme: IndicatorScheme): boolean {
  const { selfAssessment: _sa, ...targets } = project;
  return targets.indicators.length > 0 && targets.annualGoal.trim() !== '' && !hasBlockingErrors(validateProject(targets, scheme));
}

/** What a write keeps on the project's row. */
export function targetsOfProject(project: Project, unit: Pick<Unit, 'schemeId'> | undefined): StoredTargets {
  const scheme = schemeOf(unit);
  return { filled: targetsAreFilled(project, scheme), scheme: targetsKey(scheme) };
}

/** The answer kept on a row when it was checked against this scheme; undefined: check the project again. */
export function keptTargets(row: { targets?: StoredTargets }, scheme: IndicatorScheme): boolean | undefined {
  return row.targets?.scheme === targetsKey(scheme) ? row.targets.filled : undefined;
}
