// 导出数据包: years and projects to send, with what the package carries.
import { observer } from 'mobx-react-lite';
import { fundingTotal } from '../../../shared/model';
import { MX } from '../../messages';
import { wan } from '../money';
import { useStore } from '../store-context';
import { MessageList, Outcome } from './Messages';

export const PackagePanel = observer(function PackagePanel() {
  const root = useStore();
  const s = root.exchange.packageExport;
  const years = s.availableYears;
  const candidates = s.candidates;
  const unitName = (id: string) => s.data?.units.find((u) => u.id === id)?.name ?? '';

  return (
    <div className="x-panel" id="package-panel">
      <h1>{MX.packageTitle}</h1>
      <p className="hint">{MX.packageIntro}</p>
      <div className="card">
        <label className="x-check-line">
          <input type="checkbox" id="package-subordinates" checked={s.includeSubordinates} onChange={(e) => s.setIncludeSubordinates(e.target.checked)} />
          {MX.packageSubordinates}
        </label>
        {years.length === 0 ? (
          <p className="hint">{MX.packageNoYears}</p>
        ) : (
          <fieldset className="x-choices" id="package-years">
            <legend>{MX.packageYears}</legend>
            {years.map((y) => (
              <label key={y}>
                <input type="checkbox" value={y} checked={s.years.includes(y)} onChange={(e) => s.toggleYear(y, e.target.checked)} />
                {MX.yearLabel(y)}
              </label>
            ))}
          </fieldset>
        )}

        {candidates.length > 0 && (
          <table className="x-table" id="package-projects">
            <thead>
              <tr>
                <th className="x-c-check" />
                <th>{MX.yearColumn}</th>
                {s.includeSubordinates && <th>{MX.unitColumn}</th>}
                <th>{MX.projectColumn}</th>
                <th className="num">{MX.indicatorColumn}</th>
                <th className="num">{MX.amountColumn}</th>
                <th>{MX.assessmentColumn}</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((p) => (
                <tr key={p.id}>
                  <td className="x-c-check">
                    <input type="checkbox" aria-label={p.name} checked={s.isChosen(p.id)} onChange={(e) => s.toggleProject(p.id, e.target.checked)} />
                  </td>
                  <td>{p.year}</td>
                  {s.includeSubordinates && <td>{unitName(p.unitId)}</td>}
                  <td>{p.name}</td>
                  <td className="num">{p.indicators.length}</td>
                  <td className="num">{wan(fundingTotal(p.funding))}</td>
                  <td>{p.selfAssessment?.status === 'done' ? MX.assessmentDone : MX.assessmentOpen}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="hint" id="package-contents">
          {MX.packagePlans(s.chosenPlans.length)}；{MX.packageUnits(s.packageUnits.map((u) => u.name).join('、'))}
        </p>
        <div className="x-actions">
          <button type="button" className="primary" id="package-save" disabled={s.busy} onClick={() => void s.save()}>
            {s.busy ? MX.busy : MX.packageSave}
          </button>
        </div>
        <MessageList id="package-messages" messages={s.messages} />
        <Outcome id="package-outcome" text={s.outcome} />
      </div>
    </div>
  );
});
