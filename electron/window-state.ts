// The window's size, position and maximized state, remembered in userData/window-state.json between runs.
import * as fs from 'node:fs';
import { writeFileAtomicSync } from './atomic-write';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  width: number;
  height: number;
  /** Absent: let the OS centre the window. */
  x?: number;
  y?: number;
  maximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const MIN_WIDTH = 1024;
export const MIN_HEIGHT = 640;
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Total: anything malformed falls back to the defaults, field by field. */
export function parseWindowState(raw: unknown): WindowState {
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_WINDOW_STATE };
  const r = raw as Record<string, unknown>;
  const state: WindowState = {
    width: isInt(r.width) ? Math.max(MIN_WIDTH, r.width) : DEFAULT_WINDOW_STATE.width,
    height: isInt(r.height) ? Math.max(MIN_HEIGHT, r.height) : DEFAULT_WINDOW_STATE.height,
    maximized: r.maximized === true,
  };
  if (isInt(r.x) && isInt(r.y)) {
    state.x = r.x;
    state.y = r.y;
  }
  return state;
}

export function loadWindowState(file: string): WindowState {
  try {
    return parseWindowState(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

/**
 * Keep the window reachable: a position saved on a monitor that is no longer attached is dropped (the OS centres
 * the window), and the size is capped to the largest work area.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (workAreas.length === 0) return state;
  const maxW = Math.max(...workAreas.map((a) => a.width));
  const maxH = Math.max(...workAreas.map((a) => a.height));
  const fitted: WindowState = { width: Math.min(state.width, maxW), height: Math.min(state.height, maxH), maximized: state.maximized };
  if (state.x !== undefined && state.y !== undefined) {
    const bounds = { x: state.x, y: state.y, width: fitted.width, height: fitted.height };
    // At least a title bar's worth (100×50 px) must lie on some screen.
    if (workAreas.some((a) => overlap(a, bounds, 'x', 'width') >= 100 && overlap(a, bounds, 'y', 'height') >= 50)) {
      fitted.x = state.x;
      fitted.y = state.y;
    }
  }
  return fitted;
}

function overlap(a: Rect, b: Rect, pos: 'x' | 'y', size: 'width' | 'height'): number {
  return Math.min(a[pos] + a[size], b[pos] + b[size]) - Math.max(a[pos], b[pos]);
}

export function saveWindowState(file: string, state: WindowState): void {
  writeFileAtomicSync(file, new TextEncoder().encode(JSON.stringify(state)));
}

export interface TrackedWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  on(event: 'close', listener: () => void): unknown;
}

/** Saves on close: the normal (unmaximized) bounds, so restoring a maximized window gives back its old size. */
export function trackWindowState(win: TrackedWindow, file: string): void {
  win.on('close', () => {
    const { x, y, width, height } = win.getNormalBounds();
    try {
      saveWindowState(file, { x, y, width, height, maximized: win.isMaximized() });
    } catch (err) {
      console.warn('window state not saved', err);
    }
  });
}
