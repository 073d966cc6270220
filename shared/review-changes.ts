// Which reviewable fields of a project's targets changed between two versions: what a save would change, in the terms
// review opinions are attached to (shared/review.ts canUnitEdit). A project approved with opinions still open may be
// changed where those opinions point, and nowhere else; this tells the repository where a save points.
import type { Id, Indicator, IndicatorReviewField, Project, ProjectReviewField, ReviewTarget } from './model';

export interface TargetChanges {
  /** the reviewable fields that differ, each once */
  targets: Omit<ReviewTarget, 'projectId'>[];
  /** something no opinion can be attached to differs too (是否政府投资项目, 重点项目, the year …) */
  other: boolean;
}

const PROJECT_FIELDS: readonly ProjectReviewField[] = ['name', 'competentDepartment', 'funding', 'townSubsidy', 'overview', 'basis', 'annualGoal', 'periodGoal'];

/** The project members the targets consist of, besides the reviewable fields and the indicators. */
const OTHER_PROJECT_FIELDS = ['unitId', 'year', 'governmentInvestment', 'key'] as const;

/** Indicator members compared under the reviewable field they show in: the 一级 with the 二级, a range's top with 指标值. */
const INDICATOR_FIELDS: readonly [IndicatorReviewField, readonly (keyof Indicator)[]][] = [
  ['name', ['name']],
  ['level2', ['level1', 'level2']],
  ['direction', ['direction']],
  ['target', ['target', 'targetMax']],
  ['unit', ['unit']],
  ['weight', ['weight']],
  ['core', ['core']],
  ['periodTarget', ['periodTarget']],
  ['explanation', ['explanation']],
];

/** Text and empty members compare alike ('' and absent), numbers and flags as they are. */
function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === undefined || v === null || v === '' ? null : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

export function changedTargets(before: Project, after: Project): TargetChanges {
  const targets: Omit<ReviewTarget, 'projectId'>[] = [];
  for (const field of PROJECT_FIELDS) if (!same(before[field], after[field])) targets.push({ field });
  let other = OTHER_PROJECT_FIELDS.some((f) => !same(before[f], after[f]));

  const ids = (p: Project) => p.indicators.map((i) => i.id).join('\u0000');
  if (ids(before) !== ids(after)) targets.push({ field: 'indicators' });
  const earlier = new Map<Id, Indicator>(before.indicators.map((i) => [i.id, i]));
  for (const indicator of after.indicators) {
    const old = earlier.get(indicator.id);
    if (!old) continue;
    for (const [field, members] of INDICATOR_FIELDS) {
      if (members.some((m) => !same(old[m], indicator[m]))) targets.push({ indicatorId: indicator.id, field });
    }
    const known = new Set<string>(['id', ...INDICATOR_FIELDS.flatMap(([, members]) => members)]);
    const rest = new Set([...Object.keys(old), ...Object.keys(indicator)].filter((k) => !known.has(k)));
    for (const key of rest) if (!same(old[key as keyof Indicator], indicator[key as keyof Indicator])) other = true;
  }
  return { targets, other };
}
