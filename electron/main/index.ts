// Electron main process: windows, the app:// protocol, dialogs and the scenario file service. It never computes
// results: planning happens in the renderer's worker.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol } from 'electron';
import { IPC } from '../../core/desktop/api';
import type { IpcChannel } from '../../core/desktop/ipc-payloads';
import { APP_ENTRY, APP_SCHEME, mimeType, resolveAppAsset } from './app-protocol';
import { ScenarioFiles } from './files/scenario-files';
import { checkIpcCall, IpcRefused } from './ipc-guard';
import { applySessionPolicy } from './security';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererRoot = join(import.meta.dirname, '../renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const files = new ScenarioFiles({
  async chooseOpenPath() {
    const r = await dialog.showOpenDialog({ properties: ['openFile'], filters: [{ name: 'Hostfit scenario', extensions: ['json'] }] });
    return r.canceled ? null : r.filePaths[0] ?? null;
  },
  async chooseSavePath(suggestedName) {
    const r = await dialog.showSaveDialog({ defaultPath: suggestedName, filters: [{ name: 'Hostfit scenario', extensions: ['json'] }] });
    return r.canceled ? null : r.filePath ?? null;
  },
});

function handle(channel: IpcChannel, fn: (...args: never[]) => Promise<unknown>): void {
  ipcMain.handle(channel, (event, ...args) => {
    const frame = event.senderFrame;
    const sender = frame ? { url: frame.url, isMainFrame: frame === event.sender.mainFrame } : null;
    try {
      return fn(...(checkIpcCall(channel, sender, args, devServerUrl) as never[]));
    } catch (e) {
      if (e instanceof IpcRefused) console.warn(e.message);
      throw e;
    }
  });
}

function registerIpc(): void {
  handle(IPC.openScenario, () => files.open());
  handle(IPC.saveScenario, (h: { id: string }, text: string) => files.save(h, text));
  handle(IPC.saveScenarioAs, (name: string, text: string) => files.saveAs(name, text));
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Hostfit',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devServerUrl ?? APP_ENTRY);
}

void app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, async (request) => {
    const path = resolveAppAsset(rendererRoot, request.url);
    if (!path) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(path), { headers: { 'content-type': mimeType(path) } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
  applySessionPolicy();
  registerIpc();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
