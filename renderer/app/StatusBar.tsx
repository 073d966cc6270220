// Bottom line: the save mark of the open draft, the latest notice (with 撤销 for deletions), and the app's host.
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import { M } from '../messages';
import { platform } from '../platform';
import { useStore } from './store-context';

export const SaveMark = observer(function SaveMark() {
  const draft = useStore().activeDraft;
  if (!draft) return null;
  const { state, error } = draft.autosaver;
  const text = state === 'saved' ? `✓ ${M.saved}` : state === 'saving' ? M.saving : state === 'dirty' ? M.unsaved : M.saveFailed(error ?? '');
  return (
    <span className={`save-mark ${state}`} id="save-mark" data-state={state}>
      {text}
    </span>
  );
});

const Notice = observer(function Notice() {
  const root = useStore();
  const notice = root.undo.notice;
  if (!notice) return null;
  return (
    <span className={`notice ${notice.kind}`} id="notice" role="status">
      {notice.text}
      {notice.undoable && (
        <button type="button" className="link" id="undo" onClick={() => void root.undoLast()}>
          {M.undo}（Ctrl+Z）
        </button>
      )}
      <button type="button" className="icon" aria-label="×" onClick={() => root.undo.dismiss()}>
        ×
      </button>
    </span>
  );
});

export function StatusBar() {
  const [host, setHost] = useState('');
  useEffect(() => {
    void platform.appInfo().then((info) => setHost(`${info.host === 'electron' ? M.hostElectron : M.hostBrowser} ${info.version}`));
  }, []);
  return (
    <footer className="status-bar">
      <SaveMark />
      <Notice />
      <span className="spacer" />
      <span className="host">{host}</span>
    </footer>
  );
}
