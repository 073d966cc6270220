// One project's monitoring round of month M: 1–M月执行数 by source with 执行进度 against 序时进度 as it is typed; per
// indicator 1–M月完成值 (or progress in words for 定性), 全年预计完成值, 完成目标可能性 and its light; 偏差原因 and 纠偏措施
// where a light is off 绿; the 已完成 button, disabled with the reasons while a 红 light lacks 纠偏措施.
import { observer } from 'mobx-react-lite';
import { FUNDING_SOURCES, fundingTotal, type AchievementLikelihood, type DeviationCause, type DeviationCauseCategory, type Funding, type Id, type Indicator } from '../../../shared/model';
import { FUNDING_SOURCE_LABELS } from '../../../shared/messages';
import { targetText } from '../../../shared/indicator-text';
import {
  CAUSE_LABELS,
  LIKELIHOOD_LABELS,
  LIKELIHOODS,
  monitoredIndicators,
  monitoringRuleNote,
  STATUS_LABELS,
  type IndicatorMonitoring,
  type Light,
} from '../../../shared/monitoring';
import { ruleSetLabel } from '../../../shared/rule-sets';
import { groupIndicators } from '../../../shared/schemes';
import { MM } from '../../messages';
import type { MonitoringStore } from '../../stores/monitoring-store';
import { formatTime } from '../assessment/AssessmentForm';
import { MoneyInput } from '../assessment/inputs';
import { wan } from '../money';
import { SaveMark } from '../StatusBar';
import { LightBadge } from './LightBadge';
import { MonthSelect } from './MonthSelect';

const CAUSES = Object.keys(CAUSE_LABELS) as DeviationCauseCategory[];

export const MonitoringForm = observer(function MonitoringForm({ store, resetKey }: { store: MonitoringStore; resetKey: unknown }) {
  const project = store.selected;
  if (!project) return null;
  const round = store.round;
  const result = store.result;
  const month = store.month;
  return (
    <div className="editor monitoring-form" id="monitoring-form" data-project-id={project.id}>
      <button type="button" className="link m-back" id="monitoring-back" onClick={() => store.select(null)}>
        {MM.backToList}
      </button>
      <header className="editor-head">
        <h1>{project.name}</h1>
        <LightBadge id="m-project-light" light={result?.light ?? null} unfilled={round === null} title={result?.explanation} />
        {round && (
          <span className={`badge ${round.status === 'done' ? 'done' : 'inProgress'}`} id="m-status" data-status={round.status}>
            {STATUS_LABELS[round.status]}
          </span>
        )}
        <SaveMark autosaver={store.autosaver} id="m-save-mark" />
        <div className="spacer" />
        <MonthSelect store={store} id="m-month" />
      </header>
      {result && (
        <p className="r-explanation m-summary" id="m-project-explanation">
          {result.explanation}
        </p>
      )}
      {round === null ? (
        <section className="card m-start">
          <p>{MM.startHint(month)}</p>
          <button type="button" className="primary" id="m-start" onClick={() => store.startRound()}>
            {MM.start(month)}
          </button>
        </section>
      ) : (
        <RoundForm store={store} resetKey={`${String(resetKey)}:${project.id}:${month}`} />
      )}
    </div>
  );
});

const RoundForm = observer(function RoundForm({ store, resetKey }: { store: MonitoringStore; resetKey: string }) {
  const project = store.selected!;
  const round = store.round!;
  const result = store.result!;
  const ex = result.execution;
  const month = store.month;
  const locked = store.locked;
  const budget = fundingTotal(project.funding);
  const indicators = monitoredIndicators(project, store.ruleSet);
  const byId = new Map(result.indicators.map((i) => [i.indicatorId, i]));
  return (
    <>
      <DoneBar store={store} />
      <section className="card">
        <h2>{MM.funds(month)}</h2>
        <table className="funds-table m-funds">
          <thead>
            <tr>
              <th>{MM.source}</th>
              <th className="num">{MM.budget}</th>
              <th className="num">{MM.spent(month)}</th>
            </tr>
          </thead>
          <tbody>
            {FUNDING_SOURCES.map((source) => (
              <tr key={source}>
                <th>{FUNDING_SOURCE_LABELS[source]}</th>
                <td className="num">{wan(project.funding[source])}</td>
                <td>
                  <MoneyInput
                    id={`m-spent-${source}`}
                    label={`${MM.spent(month)}（${FUNDING_SOURCE_LABELS[source]}）`}
                    value={round.spent[source]}
                    onValue={(fen) => store.setSpent(source as keyof Funding, fen)}
                    disabled={locked}
                    resetKey={resetKey}
                  />
                </td>
              </tr>
            ))}
            <tr className="sum-row total">
              <th>{MM.total}</th>
              <td className="num" id="m-budget-total">
                {wan(budget)}
              </td>
              <td className="num" id="m-spent-total">
                {wan(fundingTotal(round.spent))}
              </td>
            </tr>
          </tbody>
        </table>
        <div className="execution-line">
          <span>
            {MM.progress} <b id="m-progress">{ex.progressText || '—'}</b>
          </span>
          <span>
            {MM.schedule} <b id="m-schedule">{ex.scheduleText || '—'}</b>
          </span>
          <LightBadge id="m-execution-light" light={ex.light} />
          <span className="r-explanation" id="m-execution-explanation">
            {ex.explanation}
          </span>
        </div>
        <Deviation
          store={store}
          indicatorId={null}
          idPrefix="m-execution"
          light={ex.light}
          cause={round.cause}
          correction={round.correction ?? ''}
          locked={locked}
          label={MM.executionDeviation}
        />
      </section>

      <section className="card">
        <h2>{MM.indicators}</h2>
        {indicators.length === 0 ? (
          <p className="hint">{MM.noIndicators}</p>
        ) : (
          <table className="results-table m-indicators">
            <colgroup>
              <col className="mc-name" />
              <col className="mc-target" />
              <col className="mc-todate" />
              <col className="mc-projected" />
              <col className="mc-likelihood" />
              <col className="mc-light" />
            </colgroup>
            <thead>
              <tr>
                <th>{MM.colName}</th>
                <th>{MM.colTarget}</th>
                <th>{MM.colToDate(month)}</th>
                <th>{MM.colProjected}</th>
                <th>{MM.colLikelihood}</th>
                <th>{MM.colIndicatorLight}</th>
              </tr>
            </thead>
            {groupIndicators(store.scheme, indicators).map((g1) => (
              <tbody key={g1.code} data-level1={g1.code}>
                <tr className="level1-head">
                  <th colSpan={6}>
                    <span className="level1-label">{g1.def?.label ?? '—'}</span>
                  </th>
                </tr>
                {g1.groups.flatMap((g2) =>
                  g2.items.map((ind) => <IndicatorRow key={ind.id} store={store} indicator={ind} monitoring={byId.get(ind.id)!} locked={locked} />),
                )}
              </tbody>
            ))}
          </table>
        )}
      </section>

      <section className="card">
        <Problems store={store} />
        <p className="hint" id="m-rule-note">
          {MM.ruleSet(ruleSetLabel(store.ruleSet))}
          {monitoringRuleNote(store.ruleSet)}
        </p>
      </section>
    </>
  );
});

const DoneBar = observer(function DoneBar({ store }: { store: MonitoringStore }) {
  const round = store.round!;
  if (round.status === 'done') {
    return (
      <div className="lock-bar done">
        <span id="m-done-at">{MM.doneSince(round.doneAt ? formatTime(round.doneAt) : '')}</span>
        <button type="button" id="m-reopen" onClick={() => void store.reopen()}>
          {MM.reopen}
        </button>
      </div>
    );
  }
  const blockers = store.doneBlockers;
  const why = blockers.length > 0 ? `${MM.doneBlocked}${blockers.join('；')}` : undefined;
  return (
    <div className="lock-bar">
      <button type="button" className="primary" id="m-mark-done" disabled={blockers.length > 0} title={why} onClick={() => void store.markDone()}>
        {MM.markDone}
      </button>
      {why && (
        <span className="m-blocked" id="m-done-blocked">
          {why}
        </span>
      )}
    </div>
  );
});

const IndicatorRow = observer(function IndicatorRow({
  store,
  indicator,
  monitoring,
  locked,
}: {
  store: MonitoringStore;
  indicator: Indicator;
  monitoring: IndicatorMonitoring;
  locked: boolean;
}) {
  const e = store.entryOf(indicator.id);
  const qualitative = indicator.direction === '定性';
  const month = store.month;
  return (
    <>
      <tr className="result-row m-row" data-indicator-id={indicator.id} data-name={indicator.name}>
        <td className="r-name">{indicator.name}</td>
        <td className="r-target">{targetText(indicator)}</td>
        <td>
          <span className="actual-box">
            <input
              className={'m-todate' + (qualitative ? ' m-wide' : '')}
              aria-label={qualitative ? MM.colToDateQualitative(month) : MM.colToDate(month)}
              value={e?.actualToDate ?? ''}
              disabled={locked}
              onChange={(ev) => store.setActualToDate(indicator.id, ev.target.value)}
            />
            {!qualitative && <span className="unit">{indicator.unit}</span>}
          </span>
        </td>
        <td>
          <span className="actual-box">
            <input
              className={'m-projected' + (qualitative ? ' m-wide' : '') + (monitoring.projectedError ? ' bad' : '')}
              aria-label={MM.colProjected}
              value={e?.projected ?? ''}
              disabled={locked}
              onChange={(ev) => store.setProjected(indicator.id, ev.target.value)}
            />
            {!qualitative && <span className="unit">{indicator.unit}</span>}
          </span>
        </td>
        <td>
          <select
            className="m-likelihood"
            aria-label={MM.colLikelihood}
            value={e?.likelihood ?? ''}
            disabled={locked}
            onChange={(ev) => store.setLikelihood(indicator.id, ev.target.value === '' ? undefined : (ev.target.value as AchievementLikelihood))}
          >
            <option value="">{MM.chooseLikelihood}</option>
            {LIKELIHOODS.map((l) => (
              <option key={l} value={l}>
                {LIKELIHOOD_LABELS[l]}
              </option>
            ))}
          </select>
        </td>
        <td>
          <LightBadge light={monitoring.light} />
        </td>
      </tr>
      <tr className="result-detail m-detail" data-indicator-id={indicator.id}>
        <td />
        <td colSpan={5}>
          <span className={'r-explanation m-explanation' + (monitoring.projectedError ? ' error' : '')}>{monitoring.explanation}</span>
          <Deviation
            store={store}
            indicatorId={indicator.id}
            idPrefix={`m-${indicator.id}`}
            light={monitoring.light}
            cause={e?.cause}
            correction={e?.correction ?? ''}
            locked={locked}
            label={MM.cause}
          />
        </td>
      </tr>
    </>
  );
});

/** 偏差原因 (category and words) and 纠偏措施, shown where a light is off 绿 or something was written; 纠偏措施 marked required at 红. */
const Deviation = observer(function Deviation({
  store,
  indicatorId,
  idPrefix,
  light,
  cause,
  correction,
  locked,
  label,
}: {
  store: MonitoringStore;
  indicatorId: Id | null;
  idPrefix: string;
  light: Light | null;
  cause: DeviationCause | undefined;
  correction: string;
  locked: boolean;
  label: string;
}) {
  const offTrack = light === 'red' || light === 'yellow';
  if (!offTrack && cause === undefined && correction === '') return null;
  const correctionMissing = light === 'red' && correction.trim() === '';
  return (
    <div className={'m-deviation' + (correctionMissing ? ' required' : '')} data-for={indicatorId ?? 'execution'}>
      <label className="m-cause">
        <span>{label}</span>
        <select
          className="m-cause-category"
          id={`${idPrefix}-cause`}
          value={cause?.category ?? ''}
          disabled={locked}
          onChange={(e) => store.setCauseCategory(indicatorId, e.target.value === '' ? undefined : (e.target.value as DeviationCauseCategory))}
        >
          <option value="">{MM.chooseCause}</option>
          {CAUSES.map((c) => (
            <option key={c} value={c}>
              {CAUSE_LABELS[c]}
            </option>
          ))}
        </select>
        <input
          className="m-cause-text"
          id={`${idPrefix}-cause-text`}
          aria-label={MM.causeText}
          placeholder={MM.causeTextPlaceholder}
          value={cause?.text ?? ''}
          disabled={locked || cause === undefined}
          onChange={(e) => store.setCauseText(indicatorId, e.target.value)}
        />
      </label>
      <label className="m-correction">
        <span>
          {MM.correction}
          {correctionMissing && <em className="deviation-required"> {MM.correctionRequired}</em>}
        </span>
        <textarea
          className="m-correction-text"
          id={`${idPrefix}-correction`}
          rows={2}
          placeholder={MM.correctionPlaceholder}
          value={correction}
          disabled={locked}
          onChange={(e) => store.setCorrection(indicatorId, e.target.value)}
        />
      </label>
    </div>
  );
});

const Problems = observer(function Problems({ store }: { store: MonitoringStore }) {
  const warnings = store.problems.filter((p) => p.severity === 'warning');
  const errors = store.problems.filter((p) => p.severity === 'error');
  if (errors.length === 0 && warnings.length === 0) return <p className="ok" id="m-complete">{MM.allGood}</p>;
  return (
    <div className="missing" id="m-problems">
      {errors.length > 0 && (
        <>
          <h3 className="error">{MM.doneBlocked}</h3>
          <ul>
            {errors.map((p) => (
              <li key={`${p.indicatorId ?? ''}:${p.field}:${p.message}`}>{p.message}</li>
            ))}
          </ul>
        </>
      )}
      {warnings.length > 0 && (
        <>
          <h3>{MM.problems}</h3>
          <ul>
            {warnings.map((p) => (
              <li key={`${p.indicatorId ?? ''}:${p.field}:${p.message}`}>{p.message}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
});
