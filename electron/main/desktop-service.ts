// The main-process side of the desktop API: one method per IPC channel, over the scenario files, the recent
// list, crash-recovery backups, the watcher of the open file, exports, the files picked to import and the Sweep
// tab's batch files. Native dialogs and the window are injected, so all of it runs (and is tested) in plain Node.
import { basename, join } from 'node:path';
import type {
  DiscardChoice, DiscardReason, DiskChange, DocumentState, FileHandle, OpenResult, RecentFile, ShellCommand, StartupState,
} from '../../core/desktop/api';
import { openBatchResult, saveBatchFile, type ChooseTablePath } from './files/batch-files';
import { exportFile, type ChooseExportPath } from './files/exports';
import { FileWatcher } from './files/file-watcher';
import { chooseImportFiles, type ChooseImportPaths } from './files/import-files';
import { RecentFiles } from './files/recent-files';
import { RecoveryStore } from './files/recovery';
import { ScenarioFiles, type Dialogs } from './files/scenario-files';
import type { IpcHandlers } from './ipc-guard';

export interface ShellDialogs extends Dialogs {
  chooseExportPath: ChooseExportPath;
  chooseImportPaths: ChooseImportPaths;
  /** A merged batch result to open (CSV or JSON). */
  chooseTablePath: ChooseTablePath;
  confirmDiscard(name: string, reason: DiscardReason): Promise<DiscardChoice>;
}

export interface DesktopServiceOptions {
  readonly dialogs: ShellDialogs;
  readonly userDataDir: string;
  /** This session's random id (32 hex digits): names its crash-recovery backup. */
  readonly session: string;
  /** Sends a command to the renderer. */
  send(command: ShellCommand): void;
  /** The renderer asked to close its window (after "save and close"). */
  closeWindow(): void;
  /** The document or the recent list changed: update the title, the menu, the OS recent documents. */
  onStateChanged?(): void;
  watchDebounceMs?: number;
}

export class DesktopService {
  readonly files: ScenarioFiles;
  readonly recent: RecentFiles;
  readonly recovery: RecoveryStore;
  readonly watcher: FileWatcher;
  document: DocumentState | null = null;
  private readonly launchQueue: string[] = [];
  private rendererStarted = false;

  constructor(private readonly options: DesktopServiceOptions) {
    this.recent = new RecentFiles(join(options.userDataDir, 'recent-files.json'));
    this.recovery = new RecoveryStore(join(options.userDataDir, 'recovery'), options.session);
    this.files = new ScenarioFiles(options.dialogs, {
      onRemember: (path) => void this.recent.add(path).then(() => this.recentChanged()),
      onMissing: (path) => void this.recent.remove(path).then(() => this.recentChanged()),
    });
    this.watcher = new FileWatcher((path, change) => this.changedOnDisk(path, change), options.watchDebounceMs);
  }

  async init(): Promise<void> {
    await this.recent.load();
  }

  /** A file named from outside the window: the command line, a second launch, a file association, the dock. */
  openFromOutside(path: string): void {
    if (!this.rendererStarted) {
      this.launchQueue.push(path);
      return;
    }
    this.options.send({ type: 'open-file', file: this.recentFile(path) });
  }

  /** A click in the native Open Recent menu. */
  openRecent(path: string): void {
    this.options.send({ type: 'open-file', file: this.recentFile(path) });
  }

  async clearRecent(): Promise<void> {
    await this.recent.clear();
    this.recentChanged();
  }

  recentEntries(): { name: string; path: string }[] {
    return this.recent.list().map((path) => ({ name: basename(path), path }));
  }

  /** Path of the open document (main process only: window title, macOS represented file). */
  documentPath(): string | undefined {
    return this.document?.handle ? this.files.pathOf(this.document.handle) : undefined;
  }

  /** Ends the session cleanly (synchronously: the process may exit next): its crash-recovery backup goes. */
  endSession(): void {
    this.watcher.close();
    this.recovery.endSync();
  }

  readonly handlers: IpcHandlers = {
    'hostfit:startup': async (): Promise<StartupState> => {
      this.rendererStarted = true;
      // One window shows one scenario: the first file named at launch.
      const [first] = this.launchQueue.splice(0);
      return { launchFile: first ? this.recentFile(first) : null, recovery: await this.recovery.pending() };
    },
    'hostfit:open-scenario': () => this.files.open(),
    'hostfit:read-scenario': (handle) => this.files.read(handle),
    'hostfit:save-scenario': (handle, text, mode) => this.files.save(handle, text, mode),
    'hostfit:save-scenario-as': (name, text) => this.files.saveAs(name, text),
    'hostfit:recent-files': (): RecentFile[] => this.recent.list().map((path) => this.recentFile(path)),
    'hostfit:confirm-discard': (name, reason) => this.options.dialogs.confirmDiscard(name, reason),
    'hostfit:set-document-state': (state) => this.setDocumentState(state),
    'hostfit:backup-unsaved': async (backup) => {
      const path = backup.handle ? this.files.pathOf(backup.handle) ?? null : null;
      await this.recovery.write({ name: backup.name, path, baseHash: path ? this.files.knownHash(path) ?? null : null, text: backup.text });
    },
    'hostfit:discard-backup': () => this.recovery.clear(),
    'hostfit:restore-backup': (id) => this.restoreBackup(id),
    'hostfit:discard-recovery': (id) => this.recovery.discard(id),
    'hostfit:export-file': (name, kind, data) => exportFile(this.options.dialogs.chooseExportPath, name, kind, data),
    'hostfit:choose-import-files': (pick) => chooseImportFiles(this.options.dialogs.chooseImportPaths, pick),
    'hostfit:save-batch-file': (name, text) => saveBatchFile(this.options.dialogs.chooseExportPath, name, text),
    'hostfit:open-batch-result': () => openBatchResult(this.options.dialogs.chooseTablePath),
    'hostfit:close-window': () => this.options.closeWindow(),
  };

  private recentFile(path: string): RecentFile {
    return { handle: this.files.handles.issue(path), name: basename(path) };
  }

  private recentChanged(): void {
    this.options.onStateChanged?.();
    if (this.rendererStarted) this.options.send({ type: 'recent-changed' });
  }

  private setDocumentState(state: DocumentState): void {
    // A handle this process never issued is ignored: the renderer cannot point the watcher anywhere.
    const path = state.handle ? this.files.pathOf(state.handle) : undefined;
    this.document = { ...state, handle: path ? state.handle : null };
    this.watcher.watch(path ? { path, knownHash: () => this.files.knownHash(path) } : null);
    this.options.onStateChanged?.();
  }

  private changedOnDisk(path: string, change: DiskChange): void {
    const handle: FileHandle | null = this.document?.handle ?? null;
    if (handle && this.files.pathOf(handle) === path) this.options.send({ type: 'file-changed', handle, change });
  }

  private async restoreBackup(id: string): Promise<OpenResult> {
    const backup = await this.recovery.take(id);
    if (!backup) return { ok: false, reason: 'error', message: 'that backup is no longer available' };
    const handle = backup.path ? this.files.adopt(backup.path, backup.baseHash) : null;
    return { ok: true, handle, name: backup.name, bytes: new TextEncoder().encode(backup.text) };
  }
}
