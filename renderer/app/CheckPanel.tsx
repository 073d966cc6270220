// The live check: every validation problem of the open draft in Chinese, errors apart from warnings;
// a click moves the focus to the field concerned. A missing required 二级 offers "从指标库添加": the library panel
// then lists that 二级's indicators, and a pick adds the row.
import { observer } from 'mobx-react-lite';
import type { Problem } from '../../shared/validation';
import { M } from '../messages';
import type { IndicatorDraft } from '../stores/indicator-draft';
import type { LibraryStore } from '../stores/library-store';
import { focusElement } from './focus';
import { useStore } from './store-context';
import { WeightOffer } from './WeightOffer';

export const CheckPanel = observer(function CheckPanel() {
  const root = useStore();
  const draft = root.activeDraft;
  if (!draft) return null;
  const { errors, warnings } = draft;
  return (
    <section className="check-panel" id="check-panel" aria-live="polite">
      <h2>
        {M.check}
        <span className={'count error' + (errors.length ? '' : ' zero')}>{M.errors(errors.length)}</span>
        <span className={'count warning' + (warnings.length ? '' : ' zero')}>{M.warnings(warnings.length)}</span>
      </h2>
      {errors.length === 0 && warnings.length === 0 && <p className="ok">{M.checkOk}</p>}
      <WeightOffer draft={draft} />
      <ProblemList draft={draft} library={root.library} problems={errors} kind="error" title={M.errorsExplain} />
      <ProblemList draft={draft} library={root.library} problems={warnings} kind="warning" title={M.warningsExplain} />
    </section>
  );
});

function ProblemList({
  draft,
  library,
  problems,
  kind,
  title,
}: {
  draft: IndicatorDraft;
  library: LibraryStore;
  problems: Problem[];
  kind: 'error' | 'warning';
  title: string;
}) {
  if (problems.length === 0) return null;
  return (
    <>
      <h3 className={kind}>{title}</h3>
      <ul className={`problems ${kind}`}>
        {problems.map((p, i) => (
          <li key={`${p.path}:${p.code}:${i}`}>
            <button type="button" data-code={p.code} data-path={p.path} onClick={() => focusElement(draft.elementIdFor(p.path))}>
              {p.message}
            </button>
            {p.level2 !== undefined && (
              <button
                type="button"
                className="add-from-library"
                data-add-level2={p.level2}
                onClick={() => {
                  library.focusOn(p.level2!, draft.activeIndicatorId);
                  focusElement('library-search');
                }}
              >
                {M.addFromLibrary}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
