// Parses a merged batch result in its own worker (table.worker.ts), started for the request and ended with it:
// tables are opened now and then, not kept warm. Where no worker can be started (unit tests in a DOM
// emulation) the same function runs on this thread, with the same answer.
import { parseMergedTable, type TableParse } from '../../../core/batch/table';

export interface TableRequest { readonly id: number; readonly buffer: ArrayBuffer; readonly name: string }
export interface TableResponse { readonly id: number; readonly parse: TableParse }

const STOPPED = 'the table reader stopped before finishing (the file may be too large for the memory available)';
let nextId = 1;

export function parseTableOffThread(bytes: Uint8Array, name: string): Promise<TableParse> {
  let worker: Worker;
  try {
    if (typeof Worker === 'undefined') throw new Error('no workers here');
    worker = new Worker(new URL('./table.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve(parseMergedTable(bytes, name));
  }
  const id = nextId++;
  const buffer = bytes.slice().buffer as ArrayBuffer;
  return new Promise<TableParse>((resolve) => {
    const done = (parse: TableParse) => { worker.terminate(); resolve(parse); };
    worker.onmessage = (event: MessageEvent<TableResponse>) => { if (event.data.id === id) done(event.data.parse); };
    worker.onerror = () => done({ ok: false, errors: [{ where: 'document', message: STOPPED }] });
    worker.postMessage({ id, buffer, name } satisfies TableRequest, [buffer]);
  });
}
