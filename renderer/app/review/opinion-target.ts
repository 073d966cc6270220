// Where a review opinion's field is on the editor's page (focus.ts fieldDomId), so the list of open opinions can jump
// to it and the markers can name it.
import type { IndicatorReviewField, ProjectReviewField, ReviewTarget } from '../../../shared/model';
import { INDICATOR_REVIEW_FIELD_LABELS } from '../../../shared/review-messages';
import type { RecordField } from '../../../shared/validation';
import { fieldDomId } from '../focus';

const isIndicatorField = (field: string): field is IndicatorReviewField => field in INDICATOR_REVIEW_FIELD_LABELS;

/** The project's own field an opinion points at, as the editor's boxes know it: the budget by its first box. */
function recordField(field: ProjectReviewField): RecordField {
  return field === 'funding' ? 'funding.generalPublic' : field;
}

export function opinionDomId(target: Omit<ReviewTarget, 'projectId'>): string {
  const { field, indicatorId } = target;
  if (indicatorId !== undefined && isIndicatorField(field)) return fieldDomId({ record: 'project', of: 'indicator', indicatorId, field });
  return fieldDomId({ record: 'project', of: 'record', field: recordField(field as ProjectReviewField) });
}
