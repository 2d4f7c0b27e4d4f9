// Wraps the planner's packer and keeps a copy of each packing it does (the whole arena as filled, the options
// and the outcome), so the host map shows exactly the placement behind the numbers — not a second, possibly
// different, packing — and can replay any decision (core/pack/explain.ts). The kernel's arrays are views into
// WASM memory that the next call overwrites, hence the copies.
import { copyInputs, copyOutcome, type ArenaInputs, type PackArena, type Packer, type PackOptions, type PackOutcome } from '../../../core/kernel/packer';

export interface PackRecording {
  readonly arena: ArenaInputs;
  /** Options of the pack() call; null when the outcome came from another entry point (firstFitDecreasing). */
  readonly options: PackOptions | null;
  readonly outcome: PackOutcome;
}

const isOutcome = (v: unknown): v is PackOutcome =>
  typeof v === 'object' && v !== null && (v as PackOutcome).itemHost instanceof Int32Array && (v as PackOutcome).hostResidual instanceof Float64Array;

const live = (a: ArrayBufferView) => a.buffer.byteLength > 0; // a view of grown WASM memory is detached

export function recordingPacker(inner: Packer): { packer: Packer; recordings: PackRecording[] } {
  const recordings: PackRecording[] = [];
  let filled: PackArena | undefined;
  const inputs = () => (filled && live(filled.itemDemand) ? copyInputs(filled) : undefined);
  const packer = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        // Copied before packing: a pack may grow kernel memory, which detaches the arena's views.
        const before = prop === 'pack' ? inputs() : undefined;
        const out = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (prop === 'reserve') filled = out as PackArena;
        else if (isOutcome(out) && live(out.itemHost)) {
          const arena = before ?? inputs();
          if (arena) recordings.push({ arena, options: prop === 'pack' ? args[0] as PackOptions : null, outcome: copyOutcome(out) });
        }
        return out;
      };
    },
  });
  return { packer, recordings };
}
