// In the check panel: the latest review round's opinions on the project in the editor, each with where it applies
// (a click goes there), the unit's answer box while it is open, and the answer once given.
import { observer } from 'mobx-react-lite';
import { reviewTimeText, targetLabel } from '../../../shared/review';
import { MR } from '../../messages-review';
import { focusElement } from '../focus';
import { useStore } from '../store-context';
import { opinionDomId } from './opinion-target';

export const OpenOpinions = observer(function OpenOpinions() {
  const root = useStore();
  const r = root.review;
  const project = r.project;
  const round = r.latestRound;
  if (root.selection?.kind !== 'project' || !project || !round || round.fieldOpinions.length === 0) return null;
  const open = r.openOpinions.length;
  return (
    <div className="review-opinions-panel" id="review-opinions">
      <h3 className="warning">
        {MR.opinionsTitle} <span className={'count warning' + (open ? '' : ' zero')}>{MR.openOpinions(open)}</span>
      </h3>
      <ul className="problems warning">
        {round.fieldOpinions.map((o) => (
          <li key={o.id} data-opinion-id={o.id} className={o.answered ? 'answered' : 'open'}>
            <button type="button" onClick={() => focusElement(opinionDomId(o.target))}>
              <b>{targetLabel(project, o.target)}</b>：{o.text}
            </button>
            {o.answered ? (
              <p className="hint">{MR.answeredBy(o.answered.note, o.answered.by, reviewTimeText(o.answered.at))}</p>
            ) : (
              <div className="opinion-answer">
                <textarea rows={2} aria-label={MR.answer} placeholder={MR.answerPlaceholder} value={r.answers.get(o.id) ?? ''} onChange={(e) => r.setAnswer(o.id, e.target.value)} />
                <button type="button" className="answer-opinion" disabled={r.busy} onClick={() => void r.answer(round.id, o.id)}>
                  {MR.answer}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
});
