// Host side of the WASM kernel: instantiates it from bytes, exposes the arena as typed-array views that the
// caller fills in place (one bulk write per array, no per-element calls), and reads results back as views.
// Works in Node, the renderer and workers: only `globalThis.WebAssembly` is used.
import * as abi from '../../assembly/abi';
import type { ArenaShape, PackArena, PackOptions, PackOutcome, Packer, PatternDiveStatus, PatternLpStatus, SizeKey } from './packer';
import { DEFAULT_PACK_OPTIONS, DIVE_STATE_NAME, HOST_ORDER_CODE, LP_STATE_NAME, ORDER_CODE, RULE_CODE, RULE_OF_CODE, SIZE_KEY_CODE } from './packer';

interface KernelExports {
  readonly memory: { readonly buffer: ArrayBuffer };
  reservePackWith(hosts: number, items: number, dims: number, labelWords: number, spreadGroups: number): number;
  runPack(algorithm: number, order: number, sizeKey: number, sizeDim: number, seed: number, iterations: number, targetCost: number): number;
  runImprove(iterations: number, targetCost: number): number;
  liftItemLabels(word: number): number;
  setHostOrder(mode: number): number;
  runPatternLp(steps: number): number;
  runPatternDive(steps: number, leave: number): number;
  setImproveParameter(k: number, v: number): void;
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
  return instantiateModule(compileKernel(bytes));
}

function compileKernel(bytes: Uint8Array): object {
  return new (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly.Module(bytes);
}

function instantiateModule(module: object): KernelExports {
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
  ref.exports = new wasm.Instance(module, imports).exports as KernelExports;
  return ref.exports;
}

const ERRORS: Record<number, string> = {
  [abi.ERR_NOT_RESERVED]: 'kernel arena not reserved',
  [abi.ERR_BAD_ALGORITHM]: 'unknown placement rule',
  [abi.ERR_BAD_INPUT]: 'invalid pack input: an id or level is out of range',
  [abi.ERR_NOT_PACKED]: 'improve() needs a pack() first',
};

export class WasmPacker implements Packer {
  readonly name = 'wasm' as const;
  private header = 0;

  constructor(private readonly kernel: KernelExports, private readonly module?: object) {}

  static fromBytes(bytes: Uint8Array): WasmPacker {
    const module = compileKernel(bytes);
    return new WasmPacker(instantiateModule(module), module);
  }

  /** A second, independent kernel instance (its own memory) from the same compiled module. */
  fork(): WasmPacker {
    if (!this.module) throw new KernelError('this packer was built from exports alone and cannot fork');
    return new WasmPacker(instantiateModule(this.module), this.module);
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

  reserve(hosts: number, items: number, dims: number, shape: ArenaShape = {}): PackArena {
    const labelWords = shape.labelWords ?? 0, spreadGroups = shape.spreadGroups ?? 0;
    this.header = this.kernel.reservePackWith(hosts, items, dims, labelWords, spreadGroups) >>> 0;
    // Views are created after reservePack because it may grow (and so detach) the memory buffer.
    return {
      hosts, items, dims, labelWords, spreadGroups,
      hostCapacity: this.f64(abi.HDR_HOST_CAPACITY, hosts * dims),
      hostMaxItems: this.i32(abi.HDR_HOST_MAX_ITEMS, hosts),
      hostCost: this.f64(abi.HDR_HOST_COST, hosts),
      hostRack: this.i32(abi.HDR_HOST_RACK, hosts),
      hostSite: this.i32(abi.HDR_HOST_SITE, hosts),
      hostLabels: this.i32(abi.HDR_HOST_LABELS, hosts * labelWords),
      itemDemand: this.f64(abi.HDR_ITEM_DEMAND, items * dims),
      itemTenant: this.i32(abi.HDR_ITEM_TENANT, items),
      itemExclusive: this.i32(abi.HDR_ITEM_EXCLUSIVE, items),
      itemSpread: this.i32(abi.HDR_ITEM_SPREAD, items),
      itemAffinity: this.i32(abi.HDR_ITEM_AFFINITY, items),
      itemLabels: this.i32(abi.HDR_ITEM_LABELS, items * labelWords),
      spreadLevel: this.i32(abi.HDR_SPREAD_LEVEL, spreadGroups),
      spreadMax: this.i32(abi.HDR_SPREAD_MAX, spreadGroups),
    };
  }

  private check(code: number): void {
    if (code < 0) throw new KernelError(ERRORS[code] ?? `kernel error ${code}`);
  }

  pack(options: PackOptions): PackOutcome {
    if (!this.header) throw new KernelError('reserve() must be called before packing');
    const rule = RULE_CODE[options.rule];
    if (rule === undefined) throw new KernelError(`unknown placement rule ${options.rule}`);
    this.check(this.kernel.setHostOrder(HOST_ORDER_CODE[options.hostOrder ?? 'mix']));
    this.check(this.kernel.runPack(rule, ORDER_CODE[options.order], SIZE_KEY_CODE[options.sizeKey], options.sizeDim,
      options.seed | 0, options.iterations, options.targetCost));
    return this.outcome();
  }

  improve(iterations: number, targetCost: number): PackOutcome {
    if (!this.header) throw new KernelError('reserve() must be called before packing');
    this.check(this.kernel.runImprove(iterations, targetCost));
    return this.outcome();
  }

  liftItemLabels(word: number): void {
    if (!this.header) throw new KernelError('reserve() must be called before packing');
    this.check(this.kernel.liftItemLabels(word));
  }

  patternLp(steps: number): PatternLpStatus {
    if (!this.header) throw new KernelError('reserve() must be called before packing');
    const state = this.kernel.runPatternLp(Math.max(0, Math.min(steps, 2 ** 31 - 1)) | 0);
    this.check(state);
    const stats = this.f64(abi.HDR_STATS, abi.STATS_SLOTS);
    return { state: LP_STATE_NAME[state], bound: stats[abi.STAT_LP_BOUND], value: stats[abi.STAT_LP_VALUE], steps: stats[abi.STAT_LP_STEPS] };
  }

  patternDive(steps: number, leave: number): PatternDiveStatus {
    if (!this.header) throw new KernelError('reserve() must be called before packing');
    const clamp = (x: number) => Math.max(0, Math.min(x, 2 ** 31 - 1)) | 0;
    const state = this.kernel.runPatternDive(clamp(steps), clamp(leave));
    this.check(state);
    const stats = this.f64(abi.HDR_STATS, abi.STATS_SLOTS);
    return { state: DIVE_STATE_NAME[state], hosts: stats[abi.STAT_DIVE_HOSTS], bound: stats[abi.STAT_LP_BOUND], steps: stats[abi.STAT_LP_STEPS] };
  }

  firstFitDecreasing(sizeKey: SizeKey): PackOutcome {
    return this.pack({ ...DEFAULT_PACK_OPTIONS, rule: 'first-fit', order: 'decreasing', sizeKey });
  }

  /** Tuning hook: overrides one improvement parameter (abi.ts IMPROVE_* order) until the module is reloaded. */
  setImproveParameter(k: number, v: number): void {
    this.kernel.setImproveParameter(k, v);
  }

  private outcome(): PackOutcome {
    const hosts = this.slot(abi.HDR_HOSTS), items = this.slot(abi.HDR_ITEMS), dims = this.slot(abi.HDR_DIMS);
    const stats = this.f64(abi.HDR_STATS, abi.STATS_SLOTS);
    return {
      hostsUsed: stats[abi.STAT_HOSTS_USED],
      itemHost: this.i32(abi.HDR_ITEM_HOST, items),
      itemReason: this.i32(abi.HDR_ITEM_REASON, items),
      hostResidual: this.f64(abi.HDR_HOST_RESIDUAL, hosts * dims),
      hostItems: this.i32(abi.HDR_HOST_ITEMS, hosts),
      itemOrder: this.i32(abi.HDR_ITEM_ORDER, items),
      itemFirstHost: this.i32(abi.HDR_ITEM_FIRST_HOST, items),
      cost: stats[abi.STAT_COST],
      constructiveHosts: stats[abi.STAT_CONSTRUCTIVE_HOSTS],
      constructiveCost: stats[abi.STAT_CONSTRUCTIVE_COST],
      startRule: RULE_OF_CODE[stats[abi.STAT_START_RULE]],
      iterations: stats[abi.STAT_ITERATIONS],
      improvements: stats[abi.STAT_IMPROVEMENTS],
      moveChecks: stats[abi.STAT_MOVE_CHECKS],
      refillNodes: stats[abi.STAT_REFILL_NODES],
      done: stats[abi.STAT_DONE] !== 0,
      unplaced: stats[abi.STAT_UNPLACED],
      mixedOrder: stats[abi.STAT_HOST_MIX] !== 0,
    };
  }
}
