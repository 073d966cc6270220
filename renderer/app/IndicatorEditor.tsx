// The three-level indicator editor: 一级 from the unit's scheme, under each only its own 二级, under those the 三级 rows.
// Each level explains itself in one line; weight sums are shown per 一级 and overall.
import { autorun, observable, type IObservableValue } from 'mobx';
import { observer } from 'mobx-react-lite';
import { Fragment, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { optionalTextCodec, textCodec, weightCodec } from '../../shared/codecs';
import type { Severity } from '../../shared/messages';
import { DIRECTIONS, type Direction, type Id, type Indicator } from '../../shared/model';
import { isExecutionIndicator, level1WeightGroups } from '../../shared/rule-sets';
import type { Level1Def, Level2Def } from '../../shared/schemes';
import type { IndicatorField, ProblemTarget } from '../../shared/validation';
import { M } from '../messages';
import { ME } from '../messages-editing';
import { formatWeight, type IndicatorDraft, type RowMarks } from '../stores/indicator-draft';
import { interpretTargetText, targetBoxText, targetFromBox } from '../stores/target-text';
import type { FieldSpec } from './field-binding';
import { BoundInput } from './fields';
import { focusElement, indicatorFieldId, shownIn } from './focus';
import { useComputed, useComputedStruct } from './hooks';
import { useNearScreen } from './near-screen';
import { usePasteRows } from './PastePreview';
import { OpinionMark } from './review/OpinionMark';
import { useStore } from './store-context';

export const IndicatorEditor = observer(function IndicatorEditor({ draft, title = M.indicators }: { draft: IndicatorDraft; title?: string }) {
  const scheme = draft.scheme;
  useDetailsRow(draft);
  // rows copied from Excel or WPS become indicators, after a preview
  const paste = usePasteRows(draft);
  return (
    <section className="card indicators" id="section-indicators" tabIndex={-1} onPaste={paste.onPaste}>
      <div className="card-head">
        <h2>
          {title} <OpinionMark field="indicators" />
        </h2>
        <WeightTotal draft={draft} />
      </div>
      <p className="hint">{M.indicatorsHint}</p>
      <table className="indicator-table">
        <colgroup>
          <col className="c-name" />
          <col className="c-dir" />
          <col className="c-target" />
          <col className="c-unit" />
          <col className="c-weight" />
          <col className="c-core" />
          <col className="c-period" />
          <col className="c-expl" />
          <col className="c-del" />
        </colgroup>
        <thead>
          <tr>
            <th>{M.colName}</th>
            <th>{M.colDirection}</th>
            <th>{M.colTarget}</th>
            <th>{M.colUnit}</th>
            <th>{M.colWeight}</th>
            <th>{M.colCore}</th>
            <th>{M.colPeriodTarget}</th>
            <th>{M.colExplanation}</th>
            <th />
          </tr>
        </thead>
        {scheme.level1.map((l1) => (
          <Level1Section key={l1.code} draft={draft} level1={l1} />
        ))}
        <ForeignRows draft={draft} />
      </table>
      <p className="hint keys">{M.keyboardHint}</p>
      {paste.dialog}
    </section>
  );
});

const WeightTotal = observer(function WeightTotal({ draft }: { draft: IndicatorDraft }) {
  if (!draft.hasWeights) return null;
  return (
    <span className="weight-total" id="weight-total">
      {M.weightTotal(formatWeight(draft.weightTotal))}
    </span>
  );
});

const Level1Section = observer(function Level1Section({ draft, level1 }: { draft: IndicatorDraft; level1: Level1Def }) {
  const inUse = draft.level2InUse(level1.code);
  const free = level1.level2.filter((l2) => !inUse.includes(l2));
  const add = (code: string) => {
    const id = draft.addIndicator(code);
    if (id) focusElement(indicatorFieldId(id, 'name'));
  };
  return (
    <tbody className="level1" data-level1={level1.code}>
      <tr className="level1-head">
        <th colSpan={9}>
          <span className="level1-label">{level1.label}</span>
          <span className="hint">{level1.hint}</span>
          <Level1Weight draft={draft} level1={level1} />
          {free.length > 0 && (
            <select
              className="add-level2"
              aria-label={`${level1.label}：${M.addLevel2}`}
              value=""
              onChange={(e) => e.target.value && add(e.target.value)}
            >
              <option value="">{M.addLevel2}</option>
              {free.map((l2) => (
                <option key={l2.code} value={l2.code}>
                  {l2.label}
                </option>
              ))}
            </select>
          )}
        </th>
      </tr>
      {inUse.map((l2) => (
        <Level2Group key={l2.code} draft={draft} level2={l2} />
      ))}
    </tbody>
  );
});

const Level1Weight = observer(function Level1Weight({ draft, level1 }: { draft: IndicatorDraft; level1: Level1Def }) {
  if (!draft.hasWeights) return null;
  const sum = draft.weightByLevel1.get(level1.code) ?? 0;
  // the rule set's weight where this 一级 has one of its own (scheme B's 产出 and 成本 share one: the scheme's split)
  const group = level1WeightGroups(draft.ruleSet, draft.scheme).find((g) => g.codes.length === 1 && g.codes[0] === level1.code);
  const expected = group?.weight ?? level1.defaultWeight;
  const off = Math.abs(sum - expected) > 1e-9;
  return (
    <span className={'level1-weight' + (off ? ' off' : '')} data-weight-of={level1.code}>
      {M.weightOf(formatWeight(sum), expected)}
    </span>
  );
});

const Level2Group = observer(function Level2Group({ draft, level2 }: { draft: IndicatorDraft; level2: Level2Def }) {
  // the unit's sector's advice for this 二级 once the library is loaded, else the scheme's
  const { library } = useStore();
  const rows = draft.rowsOf(level2.code);
  const add = () => {
    const id = draft.addIndicator(level2.code);
    if (id) focusElement(indicatorFieldId(id, 'name'));
  };
  return (
    <>
      <tr className="level2-head" data-level2={level2.code}>
        <th colSpan={9}>
          <span className="level2-label">{level2.label}</span>
          <span className="hint" data-hint-of={level2.code}>
            {library.guidance(level2.code) ?? level2.hint}
          </span>
          <button type="button" className="link add-row" tabIndex={-1} onClick={add}>
            ＋ {M.addIndicator}
          </button>
        </th>
      </tr>
      {rows.map((ind) => (
        <Fragment key={ind.id}>
          <IndicatorRow draft={draft} ind={ind} />
          <IndicatorDetails draft={draft} ind={ind} />
        </Fragment>
      ))}
    </>
  );
});

const ForeignRows = observer(function ForeignRows({ draft }: { draft: IndicatorDraft }) {
  const rows = draft.foreignRows;
  if (rows.length === 0) return null;
  return (
    <tbody className="level1 foreign">
      {rows.map((ind) => (
        <Fragment key={ind.id}>
          <IndicatorRow draft={draft} ind={ind} />
          <IndicatorDetails draft={draft} ind={ind} />
        </Fragment>
      ))}
    </tbody>
  );
});

/** The fields of a row, in the order of its boxes. */
const ROW_FIELDS = ['name', 'direction', 'target', 'unit', 'weight', 'core', 'periodTarget', 'explanation'] as const;
type RowField = (typeof ROW_FIELDS)[number];

/** Each box's mark: the worst problem of the data fields it shows (the level codes on the name, a range's end on 指标值). */
function boxMarks(marks: RowMarks): Partial<Record<IndicatorField, Severity>> {
  const out: Partial<Record<IndicatorField, Severity>> = {};
  for (const [field, severity] of Object.entries(marks) as [IndicatorField, Severity][]) {
    const box = shownIn(field);
    if (out[box] !== 'error') out[box] = severity;
  }
  return out;
}

/** "≥95%" typed in the 指标值 box fills 指标性质, 指标值 and 计量单位; "大于7-8次" leaves "7-8" in the box. */
function commitTarget(draft: IndicatorDraft, id: Id): void {
  const ind = draft.indicators.find((i) => i.id === id);
  if (!ind) return;
  const fill = interpretTargetText(targetBoxText(ind), ind.direction);
  if (!fill) return;
  draft.updateIndicator(id, { direction: fill.direction, target: fill.target, targetMax: fill.targetMax, ...(fill.unit !== undefined ? { unit: fill.unit } : {}) });
}

export const IndicatorRow = observer(function IndicatorRow({ draft, ind }: { draft: IndicatorDraft; ind: Indicator }) {
  const id = ind.id;
  const marks = useComputedStruct(() => boxMarks(draft.marksOf(id)), [draft, id]);
  const active = useComputed(() => draft.activeIndicatorId === id, [draft, id]);
  const record = useComputedStruct(() => draft.record, [draft]) ?? { record: 'project', recordId: '' };
  const on = (field: IndicatorField): ProblemTarget => ({ ...record, of: 'indicator', indicatorId: id, field });
  // boxes holding text that is not a value: red in the outline too
  const unreadable = useComputedStruct(() => ROW_FIELDS.filter((f) => draft.invalid.get(on(f)) !== undefined), [draft, id, record.recordId]);
  const rowRef = useRef<HTMLTableRowElement>(null);
  const near = useNearScreen(rowRef);
  // the box the user was last in: a deleted row's undo brings the focus back there
  const lastField = useRef<RowField>('name');
  // a row holding the focus stays drawn, wherever it is and whichever row is active (an undo makes another one so)
  const [holdsFocus, setHoldsFocus] = useState(false);
  // a box of the outline that took the focus (Tab, a jump from the check panel): its real field takes it over, with
  // its text selected when it came by keyboard, as Tab into a drawn box does
  const [wake, setWake] = useState<{ field: RowField; select: boolean } | null>(null);
  const live = near || active || holdsFocus || wake !== null;
  useLayoutEffect(() => {
    if (!live || wake === null) return;
    const el = document.getElementById(indicatorFieldId(id, wake.field));
    el?.focus();
    if (wake.select && el instanceof HTMLInputElement && el.type !== 'checkbox') el.select();
    setWake(null);
  }, [live, wake, id]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.shiftKey || e.ctrlKey || e.altKey) return;
    e.preventDefault();
    commitTarget(draft, id);
    const next = draft.addIndicator(ind.level2, id);
    if (next) focusElement(indicatorFieldId(next, 'name'));
  };

  const cls = (field: RowField) => {
    if (marks[field] === 'error' || unreadable.includes(field)) return 'bad';
    return marks[field] === 'warning' ? 'warn' : undefined;
  };
  const invalid = (field: RowField) => (marks[field] === 'error' ? true : undefined);
  const text = (field: 'name' | 'unit', label: string): FieldSpec<string> => ({
    target: on(field),
    label: () => ME.rowField(ind.name, label),
    codec: textCodec,
    read: () => ind[field],
    write: (v) => draft.updateIndicator(id, { [field]: v }),
  });
  const optional = (field: 'periodTarget' | 'explanation', label: string): FieldSpec<string | undefined> => ({
    target: on(field),
    label: () => ME.rowField(ind.name, label),
    codec: optionalTextCodec,
    read: () => ind[field],
    write: (v) => draft.updateIndicator(id, { [field]: v }),
  });

  const rowProps = {
    ref: rowRef,
    className: 'indicator-row' + (active ? ' active' : '') + (live ? '' : ' outline'),
    'data-indicator-id': id,
    'data-level2': ind.level2,
    onFocus: (e: React.FocusEvent) => {
      setHoldsFocus(true);
      const field = e.target instanceof HTMLElement ? e.target.dataset.field : undefined;
      if (field !== undefined) lastField.current = field as RowField;
      if (!active) draft.setActive(id);
    },
    onBlur: (e: React.FocusEvent) => {
      const inside = e.currentTarget.contains(e.relatedTarget);
      setHoldsFocus(inside);
      if (!inside) draft.leaveRow(id);
    },
  };
  if (!live) {
    // far from the screen: the outline of the boxes, each focusable under its field's id so that Tab and the check
    // panel reach it; the row comes alive when it gets near the screen or the focus
    return (
      <tr {...rowProps}>
        {ROW_FIELDS.map((field) => (
          <td key={field} className={field === 'core' ? 'center' : undefined}>
            <div
              id={indicatorFieldId(id, field)}
              className={`box-outline ${field} ${cls(field) ?? ''}`}
              tabIndex={0}
              onFocus={(e) => setWake({ field, select: e.currentTarget.matches(':focus-visible') })}
            />
          </td>
        ))}
        <td />
      </tr>
    );
  }
  return (
    <tr {...rowProps} onKeyDown={onKeyDown}>
      <td>
        <BoundInput
          invalid={draft.invalid}
          spec={text('name', M.colName)}
          aria-label={M.colName}
          data-field="name"
          mark={cls('name')}
          markInvalid={invalid('name')}
          placeholder={M.namePlaceholder}
        />
        <OpinionMark field="name" indicatorId={id} compact />
        <OpinionMark field="level2" indicatorId={id} compact />
      </td>
      <td>
        <select
          id={indicatorFieldId(id, 'direction')}
          data-field="direction"
          aria-label={M.colDirection}
          value={ind.direction}
          onChange={(e) => {
            const direction = e.target.value as Direction;
            // the box's text is read again under the new 指标性质: "7-8" is a range of a 定量 indicator, a text of a 定性 one
            draft.updateIndicator(id, { direction, ...targetFromBox(targetBoxText(ind), direction) });
          }}
        >
          {DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
        <OpinionMark field="direction" indicatorId={id} compact />
      </td>
      <td>
        <BoundInput
          invalid={draft.invalid}
          data-field="target"
          aria-label={M.colTarget}
          mark={cls('target')}
          markInvalid={invalid('target')}
          placeholder={M.targetPlaceholder}
          spec={{
            target: on('target'),
            label: () => ME.rowField(ind.name, M.colTarget),
            codec: textCodec,
            read: () => targetBoxText(ind),
            write: (v) => draft.updateIndicator(id, targetFromBox(v, ind.direction)),
            onBlur: () => commitTarget(draft, id),
          }}
        />
        <OpinionMark field="target" indicatorId={id} compact />
      </td>
      <td>
        <BoundInput invalid={draft.invalid} spec={text('unit', M.colUnit)} aria-label={M.colUnit} data-field="unit" mark={cls('unit')} markInvalid={invalid('unit')} />
        <OpinionMark field="unit" indicatorId={id} compact />
      </td>
      <td>
        <BoundInput
          invalid={draft.invalid}
          data-field="weight"
          aria-label={M.colWeight}
          mark={cls('weight')}
          markInvalid={invalid('weight')}
          inputMode="decimal"
          spec={{
            target: on('weight'),
            label: () => ME.weightOf(ind.name),
            codec: weightCodec,
            read: () => ind.weight,
            write: (weight) => draft.updateIndicator(id, { weight }),
          }}
        />
        <OpinionMark field="weight" indicatorId={id} compact />
      </td>
      <td className="center">
        <input
          id={indicatorFieldId(id, 'core')}
          data-field="core"
          type="checkbox"
          aria-label={M.colCore}
          checked={ind.core}
          onChange={(e) => draft.updateIndicator(id, { core: e.target.checked })}
        />
        <OpinionMark field="core" indicatorId={id} compact />
      </td>
      <td>
        <BoundInput invalid={draft.invalid} spec={optional('periodTarget', M.colPeriodTarget)} aria-label={M.colPeriodTarget} data-field="periodTarget" />
        <OpinionMark field="periodTarget" indicatorId={id} compact />
      </td>
      <td>
        <BoundInput invalid={draft.invalid} spec={optional('explanation', M.colExplanation)} aria-label={M.colExplanation} data-field="explanation" />
        <OpinionMark field="explanation" indicatorId={id} compact />
      </td>
      <td>
        <button
          type="button"
          className="icon danger"
          tabIndex={-1}
          title={M.deleteIndicator}
          aria-label={M.deleteIndicator}
          onClick={() => draft.deleteIndicator(id, lastField.current)}
        >
          ×
        </button>
      </td>
    </tr>
  );
});

/** Whether a mouse button or a finger is down; released a moment after the click it makes has been dispatched. */
const pressing = observable.box(false);
if (typeof window !== 'undefined') {
  window.addEventListener('pointerdown', () => pressing.set(true), true);
  const release = () => setTimeout(() => pressing.set(false), 0);
  window.addEventListener('pointerup', release, true);
  window.addEventListener('pointercancel', release, true);
}

/** Per draft, the row whose details line is open. */
const detailsRows = new WeakMap<IndicatorDraft, IObservableValue<Id | null>>();

function detailsRowOf(draft: IndicatorDraft): IObservableValue<Id | null> {
  let row = detailsRows.get(draft);
  if (!row) detailsRows.set(draft, (row = observable.box<Id | null>(draft.activeIndicatorId)));
  return row;
}

/**
 * The details line follows the active row, but only once no button is down: a press on × or 核心 in another row makes
 * that row active, and a line opening or closing above it then would move it away before the release, so the click
 * would land on something else.
 */
function useDetailsRow(draft: IndicatorDraft): void {
  useEffect(() => {
    const shown = detailsRowOf(draft);
    return autorun(() => {
      if (!pressing.get()) shown.set(draft.activeIndicatorId);
    });
  }, [draft]);
}

/** Under the active row, its details: whether it is the 预算执行率 row (as marked, else by the rule set's names). */
const IndicatorDetails = observer(function IndicatorDetails({ draft, ind }: { draft: IndicatorDraft; ind: Indicator }) {
  const open = useComputed(() => detailsRowOf(draft).get() === ind.id, [draft, ind.id]);
  if (!open) return null;
  const ruleSet = draft.ruleSet;
  return (
    <tr className="indicator-details" data-details-of={ind.id} onFocus={() => draft.setActive(ind.id)}>
      <td colSpan={9}>
        <label title={M.executionRowTitle(String(ruleSet.parameters.executionWeight))}>
          {/* out of the Tab order, as the row's × is: Tab goes from box to box and row to row */}
          <input
            id={indicatorFieldId(ind.id, 'execution')}
            type="checkbox"
            tabIndex={-1}
            checked={isExecutionIndicator(ind, ruleSet)}
            onChange={(e) => draft.updateIndicator(ind.id, { execution: e.target.checked })}
          />
          {M.executionRow}
        </label>
      </td>
    </tr>
  );
});
