// The contract between the renderer and whatever hosts it: the Electron preload (one function per IPC channel,
// backed by electron/main) or the browser implementation (renderer/src/platform/browser-api.ts). The renderer
// holds opaque file handles, never paths, and can never name a path itself. No imports: the sandboxed preload
// bundles this file.
export interface FileHandle {
  /** Opaque token issued by the host; meaningless to the renderer. */
  readonly id: string;
}

/** Bytes of a scenario file as read from disk; decoding and validation happen in the renderer's parse worker. */
export interface OpenedScenario {
  /** Null for content that has no file to save back to (a restored backup of an untitled scenario). */
  readonly handle: FileHandle | null;
  /** File name for display (no directory). */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type OpenResult =
  | ({ readonly ok: true } & OpenedScenario)
  | { readonly ok: false; readonly reason: 'cancelled' }
  | { readonly ok: false; readonly reason: 'error'; readonly message: string };

/** How the file on disk differs from the version this window loaded or last saved. */
export type DiskChange = 'modified' | 'deleted';

/**
 * `checked` refuses to overwrite a file that changed on disk since it was loaded or last saved (a teammate's
 * edit) and answers `conflict`; `overwrite` is the user's explicit choice after that answer.
 */
export type SaveMode = 'checked' | 'overwrite';

export type SaveResult =
  | { readonly ok: true; readonly handle: FileHandle; readonly name: string }
  | { readonly ok: false; readonly reason: 'cancelled' }
  | { readonly ok: false; readonly reason: 'conflict'; readonly change: DiskChange }
  | { readonly ok: false; readonly reason: 'error'; readonly message: string };

export interface RecentFile {
  readonly handle: FileHandle;
  /** File name for display (no directory). */
  readonly name: string;
}

/** Unsaved work a previous session left behind (it crashed or was killed). */
export interface RecoveryOffer {
  /** Opaque id of the backup. */
  readonly id: string;
  /** Name of the file (or example) the edits were made to. */
  readonly name: string;
  /** When the backup was written, ISO 8601. */
  readonly savedAt: string;
}

export interface StartupState {
  /** A scenario passed on the command line or by a file association, to open first. */
  readonly launchFile: RecentFile | null;
  /** Backups of unsaved work from sessions that ended without saving, newest first. */
  readonly recovery: readonly RecoveryOffer[];
}

/** What the renderer is showing; the host uses it for the title, the close prompt, the menu and the watcher. */
export interface DocumentState {
  readonly handle: FileHandle | null;
  readonly name: string;
  readonly dirty: boolean;
  readonly readOnly: boolean;
}

/** A backup of unsaved edits, written a moment after each change. */
export interface UnsavedBackup {
  readonly handle: FileHandle | null;
  readonly name: string;
  readonly text: string;
}

/** Why the renderer asks before replacing unsaved edits. */
export type DiscardReason = 'open' | 'revert' | 'example' | 'restore' | 'import';
export const DISCARD_REASONS: readonly DiscardReason[] = ['open', 'revert', 'example', 'restore', 'import'];
export type DiscardChoice = 'save' | 'discard' | 'cancel';

export type ExportKind = 'csv' | 'json' | 'png';

export type ExportResult =
  | { readonly ok: true; readonly name: string }
  | { readonly ok: false; readonly reason: 'cancelled' }
  | { readonly ok: false; readonly reason: 'error'; readonly message: string };

/** One file to import, as the user picked it: its name (relative to a picked folder) and bytes, never a path. */
export interface ImportSourceFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Files (one or many) or a folder of files (e.g. Bitbrains' per-VM CSVs). */
export type ImportPick = 'files' | 'folder';

export type ImportFilesResult =
  | { readonly ok: true; readonly files: readonly ImportSourceFile[] }
  | { readonly ok: false; readonly reason: 'cancelled' }
  | { readonly ok: false; readonly reason: 'error'; readonly message: string };

/** A merged batch result (what `hostfit batch merge` writes, CSV or JSON) as read from disk; parsed in the renderer. */
export type OpenTableResult =
  | { readonly ok: true; readonly name: string; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'cancelled' }
  | { readonly ok: false; readonly reason: 'error'; readonly message: string };

/** Commands the host sends the renderer: menu items, files opened from outside, changes seen on disk. */
export type ShellCommand =
  | { readonly type: 'open' }
  /** File → Import…: open the import dialog. */
  | { readonly type: 'import' }
  | { readonly type: 'save' }
  | { readonly type: 'save-as' }
  | { readonly type: 'revert' }
  /** Save, then close the window if the save succeeded (the user chose "Save" in the close prompt). */
  | { readonly type: 'save-and-close' }
  /** A file from the recent list, the command line, a file association or a drop on the app icon. */
  | { readonly type: 'open-file'; readonly file: RecentFile }
  | { readonly type: 'recent-changed' }
  | { readonly type: 'file-changed'; readonly handle: FileHandle; readonly change: DiskChange };

export interface DesktopApi {
  readonly kind: 'electron' | 'browser';
  /** What to do first: a file to open and backups to offer. */
  startup(): Promise<StartupState>;
  /** Shows an open dialog and reads the chosen file. */
  openScenario(): Promise<OpenResult>;
  /** Reads the file behind a handle again (recent file, revert, reload after a teammate's change). */
  readScenario(handle: FileHandle): Promise<OpenResult>;
  /** Writes to the file behind `handle` (atomically on the desktop). */
  saveScenario(handle: FileHandle, text: string, mode: SaveMode): Promise<SaveResult>;
  /** Shows a save dialog, then writes. */
  saveScenarioAs(suggestedName: string, text: string): Promise<SaveResult>;
  recentFiles(): Promise<readonly RecentFile[]>;
  /** Asks (natively) what to do with unsaved edits before they would be replaced. */
  confirmDiscard(name: string, reason: DiscardReason): Promise<DiscardChoice>;
  setDocumentState(state: DocumentState): Promise<void>;
  /** Keeps a crash-recovery copy of unsaved edits; replaces the previous one. */
  backupUnsaved(backup: UnsavedBackup): Promise<void>;
  /** Drops this session's crash-recovery copy (after a save, a revert or a discard). */
  discardBackup(): Promise<void>;
  /** Takes over a previous session's backup; it becomes this session's copy until saved or discarded. */
  restoreBackup(id: string): Promise<OpenResult>;
  /** Deletes a previous session's backup the user chose not to restore. */
  discardRecovery(id: string): Promise<void>;
  /**
   * Shows an open dialog for files (or a folder) to import — an RVTools workbook, a kubectl dump, a Prometheus
   * answer, public traces — and reads their bytes. Nothing is parsed here and nothing is written, ever.
   */
  chooseImportFiles(pick: ImportPick): Promise<ImportFilesResult>;
  /** Shows a save dialog for an export (results as CSV or JSON, a chart as PNG) and writes it. */
  exportFile(suggestedName: string, kind: ExportKind, data: string | Uint8Array): Promise<ExportResult>;
  /**
   * Shows a save dialog for a batch file (the Sweep tab's sweep as `hostfit batch` runs it) and writes it. The host
   * refuses text that is not a batch document.
   */
  saveBatchFile(suggestedName: string, text: string): Promise<ExportResult>;
  /** Shows an open dialog for a merged batch result (CSV or JSON) and reads its bytes. */
  openBatchResult(): Promise<OpenTableResult>;
  /** Closes the window (after a successful "save and close"). */
  closeWindow(): Promise<void>;
  /** Subscribes to host commands; returns the unsubscribe function. */
  onCommand(listener: (command: ShellCommand) => void): () => void;
}

/** One IPC channel per DesktopApi function (onCommand listens on `command`, the only main → renderer channel). */
export const IPC = {
  startup: 'hostfit:startup',
  openScenario: 'hostfit:open-scenario',
  readScenario: 'hostfit:read-scenario',
  saveScenario: 'hostfit:save-scenario',
  saveScenarioAs: 'hostfit:save-scenario-as',
  recentFiles: 'hostfit:recent-files',
  confirmDiscard: 'hostfit:confirm-discard',
  setDocumentState: 'hostfit:set-document-state',
  backupUnsaved: 'hostfit:backup-unsaved',
  discardBackup: 'hostfit:discard-backup',
  restoreBackup: 'hostfit:restore-backup',
  discardRecovery: 'hostfit:discard-recovery',
  exportFile: 'hostfit:export-file',
  chooseImportFiles: 'hostfit:choose-import-files',
  saveBatchFile: 'hostfit:save-batch-file',
  openBatchResult: 'hostfit:open-batch-result',
  closeWindow: 'hostfit:close-window',
} as const;

export const COMMAND_CHANNEL = 'hostfit:command';

/** Largest scenario accepted (a 10^5-replica scenario with long traces stays well below). */
export const MAX_SCENARIO_BYTES = 256 * 1024 * 1024;
/** Most files one import reads (a Bitbrains folder has 1,250). */
export const MAX_IMPORT_FILES = 20_000;
/** Largest sum of the files of one import read by the host (core/import takes up to 2 GiB from the command line). */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;
/** Largest merged batch result the app opens (a million runs as CSV stay below). */
export const MAX_TABLE_BYTES = 256 * 1024 * 1024;
/** What a batch file's name ends with. */
export const BATCH_FILE_SUFFIX = '.hostfit-batch.json';
/** Largest export accepted over IPC. */
export const MAX_EXPORT_BYTES = 256 * 1024 * 1024;

export const EXPORT_EXTENSIONS: Readonly<Record<ExportKind, string>> = { csv: 'csv', json: 'json', png: 'png' };
export const EXPORT_MIME: Readonly<Record<ExportKind, string>> = {
  csv: 'text/csv;charset=utf-8', json: 'application/json', png: 'image/png',
};
