// The WASM kernel's bytes for the workers: inlined in the bundle as a data URL (no fetch, so it works from file://
// and custom protocols), decoded once per worker.
import kernelDataUrl from '../../../assembly/build/kernel.release.wasm?url';

let bytes: Uint8Array | undefined;

export function kernelBytes(): Uint8Array {
  if (!bytes) {
    const base64 = kernelDataUrl.slice(kernelDataUrl.indexOf(',') + 1);
    bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  }
  return bytes;
}
