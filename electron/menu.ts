// The Chinese application menu: 文件 / 编辑 / 视图 / 帮助. Editing and zoom use Electron's built-in roles, so
// shortcuts (Ctrl+C, Ctrl+Z, Ctrl+0 …) work in every text field of the renderer.
import type { MenuItemConstructorOptions } from 'electron';
import { MENU } from './messages';

export interface MenuActions {
  openBackupsFolder(): void;
  showAbout(): void;
  /** Reload and developer tools only while developing against the Vite dev server. */
  isDev: boolean;
}

export function buildMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  return [
    {
      label: MENU.file,
      submenu: [{ label: MENU.openBackups, click: () => actions.openBackupsFolder() }, sep, { label: MENU.quit, role: 'quit' }],
    },
    {
      label: MENU.edit,
      submenu: [
        { label: MENU.undo, role: 'undo' },
        { label: MENU.redo, role: 'redo' },
        sep,
        { label: MENU.cut, role: 'cut' },
        { label: MENU.copy, role: 'copy' },
        { label: MENU.paste, role: 'paste' },
        { label: MENU.delete, role: 'delete' },
        sep,
        { label: MENU.selectAll, role: 'selectAll' },
      ],
    },
    {
      label: MENU.view,
      submenu: [
        // Reload would drop a half-filled form, so it is a developer's tool only.
        ...(actions.isDev ? [{ label: MENU.reload, role: 'reload' } as const, { label: MENU.devTools, role: 'toggleDevTools' } as const, sep] : []),
        { label: MENU.resetZoom, role: 'resetZoom' },
        { label: MENU.zoomIn, role: 'zoomIn' },
        { label: MENU.zoomOut, role: 'zoomOut' },
        sep,
        { label: MENU.fullScreen, role: 'togglefullscreen' },
      ],
    },
    {
      label: MENU.help,
      submenu: [{ label: MENU.about, click: () => actions.showAbout() }],
    },
  ];
}
