// The contract between the renderer and whatever hosts it: the Electron preload (one function per IPC channel,
// backed by electron/main) or the browser implementation (renderer/src/platform/browser-api.ts). The renderer
// holds opaque file handles, never paths. No imports: the sandboxed preload bundles this file.
export interface FileHandle {
  /** Opaque token issued by the host; meaningless to the renderer. */
  readonly id: string;
}

export interface OpenedScenario {
  readonly handle: FileHandle;
  /** File name for display (no directory). */
  readonly name: string;
  readonly text: string;
}

export type SaveResult =
  | { readonly ok: true; readonly handle: FileHandle; readonly name: string }
  | { readonly ok: false; readonly reason: 'cancelled' | 'error'; readonly message?: string };

export interface DesktopApi {
  readonly kind: 'electron' | 'browser';
  /** Shows an open dialog; null when the user cancels. */
  openScenario(): Promise<OpenedScenario | null>;
  /** Writes to the file behind `handle` (atomically on the desktop). */
  saveScenario(handle: FileHandle, text: string): Promise<SaveResult>;
  /** Shows a save dialog, then writes. */
  saveScenarioAs(suggestedName: string, text: string): Promise<SaveResult>;
}

/** One IPC channel per DesktopApi function. */
export const IPC = {
  openScenario: 'hostfit:open-scenario',
  saveScenario: 'hostfit:save-scenario',
  saveScenarioAs: 'hostfit:save-scenario-as',
} as const;

/** Largest scenario text accepted over IPC (a 10^5-replica scenario with long traces stays well below). */
export const MAX_SCENARIO_BYTES = 256 * 1024 * 1024;
