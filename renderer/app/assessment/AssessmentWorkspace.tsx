// The year-end self-assessment workspace of the unit and year chosen in the top bar: the year's projects (with their
// completeness) on the left beside the 年度总览 and 部门整体支出 entries; the chosen view in the middle.
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { ASSESSMENT_STATUS_LABELS } from '../../../shared/messages';
import { completenessOf } from '../../../shared/year-overview';
import { MA, MM } from '../../messages';
import type { AssessmentStore } from '../../stores/assessment-store';
import { MonitoringListRows, MonitoringView } from '../monitoring/MonitoringView';
import { useStore } from '../store-context';
import { AssessmentForm, RuleSetChangeBanner } from './AssessmentForm';
import { PlanYearEnd } from './PlanYearEnd';
import { YearOverviewTable } from './YearOverviewTable';

export const AssessmentWorkspace = observer(function AssessmentWorkspace() {
  const root = useStore();
  const store = root.assessment;
  const unitId = store.context.unitId();
  const year = store.context.year();

  useEffect(() => {
    void store.load();
  }, [store, unitId, year]);

  // the page closing is handled by the root store (App listens for pagehide); leaving the workspace saves too
  useEffect(() => () => void store.leave(), [store]);

  if (!root.ready) return <main className="workspace" />;
  if (unitId === null) {
    return (
      <main className="workspace">
        <p className="placeholder">{MA.pickUnit}</p>
      </main>
    );
  }
  return (
    <main className="workspace assessment-workspace" id="assessment-workspace">
      <aside className="assessment-left">
        <AssessmentList store={store} />
      </aside>
      <section className="assessment-center">
        <RuleSetChangeBanner store={store} />
        <Center store={store} />
      </section>
    </main>
  );
});

const Center = observer(function Center({ store }: { store: AssessmentStore }) {
  if (store.loadedFor === null) return <p className="placeholder">{MA.loading}</p>;
  const v = store.view;
  if (v.kind === 'overview') return <YearOverviewTable store={store} />;
  if (v.kind === 'plan') return <PlanYearEnd store={store} />;
  if (v.kind === 'monitoring') return <MonitoringView store={store.monitoring} year={store.context.year()} resetKey={store.generation} />;
  if (store.selected) return <AssessmentForm store={store} />;
  return <p className="placeholder">{MA.pickProject}</p>;
});

const AssessmentList = observer(function AssessmentList({ store }: { store: AssessmentStore }) {
  const v = store.view;
  const rows = new Map(store.overview.rows.map((r) => [r.id, r]));
  return (
    <nav className="assessment-list" id="assessment-list">
      <button
        type="button"
        id="assessment-open-overview"
        className={'plan-entry' + (v.kind === 'overview' ? ' current' : '')}
        onClick={() => void store.open({ kind: 'overview' })}
      >
        {MA.yearOverview}
      </button>
      <button
        type="button"
        id="assessment-open-plan"
        className={'plan-entry' + (v.kind === 'plan' ? ' current' : '')}
        onClick={() => void store.open({ kind: 'plan' })}
      >
        {MA.planYearEnd}
      </button>
      <button
        type="button"
        id="assessment-open-monitoring"
        className={'plan-entry' + (v.kind === 'monitoring' ? ' current' : '')}
        onClick={() => {
          store.monitoring.select(null);
          void store.open({ kind: 'monitoring' });
        }}
      >
        {MM.view}
      </button>
      <div className="list-head assessment-list-head">
        <span>{MA.projectsOfYear(store.context.year())}</span>
        <span className="num">{v.kind === 'monitoring' ? MM.lightColumn : MA.listScore}</span>
      </div>
      {store.projects.length === 0 && store.loadedFor !== null && <p className="list-empty">{MA.noProjects}</p>}
      {v.kind === 'monitoring' ? (
        <MonitoringListRows store={store.monitoring} />
      ) : (
        <ul className="assessment-rows">
          {store.projects.map((p) => {
            const c = completenessOf(p);
            const total = rows.get(p.id)?.total ?? null;
            const current = v.kind === 'project' && v.id === p.id;
            return (
              <li key={p.id} data-project-id={p.id} className={current ? 'current' : undefined}>
                <button type="button" className="row-open" onClick={() => void store.open({ kind: 'project', id: p.id })}>
                  <span className="row-name">{p.name}</span>
                </button>
                <span className={`badge ${c}`} data-completeness={c}>
                  {ASSESSMENT_STATUS_LABELS[c]}
                </span>
                <span className="num row-score">{total === null ? '' : total.toFixed(2)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </nav>
  );
});
