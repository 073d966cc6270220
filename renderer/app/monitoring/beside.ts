// The last monitoring round of a project as the year-end screen shows it beside each actual value (全年预计 vs 实际),
// and the 偏差原因 a deviation note can start from.
import type { Id, Indicator, Project } from '../../../shared/model';
import { CAUSE_LABELS, LIKELIHOOD_LABELS, type Light } from '../../../shared/monitoring';
import { monitoringText } from '../../../shared/monitoring-messages';
import { formatValue } from '../../../shared/value-text';
import { MM } from '../../messages';
import type { MonitoringStore } from '../../stores/monitoring-store';

export interface MonitoringBeside {
  /** "1–10月" */
  months: string;
  /** "1–10月监控预计 14家（有可能完成）" */
  line: string;
  light: Light | null;
  explanation: string;
  /** 偏差原因 and 纠偏措施 as a deviation note can start from them; null when the round gave no cause */
  note: string | null;
}

/** For each indicator of `project`, what its latest monitoring round said; null without a round or an entry. */
export function monitoringBeside(store: MonitoringStore, project: Project): (indicator: Indicator) => MonitoringBeside | null {
  const { round, result } = store.latestOf(project);
  if (!round || !result) return () => null;
  const months = monitoringText.months(round.month);
  const lights = new Map<Id, { light: Light | null; explanation: string }>(result.indicators.map((i) => [i.indicatorId, i]));
  return (indicator) => {
    const entry = round.entries.find((e) => e.indicatorId === indicator.id);
    const lit = lights.get(indicator.id);
    if (!entry || !lit) return null;
    const projected = entry.projected.trim();
    const shown = projected === '' ? '—' : indicator.direction === '定性' ? projected : formatValue('=', projected, indicator.unit);
    const cause = entry.cause ? `${CAUSE_LABELS[entry.cause.category]}${entry.cause.text.trim() ? `：${entry.cause.text.trim()}` : ''}` : '';
    return {
      months,
      line: MM.projectedBeside(months, shown, entry.likelihood ? LIKELIHOOD_LABELS[entry.likelihood] : ''),
      light: lit.light,
      explanation: lit.explanation,
      note: cause === '' ? null : MM.monitoringNote(cause, (entry.correction ?? '').trim()),
    };
  };
}
