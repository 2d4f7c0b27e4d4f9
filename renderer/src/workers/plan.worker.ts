// Runs the planner off the UI thread: instantiates the WASM kernel from bytes inlined in the bundle (no fetch,
// so it works from file:// and custom protocols) and answers plan requests with progress messages.
import kernelDataUrl from '../../../assembly/build/kernel.release.wasm?url';
import { WasmPacker } from '../../../core/kernel/wasm-packer';
import { planScenario } from '../../../core/plan/plan';
import type { WorkerRequest, WorkerResponse } from './protocol';

const post = (message: WorkerResponse) => (self as unknown as Worker).postMessage(message);

let packer: WasmPacker | undefined;
function kernel(): WasmPacker {
  if (!packer) {
    const base64 = kernelDataUrl.slice(kernelDataUrl.indexOf(',') + 1);
    packer = WasmPacker.fromBytes(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
  }
  return packer;
}

// Attached synchronously at start-up so the first request is never lost.
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { id, scenario } = event.data;
  try {
    const result = planScenario(scenario, kernel(), ['vm', 'container'], (progress) => post({ type: 'progress', id, progress }));
    post({ type: 'result', id, result });
  } catch (e) {
    post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
  }
};
