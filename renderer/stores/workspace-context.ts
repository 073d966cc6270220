// What the year-end and exchange workspaces need from the rest of the app: the chosen unit and year, the units, and a
// way to bring the authoring lists up to date after data changed underneath them (an import, a restore).
import type { Id, Unit } from '../../shared/model';
import type { IndicatorScheme } from '../../shared/schemes';

export interface WorkspaceContext {
  unitId(): Id | null;
  unit(): Unit | undefined;
  units(): readonly Unit[];
  year(): number;
  scheme(): IndicatorScheme;
  /** reload units, the project list and the open draft after data changed outside the authoring screens */
  reloadAll(): Promise<void>;
}
