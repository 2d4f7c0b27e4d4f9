// What the simulation kernel reads and writes: flat structure-of-arrays, the same for the WASM kernel
// (kernel memory views) and the TypeScript reference (plain typed arrays). Units: CPU in MIPS (or
// millicores for scenarios — any unit, as long as hosts and items agree), memory in MB, time in seconds.
import {
  IPARAM_SLOTS, PARAM_SLOTS, SERIES_COLS, TOTAL_SLOTS,
} from '../../assembly/sim/abi';
import type { CisSimulator } from './cis/spec';

export const POWER_POINTS = 11; // watts at 0, 10, …, 100 % utilisation

/** Sizes of one simulation. */
export interface SimSizes {
  readonly hosts: number;
  readonly items: number;
  /** Host models (power curves). */
  readonly models: number;
  /** Trace rows; each item reads one row. */
  readonly traceRows: number;
  /** Samples per trace row (the last sample is repeated once more by the encoder). */
  readonly traceCols: number;
  /** Per-step rows reserved for the series. */
  readonly steps: number;
  /** Autoscaled services (0 when autoscaling is off). */
  readonly services: number;
}

/** Inputs, written by the caller after `reserve`. */
export interface SimArena extends SimSizes {
  readonly params: Float64Array; // PARAM_SLOTS, P_* (abi)
  readonly iparams: Int32Array; //  IPARAM_SLOTS, I_* (abi)
  readonly modelPower: Float64Array; // models × 11, W
  readonly hostModel: Int32Array;
  readonly hostPes: Int32Array; //        cores
  readonly hostPeMips: Float64Array; //   capacity of one core
  readonly hostMemory: Float64Array; //   MB
  readonly hostBw: Float64Array; //       bandwidth units reserved by items at creation
  readonly hostMigrationRate: Float64Array; // MB/s available to migrations into this host
  /** Hosts with equal class have equal model and capacities (lets placement price empty hosts once); -1 = unique. */
  readonly hostClass: Int32Array;
  readonly itemMips: Float64Array; //     capacity (size) of the item
  readonly itemPes: Int32Array; //        virtual cores
  readonly itemMemory: Float64Array; //   MB reserved
  readonly itemBw: Float64Array;
  readonly itemMigrationMB: Float64Array; // memory a live migration copies
  readonly itemBaseFrac: Float64Array; // demand = (base + trace × scale) × itemMips
  readonly itemScaleFrac: Float64Array;
  readonly itemTrace: Int32Array; //      trace row
  readonly itemKind: Int32Array; //       KIND_*
  readonly itemStartSeconds: Float64Array; // container start time on restart
  readonly itemArrive: Float64Array; //   s; 0 = present from the start
  readonly itemDepart: Float64Array; //   s; Infinity = never
  readonly itemInitialHost: Int32Array; // PLACE_GIVEN: host per item, -1 = let the policy choose
  readonly itemService: Int32Array; //    autoscaled service of the item (a replica slot), -1 = none
  readonly itemMemoryTrace: Int32Array; // trace row of the memory in use, as a share of itemMigrationMB; -1 = none
  readonly svcBase: Float64Array; //      replicas the service's trace demand is defined for
  readonly svcMin: Int32Array;
  readonly svcMax: Int32Array; //         replica slots, contiguous from svcFirst
  readonly svcFirst: Int32Array;
  readonly traces: Float64Array; //       traceRows × traceCols, fractions 0..1
}

/** Outputs. For the WASM simulator these are views into kernel memory, valid until the next `reserve`. */
export interface SimRaw {
  readonly status: number;
  readonly totals: Float64Array; // TOTAL_SLOTS, T_* (abi)
  readonly series: Float64Array; // steps × SERIES_COLS, S_* (abi)
  /** Host of each item at the end, -1 when gone. */
  readonly itemHost: Int32Array;
}

export interface Simulator {
  readonly name: 'wasm' | 'reference';
  reserve(sizes: SimSizes): SimArena;
  run(): SimRaw;
  /** The two-level simulator (pods in node VMs on hosts) of the same kind: WASM beside WASM, reference beside reference. */
  twoLevel?(): CisSimulator;
}

export const SLOTS = { PARAM_SLOTS, IPARAM_SLOTS, TOTAL_SLOTS, SERIES_COLS } as const;
