// 汇总概览: the units under the chosen unit with this year's completeness, and a shortcut to the consolidated F4.
import { observer } from 'mobx-react-lite';
import { MX } from '../../messages';
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
            </tr>
          </thead>
          <tbody>
            {s.rows.map((r) => (
              <tr key={r.unitId} data-unit={r.unitId}>
                <td style={{ paddingLeft: `${r.depth * 14 - 6}px` }}>{r.unitName}</td>
                <td className="num">{r.projectCount}</td>
                <ProgressCell done={r.targetsFilled} of={r.projectCount} />
                <ProgressCell done={r.assessmentsDone} of={r.projectCount} />
                <td className={r.hasDepartmentPlan ? 'x-yes' : 'x-no'}>{r.hasDepartmentPlan ? MX.overviewHasPlan : MX.overviewNoPlan}</td>
              </tr>
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
            </tr>
          </tfoot>
        </table>
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
