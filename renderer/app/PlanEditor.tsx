// 部门整体支出: tasks with amounts (form F2), the overall goal, 部门支出预算数 (form F7) and the year's indicators.
// Every box is bound to the plan draft (field-binding.ts), as in the project editor.
import { observer } from 'mobx-react-lite';
import { useRef } from 'react';
import { textCodec } from '../../shared/codecs';
import { fundingTotal, type DepartmentPlan, type PlanTask } from '../../shared/model';
import type { TaskField } from '../../shared/validation';
import { M } from '../messages';
import { ME } from '../messages-editing';
import type { PlanDraftStore } from '../stores/plan-draft-store';
import { BoundInput, BoundTextArea, RestoredNote } from './fields';
import { fieldDomId, focusElement } from './focus';
import { useComputed } from './hooks';
import { IndicatorEditor } from './IndicatorEditor';
import { WAN, WAN_OPTIONAL, wan } from './money';
import { useStore } from './store-context';

const taskNameId = (taskId: string) => fieldDomId({ record: 'plan', of: 'task', taskId, field: 'name' });

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
          <button
            type="button"
            className="primary"
            id="create-plan"
            onClick={() => {
              const id = store.create();
              if (id) focusElement(taskNameId(id));
            }}
          >
            {M.createPlan}
          </button>
        </div>
      </div>
    );
  }
  return <PlanForm key={store.plan.id} store={store} plan={store.plan} />;
});

const PlanForm = observer(function PlanForm({ store, plan }: { store: PlanDraftStore; plan: DepartmentPlan }) {
  const addTask = () => {
    const id = store.addTask();
    if (id) focusElement(taskNameId(id));
  };
  return (
    <div className="editor" id="plan-editor">
      <header className="editor-head">
        <h1>{M.planTitle(plan.year)}</h1>
      </header>
      <RestoredNote id="restored-note" count={store.restoredCount} onDismiss={() => store.acknowledgeRestored()} />
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
              <TaskRow key={t.id} store={store} plan={plan} task={t} />
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
          <BoundInput
            invalid={store.invalid}
            inputMode="decimal"
            showError
            spec={{
              target: { record: 'plan', recordId: plan.id, of: 'record', field: 'expenditureBudget' },
              label: M.expenditureBudget,
              codec: WAN_OPTIONAL,
              read: () => store.plan?.expenditureBudget ?? null,
              write: (fen) => store.setExpenditureBudget(fen),
            }}
          />
        </label>
      </section>
      <section className="card">
        <label className="field">
          <span>
            {M.overallGoal} <small className="hint">{M.overallGoalHint}</small>
          </span>
          <BoundTextArea
            invalid={store.invalid}
            rows={4}
            spec={{
              target: { record: 'plan', recordId: plan.id, of: 'record', field: 'overallGoal' },
              label: M.overallGoal,
              codec: textCodec,
              read: () => store.plan?.overallGoal ?? '',
              write: (text) => store.setOverallGoal(text),
            }}
          />
        </label>
      </section>
      <IndicatorEditor draft={store} title={M.planIndicators} />
    </div>
  );
});

const TaskRow = observer(function TaskRow({ store, plan, task }: { store: PlanDraftStore; plan: DepartmentPlan; task: PlanTask }) {
  const id = task.id;
  // no red on a task just added until the user leaves it (or asks the check panel where its problem is)
  const fresh = useComputed(() => store.fresh.has(id), [store, id]);
  const nameMissing = useComputed(() => task.name.trim() === '', [task]);
  const lastField = useRef<TaskField>('name');
  const on = (field: TaskField) => ({ record: 'plan', recordId: plan.id, of: 'task', taskId: id, field }) as const;
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    const next = store.addTask(id);
    if (next) focusElement(taskNameId(next));
  };
  const text = (field: 'name' | 'content', label: string) => ({
    target: on(field),
    label: ME.taskMoney(task.name, label),
    codec: textCodec,
    read: () => task[field],
    write: (v: string) => store.updateTask(id, { [field]: v }),
  });
  const moneyCell = (field: 'fiscal' | 'other', label: string) => (
    <td>
      <BoundInput
        invalid={store.invalid}
        className="num"
        inputMode="decimal"
        data-field={field}
        spec={{
          target: on(field),
          label: ME.taskMoney(task.name, label),
          codec: WAN,
          read: () => (field === 'fiscal' ? task.funding.generalPublic : task.funding.other),
          write: (fen) => store.updateTask(id, { [field]: fen }),
        }}
      />
    </td>
  );
  return (
    <tr
      onKeyDown={onKeyDown}
      data-task-id={id}
      onFocus={(e) => {
        const field = e.target instanceof HTMLElement ? e.target.dataset.field : undefined;
        if (field !== undefined) lastField.current = field as TaskField;
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) store.leaveRow(id);
      }}
    >
      <td>
        <BoundInput
          invalid={store.invalid}
          spec={text('name', M.taskName)}
          data-field="name"
          mark={!fresh && nameMissing ? 'bad' : undefined}
          markInvalid={!fresh && nameMissing ? true : undefined}
        />
      </td>
      <td>
        <BoundInput invalid={store.invalid} spec={text('content', M.taskContent)} data-field="content" />
      </td>
      <td className="num">
        <TaskTotal task={task} />
      </td>
      {moneyCell('fiscal', M.taskFiscal)}
      {moneyCell('other', M.taskOther)}
      <td>
        <button type="button" className="icon danger" tabIndex={-1} title={M.deleteTask} onClick={() => store.deleteTask(id, lastField.current)}>
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
