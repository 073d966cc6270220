// 备份与恢复: back up everything to one file; restore from a file, or from one of the automatic backups, after checking
// it whole and a confirmation.
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import { ML, MX } from '../../messages';
import { platform } from '../../platform';
import { shownTime } from '../../stores/exchange-files';
import { useStore } from '../store-context';
import { GroupedProblemList, MessageList, Outcome } from './Messages';

export const BackupPanel = observer(function BackupPanel() {
  const s = useStore().exchange.backup;
  const [desktop, setDesktop] = useState(false);
  useEffect(() => {
    void platform.appInfo().then((info) => setDesktop(info.host === 'electron'));
    void s.loadAutomatic();
  }, [s]);

  return (
    <div className="x-panel" id="backup-panel">
      <h1>{MX.backupTitle}</h1>
      <div className="card">
        <p>{MX.backupIntro}</p>
        <p className="hint">
          {MX.backupAutomatic}
          {!desktop && ` ${MX.backupAutomaticBrowser}`}
        </p>
        <div className="x-actions">
          <button type="button" className="primary" id="backup-save" disabled={s.busy} onClick={() => void s.backup()}>
            {MX.backupSave}
          </button>
        </div>
        <Outcome id="backup-outcome" text={s.backupOutcome} />
        {s.backupError && <MessageList id="backup-errors" messages={[s.backupError]} />}
      </div>

      <h1>{MX.restoreTitle}</h1>
      <div className="card">
        <p>{MX.restoreIntro}</p>
        <div className="x-actions">
          <button type="button" id="restore-pick" disabled={s.busy} onClick={() => void s.pickRestore()}>
            {MX.restorePick}
          </button>
        </div>
        {s.stage === 'invalid' && (
          <GroupedProblemList id="restore-problems" title={MX.restoreInvalid(s.fileName, s.problemCount)} groups={s.problemGroups} count={s.problemCount} />
        )}
        {s.stage === 'confirm' && (
          <div className="x-confirm" id="restore-confirmation" role="alertdialog" aria-label={MX.restoreConfirmTitle(s.fileName)}>
            <h2>{MX.restoreConfirmTitle(s.fileName)}</h2>
            <p className="refusal">{MX.restoreWarning}</p>
            <ul>
              <li>{s.fileCounts}</li>
              <li>{s.currentCounts}</li>
            </ul>
            <div className="x-actions">
              <button type="button" className="danger" id="restore-confirm" disabled={s.busy} onClick={() => void s.confirmRestore()}>
                {s.busy ? MX.busy : MX.restoreConfirm}
              </button>
              <button type="button" id="restore-cancel" disabled={s.busy} onClick={() => s.cancelRestore()}>
                {MX.cancel}
              </button>
            </div>
          </div>
        )}
        {s.restoreError && <MessageList id="restore-errors" messages={[s.restoreError]} />}
        <Outcome id="restore-outcome" text={s.restoreOutcome} />
        <AutomaticBackups />
      </div>
    </div>
  );
});

const AutomaticBackups = observer(function AutomaticBackups() {
  const s = useStore().exchange.backup;
  return (
    <div id="automatic-backups">
      <h2>{ML.automaticTitle}</h2>
      {s.automaticError && <MessageList id="automatic-backups-errors" messages={[s.automaticError]} />}
      {s.automatic?.length === 0 && <p className="hint">{ML.automaticNone}</p>}
      {s.automatic && s.automatic.length > 0 && (
        <table className="x-table">
          <thead>
            <tr>
              <th>{ML.automaticTime}</th>
              <th>{ML.automaticKind}</th>
              <th className="num">{ML.automaticSize}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {s.automatic.map((b) => (
              <tr key={b.id} data-backup={b.id}>
                <td>{shownTime(b.takenAt)}</td>
                <td>{ML.backupKind(b.kind)}</td>
                <td className="num">{ML.backupSize(b.size)}</td>
                <td>
                  <button type="button" className="link" disabled={s.busy} onClick={() => void s.pickAutomatic(b)}>
                    {ML.automaticRestore}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
});
