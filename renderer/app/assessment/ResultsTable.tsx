// The indicators of a project (or of the department plan) at year end: each target beside a box for the actual
// value (for 定性 the outcome and the text of what was achieved), the score the rule set gives with its one-line
// explanation, an optional override with a reason, 不适用 with its reason, and the deviation note where §5 demands
// one, saying why. The 预算执行率 row shows the execution score and takes no value of its own.
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { Id, Indicator, IndicatorResult, QualitativeOutcome } from '../../../shared/model';
import { OUTCOME_LABELS } from '../../../shared/messages';
import { targetText } from '../../../shared/indicator-text';
import { NOTE_LIMIT } from '../../../shared/validation';
import type { IndicatorScore } from '../../../shared/scoring';
import { groupIndicators, type IndicatorScheme } from '../../../shared/schemes';
import { MA } from '../../messages';
import { useScoreText } from './inputs';

export interface ResultHandlers {
  result(indicatorId: Id): IndicatorResult | undefined;
  setActual(indicatorId: Id, actual: string): void;
  setOutcome(indicatorId: Id, outcome: QualitativeOutcome | undefined): void;
  setDeviationNote(indicatorId: Id, note: string): void;
  /** absent where the form takes no overrides (the department plan) */
  setScoreOverride?(indicatorId: Id, override: { score: number; reason: string } | undefined): void;
  /** 不适用 with its reason ('' while being written), undefined for applicable; absent where not offered */
  setNotApplicable?(indicatorId: Id, reason: string | undefined): void;
}

const OUTCOMES: QualitativeOutcome[] = ['achieved', 'partial', 'notAchieved'];

export function scoreText(score: number | null): string {
  return score === null ? '—' : score.toFixed(2);
}

export const ResultsTable = observer(function ResultsTable({
  indicators,
  scores,
  scheme,
  handlers,
  locked,
  resetKey,
}: {
  indicators: readonly Indicator[];
  scores: readonly IndicatorScore[];
  scheme: IndicatorScheme;
  handlers: ResultHandlers;
  locked: boolean;
  resetKey: unknown;
}) {
  const byId = new Map(scores.map((s) => [s.indicatorId, s]));
  return (
    <table className="results-table">
      <colgroup>
        <col className="rc-name" />
        <col className="rc-target" />
        <col className="rc-actual" />
        <col className="rc-max" />
        <col className="rc-score" />
      </colgroup>
      <thead>
        <tr>
          <th>{MA.colName}</th>
          <th>{MA.colTarget}</th>
          <th>{MA.colActual}</th>
          <th className="num">{MA.colMax}</th>
          <th className="num">{MA.colScore}</th>
        </tr>
      </thead>
      {groupIndicators(scheme, indicators).map((g1) => (
        <tbody key={g1.code} data-level1={g1.code}>
          <tr className="level1-head">
            <th colSpan={5}>
              <span className="level1-label">{g1.def?.label ?? '—'}</span>
            </th>
          </tr>
          {g1.groups.map((g2) =>
            g2.items.map((ind, k) => (
              <ResultRow
                key={ind.id}
                indicator={ind}
                level2={k === 0 ? (g2.def?.label ?? '—') : null}
                score={byId.get(ind.id)!}
                handlers={handlers}
                locked={locked}
                resetKey={resetKey}
              />
            )),
          )}
        </tbody>
      ))}
    </table>
  );
});

const ResultRow = observer(function ResultRow({
  indicator,
  level2,
  score,
  handlers,
  locked,
  resetKey,
}: {
  indicator: Indicator;
  level2: string | null;
  score: IndicatorScore;
  handlers: ResultHandlers;
  locked: boolean;
  resetKey: unknown;
}) {
  const r = handlers.result(indicator.id);
  const qualitative = indicator.direction === '定性';
  const execution = score.rule === 'execution';
  const notApplicable = r?.notApplicable !== undefined;
  const canOverride = handlers.setScoreOverride !== undefined && score.maxScore !== null && !execution && !notApplicable;
  const naReason = r?.notApplicable?.reason ?? '';
  const qualitativeText = r?.actual ?? '';
  const qualitativeTextMissing = qualitative && r?.outcome !== undefined && qualitativeText.trim() === '';
  const [adjusting, setAdjusting] = useState(false);
  const showOverride = canOverride && (adjusting || r?.scoreOverride !== undefined);
  const note = r?.deviationNote ?? '';
  const noteLength = Array.from(note.trim()).length;
  const explanationClass = 'r-explanation' + (score.error ? ' error' : score.overridden ? ' overridden' : '');
  return (
    <>
      {level2 !== null && (
        <tr className="level2-head">
          <th colSpan={5}>
            <span className="level2-label">{level2}</span>
          </th>
        </tr>
      )}
      <tr className="result-row" data-indicator-id={indicator.id} data-name={indicator.name}>
        <td className="r-name">{indicator.name}</td>
        <td className="r-target">{targetText(indicator)}</td>
        <td className="r-actual">
          {execution ? (
            <span className="r-execution-row">{MA.executionRowActual}</span>
          ) : notApplicable ? (
            <span className="r-na-mark">{MA.notApplicable}</span>
          ) : qualitative ? (
            <select
              className="r-outcome"
              aria-label={MA.colActual}
              value={r?.outcome ?? ''}
              disabled={locked}
              onChange={(e) => handlers.setOutcome(indicator.id, e.target.value === '' ? undefined : (e.target.value as QualitativeOutcome))}
            >
              <option value="">{MA.chooseOutcome}</option>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {OUTCOME_LABELS[o]}
                </option>
              ))}
            </select>
          ) : (
            <span className="actual-box">
              <input
                className={'r-actual-input' + (score.error?.code === 'actualNotNumeric' ? ' bad' : '')}
                aria-label={MA.colActual}
                value={r?.actual ?? ''}
                disabled={locked}
                onChange={(e) => handlers.setActual(indicator.id, e.target.value)}
              />
              <span className="unit">{indicator.unit}</span>
            </span>
          )}
        </td>
        <td className="num r-max">{scoreText(score.maxScore)}</td>
        <td className={'num r-score' + (score.overridden ? ' overridden' : '')}>{scoreText(score.score)}</td>
      </tr>
      <tr className="result-detail" data-indicator-id={indicator.id}>
        <td />
        <td colSpan={4}>
          {qualitative && !notApplicable && !execution && (
            <label className={'r-qualitative-line' + (qualitativeTextMissing ? ' required' : '')}>
              <span>{MA.qualitativeActual}</span>
              <input
                className="r-qualitative-actual"
                value={qualitativeText}
                placeholder={MA.qualitativeActualPlaceholder}
                disabled={locked}
                onChange={(e) => handlers.setActual(indicator.id, e.target.value)}
              />
            </label>
          )}
          <div className="detail-line">
            <span className={explanationClass}>{score.explanation}</span>
            {handlers.setNotApplicable && !execution && (
              <label className="r-na-toggle">
                <input
                  type="checkbox"
                  className="r-na-check"
                  checked={notApplicable}
                  disabled={locked}
                  onChange={(e) => handlers.setNotApplicable!(indicator.id, e.target.checked ? '' : undefined)}
                />
                {MA.notApplicable}
              </label>
            )}
            {canOverride && !locked && (
              <button
                type="button"
                className="link r-override-toggle"
                onClick={() => {
                  if (showOverride) {
                    handlers.setScoreOverride!(indicator.id, undefined);
                    setAdjusting(false);
                  } else setAdjusting(true);
                }}
              >
                {showOverride ? MA.adjustCancel : MA.adjust}
              </button>
            )}
          </div>
          {showOverride && (
            <OverrideBox indicatorId={indicator.id} result={r} score={score} qualitative={qualitative} handlers={handlers} locked={locked} resetKey={resetKey} />
          )}
          {notApplicable && (
            <label className={'r-na-reason' + (naReason.trim() === '' ? ' required' : '')}>
              <span>{MA.notApplicableReason}</span>
              <input
                className="r-na-reason-input"
                value={naReason}
                placeholder={MA.notApplicableReasonPlaceholder}
                disabled={locked}
                onChange={(e) => handlers.setNotApplicable?.(indicator.id, e.target.value)}
              />
            </label>
          )}
          {!notApplicable && !execution && (score.deviationRequired || note !== '') && (
            <div className={'r-deviation' + (score.deviationRequired && note.trim() === '' ? ' required' : '')}>
              <span className="deviation-head">
                {MA.deviationNote}
                {score.deviationRequired && score.deviationReason !== null && (
                  <span className="deviation-why">
                    {note.trim() === '' ? (
                      <em className="deviation-required">{MA.deviationRequired(score.deviationReason)}</em>
                    ) : (
                      MA.deviationWhy(score.deviationReason)
                    )}
                  </span>
                )}
                <span className={'note-count' + (noteLength > NOTE_LIMIT ? ' over' : '')}>{MA.noteCount(noteLength, NOTE_LIMIT)}</span>
              </span>
              <textarea
                className="r-deviation-note"
                rows={2}
                aria-label={MA.deviationNote}
                value={note}
                disabled={locked}
                onChange={(e) => handlers.setDeviationNote(indicator.id, e.target.value)}
              />
            </div>
          )}
        </td>
      </tr>
    </>
  );
});

function OverrideBox({
  indicatorId,
  result,
  score,
  qualitative,
  handlers,
  locked,
  resetKey,
}: {
  indicatorId: Id;
  result: IndicatorResult | undefined;
  score: IndicatorScore;
  qualitative: boolean;
  handlers: ResultHandlers;
  locked: boolean;
  resetKey: unknown;
}) {
  const current = result?.scoreOverride;
  const [text, setText] = useScoreText(current?.score, `${String(resetKey)}:${indicatorId}`);
  const reason = current?.reason ?? '';
  const apply = (scoreText: string, reasonText: string) => {
    const n = scoreText.trim() === '' ? NaN : Number(scoreText);
    if (Number.isFinite(n)) handlers.setScoreOverride!(indicatorId, { score: n, reason: reasonText });
    else if (scoreText.trim() === '' && reasonText.trim() === '') handlers.setScoreOverride!(indicatorId, undefined);
  };
  const band = score.band ? `${score.band[0]}–${score.band[1]}` : null;
  return (
    <div className="override-box">
      <label>
        {MA.overrideScore}
        <input
          className="r-override-score"
          inputMode="decimal"
          value={text}
          disabled={locked}
          onChange={(e) => {
            setText(e.target.value);
            apply(e.target.value, reason);
          }}
        />
      </label>
      {band !== null && <span className="hint">{MA.band(band)}</span>}
      <label className="reason">
        {MA.overrideReason}
        <input
          className="r-override-reason"
          value={reason}
          disabled={locked || !Number.isFinite(Number(text)) || text.trim() === ''}
          placeholder={qualitative ? MA.overrideReasonPlaceholderQualitative : MA.overrideReasonPlaceholderQuantitative}
          onChange={(e) => apply(text, e.target.value)}
        />
      </label>
    </div>
  );
}
