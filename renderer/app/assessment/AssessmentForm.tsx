// 项目支出绩效自评 of the selected project: funds by source with the execution rate and its score as they are typed,
// the overall result, every indicator's actual value and score, problems and rectification, the live total and grade,
// the rule set the scores follow (and what a change of it did), and the 已完成 lock.
import { observer } from 'mobx-react-lite';
import { fiscalTotal, FUNDING_SOURCES, fundingTotal, type Funding, type SelfAssessment } from '../../../shared/model';
import { ASSESSMENT_STATUS_LABELS, FUNDING_SOURCE_LABELS, MONEY_GROUP_LABELS } from '../../../shared/messages';
import { ruleSetDifferences, ruleSetLabel } from '../../../shared/rule-sets';
import { NOTE_LIMIT } from '../../../shared/validation';
import { completenessOf } from '../../../shared/year-overview';
import { MA } from '../../messages';
import type { AssessmentStore, MoneyGroup } from '../../stores/assessment-store';
import { wan } from '../money';
import { SaveMark } from '../StatusBar';
import { MoneyInput, TextBox } from './inputs';
import { ResultsTable, scoreText, type ResultHandlers } from './ResultsTable';

const GROUPS: MoneyGroup[] = ['budgetInitial', 'budgetAdjusted', 'spent'];

export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export const AssessmentForm = observer(function AssessmentForm({ store }: { store: AssessmentStore }) {
  const project = store.selected;
  const a = store.assessment;
  if (!project || !a || !project.selfAssessment) return null;
  const sa = project.selfAssessment;
  const locked = store.locked;
  const resetKey = `${project.id}:${store.generation}`;
  const handlers: ResultHandlers = {
    result: (id) => store.resultOf(id),
    setActual: (id, v) => store.setActual(id, v),
    setOutcome: (id, o) => store.setOutcome(id, o),
    setDeviationNote: (id, n) => store.setDeviationNote(id, n),
    setScoreOverride: (id, o) => store.setScoreOverride(id, o),
    setNotApplicable: (id, reason) => store.setNotApplicable(id, reason),
  };
  const completeness = completenessOf(project);
  const execRequired = a.deviationsRequired.find((d) => d.indicatorId === null);
  const execNote = sa.executionNote ?? '';

  return (
    <div className="editor assessment-form" id="assessment-form" data-project-id={project.id}>
      <header className="editor-head">
        <h1>{project.name}</h1>
        <span className={`badge ${completeness}`} id="sa-status" data-status={sa.status}>
          {ASSESSMENT_STATUS_LABELS[completeness]}
        </span>
        <SaveMark autosaver={store.autosaver} id="sa-save-mark" />
        <div className="spacer" />
        <ScoreBadge total={a.total} grade={a.grade} />
      </header>

      <LockBar store={store} sa={sa} complete={a.complete} />

      <section className="card">
        <h2>{MA.projectFunds}</h2>
        <table className="funds-table">
          <thead>
            <tr>
              <th>{MA.source}</th>
              {GROUPS.map((g) => (
                <th key={g} className="num">
                  {g === 'budgetAdjusted' ? `${MONEY_GROUP_LABELS[g]}（调整后）` : MONEY_GROUP_LABELS[g]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {FUNDING_SOURCES.map((source) => (
              <tr key={source}>
                <th>{FUNDING_SOURCE_LABELS[source]}</th>
                {GROUPS.map((g) => (
                  <td key={g}>
                    <MoneyInput
                      id={`sa-${g}-${source}`}
                      label={`${MONEY_GROUP_LABELS[g]}（${FUNDING_SOURCE_LABELS[source]}）`}
                      value={sa[g][source]}
                      onValue={(fen) => store.setMoney(g, source as keyof Funding, fen)}
                      disabled={locked}
                      resetKey={resetKey}
                    />
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th>{MA.carriedOver}</th>
              {GROUPS.map((g) => (
                <td key={g}>
                  <MoneyInput
                    id={`sa-${g}-carriedOver`}
                    label={`${MONEY_GROUP_LABELS[g]}（${MA.carriedOver}）`}
                    value={sa.carriedOver?.[g] ?? 0}
                    onValue={(fen) => store.setCarriedOver(g, fen)}
                    disabled={locked}
                    resetKey={resetKey}
                  />
                </td>
              ))}
            </tr>
            <tr className="sum-row">
              <th>{MA.fiscal}</th>
              {GROUPS.map((g) => (
                <td key={g} className="num" id={`sa-${g}-fiscal`}>
                  {wan(fiscalTotal(sa[g]))}
                </td>
              ))}
            </tr>
            <tr className="sum-row total">
              <th>{MA.fundingRowTotal}</th>
              {GROUPS.map((g) => (
                <td key={g} className="num" id={`sa-${g}-total`}>
                  {wan(fundingTotal(sa[g]) + (sa.carriedOver?.[g] ?? 0))}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
        <div className="execution-line">
          <span>
            {MA.executionRate} <b id="sa-execution-rate">{a.executionRateText || '—'}</b>
          </span>
          <span>
            {MA.executionScore} <b id="sa-execution-score">{scoreText(a.executionScore)}</b>
            <span className="hint"> / {MA.executionMax(a.executionWeight)}</span>
          </span>
          {a.executionExplanation !== '' && (
            <span className="r-explanation" id="sa-execution-explanation">
              {a.executionExplanation}
            </span>
          )}
        </div>
        {(execRequired || execNote !== '') && (
          <div className={'r-deviation' + (execRequired && execNote.trim() === '' ? ' required' : '')} id="sa-execution-deviation">
            <span className="deviation-head">
              {MA.executionNote}
              {execRequired && (
                <span className="deviation-why">
                  {execNote.trim() === '' ? <em className="deviation-required">{MA.deviationRequired(execRequired.reason)}</em> : MA.deviationWhy(execRequired.reason)}
                </span>
              )}
              <span className="note-count">{MA.noteCount(Array.from(execNote.trim()).length, NOTE_LIMIT)}</span>
            </span>
            <TextBox id="sa-executionNote" rows={2} value={execNote} onValue={(t) => store.setText('executionNote', t)} disabled={locked} label={MA.executionNote} />
          </div>
        )}
      </section>

      <section className="card goals">
        <div className="field">
          <span>{MA.plannedGoal}</span>
          <p className="planned-goal">{project.annualGoal.trim() || MA.noPlannedGoal}</p>
        </div>
        <label className="field">
          <span>{MA.overallResult}</span>
          <TextBox id="sa-overallResult" value={sa.overallResult} onValue={(t) => store.setText('overallResult', t)} disabled={locked} rows={4} />
        </label>
      </section>

      <section className="card">
        <div className="card-head">
          <h2>{MA.indicators}</h2>
          <span className="hint">
            {MA.indicatorTotal} <b id="sa-indicator-total">{scoreText(a.indicatorTotal)}</b>
          </span>
        </div>
        {project.indicators.length === 0 ? (
          <p className="hint">{MA.noIndicators}</p>
        ) : (
          <ResultsTable indicators={project.indicators} scores={a.indicatorScores} scheme={store.scheme} handlers={handlers} locked={locked} resetKey={resetKey} />
        )}
      </section>

      <section className="card goals">
        <label className="field">
          <span>{MA.problems}</span>
          <TextBox id="sa-problems" value={sa.problems} onValue={(t) => store.setText('problems', t)} disabled={locked} />
        </label>
        <label className="field">
          <span>{MA.rectification}</span>
          <TextBox id="sa-rectification" value={sa.rectification} onValue={(t) => store.setText('rectification', t)} disabled={locked} />
        </label>
      </section>

      <section className="card totals-card">
        <div className="totals-line">
          <span>
            {MA.executionScore}（{MA.executionRate}） <b>{scoreText(a.executionScore)}</b>
          </span>
          <span>
            + {MA.indicatorTotal} <b>{scoreText(a.indicatorTotal)}</b>
          </span>
          <span>
            = {MA.totalScore} <b id="sa-total">{scoreText(a.total)}</b>
          </span>
          <span>
            {MA.grade} <b id="sa-grade">{a.grade ?? '—'}</b>
          </span>
        </div>
        {a.cap && (
          <p className="hint" id="sa-cap">
            {a.cap.explanation}
          </p>
        )}
        {a.total === null && <p className="hint">{MA.noWeights}</p>}
        <RuleSetLine store={store} />
        <MissingList store={store} />
      </section>
    </div>
  );
});

function ScoreBadge({ total, grade }: { total: number | null; grade: string | null }) {
  return (
    <span className="score-badge" id="sa-score-badge">
      {MA.totalScore} <b>{scoreText(total)}</b> {grade !== null && <span className={`grade g-${grade}`}>{grade}</span>}
    </span>
  );
}

const LockBar = observer(function LockBar({ store, sa, complete }: { store: AssessmentStore; sa: SelfAssessment; complete: boolean }) {
  const reopened = sa.reopenedAt ?? [];
  return (
    <div className={'lock-bar' + (sa.status === 'done' ? ' done' : '')}>
      {sa.status === 'done' ? (
        <>
          <span id="sa-completed-at">{MA.doneSince(sa.completedAt ? formatTime(sa.completedAt) : '')}</span>
          <button type="button" id="sa-reopen" onClick={() => store.requestReopen()}>
            {MA.reopen}
          </button>
        </>
      ) : (
        <>
          <button type="button" className="primary" id="sa-mark-done" disabled={!complete} title={complete ? undefined : MA.markDoneHint} onClick={() => void store.markDone()}>
            {MA.markDone}
          </button>
          {!complete && <span className="hint">{MA.markDoneHint}</span>}
        </>
      )}
      {reopened.length > 0 && (
        <span className="hint" id="sa-reopened" data-count={reopened.length}>
          {MA.reopenedAt(reopened.map(formatTime).join('、'))}
        </span>
      )}
      {store.reopenPending && (
        <div className="dialog-backdrop">
          <div className="dialog" role="dialog" aria-modal="true" id="sa-reopen-dialog">
            <h2>{MA.reopenTitle}</h2>
            <p>{MA.reopenBody}</p>
            <div className="dialog-buttons">
              <button type="button" id="sa-reopen-cancel" onClick={() => store.cancelReopen()}>
                {MA.cancel}
              </button>
              <button type="button" className="primary" id="sa-reopen-confirm" onClick={() => void store.confirmReopen()}>
                {MA.reopenConfirm}
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
});

const MissingList = observer(function MissingList({ store }: { store: AssessmentStore }) {
  const a = store.assessment;
  if (!a) return null;
  if (a.complete) return <p className="ok" id="sa-complete">{MA.complete}</p>;
  return (
    <div className="missing" id="sa-missing">
      {a.errors.length > 0 && (
        <>
          <h3 className="error">{MA.errorsTitle}</h3>
          <ul>
            {a.errors.map((e) => (
              <li key={e.path + e.code}>{e.message}</li>
            ))}
          </ul>
        </>
      )}
      {a.missing.length > 0 && (
        <>
          <h3>{MA.stillMissing}</h3>
          <ul>
            {a.missing.map((m) => (
              <li key={m.path + m.message}>{m.message}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
});

/** The rule set the scores follow, what it changes of CN-2020, and what the last change of the unit's set did here. */
const RuleSetLine = observer(function RuleSetLine({ store }: { store: AssessmentStore }) {
  const a = store.assessment;
  const project = store.selected;
  if (!a || !project) return null;
  const label = ruleSetLabel(a.ruleSet);
  const differences = ruleSetDifferences(a.ruleSet);
  const change = store.ruleSetChange;
  const mine = store.ruleSetChangeOf(project.id);
  return (
    <div className="rule-set-line" id="sa-rule-set" data-rule-set={a.ruleSet.id} title={a.note}>
      <p className="hint">
        {a.keptFromCompletion ? MA.ruleSetKept(label) : MA.ruleSetLine(label)}
        {differences.length > 0 && ` · ${MA.deriveDifferences}${differences.join('；')}`}
      </p>
      {change && mine && (
        <p className="hint rule-set-change" id="sa-rule-set-change">
          {MA.ruleSetChangeProject(change.from, change.to, scoreText(mine.before), scoreText(mine.after))}
        </p>
      )}
    </div>
  );
});

/** The note of the last change of the unit's rule set for the year: how many open self-assessments it moved. */
export const RuleSetChangeBanner = observer(function RuleSetChangeBanner({ store }: { store: AssessmentStore }) {
  const change = store.ruleSetChange;
  if (!change) return null;
  return (
    <div className="notice rule-set-change-banner" id="rule-set-change" role="status">
      <p>
        <b>{MA.ruleSetChanged(change.from, change.to, change.projects.length)}</b>
        <span className="hint"> {MA.ruleSetChangeKept}</span>
      </p>
      {change.projects.length > 0 && (
        <ul>
          {change.projects.map((p) => (
            <li key={p.id} data-project-id={p.id}>
              {MA.ruleSetChangeItem(p.name, scoreText(p.before), scoreText(p.after))}
            </li>
          ))}
        </ul>
      )}
      <button type="button" id="rule-set-change-dismiss" onClick={() => void store.dismissRuleSetChange()}>
        {MA.ruleSetChangeDismiss}
      </button>
    </div>
  );
});
