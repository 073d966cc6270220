// 备份与恢复: back up everything to one file; restore from a file after checking it whole and a confirmation.
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import { MX } from '../../messages';
import { platform } from '../../platform';
import { useStore } from '../store-context';
import { MessageList, Outcome, ProblemList } from './Messages';

export const BackupPanel = observer(function BackupPanel() {
  const s = useStore().exchange.backup;
  const [desktop, setDesktop] = useState(false);
  useEffect(() => {
    void platform.appInfo().then((info) => setDesktop(info.host === 'electron'));
  }, []);

  return (
    <div className="x-panel" id="backup-panel">
      <h1>{MX.backupTitle}</h1>
      <div className="card">
        <p>{MX.backupIntro}</p>
        <p className="hint">{desktop ? MX.backupAutomatic : MX.backupAutomaticBrowser}</p>
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
        {s.stage === 'invalid' && <ProblemList id="restore-problems" title={MX.restoreInvalid(s.fileName, s.problems.length)} problems={s.problems} />}
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
      </div>
    </div>
  );
});
