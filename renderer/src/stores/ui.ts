// Workbench state that is not part of the scenario: theme, open tabs, the host or item picked on the host
// map, and which overlay (shortcuts, report) is open. Theme and layout survive a restart.
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type EditorTab = 'hardware' | 'topology' | 'services' | 'deployment' | 'policy';
export type ResultsTab = 'overview' | 'capacity' | 'cost' | 'risk' | 'hostmap' | 'dynamic' | 'model' | 'variants' | 'sweep';

export const EDITOR_TABS: readonly EditorTab[] = ['hardware', 'topology', 'services', 'deployment', 'policy'];

const THEME_KEY = 'hostfit.theme';
const SPLIT_KEY = 'hostfit.split';

function prefersDark(): boolean {
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

export const useUiStore = defineStore('ui', () => {
  const saved = globalThis.localStorage?.getItem(THEME_KEY);
  const theme = ref<ThemeChoice>(saved === 'light' || saved === 'dark' ? saved : 'system');
  const systemDark = ref(prefersDark());
  globalThis.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', (e) => { systemDark.value = e.matches; });
  const resolvedTheme = computed<'light' | 'dark'>(() => (theme.value === 'system' ? (systemDark.value ? 'dark' : 'light') : theme.value));

  const editorTab = ref<EditorTab>('services');
  const resultsTab = ref<ResultsTab>('overview');
  /** Model whose host map is shown. */
  const mapModel = ref<string>('vm');
  /** Host (pool index) or item (index) picked on the host map. */
  const pickedHost = ref<number | null>(null);
  const pickedItem = ref<number | null>(null);
  const shortcutsOpen = ref(false);
  const reportOpen = ref(false);
  /** Width of the editor pane, as a share of the window. */
  const split = ref(Number(globalThis.localStorage?.getItem(SPLIT_KEY)) || 0.5);

  watch(theme, (t) => globalThis.localStorage?.setItem(THEME_KEY, t));
  watch(split, (v) => globalThis.localStorage?.setItem(SPLIT_KEY, String(v)));
  watch(resolvedTheme, (t) => { if (typeof document !== 'undefined') document.documentElement.dataset.theme = t; }, { immediate: true });

  function pickHost(h: number | null): void {
    pickedHost.value = h;
    pickedItem.value = null;
  }

  function pickItem(i: number | null): void {
    pickedItem.value = i;
  }

  return {
    theme, resolvedTheme, editorTab, resultsTab, mapModel, pickedHost, pickedItem, shortcutsOpen, reportOpen, split,
    pickHost, pickItem,
  };
});
