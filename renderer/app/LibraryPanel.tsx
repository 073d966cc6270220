// The indicator library beside the editor: a search box over the whole library (names, explanations, sector labels;
// Chinese or pinyin), and the suggestions for the 二级 of the row being edited (or the 二级 the check panel asked for),
// best match first. A click fills that row, or adds a row under the entry's 二级 when it is another one.
// The sector library is loaded on the panel's first opening.
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import type { Id } from '../../shared/model';
import { findLevel2 } from '../../shared/schemes';
import { formatValue } from '../../shared/value-text';
import type { LibraryEntry, Suggestion } from '../library/library';
import { M } from '../messages';
import type { IndicatorDraft } from '../stores/indicator-draft';
import { focusElement, indicatorFieldId } from './focus';
import { useStore } from './store-context';

function targetLabel(e: LibraryEntry): string {
  if (e.direction === '定性') return e.target;
  return e.targetText || formatValue(e.direction, e.target, e.unit, e.targetMax);
}

function originLabel(e: LibraryEntry): string {
  if (e.origin === 'own') return M.libraryOwn;
  if (e.origin === 'shared') return M.libraryShared;
  return M.librarySector(e.sectorLabel ?? '');
}

/** The row a pick fills: the given row when it is under the entry's 二级, else a new row there. */
function pick(draft: IndicatorDraft, entry: LibraryEntry, rowId: Id | null): void {
  const row = rowId === null ? undefined : draft.indicators.find((i) => i.id === rowId);
  const id = row && row.level2 === entry.level2 ? row.id : draft.addIndicator(entry.level2);
  if (id === null) return;
  draft.applyTemplate(id, entry);
  draft.setActive(id);
  focusElement(indicatorFieldId(id, 'target'));
}

export const LibraryPanel = observer(function LibraryPanel() {
  const root = useStore();
  const { library } = root;
  const draft = root.activeDraft;
  const unitId = root.units.unitId;

  useEffect(() => {
    if (draft) void library.openCatalog();
  }, [library, draft]);
  useEffect(() => {
    if (unitId && draft) void library.ensureLoaded(unitId);
  }, [library, unitId, draft]);

  if (!draft) return null;
  const active = draft.activeIndicator;
  const focus = library.focus && library.focus.activeId === draft.activeIndicatorId ? library.focus : null;
  const level2 = focus?.level2 ?? active?.level2 ?? null;
  const level2Label = (code: string) => findLevel2(draft.scheme, code)?.level2.label ?? code;
  const plan = root.selection?.kind === 'plan';
  const projectName = plan ? root.units.unit?.name ?? '' : root.draft.project?.name ?? '';
  const goal = plan ? root.plan.plan?.overallGoal ?? '' : root.draft.project?.annualGoal ?? '';
  const context = library.context(projectName, goal);
  const query = library.query.trim();
  const sectorLabel = library.catalog?.SECTORS.find((s) => s.id === root.units.unit?.sector)?.label;

  let list: Suggestion[] = [];
  let hint: string;
  if (query !== '') {
    list = library.search(context, level2 ?? undefined);
    hint = M.librarySearchHint;
  } else if (level2 !== null) {
    const siblings = draft.rowsOf(level2).filter((i) => i.id !== active?.id).map((i) => i.name);
    list = library.suggest(level2, context, { excludeProjectId: root.draft.projectId ?? undefined, excludeNames: siblings });
    hint = focus ? M.libraryAddHint(level2Label(level2)) : M.libraryRankHint(level2Label(level2));
  } else {
    hint = M.libraryPickRow;
  }
  const rowId = focus ? null : active?.id ?? null;

  return (
    <section className="library-panel" id="library-panel">
      <h2>{M.library}</h2>
      <p className="hint library-sector">{sectorLabel ? M.libraryUnitSector(sectorLabel) : M.libraryNoSector}</p>
      <input
        id="library-search"
        type="search"
        aria-label={M.librarySearch}
        placeholder={M.librarySearchPlaceholder}
        value={library.query}
        onFocus={() => library.warmSearch()}
        onChange={(e) => library.setQuery(e.target.value)}
      />
      <p className="hint">{hint}</p>
      {!library.catalog && <p className="hint">{M.libraryLoading}</p>}
      {library.catalog && list.length === 0 && (query !== '' || level2 !== null) && (
        <p className="hint" id="library-empty">
          {query !== '' ? M.libraryNoMatch(query) : M.libraryEmpty}
        </p>
      )}
      <ul className="suggestions" id="library-results">
        {list.map(({ entry, score }) => (
          <li key={`${entry.origin}:${entry.sector ?? ''}:${entry.source}:${entry.level2}:${entry.name}`}>
            <button
              type="button"
              data-score={score.toFixed(2)}
              data-origin={entry.origin}
              data-sector={entry.sector ?? ''}
              data-level2={entry.level2}
              title={entry.explanation}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                pick(draft, entry, rowId);
                library.clearFocus();
              }}
            >
              <span className="s-name">
                {entry.name}
                {query !== '' && entry.level2 !== level2 && <span className="s-level2"> {M.libraryLevel2(level2Label(entry.level2))}</span>}
              </span>
              <span className="s-target">{targetLabel(entry)}</span>
              {entry.explanation && <span className="s-explanation">{entry.explanation}</span>}
              <span className={'s-origin ' + entry.origin}>
                {originLabel(entry)}
                {entry.source || entry.projectName ? ` · ${[entry.source, entry.projectName].filter((x) => x !== '').join(' · ')}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
});
