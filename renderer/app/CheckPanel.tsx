// The live check: every validation problem of the open draft in Chinese, errors apart from warnings;
// a click moves the focus to the field concerned.
import { observer } from 'mobx-react-lite';
import type { Problem } from '../../shared/validation';
import { M } from '../messages';
import type { IndicatorDraft } from '../stores/indicator-draft';
import { focusElement } from './focus';
import { useStore } from './store-context';

export const CheckPanel = observer(function CheckPanel() {
  const draft = useStore().activeDraft;
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
      <ProblemList draft={draft} problems={errors} kind="error" title={M.errorsExplain} />
      <ProblemList draft={draft} problems={warnings} kind="warning" title={M.warningsExplain} />
    </section>
  );
});

function ProblemList({ draft, problems, kind, title }: { draft: IndicatorDraft; problems: Problem[]; kind: 'error' | 'warning'; title: string }) {
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
          </li>
        ))}
      </ul>
    </>
  );
}
