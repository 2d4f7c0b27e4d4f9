// Imports run here, off the UI thread: an RVTools workbook of 10^5 VMs or a kubectl dump of 10^5 pods never
// freezes the window. The worker answers with progress while it reads, then the scenario and the report, or
// the error naming the file and place. Cancelling terminates the worker (import-client.ts), which stops even a
// long single step such as unzipping a workbook.
import { importEstate, ImportError } from '../../../core/import/index';
import type { ImportRequest, ImportResponse } from './import-protocol';

const post = (response: ImportResponse) => (self as unknown as Worker).postMessage(response);

// Attached synchronously at start-up so the first request is never lost.
self.onmessage = (event: MessageEvent<ImportRequest>) => {
  const { id, source, files, options } = event.data;
  importEstate(source, files, options, (progress) => post({ type: 'progress', id, progress })).then(
    (result) => post({ type: 'done', id, result }),
    (e: unknown) => post(e instanceof ImportError
      ? { type: 'failed', id, message: e.message, at: e.at }
      : { type: 'failed', id, message: `the importer failed: ${e instanceof Error ? e.message : String(e)}`, at: null }),
  );
};
