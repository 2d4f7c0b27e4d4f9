// The native application menu as a template (plain data; the glue hands it to Menu.buildFromTemplate). File
// commands are sent to the renderer, which owns the document; recent files are opened by the main process,
// which owns the paths.
import type { MenuItemConstructorOptions } from 'electron';
import type { DocumentState, ShellCommand } from '../../core/desktop/api';

export interface MenuContext {
  readonly isMac: boolean;
  /** Developer tools only in unpackaged runs. */
  readonly devTools: boolean;
  readonly recent: readonly { readonly name: string; readonly path: string }[];
  readonly document: DocumentState | null;
  command(command: ShellCommand): void;
  openRecent(path: string): void;
  clearRecent(): void;
}

/**
 * The workbench handles its keyboard shortcuts itself (the same keys in the browser build), so the File items
 * show their accelerators without registering them: one key press, one command.
 */
const shown = (accelerator: string) => ({ accelerator, registerAccelerator: false });

export function menuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const doc = ctx.document;
  const writable = !doc?.readOnly;
  const recentItems: MenuItemConstructorOptions[] = ctx.recent.length === 0
    ? [{ label: 'No Recent Files', enabled: false }]
    : [
      ...ctx.recent.map((r, i): MenuItemConstructorOptions => ({
        // The path disambiguates same-named files from different folders; it stays in the native menu.
        label: `${i < 9 ? `&${i + 1} ` : ''}${r.name} — ${r.path}`,
        click: () => ctx.openRecent(r.path),
      })),
      { type: 'separator' },
      { label: 'Clear Recent Files', click: () => ctx.clearRecent() },
    ];
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: '&Open…', ...shown('CmdOrCtrl+O'), click: () => ctx.command({ type: 'open' }) },
      { label: 'Open &Recent', submenu: recentItems },
      { label: '&Import…', ...shown('CmdOrCtrl+I'), click: () => ctx.command({ type: 'import' }) },
      { type: 'separator' },
      { label: '&Save', ...shown('CmdOrCtrl+S'), enabled: writable, click: () => ctx.command({ type: 'save' }) },
      { label: 'Save &As…', ...shown('Shift+CmdOrCtrl+S'), enabled: writable, click: () => ctx.command({ type: 'save-as' }) },
      { label: 'Re&vert to Saved', enabled: Boolean(doc?.handle && doc.dirty), click: () => ctx.command({ type: 'revert' }) },
      { type: 'separator' },
      ctx.isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' },
      ...(ctx.devTools ? [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };
  return [
    ...(ctx.isMac ? [{ role: 'appMenu' } as const] : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
  ];
}
