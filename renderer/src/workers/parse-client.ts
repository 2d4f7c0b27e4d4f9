// Parses scenario bytes and writes canonical scenario text in the parse worker. Where no worker can be started
// (unit tests in a DOM emulation), or a value cannot be sent to it, the same functions run on the calling
// thread, with the same answers.
import { serialiseScenario } from '../../../core/scenario/canonical';
import type { ParseOutcome } from '../../../core/scenario/parse';
import type { Scenario } from '../../../core/scenario/schema';
import type { ParseRequest, ParseResponse } from './parse-protocol';
import { parseScenarioBytes } from '../../../core/scenario/bytes';

/** A request waiting for the worker; `failed` answers it if the worker dies or the value cannot be sent. */
type Pending = { resolve: (response: ParseResponse) => void; failed: () => ParseResponse };

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const w = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<ParseResponse>) => {
      const waiting = pending.get(event.data.id);
      pending.delete(event.data.id);
      waiting?.resolve(event.data);
    };
    w.onerror = () => {
      // A crashed worker (out of memory on a huge file, say): every waiting request gets its failure answer,
      // and the next request starts a new worker.
      for (const waiting of pending.values()) waiting.resolve(waiting.failed());
      pending.clear();
      worker = undefined;
    };
    return w;
  } catch {
    return null;
  }
}

/** Sends `message` to the worker; with no worker at all, `here` does the work on this thread instead. */
function request(message: ParseRequest, here: () => ParseResponse, failed: () => ParseResponse, transfer: Transferable[] = []): Promise<ParseResponse> {
  if (worker === undefined) worker = startWorker();
  if (!worker) return Promise.resolve(here());
  const running = worker;
  return new Promise((resolve) => {
    pending.set(message.id, { resolve, failed });
    try {
      running.postMessage(message, transfer);
    } catch {
      pending.delete(message.id);
      resolve(failed());
    }
  });
}

/** Own, transferable copy of the bytes (a view into a larger buffer is copied; a whole buffer is moved). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) {
    return bytes.buffer;
  }
  return bytes.slice().buffer as ArrayBuffer;
}

const STOPPED = 'the file parser stopped before finishing (the file may be too large for the memory available)';

export async function parseScenarioOffThread(bytes: Uint8Array): Promise<ParseOutcome> {
  const id = nextId++;
  const parsed = (outcome: ParseOutcome): ParseResponse => ({ type: 'parsed', id, outcome });
  const buffer = ownBuffer(bytes);
  const response = await request({ type: 'parse', id, buffer }, () => parsed(parseScenarioBytes(bytes)),
    () => parsed({ ok: false, errors: [{ where: 'document', message: STOPPED }] }), [buffer]);
  return response.type === 'parsed' ? response.outcome : { ok: false, errors: [{ where: 'document', message: STOPPED }] };
}

/**
 * Canonical text of a scenario, written in the worker: the window pays only for sending the value there (about
 * a sixth of writing the text itself). A value that cannot be sent, or a worker that died, is written here.
 */
export async function serialiseOffThread(scenario: Scenario): Promise<string> {
  const id = nextId++;
  const here = (): ParseResponse => ({ type: 'serialised', id, text: serialiseScenario(scenario) });
  const response = await request({ type: 'serialise', id, scenario }, here, here);
  return response.type === 'serialised' ? response.text : serialiseScenario(scenario);
}
