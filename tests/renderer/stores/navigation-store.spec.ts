// The one navigation state (issue #14): every move saves every registered draft first, a draft that cannot be saved
// keeps the window where it is with a message, moves run in the order asked, and each screen's route is remembered.
import { NavigationStore, ROUTE_KEY, type Route, type RouteSettings, type Saver } from '../../../renderer/stores/navigation-store';

class MemorySettings implements RouteSettings {
  readonly values = new Map<string, unknown>();
  async get(key: string): Promise<unknown> {
    return structuredClone(this.values.get(key));
  }
  async set(key: string, value: unknown): Promise<void> {
    // as IndexedDB does: a value that cannot be cloned (a MobX proxy) fails here
    this.values.set(key, structuredClone(value));
  }
}

/** A draft whose save is recorded in `log`, and fails with `error` while it is set. */
function saver(log: string[], name: string): Saver & { error: string | null } {
  const s = {
    error: null as string | null,
    async commit() {
      await Promise.resolve();
      log.push(`save ${name}`);
      return s.error;
    },
  };
  return s;
}

const project = (id: string): Route => ({ screen: 'targets', selection: { kind: 'project', id } });

test('a move saves every registered draft, then loads what the route shows, then shows it', async () => {
  const log: string[] = [];
  const nav = new NavigationStore(new MemorySettings(), {
    prepare: async (to, from) => void log.push(`prepare ${JSON.stringify(to)} from ${from.screen}`),
  });
  nav.register(saver(log, 'project draft'));
  nav.register(saver(log, 'plan draft'));
  expect(await nav.navigate(project('p1'))).toBe(true);
  expect(log).toEqual(['save project draft', 'save plan draft', 'prepare {"screen":"targets","selection":{"kind":"project","id":"p1"}} from targets']);
  expect(nav.route).toEqual(project('p1'));
  expect(nav.blocked).toBeNull();
});

test('a draft that cannot be saved blocks the move, with the reason in Chinese; the next move that can save goes', async () => {
  const log: string[] = [];
  const blocked: string[] = [];
  const nav = new NavigationStore(null, { prepare: async () => void log.push('prepare'), blocked: (m) => void blocked.push(m) });
  const draft = saver(log, 'draft');
  nav.register(draft);
  await nav.navigate(project('p1'));
  draft.error = '磁盘已满';
  log.length = 0;

  expect(await nav.navigate('exchange')).toBe(false);
  expect(log).toEqual(['save draft']);
  expect(nav.route).toEqual(project('p1'));
  expect(nav.blocked).toBe('尚有修改未能保存，没有离开当前页面：磁盘已满');
  expect(blocked).toEqual([nav.blocked]);
  // the same guard stands in front of moves that are not routes (another unit or year)
  expect(await nav.flush()).toBe(false);

  draft.error = null;
  expect(await nav.navigate('exchange')).toBe(true);
  expect(nav.route).toEqual({ screen: 'exchange', section: 'export' });
  expect(nav.blocked).toBeNull();
});

test('an unregistered draft is no longer saved', async () => {
  const log: string[] = [];
  const nav = new NavigationStore(null);
  const unregister = nav.register(saver(log, 'draft'));
  unregister();
  await nav.navigate('assessment');
  expect(log).toEqual([]);
});

test('moves run one after another: the last one asked for is the one shown', async () => {
  let releaseFirst: () => void = () => undefined;
  let entered: () => void = () => undefined;
  const slowEntered = new Promise<void>((ok) => (entered = ok));
  const prepared: string[] = [];
  const nav = new NavigationStore(null, {
    prepare: (to) => {
      const id = to.screen === 'targets' && to.selection?.kind === 'project' ? to.selection.id : '';
      prepared.push(id);
      if (id !== 'slow') return Promise.resolve();
      entered();
      return new Promise<void>((ok) => (releaseFirst = ok));
    },
  });
  const first = nav.navigate(project('slow'));
  const second = nav.navigate(project('quick'));
  await slowEntered;
  // the second move waits for the first
  expect(prepared).toEqual(['slow']);
  releaseFirst();
  await Promise.all([first, second]);
  expect(prepared).toEqual(['slow', 'quick']);
  expect(nav.route).toEqual(project('quick'));
});

test('each screen opens where it was left, and the remembered routes survive a restart', async () => {
  const settings = new MemorySettings();
  const nav = new NavigationStore(settings);
  await nav.navigate(project('p1'));
  await nav.navigate({ screen: 'assessment', view: { kind: 'project', id: 'p2' } });
  await nav.navigate({ screen: 'exchange', section: 'backup' });
  await nav.navigate('targets');
  expect(nav.route).toEqual(project('p1'));
  expect(nav.routeOf('assessment')).toEqual({ screen: 'assessment', view: { kind: 'project', id: 'p2' } });
  await nav.navigate('exchange');
  expect(nav.route).toEqual({ screen: 'exchange', section: 'backup' });

  const again = new NavigationStore(settings);
  // the window starts in the authoring workspace, at the route it was left there
  expect(await again.restore()).toEqual(project('p1'));
  expect(again.route).toEqual({ screen: 'targets', selection: null });
  expect(again.routeOf('assessment')).toEqual({ screen: 'assessment', view: { kind: 'project', id: 'p2' } });
  expect(again.routeOf('exchange')).toEqual({ screen: 'exchange', section: 'backup' });
});

test('replace corrects a route without saving; for a screen not shown it changes only what that screen remembers', async () => {
  const log: string[] = [];
  const nav = new NavigationStore(new MemorySettings());
  nav.register(saver(log, 'draft'));
  await nav.navigate({ screen: 'assessment', view: { kind: 'project', id: 'gone' } });
  log.length = 0;
  await nav.replace({ screen: 'assessment', view: { kind: 'overview' } });
  await nav.replace({ screen: 'targets', selection: null });
  expect(log).toEqual([]);
  expect(nav.route).toEqual({ screen: 'assessment', view: { kind: 'overview' } });
  expect(nav.routeOf('targets')).toEqual({ screen: 'targets', selection: null });
});

test('settings of earlier releases (the selection, the year-end view) are read; anything malformed is ignored', async () => {
  const settings = new MemorySettings();
  settings.values.set('ui.selection', { kind: 'plan' });
  settings.values.set('assessment.view', { kind: 'project', id: 'p9' });
  const nav = new NavigationStore(settings);
  expect(await nav.restore()).toEqual({ screen: 'targets', selection: { kind: 'plan' } });
  expect(nav.routeOf('assessment')).toEqual({ screen: 'assessment', view: { kind: 'project', id: 'p9' } });

  settings.values.set(ROUTE_KEY, { targets: { screen: 'targets', selection: { kind: 'project' } }, exchange: { screen: 'exchange', section: 'nowhere' } });
  const odd = new NavigationStore(settings);
  expect(await odd.restore()).toEqual({ screen: 'targets', selection: null });
  expect(odd.routeOf('exchange')).toEqual({ screen: 'exchange', section: 'export' });
});
