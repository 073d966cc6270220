// 部门整体支出: tasks with amounts (form F2), the overall goal, 部门支出预算数 (form F7) and the year's indicators.
import { observer } from 'mobx-react-lite';
import { fundingTotal, type DepartmentPlan, type PlanTask } from '../../shared/model';
import { M } from '../messages';
import { planFieldId, taskFieldId, type PlanDraftStore } from '../stores/plan-draft-store';
import { focusElement } from './focus';
import { useDraftForm } from './hooks';
import { IndicatorEditor } from './IndicatorEditor';
import { moneyText, moneyValue, validateMoney, wan } from './money';
import { useStore } from './store-context';

export const PlanEditor = observer(function PlanEditor() {
  const root = useStore();
  const { plan: store, units } = root;
  if (!store.loadedFor) return null;
  if (!store.plan) {
    return (
      <div className="editor" id="plan-editor">
        <header className="editor-head">
          <h1>{M.planTitle(units.year)}</h1>
        </header>
        <div className="card empty">
          <p>{M.noPlanYet}</p>
          <button type="button" className="primary" id="create-plan" onClick={() => {
              const id = store.create();
              if (id) focusElement(taskFieldId(id, 'name'));
            }}>
            {M.createPlan}
          </button>
        </div>
      </div>
    );
  }
  return <PlanForm key={`${store.plan.id}:${store.generation}`} store={store} plan={store.plan} />;
});

interface PlanValues {
  overallGoal: string;
  expenditureBudget: string;
}

const PlanForm = observer(function PlanForm({ store, plan }: { store: PlanDraftStore; plan: DepartmentPlan }) {
  const { register, formState } = useDraftForm<PlanValues>(
    () => ({ overallGoal: plan.overallGoal, expenditureBudget: plan.expenditureBudget === null ? '' : moneyText(plan.expenditureBudget) }),
    (v) => {
      store.setOverallGoal(v.overallGoal ?? '');
      const text = (v.expenditureBudget ?? '').trim();
      if (text === '') store.setExpenditureBudget(null);
      else {
        const fen = moneyValue(text);
        if (fen !== null) store.setExpenditureBudget(fen);
      }
    },
    store.generation,
  );
  const addTask = () => {
    const id = store.addTask();
    if (id) focusElement(taskFieldId(id, 'name'));
  };
  return (
    <div className="editor" id="plan-editor">
      <header className="editor-head">
        <h1>{M.planTitle(plan.year)}</h1>
      </header>
      <section className="card">
        <h2>{M.planTasks}</h2>
        <table className="task-table">
          <thead>
            <tr>
              <th className="c-task">{M.taskName}</th>
              <th>{M.taskContent}</th>
              <th className="c-money">{M.taskTotal}</th>
              <th className="c-money">{M.taskFiscal}</th>
              <th className="c-money">{M.taskOther}</th>
              <th className="c-del" />
            </tr>
          </thead>
          <tbody>
            {plan.tasks.map((t) => (
              <TaskRow key={t.id} store={store} task={t} />
            ))}
          </tbody>
          <tfoot>
            <TaskSum store={store} />
          </tfoot>
        </table>
        <button type="button" className="link" onClick={addTask}>
          ＋ {M.addTask}
        </button>
        <label className="field money narrow">
          <span>
            {M.expenditureBudget} <small className="hint">{M.expenditureBudgetHint}</small>
          </span>
          <input id={planFieldId('expenditureBudget')} inputMode="decimal" {...register('expenditureBudget', { validate: validateMoney })} />
          {formState.errors.expenditureBudget && <em className="field-error">{formState.errors.expenditureBudget.message}</em>}
        </label>
      </section>
      <section className="card">
        <label className="field">
          <span>
            {M.overallGoal} <small className="hint">{M.overallGoalHint}</small>
          </span>
          <textarea id={planFieldId('overallGoal')} rows={4} {...register('overallGoal')} />
        </label>
      </section>
      <IndicatorEditor draft={store} title={M.planIndicators} />
    </div>
  );
});

interface TaskValues {
  name: string;
  content: string;
  fiscal: string;
  other: string;
}

const TaskRow = observer(function TaskRow({ store, task }: { store: PlanDraftStore; task: PlanTask }) {
  const { register, formState } = useDraftForm<TaskValues>(
    () => ({ name: task.name, content: task.content, fiscal: moneyText(task.funding.generalPublic), other: moneyText(task.funding.other) }),
    (v) => {
      const fiscal = moneyValue(v.fiscal ?? '');
      const other = moneyValue(v.other ?? '');
      store.updateTask(task.id, {
        name: v.name,
        content: v.content,
        ...(fiscal !== null ? { fiscal } : {}),
        ...(other !== null ? { other } : {}),
      });
    },
    store.generation,
  );
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    const id = store.addTask(task.id);
    if (id) focusElement(taskFieldId(id, 'name'));
  };
  const moneyCell = (field: 'fiscal' | 'other', label: string) => (
    <td>
      <input
        id={taskFieldId(task.id, field)}
        className="num"
        inputMode="decimal"
        aria-label={label}
        aria-invalid={formState.errors[field] ? true : undefined}
        {...register(field, { validate: validateMoney })}
      />
    </td>
  );
  return (
    <tr onKeyDown={onKeyDown}>
      <td>
        <input id={taskFieldId(task.id, 'name')} aria-label={M.taskName} {...register('name')} />
      </td>
      <td>
        <input id={taskFieldId(task.id, 'content')} aria-label={M.taskContent} {...register('content')} />
      </td>
      <td className="num">
        <TaskTotal task={task} />
      </td>
      {moneyCell('fiscal', M.taskFiscal)}
      {moneyCell('other', M.taskOther)}
      <td>
        <button type="button" className="icon danger" tabIndex={-1} title={M.deleteTask} onClick={() => store.deleteTask(task.id)}>
          ×
        </button>
      </td>
    </tr>
  );
});

const TaskTotal = observer(function TaskTotal({ task }: { task: PlanTask }) {
  return <output>{wan(fundingTotal(task.funding))}</output>;
});

const TaskSum = observer(function TaskSum({ store }: { store: PlanDraftStore }) {
  const s = store.taskSum;
  return (
    <tr className="sum-row">
      <th colSpan={2}>{M.taskSum}</th>
      <td className="num" id="plan-sum-total">
        {wan(s.total)}
      </td>
      <td className="num">{wan(s.fiscal)}</td>
      <td className="num">{wan(s.other)}</td>
      <td />
    </tr>
  );
});
