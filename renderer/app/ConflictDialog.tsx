// A save refused because another window (or tab) saved the record first: what that window changed, field by field,
// its value beside this window's, a choice per field, and the two one-click answers. Nothing is lost either way: the
// fields not listed keep both sides' changes (stores/conflict-store.ts).
import { observer } from 'mobx-react-lite';
import { MC } from '../messages';
import type { Choice } from '../stores/conflict';
import { useStore } from './store-context';

export const ConflictDialog = observer(function ConflictDialog() {
  const { conflicts } = useStore();
  const request = conflicts.current;
  if (!request) return null;
  const pick = (key: string, choice: Choice) => conflicts.choose(key, choice);
  return (
    <div className="dialog-backdrop conflict-backdrop">
      <div className="dialog conflict-dialog" id="conflict-dialog" role="alertdialog" aria-modal="true" aria-labelledby="conflict-title">
        <h2 id="conflict-title">{MC.conflictTitle(request.record)}</h2>
        <p className="hint">{MC.conflictIntro}</p>
        <table className="conflict-table">
          <thead>
            <tr>
              <th>{MC.conflictField}</th>
              <th>{MC.conflictTheirs}</th>
              <th>{MC.conflictMine}</th>
              <th>{MC.conflictChoice}</th>
            </tr>
          </thead>
          <tbody>
            {request.changes.map((c) => {
              const chosen = conflicts.choices.get(c.key);
              return (
                <tr key={c.key} data-key={c.key} className="conflict-row">
                  <th scope="row">{c.label}</th>
                  <td className={'conflict-value theirs' + (chosen === 'theirs' ? ' chosen' : '')}>{c.theirs}</td>
                  <td className={'conflict-value mine' + (chosen === 'mine' ? ' chosen' : '')}>
                    {c.mine}
                    {!c.mineChanged && <span className="hint"> {MC.mineUntouched}</span>}
                  </td>
                  <td className="conflict-choice">
                    <label>
                      <input type="radio" name={`conflict-${c.key}`} value="theirs" checked={chosen === 'theirs'} onChange={() => pick(c.key, 'theirs')} />
                      {MC.takeTheirs}
                    </label>
                    <label>
                      <input type="radio" name={`conflict-${c.key}`} value="mine" checked={chosen === 'mine'} onChange={() => pick(c.key, 'mine')} />
                      {MC.keepMine}
                    </label>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="dialog-buttons">
          <button type="button" id="conflict-all-theirs" onClick={() => conflicts.chooseAll('theirs')}>
            {MC.allTheirs}
          </button>
          <button type="button" id="conflict-all-mine" onClick={() => conflicts.chooseAll('mine')}>
            {MC.allMine}
          </button>
          <button type="button" className="primary" id="conflict-apply" autoFocus onClick={() => conflicts.confirm()}>
            {MC.applyChoices}
          </button>
        </div>
      </div>
    </div>
  );
});
