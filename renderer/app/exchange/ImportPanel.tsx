// 导入数据包: pick a package, see what it would add, update and leave, settle conflicts, then apply all or nothing.
import { observer } from 'mobx-react-lite';
import type { ImportPlan, PlanEntry } from '../../../shared/consolidation';
import { CHOICE_LABELS, PLAN_SECTION_LABELS, RECORD_KIND_LABELS } from '../../../shared/consolidation-messages';
import { MS, MX } from '../../messages';
import { MI } from '../../messages-import';
import { shownTime } from '../../stores/exchange-files';
import { orderedEntries, type ImportStore } from '../../stores/exchange-import';
import { useStore } from '../store-context';
import { BatchImportView } from './BatchImportPanel';
import { FileImportView } from './FileImportPanel';
import { HandedDownImport, PlacementView } from './HandedDownImport';
import { GroupedProblemList, MessageList, Outcome, PackageHead } from './Messages';

/** Long lists are cut here; the summary line still counts everything. */
const SHOWN_ROWS = 200;

type ListKey = Exclude<keyof ImportPlan, 'problems' | 'conflicts'>;
const LISTS: { key: ListKey; open: boolean; times: boolean }[] = [
  { key: 'add', open: true, times: false },
  { key: 'update', open: true, times: true },
  { key: 'keepLocal', open: false, times: true },
  { key: 'unchanged', open: false, times: false },
];

export const ImportPanel = observer(function ImportPanel() {
  const s = useStore().exchange.importer;
  return (
    <div className="x-panel" id="import-panel">
      <h1>{MX.importTitle}</h1>
      <p className="hint">{MX.importIntro}</p>
      <p className="hint">{MI.importTablesIntro}</p>
      <p className="hint">{MS.batchHint}</p>
      <div className="x-actions">
        <button type="button" className={s.stage === 'planned' ? '' : 'primary'} id="import-pick" disabled={s.busy || s.batch.running} onClick={() => void s.pick()}>
          {MX.importPick}
        </button>
      </div>
      <Outcome id="import-outcome" text={s.outcome} />
      <BatchImportView s={s.batch} />
      <FileImportView />
      {s.stage === 'invalid' && (
        <GroupedProblemList id="import-problems" title={MX.importInvalid(s.fileName, s.problemCount)} groups={s.problemGroups} count={s.problemCount} />
      )}
      {s.stage === 'planned' && <PlanView s={s} />}
      <HandedDownImport s={s} />
      {s.stage !== 'planned' && <MessageList id="import-errors" messages={s.errors} />}
      {s.history.length > 0 && (
        <div className="card x-history" id="import-history">
          <h2>{MX.importHistory}</h2>
          <ul>
            {s.history.map((h, i) => (
              <li key={i}>
                {h.fileName}：{h.summary}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
});

const PlanView = observer(function PlanView({ s }: { s: ImportStore }) {
  const plan = s.plan;
  const doc = s.document;
  if (!plan || !doc) return null;
  return (
    <div className="card x-plan" id="import-plan">
      <PackageHead title={MX.importPlanTitle(s.fileName)} doc={doc} summaryId="import-summary" summary={s.summary} />
      {s.nothingNew && <p className="hint">{MX.importNothingNew}</p>}
      <PlacementView s={s.placement} onDecide={(id, same) => void s.decideUnit(id, same)} />

      {plan.problems.length > 0 && (
        <div className="x-section problems-section" data-list="problems">
          <h3>
            {PLAN_SECTION_LABELS.problems} <span className="count error">{plan.problems.length}</span>
          </h3>
          <p className="refusal">{MX.importBlocked}</p>
          <ul className="x-problem-list">
            {plan.problems.map((p) => (
              <li key={`${p.kind}-${p.id}`}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}

      {plan.conflicts.length > 0 && (
        <div className="x-section conflicts-section" data-list="conflicts">
          <h3>
            {PLAN_SECTION_LABELS.conflicts} <span className="count warning">{plan.conflicts.length}</span>
            <button type="button" className="link" id="import-all-local" onClick={() => s.chooseAll('local')}>
              {MX.importChooseAllLocal}
            </button>
            <button type="button" className="link" id="import-all-incoming" onClick={() => s.chooseAll('incoming')}>
              {MX.importChooseAllIncoming}
            </button>
          </h3>
          <p className="hint">{MX.importConflictHint}</p>
          <table className="x-table">
            <thead>
              <tr>
                <th className="x-c-kind">{MX.importKind}</th>
                <th>{MX.importRecord}</th>
                <th className="x-c-time">{MX.importLocalTime}</th>
                <th className="x-c-time">{MX.importIncomingTime}</th>
                <th className="x-c-choice">{MX.importChoice}</th>
              </tr>
            </thead>
            <tbody>
              {plan.conflicts.map((c) => (
                <tr key={c.id} data-id={c.id} className={s.choices.has(c.id) ? '' : 'x-unresolved'}>
                  <td>{RECORD_KIND_LABELS[c.kind]}</td>
                  <td>
                    {c.displayName}
                    <div className="hint">{c.reason}</div>
                  </td>
                  <td>{c.localUpdatedAt ? shownTime(c.localUpdatedAt) : '—'}</td>
                  <td>{shownTime(c.incomingUpdatedAt)}</td>
                  <td className="x-c-choice">
                    {(['local', 'incoming'] as const).map((choice) => (
                      <label key={choice}>
                        <input type="radio" name={`choice-${c.id}`} value={choice} checked={s.choices.get(c.id) === choice} onChange={() => s.choose(c.id, choice)} />
                        {CHOICE_LABELS[choice]}
                      </label>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {LISTS.map(({ key, open, times }) => (
        <EntryList key={key} list={key} entries={plan[key]} open={open} times={times} />
      ))}

      <MessageList id="import-errors" messages={s.errors} />
      <div className="x-actions">
        <button type="button" className="primary" id="import-apply" disabled={s.busy || s.blocked} onClick={() => void s.apply()}>
          {s.busy ? MX.busy : MX.importApply}
        </button>
        <button type="button" id="import-cancel" disabled={s.busy} onClick={() => s.reset()}>
          {MX.cancel}
        </button>
        {s.unresolvedCount > 0 && <span className="hint">{MX.importUnresolved(s.unresolvedCount)}</span>}
      </div>
    </div>
  );
});

function EntryList({ list, entries, open, times }: { list: ListKey; entries: readonly PlanEntry[]; open: boolean; times: boolean }) {
  if (entries.length === 0) return null;
  const shown = orderedEntries(entries).slice(0, SHOWN_ROWS);
  return (
    <details className="x-section" data-list={list} open={open}>
      <summary>
        {PLAN_SECTION_LABELS[list]} <span className="count zero">{entries.length}</span>
      </summary>
      <table className="x-table">
        <thead>
          <tr>
            <th className="x-c-kind">{MX.importKind}</th>
            <th>{MX.importRecord}</th>
            {times && <th className="x-c-time">{MX.importLocalTime}</th>}
            {times && <th className="x-c-time">{MX.importIncomingTime}</th>}
            <th>{MX.importReason}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e) => (
            <tr key={e.id} data-id={e.id}>
              <td>{RECORD_KIND_LABELS[e.kind]}</td>
              <td>{e.displayName}</td>
              {times && <td>{e.localUpdatedAt ? shownTime(e.localUpdatedAt) : '—'}</td>}
              {times && <td>{shownTime(e.incomingUpdatedAt)}</td>}
              <td className="hint">{e.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length > shown.length && <p className="hint">{MX.importMore(entries.length - shown.length)}</p>}
    </details>
  );
}
