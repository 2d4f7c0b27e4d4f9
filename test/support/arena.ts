// Fills a packer's arena from plain arrays (tests only; production code encodes expansions).
import { copyOutcome, DEFAULT_PACK_OPTIONS, type PackArena, type PackOptions, type Packer, type PackOutcome, type SizeKey } from '../../core/kernel/packer';
import type { Fleet } from '../../core/pack/fleet';
import type { PackingInput } from '../../core/pack/verify';

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

/** 1-D hosts of 20; 60 items of 3, 30 of 4 and 12 of 5: three shapes, several copies of each on every host. */
export const threeShapes: Instance = {
  dims: 1, capacities: Array.from({ length: 40 }, () => [20]), maxItems: new Array<number>(40).fill(0),
  demands: [...Array.from({ length: 60 }, () => [3]), ...Array.from({ length: 30 }, () => [4]), ...Array.from({ length: 12 }, () => [5])],
};

/** A generated fleet (core/pack/fleet.ts) as an instance: its pool of identical hosts, no item limits. */
export function fleetInstance(f: Fleet): Instance {
  return {
    dims: f.dims, capacities: Array.from({ length: f.hosts }, () => [...f.hostCapacity]), maxItems: new Array<number>(f.hosts).fill(0),
    demands: Array.from({ length: f.items }, (_, i) => Array.from(f.demands.subarray(i * f.dims, (i + 1) * f.dims))),
  };
}

/** Writes the instance into the packer's arena, and returns the arena. */
export function loadInstance(packer: Packer, inst: Instance): PackArena {
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
  return a;
}

/** Copy out of kernel memory so later calls cannot change what a test compares. */

export function packWith(packer: Packer, inst: Instance, options: Partial<PackOptions>): PackOutcome {
  loadInstance(packer, inst);
  return copyOutcome(packer.pack({ ...DEFAULT_PACK_OPTIONS, ...options }));
}

/** First Fit Decreasing by `key`, no improvement. */
export function packInstance(packer: Packer, inst: Instance, key: SizeKey): PackOutcome {
  return packWith(packer, inst, { rule: 'first-fit', order: 'decreasing', sizeKey: key });
}

/** The instance as the verifier's input, defaults filled in as the arena would. */
export function instanceInput(inst: Instance): PackingInput {
  const h = inst.capacities.length, n = inst.demands.length;
  const labels = inst.hostLabels || inst.itemLabels ? 1 : 0;
  return {
    hosts: h, items: n, dims: inst.dims, labelWords: labels,
    hostCapacity: inst.capacities.flat(), hostMaxItems: inst.maxItems, hostRack: inst.hostRack ?? new Array(h).fill(0),
    hostSite: inst.hostSite ?? new Array(h).fill(0), hostLabels: labels ? inst.hostLabels ?? new Array(h).fill(0) : [],
    itemDemand: inst.demands.flat(), itemTenant: inst.itemTenant ?? new Array(n).fill(0), itemExclusive: inst.itemExclusive ?? new Array(n).fill(0),
    itemSpread: inst.itemSpread ?? new Array(n).fill(-1), itemAffinity: inst.itemAffinity ?? new Array(n).fill(-1),
    itemLabels: labels ? inst.itemLabels ?? new Array(n).fill(0) : [],
    spreadLevel: (inst.spread ?? []).map((g) => g.level), spreadMax: (inst.spread ?? []).map((g) => g.max),
  };
}
