// The file store's commands against a scripted desktop API: conflicts, reload offers, backups, restore, read-only
// files, the unsaved-changes prompt, save-and-close, and malformed files (which must change and write nothing).
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import type { DesktopApi, DiscardChoice, FileHandle, ImportFilesResult, OpenResult, SaveResult, ShellCommand, StartupState } from '../../core/desktop/api';
import { EXAMPLES, exampleText } from '../../core/examples/index';
import { provideDesktopApi } from '../../renderer/src/platform/desktop';
import { BACKUP_DELAY_MS, importedFileName, useFileStore } from '../../renderer/src/stores/file';
import { RERUN_DELAY_MS, useImportStore } from '../../renderer/src/stores/import';
import { usePlanStore } from '../../renderer/src/stores/plan';
import { useScenarioStore } from '../../renderer/src/stores/scenario';
import { kubernetesList } from '../../core/import/testing/kubernetes';
import { malformedFiles } from '../unit/electron/support/malformed';

const encode = (s: string) => new TextEncoder().encode(s);
const fleet = EXAMPLES.find((e) => e.id === 'fleet')!;
const multi = EXAMPLES.find((e) => e.id === 'multi-tenant')!;
const H: FileHandle = { id: 'a'.repeat(32) };

/** A desktop API whose answers the test scripts, recording every call. */
function scriptedApi() {
  const calls: { fn: string; args: unknown[] }[] = [];
  let commandListener: ((c: ShellCommand) => void) | null = null;
  const script = {
    startup: { launchFile: null, recovery: [] } as StartupState,
    open: { ok: true, handle: H, name: 'fleet.hostfit.json', bytes: encode(exampleText(fleet)) } as OpenResult,
    read: { ok: true, handle: H, name: 'fleet.hostfit.json', bytes: encode(exampleText(multi)) } as OpenResult,
    save: [] as SaveResult[],
    confirm: 'discard' as DiscardChoice,
    importFiles: { ok: false, reason: 'cancelled' } as ImportFilesResult,
  };
  const record = (fn: string, args: unknown[]) => void calls.push({ fn, args });
  const api: DesktopApi = {
    kind: 'electron',
    startup: async () => { record('startup', []); return script.startup; },
    openScenario: async () => { record('openScenario', []); return script.open; },
    readScenario: async (h) => { record('readScenario', [h]); return script.read; },
    saveScenario: async (h, text, mode) => { record('saveScenario', [h, text, mode]); return script.save.shift() ?? { ok: true, handle: h, name: 'fleet.hostfit.json' }; },
    saveScenarioAs: async (name, text) => { record('saveScenarioAs', [name, text]); return script.save.shift() ?? { ok: true, handle: H, name }; },
    recentFiles: async () => { record('recentFiles', []); return [{ handle: H, name: 'fleet.hostfit.json' }]; },
    confirmDiscard: async (name, reason) => { record('confirmDiscard', [name, reason]); return script.confirm; },
    setDocumentState: async (s) => record('setDocumentState', [s]),
    backupUnsaved: async (b) => record('backupUnsaved', [b]),
    discardBackup: async () => record('discardBackup', []),
    restoreBackup: async (id) => { record('restoreBackup', [id]); return { ok: true, handle: H, name: 'fleet.hostfit.json', bytes: encode(exampleText(multi)) }; },
    discardRecovery: async (id) => record('discardRecovery', [id]),
    exportFile: async (name, kind) => { record('exportFile', [name, kind]); return { ok: false, reason: 'error', message: 'disk full' }; },
    chooseImportFiles: async (pick) => { record('chooseImportFiles', [pick]); return script.importFiles; },
    saveBatchFile: async (name) => { record('saveBatchFile', [name]); return { ok: false, reason: 'cancelled' }; },
    openBatchResult: async () => { record('openBatchResult', []); return { ok: false, reason: 'cancelled' }; },
    closeWindow: async () => record('closeWindow', []),
    onCommand: (l) => { commandListener = l; return () => { commandListener = null; }; },
  };
  const called = (fn: string) => calls.filter((c) => c.fn === fn);
  const command = async (c: ShellCommand) => { commandListener?.(c); await flush(); };
  return { api, calls, called, script, command };
}

async function flush() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  await nextTick();
}

async function started() {
  const desk = scriptedApi();
  provideDesktopApi(desk.api);
  const file = useFileStore();
  const doc = useScenarioStore();
  await file.start();
  return { ...desk, file, doc };
}

describe('file store flows', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.useRealTimers());

  it('opens through the host and parses off the UI thread\'s call path, reporting the document state', async () => {
    const { file, doc, called } = await started();
    expect(await file.open()).toBe(true);
    expect(doc.scenario.name).toBe('Enterprise fleet');
    expect(file.handle).toEqual(H);
    expect(file.dirty).toBe(false);
    await flush();
    expect(called('setDocumentState').at(-1)!.args[0]).toEqual({ handle: H, name: 'fleet.hostfit.json', dirty: false, readOnly: false });
  });

  it('asks before a save would overwrite a teammate\'s change, then does what the user chose', async () => {
    const { file, doc, called, script } = await started();
    await file.open();
    doc.replace({ ...doc.scenario, name: 'Mine' });
    script.save.push({ ok: false, reason: 'conflict', change: 'modified' });
    expect(await file.save()).toBe(false);
    expect(file.conflict).toBe('modified');
    expect(called('saveScenario')[0].args[2]).toBe('checked');
    expect(file.dirty).toBe(true);
    expect(await file.resolveConflict('overwrite')).toBe(true);
    expect(called('saveScenario')[1].args[2]).toBe('overwrite');
    expect(file.conflict).toBeNull();
    expect(file.dirty).toBe(false);
  });

  it('reloads their version when the user chooses so', async () => {
    const { file, doc, script } = await started();
    await file.open();
    doc.replace({ ...doc.scenario, name: 'Mine' });
    script.save.push({ ok: false, reason: 'conflict', change: 'modified' });
    await file.save();
    expect(await file.resolveConflict('reload')).toBe(true);
    expect(doc.scenario.name).toBe('Multi-tenant platform');
    expect(file.dirty).toBe(false);
  });

  it('offers a reload when the open file changes on disk and there are no local edits', async () => {
    const { file, doc, command } = await started();
    await file.open();
    await command({ type: 'file-changed', handle: { id: 'b'.repeat(32) }, change: 'modified' });
    expect(file.reloadOffered).toBe(false); // another file
    await command({ type: 'file-changed', handle: H, change: 'modified' });
    expect(file.reloadOffered).toBe(true);
    doc.replace({ ...doc.scenario, name: 'Mine' });
    expect(file.reloadOffered).toBe(false); // local edits: the conflict shows at save instead
    expect(file.diskChange).toBe('modified');
  });

  it('backs up unsaved edits a moment after each change, and drops the backup once saved', async () => {
    vi.useFakeTimers();
    const { file, doc, called } = await started();
    await file.open();
    doc.replace({ ...doc.scenario, name: 'Edit 1' });
    await flush();
    vi.advanceTimersByTime(BACKUP_DELAY_MS / 2);
    doc.replace({ ...doc.scenario, name: 'Edit 2' });
    await flush();
    vi.advanceTimersByTime(BACKUP_DELAY_MS - 1);
    expect(called('backupUnsaved')).toHaveLength(0);
    vi.advanceTimersByTime(1);
    await flush();
    expect(called('backupUnsaved')).toHaveLength(1);
    const backup = called('backupUnsaved')[0].args[0] as { handle: FileHandle; name: string; text: string };
    expect([backup.handle, backup.name, JSON.parse(backup.text).name]).toEqual([H, 'fleet.hostfit.json', 'Edit 2']);
    const discardsBefore = called('discardBackup').length;
    await file.save();
    await flush();
    expect(called('discardBackup').length).toBeGreaterThan(discardsBefore);
    vi.advanceTimersByTime(BACKUP_DELAY_MS * 3);
    expect(called('backupUnsaved')).toHaveLength(1);
  });

  it('restores a crashed session\'s work as unsaved edits on the same file', async () => {
    const desk = scriptedApi();
    desk.script.startup = { launchFile: null, recovery: [{ id: 'c'.repeat(32), name: 'fleet.hostfit.json', savedAt: '2026-01-01T10:00:00.000Z' }] };
    provideDesktopApi(desk.api);
    const file = useFileStore();
    await file.start();
    expect(file.recoveryOffer?.name).toBe('fleet.hostfit.json');
    expect(await file.restoreRecovery()).toBe(true);
    expect(useScenarioStore().scenario.name).toBe('Multi-tenant platform');
    expect(file.dirty).toBe(true);
    expect(file.handle).toEqual(H);
    expect(file.notices.join(' ')).toMatch(/Restored unsaved changes/);
    expect(file.recoveryOffer).toBeNull();
  });

  it('never writes a file from a newer version, nor backs it up', async () => {
    vi.useFakeTimers();
    const { file, doc, called, script } = await started();
    script.open = { ok: true, handle: H, name: 'new.hostfit.json', bytes: encode(JSON.stringify({ ...JSON.parse(exampleText(fleet)), version: 99, future: { x: 1 } })) };
    await file.open();
    expect(file.readOnly).toBe(true);
    doc.replace({ ...doc.scenario, name: 'Edited anyway' });
    await flush();
    vi.advanceTimersByTime(BACKUP_DELAY_MS * 2);
    expect(await file.save()).toBe(false);
    expect(await file.saveAs()).toBe(false);
    expect(called('saveScenario')).toHaveLength(0);
    expect(called('saveScenarioAs')).toHaveLength(0);
    expect(called('backupUnsaved')).toHaveLength(0);
  });

  it('keeps fields it does not know when saving', async () => {
    const { file, called, script } = await started();
    script.open = { ok: true, handle: H, name: 'x.hostfit.json', bytes: encode(JSON.stringify({ ...JSON.parse(exampleText(fleet)), addedLater: { a: [1, 2] } })) };
    await file.open();
    await file.save();
    expect(JSON.parse(called('saveScenario')[0].args[1] as string).addedLater).toEqual({ a: [1, 2] });
  });

  it('asks before replacing unsaved edits, and respects cancel and save', async () => {
    const { file, doc, called, script } = await started();
    await file.open();
    doc.replace({ ...doc.scenario, name: 'Mine' });
    script.confirm = 'cancel';
    expect(await file.open()).toBe(false);
    expect(called('openScenario')).toHaveLength(1);
    expect(called('confirmDiscard')[0].args).toEqual(['fleet.hostfit.json', 'open']);
    script.confirm = 'save';
    expect(await file.open()).toBe(true);
    expect(called('saveScenario')).toHaveLength(1);
    await file.loadExample('web-tier');
    expect(called('confirmDiscard')).toHaveLength(2); // the example replaced a clean document: no question
  });

  it('saves then closes on "save and close", and stays open if the save did not happen', async () => {
    const { file, doc, called, script, command } = await started();
    await file.open();
    doc.replace({ ...doc.scenario, name: 'Mine' });
    script.save.push({ ok: false, reason: 'conflict', change: 'modified' });
    await command({ type: 'save-and-close' });
    expect(called('closeWindow')).toHaveLength(0);
    expect(file.conflict).toBe('modified');
    await command({ type: 'save-and-close' });
    expect(called('closeWindow')).toHaveLength(1);
    expect((called('setDocumentState').at(-1)!.args[0] as { dirty: boolean }).dirty).toBe(false);
  });

  it('opens the launch file at start, follows menu commands and refreshes recent files', async () => {
    const desk = scriptedApi();
    desk.script.startup = { launchFile: { handle: H, name: 'fleet.hostfit.json' }, recovery: [] };
    provideDesktopApi(desk.api);
    const file = useFileStore();
    await file.start();
    expect(useScenarioStore().scenario.name).toBe('Multi-tenant platform');
    expect(file.recentFiles).toEqual([{ handle: H, name: 'fleet.hostfit.json' }]);
    await desk.command({ type: 'recent-changed' });
    expect(desk.called('recentFiles')).toHaveLength(2);
    await desk.command({ type: 'save-as' });
    expect(desk.called('saveScenarioAs')).toHaveLength(1);
  });

  it('shows export errors', async () => {
    const { file } = await started();
    const r = await file.exportFile('results', 'csv', 'a,b\n');
    expect(r.ok).toBe(false);
    expect(file.exportError).toBe('disk full');
  });

  it('a malformed file changes nothing and writes nothing', async () => {
    vi.useFakeTimers();
    const { file, doc, calls, script } = await started();
    const before = doc.scenario;
    for (const c of malformedFiles(25, 99)) {
      script.open = { ok: true, handle: H, name: 'bad.hostfit.json', bytes: c.bytes };
      expect(await file.open(), c.kind).toBe(false);
      expect(file.loadErrors.length, c.kind).toBeGreaterThan(0);
      expect(doc.scenario).toBe(before);
      expect(file.dirty).toBe(false);
    }
    vi.advanceTimersByTime(BACKUP_DELAY_MS * 3);
    expect(calls.filter((c) => /save|backup|export/i.test(c.fn) && c.fn !== 'discardBackup')).toEqual([]);
  });
});

describe('one command at a time', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('a second save while one runs joins it (no second write, no second dialog)', async () => {
    const { file, doc, called } = await started();
    await file.open();
    doc.replace({ ...doc.scenario, name: 'Mine' });
    const [a, b] = [file.save(), file.save()];
    expect(await a).toBe(true);
    expect(await b).toBe(true);
    expect(called('saveScenario')).toHaveLength(1);
    const [c, d] = [file.open(), file.open()];
    await Promise.all([c, d]);
    expect(called('openScenario')).toHaveLength(2); // the first open above, and one more
  });
});

describe('importing an estate', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('File → Import…: the chosen files are read by the host, previewed, and open as a new unsaved scenario after the unsaved-changes prompt', async () => {
    const { file, doc, command, script, called } = await started();
    const estate = useImportStore();
    const plan = usePlanStore();
    let planned = 0;
    plan.usePlanner({ run: async () => { planned++; throw new Error('not planned in this test'); }, simulate: () => Promise.reject(new Error('no')), cancel: () => undefined });
    script.importFiles = { ok: true, files: [{ name: 'cluster.json', bytes: encode(JSON.stringify(kubernetesList({ nodes: 4, namespaces: 2 }))) }] };
    doc.replace({ ...doc.scenario, name: 'Edited' });
    doc.edit((s) => ({ ...s, name: 'Edited twice' }), { key: 'edit.field' });
    expect(file.dirty).toBe(true);

    await command({ type: 'import' });
    expect(estate.open).toBe(true);
    await estate.choose('files');
    expect(called('chooseImportFiles')).toEqual([{ fn: 'chooseImportFiles', args: ['files'] }]);
    expect(estate.source).toBe('kubernetes');
    expect(estate.status).toBe('done');
    const report = estate.result!.report;
    expect(report.counts.services).toBeGreaterThan(0);
    expect(report.counts.hostModels).toBeGreaterThan(0);

    // The tenant option re-reads the files (after a pause for more changes).
    vi.useFakeTimers();
    estate.form.tenantFrom = 'label';
    estate.form.tenantKey = 'team';
    await nextTick();
    vi.advanceTimersByTime(RERUN_DELAY_MS);
    vi.useRealTimers();
    await vi.waitUntil(() => estate.status === 'done' && estate.result!.report.options.tenantFrom === 'label:team', { timeout: 5000 });

    const runsBefore = planned;
    script.confirm = 'cancel';
    expect(await estate.openResult()).toBe(false); // the planner kept their unsaved edits
    expect(called('confirmDiscard').at(-1)!.args).toEqual([file.fileName, 'import']);
    expect(doc.scenario.name).toBe('Edited twice');
    script.confirm = 'discard';
    expect(await estate.openResult()).toBe(true);
    await flush();
    expect(estate.open).toBe(false);
    expect(doc.scenario.services.length).toBe(report.counts.services);
    expect(file.handle).toBeNull();
    expect(file.dirty).toBe(true); // a new document: Save asks where
    expect(file.fileName).toMatch(/\.hostfit\.json$/);
    expect(file.notices.join(' ')).toMatch(/Imported .* from “cluster\.json”/);
    expect(planned).toBeGreaterThan(runsBefore); // planned at once
    expect(called('saveScenario').length + called('saveScenarioAs').length).toBe(0); // nothing written
  });

  it('names the file and the place of bad input, and the app stays as it was', async () => {
    const { doc } = await started();
    const estate = useImportStore();
    const before = doc.scenario;
    await estate.begin([{ name: 'cluster.json', bytes: encode('{"apiVersion": "v1", "kind": "List", "items": [{"kind": "Pod", "metadata": {"name": "a"}, "spec": {"containers": [{"name": "c", "resources": {"requests": {"cpu": "1.5.3"}}}]}}]}') }]);
    expect(estate.status).toBe('failed');
    expect(estate.error!.at?.file).toBe('cluster.json');
    expect(estate.error!.message).toMatch(/cluster\.json: \$\.items\[0\]/);
    expect(doc.scenario).toBe(before);
    await estate.begin([{ name: 'notes.txt', bytes: encode('hello') }]);
    expect(estate.status).toBe('failed');
    expect(estate.error!.message).toMatch(/not a format Hostfit imports/);
    estate.close();
    expect(estate.open).toBe(false);
  });

  it('names the new file after the scenario, without characters a file name cannot hold', () => {
    expect(importedFileName('RVTools: export.xlsx')).toBe('RVTools - export.xlsx.hostfit.json');
    expect(importedFileName('a/b\\c\u0007')).toBe('a - b - c.hostfit.json');
    expect(importedFileName('..')).toBe('imported.hostfit.json');
  });

  it('cancels a running import and says so', async () => {
    await started();
    const estate = useImportStore();
    let cancelled = 0;
    estate.useImporter({ run: () => new Promise(() => undefined), cancel: () => { cancelled++; }, dispose: () => undefined });
    void estate.begin([{ name: 'cluster.json', bytes: encode('{"kind": "List", "items": []}') }]);
    await flush();
    expect(estate.status).toBe('running');
    estate.cancel();
    expect(estate.status).toBe('cancelled');
    expect(cancelled).toBeGreaterThan(0);
  });
});
