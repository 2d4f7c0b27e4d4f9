// The WASM kernel in a worker: its bytes inlined in the bundle as a data URL (no fetch, so it works from file:// and
// custom protocols), decoded once, and one packer per worker (the plan worker and its models worker each hold one).
import kernelDataUrl from '../../../assembly/build/kernel.release.wasm?url';
import { WasmPacker } from '../../../core/kernel/wasm-packer';

let bytes: Uint8Array | undefined;

export function kernelBytes(): Uint8Array {
  if (!bytes) {
    const base64 = kernelDataUrl.slice(kernelDataUrl.indexOf(',') + 1);
    bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  }
  return bytes;
}

let packer: WasmPacker | undefined;

/** This worker's packer, made on first use. */
export function workerPacker(): WasmPacker {
  return (packer ??= WasmPacker.fromBytes(kernelBytes()));
}
