// The live check: every validation problem of the open draft in Chinese, errors apart from warnings, and first
// every box holding text that is not a value (never stored); a click moves the focus to the field concerned. A missing required 二级 offers "从指标库添加": the library panel
// then lists that 二级's indicators, and a pick adds the row.
import { observer } from 'mobx-react-lite';
import type { Problem } from '../../shared/validation';
import { M } from '../messages';
import type { IndicatorDraft } from '../stores/indicator-draft';
import type { LibraryStore } from '../stores/library-store';
import { targetKey } from '../stores/invalid-texts';
import { fieldDomId, focusElement } from './focus';
import { useStore } from './store-context';
import { WeightOffer } from './WeightOffer';
import { OpenOpinions } from './review/OpenOpinions';

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
      <OpenOpinions />
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
          <li key={`${targetKey(p.target)}:${p.code}:${i}`}>
            <button
              type="button"
              data-code={p.code}
              data-field-id={fieldDomId(p.target)}
              onClick={() => {
                // asked where the problem is: its row shows its marks even if it was just added
                draft.reveal(p.target);
                focusElement(fieldDomId(p.target));
              }}
            >
              {p.message}
            </button>
            {p.code === 'weightsAbsent' && draft.weightOffer?.kind === 'propose' && (
              // the proposal beside the warning it answers (also offered above, with its split explained)
              <button type="button" className="add-from-library" data-offer-for={p.code} title={M.weightProposeTitle} onClick={() => draft.takeWeightOffer()}>
                {M.weightProposeOffer}
              </button>
            )}
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
