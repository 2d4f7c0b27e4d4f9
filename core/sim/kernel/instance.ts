// Instantiates the simulation kernel (assembly/sim and assembly/cis in one module) from bytes, with the abort
// handler that turns a kernel assertion into a SimKernelError carrying its message and source position.
export interface SimKernelExports {
  readonly memory: { readonly buffer: ArrayBuffer };
  reserveSim(hosts: number, items: number, models: number, traceRows: number, traceCols: number, steps: number, services: number): number;
  runSim(): number;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

export class SimKernelError extends Error {}

function kernelString(memory: SimKernelExports['memory'], ptr: number): string {
  if (!ptr) return '';
  const bytes = new Uint32Array(memory.buffer, ptr - 4, 1)[0];
  return String.fromCharCode(...new Uint16Array(memory.buffer, ptr, bytes >>> 1));
}

export function instantiateSimKernel(bytes: Uint8Array): SimKernelExports {
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const ref: { exports?: SimKernelExports } = {};
  const imports = {
    env: {
      abort(msg: number, file: number, line: number, column: number): never {
        const mem = ref.exports?.memory;
        throw new SimKernelError(`kernel assertion failed: ${mem ? `${kernelString(mem, msg)} (${kernelString(mem, file)}:${line}:${column})` : 'abort'}`);
      },
    },
  };
  ref.exports = new wasm.Instance(new wasm.Module(bytes), imports).exports as SimKernelExports;
  if (typeof ref.exports.reserveSim !== 'function') throw new SimKernelError('this kernel build has no simulator (reserveSim)');
  return ref.exports;
}

