// Where the window is: one typed route (the workspace and what it shows), held here and nowhere else. Every move goes
// through navigate(), which first saves every registered draft and stays put when one cannot be saved. Each screen's
// last route is remembered (in settings), so a workspace opens where it was left and the app starts where it was.
import { makeAutoObservable, observable, runInAction } from 'mobx';
import type { Id } from '../../shared/model';
import { MC } from '../messages-concurrency';

/** What the authoring workspace shows in its editor. */
export type Selection = { kind: 'project'; id: Id } | { kind: 'plan' } | null;
/** What the year-end workspace shows (绩效监控 is its third view, issue #18). */
export type AssessmentView = { kind: 'overview' } | { kind: 'plan' } | { kind: 'monitoring' } | { kind: 'project'; id: Id };
export type ExchangeSection = 'export' | 'package' | 'import' | 'overview' | 'directory' | 'review' | 'backup';
export const EXCHANGE_SECTIONS: readonly ExchangeSection[] = ['export', 'package', 'import', 'overview', 'directory', 'review', 'backup'];

export type Route =
  | { screen: 'targets'; selection: Selection }
  | { screen: 'assessment'; view: AssessmentView }
  | { screen: 'exchange'; section: ExchangeSection };

export type Screen = Route['screen'];
export type RouteOf<S extends Screen> = Extract<Route, { screen: S }>;
export const SCREEN_KINDS: readonly Screen[] = ['targets', 'assessment', 'exchange'];

type LastRoutes = { [S in Screen]: RouteOf<S> };

const START: LastRoutes = {
  targets: { screen: 'targets', selection: null },
  assessment: { screen: 'assessment', view: { kind: 'overview' } },
  exchange: { screen: 'exchange', section: 'export' },
};

export const ROUTE_KEY = 'ui.route';
/** where earlier releases kept the authoring selection and the year-end view */
const OLD_SELECTION_KEY = 'ui.selection';
const OLD_VIEW_KEY = 'assessment.view';

/** Anything with unsaved edits: resolves to null once they are in the database, else to why not. */
export interface Saver {
  commit(): Promise<string | null>;
}

export interface RouteSettings {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export interface NavigationHooks {
  /** loads what `to` shows (a draft, a workspace's code) before it is shown; `from` is the route being left */
  prepare?(to: Route, from: Route): Promise<void>;
  /** a draft could not be saved, so the window stayed where it was */
  blocked?(message: string): void;
}

function isSelection(x: unknown): x is Selection {
  if (x === null) return true;
  if (typeof x !== 'object') return false;
  const s = x as { kind?: unknown; id?: unknown };
  return (s.kind === 'project' && typeof s.id === 'string') || s.kind === 'plan';
}

function isView(x: unknown): x is AssessmentView {
  if (typeof x !== 'object' || x === null) return false;
  const v = x as { kind?: unknown; id?: unknown };
  return v.kind === 'overview' || v.kind === 'plan' || v.kind === 'monitoring' || (v.kind === 'project' && typeof v.id === 'string');
}

/** A stored route, checked (settings are shared with older and newer releases). */
export function isRoute(x: unknown): x is Route {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as { screen?: unknown; selection?: unknown; view?: unknown; section?: unknown };
  if (r.screen === 'targets') return isSelection(r.selection);
  if (r.screen === 'assessment') return isView(r.view);
  if (r.screen === 'exchange') return EXCHANGE_SECTIONS.includes(r.section as ExchangeSection);
  return false;
}

export class NavigationStore {
  route: Route = START.targets;
  /** why the last move did not happen (a draft could not be saved), until the next move */
  blocked: string | null = null;
  private last: LastRoutes = { ...START };
  private readonly savers = new Set<Saver>();
  /** moves run one after another, so the last one asked for is the one shown */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly settings: RouteSettings | null,
    private readonly hooks: NavigationHooks = {},
  ) {
    makeAutoObservable<NavigationStore, 'last' | 'savers' | 'queue' | 'settings' | 'hooks'>(this, {
      // routes are plain values, replaced whole, and stored as they are
      route: observable.ref,
      last: false,
      savers: false,
      queue: false,
      settings: false,
      hooks: false,
      navigate: false,
      flush: false,
      replace: false,
      restore: false,
    });
  }

  get screen(): Screen {
    return this.route.screen;
  }

  /** The route a screen shows, or showed when it was left. */
  routeOf<S extends Screen>(screen: S): RouteOf<S> {
    return (this.route.screen === screen ? this.route : this.last[screen]) as RouteOf<S>;
  }

  /** A draft registers here, so that no move leaves its edits unsaved; returns the unregister. */
  register(saver: Saver): () => void {
    this.savers.add(saver);
    return () => this.savers.delete(saver);
  }

  /**
   * Saves every registered draft. False when one could not be saved: the reason is in `blocked` and told to the
   * hook. Moves that are not routes (another unit or year, an import) call this first too.
   */
  async flush(): Promise<boolean> {
    const errors = await Promise.all([...this.savers].map((s) => s.commit()));
    const error = errors.find((e) => e !== null);
    if (error === undefined || error === null) {
      runInAction(() => (this.blocked = null));
      return true;
    }
    const message = MC.navigationBlocked(error);
    runInAction(() => (this.blocked = message));
    this.hooks.blocked?.(message);
    return false;
  }

  /**
   * Goes to `to` (a route, or a screen: its last route): saves every draft, loads what the route shows, shows it and
   * remembers it. Resolves to false, staying put, when a draft could not be saved.
   */
  navigate(to: Route | Screen): Promise<boolean> {
    const run = async (): Promise<boolean> => {
      const route = typeof to === 'string' ? this.routeOf(to) : to;
      if (!(await this.flush())) return false;
      await this.hooks.prepare?.(route, this.route);
      await this.show(route);
      return true;
    };
    const done = this.queue.then(run, run);
    this.queue = done.catch(() => undefined);
    return done;
  }

  /**
   * Corrects a screen's route without saving or loading anything (the project it shows no longer exists): shown at
   * once when it is the screen on view, else what that screen opens at next.
   */
  async replace(route: Route): Promise<void> {
    if (route.screen === this.route.screen) return this.show(route);
    this.last = { ...this.last, [route.screen]: route };
    await this.settings?.set(ROUTE_KEY, this.last);
  }

  /**
   * Reads the remembered routes. The window starts in the authoring workspace, as it always has; the route it returns
   * is the one that workspace was left at, for the caller to open once the list is painted.
   */
  async restore(): Promise<RouteOf<'targets'>> {
    if (!this.settings) return this.last.targets;
    const saved = await this.settings.get(ROUTE_KEY);
    const last: LastRoutes = { ...START };
    if (typeof saved === 'object' && saved !== null) {
      for (const screen of SCREEN_KINDS) {
        const r = (saved as Record<string, unknown>)[screen];
        if (isRoute(r) && r.screen === screen) (last as Record<Screen, Route>)[screen] = r;
      }
    } else {
      const [selection, view] = await Promise.all([this.settings.get(OLD_SELECTION_KEY), this.settings.get(OLD_VIEW_KEY)]);
      if (isSelection(selection)) last.targets = { screen: 'targets', selection };
      if (isView(view)) last.assessment = { screen: 'assessment', view };
    }
    runInAction(() => (this.last = last));
    return last.targets;
  }

  private async show(route: Route): Promise<void> {
    runInAction(() => {
      this.route = route;
      this.last = { ...this.last, [route.screen]: route };
    });
    await this.settings?.set(ROUTE_KEY, this.last);
  }
}
