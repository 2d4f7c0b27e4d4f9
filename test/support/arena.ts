// Fills a packer's arena from plain arrays (tests only; production code encodes expansions).
import { DEFAULT_PACK_OPTIONS, type PackOptions, type Packer, type PackOutcome, type SizeKey } from '../../core/kernel/packer';

export interface Instance {
  dims: number;
  capacities: number[][]; // per host
  maxItems: number[]; // per host, 0 = none
  demands: number[][]; // per item
  // Optional constraints (defaults as in the arena).
  hostCost?: number[];
  hostRack?: number[];
  hostSite?: number[];
  hostLabels?: number[]; // one label word per host
  itemLabels?: number[]; // one label word per item
  itemTenant?: number[];
  itemExclusive?: number[];
  itemSpread?: number[];
  itemAffinity?: number[];
  spread?: { level: number; max: number }[];
}

/** Writes the instance into the packer's arena. */
export function loadInstance(packer: Packer, inst: Instance): void {
  const labels = inst.hostLabels || inst.itemLabels ? 1 : 0;
  const a = packer.reserve(inst.capacities.length, inst.demands.length, inst.dims, { labelWords: labels, spreadGroups: inst.spread?.length ?? 0 });
  inst.capacities.forEach((c, h) => a.hostCapacity.set(c, h * inst.dims));
  a.hostMaxItems.set(inst.maxItems);
  inst.demands.forEach((d, i) => a.itemDemand.set(d, i * inst.dims));
  if (inst.hostCost) a.hostCost.set(inst.hostCost);
  if (inst.hostRack) a.hostRack.set(inst.hostRack);
  if (inst.hostSite) a.hostSite.set(inst.hostSite);
  if (labels) {
    a.hostLabels.set(inst.hostLabels ?? inst.capacities.map(() => 0));
    a.itemLabels.set(inst.itemLabels ?? inst.demands.map(() => 0));
  }
  if (inst.itemTenant) a.itemTenant.set(inst.itemTenant);
  if (inst.itemExclusive) a.itemExclusive.set(inst.itemExclusive);
  if (inst.itemSpread) a.itemSpread.set(inst.itemSpread);
  if (inst.itemAffinity) a.itemAffinity.set(inst.itemAffinity);
  inst.spread?.forEach((g, k) => { a.spreadLevel[k] = g.level; a.spreadMax[k] = g.max; });
}

/** Copy out of kernel memory so later calls cannot change what a test compares. */
export function copyOutcome(out: PackOutcome): PackOutcome {
  return {
    ...out,
    itemHost: out.itemHost.slice(),
    itemReason: out.itemReason.slice(),
    hostResidual: out.hostResidual.slice(),
    hostItems: out.hostItems.slice(),
    itemOrder: out.itemOrder.slice(),
    itemFirstHost: out.itemFirstHost.slice(),
  };
}

export function packWith(packer: Packer, inst: Instance, options: Partial<PackOptions>): PackOutcome {
  loadInstance(packer, inst);
  return copyOutcome(packer.pack({ ...DEFAULT_PACK_OPTIONS, ...options }));
}

/** First Fit Decreasing by `key`, no improvement. */
export function packInstance(packer: Packer, inst: Instance, key: SizeKey): PackOutcome {
  return packWith(packer, inst, { rule: 'first-fit', order: 'decreasing', sizeKey: key });
}
