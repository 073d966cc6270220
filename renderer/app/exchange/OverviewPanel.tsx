// 汇总概览: the units under the chosen unit with this year's completeness and monitoring lights (counts of 红/黄/绿 per
// unit, a filter by light that lists each unit's projects of that light), and a shortcut to the consolidated F4.
import { observer } from 'mobx-react-lite';
import { Fragment } from 'react';
import { LIGHT_LABELS, type Light } from '../../../shared/monitoring';
import { MM, MS, MX } from '../../messages';
import { OVERVIEW_STATUS_FILTERS, type OverviewStatusFilter } from '../../stores/exchange-overview';
import { monitoringText } from '../../../shared/monitoring-messages';
import type { MonitoredProject } from '../../db/repository';
import { LightBadge } from '../monitoring/LightBadge';
import { useStore } from '../store-context';

export const OverviewPanel = observer(function OverviewPanel() {
  const root = useStore();
  const x = root.exchange;
  const s = x.overview;
  const totals = s.totals;
  const unitName = root.units.unit?.name ?? '';

  const exportF4 = () => {
    x.formExport.setForm('F4');
    x.formExport.setScope('supervisor');
    x.setSection('export');
  };

  return (
    <div className="x-panel" id="overview-panel">
      <div className="x-title-line">
        <h1>{MX.overviewTitle}</h1>
        <button type="button" onClick={() => void s.load()}>
          {MX.overviewRefresh}
        </button>
        <button type="button" id="overview-export-f4" disabled={s.rows.length === 0} onClick={exportF4}>
          {MX.overviewExportF4}
        </button>
      </div>
      <p className="hint">{MX.overviewIntro(unitName, root.units.year)}</p>
      {s.rows.length > 0 && (
        <label className="m-filter x-status-filter">
          <span>{MS.overviewFilterLabel}</span>
          <select id="overview-status-filter" value={s.statusFilter} onChange={(e) => s.setStatusFilter(e.target.value as OverviewStatusFilter)}>
            {OVERVIEW_STATUS_FILTERS.map((f) => (
              <option key={f} value={f}>
                {MS.overviewFilters[f]}
              </option>
            ))}
          </select>
        </label>
      )}
      {s.rows.length > 0 && (
        <label className="m-filter x-light-filter">
          <span>{MM.overviewFilter}</span>
          <select id="overview-light-filter" value={s.lightFilter} onChange={(e) => s.setLightFilter(e.target.value as Light | 'all')}>
            <option value="all">{MM.overviewFilterAll}</option>
            {LIGHT_FILTERS.map((l) => (
              <option key={l} value={l}>
                {MM.overviewFilterLight(LIGHT_LABELS[l])}
              </option>
            ))}
          </select>
        </label>
      )}
      {s.error && <p className="refusal">{s.error}</p>}
      {!s.error && s.rows.length === 0 && !s.loading && <p className="card empty hint">{MX.overviewNoUnits}</p>}
      {s.rows.length > 0 && (
        <table className="x-table x-overview" id="overview-table">
          <thead>
            <tr>
              <th>{MX.overviewUnit}</th>
              <th className="num">{MX.overviewProjects}</th>
              <th className="x-c-progress">{MX.overviewTargets}</th>
              <th className="x-c-progress">{MX.overviewAssessments}</th>
              <th>{MX.overviewPlan}</th>
              <th className="x-c-lights">{MM.overviewLights}</th>
            </tr>
          </thead>
          <tbody>
            {s.shownRows.map((r) => (
              <Fragment key={r.unitId}>
                <tr data-unit={r.unitId}>
                  <td style={{ paddingLeft: `${r.depth * 14 - 6}px` }}>{r.unitName}</td>
                  <td className="num">{r.projectCount}</td>
                  <ProgressCell done={r.targetsFilled} of={r.projectCount} />
                  <ProgressCell done={r.assessmentsDone} of={r.projectCount} />
                  <td className={r.hasDepartmentPlan ? 'x-yes' : 'x-no'}>{r.hasDepartmentPlan ? MX.overviewHasPlan : MX.overviewNoPlan}</td>
                  <LightCounts lights={r.lights} unmonitored={r.unmonitored} />
                </tr>
                {s.lightFilter !== 'all' && <UnitProjects projects={r.monitored} light={s.lightFilter} unitId={r.unitId} />}
              </Fragment>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th>{MX.overviewTotal}</th>
              <td className="num">{totals.projectCount}</td>
              <ProgressCell done={totals.targetsFilled} of={totals.projectCount} />
              <ProgressCell done={totals.assessmentsDone} of={totals.projectCount} />
              <td>
                {totals.plans} / {s.rows.length}
              </td>
              <LightCounts lights={totals.lights} unmonitored={totals.unmonitored} />
            </tr>
          </tfoot>
        </table>
      )}
      {s.lightFilter !== 'all' && s.rows.length > 0 && s.shownRows.length === 0 && <p className="hint">{MM.overviewNoneShown(LIGHT_LABELS[s.lightFilter])}</p>}
      {s.shownRows !== s.rows && (
        <p className="hint" id="overview-shown">
          {MS.overviewShown(s.shownRows.length, s.rows.length)}
        </p>
      )}
    </div>
  );
});

function ProgressCell({ done, of }: { done: number; of: number }) {
  const pct = of === 0 ? 0 : Math.round((done / of) * 100);
  const full = of > 0 && done === of;
  return (
    <td className="x-c-progress">
      <span className={`x-progress${full ? ' full' : ''}`}>
        <span className="x-bar">
          <span style={{ width: `${pct}%` }} />
        </span>
        <span className="x-progress-text">
          {done} / {of}
        </span>
      </span>
    </td>
  );
}

const LIGHT_FILTERS: Light[] = ['red', 'yellow', 'green'];

/** A unit's projects by light, worst first, each in words ("红灯 3"), and those without a round. */
function LightCounts({ lights, unmonitored }: { lights: Record<Light, number>; unmonitored: number }) {
  return (
    <td className="x-c-lights">
      <span className="x-lights">
        {LIGHT_FILTERS.map((l) => (
          <span key={l} data-light={l} data-count={lights[l]}>
            <LightBadge light={l} /> {lights[l]}
          </span>
        ))}
        <span className="hint" data-light="unfilled" data-count={unmonitored}>
          {MM.overviewUnfilled} {unmonitored}
        </span>
      </span>
    </td>
  );
}

/** Under a unit, its projects of the chosen light with their one-line explanations ("…；项目：红灯"). */
function UnitProjects({ projects, light, unitId }: { projects: readonly MonitoredProject[]; light: Light; unitId: string }) {
  const shown = projects.filter((p) => p.light === light);
  return (
    <tr className="x-unit-projects" data-unit-projects={unitId}>
      <td colSpan={6}>
        <ul>
          {shown.map((p) => (
            // one text per project: a city's filter lists thousands, and the explanation names the light in words
            <li key={p.projectId} data-project-id={p.projectId}>
              {`${p.name}（${monitoringText.months(p.month)}）：${p.explanation}`}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}
