// The catalogue of official forms (domain.md §6). Adding a region's variant is adding one template file here.
import { f1ProjectTargets } from './f1-project-targets';
import { f2DepartmentTargets } from './f2-department-targets';
import { f3ProjectSelfAssessment } from './f3-project-self-assessment';
import { f4SelfEvaluationDisclosure } from './f4-self-evaluation-disclosure';
import { f5ProjectTargetsConsolidated } from './f5-project-targets-consolidated';
import { f6KeyProjects } from './f6-key-projects';
import { f7DepartmentWeightedTargets } from './f7-department-weighted-targets';
import { f8DepartmentSelfAssessment } from './f8-department-self-assessment';
import { f9Monitoring } from './f9-monitoring';
import { f10ReviewOpinions } from './f10-review-opinions';
import type { FormId, FormTemplate } from './template';

export const TEMPLATES: readonly FormTemplate[] = [
  f1ProjectTargets,
  f2DepartmentTargets,
  f3ProjectSelfAssessment,
  f4SelfEvaluationDisclosure,
  f5ProjectTargetsConsolidated,
  f6KeyProjects,
  f7DepartmentWeightedTargets,
  f8DepartmentSelfAssessment,
  f9Monitoring,
  f10ReviewOpinions,
];

export function getTemplate(id: string): FormTemplate | undefined {
  return TEMPLATES.find((t) => t.id === (id.toUpperCase() as FormId));
}

export type { FormData, FormId, FormRequest, FormScope, FormTemplate } from './template';
