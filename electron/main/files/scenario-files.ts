// Open and save of scenario files, with the native dialogs injected so this runs (and is tested) without Electron.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { FileHandle, OpenedScenario, SaveResult } from '../../../core/desktop/api';
import { writeFileAtomic } from './atomic-write';
import { FileHandles } from './handles';

export interface Dialogs {
  /** Path the user chose to open, or null if cancelled. */
  chooseOpenPath(): Promise<string | null>;
  /** Path the user chose to save to, or null if cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
}

export const SCENARIO_EXTENSION = '.hostfit.json';

export class ScenarioFiles {
  readonly handles = new FileHandles();

  constructor(private readonly dialogs: Dialogs) {}

  async open(): Promise<OpenedScenario | null> {
    const path = await this.dialogs.chooseOpenPath();
    if (!path) return null;
    return this.read(path);
  }

  /** Reads a file the user named (dialog, command line, drag and drop) and issues its handle. */
  async read(path: string): Promise<OpenedScenario> {
    const bytes = await readFile(path);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = '\uFFFD'; // the scenario parser reports this as "not valid UTF-8"
    }
    return { handle: this.handles.issue(path), name: basename(path), text };
  }

  async save(handle: FileHandle, text: string): Promise<SaveResult> {
    const path = this.handles.resolve(handle);
    if (!path) return { ok: false, reason: 'error', message: 'unknown file handle' };
    return this.write(path, text);
  }

  async saveAs(suggestedName: string, text: string): Promise<SaveResult> {
    const name = suggestedName.endsWith('.json') ? suggestedName : `${suggestedName}${SCENARIO_EXTENSION}`;
    const path = await this.dialogs.chooseSavePath(name);
    if (!path) return { ok: false, reason: 'cancelled' };
    return this.write(path, text);
  }

  private async write(path: string, text: string): Promise<SaveResult> {
    try {
      await writeFileAtomic(path, text);
      return { ok: true, handle: this.handles.issue(path), name: basename(path) };
    } catch (e) {
      return { ok: false, reason: 'error', message: (e as Error).message };
    }
  }
}
