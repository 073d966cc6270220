// Above the project editor: the project's 审核状态, the latest round's result and opinion, 提交审核 with the 经办人, and,
// on a project 审核通过, why its fields are read-only.
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { reviewTimeText, roundNumber, targetLabel } from '../../../shared/review';
import { MR, REVIEW_STATUS_LABELS } from '../../messages-review';
import { useStore } from '../store-context';

export const ReviewBar = observer(function ReviewBar() {
  const root = useStore();
  const r = root.review;
  const project = r.project;
  useEffect(() => {
    void r.loadBy();
  }, [r]);
  if (!project) return null;
  const status = r.status;
  const round = r.latestRound;
  const scope = r.scope;
  return (
    <section className={`review-bar review-${status}`} id="review-bar" aria-label={MR.reviewStatus}>
      <div className="review-bar-line">
        <span className={`badge review-${status}`} id="review-bar-status">
          {REVIEW_STATUS_LABELS[status]}
        </span>
        {round && (
          <span className="review-round" id="review-bar-round">
            {MR.latestRound(roundNumber(project, round.id), round.result, round.reviewer, reviewTimeText(round.reviewedAt))}
          </span>
        )}
        <span className="spacer" />
        {status !== 'approved' && (
          <>
            <label className="field-inline">
              <span>{MR.by}</span>
              <input id="review-by" className="review-by" placeholder={MR.byPlaceholder} value={r.by} onChange={(e) => r.setBy(e.target.value)} />
            </label>
            <button type="button" className={r.canSubmit ? 'primary' : ''} id="review-submit" disabled={!r.canSubmit} title={MR.submitHint} onClick={() => void r.submit()}>
              {MR.submit}
            </button>
          </>
        )}
      </div>
      {round?.opinion && (
        <p className="review-opinion" id="review-bar-opinion">
          {MR.overallOpinion}：{round.opinion}
        </p>
      )}
      {r.lockReason && (
        <p className="review-lock" id="review-lock" role="note">
          {r.lockReason}
        </p>
      )}
      {scope.kind === 'opinions' && (
        <p className="review-lock" id="review-scope" role="note">
          {MR.scopeHint(scope.targets.map((t) => targetLabel(project, t)).join('、'))}
        </p>
      )}
      {status === 'submitted' && r.canSubmit && <p className="hint">{MR.changedSinceSubmission}</p>}
      {r.notice && (
        <p className={r.notice.kind === 'error' ? 'refusal' : 'x-outcome'} id="review-notice" role={r.notice.kind === 'error' ? 'alert' : 'status'}>
          {r.notice.text}
        </p>
      )}
    </section>
  );
});
