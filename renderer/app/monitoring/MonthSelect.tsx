// The month of the round shown (1–M月), months that hold a round marked; the overview and the form share it.
import { observer } from 'mobx-react-lite';
import { MM } from '../../messages';
import type { MonitoringStore } from '../../stores/monitoring-store';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export const MonthSelect = observer(function MonthSelect({ store, id }: { store: MonitoringStore; id: string }) {
  const has = new Set(store.roundMonths);
  return (
    <label className="m-month">
      <span>{MM.month}</span>
      <select id={id} value={store.month} onChange={(e) => store.setMonth(Number(e.target.value))}>
        {MONTHS.map((m) => (
          <option key={m} value={m}>
            {MM.monthOption(m, has.has(m))}
          </option>
        ))}
      </select>
    </label>
  );
});
