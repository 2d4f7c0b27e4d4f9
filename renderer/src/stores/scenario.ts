// The open scenario document: what is loaded, from where, and whether it has unsaved changes.
// The scenario itself is immutable data in a shallowRef (large scenarios stay out of deep reactivity).
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { FileHandle } from '../../../core/desktop/api';
import { DEFAULT_EXAMPLE, EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { serialiseScenario } from '../../../core/scenario/canonical';
import { parseScenarioText, type ScenarioError } from '../../../core/scenario/parse';
import type { Scenario } from '../../../core/scenario/schema';
import { desktop } from '../platform/desktop';

export const useScenarioStore = defineStore('scenario', () => {
  const scenario = shallowRef<Scenario>(exampleScenario(DEFAULT_EXAMPLE));
  const fileName = ref(DEFAULT_EXAMPLE.file);
  const exampleId = ref<string | null>(DEFAULT_EXAMPLE.id);
  const handle = shallowRef<FileHandle | null>(null);
  const dirty = ref(false);
  const readOnly = ref(false);
  const loadErrors = shallowRef<readonly ScenarioError[]>([]);
  const notices = ref<string[]>([]);
  const saveError = ref('');

  const summary = computed(() => {
    const s = scenario.value;
    const racks = s.sites.flatMap((site) => site.racks);
    return {
      hostModels: s.hostModels.length,
      sites: s.sites.length,
      racks: racks.length,
      hosts: racks.flatMap((r) => r.hosts).reduce((n, g) => n + g.count, 0),
      tenants: s.tenants.length,
      services: s.services.length,
      replicas: s.services.reduce((n, x) => n + x.replicas, 0),
    };
  });

  function loadExample(id: string): void {
    const example = EXAMPLES.find((e) => e.id === id);
    if (!example) return;
    scenario.value = exampleScenario(example);
    fileName.value = example.file;
    exampleId.value = example.id;
    handle.value = null;
    dirty.value = false;
    readOnly.value = false;
    loadErrors.value = [];
    notices.value = [];
  }

  /** Validates and shows `text`; on errors the current scenario stays and the errors are shown. */
  function loadText(text: string, name: string, from: FileHandle | null): boolean {
    const parsed = parseScenarioText(text);
    if (!parsed.ok) {
      loadErrors.value = parsed.errors;
      return false;
    }
    scenario.value = parsed.scenario;
    fileName.value = name;
    exampleId.value = null;
    handle.value = from;
    dirty.value = false;
    readOnly.value = parsed.readOnly;
    loadErrors.value = [];
    notices.value = [...parsed.notices];
    return true;
  }

  async function open(): Promise<void> {
    const opened = await desktop.openScenario();
    if (opened) loadText(opened.text, opened.name, opened.handle);
  }

  async function write(save: () => ReturnType<typeof desktop.saveScenario>): Promise<void> {
    saveError.value = '';
    const result = await save();
    if (result.ok) {
      handle.value = result.handle;
      fileName.value = result.name;
      exampleId.value = null;
      dirty.value = false;
    } else if (result.reason === 'error') {
      saveError.value = result.message ?? 'unknown error';
    }
  }

  async function save(): Promise<void> {
    if (readOnly.value) return;
    const current = handle.value;
    if (!current) return saveAs();
    await write(() => desktop.saveScenario(current, serialiseScenario(scenario.value)));
  }

  async function saveAs(): Promise<void> {
    if (readOnly.value) return;
    await write(() => desktop.saveScenarioAs(fileName.value, serialiseScenario(scenario.value)));
  }

  function dismissErrors(): void {
    loadErrors.value = [];
  }

  function dismissNotices(): void {
    notices.value = [];
  }

  return {
    scenario, fileName, exampleId, handle, dirty, readOnly, loadErrors, notices, saveError, summary,
    loadExample, loadText, open, save, saveAs, dismissErrors, dismissNotices,
  };
});
