// A project's 审核状态 in the project list: nothing while 待提交 (most rows, most of the year), else the status.
import type { ReviewStatus } from '../../../shared/model';
import { REVIEW_STATUS_LABELS } from '../../messages-review';

export function ReviewBadge({ status }: { status: ReviewStatus }) {
  if (status === 'draft') return null;
  return <span className={`badge review-${status}`} data-review-status={status}>{REVIEW_STATUS_LABELS[status]}</span>;
}
