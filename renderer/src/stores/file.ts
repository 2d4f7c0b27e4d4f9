// Where the current scenario came from and whether it has unsaved changes, and every file command: open (dialog,
// recent list, drop, command line), save, save as, revert, reload after a teammate's change, the choice when a
// save finds the file changed on disk, crash-recovery backups and their restore, exports. Files are reached only
// through the desktop API; bytes are parsed in the parse worker so large files never freeze the window.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type {
  DiscardReason, DiskChange, ExportKind, ExportResult, FileHandle, OpenResult, RecentFile, RecoveryOffer, SaveResult, ShellCommand,
} from '../../../core/desktop/api';
import { DEFAULT_EXAMPLE, EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { parseScenarioText, type ParseOutcome, type ScenarioError } from '../../../core/scenario/parse';
import type { Scenario } from '../../../core/scenario/schema';
import { i18n } from '../i18n';
import { desktopApi } from '../platform/desktop';
import { parseScenarioOffThread, serialiseOffThread } from '../workers/parse-client';
import { useImportStore } from './import';
import { useScenarioStore } from './scenario';

/** Unsaved edits are backed up this long after the last change. */
export const BACKUP_DELAY_MS = 1000;

export type ConflictChoice = 'reload' | 'overwrite' | 'save-as' | 'cancel';
export type Busy = { readonly kind: 'opening' | 'saving'; readonly name: string } | null;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A file name for an imported scenario: its name without characters a file name cannot hold. */
export function importedFileName(name: string): string {
  const stem = name.replace(/\s*[/\\\0-\x1f:*?"<>|]+\s*/g, ' - ').replace(/^[.\s-]+|[.\s-]+$/g, '').slice(0, 200) || 'imported';
  return `${stem}.hostfit.json`;
}

export const useFileStore = defineStore('file', () => {
  const doc = useScenarioStore();
  const fileName = ref(DEFAULT_EXAMPLE.file);
  const exampleId = ref<string | null>(DEFAULT_EXAMPLE.id);
  const handle = shallowRef<FileHandle | null>(null);
  /** The document (variants included) as last loaded or saved; null when no saved version matches (a restored backup). */
  const saved = shallowRef<Scenario | null>(doc.document);
  const readOnly = ref(false);
  const loadErrors = shallowRef<readonly ScenarioError[]>([]);
  const notices = ref<string[]>([]);
  const saveError = ref('');
  const exportError = ref('');
  const busy = shallowRef<Busy>(null);
  const recentFiles = shallowRef<readonly RecentFile[]>([]);
  const recoveryOffers = shallowRef<readonly RecoveryOffer[]>([]);
  /** The open file changed on disk (reported by the host's watcher) since it was loaded or saved. */
  const diskChange = ref<DiskChange | null>(null);
  /** A save was refused because the file changed on disk; waiting for resolveConflict(). */
  const conflict = ref<DiskChange | null>(null);

  const dirty = computed(() => doc.document !== saved.value);
  /** Offer "reload" only when nothing local would be lost; with local edits the conflict shows at save. */
  const reloadOffered = computed(() => diskChange.value === 'modified' && !dirty.value && handle.value !== null);
  const canRevert = computed(() => handle.value !== null && (dirty.value || diskChange.value !== null));
  const recoveryOffer = computed(() => recoveryOffers.value[0] ?? null);

  let loadToken = 0; // a newer load supersedes a slower older one

  // One save and one open at a time: a second request while one runs (a double click, a key handled twice)
  // joins the running one instead of opening a second dialog or writing twice.
  const running = new Map<'save' | 'open', Promise<boolean>>();
  function single(kind: 'save' | 'open', action: () => Promise<boolean>): Promise<boolean> {
    const current = running.get(kind);
    if (current) return current;
    const next = action().finally(() => running.delete(kind));
    running.set(kind, next);
    return next;
  }

  function show(scenario: Scenario, name: string, from: FileHandle | null, example: string | null): void {
    doc.replace(scenario);
    saved.value = scenario;
    fileName.value = name;
    exampleId.value = example;
    handle.value = from;
    loadErrors.value = [];
    saveError.value = '';
    diskChange.value = null;
    conflict.value = null;
  }

  interface LoadOptions {
    /** Said after the format's own notices (migrated, read-only). */
    readonly notices?: readonly string[];
    /** The content is unsaved work (a restored backup): no saved version matches it. */
    readonly unsaved?: boolean;
  }

  function apply(outcome: ParseOutcome, name: string, from: FileHandle | null, options: LoadOptions = {}): boolean {
    if (!outcome.ok) {
      loadErrors.value = outcome.errors;
      return false;
    }
    show(outcome.scenario, name, from, null);
    if (options.unsaved) saved.value = null;
    readOnly.value = outcome.readOnly;
    notices.value = [...outcome.notices, ...(options.notices ?? [])];
    return true;
  }

  /** Validates and shows `text` on this thread (small texts); on errors the current scenario stays. */
  function loadText(text: string, name: string, from: FileHandle | null): boolean {
    loadToken++;
    return apply(parseScenarioText(text), name, from);
  }

  /** Decodes, validates and shows file bytes, in the parse worker; on errors the current scenario stays. */
  async function loadBytes(bytes: Uint8Array, name: string, from: FileHandle | null, options: LoadOptions = {}): Promise<boolean> {
    const token = ++loadToken;
    busy.value = { kind: 'opening', name };
    try {
      const outcome = await parseScenarioOffThread(bytes);
      if (token !== loadToken) return false;
      return apply(outcome, name, from, options);
    } finally {
      if (token === loadToken) busy.value = null;
    }
  }

  function readFailed(message: string): void {
    loadErrors.value = [{ where: 'file', message }];
  }

  async function loadResult(result: OpenResult, options: LoadOptions = {}): Promise<boolean> {
    if (result.ok) return loadBytes(result.bytes, result.name, result.handle, options);
    if (result.reason === 'error') readFailed(result.message);
    return false;
  }

  /** Before unsaved edits would be replaced: asks, and saves first if the user says so. False = stop. */
  async function confirmReplace(reason: DiscardReason): Promise<boolean> {
    if (!dirty.value) return true;
    const choice = await desktopApi().confirmDiscard(fileName.value, reason);
    if (choice === 'cancel') return false;
    if (choice === 'save') return (await save()) && !dirty.value;
    return true;
  }

  async function guarded<T>(action: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await action();
    } catch (e) {
      // The host refused or failed (never expected from our own calls): show it rather than lose it.
      saveError.value = errorText(e);
      return fallback;
    }
  }

  async function loadExample(id: string): Promise<void> {
    const example = EXAMPLES.find((e) => e.id === id);
    if (!example || !(await confirmReplace('example'))) return;
    loadToken++;
    show(exampleScenario(example), example.file, null, example.id);
    readOnly.value = false;
    notices.value = [];
  }

  function open(): Promise<boolean> {
    return single('open', () => guarded(async () => (await confirmReplace('open')) && loadResult(await desktopApi().openScenario()), false));
  }

  /** A recent file, or one named from outside (command line, file association, dock). */
  function openRecent(file: RecentFile): Promise<boolean> {
    return single('open', () => guarded(async () => (await confirmReplace('open')) && loadResult(await desktopApi().readScenario(file.handle)), false));
  }

  /**
   * A file dropped onto the window. The page reads its bytes itself and never learns where it lives, so it opens
   * as a copy: Save asks where to write it.
   */
  async function openDropped(file: File): Promise<boolean> {
    if (!(await confirmReplace('open'))) return false;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      readFailed(`${file.name}: the dropped file could not be read`);
      return false;
    }
    return loadBytes(bytes, file.name, null, { notices: [`Opened a copy of the dropped file “${file.name}”; Save asks where to write it.`] });
  }

  /**
   * A scenario imported from an estate's exports: a new, unsaved document (Save asks where to write it), planned
   * at once like any scenario loaded. Nothing was written anywhere by the import.
   */
  async function openImported(scenario: Scenario, from: readonly string[]): Promise<boolean> {
    if (!(await confirmReplace('import'))) return false;
    loadToken++;
    show(scenario, importedFileName(scenario.name), null, null);
    saved.value = null;
    readOnly.value = false;
    const source = from.length === 1 ? `“${from[0]}”` : `${from.length} files`;
    notices.value = [i18n.global.t('estate.opened', { name: scenario.name, source })];
    return true;
  }

  async function write(save: (text: string) => Promise<SaveResult>): Promise<boolean> {
    saveError.value = '';
    const snapshot = doc.document;
    busy.value = { kind: 'saving', name: fileName.value };
    let result: SaveResult;
    try {
      result = await save(await serialiseOffThread(snapshot));
    } catch (e) {
      result = { ok: false, reason: 'error', message: errorText(e) };
    } finally {
      busy.value = null;
    }
    if (result.ok) {
      handle.value = result.handle;
      fileName.value = result.name;
      exampleId.value = null;
      saved.value = snapshot;
      diskChange.value = null;
      conflict.value = null;
      return true;
    }
    if (result.reason === 'conflict') conflict.value = result.change;
    else if (result.reason === 'error') saveError.value = result.message;
    return false;
  }

  /** Saves to the open file; a file changed on disk since it was loaded is not overwritten (see `conflict`). */
  function save(): Promise<boolean> {
    if (readOnly.value) return Promise.resolve(false); // a newer format is never written back in this version's format
    const current = handle.value;
    if (!current) return saveAs();
    return single('save', () => write((text) => desktopApi().saveScenario(current, text, 'checked')));
  }

  function saveAs(): Promise<boolean> {
    if (readOnly.value) return Promise.resolve(false);
    return single('save', () => write((text) => desktopApi().saveScenarioAs(fileName.value, text)));
  }

  /** The user's answer when a save found the file changed on disk. */
  async function resolveConflict(choice: ConflictChoice): Promise<boolean> {
    const current = handle.value;
    conflict.value = null;
    if (choice === 'overwrite' && current) return single('save', () => write((text) => desktopApi().saveScenario(current, text, 'overwrite')));
    if (choice === 'save-as') return saveAs();
    if (choice === 'reload') return reload();
    return false;
  }

  /** Loads the file from disk again, dropping local edits (after the reload offer or the conflict choice). */
  async function reload(): Promise<boolean> {
    const current = handle.value;
    if (!current) return false;
    return guarded(() => desktopApi().readScenario(current).then((r) => loadResult(r)), false);
  }

  async function revert(): Promise<boolean> {
    if (!handle.value || !(await confirmReplace('revert'))) return false;
    return reload();
  }

  function dismissReload(): void {
    diskChange.value = null;
  }

  async function refreshRecent(): Promise<void> {
    recentFiles.value = await guarded(() => desktopApi().recentFiles(), recentFiles.value);
  }

  async function restoreRecovery(): Promise<boolean> {
    const offer = recoveryOffer.value;
    if (!offer || !(await confirmReplace('restore'))) return false;
    recoveryOffers.value = recoveryOffers.value.slice(1);
    const result = await guarded(() => desktopApi().restoreBackup(offer.id), { ok: false, reason: 'cancelled' } as const);
    return loadResult(result, {
      unsaved: true,
      notices: [`Restored unsaved changes to “${offer.name}” from ${offer.savedAt}; save them to keep them.`],
    });
  }

  async function discardRecovery(): Promise<void> {
    const offer = recoveryOffer.value;
    if (!offer) return;
    recoveryOffers.value = recoveryOffers.value.slice(1);
    await guarded(() => desktopApi().discardRecovery(offer.id), undefined);
  }

  async function exportFile(suggestedName: string, kind: ExportKind, data: string | Uint8Array): Promise<ExportResult> {
    exportError.value = '';
    let result: ExportResult;
    try {
      result = await desktopApi().exportFile(suggestedName, kind, data);
    } catch (e) {
      result = { ok: false, reason: 'error', message: errorText(e) };
    }
    if (!result.ok && result.reason === 'error') exportError.value = result.message;
    return result;
  }

  async function onCommand(command: ShellCommand): Promise<void> {
    switch (command.type) {
      case 'open': await open(); break;
      case 'import': useImportStore().show(); break;
      case 'save': await save(); break;
      case 'save-as': await saveAs(); break;
      case 'revert': await revert(); break;
      case 'open-file': await openRecent(command.file); break;
      case 'recent-changed': await refreshRecent(); break;
      case 'file-changed':
        if (command.handle.id === handle.value?.id) diskChange.value = command.change;
        break;
      case 'save-and-close':
        if (await save()) {
          await desktopApi().setDocumentState(documentState());
          await desktopApi().closeWindow();
        }
        break;
    }
  }

  function documentState() {
    return { handle: handle.value, name: fileName.value, dirty: dirty.value, readOnly: readOnly.value };
  }

  let started = false;
  /**
   * Connects the store to the host, once: commands (menu, files opened from outside, changes on disk), the
   * document state (title, close prompt, watcher), crash-recovery backups, and the start-up file and offers.
   */
  async function start(): Promise<void> {
    if (started) return;
    started = true;
    const api = desktopApi();
    api.onCommand((command) => void onCommand(command));

    watch(documentState, (state) => void api.setDocumentState(state).catch(() => undefined), { immediate: true });

    let timer: ReturnType<typeof setTimeout> | undefined;
    watch([() => doc.document, dirty], () => {
      clearTimeout(timer);
      if (!dirty.value || readOnly.value) {
        void api.discardBackup().catch(() => undefined);
        return;
      }
      timer = setTimeout(async () => {
        const scenario = doc.document;
        if (!dirty.value || readOnly.value) return;
        const text = await serialiseOffThread(scenario);
        // Saved, reverted or edited again meanwhile: this text is stale (a newer backup or a discard follows).
        if (doc.document !== scenario || !dirty.value) return;
        void api.backupUnsaved({ handle: handle.value, name: fileName.value, text }).catch(() => undefined);
      }, BACKUP_DELAY_MS);
    });

    const startup = await guarded(() => api.startup(), { launchFile: null, recovery: [] });
    recoveryOffers.value = startup.recovery;
    if (startup.launchFile) await openRecent(startup.launchFile);
    await refreshRecent();
  }

  return {
    fileName, exampleId, handle, dirty, readOnly, loadErrors, notices, saveError, exportError, busy,
    recentFiles, recoveryOffer, recoveryOffers, diskChange, reloadOffered, conflict, canRevert,
    start, loadExample, loadText, loadBytes, open, openRecent, openDropped, openImported, save, saveAs, revert, reload, dismissReload,
    resolveConflict, restoreRecovery, discardRecovery, refreshRecent, exportFile,
    dismissErrors: () => { loadErrors.value = []; },
    dismissNotices: () => { notices.value = []; },
    dismissExportError: () => { exportError.value = ''; },
  };
});
