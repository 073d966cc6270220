// The indicator library beside the editor: 三级 indicators for the 二级 of the row being edited, best match first;
// a click fills that row.
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { findLevel2 } from '../../shared/schemes';
import { formatValue } from '../../shared/value-text';
import type { LibraryEntry } from '../library/library';
import { M } from '../messages';
import { indicatorFieldId } from '../stores/indicator-draft';
import { focusElement } from './focus';
import { useStore } from './store-context';

function targetLabel(e: LibraryEntry): string {
  if (e.direction === '定性') return e.target;
  return e.targetText || formatValue(e.direction, e.target, e.unit, e.targetMax);
}

export const LibraryPanel = observer(function LibraryPanel() {
  const root = useStore();
  const draft = root.activeDraft;
  const unitId = root.units.unitId;
  const active = draft?.activeIndicator;

  useEffect(() => {
    if (unitId && active) void root.library.ensureLoaded(unitId);
  }, [root, unitId, active]);

  if (!draft) return null;
  if (!active) {
    return (
      <section className="library-panel" id="library-panel">
        <h2>{M.library}</h2>
        <p className="hint">{M.libraryPickRow}</p>
      </section>
    );
  }
  const level2 = findLevel2(draft.scheme, active.level2)?.level2.label ?? active.level2;
  const projectName = root.selection?.kind === 'plan' ? root.units.unit?.name ?? '' : root.draft.project?.name ?? '';
  const siblings = draft.rowsOf(active.level2).filter((i) => i.id !== active.id).map((i) => i.name);
  const suggestions = root.library.suggest(active.level2, projectName, {
    excludeProjectId: root.draft.projectId ?? undefined,
    excludeNames: siblings,
  });
  return (
    <section className="library-panel" id="library-panel">
      <h2>{M.library}</h2>
      <p className="hint">{M.libraryHint(level2)}</p>
      {suggestions.length === 0 && <p className="hint">{M.libraryEmpty}</p>}
      <ul className="suggestions">
        {suggestions.map(({ entry, score }) => (
          <li key={`${entry.origin}:${entry.source}:${entry.name}`}>
            <button
              type="button"
              data-score={score.toFixed(2)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                draft.applyTemplate(active.id, entry);
                focusElement(indicatorFieldId(active.id, 'target'));
              }}
            >
              <span className="s-name">{entry.name}</span>
              <span className="s-target">{targetLabel(entry)}</span>
              <span className={'s-origin ' + entry.origin}>
                {entry.origin === 'own' ? M.libraryOwn : M.libraryReference} · {M.librarySource(entry.source, entry.projectName)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
});
