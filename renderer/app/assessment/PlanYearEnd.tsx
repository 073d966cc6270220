// 部门整体支出 at year end: each task's spending beside its budget, and each plan indicator's actual value, score
// and deviation note — the figures a 部门整体支出自评 is written from.
import { observer } from 'mobx-react-lite';
import { fiscalTotal, fundingTotal, nonFiscalTotal, type PlanTask } from '../../../shared/model';
import { formatPercent, ratio } from '../../../shared/money';
import { MA } from '../../messages';
import type { AssessmentStore } from '../../stores/assessment-store';
import { wan } from '../money';
import { SaveMark } from '../StatusBar';
import { MoneyInput, TextBox } from './inputs';
import { ResultsTable, type ResultHandlers } from './ResultsTable';

export const PlanYearEnd = observer(function PlanYearEnd({ store }: { store: AssessmentStore }) {
  const plan = store.plan;
  const year = store.context.year();
  if (!plan) {
    return (
      <div className="editor" id="plan-year-end">
        <header className="editor-head">
          <h1>{MA.planTitle(year)}</h1>
        </header>
        <p className="placeholder">{MA.noPlan}</p>
      </div>
    );
  }
  const resetKey = `plan:${store.generation}`;
  const handlers: ResultHandlers = {
    result: (id) => store.planResultOf(id),
    setActual: (id, v) => store.setPlanActual(id, v),
    setOutcome: (id, o) => store.setPlanOutcome(id, o),
    setDeviationNote: (id, n) => store.setPlanDeviationNote(id, n),
    setNotApplicable: (id, reason) => store.setPlanNotApplicable(id, reason),
  };
  return (
    <div className="editor" id="plan-year-end">
      <header className="editor-head">
        <h1>{MA.planTitle(year)}</h1>
        <SaveMark autosaver={store.autosaver} id="sa-save-mark" />
      </header>
      <section className="card">
        <div className="field">
          <span>{MA.planGoal}</span>
          <p className="planned-goal">{plan.overallGoal.trim() || '—'}</p>
        </div>
        <label className="field">
          <span>
            {MA.planOverallResult} <small className="hint">{MA.planOverallResultHint}</small>
          </span>
          <TextBox id="plan-overallResult" value={plan.overallResult ?? ''} onValue={(t) => store.setPlanOverallResult(t)} rows={4} />
        </label>
      </section>
      <section className="card">
        <h2>{MA.tasks}</h2>
        <table className="task-table plan-spent-table">
          <thead>
            <tr>
              <th className="c-task">{MA.colTask}</th>
              <th className="num">{MA.colTaskBudget}</th>
              <th className="num">{MA.colTaskSpentFiscal}</th>
              <th className="num">{MA.colTaskSpentOther}</th>
              <th className="num">{MA.colTaskSpent}</th>
              <th className="num">{MA.colRate}</th>
            </tr>
          </thead>
          <tbody>
            {plan.tasks.map((t) => (
              <TaskSpentRow key={t.id} store={store} task={t} resetKey={resetKey} />
            ))}
          </tbody>
          <tfoot>
            <PlanSpentSum store={store} />
          </tfoot>
        </table>
      </section>
      <section className="card">
        <h2>{MA.planIndicators}</h2>
        {plan.indicators.length === 0 ? (
          <p className="hint">{MA.noIndicators}</p>
        ) : (
          <ResultsTable indicators={plan.indicators} scores={store.planScores} scheme={store.scheme} handlers={handlers} locked={false} resetKey={resetKey} />
        )}
      </section>
    </div>
  );
});

// Rows and sums observe their own figures, so a keystroke in a spending box re-renders its row and the sums, not the
// whole screen with its indicator table.
const TaskSpentRow = observer(function TaskSpentRow({ store, task: t, resetKey }: { store: AssessmentStore; task: PlanTask; resetKey: string }) {
  const budget = fundingTotal(t.funding);
  const spent = t.spent ? fundingTotal(t.spent) : 0;
  const spentCell = (part: 'fiscal' | 'other', label: string, fen: number) => (
    <td>
      <MoneyInput
        id={`task-${t.id}-spent-${part}`}
        label={`${t.name} ${label}`}
        value={fen}
        onValue={(v) => store.setTaskSpent(t.id, part, v)}
        resetKey={resetKey}
      />
    </td>
  );
  return (
    <tr className="task-row" data-task-id={t.id}>
      <td>{t.name}</td>
      <td className="num">{wan(budget)}</td>
      {spentCell('fiscal', MA.colTaskSpentFiscal, t.spent ? fiscalTotal(t.spent) : 0)}
      {spentCell('other', MA.colTaskSpentOther, t.spent ? nonFiscalTotal(t.spent) : 0)}
      <td className="num t-spent">{wan(spent)}</td>
      <td className="num t-rate">{budget > 0 ? formatPercent(ratio(spent, budget)) : '—'}</td>
    </tr>
  );
});

const PlanSpentSum = observer(function PlanSpentSum({ store }: { store: AssessmentStore }) {
  const totals = store.planTotals;
  return (
    <tr className="sum-row">
      <th>{MA.total}</th>
      <td className="num">{wan(totals.budget)}</td>
      <td />
      <td />
      <td className="num" id="plan-spent-total">{wan(totals.spent)}</td>
      <td className="num" id="plan-rate">{totals.budget > 0 ? formatPercent(ratio(totals.spent, totals.budget)) : '—'}</td>
    </tr>
  );
});
