// Electron main process: the glue between Electron and the plain modules beside it (which hold all the logic and
// are tested without Electron). It owns the window, the app:// protocol, native dialogs and menus, and the
// scenario files; it never computes results: planning happens in the renderer's worker.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, type IpcMainInvokeEvent } from 'electron';
import { COMMAND_CHANNEL, EXPORT_EXTENSIONS, type ShellCommand } from '../../core/desktop/api';
import { IPC_PAYLOADS, type IpcChannel } from '../../core/desktop/ipc-payloads';
import { APP_ENTRY, APP_SCHEME, serveAppRequest } from './app-protocol';
import { DesktopService } from './desktop-service';
import { createIpcDispatcher, IpcRefused, type SenderInfo } from './ipc-guard';
import { scenarioPathsFromArgv } from './launch-args';
import { menuTemplate } from './menu';
import { choiceAt, closePrompt, discardPrompt, windowTitle, type Prompt } from './prompts';
import { applySecurityPolicy } from './security';
import { secureWindowOptions } from './window-options';

// The dev server URL is honoured only in unpackaged development runs (electron-vite dev sets it).
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const rendererRoot = join(import.meta.dirname, '../renderer');
const SCENARIO_FILTERS = [{ name: 'Hostfit scenario', extensions: ['json'] }];
const TABLE_FILTERS = [{ name: 'Merged batch result (hostfit batch merge)', extensions: ['csv', 'json'] }];
const IMPORT_FILTERS = [
  { name: 'Estate exports (RVTools, kubectl, Prometheus, public traces)', extensions: ['xlsx', 'csv', 'json', 'yaml', 'yml', 'gz', 'txt'] },
  { name: 'All files', extensions: ['*'] },
];

// Unpackaged runs (end-to-end tests) may keep their settings, recent files and backups in a folder of their own.
if (!app.isPackaged && process.env.HOSTFIT_USER_DATA) app.setPath('userData', process.env.HOSTFIT_USER_DATA);

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// One instance: a second launch (a double-clicked file) hands its arguments to this one and exits.
if (!app.requestSingleInstanceLock()) {
  app.exit(0);
}

let win: BrowserWindow | null = null;
let allowClose = false;
let quitting = false;

function send(command: ShellCommand): void {
  win?.webContents.send(COMMAND_CHANNEL, command);
}

async function ask<C extends string>(prompt: Prompt<C>): Promise<C> {
  const { message, detail, defaultId, cancelId } = prompt;
  const options = { type: 'warning' as const, message, detail, buttons: [...prompt.buttons], defaultId, cancelId, noLink: true };
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  return choiceAt(prompt, response);
}

const service = new DesktopService({
  userDataDir: app.getPath('userData'),
  session: randomBytes(16).toString('hex'),
  send,
  closeWindow: () => {
    allowClose = true;
    win?.close();
  },
  onStateChanged: refreshChrome,
  dialogs: {
    async chooseOpenPath() {
      const options = { properties: ['openFile' as const], filters: SCENARIO_FILTERS };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : r.filePaths[0] ?? null;
    },
    async chooseSavePath(suggestedName) {
      const options = { defaultPath: suggestedName, filters: SCENARIO_FILTERS };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled ? null : r.filePath ?? null;
    },
    async chooseExportPath(suggestedName, kind) {
      const options = { defaultPath: suggestedName, filters: [{ name: kind.toUpperCase(), extensions: [EXPORT_EXTENSIONS[kind]] }] };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled ? null : r.filePath ?? null;
    },
    async chooseImportPaths(pick) {
      const options = pick === 'folder'
        ? { properties: ['openDirectory' as const] }
        : { properties: ['openFile' as const, 'multiSelections' as const], filters: IMPORT_FILTERS };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : r.filePaths;
    },
    async chooseTablePath() {
      const options = { properties: ['openFile' as const], filters: TABLE_FILTERS };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : r.filePaths[0] ?? null;
    },
    confirmDiscard: (name, reason) => ask(discardPrompt(name, reason)),
  },
});

/** Title, edited mark, represented file and menu follow the document and the recent list. */
function refreshChrome(): void {
  const doc = service.document;
  if (win && !win.isDestroyed()) {
    win.setTitle(windowTitle(doc));
    win.setDocumentEdited(Boolean(doc?.dirty));
    if (process.platform === 'darwin') win.setRepresentedFilename(service.documentPath() ?? '');
  }
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({
    isMac: process.platform === 'darwin',
    devTools: !app.isPackaged,
    recent: service.recentEntries(),
    document: doc,
    command: send,
    openRecent: (path) => service.openRecent(path),
    clearRecent: () => void service.clearRecent().then(() => app.clearRecentDocuments()),
  })));
  const path = service.documentPath();
  if (path) app.addRecentDocument(path);
}

function registerIpc(): void {
  const dispatch = createIpcDispatcher(service.handlers, devServerUrl);
  const senderOf = (event: IpcMainInvokeEvent): SenderInfo | null => {
    const frame = event.senderFrame;
    // Only the main frame of our one window may call; anything else (another window, a subframe) is refused.
    if (!frame || !win || event.sender !== win.webContents) return null;
    return { url: frame.url, isMainFrame: frame === event.sender.mainFrame };
  };
  for (const channel of Object.keys(IPC_PAYLOADS) as IpcChannel[]) {
    ipcMain.handle(channel, async (event, ...args) => {
      try {
        return await dispatch(channel, senderOf(event), args);
      } catch (e) {
        if (e instanceof IpcRefused) console.warn(e.message);
        throw e;
      }
    });
  }
}

function createWindow(): void {
  allowClose = false;
  win = new BrowserWindow(secureWindowOptions(join(import.meta.dirname, '../preload/index.cjs')));
  const current = win;
  current.once('ready-to-show', () => current.show());
  current.on('focus', () => void service.watcher.check());
  // A crashed renderer is reloaded; its unsaved edits come back from this session's backup.
  current.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') current.webContents.reload();
  });
  current.on('close', (event) => {
    const doc = service.document;
    if (allowClose || !doc?.dirty) {
      if (!doc?.dirty) service.endSession();
      return;
    }
    event.preventDefault();
    void ask(closePrompt(doc.name, doc.readOnly)).then((choice) => {
      if (choice === 'save') send({ type: 'save-and-close' });
      else if (choice === 'discard') {
        service.endSession();
        allowClose = true;
        current.close();
      } else quitting = false;
    });
  });
  current.on('closed', () => {
    win = null;
    if (quitting) app.quit();
  });
  void current.loadURL(devServerUrl ?? APP_ENTRY);
}

function openFromArgv(argv: readonly string[], workingDirectory: string): void {
  const [path] = scenarioPathsFromArgv(argv, workingDirectory, app.isPackaged);
  if (path) service.openFromOutside(path);
}

// macOS: a file dropped on the dock icon or opened by its association (may arrive before `ready`).
app.on('open-file', (event, path) => {
  event.preventDefault();
  service.openFromOutside(path);
});

app.on('second-instance', (_event, argv, workingDirectory) => {
  openFromArgv(argv, workingDirectory);
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  } else createWindow();
});

app.on('before-quit', () => {
  quitting = true;
});

void app.whenReady().then(async () => {
  protocol.handle(APP_SCHEME, async (request) => {
    const r = await serveAppRequest(rendererRoot, request.url, request.method);
    return new Response(request.method === 'HEAD' ? null : r.body as unknown as ConstructorParameters<typeof Response>[0], { status: r.status, headers: { ...r.headers } });
  });
  applySecurityPolicy(devServerUrl);
  await service.init();
  openFromArgv(process.argv, process.cwd());
  registerIpc();
  refreshChrome();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
