// The window's screens, one row per kind of route (stores/navigation-store.ts): the tab's label, the component, and
// the code to fetch as soon as the tab is pressed. Adding a screen is a route kind there and a row here.
import { lazy, type ComponentType } from 'react';
import { M, MA, MX } from '../messages';
import type { Screen } from '../stores/navigation-store';
import { TargetsScreen } from './TargetsScreen';

export interface ScreenDef {
  label: string;
  component: ComponentType;
  /** fetches the screen's code (it is not part of the first screen); the tab calls it while the drafts are saved */
  preload?: () => Promise<unknown>;
}

// the year-end and exchange workspaces are not part of the first screen: their code loads when first opened
const loadAssessment = () => import('./assessment/AssessmentWorkspace');
const loadExchange = () => import('./exchange/ExchangeWorkspace');

export const SCREENS: { readonly [S in Screen]: ScreenDef } = {
  targets: { label: M.workspaceTargets, component: TargetsScreen },
  assessment: {
    label: MA.workspace,
    component: lazy(() => loadAssessment().then((m) => ({ default: m.AssessmentWorkspace }))),
    preload: loadAssessment,
  },
  exchange: {
    label: MX.workspace,
    component: lazy(() => loadExchange().then((m) => ({ default: m.ExchangeWorkspace }))),
    preload: loadExchange,
  },
};
