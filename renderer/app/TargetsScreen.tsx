// The authoring workspace (绩效目标编制): the project list on the left, the editor of the chosen project or of the
// department plan in the middle, the check panel and the indicator library on the right.
import { observer } from 'mobx-react-lite';
import { lazy, Suspense } from 'react';
import { M } from '../messages';
import { CheckPanel } from './CheckPanel';
import { LibraryPanel } from './LibraryPanel';
import { ProjectList } from './ProjectList';
import { useStore } from './store-context';

// the editors (and react-hook-form) are not needed to show the list; main.tsx fetches them once the list is up
export const loadEditors = () => Promise.all([import('./ProjectEditor'), import('./PlanEditor')]);
const ProjectEditor = lazy(() => import('./ProjectEditor').then((m) => ({ default: m.ProjectEditor })));
const PlanEditor = lazy(() => import('./PlanEditor').then((m) => ({ default: m.PlanEditor })));

export function TargetsScreen() {
  return (
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
  );
}

const Editor = observer(function Editor() {
  const root = useStore();
  if (!root.ready) return null;
  if (!root.units.unit) return <p className="placeholder">{M.pickUnit}</p>;
  if (root.selection?.kind === 'plan') return <PlanEditor />;
  if (root.selection?.kind === 'project' && root.draft.project) return <ProjectEditor />;
  return <p className="placeholder">{M.pickProject}</p>;
});
