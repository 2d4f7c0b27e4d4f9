// Host side of the WASM simulation kernel: instantiates it from bytes, exposes the arena as typed-array
// views the caller fills in place, runs, and returns views of the outputs. Views are re-created after
// reserveSim because it may grow (and so detach) the memory buffer. Give the simulator its own kernel
// instance: the pack arena and the simulation arena share the same memory from __heap_base.
import * as abi from '../../../assembly/sim/abi';
import { CisWasmSimulator } from '../cis/wasm-simulator';
import type { CisSimulator } from '../cis/spec';
import type { SimArena, SimRaw, SimSizes, Simulator } from '../spec';
import { instantiateSimKernel, SimKernelError, type SimKernelExports } from './instance';

export { instantiateSimKernel, SimKernelError } from './instance';

export class WasmSimulator implements Simulator {
  readonly name = 'wasm' as const;
  private header = 0;
  private sizes: SimSizes | null = null;

  private cis: CisSimulator | undefined;

  constructor(private readonly kernel: SimKernelExports, private readonly bytes?: Uint8Array) {}

  static fromBytes(bytes: Uint8Array): WasmSimulator {
    return new WasmSimulator(instantiateSimKernel(bytes), bytes);
  }

  /** The two-level simulator of the same kernel build, on an instance of its own (made once). */
  twoLevel(): CisSimulator {
    if (!this.bytes) throw new SimKernelError('this simulator was not made from kernel bytes: no two-level simulator');
    return (this.cis ??= CisWasmSimulator.fromBytes(this.bytes));
  }

  private slot(k: number): number {
    return new Int32Array(this.kernel.memory.buffer, this.header, abi.HS_SLOTS)[k] >>> 0;
  }

  private f64(k: number, length: number): Float64Array {
    return new Float64Array(this.kernel.memory.buffer, this.slot(k), length);
  }

  private i32(k: number, length: number): Int32Array {
    return new Int32Array(this.kernel.memory.buffer, this.slot(k), length);
  }

  reserve(s: SimSizes): SimArena {
    this.header = this.kernel.reserveSim(s.hosts, s.items, s.models, s.traceRows, s.traceCols, s.steps, s.services) >>> 0;
    this.sizes = s;
    const h = s.hosts, n = s.items;
    return {
      ...s,
      params: this.f64(abi.HS_PARAMS, abi.PARAM_SLOTS),
      iparams: this.i32(abi.HS_IPARAMS, abi.IPARAM_SLOTS),
      modelPower: this.f64(abi.HS_MODEL_POWER, s.models * 11),
      hostModel: this.i32(abi.HS_HOST_MODEL, h),
      hostPes: this.i32(abi.HS_HOST_PES, h),
      hostPeMips: this.f64(abi.HS_HOST_PE_MIPS, h),
      hostMemory: this.f64(abi.HS_HOST_MEMORY, h),
      hostBw: this.f64(abi.HS_HOST_BW, h),
      hostMigrationRate: this.f64(abi.HS_HOST_MIGRATION_RATE, h),
      hostClass: this.i32(abi.HS_HOST_CLASS, h),
      itemMips: this.f64(abi.HS_ITEM_MIPS, n),
      itemPes: this.i32(abi.HS_ITEM_PES, n),
      itemMemory: this.f64(abi.HS_ITEM_MEMORY, n),
      itemBw: this.f64(abi.HS_ITEM_BW, n),
      itemMigrationMB: this.f64(abi.HS_ITEM_MIGRATION_MB, n),
      itemBaseFrac: this.f64(abi.HS_ITEM_BASE_FRAC, n),
      itemScaleFrac: this.f64(abi.HS_ITEM_SCALE_FRAC, n),
      itemTrace: this.i32(abi.HS_ITEM_TRACE, n),
      itemKind: this.i32(abi.HS_ITEM_KIND, n),
      itemStartSeconds: this.f64(abi.HS_ITEM_START_SECONDS, n),
      itemArrive: this.f64(abi.HS_ITEM_ARRIVE, n),
      itemDepart: this.f64(abi.HS_ITEM_DEPART, n),
      itemInitialHost: this.i32(abi.HS_ITEM_INITIAL_HOST, n),
      traces: this.f64(abi.HS_TRACES, s.traceRows * s.traceCols),
      itemService: this.i32(abi.HS_ITEM_SERVICE, n).fill(-1),
      itemMemoryTrace: this.i32(abi.HS_ITEM_MEMORY_TRACE, n).fill(-1),
      svcBase: this.f64(abi.HS_SVC_BASE, s.services),
      svcMin: this.i32(abi.HS_SVC_MIN, s.services),
      svcMax: this.i32(abi.HS_SVC_MAX, s.services),
      svcFirst: this.i32(abi.HS_SVC_FIRST, s.services),
    };
  }

  run(): SimRaw {
    if (!this.header || !this.sizes) throw new SimKernelError('reserve() must be called before run()');
    const status = this.kernel.runSim();
    // The run may have grown memory for its state: views are taken afterwards.
    const s = this.sizes;
    return {
      status,
      totals: this.f64(abi.HS_TOTALS, abi.TOTAL_SLOTS),
      series: this.f64(abi.HS_SERIES, s.steps * abi.SERIES_COLS),
      itemHost: this.i32(abi.HS_ITEM_HOST, s.items),
    };
  }
}
