// Wraps the planner's packer and keeps a copy of each packing it does (inputs and outputs), so the host map
// can show exactly the placement behind the numbers — not a second, possibly different, packing. The kernel's
// arrays are views into WASM memory that the next call overwrites, hence the copies.
import type { Packer } from '../../../core/kernel/packer';

export interface PackRecording {
  readonly hosts: number;
  readonly items: number;
  readonly dims: number;
  readonly hostCapacity: Float64Array;
  readonly hostMaxItems: Int32Array;
  readonly itemDemand: Float64Array;
  readonly hostsUsed: number;
  readonly itemHost: Int32Array;
  readonly itemReason: Int32Array;
  readonly itemOrder: Int32Array;
  readonly hostResidual: Float64Array;
  readonly hostItems: Int32Array;
}

interface ArenaLike {
  readonly hosts: number;
  readonly items: number;
  readonly dims: number;
  readonly hostCapacity: Float64Array;
  readonly hostMaxItems: Int32Array;
  readonly itemDemand: Float64Array;
}

interface OutcomeLike {
  readonly hostsUsed: number;
  readonly itemHost: Int32Array;
  readonly itemReason: Int32Array;
  readonly itemOrder: Int32Array;
  readonly hostResidual: Float64Array;
  readonly hostItems: Int32Array;
}

const isOutcome = (v: unknown): v is OutcomeLike =>
  typeof v === 'object' && v !== null && (v as OutcomeLike).itemHost instanceof Int32Array && (v as OutcomeLike).hostResidual instanceof Float64Array;

const live = (a: ArrayBufferView) => a.buffer.byteLength > 0; // a view of grown WASM memory is detached

export function recordingPacker(inner: Packer): { packer: Packer; recordings: PackRecording[] } {
  const recordings: PackRecording[] = [];
  let arena: ArenaLike | undefined;
  const packer = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const out = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (prop === 'reserve') arena = out as ArenaLike;
        else if (isOutcome(out) && arena && live(arena.hostCapacity) && live(arena.itemDemand) && live(out.itemHost)) {
          recordings.push({
            hosts: arena.hosts, items: arena.items, dims: arena.dims,
            hostCapacity: arena.hostCapacity.slice(), hostMaxItems: arena.hostMaxItems.slice(), itemDemand: arena.itemDemand.slice(),
            hostsUsed: out.hostsUsed, itemHost: out.itemHost.slice(), itemReason: out.itemReason.slice(),
            itemOrder: out.itemOrder.slice(), hostResidual: out.hostResidual.slice(), hostItems: out.hostItems.slice(),
          });
        }
        return out;
      };
    },
  });
  return { packer, recordings };
}
