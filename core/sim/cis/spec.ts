// What the two-level simulator (containers in node VMs, node VMs on hosts) reads and writes: flat
// structure-of-arrays, the same for the WASM kernel (views into kernel memory, assembly/cis/arena.ts) and the
// TypeScript reference (plain typed arrays). CPU in MIPS (or millicores for scenarios: any unit, as long as
// hosts, VM types and containers agree), memory in MB, bandwidth in the preset's unit, time in seconds.
import { CIPARAM_SLOTS, CPARAM_SLOTS, CSERIES_COLS, CTOTAL_SLOTS } from '../../../assembly/cis/abi';

export interface CisSizes {
  readonly hosts: number;
  /** Host power models (11 points each). */
  readonly models: number;
  /** VM types new VMs are made of (CloudSim tries them in this order). */
  readonly types: number;
  /** VM slots: the initial VMs, then room for every VM created or tried during the run. */
  readonly vms: number;
  readonly initialVms: number;
  readonly containers: number;
  readonly traceRows: number;
  readonly traceCols: number;
  /** Series rows reserved (one per tick). */
  readonly steps: number;
}

export interface CisArena extends CisSizes {
  readonly params: Float64Array; //     CPARAM_SLOTS, CP_* (abi)
  readonly iparams: Int32Array; //      CIPARAM_SLOTS, CI_* (abi)
  readonly modelPower: Float64Array; // models × 11, W
  readonly hostModel: Int32Array;
  readonly hostPes: Int32Array;
  readonly hostPeMips: Float64Array;
  readonly hostRam: Float64Array;
  readonly hostBw: Float64Array;
  readonly typePes: Int32Array;
  readonly typePeMips: Float64Array;
  readonly typeRam: Float64Array;
  readonly typeBw: Float64Array;
  /** Type of each initial VM (slots 0 … initialVms − 1, placed in this order at t = 0). */
  readonly vmType: Int32Array;
  readonly cMips: Float64Array;
  readonly cWorkload: Float64Array;
  readonly cRam: Float64Array;
  readonly cBw: Float64Array;
  readonly cBase: Float64Array;
  readonly cScale: Float64Array;
  readonly cTrace: Int32Array;
  readonly cStart: Float64Array;
  readonly cArrive: Float64Array;
  readonly cDepart: Float64Array;
  readonly traces: Float64Array; //    traceRows × traceCols
}

export interface CisRaw {
  readonly status: number;
  readonly totals: Float64Array; //   CTOTAL_SLOTS, CT_*
  readonly series: Float64Array; //   steps × CSERIES_COLS, CS_*
  /** VM slot of each container at the end, -1 = none. */
  readonly cVm: Int32Array;
  /** Host of each VM slot at the end, -1 = none; and the slot's VM type (-1 = never used). */
  readonly vmHost: Int32Array;
  readonly vmTypeOut: Int32Array;
}

export interface CisSimulator {
  readonly name: 'wasm' | 'reference';
  reserve(sizes: CisSizes): CisArena;
  run(): CisRaw;
}

export const CIS_SLOTS = { CPARAM_SLOTS, CIPARAM_SLOTS, CTOTAL_SLOTS, CSERIES_COLS } as const;

/** Plain typed arrays for the reference (and for tests that fill an arena without a kernel). */
export function createCisArena(s: CisSizes): CisArena {
  const f = (n: number) => new Float64Array(n), i = (n: number) => new Int32Array(n);
  const h = s.hosts, t = s.types, n = s.containers;
  return {
    ...s,
    params: f(CPARAM_SLOTS), iparams: i(CIPARAM_SLOTS), modelPower: f(s.models * 11),
    hostModel: i(h), hostPes: i(h), hostPeMips: f(h), hostRam: f(h), hostBw: f(h),
    typePes: i(t), typePeMips: f(t), typeRam: f(t), typeBw: f(t), vmType: i(s.initialVms),
    cMips: f(n), cWorkload: f(n), cRam: f(n), cBw: f(n), cBase: f(n), cScale: f(n), cTrace: i(n), cStart: f(n),
    cArrive: f(n), cDepart: f(n).fill(Infinity), traces: f(s.traceRows * s.traceCols),
  };
}
