// The marker beside a field of the project editor that an opinion of the latest review round is about: open (to act
// on) or answered; the opinions' texts show on hover and in the list of open opinions beside the check panel.
import { observer } from 'mobx-react-lite';
import type { Id, IndicatorReviewField, ProjectReviewField } from '../../../shared/model';
import { MR } from '../../messages-review';
import { useStore } from '../store-context';

export const OpinionMark = observer(function OpinionMark({
  field,
  indicatorId,
  compact = false,
}: {
  field: ProjectReviewField | IndicatorReviewField;
  indicatorId?: Id;
  /** in a table cell: a corner flag, its text on hover only */
  compact?: boolean;
}) {
  const opinions = useStore().review.opinionsAt(field, indicatorId);
  if (opinions.length === 0) return null;
  const open = opinions.some((o) => !o.answered);
  const texts = opinions.map((o) => o.text).join('；');
  return (
    <span
      className={'opinion-mark ' + (open ? 'open' : 'answered') + (compact ? ' compact' : '')}
      data-opinion-field={indicatorId === undefined ? field : `${indicatorId}.${field}`}
      title={MR.opinionMarkTitle(texts)}
      role="note"
    >
      {open ? MR.opinionMark : MR.answeredMark}
      <span className="opinion-text">{texts}</span>
    </span>
  );
});
