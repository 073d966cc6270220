// The previews of a paste: rows copied from Excel or WPS into the indicator tree (each row as it will be added, the
// columns with selects to change what they are read as, 二级 names the scheme lacks with the suggested 二级, the rows
// that cannot be read and why), and a column of actual values pasted down the year-end results.
import { observer } from 'mobx-react-lite';
import { useEffect, useMemo, useRef, useState, type ClipboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { Id, Indicator, IndicatorResult } from '../../shared/model';
import type { IndicatorScore } from '../../shared/scoring';
import { findLevel2, groupIndicators, type IndicatorScheme } from '../../shared/schemes';
import { MI } from '../messages-import';
import { ColumnMemory } from '../stores/column-memory';
import type { IndicatorDraft } from '../stores/indicator-draft';
import { isCellGrid, PASTE_FIELDS, PasteStore, planResultsPaste, type PasteField, type PreviewRow, type ResultRowInfo, type ResultsPastePlan } from '../stores/paste-store';
import { targetBoxText } from '../stores/target-text';
import { useStore } from './store-context';

/** The row a paste event happened in (the indicator tree's rows and the results' rows carry their id). */
function rowOf(target: EventTarget | null): Id | null {
  return target instanceof Element ? (target.closest('[data-indicator-id]')?.getAttribute('data-indicator-id') ?? null) : null;
}

/** The paste handler for the indicator tree and the preview it opens. */
export function usePasteRows(draft: IndicatorDraft): { onPaste: (e: ClipboardEvent<HTMLElement>) => void; dialog: ReactNode } {
  const root = useStore();
  const store = useMemo(() => new PasteStore(draft, { undo: root.undo, memory: new ColumnMemory(root.repo.settings) }), [draft, root]);
  const onPaste = (e: ClipboardEvent<HTMLElement>) => {
    const text = e.clipboardData.getData('text/plain');
    // one cell or a line of text is the box's own paste
    if (!isCellGrid(text)) return;
    e.preventDefault();
    void store.open(text, rowOf(e.target));
  };
  return { onPaste, dialog: <PastePreview store={store} /> };
}

/** 二级 of the scheme, under their 一级. */
function Level2Options({ scheme }: { scheme: IndicatorScheme }) {
  return (
    <>
      {scheme.level1.map((l1) => (
        <optgroup key={l1.code} label={l1.label}>
          {l1.level2.map((l2) => (
            <option key={l2.code} value={l2.code}>
              {l2.label}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/**
 * A row's 二级: a select where it was suggested (from the name or a mapping); where the row named it, the label, which
 * becomes a select when clicked (a select on every row of a long paste makes its preview slow to show).
 */
function Level2Cell({ store, row }: { store: PasteStore; row: PreviewRow }) {
  const [editing, setEditing] = useState(false);
  const label = `${row.indicator.name}：${MI.pasteColLevel2}`;
  if (!row.suggested && !editing) {
    return (
      <button type="button" className="link paste-level2-named" aria-label={label} title={MI.pasteChangeLevel2} onClick={() => setEditing(true)}>
        {findLevel2(store.scheme, row.level2)?.level2.label ?? row.level2}
      </button>
    );
  }
  return (
    <select className="paste-level2" value={row.level2} aria-label={label} autoFocus={editing} onChange={(e) => store.setLevel2ForLine(row.line, e.target.value)}>
      <Level2Options scheme={store.scheme} />
    </select>
  );
}

function useEscape(onEscape: () => void): void {
  const latest = useRef(onEscape);
  latest.current = onEscape;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') latest.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** A dialog over the page: a portal to the body, so it may be placed inside a table and no pane clips it. */
function Overlay({ children }: { children: ReactNode }) {
  return createPortal(<div className="dialog-backdrop">{children}</div>, document.body);
}

export const PastePreview = observer(function PastePreview({ store }: { store: PasteStore }) {
  if (!store.isOpen) return null;
  return <PasteDialog store={store} />;
});

const PasteDialog = observer(function PasteDialog({ store }: { store: PasteStore }) {
  useEscape(() => store.cancel());
  const [adding, setAdding] = useState(false);
  const preview = store.preview;
  const scheme = store.scheme;
  const confirm = async () => {
    setAdding(true);
    try {
      await store.confirm();
    } finally {
      setAdding(false);
    }
  };
  return (
    <Overlay>
      <div className="dialog paste-dialog" id="paste-preview" role="dialog" aria-modal="true" aria-labelledby="paste-title">
        <h2 id="paste-title">{MI.pasteTitle((store.grid?.length ?? 0) - (store.hasHeader ? 1 : 0))}</h2>
        <p className="hint">{MI.pasteIntro}</p>
        <label className="paste-header-toggle">
          <input type="checkbox" id="paste-has-header" checked={store.hasHeader} onChange={(e) => store.setHasHeader(e.target.checked)} /> {MI.pasteHasHeader}
        </label>
        {!store.hasHeader && <p className="hint">{MI.pasteByPosition}</p>}

        <h3>{MI.pasteColumns}</h3>
        <table className="paste-columns" id="paste-columns">
          <thead>
            <tr>
              <th>{MI.pasteColumnHeader}</th>
              <th>{MI.pasteColumnSample}</th>
              <th>{MI.pasteColumnField}</th>
            </tr>
          </thead>
          <tbody>
            {store.columns.map((c) => (
              <tr key={c.index} data-col={c.index}>
                <td>{c.header || MI.columnOf(c.index + 1)}</td>
                <td className="paste-sample">{c.sample}</td>
                <td>
                  <select
                    className="paste-field"
                    aria-label={`${c.header || MI.columnOf(c.index + 1)}：${MI.pasteColumnField}`}
                    value={c.field ?? ''}
                    onChange={(e) => store.setField(c.index, (e.target.value || null) as PasteField | null)}
                  >
                    <option value="">{MI.notRead}</option>
                    {PASTE_FIELDS.map((f) => (
                      <option key={f} value={f}>
                        {MI.fields[f]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>

        {preview.unknown.length > 0 && (
          <div className="paste-unknown" id="paste-unknown">
            <h3>{MI.pasteUnknownLevel2}</h3>
            <p className="hint">{MI.pasteUnknownHint}</p>
            <ul>
              {preview.unknown.map((u) => (
                <li key={u.name} data-name={u.name}>
                  {MI.pasteUnknownRows(u.name, u.rows)}{' '}
                  <select value={u.chosen} aria-label={MI.pasteUnknownRows(u.name, u.rows)} onChange={(e) => store.setLevel2ForName(u.name, e.target.value)}>
                    <Level2Options scheme={scheme} />
                  </select>
                </li>
              ))}
            </ul>
          </div>
        )}

        <h3>{MI.pasteRowsTitle(preview.rows.length)}</h3>
        {preview.rows.length === 0 ? (
          <p className="refusal">{MI.pasteNoRows}</p>
        ) : (
          <div className="paste-rows-wrap">
            <table className="paste-rows" id="paste-rows">
              <thead>
                <tr>
                  <th>{MI.pasteColLine}</th>
                  <th>{MI.pasteColLevel1}</th>
                  <th>{MI.pasteColLevel2}</th>
                  <th>{MI.pasteColName}</th>
                  <th>{MI.pasteColDirection}</th>
                  <th>{MI.pasteColTarget}</th>
                  <th>{MI.pasteColUnit}</th>
                  <th>{MI.pasteColWeight}</th>
                  <th>{MI.pasteColCore}</th>
                  <th>{MI.pasteColExplanation}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => {
                  const d = r.indicator;
                  return (
                    <tr key={r.line} className={'paste-row' + (r.suggested ? ' suggested' : '')} data-line={r.line + 1}>
                      <td className="num">{r.line + 1}</td>
                      <td>{scheme.level1.find((l) => l.code === r.level1)?.label ?? r.level1}</td>
                      <td title={r.suggested ? MI.pasteSuggested : undefined}>
                        <Level2Cell store={store} row={r} />
                      </td>
                      <td className="paste-name">{d.name}</td>
                      <td>{d.direction}</td>
                      <td className="paste-target">{d.targetText ?? targetBoxText(d)}</td>
                      <td>{d.unit}</td>
                      <td className="num">{d.weight === null ? '' : String(d.weight)}</td>
                      <td>{d.core ? MI.coreYes : ''}</td>
                      <td className="paste-explanation">{d.explanation ?? ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}

        {preview.issues.length > 0 && (
          <div className="x-messages paste-issues" id="paste-issues">
            <p className="x-messages-title">{MI.pasteIssues}</p>
            <ul>
              {preview.issues.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </div>
        )}

        <div className="dialog-buttons">
          <button type="button" id="paste-cancel" onClick={() => store.cancel()}>
            {MI.cancel}
          </button>
          <button type="button" className="primary" id="paste-confirm" autoFocus disabled={adding || preview.rows.length === 0} onClick={() => void confirm()}>
            {MI.pasteConfirm(preview.rows.length)}
          </button>
        </div>
      </div>
    </Overlay>
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Year-end results

export interface ResultsPasteSource {
  indicators: readonly Indicator[];
  scores: readonly IndicatorScore[];
  scheme: IndicatorScheme;
  result(indicatorId: Id): IndicatorResult | undefined;
  setActual(indicatorId: Id, actual: string): void;
}

/** The rows of the results table in the order it shows them, with what each takes. */
function resultRows(source: ResultsPasteSource): ResultRowInfo[] {
  const byId = new Map(source.scores.map((s) => [s.indicatorId, s]));
  return groupIndicators(source.scheme, source.indicators).flatMap((g1) =>
    g1.groups.flatMap((g2) =>
      g2.items.map((ind): ResultRowInfo => {
        const r = source.result(ind.id);
        const closed = byId.get(ind.id)?.rule === 'execution' ? MI.resultsPasteExecution : r?.notApplicable !== undefined ? MI.resultsPasteNotApplicable : null;
        return { id: ind.id, name: ind.name, current: r?.actual ?? '', closed };
      }),
    ),
  );
}

/**
 * The paste handler for the results table: a column of several values pasted into an actual-value box fills the rows
 * from that one down, after a preview; a single value is the box's own paste.
 */
export function useResultsPaste(source: ResultsPasteSource): { onPaste: (e: ClipboardEvent<HTMLElement>) => void; dialog: ReactNode } {
  const [plan, setPlan] = useState<ResultsPastePlan | null>(null);
  const onPaste = (e: ClipboardEvent<HTMLElement>) => {
    const target = e.target;
    if (!(target instanceof HTMLInputElement) || !target.matches('.r-actual-input, .r-qualitative-actual')) return;
    const text = e.clipboardData.getData('text/plain');
    const from = rowOf(target);
    const planned = from === null ? null : planResultsPaste(resultRows(source), from, text);
    if (!planned || planned.entries.length + planned.unused <= 1) return;
    e.preventDefault();
    setPlan(planned);
  };
  const apply = () => {
    if (!plan) return;
    for (const e of plan.entries) if (e.skipped === null) source.setActual(e.id, e.value);
    setPlan(null);
  };
  return { onPaste, dialog: plan ? <ResultsPasteDialog plan={plan} onConfirm={apply} onCancel={() => setPlan(null)} /> : null };
}

function ResultsPasteDialog({ plan, onConfirm, onCancel }: { plan: ResultsPastePlan; onConfirm: () => void; onCancel: () => void }) {
  useEscape(onCancel);
  const filled = plan.entries.filter((e) => e.skipped === null).length;
  return (
    <Overlay>
      <div className="dialog paste-dialog results-paste" id="results-paste-preview" role="dialog" aria-modal="true" aria-labelledby="results-paste-title">
        <h2 id="results-paste-title">{MI.resultsPasteTitle(plan.entries.length + plan.unused)}</h2>
        <p className="hint">{MI.resultsPasteIntro}</p>
        <table className="paste-rows" id="results-paste-rows">
          <thead>
            <tr>
              <th>{MI.resultsPasteName}</th>
              <th>{MI.resultsPasteCurrent}</th>
              <th>{MI.resultsPasteValue}</th>
            </tr>
          </thead>
          <tbody>
            {plan.entries.map((e) => (
              <tr key={e.id} data-indicator={e.id} className={e.skipped ? 'skipped' : undefined}>
                <td>{e.name}</td>
                <td>{e.current}</td>
                <td>{e.skipped ?? e.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {plan.unused > 0 && <p className="hint">{MI.resultsPasteUnused(plan.unused)}</p>}
        <div className="dialog-buttons">
          <button type="button" id="results-paste-cancel" onClick={onCancel}>
            {MI.cancel}
          </button>
          <button type="button" className="primary" id="results-paste-confirm" autoFocus disabled={filled === 0} onClick={onConfirm}>
            {MI.resultsPasteConfirm(filled)}
          </button>
        </div>
      </div>
    </Overlay>
  );
}
