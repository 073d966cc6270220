// Renderer entry: open the database, build the stores, render the app.
import { configure } from 'mobx';
import { createRoot } from 'react-dom/client';
import { App, loadEditors } from './app/App';
import { StoreProvider } from './app/store-context';
import { changeChannelName } from './db/changes';
import { PerfDatabase } from './db/database';
import { Repository } from './db/repository';
import { platform } from './platform';
import { ruleSetOf } from '../shared/rule-sets';
import { schemeOf } from '../shared/schemes';
import { countErrors } from './stores/project-list-store';
import { DatabaseLifecycle } from './stores/database-lifecycle';
import { RootStore } from './stores/root-store';
import './styles.css';

configure({ enforceActions: 'never' });

/** Set by vite.config.ts: true only in builds made for the end-to-end tests and the bench. */
declare const __TEST_HOOKS__: boolean;

const makeRepository = (db: PerfDatabase) =>
  new Repository(db, {
    errorCounter: (project, unit) => countErrors(project, schemeOf(unit), { ruleSet: ruleSetOf(unit, project.year) }),
  });
const db = new PerfDatabase();
// the other windows and tabs on this database hear what this one saves, and this one hears theirs
if (typeof BroadcastChannel === 'function') db.changes.connect(new BroadcastChannel(changeChannelName(db.name)));
const repo = makeRepository(db);
// a failed open shows the newest automatic backup and can restore it into a fresh database, then reloads
const database = new DatabaseLifecycle({
  db,
  backups: platform,
  fresh: () => {
    const freshDb = new PerfDatabase();
    return { db: freshDb, repo: makeRepository(freshDb) };
  },
  reload: () => window.location.reload(),
});
const store = new RootStore(repo, undefined, database);

// end-to-end tests and the bench reach the repository and stores through this handle; only in builds made for them
if (__TEST_HOOKS__) {
  (window as unknown as { __perfDesk: unknown }).__perfDesk = { repo, store };
}

// The first screen is rendered once its data is read (or after FIRST_SCREEN_WAIT_MS, should the database be slow to
// open): one render and one paint of the real list, instead of an empty frame and a second render that the
// database reads would have to wait behind. The database is opened from here, as soon as the code has run.
const FIRST_SCREEN_WAIT_MS = 1500;
const firstScreen = store.loadFirstScreen();
void Promise.race([firstScreen.catch(() => undefined), new Promise((ok) => setTimeout(ok, FIRST_SCREEN_WAIT_MS))]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StoreProvider store={store}>
      <App />
    </StoreProvider>,
  ),
);
// the start-up backup loads its code, the exchange format, after the first screen is up
void store.start().then(async () => {
  if (database.state.kind !== 'open') return;
  // the editors' code was left out of the first screen: fetch it once the list is painted, before the first click
  const idle = (cb: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(cb, { timeout: 1000 }) : setTimeout(cb, 100));
  idle(() => void loadEditors());
  const { automaticBackup } = await import('./stores/exchange-startup');
  await automaticBackup(repo);
});
