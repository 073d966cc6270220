// The check panel's one-click offer for the weights (domain.md §5): weights adding up to 100 beside a separate
// 预算执行率 are scaled into the indicator points; a list without weights is given the 一级 defaults, split evenly.
// Either change is one undoable edit of the draft.
import { observer } from 'mobx-react-lite';
import { M } from '../messages';
import type { IndicatorDraft } from '../stores/indicator-draft';

export const WeightOffer = observer(function WeightOffer({ draft }: { draft: IndicatorDraft }) {
  const offer = draft.weightOffer;
  if (!offer) return null;
  if (offer.kind === 'scale') {
    const factor = offer.factor.toString();
    return (
      <p className="weight-offer">
        <button type="button" id="weight-offer" title={M.weightScaleTitle(factor)} onClick={() => draft.takeWeightOffer()}>
          {M.weightScaleOffer(factor)}
        </button>
      </p>
    );
  }
  const p = draft.ruleSet.parameters;
  const w = p.level1Weights;
  return (
    <p className="weight-offer">
      {M.weightProposeNote(String(w.output), String(w.benefit), String(w.satisfaction), String(p.executionWeight))}
      <button type="button" id="weight-offer" title={M.weightProposeTitle} onClick={() => draft.takeWeightOffer()}>
        {M.weightProposeOffer}
      </button>
    </p>
  );
});
