// Runs imports in the import worker, one at a time: a new run or a cancel terminates the worker of the run before
// it (an import can sit in one long step, such as unzipping a workbook, where no message would reach it), and the
// next run starts a fresh one. The files are copied to the worker, so the dialog can run again with other
// options. Where no worker can be started (component tests in a DOM emulation) the import runs on this thread.
import { ImportError, type ImportFile, type ImportOptions, type ImportProgress, type ImportResult, type ImportSource, type SourceLocation } from '../../../core/import/types';
import type { ImportRequest, ImportResponse } from './import-protocol';

export class ImportCancelledByUser extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelledByUser';
  }
}

/** Bad input or a failed importer: `at` names the file and place when the input is at fault. */
export class ImportFailed extends Error {
  constructor(message: string, readonly at: SourceLocation | null) {
    super(message);
    this.name = 'ImportFailed';
  }
}

export interface Importer {
  run(source: ImportSource, files: readonly ImportFile[], options: ImportOptions, onProgress: (p: ImportProgress) => void): Promise<ImportResult>;
  cancel(): void;
  dispose(): void;
}

const STOPPED = 'the import stopped before finishing (the files may be too large for the memory available)';

export class ImportClient implements Importer {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending: { id: number; reject: (e: Error) => void } | null = null;

  private start(): Worker | null {
    if (typeof Worker === 'undefined') return null;
    try {
      return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      return null;
    }
  }

  run(source: ImportSource, files: readonly ImportFile[], options: ImportOptions, onProgress: (p: ImportProgress) => void): Promise<ImportResult> {
    this.cancel();
    const worker = this.start();
    if (!worker) return this.here(source, files, options, onProgress);
    this.worker = worker;
    const id = this.nextId++;
    return new Promise<ImportResult>((resolve, reject) => {
      this.pending = { id, reject };
      const settle = () => {
        if (this.pending?.id === id) this.pending = null;
        if (this.worker === worker) this.worker = null;
        worker.terminate();
      };
      worker.onmessage = (event: MessageEvent<ImportResponse>) => {
        const m = event.data;
        if (m.id !== id) return;
        if (m.type === 'progress') onProgress(m.progress);
        else {
          settle();
          if (m.type === 'done') resolve(m.result);
          else reject(new ImportFailed(m.message, m.at));
        }
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        settle();
        reject(new ImportFailed(STOPPED, null));
      };
      try {
        worker.postMessage({ type: 'import', id, source, files, options } satisfies ImportRequest);
      } catch (e) {
        settle();
        reject(new ImportFailed(`the files could not be handed to the importer: ${e instanceof Error ? e.message : String(e)}`, null));
      }
    });
  }

  private async here(source: ImportSource, files: readonly ImportFile[], options: ImportOptions, onProgress: (p: ImportProgress) => void): Promise<ImportResult> {
    const controller = new AbortController();
    const id = this.nextId++;
    this.pending = { id, reject: () => controller.abort() };
    try {
      // Loaded only here: the window's own bundle does not carry the importers (the worker does).
      const { importEstate } = await import('../../../core/import/index');
      return await importEstate(source, files, options, onProgress, controller.signal);
    } catch (e) {
      if (controller.signal.aborted) throw new ImportCancelledByUser();
      if (e instanceof ImportError) throw new ImportFailed(e.message, e.at);
      throw new ImportFailed(`the importer failed: ${e instanceof Error ? e.message : String(e)}`, null);
    } finally {
      if (this.pending?.id === id) this.pending = null;
    }
  }

  /** Stops the running import at once; its promise rejects with ImportCancelledByUser. */
  cancel(): void {
    const running = this.pending;
    this.pending = null;
    this.worker?.terminate();
    this.worker = null;
    running?.reject(new ImportCancelledByUser());
  }

  dispose(): void {
    this.cancel();
  }
}
