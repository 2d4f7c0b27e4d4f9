// Reference for assembly/pack/units.ts. Items of one affinity group move as one unit: a unit's demand is the
// sum of its members' (in member order), it takes as many item slots as it has members, needs every label a
// member needs, and is exclusive if any member is. Units are numbered by their lowest item; members keep
// increasing item order. A unit that can never share one host is marked with REASON_AFFINITY.
import { REASON_AFFINITY } from '../../assembly/abi';
import type { PackArena } from '../kernel/packer';

export const MIXED_TENANT = -2;

export interface Units {
  readonly count: number;
  readonly ofItem: Int32Array;
  readonly first: Int32Array;
  /** Next member of the same unit, -1 after the last. */
  readonly nextItem: Int32Array;
  readonly demand: Float64Array;
  readonly slots: Int32Array;
  readonly labels: Int32Array;
  /** Common tenant of the members, or MIXED_TENANT. */
  readonly tenant: Int32Array;
  readonly exclusive: Int32Array;
  /** 1 when some member belongs to a spread group. */
  readonly spread: Int32Array;
  /** REASON_AFFINITY when the unit can never be placed, else 0. */
  readonly conflict: Int32Array;
  /** Σ_d demand_d / norm_d: the size the improvement phase minimises in its trash can. */
  readonly weight: Float64Array;
}

/** Largest capacity per dimension over all hosts (0 when no host offers the dimension). */
export function dimensionNorms(a: PackArena): Float64Array {
  const norm = new Float64Array(a.dims);
  for (let d = 0; d < a.dims; d++) {
    let m = 0;
    for (let h = 0; h < a.hosts; h++) m = Math.max(m, a.hostCapacity[h * a.dims + d]);
    norm[d] = m;
  }
  return norm;
}

export function buildUnits(a: PackArena, norm: Float64Array): Units {
  const { items: n, dims: dd, labelWords: w } = a;
  const ofItem = new Int32Array(n), first = new Int32Array(n), last = new Int32Array(n);
  const nextItem = new Int32Array(n).fill(-1);
  const groupUnit = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const g = a.itemAffinity[i];
    if (g >= 0 && groupUnit[g] >= 0) {
      const u = groupUnit[g];
      nextItem[last[u]] = i;
      last[u] = i;
      ofItem[i] = u;
      continue;
    }
    if (g >= 0) groupUnit[g] = count;
    first[count] = i;
    last[count] = i;
    ofItem[i] = count++;
  }
  const demand = new Float64Array(count * dd), slots = new Int32Array(count), labels = new Int32Array(count * w);
  const tenant = new Int32Array(count), exclusive = new Int32Array(count), spread = new Int32Array(count);
  const conflict = new Int32Array(count), weight = new Float64Array(count);
  for (let u = 0; u < count; u++) {
    tenant[u] = a.itemTenant[first[u]];
    for (let i = first[u]; i >= 0; i = nextItem[i]) {
      for (let d = 0; d < dd; d++) demand[u * dd + d] += a.itemDemand[i * dd + d];
      for (let k = 0; k < w; k++) labels[u * w + k] |= a.itemLabels[i * w + k];
      slots[u]++;
      if (a.itemTenant[i] !== tenant[u]) tenant[u] = MIXED_TENANT;
      if (a.itemExclusive[i] !== 0) exclusive[u] = 1;
      if (a.itemSpread[i] >= 0) spread[u] = 1;
    }
    if (exclusive[u] !== 0 && tenant[u] === MIXED_TENANT) conflict[u] = REASON_AFFINITY;
    if (spread[u] !== 0) {
      for (let i = first[u]; i >= 0; i = nextItem[i]) {
        const g = a.itemSpread[i];
        if (g >= 0 && sameGroupMembers(a, nextItem, first[u], g) > a.spreadMax[g]) conflict[u] = REASON_AFFINITY;
      }
    }
    let acc = 0;
    for (let d = 0; d < dd; d++) if (norm[d] > 0) acc += demand[u * dd + d] / norm[d];
    weight[u] = acc;
  }
  return { count, ofItem, first, nextItem, demand, slots, labels, tenant, exclusive, spread, conflict, weight };
}

/** Members of the unit starting at `firstItem` that belong to spread group `g`. */
export function sameGroupMembers(a: PackArena, nextItem: Int32Array, firstItem: number, g: number): number {
  let k = 0;
  for (let i = firstItem; i >= 0; i = nextItem[i]) if (a.itemSpread[i] === g) k++;
  return k;
}

/**
 * Class of each unit: the lowest index of the units interchangeable with it (single items with equal demand,
 * labels, tenant, isolation and spread group); a unit of several items is its own class.
 */
export function unitClasses(a: PackArena, units: Units): Int32Array {
  const { dims: dd, labelWords: w } = a;
  const cls = new Int32Array(units.count);
  const seen = new Map<string, number>();
  for (let v = 0; v < units.count; v++) {
    if (units.slots[v] !== 1) { cls[v] = v; continue; }
    const i = units.first[v];
    const key = [
      ...units.demand.subarray(v * dd, v * dd + dd), '|', ...units.labels.subarray(v * w, v * w + w), '|',
      a.itemTenant[i], a.itemExclusive[i], a.itemSpread[i],
    ].join(',');
    const c = seen.get(key);
    if (c === undefined) { seen.set(key, v); cls[v] = v; } else cls[v] = c;
  }
  return cls;
}
