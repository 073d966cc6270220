// Top bar: the unit and fiscal year being worked on, and the unit's settings.
import { observer } from 'mobx-react-lite';
import { lazy, Suspense, useState } from 'react';
import { M } from '../messages';
import { useStore } from './store-context';

// the dialog (with react-hook-form) loads when first opened
const UnitDialog = lazy(() => import('./UnitDialog').then((m) => ({ default: m.UnitDialog })));

export const UnitBar = observer(function UnitBar() {
  const root = useStore();
  const { units } = root;
  const [dialog, setDialog] = useState<'new' | 'edit' | null>(null);

  return (
    <div className="unit-bar">
      <label className="field-inline">
        <span>{M.unit}</span>
        <select
          id="unit-select"
          value={units.unitId ?? ''}
          onChange={(e) => void root.selectUnit(e.target.value)}
          disabled={units.units.length === 0}
        >
          {units.units.length === 0 && <option value="">—</option>}
          {units.tree.map(({ unit, depth }) => (
            <option key={unit.id} value={unit.id}>
              {'\u3000'.repeat(depth) + unit.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => setDialog('new')} id="new-unit">
        {M.newUnit}
      </button>
      <button type="button" onClick={() => setDialog('edit')} disabled={!units.unit} id="edit-unit">
        {M.editUnit}
      </button>
      <label className="field-inline">
        <span>{M.year}</span>
        <button type="button" className="icon" title={M.prevYear} onClick={() => void root.selectYear(units.year - 1)}>
          ‹
        </button>
        <select id="year-select" value={units.year} onChange={(e) => void root.selectYear(Number(e.target.value))}>
          {units.years.map((y) => (
            <option key={y} value={y}>
              {y}
              {M.yearSuffix}
            </option>
          ))}
        </select>
        <button type="button" className="icon" title={M.nextYear} onClick={() => void root.selectYear(units.year + 1)}>
          ›
        </button>
      </label>
      {dialog && (
        <Suspense fallback={null}>
          <UnitDialog mode={dialog} onClose={() => setDialog(null)} />
        </Suspense>
      )}
    </div>
  );
});
