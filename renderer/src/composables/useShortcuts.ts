// Keyboard shortcuts of the workbench. Inside a text field the field keeps its own keys (its own undo,
// Enter, arrows); the shortcuts that make sense everywhere (run, save, open) still work there.
import { onBeforeUnmount, onMounted } from 'vue';
import { usePlanStore } from '../stores/plan';
import { useFileStore } from '../stores/file';
import { useImportStore } from '../stores/import';
import { useScenarioStore } from '../stores/scenario';
import { EDITOR_TABS, useUiStore } from '../stores/ui';

export interface Shortcut {
  /** i18n key of what it does. */
  readonly action: string;
  readonly keys: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'shortcuts.undo', keys: 'Ctrl+Z' },
  { action: 'shortcuts.redo', keys: 'Ctrl+Shift+Z · Ctrl+Y' },
  { action: 'shortcuts.run', keys: 'Ctrl+Enter' },
  { action: 'shortcuts.cancel', keys: 'Esc' },
  { action: 'shortcuts.open', keys: 'Ctrl+O' },
  { action: 'shortcuts.import', keys: 'Ctrl+I' },
  { action: 'shortcuts.save', keys: 'Ctrl+S' },
  { action: 'shortcuts.saveAs', keys: 'Ctrl+Shift+S' },
  { action: 'shortcuts.tabs', keys: 'Alt+1 … Alt+5' },
  { action: 'shortcuts.find', keys: 'Ctrl+F' },
  { action: 'shortcuts.edit', keys: 'Enter · F2 · type' },
  { action: 'shortcuts.move', keys: '↑ ↓ ← → · Tab · PgUp/PgDn' },
  { action: 'shortcuts.select', keys: 'Space · Shift+click · Ctrl+A' },
  { action: 'shortcuts.duplicate', keys: 'Ctrl+D' },
  { action: 'shortcuts.delete', keys: 'Delete' },
  { action: 'shortcuts.paste', keys: 'Ctrl+V' },
  { action: 'shortcuts.reorder', keys: 'Alt+↑ · Alt+↓' },
  { action: 'shortcuts.help', keys: '?' },
];

function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  const tag = el.tagName.toLowerCase();
  return tag === 'textarea' || tag === 'select' || (tag === 'input' && !['checkbox', 'radio', 'button'].includes((el as HTMLInputElement).type)) || el.isContentEditable;
}

export function useShortcuts(options: { focusFind: () => void }): void {
  const doc = useScenarioStore();
  const plan = usePlanStore();
  const file = useFileStore();
  const ui = useUiStore();

  function onKey(e: KeyboardEvent): void {
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    const text = inTextField(e.target);
    if (mod && key === 'enter') { e.preventDefault(); void plan.run(); return; }
    if (mod && key === 's') { e.preventDefault(); void (e.shiftKey ? file.saveAs() : file.save()); return; }
    if (mod && key === 'o') { e.preventDefault(); void file.open(); return; }
    if (mod && key === 'i' && !e.shiftKey) { e.preventDefault(); useImportStore().show(); return; }
    if (mod && key === 'f') { e.preventDefault(); options.focusFind(); return; }
    if (e.altKey && !mod && /^[1-5]$/.test(e.key)) { e.preventDefault(); ui.editorTab = EDITOR_TABS[Number(e.key) - 1]; return; }
    if (text) return;
    if (mod && key === 'z') { e.preventDefault(); if (e.shiftKey) doc.redo(); else doc.undo(); return; }
    if (mod && key === 'y') { e.preventDefault(); doc.redo(); return; }
    if (e.key === 'Escape' && plan.status === 'running') { plan.cancel(); return; }
    if (e.key === '?' && !mod) { ui.shortcutsOpen = !ui.shortcutsOpen; }
  }

  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
