// 年度总览: every project of the unit and year with its execution rate, score, grade, completeness and the light of its
// latest monitoring round, sortable; the department's amount-weighted execution rate and mean score.
import { observer } from 'mobx-react-lite';
import { ASSESSMENT_STATUS_LABELS } from '../../../shared/messages';
import type { Project } from '../../../shared/model';
import { monitoringText } from '../../../shared/monitoring-messages';
import type { OverviewSortKey } from '../../../shared/year-overview';
import { MA, MM } from '../../messages';
import type { AssessmentStore } from '../../stores/assessment-store';
import { wan } from '../money';
import { LightBadge } from '../monitoring/LightBadge';
import { scoreText } from './ResultsTable';

const COLUMNS: { key: OverviewSortKey; label: string; num: boolean }[] = [
  { key: 'name', label: MA.colProject, num: false },
  { key: 'budget', label: MA.colBudget, num: true },
  { key: 'spent', label: MA.colSpent, num: true },
  { key: 'executionRate', label: MA.colRate, num: true },
  { key: 'executionScore', label: MA.colExecScore, num: true },
  { key: 'total', label: MA.colTotal, num: true },
  { key: 'grade', label: MA.colGrade, num: false },
  { key: 'completeness', label: MA.colCompleteness, num: false },
];

export const YearOverviewTable = observer(function YearOverviewTable({ store }: { store: AssessmentStore }) {
  const { department: d } = store.overview;
  const rows = store.sortedRows;
  const projects = new Map(store.projects.map((p) => [p.id, p]));
  return (
    <div className="editor overview" id="year-overview">
      <header className="editor-head">
        <h1>{MA.overviewTitle(store.context.year())}</h1>
      </header>
      <section className="dept-figures card" id="dept-figures">
        <div>
          <span className="hint">{MA.deptRate}</span>
          <b id="dept-rate">{d.executionRateText || '—'}</b>
          <small className="hint">{MA.deptRateHint}</small>
        </div>
        <div>
          <span className="hint">{MA.deptMean}</span>
          <b id="dept-mean">{scoreText(d.meanScore)}</b>
          <small className="hint">{MA.deptMeanHint(d.scoredCount)}</small>
        </div>
        <div>
          <span className="hint">{MA.colCompleteness}</span>
          <b id="dept-counts">{MA.counts(d.counts.notStarted, d.counts.inProgress, d.counts.done)}</b>
        </div>
      </section>
      <table className="overview-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const active = store.sortKey === c.key;
              return (
                <th key={c.key} className={c.num ? 'num' : undefined} aria-sort={active ? (store.sortDirection === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className={'sort' + (active ? ' active' : '')} data-sort={c.key} onClick={() => store.sortBy(c.key)}>
                    {c.label}
                    <span className="sort-mark">{active ? (store.sortDirection === 'asc' ? '▲' : '▼') : ''}</span>
                  </button>
                </th>
              );
            })}
            <th>{MM.lightColumn}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-project-id={r.id}>
              <td>
                <button type="button" className="link" onClick={() => void store.open({ kind: 'project', id: r.id })}>
                  {r.name}
                </button>
              </td>
              <td className="num">{r.budget === null ? '—' : wan(r.budget)}</td>
              <td className="num">{r.spent === null ? '—' : wan(r.spent)}</td>
              <td className="num c-rate">{r.executionRateText || '—'}</td>
              <td className="num">{scoreText(r.executionScore)}</td>
              <td className="num c-total">{scoreText(r.total)}</td>
              <td className="c-grade">{r.grade ?? '—'}</td>
              <td>
                <span className={`badge ${r.completeness}`}>{ASSESSMENT_STATUS_LABELS[r.completeness]}</span>
              </td>
              <LightCell store={store} projectId={r.id} projects={projects} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="sum-row">
            <th>{MA.department}</th>
            <td className="num">{wan(d.budget)}</td>
            <td className="num">{wan(d.spent)}</td>
            <td className="num">{d.executionRateText || '—'}</td>
            <td />
            <td className="num">{scoreText(d.meanScore)}</td>
            <td />
            <td />
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
});

/** The light of the project's latest monitoring round, with the months it covers; its explanation on hover. */
const LightCell = observer(function LightCell({ store, projectId, projects }: { store: AssessmentStore; projectId: string; projects: Map<string, Project> }) {
  const project = projects.get(projectId);
  const latest = project ? store.monitoring.latestOf(project) : null;
  if (!latest?.round) return <td className="c-light">—</td>;
  return (
    <td className="c-light" data-light={latest.result?.light ?? 'none'}>
      <LightBadge light={latest.result?.light ?? null} title={latest.result?.explanation} />
      <span className="hint"> {monitoringText.months(latest.round.month)}</span>
    </td>
  );
});
