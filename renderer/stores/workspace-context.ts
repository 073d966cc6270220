// What the year-end and exchange workspaces need from the rest of the app: the chosen unit and year, the units, a way
// to bring the authoring lists up to date after data changed underneath them (an import, a restore), where the window
// is (navigation), and the conflict dialog.
import type { Id, Unit } from '../../shared/model';
import type { IndicatorScheme } from '../../shared/schemes';
import type { ConflictAsker } from './conflict-store';
import type { NavigationStore } from './navigation-store';

export interface WorkspaceContext {
  unitId(): Id | null;
  unit(): Unit | undefined;
  units(): readonly Unit[];
  year(): number;
  scheme(): IndicatorScheme;
  /** reload units, the project list and the open draft after data changed outside the authoring screens */
  reloadAll(): Promise<void>;
  /** the window's route; a workspace used on its own (tests) keeps one of its own */
  navigation?: NavigationStore;
  /** asks which side to keep when another window saved first; without it, the default choices are taken */
  ask?: ConflictAsker;
}
