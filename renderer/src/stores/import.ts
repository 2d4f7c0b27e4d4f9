// Importing a planner's estate (RVTools, kubectl, Prometheus, public traces): the files picked or dropped, the
// source detected from them (the planner may override it), the options with their documented defaults, a run
// of the import pipeline in its worker with progress and cancel, the preview of what was found (the report),
// and finally a new, unsaved scenario that is planned at once. An option changed re-reads the files. Nothing on
// disk is ever written by an import; an error names the file and the place and leaves the app as it was.
import { defineStore } from 'pinia';
import { computed, reactive, ref, shallowRef, watch } from 'vue';
import type { ImportPick, ImportSourceFile } from '../../../core/desktop/api';
import { detectSource } from '../../../core/import/detect';
import type {
  GroupBy, ImportOptions, ImportProgress, ImportResult, ImportSource, PowerState, ResolvedImportOptions, SourceLocation,
} from '../../../core/import/types';
import { desktopApi } from '../platform/desktop';
import { ImportCancelledByUser, ImportClient, ImportFailed, type Importer } from '../workers/import-client';
import { useFileStore } from './file';
import { useScenarioStore } from './scenario';

export type ImportStatus = 'idle' | 'reading' | 'running' | 'done' | 'failed' | 'cancelled';
export type TenantFrom = 'namespace' | 'label' | 'annotation';

/** The options the dialog edits (a flat form: each source reads its own). */
export interface ImportForm {
  name: string;
  powerStates: PowerState[];
  groupBy: GroupBy;
  tenantFrom: TenantFrom;
  tenantKey: string;
  serviceLabel: string;
  metric: 'auto' | 'cpu' | 'memory';
  /** Prometheus: put the traces into the scenario being edited (else a scenario of its own). */
  into: boolean;
  intervalSeconds: number;
  alibabaMemoryGiBPer100: number;
}

/** Re-reading after an option changes waits this long for the next change. */
export const RERUN_DELAY_MS = 300;

function formFrom(d: ResolvedImportOptions): ImportForm {
  return {
    name: '', powerStates: [...d.powerStates], groupBy: d.groupBy, tenantFrom: 'namespace', tenantKey: '',
    serviceLabel: '', metric: d.metric, into: false, intervalSeconds: d.intervalSeconds, alibabaMemoryGiBPer100: d.alibabaMemoryGiBPer100,
  };
}

/**
 * The pipeline's documented defaults. core/import/index.ts carries every importer (SheetJS, yaml, …), so the
 * window loads it only when the dialog is first used; the import itself runs in the worker's own copy.
 */
let defaults: Promise<ResolvedImportOptions> | undefined;
const pipelineDefaults = () => (defaults ??= import('../../../core/import/index').then((m) => m.IMPORT_DEFAULTS));

export const useImportStore = defineStore('import', () => {
  const doc = useScenarioStore();
  let client: Importer | undefined;
  const importer = (): Importer => (client ??= new ImportClient());

  const open = ref(false);
  const files = shallowRef<readonly ImportSourceFile[]>([]);
  /** The source chosen in the dialog; null: the detected one. */
  const chosenSource = ref<ImportSource | null>(null);
  /** Filled with the pipeline's defaults before the first read (see pipelineDefaults). */
  const form = reactive<ImportForm>({
    name: '', powerStates: [], groupBy: 'none', tenantFrom: 'namespace', tenantKey: '', serviceLabel: '', metric: 'auto', into: false,
    intervalSeconds: 0, alibabaMemoryGiBPer100: 0,
  });
  let formReady = false;
  async function readyForm(): Promise<void> {
    if (formReady) return;
    const d = await pipelineDefaults();
    if (!formReady) Object.assign(form, formFrom(d));
    formReady = true;
  }
  const status = ref<ImportStatus>('idle');
  const progress = shallowRef<ImportProgress | null>(null);
  const result = shallowRef<ImportResult | null>(null);
  const error = shallowRef<{ message: string; at: SourceLocation | null } | null>(null);
  let latest = 0;

  const detection = computed(() => (files.value.length > 0 ? detectSource(files.value) : null));
  const source = computed<ImportSource | null>(() => chosenSource.value ?? detection.value?.source ?? null);
  const totalBytes = computed(() => files.value.reduce((n, f) => n + f.bytes.length, 0));

  /** The pipeline's options for `s`, from the form (only what the source reads). */
  function optionsFor(s: ImportSource): ImportOptions {
    const name = form.name.trim() || undefined;
    switch (s) {
      case 'rvtools': return { name, powerStates: [...form.powerStates], groupBy: form.groupBy }; // a plain array: the form's is a proxy, which cannot be sent to the worker
      case 'kubernetes': return { name, tenantFrom: form.tenantFrom === 'namespace' || !form.tenantKey.trim() ? 'namespace' : `${form.tenantFrom}:${form.tenantKey.trim()}` };
      case 'prometheus': return { name, serviceLabel: form.serviceLabel.trim() || undefined, metric: form.metric, into: form.into ? doc.scenario : undefined };
      case 'alibaba': return { name, intervalSeconds: form.intervalSeconds, alibabaMemoryGiBPer100: form.alibabaMemoryGiBPer100 };
      default: return { name };
    }
  }

  async function run(): Promise<void> {
    const s = source.value;
    const token = ++latest;
    result.value = null;
    progress.value = null;
    if (!s || files.value.length === 0) {
      status.value = files.value.length === 0 ? 'idle' : 'failed';
      error.value = files.value.length === 0 ? null : { message: detection.value?.reason ?? 'no files', at: null };
      return;
    }
    status.value = 'running';
    error.value = null;
    try {
      const out = await importer().run(s, files.value, optionsFor(s), (p) => { if (token === latest) progress.value = p; });
      if (token !== latest) return;
      result.value = out;
      status.value = 'done';
    } catch (e) {
      if (token !== latest) return;
      if (e instanceof ImportCancelledByUser) status.value = 'cancelled';
      else {
        status.value = 'failed';
        error.value = e instanceof ImportFailed ? { message: e.message, at: e.at } : { message: e instanceof Error ? e.message : String(e), at: null };
      }
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  function rerunSoon(): void {
    clearTimeout(timer);
    if (!formReady || !open.value || files.value.length === 0) return;
    timer = setTimeout(() => void run(), RERUN_DELAY_MS);
  }
  watch(form, rerunSoon, { deep: true });

  /** Reads the files as another source than the detected one (null: the detected one). */
  function chooseSource(s: ImportSource | null): void {
    chosenSource.value = s;
    clearTimeout(timer);
    if (open.value && files.value.length > 0) void run();
  }

  /** Opens the dialog with these files and reads them with the current options. */
  async function begin(picked: readonly ImportSourceFile[]): Promise<void> {
    open.value = true;
    await readyForm();
    files.value = picked;
    chosenSource.value = null;
    clearTimeout(timer);
    return run();
  }

  /** Opens the dialog showing why files handed to it could not be read (a drop over the limits, say). */
  function refuse(message: string): void {
    cancel();
    open.value = true;
    files.value = [];
    result.value = null;
    status.value = 'failed';
    error.value = { message, at: null };
  }

  /** The native (or browser) file chooser, then a first read. */
  async function choose(pick: ImportPick): Promise<void> {
    open.value = true;
    const before = status.value;
    status.value = 'reading';
    let picked;
    try {
      picked = await desktopApi().chooseImportFiles(pick);
    } catch (e) {
      picked = { ok: false as const, reason: 'error' as const, message: e instanceof Error ? e.message : String(e) };
    }
    if (picked.ok) await begin(picked.files);
    else if (picked.reason === 'error') refuse(picked.message);
    else status.value = before;
  }

  function cancel(): void {
    clearTimeout(timer);
    latest++;
    if (status.value === 'running') status.value = 'cancelled';
    client?.cancel();
  }

  /** Closes the dialog; a running import stops and its files are let go. */
  function close(): void {
    cancel();
    open.value = false;
    files.value = [];
    result.value = null;
    error.value = null;
    progress.value = null;
    status.value = 'idle';
  }

  /** The imported scenario becomes a new, unsaved document (after asking about unsaved edits) and is planned. */
  async function openResult(): Promise<boolean> {
    const r = result.value;
    if (!r) return false;
    const opened = await useFileStore().openImported(r.scenario, files.value.map((f) => f.name));
    if (opened) close();
    return opened;
  }

  return {
    open, files, form, status, progress, result, error, detection, source, chosenSource, totalBytes,
    show: () => { open.value = true; }, chooseSource, begin, refuse, choose, run, cancel, close, openResult,
    resetOptions: async () => { Object.assign(form, formFrom(await pipelineDefaults())); },
    /** For tests: import without a worker, or with a fake. */
    useImporter: (i: Importer) => { client = i; },
  };
});
