// Bottom line: the save mark of the open draft, the latest notice (with 撤销 for deletions), and the app's host.
// After an undo that brought a row back, the focus goes back to the box it was deleted from, unless the user has
// moved on to another box meanwhile (then it stays there).
import { reaction } from 'mobx';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import { M } from '../messages';
import { ME } from '../messages-editing';
import { platform } from '../platform';
import type { Autosaver } from '../stores/autosave';
import { fieldDomId, focusElement } from './focus';
import { useStore } from './store-context';

/**
 * The autosave state of a draft; also shown in the year-end workspace's header. While fields hold text that is not a
 * value (`invalidCount`), it says so instead of 已保存: what is on screen is not all in the database.
 */
export const SaveMark = observer(function SaveMark({ autosaver, id, invalidCount = 0 }: { autosaver: Autosaver; id: string; invalidCount?: number }) {
  const { state, error } = autosaver;
  const invalid = invalidCount > 0 && state !== 'error';
  const text = invalid
    ? ME.invalidInputs(invalidCount)
    : state === 'saved'
      ? `✓ ${M.saved}`
      : state === 'saving'
        ? M.saving
        : state === 'dirty'
          ? M.unsaved
          : M.saveFailed(error ?? '');
  return (
    <span className={`save-mark ${invalid ? 'invalid' : state}`} id={id} data-state={state} data-invalid={invalidCount}>
      {text}
    </span>
  );
});

const DraftSaveMark = observer(function DraftSaveMark() {
  const draft = useStore().activeDraft;
  return draft ? <SaveMark autosaver={draft.autosaver} id="save-mark" invalidCount={draft.invalidCount} /> : null;
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
  const root = useStore();
  const [host, setHost] = useState('');
  useEffect(() => {
    void platform.appInfo().then((info) => setHost(`${info.host === 'electron' ? M.hostElectron : M.hostBrowser} ${info.version}`));
  }, []);
  useEffect(
    () =>
      reaction(
        () => root.undo.focusRequest,
        (request) => {
          const nowhere = document.activeElement === null || document.activeElement === document.body;
          if (request && nowhere) focusElement(fieldDomId(request.target));
        },
      ),
    [root],
  );
  return (
    <footer className="status-bar">
      <DraftSaveMark />
      <Notice />
      <span className="spacer" />
      <span className="host">{host}</span>
    </footer>
  );
}
