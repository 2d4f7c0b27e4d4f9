// The desktop API in a plain browser: open through a file input, save and export through downloads (the browser
// decides where they land, so there is no file to compare against before saving), crash recovery in IndexedDB,
// and the "unsaved changes" prompt as the page's beforeunload. (Keyboard shortcuts belong to the workbench.)
// Handles are random tokens mapped to the picked File, mirroring the desktop's opaque handles.
import {
  BATCH_FILE_SUFFIX, EXPORT_EXTENSIONS, EXPORT_MIME, MAX_TABLE_BYTES, type DesktopApi, type DiscardChoice, type DiscardReason,
  type DocumentState, type FileHandle, type ImportPick, type OpenResult, type OpenTableResult, type SaveResult,
} from '../../../core/desktop/api';
import { BrowserRecovery } from './browser-recovery';
import { pickedFromInput, readPicked } from './import-files';

function randomToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function pickFile(accept = '.json,application/json'): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

/** Files to import (several at once), or a folder's files. */
function pickImport(pick: ImportPick): Promise<File[] | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    if (pick === 'folder') input.webkitdirectory = true;
    else input.accept = '.xlsx,.csv,.json,.yaml,.yml,.gz,.txt';
    input.addEventListener('change', () => resolve(input.files ? Array.from(input.files) : null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

function download(name: string, data: string | Uint8Array, mime: string): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const QUESTION: Record<DiscardReason, string> = {
  open: 'Open another file and lose your unsaved changes to “{name}”?',
  example: 'Open the example and lose your unsaved changes to “{name}”?',
  restore: 'Restore the backup and lose your unsaved changes to “{name}”?',
  revert: 'Revert “{name}” and lose your unsaved changes?',
  import: 'Open the imported scenario and lose your unsaved changes to “{name}”?',
};

export function createBrowserApi(): DesktopApi {
  const files = new Map<string, { name: string; file: File | null }>();
  const recovery = new BrowserRecovery(randomToken());
  let dirty = false;

  const remember = (name: string, file: File | null): FileHandle => {
    const handle = { id: randomToken() };
    files.set(handle.id, { name, file });
    return handle;
  };
  const readFile = async (file: File, handle: FileHandle): Promise<OpenResult> => {
    try {
      return { ok: true, handle, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    } catch {
      return { ok: false, reason: 'error', message: `${file.name}: the browser can no longer read this file; open it again with Open…` };
    }
  };

  window.addEventListener('beforeunload', (event) => {
    if (dirty) event.preventDefault();
  });

  return {
    kind: 'browser',
    async startup() {
      return { launchFile: null, recovery: await recovery.pending().catch(() => []) };
    },
    async openScenario(): Promise<OpenResult> {
      const file = await pickFile();
      if (!file) return { ok: false, reason: 'cancelled' };
      return readFile(file, remember(file.name, file));
    },
    async readScenario(handle): Promise<OpenResult> {
      const known = files.get(handle.id);
      if (!known) return { ok: false, reason: 'error', message: 'unknown file handle' };
      if (!known.file) return { ok: false, reason: 'error', message: `${known.name}: it was saved as a download; open it with Open…` };
      return readFile(known.file, handle);
    },
    async saveScenario(handle, text): Promise<SaveResult> {
      const known = files.get(handle.id);
      if (!known) return { ok: false, reason: 'error', message: 'unknown file handle' };
      download(known.name, text, EXPORT_MIME.json);
      return { ok: true, handle, name: known.name };
    },
    async saveScenarioAs(suggestedName, text): Promise<SaveResult> {
      download(suggestedName, text, EXPORT_MIME.json);
      return { ok: true, handle: remember(suggestedName, null), name: suggestedName };
    },
    async recentFiles() {
      return []; // a page cannot reopen a file without the user picking it again
    },
    async confirmDiscard(name, reason): Promise<DiscardChoice> {
      return window.confirm(QUESTION[reason].replace('{name}', name)) ? 'discard' : 'cancel';
    },
    async setDocumentState(state: DocumentState) {
      dirty = state.dirty;
      document.title = `${state.name}${state.dirty ? ' •' : ''} — Hostfit`;
    },
    backupUnsaved: (backup) => recovery.write(backup.name, backup.text),
    discardBackup: () => recovery.clear(),
    async restoreBackup(id): Promise<OpenResult> {
      const found = await recovery.take(id);
      if (!found) return { ok: false, reason: 'error', message: 'that backup is no longer available' };
      return { ok: true, handle: null, name: found.name, bytes: new TextEncoder().encode(found.text) };
    },
    discardRecovery: (id) => recovery.discard(id),
    async exportFile(suggestedName, kind, data) {
      const ext = `.${EXPORT_EXTENSIONS[kind]}`;
      const name = suggestedName.toLowerCase().endsWith(ext) ? suggestedName : `${suggestedName}${ext}`;
      download(name, data, EXPORT_MIME[kind]);
      return { ok: true, name };
    },
    async chooseImportFiles(pick) {
      const picked = await pickImport(pick);
      if (!picked || picked.length === 0) return { ok: false, reason: 'cancelled' };
      return readPicked(pickedFromInput(picked));
    },
    async saveBatchFile(suggestedName, text) {
      const name = suggestedName.toLowerCase().endsWith(BATCH_FILE_SUFFIX) ? suggestedName : `${suggestedName.replace(/\.json$/i, '')}${BATCH_FILE_SUFFIX}`;
      download(name, text, EXPORT_MIME.json);
      return { ok: true, name };
    },
    async openBatchResult(): Promise<OpenTableResult> {
      const file = await pickFile('.csv,.json,text/csv,application/json');
      if (!file) return { ok: false, reason: 'cancelled' };
      if (file.size > MAX_TABLE_BYTES) {
        return { ok: false, reason: 'error', message: `${file.name}: the file is ${(file.size / 2 ** 20).toFixed(0)} MiB; the largest batch result the app opens is ${MAX_TABLE_BYTES / 2 ** 20} MiB` };
      }
      try {
        return { ok: true, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
      } catch {
        return { ok: false, reason: 'error', message: `${file.name}: the file could not be read` };
      }
    },
    async closeWindow() {
      // a page cannot close the tab it did not open; the save already happened
    },
    onCommand() {
      return () => undefined; // no menu, no watcher, nothing opened from outside: no commands
    },
  };
}
