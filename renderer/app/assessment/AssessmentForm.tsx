// 项目支出绩效自评 of the selected project: funds by source with the execution rate and its score as they are typed,
// the overall result, every indicator's actual value and score, problems and rectification, the live total and grade,
// the rule set the scores follow (and what a change of it did), and the 已完成 lock.
import { observer } from 'mobx-react-lite';
import { textCodec } from '../../../shared/codecs';
import { fiscalTotal, FUNDING_SOURCES, fundingTotal, type Funding, type SelfAssessment } from '../../../shared/model';
import { ASSESSMENT_STATUS_LABELS, FUNDING_SOURCE_LABELS, MONEY_GROUP_LABELS } from '../../../shared/messages';
import { monitoringText } from '../../../shared/monitoring-messages';
import { ruleSetDifferences, ruleSetLabel } from '../../../shared/rule-sets';
import { NOTE_LIMIT, type RecordField } from '../../../shared/validation';
import { completenessOf } from '../../../shared/year-overview';
import { MA, MM } from '../../messages';
import type { AssessmentStore, AssessmentTextField, MoneyGroup } from '../../stores/assessment-store';
import { invalidTextProblem } from '../../stores/invalid-texts';
import { BoundTextArea, RestoredNote } from '../fields';
import { wan } from '../money';
import { monitoringBeside } from '../monitoring/beside';
import { LightBadge } from '../monitoring/LightBadge';
import { SaveMark } from '../StatusBar';
import { MoneyField } from './inputs';
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
  const rec = { record: 'project', recordId: project.id } as const;
  const invalidCount = store.invalid.of(project.id).length;
  const restoredCount = store.invalid.of(project.id).filter((e) => e.restored).length;
  const handlers: ResultHandlers = {
    invalid: store.invalid,
    record: rec,
    result: (id) => store.resultOf(id),
    setActual: (id, v) => store.setActual(id, v),
    setOutcome: (id, o) => store.setOutcome(id, o),
    setDeviationNote: (id, n) => store.setDeviationNote(id, n),
    setScoreOverride: (id, o) => store.setScoreOverride(id, o),
    setNotApplicable: (id, reason) => store.setNotApplicable(id, reason),
    monitoring: monitoringBeside(store.monitoring, project),
  };
  const monitored = store.monitoring.latestOf(project);
  const completeness = completenessOf(project);
  // below the rule set's threshold before any spending is typed is no news: the note is asked for once there is some
  const spentEntered = fundingTotal(sa.spent) + (sa.carriedOver?.spent ?? 0) > 0;
  const execRequired = spentEntered ? a.deviationsRequired.find((d) => d.indicatorId === null) : undefined;
  const execNote = sa.executionNote ?? '';
  const text = (field: AssessmentTextField, label: string) => ({
    target: { ...rec, of: 'record', field: `selfAssessment.${field}` satisfies RecordField },
    label,
    codec: textCodec,
    read: () => store.selected?.selfAssessment?.[field] ?? '',
    write: (t: string) => store.setText(field, t),
    locked,
  }) as const;

  return (
    <div className="editor assessment-form" id="assessment-form" data-project-id={project.id}>
      <header className="editor-head">
        <h1>{project.name}</h1>
        <span className={`badge ${completeness}`} id="sa-status" data-status={sa.status}>
          {ASSESSMENT_STATUS_LABELS[completeness]}
        </span>
        <SaveMark autosaver={store.autosaver} id="sa-save-mark" invalidCount={invalidCount} />
        {monitored.round && (
          <span className="m-head-light" id="sa-monitoring-light" title={monitored.result?.explanation}>
            {MM.fromMonitoring(monitoringText.months(monitored.round.month))} <LightBadge light={monitored.result?.light ?? null} />
          </span>
        )}
        <div className="spacer" />
        <ScoreBadge total={a.total} grade={a.grade} />
      </header>

      <RestoredNote id="sa-restored-note" count={restoredCount} onDismiss={() => store.invalid.acknowledge(project.id)} />
      <LockBar store={store} sa={sa} complete={a.complete && invalidCount === 0} />

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
                    <MoneyField
                      invalid={store.invalid}
                      target={{ ...rec, of: 'record', field: `selfAssessment.${g}.${source}` }}
                      label={`${MONEY_GROUP_LABELS[g]}（${FUNDING_SOURCE_LABELS[source]}）`}
                      read={() => store.selected?.selfAssessment?.[g][source] ?? 0}
                      write={(fen) => store.setMoney(g, source as keyof Funding, fen)}
                      locked={locked}
                    />
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th>{MA.carriedOver}</th>
              {GROUPS.map((g) => (
                <td key={g}>
                  <MoneyField
                    invalid={store.invalid}
                    target={{ ...rec, of: 'record', field: `selfAssessment.carriedOver.${g}` }}
                    label={`${MONEY_GROUP_LABELS[g]}（${MA.carriedOver}）`}
                    read={() => store.selected?.selfAssessment?.carriedOver?.[g] ?? 0}
                    write={(fen) => store.setCarriedOver(g, fen)}
                    locked={locked}
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
          {monitored.result && (
            <span className="m-beside" id="sa-monitoring-spent" title={monitored.result.execution.explanation}>
              {MM.spentBeside(monitoringText.months(monitored.result.month), wan(monitored.result.execution.spent), monitored.result.execution.progressText || '—')}
            </span>
          )}
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
              <span className={'note-count' + (Array.from(execNote.trim()).length > NOTE_LIMIT ? ' over' : '')}>
                {MA.noteCount(Array.from(execNote.trim()).length, NOTE_LIMIT)}
              </span>
            </span>
            <BoundTextArea invalid={store.invalid} rows={2} spec={text('executionNote', MA.executionNote)} />
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
          <BoundTextArea invalid={store.invalid} rows={4} spec={text('overallResult', MA.overallResult)} />
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
          <ResultsTable indicators={project.indicators} scores={a.indicatorScores} scheme={store.scheme} handlers={handlers} locked={locked} />
        )}
      </section>

      <section className="card goals">
        <label className="field">
          <span>{MA.problems}</span>
          <BoundTextArea invalid={store.invalid} rows={3} spec={text('problems', MA.problems)} />
        </label>
        <label className="field">
          <span>{MA.rectification}</span>
          <BoundTextArea invalid={store.invalid} rows={3} spec={text('rectification', MA.rectification)} />
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
  const project = store.selected;
  if (!a || !project) return null;
  // text typed that is not a value is listed first: it is on screen, but in neither the record nor the scores
  const unreadable = store.invalid.of(project.id).map(invalidTextProblem);
  if (a.complete && unreadable.length === 0) return <p className="ok" id="sa-complete">{MA.complete}</p>;
  return (
    <div className="missing" id="sa-missing">
      {(a.errors.length > 0 || unreadable.length > 0) && (
        <>
          <h3 className="error">{MA.errorsTitle}</h3>
          <ul>
            {unreadable.map((p) => (
              <li key={p.message} className="input-invalid" data-code={p.code}>
                {p.message}
              </li>
            ))}
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
