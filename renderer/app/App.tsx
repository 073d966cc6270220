// The window: unit and year on top; project list on the left; the editor in the middle; check and library docked right.
import { observer } from 'mobx-react-lite';
import { lazy, Suspense, useEffect } from 'react';
import { M, MA, MX } from '../messages';
import type { Workspace } from '../stores/root-store';
import { CheckPanel } from './CheckPanel';
import { DatabaseFailure, DatabaseOutdated } from './DatabaseFailure';
import { LibraryPanel } from './LibraryPanel';
import { ProjectList } from './ProjectList';
import { StatusBar } from './StatusBar';
import { useStore } from './store-context';
import { UnitBar } from './UnitBar';

// the year-end and exchange workspaces are not part of the first screen: their code loads when first opened
const loadAssessment = () => import('./assessment/AssessmentWorkspace');
const loadExchange = () => import('./exchange/ExchangeWorkspace');
// the editors (and react-hook-form) are not needed to show the list; main.tsx fetches them once the list is up
export const loadEditors = () => Promise.all([import('./ProjectEditor'), import('./PlanEditor')]);
const ProjectEditor = lazy(() => import('./ProjectEditor').then((m) => ({ default: m.ProjectEditor })));
const PlanEditor = lazy(() => import('./PlanEditor').then((m) => ({ default: m.PlanEditor })));
const AssessmentWorkspace = lazy(() => loadAssessment().then((m) => ({ default: m.AssessmentWorkspace })));
const ExchangeWorkspace = lazy(() => loadExchange().then((m) => ({ default: m.ExchangeWorkspace })));

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

  return (
    <div className="app" inert={outdated}>
      <header className="top-bar">
        <span className="app-title">{M.appTitle}</span>
        <WorkspaceTabs />
        <UnitBar />
      </header>
      {root.workspace === 'targets' && (
        <>
          <aside className="left">
            <ProjectList />
          </aside>
          <main className="center">
            <Suspense fallback={null}>
              <Editor />
            </Suspense>
          </main>
          <aside className="right">
            <CheckPanel />
            <LibraryPanel />
          </aside>
        </>
      )}
      {root.workspace !== 'targets' && (
        <Suspense fallback={<main className="workspace" />}>
          {root.workspace === 'assessment' && <AssessmentWorkspace />}
          {root.workspace === 'exchange' && <ExchangeWorkspace />}
        </Suspense>
      )}
      <StatusBar />
      {/* outside .app in the document (a portal), so the inert page beneath does not take its button too */}
      {outdated && <DatabaseOutdated />}
    </div>
  );
});

const TABS: { id: Workspace; label: string }[] = [
  { id: 'targets', label: M.workspaceTargets },
  { id: 'assessment', label: MA.workspace },
  { id: 'exchange', label: MX.workspace },
];

const WorkspaceTabs = observer(function WorkspaceTabs() {
  const root = useStore();
  const openWorkspace = (id: Workspace) => {
    // fetch the workspace's screen while the root store saves and loads its store
    if (id === 'assessment') void loadAssessment();
    else if (id === 'exchange') void loadExchange();
    void root.setWorkspace(id);
  };
  return (
    <nav className="workspace-tabs" role="tablist">
      {TABS.map((t) => (
        <button key={t.id} role="tab" aria-selected={root.workspace === t.id} className={root.workspace === t.id ? 'active' : ''} onClick={() => openWorkspace(t.id)}>
          {t.label}
        </button>
      ))}
    </nav>
  );
});

const Editor = observer(function Editor() {
  const root = useStore();
  if (!root.ready) return null;
  if (!root.units.unit) return <p className="placeholder">{M.pickUnit}</p>;
  if (root.selection?.kind === 'plan') return <PlanEditor />;
  if (root.selection?.kind === 'project' && root.draft.project) return <ProjectEditor />;
  return <p className="placeholder">{M.pickProject}</p>;
});
