// 绩效监控, the third view of the 绩效自评 workspace: the year's projects with their lights as of month M (the
// overview) or the chosen project's round (MonitoringForm); the left list's rows with a light column in this view.
import { observer } from 'mobx-react-lite';
import { fundingTotal } from '../../../shared/model';
import { lightCountText, LIGHT_LABELS, LIGHTS, STATUS_LABELS, type Light } from '../../../shared/monitoring';
import { MM } from '../../messages';
import type { LightFilter, MonitoringStore } from '../../stores/monitoring-store';
import { wan } from '../money';
import { LightBadge } from './LightBadge';
import { MonitoringForm } from './MonitoringForm';
import { MonthSelect } from './MonthSelect';

export const MonitoringView = observer(function MonitoringView({ store, year, resetKey }: { store: MonitoringStore; year: number; resetKey: unknown }) {
  if (store.selected) return <MonitoringForm store={store} resetKey={resetKey} />;
  return <MonitoringOverview store={store} year={year} />;
});

const FILTERS: LightFilter[] = ['all', ...[...LIGHTS].reverse(), 'unfilled'];
const filterLabel = (f: LightFilter) => (f === 'all' ? MM.filterAll : f === 'unfilled' ? MM.filterUnfilled : LIGHT_LABELS[f as Light]);

const MonitoringOverview = observer(function MonitoringOverview({ store, year }: { store: MonitoringStore; year: number }) {
  const c = store.counts;
  const rows = store.shownRows;
  const month = store.month;
  return (
    <div className="editor monitoring-overview" id="monitoring-overview">
      <header className="editor-head">
        <h1>{MM.title(year)}</h1>
        <MonthSelect store={store} id="monitoring-month" />
        <div className="spacer" />
        <label className="m-filter">
          <span>{MM.filter}</span>
          <select id="monitoring-filter" value={store.lightFilter} onChange={(e) => store.setLightFilter(e.target.value as LightFilter)}>
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {filterLabel(f)}
              </option>
            ))}
          </select>
        </label>
      </header>
      <p className="hint">{MM.intro}</p>
      <p className="m-counts" id="monitoring-counts">
        {MM.counts(c.red, c.yellow, c.green, c.unfilled)}
      </p>
      {store.projects.length === 0 ? (
        <p className="placeholder">{MM.noProjects}</p>
      ) : rows.length === 0 ? (
        <p className="hint">{MM.noneShown}</p>
      ) : (
        <table className="overview-table monitoring-table" id="monitoring-table">
          <thead>
            <tr>
              <th>{MM.colProject}</th>
              <th className="num">{MM.colBudget}</th>
              <th className="num">{MM.colSpent(month)}</th>
              <th className="num">{MM.colProgress}</th>
              <th className="num">{MM.colSchedule}</th>
              <th>{MM.colExecution}</th>
              <th>{MM.colIndicators}</th>
              <th>{MM.colLight}</th>
              <th>{MM.colStatus}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ project, round, result }) => (
              <tr key={project.id} data-project-id={project.id} data-light={result?.light ?? (round ? 'none' : 'unfilled')}>
                <td>
                  <button type="button" className="link" onClick={() => store.select(project.id)}>
                    {project.name}
                  </button>
                </td>
                <td className="num">{wan(fundingTotal(project.funding))}</td>
                <td className="num">{round ? wan(fundingTotal(round.spent)) : '—'}</td>
                <td className="num">{result?.execution.progressText || '—'}</td>
                <td className="num">{result?.execution.scheduleText || '—'}</td>
                <td>{result ? <LightBadge light={result.execution.light} title={result.execution.explanation} /> : '—'}</td>
                <td className="m-counts-cell">{result ? lightCountText(result.counts) : '—'}</td>
                <td>
                  <LightBadge light={result?.light ?? null} unfilled={round === null} title={result?.explanation} />
                </td>
                <td>{round ? STATUS_LABELS[round.status] : MM.unfilled}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
});

/** The left list's project rows in this view: each project's light of the month; a click opens its round. */
export const MonitoringListRows = observer(function MonitoringListRows({ store }: { store: MonitoringStore }) {
  return (
    <ul className="assessment-rows" id="monitoring-list">
      {store.rows.map(({ project, round, result }) => (
        <li key={project.id} data-project-id={project.id} className={store.selectedId === project.id ? 'current' : undefined}>
          <button type="button" className="row-open" onClick={() => store.select(project.id)}>
            <span className="row-name">{project.name}</span>
          </button>
          <LightBadge light={result?.light ?? null} unfilled={round === null} title={result?.explanation} />
          <span />
        </li>
      ))}
    </ul>
  );
});
