// What the import section shows for a package a supervisor handed down: a unit directory (the steps that set this
// installation's unit up, the name-only matches to confirm, problems and warnings) or review opinions (the projects
// whose review they bring); and, for a package sent up, where its units land among the local ones.
import { observer } from 'mobx-react-lite';
import { REVIEW_STATUS_LABELS } from '../../../shared/review-messages';
import { MATCHED_BY_LABELS, MR } from '../../messages-review';
import { MX } from '../../messages';
import type { DirectoryImportStore, UnitPlacementStore } from '../../stores/directory-store';
import { shownTime } from '../../stores/exchange-files';
import type { ImportStore } from '../../stores/exchange-import';
import type { ReviewImportStore } from '../../stores/review-store';
import { MessageList, PackageHead } from './Messages';

export const HandedDownImport = observer(function HandedDownImport({ s }: { s: ImportStore }) {
  if (s.stage === 'directory') return <DirectoryImportView s={s.directoryImport} onApply={() => void s.applyHandedDown()} onCancel={() => s.reset()} />;
  if (s.stage === 'review') return <ReviewImportView s={s.reviewImport} onApply={() => void s.applyHandedDown()} onCancel={() => s.reset()} />;
  return null;
});

const ACTION_LABELS = { add: MR.directoryAdd, update: MR.directoryUpdate, unchanged: MR.directoryUnchanged } as const;

const DirectoryImportView = observer(function DirectoryImportView({ s, onApply, onCancel }: { s: DirectoryImportStore; onApply: () => void; onCancel: () => void }) {
  const doc = s.document;
  if (!doc) return null;
  const plan = s.plan;
  const issued = s.issued;
  return (
    <div className="card x-plan" id="directory-import">
      <div className="card-head">
        <h2>{MR.directoryImportTitle(s.fileName)}</h2>
        <span className="hint">{MR.directoryFrom(s.issuedBy?.name ?? doc.exportedBy ?? '—', shownTime(doc.directory?.issuedAt ?? doc.exportedAt))}</span>
      </div>
      {issued.length > 1 && (
        <fieldset className="x-choices" id="directory-which">
          <legend>{MR.directoryWhich}</legend>
          {issued.map((u) => (
            <label key={u.id}>
              <input type="radio" name="directory-own" value={u.id} checked={s.ownUnitId === u.id} onChange={() => s.chooseOwn(u.id)} />
              {u.name}
            </label>
          ))}
        </fieldset>
      )}
      {plan && (
        <>
          {plan.problems.length > 0 && (
            <div className="x-section problems-section" data-list="problems">
              <h3>
                {MR.directoryProblems} <span className="count error">{plan.problems.length}</span>
              </h3>
              <ul className="x-problem-list">
                {plan.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          {plan.confirmations.length > 0 && (
            <div className="x-section conflicts-section" id="directory-confirmations">
              <h3>
                {MR.directoryConfirmations} <span className="count warning">{plan.confirmations.length}</span>
              </h3>
              <table className="x-table">
                <tbody>
                  {plan.confirmations.map((m) => {
                    const local = m.local ?? m.candidates[0];
                    return (
                      <tr key={m.incoming.id} data-id={m.incoming.id}>
                        <td>{m.incoming.name}</td>
                        <td className="x-c-choice">
                          <label>
                            <input type="radio" name={`directory-confirm-${m.incoming.id}`} value="same" onChange={() => s.confirm(m.incoming.id, true)} />
                            {MR.directorySame(local?.name ?? '')}
                          </label>
                          <label>
                            <input type="radio" name={`directory-confirm-${m.incoming.id}`} value="new" onChange={() => s.confirm(m.incoming.id, false)} />
                            {MR.directoryNew}
                          </label>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <div className="x-section" data-list="steps">
            <h3>{MR.directorySteps}</h3>
            <table className="x-table" id="directory-steps">
              <tbody>
                {plan.steps.map((step) => (
                  <tr key={step.directory.id} data-action={step.action} className={step.issued ? 'directory-own' : undefined}>
                    <td className="x-c-kind">{ACTION_LABELS[step.action]}</td>
                    <td>
                      {step.directory.name}
                      {step.issued && <span className="badge complete">{MR.directoryOwn}</span>}
                      {step.by && step.by !== 'id' && <div className="hint">{MATCHED_BY_LABELS[step.by]}</div>}
                    </td>
                    <td className="hint">{step.changes.join('；')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {plan.warnings.length > 0 && (
            <div className="x-section" data-list="warnings">
              <h3>{MR.directoryWarnings}</h3>
              <ul>
                {plan.warnings.map((w, i) => (
                  <li key={i} className="hint">
                    {w}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {plan.library.length > 0 && <p className="hint">{MR.directoryLibrary(plan.library.length)}</p>}
          {s.upToDate && <p className="hint">{MR.directoryUpToDate}</p>}
        </>
      )}
      <MessageList id="directory-import-errors" messages={s.errors} />
      <div className="x-actions">
        <button type="button" className="primary" id="directory-apply" disabled={s.busy || s.blocked || s.upToDate} onClick={onApply}>
          {s.busy ? MX.busy : MR.directoryApply}
        </button>
        <button type="button" id="directory-cancel" disabled={s.busy} onClick={onCancel}>
          {MX.cancel}
        </button>
      </div>
    </div>
  );
});

const ReviewImportView = observer(function ReviewImportView({ s, onApply, onCancel }: { s: ReviewImportStore; onApply: () => void; onCancel: () => void }) {
  const doc = s.document;
  const plan = s.plan;
  if (!doc || !plan) return null;
  return (
    <div className="card x-plan" id="review-import">
      <PackageHead title={MR.reviewImportTitle(s.fileName)} doc={doc} summaryId="review-import-summary" summary={s.summary} />
      {s.rows.length > 0 && (
        <table className="x-table" id="review-import-rows">
          <thead>
            <tr>
              <th>{MR.projectColumn}</th>
              <th>{MR.statusColumn}</th>
              <th>{MR.resultColumn}</th>
              <th className="num">{MR.openColumn}</th>
            </tr>
          </thead>
          <tbody>
            {s.rows.map((r) => (
              <tr key={r.id} data-id={r.id}>
                <td>
                  {r.name}（{r.year}）
                </td>
                <td>{REVIEW_STATUS_LABELS[r.status]}</td>
                <td>{r.result ?? '—'}</td>
                <td className="num">{r.open}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {plan.missing.length > 0 && <p className="hint">{MR.reviewImportMissing(plan.missing.map((m) => `${m.name}（${m.year}）`).join('、'))}</p>}
      <MessageList id="review-import-errors" messages={s.errors} />
      <div className="x-actions">
        <button type="button" className="primary" id="review-import-apply" disabled={s.busy || plan.updates.length === 0} onClick={onApply}>
          {s.busy ? MX.busy : MR.reviewImportApply}
        </button>
        <button type="button" id="review-import-cancel" disabled={s.busy} onClick={onCancel}>
          {MX.cancel}
        </button>
      </div>
    </div>
  );
});

/** Where the units of a package sent up land; a name-only match asks whether it is the local unit of that name. */
export const PlacementView = observer(function PlacementView({ s, onDecide }: { s: UnitPlacementStore; onDecide: (incomingId: string, same: boolean) => void }) {
  const rows = s.notable;
  if (rows.length === 0) return null;
  const pending = s.pending.length;
  return (
    <div className={'x-section' + (pending > 0 ? ' conflicts-section' : '')} id="import-placements">
      <h3>
        {MR.placementTitle} {pending > 0 && <span className="count warning">{pending}</span>}
      </h3>
      <p className="hint">{MR.placementHint}</p>
      <table className="x-table">
        <thead>
          <tr>
            <th>{MR.placementIncoming}</th>
            <th>{MR.placementLocal}</th>
            <th>{MR.placementParent}</th>
            <th>{MR.placementBy}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => {
            const local = s.proposalFor(p.incoming.id);
            const decided = s.decisionOf(p.incoming.id);
            const asks = p.needsConfirmation || decided !== null;
            return (
              <tr key={p.incoming.id} data-id={p.incoming.id} className={p.needsConfirmation && decided === null ? 'x-unresolved' : undefined}>
                <td>{p.incoming.name}</td>
                <td>{p.local && !p.needsConfirmation ? p.local.name : MR.placementNew}</td>
                <td>{s.parentName(p.parentId)}</td>
                <td>
                  {p.by ? MATCHED_BY_LABELS[p.by] : '—'}
                  {p.attention && <div className="hint">{p.attention}</div>}
                  {asks && local && (
                    <div className="x-c-choice">
                      <label>
                        <input type="radio" name={`placement-${p.incoming.id}`} value="same" checked={decided === 'same'} onChange={() => onDecide(p.incoming.id, true)} />
                        {MR.placementSame(local.name)}
                      </label>
                      <label>
                        <input type="radio" name={`placement-${p.incoming.id}`} value="new" checked={decided === 'new'} onChange={() => onDecide(p.incoming.id, false)} />
                        {MR.placementOther}
                      </label>
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});
