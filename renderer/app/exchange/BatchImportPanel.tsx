// 批量导入: the progress of several packages imported one after another, a 取消 that stops before the next one, and
// afterwards each package with what became of it; a package left out opens on its own in the import above.
import { observer } from 'mobx-react-lite';
import { MS } from '../../messages';
import type { BatchImportStore } from '../../stores/exchange-batch-import';
import { MessageList, Outcome } from './Messages';

export const BatchImportView = observer(function BatchImportView({ s }: { s: BatchImportStore }) {
  if (s.total === 0) return null;
  const done = s.entries.filter((e) => e.status !== 'waiting').length;
  return (
    <div className="card x-batch" id="import-batch">
      <div className="card-head">
        <h2>{MS.batchTitle(s.total)}</h2>
      </div>
      <p className="hint">{MS.batchIntro}</p>
      {s.running && (
        <div className="x-actions" id="import-batch-running">
          <span className="x-progress">
            <span className="x-bar">
              <span style={{ width: `${Math.round((done / s.total) * 100)}%` }} />
            </span>
            <span className="x-progress-text" id="import-batch-progress" role="status">
              {s.progress}
            </span>
          </span>
          <button type="button" id="import-batch-cancel" disabled={s.cancelRequested} onClick={() => s.cancel()}>
            {s.cancelRequested ? MS.batchCancelling : MS.batchCancel}
          </button>
        </div>
      )}
      <MessageList id="import-batch-error" messages={s.error ? [s.error] : []} />
      <Outcome id="import-batch-outcome" text={s.outcome} />
      <table className="x-table" id="import-batch-files">
        <thead>
          <tr>
            <th>{MS.batchFile}</th>
            <th>{MS.batchResult}</th>
            <th>{MS.batchDetail}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {s.entries.map((e, i) => (
            <tr key={i} data-status={e.status}>
              <td>{e.fileName}</td>
              <td>{MS.batchStatus[e.status]}</td>
              <td className="hint">{e.detail}</td>
              <td>
                {s.canOpen(i) && (
                  <button type="button" className="link" onClick={() => void s.open(i)}>
                    {MS.batchOpen}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
