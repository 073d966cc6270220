// The autosave state of the year-end workspace, like the authoring editor's mark in the status bar.
import { observer } from 'mobx-react-lite';
import { MA } from '../../messages';
import type { AssessmentStore } from '../../stores/assessment-store';

export const SaveMark = observer(function SaveMark({ store }: { store: AssessmentStore }) {
  const { state, error } = store.autosaver;
  const text = state === 'saved' ? `✓ ${MA.saved}` : state === 'saving' ? MA.saving : state === 'dirty' ? MA.unsaved : MA.saveFailed(error ?? '');
  return (
    <span className={`save-mark ${state}`} id="sa-save-mark" data-state={state}>
      {text}
    </span>
  );
});
