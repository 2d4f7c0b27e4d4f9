// Texts and buttons of the native prompts, and the window title: plain data, so their logic is tested without
// Electron. The glue shows them with dialog.showMessageBox and maps the button index back with `choices`.
import type { DiscardChoice, DiscardReason, DocumentState } from '../../core/desktop/api';

export interface Prompt<C extends string> {
  readonly message: string;
  readonly detail: string;
  readonly buttons: readonly string[];
  /** What each button means, by index. */
  readonly choices: readonly C[];
  readonly defaultId: number;
  readonly cancelId: number;
}

/** Asked when a window with unsaved edits is closed. A read-only document cannot be saved, so no "Save". */
export function closePrompt(name: string, readOnly: boolean): Prompt<DiscardChoice> {
  if (readOnly) {
    return {
      message: `Close "${name}" and lose your changes?`,
      detail: 'This file was written by a newer Hostfit and is read-only here, so the changes cannot be saved.',
      buttons: ['Close Without Saving', 'Cancel'], choices: ['discard', 'cancel'], defaultId: 1, cancelId: 1,
    };
  }
  return {
    message: `Save changes to "${name}" before closing?`,
    detail: 'Your changes will be lost if you don\'t save them.',
    buttons: ['Save', 'Don\'t Save', 'Cancel'], choices: ['save', 'discard', 'cancel'], defaultId: 0, cancelId: 2,
  };
}

const ACTION: Record<DiscardReason, string> = {
  open: 'opening another file',
  example: 'opening the example',
  restore: 'restoring the backup',
  revert: 'reverting',
  import: 'opening the imported scenario',
};

/** Asked before unsaved edits would be replaced. Reverting means discarding, so it offers no "Save". */
export function discardPrompt(name: string, reason: DiscardReason): Prompt<DiscardChoice> {
  if (reason === 'revert') {
    return {
      message: `Revert "${name}" to the saved version?`,
      detail: 'Your unsaved changes will be lost.',
      buttons: ['Revert', 'Cancel'], choices: ['discard', 'cancel'], defaultId: 1, cancelId: 1,
    };
  }
  return {
    message: `Save changes to "${name}" before ${ACTION[reason]}?`,
    detail: 'Your changes will be lost if you don\'t save them.',
    buttons: ['Save', 'Don\'t Save', 'Cancel'], choices: ['save', 'discard', 'cancel'], defaultId: 0, cancelId: 2,
  };
}

export function choiceAt<C extends string>(prompt: Prompt<C>, index: number): C {
  return prompt.choices[index] ?? prompt.choices[prompt.cancelId];
}

export function windowTitle(state: DocumentState | null): string {
  if (!state) return 'Hostfit';
  const marks = `${state.dirty ? ' •' : ''}${state.readOnly ? ' (read-only)' : ''}`;
  return `${state.name}${marks} — Hostfit`;
}
