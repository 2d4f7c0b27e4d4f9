// Where the current scenario came from and whether it has unsaved changes: open, save, save as, examples,
// and the errors or notices of the last load. Files are reached only through the desktop API.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { FileHandle, SaveResult } from '../../../core/desktop/api';
import { DEFAULT_EXAMPLE, EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { serialiseScenario } from '../../../core/scenario/canonical';
import { parseScenarioText, type ScenarioError } from '../../../core/scenario/parse';
import type { Scenario } from '../../../core/scenario/schema';
import { desktop } from '../platform/desktop';
import { useScenarioStore } from './scenario';

export const useFileStore = defineStore('file', () => {
  const doc = useScenarioStore();
  const fileName = ref(DEFAULT_EXAMPLE.file);
  const exampleId = ref<string | null>(DEFAULT_EXAMPLE.id);
  const handle = shallowRef<FileHandle | null>(null);
  const saved = shallowRef<Scenario>(doc.scenario);
  const readOnly = ref(false);
  const loadErrors = shallowRef<readonly ScenarioError[]>([]);
  const notices = ref<string[]>([]);
  const saveError = ref('');

  const dirty = computed(() => doc.scenario !== saved.value);

  function show(scenario: Scenario, name: string, from: FileHandle | null, example: string | null): void {
    doc.replace(scenario);
    saved.value = scenario;
    fileName.value = name;
    exampleId.value = example;
    handle.value = from;
    loadErrors.value = [];
  }

  function loadExample(id: string): void {
    const example = EXAMPLES.find((e) => e.id === id);
    if (!example) return;
    show(exampleScenario(example), example.file, null, example.id);
    readOnly.value = false;
    notices.value = [];
  }

  /** Validates and shows `text`; on errors the current scenario stays and the errors are shown. */
  function loadText(text: string, name: string, from: FileHandle | null): boolean {
    const parsed = parseScenarioText(text);
    if (!parsed.ok) {
      loadErrors.value = parsed.errors;
      return false;
    }
    show(parsed.scenario, name, from, null);
    readOnly.value = parsed.readOnly;
    notices.value = [...parsed.notices];
    return true;
  }

  async function open(): Promise<void> {
    const opened = await desktop.openScenario();
    if (opened) loadText(opened.text, opened.name, opened.handle);
  }

  async function write(save: (text: string) => Promise<SaveResult>): Promise<void> {
    saveError.value = '';
    const snapshot = doc.scenario;
    const result = await save(serialiseScenario(snapshot));
    if (result.ok) {
      handle.value = result.handle;
      fileName.value = result.name;
      exampleId.value = null;
      saved.value = snapshot;
    } else if (result.reason === 'error') {
      saveError.value = result.message ?? 'unknown error';
    }
  }

  async function save(): Promise<void> {
    if (readOnly.value) return;
    const current = handle.value;
    if (!current) return saveAs();
    await write((text) => desktop.saveScenario(current, text));
  }

  async function saveAs(): Promise<void> {
    if (readOnly.value) return;
    await write((text) => desktop.saveScenarioAs(fileName.value, text));
  }

  return {
    fileName, exampleId, handle, dirty, readOnly, loadErrors, notices, saveError,
    loadExample, loadText, open, save, saveAs,
    dismissErrors: () => { loadErrors.value = []; },
    dismissNotices: () => { notices.value = []; },
  };
});
