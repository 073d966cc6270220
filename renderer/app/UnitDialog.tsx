// Create a unit or change its name, 主管部门, indicator scheme and 评分规则 (from the chosen year on); derive a named
// rule set from CN-2020; delete a unit that holds nothing.
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ReverseFormula } from '../../shared/model';
import { CN_2020, ruleSetDifferences, ruleSetLabel, ruleSetOf, type RuleSetChanges } from '../../shared/rule-sets';
import { DEFAULT_SCHEME_ID, SCHEMES } from '../../shared/schemes';
import { M, MA } from '../messages';
import type { UnitForm } from '../stores/units-store';
import { useStore } from './store-context';

interface FormValues {
  name: string;
  shortName: string;
  code: string;
  parentId: string;
  schemeId: string;
  ruleSetId: string;
  sector: string;
}

/** The example caps of domain.md §5 (a rate below 80% allows at most 89 points, …). */
const EXAMPLE_CAPS = [
  { below: 0.8, cap: 89 },
  { below: 0.7, cap: 79 },
  { below: 0.6, cap: 69 },
  { below: 0.5, cap: 59 },
];

export const UnitDialog = observer(function UnitDialog({ mode, onClose }: { mode: 'new' | 'edit'; onClose: () => void }) {
  const root = useStore();
  const { units } = root;
  // the unit the dialog was opened for: deleting it moves the chosen unit on while the dialog is still up
  const [editing] = useState(() => (mode === 'edit' ? units.unit : undefined));
  const [refusal, setRefusal] = useState<string | null>(null);
  const { register, handleSubmit, formState, setValue, watch } = useForm<FormValues>({
    defaultValues: {
      name: editing?.name ?? '',
      shortName: editing?.shortName ?? '',
      code: editing?.code ?? '',
      parentId: editing?.parentId ?? '',
      schemeId: editing?.schemeId ?? DEFAULT_SCHEME_ID,
      ruleSetId: editing ? ruleSetOf(editing, units.year, units.customRuleSets).id : CN_2020.id,
      sector: editing?.sector ?? '',
    },
  });
  // the sector list comes with the indicator library, loaded on first use
  const sectors = root.library.catalog?.SECTORS;
  useEffect(() => {
    void root.library.openCatalog();
  }, [root]);
  const chosenRuleSet = units.ruleSetChoices.find((r) => r.id === watch('ruleSetId'));
  const [deriving, setDeriving] = useState(false);

  const submit = handleSubmit(async (v) => {
    const form: UnitForm = { name: v.name, shortName: v.shortName, code: v.code, parentId: v.parentId || null, schemeId: v.schemeId, ruleSetId: v.ruleSetId, sector: v.sector };
    const result = editing ? await units.update(editing.id, form, editing) : await units.create(form);
    if (!result.ok) {
      setRefusal(result.error);
      return;
    }
    if (!editing) await root.selectUnit(result.value.id);
    onClose();
  });

  // an empty unit only: what it still holds is named before asking, and the repository checks again as it deletes
  const remove = async () => {
    if (!editing) return;
    const holds = await units.deleteRefusal(editing.id);
    if (holds) {
      setRefusal(holds);
      return;
    }
    if (!window.confirm(M.confirmDeleteUnit(editing.name))) return;
    const result = await root.deleteUnit(editing.id);
    if (!result.ok) {
      setRefusal(result.error);
      return;
    }
    onClose();
  };

  const parents = units.tree.filter(({ unit }) => unit.id !== editing?.id);
  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form className="dialog" onSubmit={submit} aria-label={editing ? M.editUnit : M.newUnit}>
        <h2>{editing ? M.editUnit : M.newUnit}</h2>
        <label className="field">
          <span>{M.unitName}</span>
          <input id="unit-name" autoFocus {...register('name', { validate: (t) => t.trim() !== '' || M.unitNameRequired })} />
          {formState.errors.name && <em className="field-error">{formState.errors.name.message}</em>}
        </label>
        <label className="field">
          <span>{M.unitShortName}</span>
          <input id="unit-short-name" {...register('shortName')} />
        </label>
        <label className="field">
          <span>{M.unitCode}</span>
          <input id="unit-code" spellCheck={false} autoComplete="off" {...register('code')} />
          <small>{M.unitCodeHint}</small>
        </label>
        <label className="field">
          <span>{M.unitParent}</span>
          <select id="unit-parent" {...register('parentId')}>
            <option value="">{M.noParent}</option>
            {parents.map(({ unit, depth }) => (
              <option key={unit.id} value={unit.id}>
                {'\u3000'.repeat(depth) + unit.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{M.unitScheme}</span>
          <select id="unit-scheme" {...register('schemeId')}>
            {SCHEMES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
          <small>{M.unitSchemeHint}</small>
        </label>
        <label className="field">
          <span>{M.unitSector}</span>
          {sectors ? (
            <select id="unit-sector" {...register('sector')}>
              <option value="">{M.unitSectorNone}</option>
              {sectors.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          ) : (
            <select id="unit-sector" disabled>
              <option>{M.unitSectorLoading}</option>
            </select>
          )}
          <small>{M.unitSectorHint}</small>
        </label>
        <label className="field">
          <span>{MA.unitRuleSet(units.year)}</span>
          <select id="unit-rule-set" {...register('ruleSetId')}>
            {units.ruleSetChoices.map((r) => (
              <option key={r.id} value={r.id}>
                {ruleSetLabel(r)}
              </option>
            ))}
          </select>
          <small>
            {MA.unitRuleSetHint}
            {chosenRuleSet && ruleSetDifferences(chosenRuleSet).length > 0 && ` ${MA.deriveDifferences}${ruleSetDifferences(chosenRuleSet).join('；')}`}
          </small>
          {!deriving && (
            <button type="button" className="link" id="unit-derive-rule-set" onClick={() => setDeriving(true)}>
              {MA.deriveRuleSet}
            </button>
          )}
        </label>
        {deriving && (
          <DeriveRuleSet
            onDone={(id) => {
              setDeriving(false);
              if (id !== null) setValue('ruleSetId', id);
            }}
          />
        )}
        {refusal && <p className="refusal">{refusal}</p>}
        <div className="dialog-buttons">
          {editing && (
            <>
              <button type="button" id="unit-delete" onClick={() => void remove()}>
                {M.deleteUnit}
              </button>
              <span className="spacer" />
            </>
          )}
          <button type="button" onClick={onClose}>
            {M.cancel}
          </button>
          <button type="submit" className="primary" id="unit-save">
            {M.save}
          </button>
        </div>
      </form>
    </div>
  );
});

/** A named set on CN-2020 with the parameters regions change most (domain.md §5): reverse formula, deduction, caps. */
const DeriveRuleSet = observer(function DeriveRuleSet({ onDone }: { onDone: (id: string | null) => void }) {
  const { units } = useStore();
  const [name, setName] = useState('');
  const [reverse, setReverse] = useState<ReverseFormula>(CN_2020.parameters.reverseFormula);
  const [deduction, setDeduction] = useState('0');
  const [caps, setCaps] = useState(false);
  const [required, setRequired] = useState<string[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const level2Choices = units.scheme.level1.flatMap((l1) => l1.level2);
  const save = async () => {
    const d = deduction.trim() === '' ? 0 : Number(deduction);
    const changes: RuleSetChanges = {
      reverseFormula: reverse,
      overAchievement: { deduction: d },
      executionCaps: caps ? EXAMPLE_CAPS : [],
      ...(required.length > 0 ? { requiredLevel2: level2Choices.map((l) => l.code).filter((c) => required.includes(c)) } : {}),
    };
    const result = await units.deriveRuleSet(name, changes);
    if (!result.ok) setProblems(result.problems);
    else onDone(result.ruleSet.id);
  };
  return (
    <fieldset className="field derive-rule-set" id="derive-rule-set">
      <legend>{MA.deriveTitle}</legend>
      <label className="field">
        <span>{MA.deriveName}</span>
        <input id="derive-name" value={name} placeholder={MA.deriveNamePlaceholder} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span>{MA.deriveReverse}</span>
        <select id="derive-reverse" value={reverse} onChange={(e) => setReverse(e.target.value as ReverseFormula)}>
          <option value="ratio">{MA.deriveReverseRatio}</option>
          <option value="linear">{MA.deriveReverseLinear}</option>
        </select>
      </label>
      <label className="field">
        <span>{MA.deriveDeduction}</span>
        <input id="derive-deduction" inputMode="decimal" value={deduction} onChange={(e) => setDeduction(e.target.value)} />
      </label>
      <label>
        <input type="checkbox" id="derive-caps" checked={caps} onChange={(e) => setCaps(e.target.checked)} /> {MA.deriveCaps}
      </label>
      <div className="field" id="derive-required">
        <span>{M.deriveRequiredLevel2}</span>
        {level2Choices.map((l) => (
          <label key={l.code} className="inline">
            <input
              type="checkbox"
              value={l.code}
              checked={required.includes(l.code)}
              onChange={(e) => setRequired((r) => (e.target.checked ? [...r, l.code] : r.filter((c) => c !== l.code)))}
            />{' '}
            {l.label}
          </label>
        ))}
      </div>
      {problems.length > 0 && <p className="refusal">{problems.join('；')}</p>}
      <div className="dialog-buttons">
        <button type="button" onClick={() => onDone(null)}>
          {M.cancel}
        </button>
        <button type="button" className="primary" id="derive-save" onClick={() => void save()}>
          {MA.deriveSave}
        </button>
      </div>
    </fieldset>
  );
});
