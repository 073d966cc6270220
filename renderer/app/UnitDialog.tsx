// Create a unit or change its name, 主管部门 and indicator scheme; delete a unit that holds nothing.
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { DEFAULT_SCHEME_ID, SCHEMES } from '../../shared/schemes';
import { M } from '../messages';
import type { UnitForm } from '../stores/units-store';
import { useStore } from './store-context';

interface FormValues {
  name: string;
  shortName: string;
  parentId: string;
  schemeId: string;
}

export const UnitDialog = observer(function UnitDialog({ mode, onClose }: { mode: 'new' | 'edit'; onClose: () => void }) {
  const root = useStore();
  const { units } = root;
  // the unit the dialog was opened for: deleting it moves the chosen unit on while the dialog is still up
  const [editing] = useState(() => (mode === 'edit' ? units.unit : undefined));
  const [refusal, setRefusal] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<FormValues>({
    defaultValues: {
      name: editing?.name ?? '',
      shortName: editing?.shortName ?? '',
      parentId: editing?.parentId ?? '',
      schemeId: editing?.schemeId ?? DEFAULT_SCHEME_ID,
    },
  });

  const submit = handleSubmit(async (v) => {
    const form: UnitForm = { name: v.name, shortName: v.shortName, parentId: v.parentId || null, schemeId: v.schemeId };
    const result = editing ? await units.update(editing.id, form) : await units.create(form);
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
