// The remembered window: parsing is total, positions off every screen are dropped, saving round-trips.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_WINDOW_STATE, fitToDisplays, loadWindowState, parseWindowState, saveWindowState } from '../../electron/window-state';

const screen = { x: 0, y: 0, width: 1920, height: 1040 };

describe('parseWindowState', () => {
  it('falls back to the defaults for anything malformed', () => {
    for (const raw of [null, 'x', 42, [], { width: 'wide' }]) expect(parseWindowState(raw)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('keeps valid fields, raises sizes to the minimum, needs both x and y', () => {
    expect(parseWindowState({ width: 1400, height: 300, x: 5, maximized: true })).toEqual({ width: 1400, height: 640, maximized: true });
    expect(parseWindowState({ width: 1.5, height: 900, x: -8, y: 0 })).toEqual({ width: 1280, height: 900, x: -8, y: 0, maximized: false });
  });
});

describe('fitToDisplays', () => {
  it('keeps a position that is on a screen', () => {
    const s = { width: 1300, height: 800, x: 100, y: 50, maximized: false };
    expect(fitToDisplays(s, [screen])).toEqual(s);
  });

  it('drops a position on a monitor no longer attached, so the window opens centred', () => {
    expect(fitToDisplays({ width: 1300, height: 800, x: 2500, y: 50, maximized: false }, [screen])).toEqual({ width: 1300, height: 800, maximized: false });
    // only a sliver left on screen counts as off screen
    expect(fitToDisplays({ width: 1300, height: 800, x: 1880, y: 50, maximized: false }, [screen])).toEqual({ width: 1300, height: 800, maximized: false });
  });

  it('keeps a position on a second monitor and caps the size to the largest screen', () => {
    const second = { x: 1920, y: 0, width: 1280, height: 1000 };
    expect(fitToDisplays({ width: 3000, height: 2000, x: 2000, y: 10, maximized: true }, [screen, second])).toEqual({
      width: 1920,
      height: 1040,
      x: 2000,
      y: 10,
      maximized: true,
    });
  });
});

describe('loading and saving', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'window-state-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a missing or corrupt file gives the defaults', () => {
    expect(loadWindowState(path.join(dir, 'none.json'))).toEqual(DEFAULT_WINDOW_STATE);
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"width": 14');
    expect(loadWindowState(path.join(dir, 'bad.json'))).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('round-trips', () => {
    const file = path.join(dir, 'window-state.json');
    const state = { width: 1500, height: 900, x: 10, y: 20, maximized: true };
    saveWindowState(file, state);
    expect(loadWindowState(file)).toEqual(state);
    expect(fs.readdirSync(dir)).toEqual(['window-state.json']);
  });
});
