// Merged batch results (`hostfit batch merge`, CSV or JSON) parsed off the UI thread: a table of 10^5 runs takes
// a second or more to read and check, which would freeze the Sweep tab.
import { parseMergedTable } from '../../../core/batch/table';
import type { TableRequest, TableResponse } from './table-client';

// Attached synchronously at start-up so the first request is never lost.
self.onmessage = (event: MessageEvent<TableRequest>) => {
  const { id, buffer, name } = event.data;
  const response: TableResponse = { id, parse: parseMergedTable(new Uint8Array(buffer), name) };
  (self as unknown as Worker).postMessage(response);
};
