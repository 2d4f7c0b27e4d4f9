// The contract every packer implements: the WASM kernel (wasm-packer.ts) and the TypeScript reference
// (../reference/reference-packer.ts). Both expose the same flat arrays, so encoders and decoders are shared
// and differential tests compare them element by element.
import { SIZE_KEY_L2, SIZE_KEY_MAX, SIZE_KEY_SUM } from '../../assembly/abi';

export type SizeKey = 'max' | 'sum' | 'l2';

export const SIZE_KEY_CODE: Record<SizeKey, number> = { max: SIZE_KEY_MAX, sum: SIZE_KEY_SUM, l2: SIZE_KEY_L2 };

/** Inputs, written by the caller after `reserve`. Matrices are row-major: host × dimension, item × dimension. */
export interface PackArena {
  readonly hosts: number;
  readonly items: number;
  readonly dims: number;
  readonly hostCapacity: Float64Array;
  /** Item limit per host (e.g. max pods per node); 0 means no limit. */
  readonly hostMaxItems: Int32Array;
  readonly itemDemand: Float64Array;
}

/** Outputs. For the WASM packer these are views into kernel memory, valid until the next `reserve`. */
export interface PackOutcome {
  readonly hostsUsed: number;
  /** Host index per item, -1 when unplaced. */
  readonly itemHost: Int32Array;
  /** REASON_* code per item (abi.ts). */
  readonly itemReason: Int32Array;
  readonly hostResidual: Float64Array;
  readonly hostItems: Int32Array;
  /** Items in the order they were packed. */
  readonly itemOrder: Int32Array;
}

export interface Packer {
  readonly name: 'wasm' | 'reference';
  reserve(hosts: number, items: number, dims: number): PackArena;
  firstFitDecreasing(sizeKey: SizeKey): PackOutcome;
}
