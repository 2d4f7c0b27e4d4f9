// Parses scenario bytes in the parse worker. Where no worker can be started (unit tests in a DOM emulation)
// it parses on the calling thread, with the same checks and the same answers.
import type { ParseOutcome } from '../../../core/scenario/parse';
import type { ParseRequest, ParseResponse } from './parse-protocol';
import { parseScenarioBytes } from './parse-task';

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, (outcome: ParseOutcome) => void>();

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const w = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<ParseResponse>) => {
      const resolve = pending.get(event.data.id);
      pending.delete(event.data.id);
      resolve?.(event.data.outcome);
    };
    w.onerror = (event) => {
      // A crashed worker answers every waiting request with the error, and the next parse starts a new one.
      const message = event.message || 'the file parser stopped unexpectedly';
      for (const resolve of pending.values()) resolve({ ok: false, errors: [{ where: 'document', message }] });
      pending.clear();
      worker = undefined;
    };
    return w;
  } catch {
    return null;
  }
}

/** Own, transferable copy of the bytes (a view into a larger buffer is copied; a whole buffer is moved). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) {
    return bytes.buffer;
  }
  return bytes.slice().buffer as ArrayBuffer;
}

export function parseScenarioOffThread(bytes: Uint8Array): Promise<ParseOutcome> {
  if (worker === undefined) worker = startWorker();
  if (!worker) return Promise.resolve(parseScenarioBytes(bytes));
  const id = nextId++;
  const buffer = ownBuffer(bytes);
  const request: ParseRequest = { id, buffer };
  const running = worker;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    running.postMessage(request, [buffer]);
  });
}
