// Fills a packer's arena from plain arrays (tests only; production code encodes expansions).
import type { Packer, PackOutcome, SizeKey } from '../../core/kernel/packer';

export interface Instance {
  dims: number;
  capacities: number[][]; // per host
  maxItems: number[]; // per host, 0 = none
  demands: number[][]; // per item
}

export function packInstance(packer: Packer, inst: Instance, key: SizeKey): PackOutcome {
  const a = packer.reserve(inst.capacities.length, inst.demands.length, inst.dims);
  inst.capacities.forEach((c, h) => a.hostCapacity.set(c, h * inst.dims));
  a.hostMaxItems.set(inst.maxItems);
  inst.demands.forEach((d, i) => a.itemDemand.set(d, i * inst.dims));
  const out = packer.firstFitDecreasing(key);
  // Copy out of kernel memory so later calls cannot change what the test compares.
  return {
    hostsUsed: out.hostsUsed,
    itemHost: out.itemHost.slice(),
    itemReason: out.itemReason.slice(),
    hostResidual: out.hostResidual.slice(),
    hostItems: out.hostItems.slice(),
    itemOrder: out.itemOrder.slice(),
  };
}
