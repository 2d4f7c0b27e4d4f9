// Host side of the WASM kernel: instantiates it from bytes, exposes the arena as typed-array views that the
// caller fills in place (one bulk write per array, no per-element calls), and reads results back as views.
// Works in Node, the renderer and workers: only `globalThis.WebAssembly` is used.
import * as abi from '../../assembly/abi';
import type { PackArena, PackOutcome, Packer, SizeKey } from './packer';
import { SIZE_KEY_CODE } from './packer';

interface KernelExports {
  readonly memory: { readonly buffer: ArrayBuffer };
  reservePack(hosts: number, items: number, dims: number): number;
  runFirstFitDecreasing(sizeKey: number): number;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

export class KernelError extends Error {}

function readKernelString(memory: KernelExports['memory'], ptr: number): string {
  if (!ptr) return '';
  // --runtime stub strings: UTF-16LE code units, byte length in the i32 just before the pointer.
  const bytes = new Uint32Array(memory.buffer, ptr - 4, 1)[0];
  return String.fromCharCode(...new Uint16Array(memory.buffer, ptr, bytes >>> 1));
}

/** Synchronously instantiates the kernel (debug or release build) from its bytes. */
export function instantiateKernel(bytes: Uint8Array): KernelExports {
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const ref: { exports?: KernelExports } = {};
  const imports = {
    env: {
      abort(msg: number, file: number, line: number, column: number): never {
        const mem = ref.exports?.memory;
        const text = mem ? `${readKernelString(mem, msg)} (${readKernelString(mem, file)}:${line}:${column})` : 'abort';
        throw new KernelError(`kernel assertion failed: ${text}`);
      },
    },
  };
  ref.exports = new wasm.Instance(new wasm.Module(bytes), imports).exports as KernelExports;
  return ref.exports;
}

export class WasmPacker implements Packer {
  readonly name = 'wasm' as const;
  private header = 0;

  constructor(private readonly kernel: KernelExports) {}

  static fromBytes(bytes: Uint8Array): WasmPacker {
    return new WasmPacker(instantiateKernel(bytes));
  }

  private slot(index: number): number {
    return new Int32Array(this.kernel.memory.buffer, this.header, abi.HEADER_SLOTS)[index] >>> 0;
  }

  private f64(slot: number, length: number): Float64Array {
    return new Float64Array(this.kernel.memory.buffer, this.slot(slot), length);
  }

  private i32(slot: number, length: number): Int32Array {
    return new Int32Array(this.kernel.memory.buffer, this.slot(slot), length);
  }

  reserve(hosts: number, items: number, dims: number): PackArena {
    this.header = this.kernel.reservePack(hosts, items, dims) >>> 0;
    // Views are created after reservePack because it may grow (and so detach) the memory buffer.
    return {
      hosts,
      items,
      dims,
      hostCapacity: this.f64(abi.HDR_HOST_CAPACITY, hosts * dims),
      hostMaxItems: this.i32(abi.HDR_HOST_MAX_ITEMS, hosts),
      itemDemand: this.f64(abi.HDR_ITEM_DEMAND, items * dims),
    };
  }

  firstFitDecreasing(sizeKey: SizeKey): PackOutcome {
    if (!this.header) throw new KernelError('reserve() must be called before packing');
    const hostsUsed = this.kernel.runFirstFitDecreasing(SIZE_KEY_CODE[sizeKey]);
    if (hostsUsed === abi.ERR_NOT_RESERVED) throw new KernelError('kernel arena not reserved');
    const hosts = this.slot(abi.HDR_HOSTS), items = this.slot(abi.HDR_ITEMS), dims = this.slot(abi.HDR_DIMS);
    return {
      hostsUsed,
      itemHost: this.i32(abi.HDR_ITEM_HOST, items),
      itemReason: this.i32(abi.HDR_ITEM_REASON, items),
      hostResidual: this.f64(abi.HDR_HOST_RESIDUAL, hosts * dims),
      hostItems: this.i32(abi.HDR_HOST_ITEMS, hosts),
      itemOrder: this.i32(abi.HDR_ITEM_ORDER, items),
    };
  }
}
