// The status a project shows in the list (草稿 / 待完善 / 已完成 / 已自评), derived from its data, never stored.
import type { AssessmentStatus } from './model';
import type { ProjectStatus } from './messages';

export type { ProjectStatus } from './messages';
export { PROJECT_STATUS_LABELS } from './messages';

export const PROJECT_STATUSES: readonly ProjectStatus[] = ['draft', 'incomplete', 'complete', 'assessed'];

export interface StatusFacts {
  assessmentStatus: AssessmentStatus;
  /** number of validation problems of severity 'error' */
  errorCount: number;
  indicatorCount: number;
  /** whether 年度绩效目标 has been written */
  hasAnnualGoal: boolean;
}

/**
 * 已自评 when the self-assessment is done; 已完成 when validation finds no error; 待完善 when there are errors but the
 * project already has indicators and a goal; 草稿 otherwise.
 */
export function projectStatus(facts: StatusFacts): ProjectStatus {
  if (facts.assessmentStatus === 'done') return 'assessed';
  if (facts.errorCount === 0) return 'complete';
  if (facts.indicatorCount > 0 && facts.hasAnnualGoal) return 'incomplete';
  return 'draft';
}
