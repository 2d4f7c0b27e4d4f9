// An independent check of a packing: it shares no code with the packers (kernel or reference), only the input
// arrays, and recomputes every hard rule from scratch with plain maps and sums.
//   capacity   Σ demand of the items on a host <= its capacity, per dimension (relative tolerance 1e-9 for
//              non-integer inputs; benchmark and scenario units are integers, so sums are exact)
//   item limit items on a host <= its limit (when it has one)
//   labels     a host offers every label an item on it requires
//   isolation  a host holding an exclusive item holds items of that item's tenant only
//   spread     items of a spread group per domain (host, rack, site) <= the group's maximum
//   affinity   items of one affinity group share one host, or all are unplaced
import { DOMAIN_HOST, DOMAIN_RACK } from '../../assembly/abi';

/** The inputs a packing is checked against (the PackArena fields, as plain arrays). */
export interface PackingInput {
  readonly hosts: number;
  readonly items: number;
  readonly dims: number;
  readonly labelWords: number;
  readonly hostCapacity: ArrayLike<number>;
  readonly hostMaxItems: ArrayLike<number>;
  readonly hostRack: ArrayLike<number>;
  readonly hostSite: ArrayLike<number>;
  readonly hostLabels: ArrayLike<number>;
  readonly itemDemand: ArrayLike<number>;
  readonly itemTenant: ArrayLike<number>;
  readonly itemExclusive: ArrayLike<number>;
  readonly itemSpread: ArrayLike<number>;
  readonly itemAffinity: ArrayLike<number>;
  readonly itemLabels: ArrayLike<number>;
  readonly spreadLevel: ArrayLike<number>;
  readonly spreadMax: ArrayLike<number>;
}

export type ViolationKind = 'assignment' | 'capacity' | 'item-limit' | 'labels' | 'isolation' | 'spread' | 'affinity' | 'unplaced';

export interface Violation {
  readonly kind: ViolationKind;
  readonly message: string;
}

export interface Verdict {
  readonly feasible: boolean;
  readonly hostsUsed: number;
  readonly placed: number;
  readonly unplaced: number;
  /** At most MAX_REPORTED violations, the first found. */
  readonly violations: readonly Violation[];
}

const MAX_REPORTED = 20;

/** Plain arrays for a benchmark instance: `hosts` identical bins, no other rules. */
export function binsInput(hosts: number, dims: number, capacity: readonly number[], demands: ArrayLike<number>, items: number): PackingInput {
  const hostCapacity = new Float64Array(hosts * dims);
  for (let h = 0; h < hosts; h++) hostCapacity.set(capacity, h * dims);
  return {
    hosts, items, dims, labelWords: 0, hostCapacity, hostMaxItems: new Int32Array(hosts), hostRack: new Int32Array(hosts),
    hostSite: new Int32Array(hosts), hostLabels: new Int32Array(0), itemDemand: demands, itemTenant: new Int32Array(items),
    itemExclusive: new Int32Array(items), itemSpread: new Int32Array(items).fill(-1), itemAffinity: new Int32Array(items).fill(-1),
    itemLabels: new Int32Array(0), spreadLevel: new Int32Array(0), spreadMax: new Int32Array(0),
  };
}

export function verifyPacking(p: PackingInput, itemHost: ArrayLike<number>, options: { requireAll?: boolean } = {}): Verdict {
  const violations: Violation[] = [];
  let count = 0;
  const report = (kind: ViolationKind, message: string) => { count++; if (violations.length < MAX_REPORTED) violations.push({ kind, message }); };
  const { hosts, items, dims, labelWords: w } = p;
  const load = new Float64Array(hosts * dims);
  const onHost = new Int32Array(hosts);
  let placed = 0;
  for (let i = 0; i < items; i++) {
    const h = itemHost[i];
    if (h === -1) { if (options.requireAll) report('unplaced', `item ${i} has no host`); continue; }
    if (!Number.isInteger(h) || h < 0 || h >= hosts) { report('assignment', `item ${i} names host ${h}, which does not exist`); continue; }
    placed++;
    onHost[h]++;
    for (let d = 0; d < dims; d++) load[h * dims + d] += p.itemDemand[i * dims + d];
    for (let k = 0; k < w; k++) {
      const need = p.itemLabels[i * w + k];
      if ((p.hostLabels[h * w + k] & need) !== need) { report('labels', `item ${i} needs labels host ${h} lacks`); break; }
    }
  }
  let hostsUsed = 0;
  for (let h = 0; h < hosts; h++) {
    if (onHost[h] === 0) continue;
    hostsUsed++;
    for (let d = 0; d < dims; d++) {
      const cap = p.hostCapacity[h * dims + d], l = load[h * dims + d];
      if (l > cap + 1e-9 * Math.max(1, Math.abs(cap))) report('capacity', `host ${h} holds ${l} in dimension ${d}, capacity ${cap}`);
    }
    if (p.hostMaxItems[h] > 0 && onHost[h] > p.hostMaxItems[h]) report('item-limit', `host ${h} holds ${onHost[h]} items, limit ${p.hostMaxItems[h]}`);
  }
  // Isolation: per host, the tenants present and whether any item is exclusive.
  const tenants = new Map<number, Set<number>>();
  const exclusive = new Set<number>();
  for (let i = 0; i < items; i++) {
    const h = itemHost[i];
    if (!(h >= 0 && h < hosts)) continue;
    if (!tenants.has(h)) tenants.set(h, new Set());
    tenants.get(h)!.add(p.itemTenant[i]);
    if (p.itemExclusive[i] !== 0) exclusive.add(h);
  }
  for (const h of exclusive) if (tenants.get(h)!.size > 1) report('isolation', `host ${h} holds an item that needs a host of its own tenant, next to ${tenants.get(h)!.size - 1} other tenant(s)`);
  // Spread: items per (group, domain).
  const spread = new Map<string, number>();
  for (let i = 0; i < items; i++) {
    const h = itemHost[i], g = p.itemSpread[i];
    if (!(h >= 0 && h < hosts) || g < 0) continue;
    const level = p.spreadLevel[g];
    const domain = level === DOMAIN_HOST ? h : level === DOMAIN_RACK ? p.hostRack[h] : p.hostSite[h];
    const key = `${g}/${level}/${domain}`;
    const n = (spread.get(key) ?? 0) + 1;
    spread.set(key, n);
    if (n === p.spreadMax[g] + 1) report('spread', `spread group ${g} has more than ${p.spreadMax[g]} item(s) in domain ${domain} (level ${level})`);
  }
  // Affinity: one host per group.
  const groupHost = new Map<number, number>();
  for (let i = 0; i < items; i++) {
    const g = p.itemAffinity[i];
    if (g < 0) continue;
    const h = itemHost[i];
    if (!groupHost.has(g)) groupHost.set(g, h);
    else if (groupHost.get(g) !== h) report('affinity', `affinity group ${g} is split (item ${i} on ${h}, another on ${groupHost.get(g)})`);
  }
  return { feasible: count === 0, hostsUsed, placed, unplaced: items - placed, violations };
}
