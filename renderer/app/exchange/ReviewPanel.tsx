// 绩效目标审核 (the supervisor): the projects of its units with their status, one opened read-only with an "意见" action
// beside each field, the four questions, the result, the history of the review, and the package sent back down.
import { observer } from 'mobx-react-lite';
import type { ReactNode } from 'react';
import { level2Label } from '../../../shared/indicator-text';
import { fundingTotal, type Indicator, type IndicatorReviewField, type Project, type ProjectReviewField, type ReviewQuestions, type ReviewTarget } from '../../../shared/model';
import { reviewTimeText, roundNumber, targetLabel } from '../../../shared/review';
import { schemeOf } from '../../../shared/schemes';
import { FUNDING_SOURCE_LABELS } from '../../messages';
import {
  INDICATOR_REVIEW_FIELD_LABELS,
  MR,
  PROJECT_REVIEW_FIELD_LABELS,
  REVIEW_GRADE_HANDLING,
  REVIEW_QUESTION_LABELS,
  REVIEW_QUESTION_POINTS,
  REVIEW_STATUS_LABELS,
} from '../../messages-review';
import { REVIEW_FILTERS, REVIEW_GRADES, type ReviewFilter, type ReviewStore } from '../../stores/review-store';
import { wan } from '../money';
import { useStore } from '../store-context';
import { MessageList, Outcome } from './Messages';

const QUESTIONS: (keyof ReviewQuestions)[] = ['completeness', 'relevance', 'appropriateness', 'feasibility'];

export const ReviewPanel = observer(function ReviewPanel() {
  const s = useStore().exchange.review;
  return (
    <div className="x-panel" id="review-panel">
      <h1>{MR.reviewTitle}</h1>
      {s.open ? <ReviewProject s={s} project={s.open} /> : <ReviewList s={s} />}
      <MessageList id="review-messages" messages={s.messages} />
      <Outcome id="review-outcome" text={s.outcome} />
    </div>
  );
});

const filterLabel = (f: ReviewFilter) => (f === 'all' ? MR.filterAll : REVIEW_STATUS_LABELS[f]);

const ReviewList = observer(function ReviewList({ s }: { s: ReviewStore }) {
  const rows = s.rows;
  const counts = s.counts;
  return (
    <>
      <p className="hint">{MR.reviewIntro}</p>
      <div className="card">
        <div className="x-actions">
          <label className="field-inline">
            <span>{MR.filterLabel}</span>
            <select id="review-filter" value={s.filter} onChange={(e) => s.setFilter(e.target.value as ReviewFilter)}>
              {REVIEW_FILTERS.map((f) => (
                <option key={f} value={f}>
                  {filterLabel(f)}（{counts[f]}）
                </option>
              ))}
            </select>
          </label>
          <span className="spacer" />
          <button type="button" id="review-export-all" disabled={s.busy || s.projects.length === 0} onClick={() => void s.exportPackage(null)}>
            {MR.exportAllReviews}
          </button>
        </div>
        {s.projects.length === 0 && s.units.length > 0 ? (
          <p className="hint">{MR.noUnitsBelow}</p>
        ) : rows.length === 0 ? (
          <p className="hint">{MR.noRows}</p>
        ) : (
          <table className="x-table" id="review-rows">
            <thead>
              <tr>
                <th>{MR.unitColumn}</th>
                <th>{MR.projectColumn}</th>
                <th className="num">{MR.fundingTotal}</th>
                <th>{MR.statusColumn}</th>
                <th>{MR.submittedColumn}</th>
                <th>{MR.resultColumn}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map(({ project, unitName, status }) => {
                const at = s.submittedAt(project);
                return (
                  <tr key={project.id} data-project-id={project.id}>
                    <td>{unitName}</td>
                    <td>{project.name}</td>
                    <td className="num">{wan(fundingTotal(project.funding))}</td>
                    <td>
                      <span className={`badge review-${status}`}>{REVIEW_STATUS_LABELS[status]}</span>
                    </td>
                    <td>{at ? reviewTimeText(at) : '—'}</td>
                    <td>{s.latestResult(project) ?? '—'}</td>
                    <td>
                      <button type="button" className={status === 'submitted' ? 'primary review-open' : 'review-open'} onClick={() => s.openProject(project.id)}>
                        {status === 'submitted' ? MR.open : MR.view}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
});

const ReviewProject = observer(function ReviewProject({ s, project }: { s: ReviewStore; project: Project }) {
  const status = s.openStatus ?? 'draft';
  const unitName = s.unitName(project.unitId);
  const writable = status === 'submitted';
  return (
    <div id="review-project" data-project-id={project.id}>
      <div className="x-actions">
        <button type="button" id="review-back" onClick={() => s.close()}>
          ← {MR.back}
        </button>
        <h2>
          {unitName} · {project.name}（{project.year}）
        </h2>
        <span className={`badge review-${status}`} id="review-status">
          {REVIEW_STATUS_LABELS[status]}
        </span>
        <span className="spacer" />
        <button type="button" id="review-export-unit" disabled={s.busy} onClick={() => void s.exportPackage(project.unitId)}>
          {MR.exportUnitReviews(unitName)}
        </button>
      </div>
      <ProjectView s={s} project={project} writable={writable} />
      {writable ? <RoundForm s={s} project={project} /> : status !== 'approved' && <p className="hint">{MR.notSubmittedYet}</p>}
      {status === 'approved' && <ReopenForm s={s} />}
      <History project={project} />
    </div>
  );
});

/** A value of the project with, while a round is being written, its "意见" action and the opinion written on it. */
const Opinable = observer(function Opinable({ s, target, what, children, writable }: { s: ReviewStore; target: ReviewTarget; what: string; children: ReactNode; writable: boolean }) {
  const editing = s.editing;
  const open = editing !== null && editing.target.field === target.field && (editing.target.indicatorId ?? null) === (target.indicatorId ?? null);
  const draft = s.opinionAt(target);
  const key = `${target.indicatorId ?? 'project'}-${target.field}`;
  return (
    <div className={'opinable' + (draft ? ' has-draft' : '')} data-target={key}>
      <div className="opinable-value">
        {children}
        {writable && (
          <button type="button" className="link opinion-add" data-opinion-target={key} title={MR.addOpinionTitle(what)} onClick={() => s.startOpinion(target)}>
            {MR.addOpinion}
          </button>
        )}
      </div>
      {draft && !open && <p className="opinion-draft">{draft.text}</p>}
      {open && (
        <div className="opinion-box">
          <textarea id="review-opinion-text" rows={2} autoFocus aria-label={MR.opinionOn(what)} placeholder={MR.opinionOn(what)} value={editing.text} onChange={(e) => s.setEditingText(e.target.value)} />
          <button type="button" className="primary" id="review-opinion-save" onClick={() => s.commitOpinion()}>
            {MR.saveOpinion}
          </button>
          <button type="button" onClick={() => s.cancelOpinion()}>
            {MR.cancel}
          </button>
        </div>
      )}
    </div>
  );
});

const TEXT_FIELDS: ProjectReviewField[] = ['overview', 'basis', 'annualGoal', 'periodGoal'];
const INDICATOR_COLUMNS: IndicatorReviewField[] = ['level2', 'name', 'direction', 'target', 'unit', 'weight', 'core', 'periodTarget', 'explanation'];

const ProjectView = observer(function ProjectView({ s, project, writable }: { s: ReviewStore; project: Project; writable: boolean }) {
  const scheme = schemeOf(s.units.find((u) => u.id === project.unitId));
  const at = (field: ProjectReviewField): ReviewTarget => ({ projectId: project.id, field });
  const field = (f: ProjectReviewField, value: ReactNode) => (
    <div className="review-field" key={f}>
      <span className="review-label">{PROJECT_REVIEW_FIELD_LABELS[f]}</span>
      <Opinable s={s} target={at(f)} what={PROJECT_REVIEW_FIELD_LABELS[f]} writable={writable}>
        <span className="review-value">{value || '—'}</span>
      </Opinable>
    </div>
  );
  const cell = (ind: Indicator, f: IndicatorReviewField): ReactNode => {
    switch (f) {
      case 'level2':
        return level2Label(scheme, ind.level2);
      case 'weight':
        return ind.weight ?? '';
      case 'core':
        return ind.core ? MR.yes : MR.no;
      case 'target':
        return ind.targetMax ? `${ind.target}-${ind.targetMax}` : ind.target;
      default:
        return ind[f] ?? '';
    }
  };
  const sources = (Object.keys(FUNDING_SOURCE_LABELS) as (keyof typeof FUNDING_SOURCE_LABELS)[]).filter((k) => project.funding[k] !== 0);
  return (
    <div className="card review-view" id="review-view">
      <h2>{MR.projectView}</h2>
      {field('name', project.name)}
      {field('competentDepartment', project.competentDepartment)}
      {field(
        'funding',
        <>
          {MR.wanValue(wan(fundingTotal(project.funding)))}
          {sources.length > 0 && <span className="hint">（{sources.map((k) => `${FUNDING_SOURCE_LABELS[k]} ${wan(project.funding[k])}`).join('；')}）</span>}
        </>,
      )}
      {project.townSubsidy !== 0 && field('townSubsidy', MR.wanValue(wan(project.townSubsidy)))}
      {TEXT_FIELDS.map((f) => field(f, project[f] as string))}
      <div className="review-field">
        <span className="review-label">{PROJECT_REVIEW_FIELD_LABELS.indicators}</span>
        <Opinable s={s} target={at('indicators')} what={PROJECT_REVIEW_FIELD_LABELS.indicators} writable={writable}>
          <span className="hint">{MR.indicatorCount(project.indicators.length)}</span>
        </Opinable>
      </div>
      <table className="x-table review-indicators" id="review-indicators">
        <thead>
          <tr>
            {INDICATOR_COLUMNS.map((f) => (
              <th key={f}>{INDICATOR_REVIEW_FIELD_LABELS[f]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {project.indicators.map((ind) => (
            <tr key={ind.id} data-indicator-id={ind.id}>
              {INDICATOR_COLUMNS.map((f) => (
                <td key={f} data-field={f}>
                  <Opinable s={s} target={{ projectId: project.id, indicatorId: ind.id, field: f }} what={targetLabel(project, { projectId: project.id, indicatorId: ind.id, field: f })} writable={writable}>
                    <span className="review-value">{cell(ind, f)}</span>
                  </Opinable>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});

const RoundForm = observer(function RoundForm({ s, project }: { s: ReviewStore; project: Project }) {
  return (
    <div className="card" id="review-round">
      <h2>{MR.questions}</h2>
      {QUESTIONS.map((q) => (
        <label className="field" key={q}>
          <span>
            {REVIEW_QUESTION_LABELS[q]} <small className="hint">{REVIEW_QUESTION_POINTS[q]}</small>
          </span>
          <textarea rows={2} data-question={q} value={s.questions[q]} onChange={(e) => s.setQuestion(q, e.target.value)} />
        </label>
      ))}
      <h2>{MR.fieldOpinions}</h2>
      {s.fieldOpinions.length === 0 ? (
        <p className="hint">{MR.noFieldOpinions}</p>
      ) : (
        <ul className="review-opinions" id="review-field-opinions">
          {s.fieldOpinions.map((o) => (
            <li key={o.key}>
              <b>{targetLabel(project, o.target)}</b>：{o.text}
              <button type="button" className="link" onClick={() => s.removeOpinion(o.key)}>
                {MR.removeOpinion}
              </button>
            </li>
          ))}
        </ul>
      )}
      <fieldset className="x-choices" id="review-result">
        <legend>{MR.result}</legend>
        {REVIEW_GRADES.map((g) => (
          <label key={g} title={REVIEW_GRADE_HANDLING[g]}>
            <input type="radio" name="review-result" value={g} checked={s.result === g} onChange={() => s.setResult(g)} />
            {g}
          </label>
        ))}
        <span className="hint">{REVIEW_GRADE_HANDLING[s.result]}</span>
      </fieldset>
      <label className="field">
        <span>{MR.overallOpinion}</span>
        <textarea id="review-opinion" rows={3} value={s.opinion} onChange={(e) => s.setOpinion(e.target.value)} />
      </label>
      <label className="field narrow">
        <span>{MR.reviewer}</span>
        <input id="review-reviewer" value={s.reviewer} onChange={(e) => s.setReviewer(e.target.value)} />
      </label>
      <div className="x-actions">
        <button type="button" className="primary" id="review-save" disabled={s.busy} onClick={() => void s.saveRound()}>
          {s.approves ? MR.approve : MR.returnToUnit}
        </button>
      </div>
    </div>
  );
});

const ReopenForm = observer(function ReopenForm({ s }: { s: ReviewStore }) {
  return (
    <div className="card" id="review-reopen-form">
      <p className="hint">{MR.reopenHint}</p>
      <label className="field">
        <span>{MR.reopenReason}</span>
        <input id="review-reopen-reason" value={s.reopenReason} onChange={(e) => s.setReopenReason(e.target.value)} />
      </label>
      <label className="field narrow">
        <span>{MR.reviewer}</span>
        <input id="review-reopen-by" value={s.reviewer} onChange={(e) => s.setReviewer(e.target.value)} />
      </label>
      <button type="button" id="review-reopen" disabled={s.busy} onClick={() => void s.reopen()}>
        {MR.reopen}
      </button>
    </div>
  );
});

/** Every event of the review, oldest first, with the opinions of each round and the unit's answers. */
function History({ project }: { project: Project }) {
  const review = project.review;
  if (!review) return null;
  const lines: { at: string; node: ReactNode }[] = [
    ...review.submissions.map((x) => ({ at: x.at, node: MR.submissionLine(x.by, reviewTimeText(x.at)) })),
    ...review.reopenings.map((x) => ({ at: x.at, node: MR.reopeningLine(x.by, reviewTimeText(x.at), x.reason) })),
    ...review.rounds.map((r) => ({
      at: r.reviewedAt,
      node: (
        <>
          {MR.roundLine(roundNumber(project, r.id), r.result, r.reviewer, reviewTimeText(r.reviewedAt))}
          {r.opinion && <div className="hint">{r.opinion}</div>}
          {r.fieldOpinions.length > 0 && (
            <ul>
              {r.fieldOpinions.map((o) => (
                <li key={o.id}>
                  {targetLabel(project, o.target)}：{o.text}
                  {o.answered && <div className="hint">{MR.answeredBy(o.answered.note, o.answered.by, reviewTimeText(o.answered.at))}</div>}
                </li>
              ))}
            </ul>
          )}
        </>
      ),
    })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  if (lines.length === 0) return null;
  return (
    <div className="card" id="review-history">
      <h2>{MR.history}</h2>
      <ol className="review-history">
        {lines.map((l, i) => (
          <li key={i}>{l.node}</li>
        ))}
      </ol>
    </div>
  );
}
