// What the window shows when the database cannot be used: a notice while it opens (an upgrade can take seconds), a
// failed open (with the newest automatic backup to restore) instead of the app, or a blocking notice over it once
// another page has opened the database at a newer version.
import { observer } from 'mobx-react-lite';
import { createPortal } from 'react-dom';
import { M, ML } from '../messages';
import { shownTime } from '../stores/exchange-files';
import { useStore } from './store-context';

export const DatabaseFailure = observer(function DatabaseFailure() {
  const life = useStore().database;
  const state = life.state;
  const backup = life.newestBackup;
  return (
    <main className="db-failure" id="db-failure" role="alert">
      <div className="card">
        <h1>{ML.failedTitle}</h1>
        <p>{ML.failedIntro}</p>
        {state.kind === 'failed' && (
          <details id="db-failure-details">
            <summary>{ML.failedDetails}</summary>
            <pre>{state.details}</pre>
          </details>
        )}
        {backup ? (
          <p id="db-failure-backup">{ML.newestBackup(shownTime(backup.takenAt), backup.kind, backup.size)}</p>
        ) : (
          <p className="refusal" id="db-failure-no-backup">
            {life.backupsError ? ML.automaticListFailed(life.backupsError) : ML.noBackup}
          </p>
        )}
        {backup && !life.confirming && (
          <div className="x-actions">
            <button type="button" className="primary" id="db-restore" onClick={() => life.askRestore()}>
              {ML.restoreNewest}
            </button>
          </div>
        )}
        {backup && life.confirming && (
          <div className="x-confirm" role="alertdialog" aria-label={ML.restoreConfirm}>
            <p className="refusal">{ML.restoreWarning}</p>
            <div className="x-actions">
              <button type="button" className="danger" id="db-restore-confirm" disabled={life.restoring} onClick={() => void life.restoreNewest()}>
                {life.restoring ? ML.restoring : ML.restoreConfirm}
              </button>
              <button type="button" id="db-restore-cancel" disabled={life.restoring} onClick={() => life.cancelRestore()}>
                {M.cancel}
              </button>
            </div>
          </div>
        )}
        {life.restoreError && (
          <p className="refusal" id="db-restore-error">
            {life.restoreError}
          </p>
        )}
      </div>
    </main>
  );
});

/** In place of the project list until the database is open and the units are read: never "no units yet" meanwhile. */
export const DatabaseOpening = observer(function DatabaseOpening() {
  const state = useStore().database.state;
  return (
    <div className="list-empty" id="db-opening" role="status">
      <p>{ML.openingTitle}</p>
      <p className="hint">{state.kind === 'opening' && state.blocked ? ML.openingBlocked : ML.openingDetail}</p>
    </div>
  );
});

export const DatabaseOutdated = observer(function DatabaseOutdated() {
  const life = useStore().database;
  return createPortal(
    <div className="dialog-backdrop" id="db-outdated">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="db-outdated-title">
        <h2 id="db-outdated-title">{ML.outdatedTitle}</h2>
        <p>{ML.outdatedDetail}</p>
        <div className="dialog-buttons">
          <button type="button" className="primary" id="db-reload" autoFocus onClick={() => life.reload()}>
            {ML.reload}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
});
