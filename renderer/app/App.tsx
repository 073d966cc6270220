// The window: the workspace tabs, the unit and year on top; the screen of the current route (screens.ts) below; the
// status bar; the conflict dialog when a save was refused because another window saved first.
import { observer } from 'mobx-react-lite';
import { Suspense, useEffect } from 'react';
import { M } from '../messages';
import { SCREEN_KINDS, type Screen } from '../stores/navigation-store';
import { ConflictDialog } from './ConflictDialog';
import { DatabaseFailure, DatabaseOutdated } from './DatabaseFailure';
import { SCREENS } from './screens';
import { StatusBar } from './StatusBar';
import { useStore } from './store-context';
import { UnitBar } from './UnitBar';

export { loadEditors } from './TargetsScreen';

function isTextField(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(el.type);
}

export const App = observer(function App() {
  const root = useStore();

  useEffect(() => {
    // Ctrl+Z takes back the last deletion; inside a text box it stays the box's own undo
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.key.toLowerCase() !== 'z') return;
      if (isTextField(document.activeElement) || !root.undo.canUndo) return;
      e.preventDefault();
      void root.undoLast();
    };
    const onHide = () => root.onPageHide();
    const onVisibility = () => document.visibilityState === 'hidden' && root.onPageHide();
    document.addEventListener('keydown', onKey);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onHide);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onHide);
    };
  }, [root]);

  const dbState = root.database.state.kind;
  if (dbState === 'failed') return <DatabaseFailure />;
  const outdated = dbState === 'outdated';
  // nothing can be done before the database is open: a unit made meanwhile would wait behind a long upgrade
  const opening = dbState === 'opening' || !root.units.loaded;
  const Current = SCREENS[root.workspace].component;

  return (
    <div className="app" inert={outdated || opening} aria-busy={opening}>
      <header className="top-bar">
        <span className="app-title">{M.appTitle}</span>
        <WorkspaceTabs />
        <UnitBar />
      </header>
      <Suspense fallback={<main className="workspace" />}>
        <Current />
      </Suspense>
      <StatusBar />
      <ConflictDialog />
      {/* outside .app in the document (a portal), so the inert page beneath does not take its button too */}
      {outdated && <DatabaseOutdated />}
    </div>
  );
});

const WorkspaceTabs = observer(function WorkspaceTabs() {
  const root = useStore();
  const open = (screen: Screen) => {
    // fetch the screen's code while the drafts are saved and its store is loaded
    void SCREENS[screen].preload?.();
    void root.navigation.navigate(screen);
  };
  return (
    <nav className="workspace-tabs" role="tablist">
      {SCREEN_KINDS.map((screen) => (
        <button key={screen} role="tab" aria-selected={root.workspace === screen} className={root.workspace === screen ? 'active' : ''} onClick={() => open(screen)}>
          {SCREENS[screen].label}
        </button>
      ))}
    </nav>
  );
});
