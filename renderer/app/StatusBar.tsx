// Bottom line: the save mark of the open draft, the latest notice (with 撤销 for deletions), and the app's host.
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import { M } from '../messages';
import { platform } from '../platform';
import type { Autosaver } from '../stores/autosave';
import { useStore } from './store-context';

/** The autosave state of a draft; also shown in the year-end workspace's header. */
export const SaveMark = observer(function SaveMark({ autosaver, id }: { autosaver: Autosaver; id: string }) {
  const { state, error } = autosaver;
  const text = state === 'saved' ? `✓ ${M.saved}` : state === 'saving' ? M.saving : state === 'dirty' ? M.unsaved : M.saveFailed(error ?? '');
  return (
    <span className={`save-mark ${state}`} id={id} data-state={state}>
      {text}
    </span>
  );
});

const DraftSaveMark = observer(function DraftSaveMark() {
  const draft = useStore().activeDraft;
  return draft ? <SaveMark autosaver={draft.autosaver} id="save-mark" /> : null;
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
      <DraftSaveMark />
      <Notice />
      <span className="spacer" />
      <span className="host">{host}</span>
    </footer>
  );
}
