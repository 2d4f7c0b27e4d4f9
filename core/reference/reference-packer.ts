// The TypeScript reference packer: the oracle the WASM kernel is checked against (same inputs, same outputs).
import type { PackArena, PackOutcome, Packer, SizeKey } from '../kernel/packer';
import { decreasingOrder, sizeKeys } from './order';
import { firstFit } from './first-fit';

export class ReferencePacker implements Packer {
  readonly name = 'reference' as const;
  private arena: PackArena | undefined;

  reserve(hosts: number, items: number, dims: number): PackArena {
    this.arena = {
      hosts, items, dims,
      hostCapacity: new Float64Array(hosts * dims),
      hostMaxItems: new Int32Array(hosts),
      itemDemand: new Float64Array(items * dims),
    };
    return this.arena;
  }

  firstFitDecreasing(sizeKey: SizeKey): PackOutcome {
    const a = this.arena;
    if (!a) throw new Error('reserve() must be called before packing');
    const order = decreasingOrder(sizeKeys(a.hostCapacity, a.hosts, a.itemDemand, a.items, a.dims, sizeKey));
    return { ...firstFit(a, order), itemOrder: order };
  }
}
