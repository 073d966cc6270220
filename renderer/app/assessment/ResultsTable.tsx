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
import { MA, MM } from '../../messages';
import type { MonitoringBeside } from '../monitoring/beside';
import { LightBadge } from '../monitoring/LightBadge';
import { useResultsPaste } from '../PastePreview';
import { scoreCodec, textCodec, type Codec } from '../../../shared/codecs';
import type { RecordRef, ResultField } from '../../../shared/validation';
import { ME } from '../../messages-editing';
import type { InvalidTexts } from '../../stores/invalid-texts';
import { BoundInput, BoundTextArea } from '../fields';
import { fieldDomId } from '../focus';

export interface ResultHandlers {
  /** the store's registry of texts its fields could not read */
  invalid: InvalidTexts;
  /** the record the results are of: a project (its self-assessment) or the department plan */
  record: RecordRef;
  result(indicatorId: Id): IndicatorResult | undefined;
  setActual(indicatorId: Id, actual: string): void;
  setOutcome(indicatorId: Id, outcome: QualitativeOutcome | undefined): void;
  setDeviationNote(indicatorId: Id, note: string): void;
  /** absent where the form takes no overrides (the department plan) */
  setScoreOverride?(indicatorId: Id, override: { score: number; reason: string } | undefined): void;
  /** 不适用 with its reason ('' while being written), undefined for applicable; absent where not offered */
  setNotApplicable?(indicatorId: Id, reason: string | undefined): void;
  /** what the last monitoring round said of the indicator (全年预计 beside 实际); absent where there is no monitoring */
  monitoring?(indicator: Indicator): MonitoringBeside | null;
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
}: {
  indicators: readonly Indicator[];
  scores: readonly IndicatorScore[];
  scheme: IndicatorScheme;
  handlers: ResultHandlers;
  locked: boolean;
}) {
  const byId = new Map(scores.map((s) => [s.indicatorId, s]));
  // a column of actual values copied from Excel fills the rows from the focused one down, after a preview
  const paste = useResultsPaste({ indicators, scores, scheme, result: (id) => handlers.result(id), setActual: (id, v) => handlers.setActual(id, v) });
  return (
    <table className="results-table" onPaste={paste.onPaste}>
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
              />
            )),
          )}
        </tbody>
      ))}
      {paste.dialog}
    </table>
  );
});

const ResultRow = observer(function ResultRow({
  indicator,
  level2,
  score,
  handlers,
  locked,
}: {
  indicator: Indicator;
  level2: string | null;
  score: IndicatorScore;
  handlers: ResultHandlers;
  locked: boolean;
}) {
  const r = handlers.result(indicator.id);
  const id = indicator.id;
  const on = (field: ResultField) => ({ ...handlers.record, of: 'result', indicatorId: id, field }) as const;
  /** a text of the result, bound to the store through its handler */
  const text = (field: ResultField, label: string, read: () => string, write: (t: string) => void) => ({
    target: on(field),
    label: ME.rowField(indicator.name, label),
    codec: textCodec,
    read,
    write,
    locked,
  });
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
  const monitored = execution ? null : (handlers.monitoring?.(indicator) ?? null);
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
              className={'r-outcome' + (locked ? ' locked' : '')}
              id={fieldDomId(on('outcome'))}
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
              <BoundInput
                invalid={handlers.invalid}
                className="r-actual-input"
                mark={score.error?.code === 'actualNotNumeric' ? 'bad' : undefined}
                spec={text('actual', MA.colActual, () => handlers.result(id)?.actual ?? '', (t) => handlers.setActual(id, t))}
              />
              <span className="unit">{indicator.unit}</span>
            </span>
          )}
          {monitored && (
            <span className="m-beside" title={monitored.explanation}>
              {monitored.line} <LightBadge light={monitored.light} />
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
              <BoundInput
                invalid={handlers.invalid}
                className="r-qualitative-actual"
                placeholder={MA.qualitativeActualPlaceholder}
                spec={text('actual', MA.qualitativeActual, () => handlers.result(id)?.actual ?? '', (t) => handlers.setActual(id, t))}
              />
            </label>
          )}
          <div className="detail-line">
            <span className={explanationClass}>{score.explanation}</span>
            {handlers.setNotApplicable && !execution && (
              <label className="r-na-toggle">
                <input
                  type="checkbox"
                  className={'r-na-check' + (locked ? ' locked' : '')}
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
            <OverrideBox indicator={indicator} score={score} qualitative={qualitative} handlers={handlers} locked={locked} />
          )}
          {notApplicable && (
            <label className={'r-na-reason' + (naReason.trim() === '' ? ' required' : '')}>
              <span>{MA.notApplicableReason}</span>
              <BoundInput
                invalid={handlers.invalid}
                className="r-na-reason-input"
                placeholder={MA.notApplicableReasonPlaceholder}
                spec={text('notApplicable.reason', MA.notApplicableReason, () => handlers.result(id)?.notApplicable?.reason ?? '', (t) => handlers.setNotApplicable?.(id, t))}
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
                {monitored?.note && !locked && (
                  <button
                    type="button"
                    className="link r-use-monitoring"
                    title={MM.useMonitoringCauseHint(monitored.months)}
                    onClick={() => handlers.setDeviationNote(indicator.id, note.trim() === '' ? monitored.note! : `${note}\n${monitored.note}`)}
                  >
                    {MM.useMonitoringCause}
                  </button>
                )}
                <span className={'note-count' + (noteLength > NOTE_LIMIT ? ' over' : '')}>{MA.noteCount(noteLength, NOTE_LIMIT)}</span>
              </span>
              <BoundTextArea
                invalid={handlers.invalid}
                className="r-deviation-note"
                rows={2}
                spec={text('deviationNote', MA.deviationNote, () => handlers.result(id)?.deviationNote ?? '', (t) => handlers.setDeviationNote(id, t))}
              />
            </div>
          )}
        </td>
      </tr>
    </>
  );
});

/** The filler's own score and its reason: the score is a number from 0 with two decimals (whether it fits the band
 * the scoring says); it is cleared only when no reason is written, so a reason is never dropped with it. */
function OverrideBox({
  indicator,
  score,
  qualitative,
  handlers,
  locked,
}: {
  indicator: Indicator;
  score: IndicatorScore;
  qualitative: boolean;
  handlers: ResultHandlers;
  locked: boolean;
}) {
  const id = indicator.id;
  const set = handlers.setScoreOverride!;
  const current = () => handlers.result(id)?.scoreOverride;
  const reason = current()?.reason ?? '';
  const on = (field: ResultField) => ({ ...handlers.record, of: 'result', indicatorId: id, field }) as const;
  const scoreBox: Codec<number | null> = {
    parse: (t) => (t.trim() === '' && reason.trim() !== '' ? { ok: false, code: 'notNumber', message: ME.overrideNeedsScore } : scoreCodec.parse(t)),
    format: scoreCodec.format,
  };
  const band = score.band ? `${score.band[0]}–${score.band[1]}` : null;
  return (
    <div className="override-box">
      <label>
        {MA.overrideScore}
        <BoundInput
          invalid={handlers.invalid}
          className="r-override-score"
          inputMode="decimal"
          spec={{
            target: on('scoreOverride'),
            label: ME.overrideOf(indicator.name),
            codec: scoreBox,
            read: () => current()?.score ?? null,
            write: (n) => set(id, n === null ? undefined : { score: n, reason: current()?.reason ?? '' }),
            locked,
          }}
        />
      </label>
      {band !== null && <span className="hint">{MA.band(band)}</span>}
      <label className="reason">
        {MA.overrideReason}
        <BoundInput
          invalid={handlers.invalid}
          className="r-override-reason"
          disabled={current() === undefined}
          placeholder={qualitative ? MA.overrideReasonPlaceholderQualitative : MA.overrideReasonPlaceholderQuantitative}
          spec={{
            target: on('scoreOverride.reason'),
            label: ME.rowField(indicator.name, MA.overrideReason),
            codec: textCodec,
            read: () => current()?.reason ?? '',
            write: (t) => {
              const o = current();
              if (o) set(id, { score: o.score, reason: t });
            },
            locked,
          }}
        />
      </label>
    </div>
  );
}
