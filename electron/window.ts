// The one application window: hardened web preferences, remembered bounds, shown once painted.
import { BrowserWindow, screen } from 'electron';
import { APP_PRODUCT_NAME } from './identity';
import { secureWebPreferences } from './security';
import { fitToDisplays, loadWindowState, MIN_HEIGHT, MIN_WIDTH, trackWindowState } from './window-state';

export function createMainWindow(options: { url: string; preloadPath: string; stateFile: string }): BrowserWindow {
  const state = fitToDisplays(
    loadWindowState(options.stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: APP_PRODUCT_NAME,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  trackWindowState(win, options.stateFile);
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  win.loadURL(options.url).catch((err: unknown) => console.error(`[window] cannot load ${options.url}`, err));
  return win;
}
