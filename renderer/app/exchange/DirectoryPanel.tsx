// 下发单位目录 (the supervisor): its units, indented, each with its code and scheme, a package for one or for all.
import { observer } from 'mobx-react-lite';
import { getScheme } from '../../../shared/schemes';
import { MR } from '../../messages-review';
import { useStore } from '../store-context';
import { MessageList, Outcome } from './Messages';

export const DirectoryPanel = observer(function DirectoryPanel() {
  const s = useStore().exchange.directory;
  const below = s.below;
  return (
    <div className="x-panel" id="directory-panel">
      <h1>{MR.directoryTitle}</h1>
      <p className="hint">{MR.directoryIntro}</p>
      <div className="card">
        {below.length === 0 ? (
          <p className="hint">{MR.directoryNoUnits}</p>
        ) : (
          <>
            <table className="x-table" id="directory-units">
              <thead>
                <tr>
                  <th>{MR.unitColumn}</th>
                  <th>{MR.directoryCode}</th>
                  <th>{MR.directoryScheme}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {below.map(({ unit, depth }) => (
                  <tr key={unit.id} data-unit-id={unit.id}>
                    <td>{'\u3000'.repeat(depth - 1) + unit.name}</td>
                    <td className={unit.code ? '' : 'hint'}>{unit.code ?? MR.directoryNoCode}</td>
                    <td>{getScheme(unit.schemeId)?.label ?? unit.schemeId}</td>
                    <td>
                      <button type="button" className="directory-export" disabled={s.busy} onClick={() => void s.exportFor(unit.id)}>
                        {MR.directoryExportOne}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="x-actions">
              <button type="button" className="primary" id="directory-export-all" disabled={s.busy} onClick={() => void s.exportFor(null)}>
                {MR.directoryExportAll}
              </button>
            </div>
          </>
        )}
        <MessageList id="directory-messages" messages={s.messages} />
        <Outcome id="directory-outcome" text={s.outcome} />
      </div>
    </div>
  );
});
