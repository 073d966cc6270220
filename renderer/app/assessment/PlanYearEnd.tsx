// 部门整体支出 at year end: each task's spending beside its budget, and each plan indicator's actual value, score
// and deviation note — the figures a 部门整体支出自评 is written from.
import { observer } from 'mobx-react-lite';
import { fiscalTotal, fundingTotal, nonFiscalTotal, type PlanTask } from '../../../shared/model';
import { formatPercent, ratio } from '../../../shared/money';
import { MA } from '../../messages';
import type { AssessmentStore } from '../../stores/assessment-store';
import { wan } from '../money';
import { SaveMark } from '../StatusBar';
import { textCodec } from '../../../shared/codecs';
import { BoundTextArea, RestoredNote } from '../fields';
import { MoneyField } from './inputs';
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
  const rec = { record: 'plan', recordId: plan.id } as const;
  const unreadable = store.invalid.of(plan.id);
  const handlers: ResultHandlers = {
    invalid: store.invalid,
    record: rec,
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
        <SaveMark autosaver={store.autosaver} id="sa-save-mark" invalidCount={unreadable.length} />
      </header>
      <RestoredNote id="sa-restored-note" count={unreadable.filter((e) => e.restored).length} onDismiss={() => store.invalid.acknowledge(plan.id)} />
      <section className="card">
        <div className="field">
          <span>{MA.planGoal}</span>
          <p className="planned-goal">{plan.overallGoal.trim() || '—'}</p>
        </div>
        <label className="field">
          <span>
            {MA.planOverallResult} <small className="hint">{MA.planOverallResultHint}</small>
          </span>
          <BoundTextArea
            invalid={store.invalid}
            rows={4}
            spec={{
              target: { ...rec, of: 'record', field: 'overallResult' },
              label: MA.planOverallResult,
              codec: textCodec,
              read: () => store.plan?.overallResult ?? '',
              write: (t) => store.setPlanOverallResult(t),
            }}
          />
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
              <TaskSpentRow key={t.id} store={store} planId={plan.id} task={t} />
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
          <ResultsTable indicators={plan.indicators} scores={store.planScores} scheme={store.scheme} handlers={handlers} locked={false} />
        )}
      </section>
    </div>
  );
});

// Rows and sums observe their own figures, so a keystroke in a spending box re-renders its row and the sums, not the
// whole screen with its indicator table.
const TaskSpentRow = observer(function TaskSpentRow({ store, planId, task: t }: { store: AssessmentStore; planId: string; task: PlanTask }) {
  const budget = fundingTotal(t.funding);
  const spent = t.spent ? fundingTotal(t.spent) : 0;
  const spentCell = (part: 'fiscal' | 'other', label: string) => (
    <td>
      <MoneyField
        invalid={store.invalid}
        target={{ record: 'plan', recordId: planId, of: 'task', taskId: t.id, field: part === 'fiscal' ? 'spent.fiscal' : 'spent.other' }}
        label={`${t.name} ${label}`}
        read={() => (t.spent ? (part === 'fiscal' ? fiscalTotal(t.spent) : nonFiscalTotal(t.spent)) : 0)}
        write={(v) => store.setTaskSpent(t.id, part, v)}
      />
    </td>
  );
  return (
    <tr className="task-row" data-task-id={t.id}>
      <td>{t.name}</td>
      <td className="num">{wan(budget)}</td>
      {spentCell('fiscal', MA.colTaskSpentFiscal)}
      {spentCell('other', MA.colTaskSpentOther)}
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
