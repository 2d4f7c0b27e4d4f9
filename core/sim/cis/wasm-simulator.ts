// Host side of the two-level simulation kernel (assembly/cis): instantiates it from bytes, exposes the arena as
// typed-array views the caller fills in place, runs, and returns views of the outputs. Views are re-created after
// reserveCis and after the run, because either may grow (and so detach) the memory buffer. Give the simulator its
// own kernel instance: every arena of the kernel starts at __heap_base.
import * as abi from '../../../assembly/cis/abi';
import { instantiateSimKernel, SimKernelError } from '../kernel/instance';
import type { CisArena, CisRaw, CisSimulator, CisSizes } from './spec';

interface CisKernelExports {
  readonly memory: { readonly buffer: ArrayBuffer };
  reserveCis(hosts: number, models: number, types: number, vms: number, initialVms: number, containers: number,
    traceRows: number, traceCols: number, steps: number): number;
  runCis(): number;
}

export class CisWasmSimulator implements CisSimulator {
  readonly name = 'wasm' as const;
  private header = 0;
  private sizes: CisSizes | null = null;

  constructor(private readonly kernel: CisKernelExports) {}

  static fromBytes(bytes: Uint8Array): CisWasmSimulator {
    const k = instantiateSimKernel(bytes) as unknown as CisKernelExports;
    if (typeof k.reserveCis !== 'function') throw new SimKernelError('this kernel build has no two-level simulator (reserveCis)');
    return new CisWasmSimulator(k);
  }

  private slot(k: number): number {
    return new Int32Array(this.kernel.memory.buffer, this.header, abi.CH_SLOTS)[k] >>> 0;
  }

  private f64(k: number, length: number): Float64Array {
    return new Float64Array(this.kernel.memory.buffer, this.slot(k), length);
  }

  private i32(k: number, length: number): Int32Array {
    return new Int32Array(this.kernel.memory.buffer, this.slot(k), length);
  }

  reserve(s: CisSizes): CisArena {
    this.header = this.kernel.reserveCis(s.hosts, s.models, s.types, s.vms, s.initialVms, s.containers, s.traceRows,
      s.traceCols, s.steps) >>> 0;
    this.sizes = s;
    const h = s.hosts, t = s.types, n = s.containers;
    return {
      ...s,
      params: this.f64(abi.CH_PARAMS, abi.CPARAM_SLOTS),
      iparams: this.i32(abi.CH_IPARAMS, abi.CIPARAM_SLOTS),
      modelPower: this.f64(abi.CH_MODEL_POWER, s.models * 11),
      hostModel: this.i32(abi.CH_HOST_MODEL, h),
      hostPes: this.i32(abi.CH_HOST_PES, h),
      hostPeMips: this.f64(abi.CH_HOST_PE_MIPS, h),
      hostRam: this.f64(abi.CH_HOST_RAM, h),
      hostBw: this.f64(abi.CH_HOST_BW, h),
      typePes: this.i32(abi.CH_TYPE_PES, t),
      typePeMips: this.f64(abi.CH_TYPE_PE_MIPS, t),
      typeRam: this.f64(abi.CH_TYPE_RAM, t),
      typeBw: this.f64(abi.CH_TYPE_BW, t),
      vmType: this.i32(abi.CH_VM_TYPE, s.initialVms),
      cMips: this.f64(abi.CH_C_MIPS, n),
      cWorkload: this.f64(abi.CH_C_WORKLOAD, n),
      cRam: this.f64(abi.CH_C_RAM, n),
      cBw: this.f64(abi.CH_C_BW, n),
      cBase: this.f64(abi.CH_C_BASE, n),
      cScale: this.f64(abi.CH_C_SCALE, n),
      cTrace: this.i32(abi.CH_C_TRACE, n),
      cStart: this.f64(abi.CH_C_START, n),
      cArrive: this.f64(abi.CH_C_ARRIVE, n).fill(0),
      cDepart: this.f64(abi.CH_C_DEPART, n).fill(Infinity),
      traces: this.f64(abi.CH_TRACES, s.traceRows * s.traceCols),
    };
  }

  run(): CisRaw {
    if (!this.header || !this.sizes) throw new SimKernelError('reserve() must be called before run()');
    const status = this.kernel.runCis();
    const s = this.sizes;
    return {
      status,
      totals: this.f64(abi.CH_TOTALS, abi.CTOTAL_SLOTS),
      series: this.f64(abi.CH_SERIES, s.steps * abi.CSERIES_COLS),
      cVm: this.i32(abi.CH_C_VM_OUT, s.containers),
      vmHost: this.i32(abi.CH_VM_HOST_OUT, s.vms),
      vmTypeOut: this.i32(abi.CH_VM_TYPE_OUT, s.vms),
    };
  }
}
