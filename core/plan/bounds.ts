// Lower bounds on the number of hosts. Volume bound per dimension: the fewest hosts whose capacities, largest
// first, add up to the total demand in that dimension (for identical hosts this is ceil(Σ demand / capacity));
// the same count argument on item slots when every host has an item limit. When every host offers the same
// allocatable capacity, the Martello–Toth L2 bound of each dimension applies too (core/pack/bounds.ts). The
// bound is the largest of them.
//
// Rule-aware bounds (rulesLowerBound, twoLevelLowerBound) add what the scenario's rules force, each a valid
// bound on its own, and report the largest with the rule that makes it:
//   spread     a service of n replicas with at most m per host, rack or site needs ⌈n / m⌉ such domains, and
//              every domain in use holds at least one host: ⌈n / m⌉ hosts
//   isolation  hosts holding a tenant's items that need a host of their own hold nothing of anyone else, so the
//              pool splits into disjoint partitions — one per such tenant, one for the tenants that share — whose
//              bounds add up
//   labels     items requiring a label set run only on hosts carrying it: the bound of those items on those hosts
//   item slots pod limits per host (and per node VM) bound the count like a resource
//   nodes      container-in-VM: pods need at least N node VMs (volume, pod slots, L2 and node-VM isolation
//              partitions of the node level), and one host holds at most ⌊capacity ÷ least node VM demand⌋ of
//              them (its shape plus the per-VM overhead, in CPU, memory and disk)
// Each partition or subset bound takes the fewest hosts of the pool that could hold it (largest first), which
// a sum over disjoint subsets never overcounts. test/property/plan-rules.test.ts checks every bound against an
// exact HiGHS MIP on small instances. Where HiGHS is loaded, the LP relaxation (lp.ts) and the isolation partitions
// in whole hosts (partition-bound.ts: 'partitions', which also chooses what a tenant's shareable items fill of its
// own hosts) join these.
import type { PackOutcome } from '../kernel/packer';
import { nodeVmOverheadMiB } from '../model/container-in-vm';
import { DIMENSIONS, DIMS, type Dimension } from '../model/dimensions';
import type { Expansion, HostGroup } from '../model/expansion';
import { placementRule, type ComparedModel } from '../model/isolation';
import { countedBinLowerBound } from '../pack/bounds';
import type { Scenario, Service } from '../scenario/schema';
import { groupStarts } from './encode';
import { servicesById } from '../scenario/services-by-id';

/**
 * Which argument gives a bound: the volume (or item slot) count, Martello–Toth L2, a spread rule's domains,
 * isolation partitions whose bounds add up, the hosts that carry required labels, node VMs (container-in-VM),
 * the LP relaxation (core/plan/lp.ts), or the isolation partitions counted in whole hosts (partition-bound.ts).
 */
export type BoundMethod = 'volume' | 'l2' | 'spread' | 'isolation' | 'labels' | 'nodes' | 'lp' | 'partitions';

export interface LowerBound {
  /** Hosts; null when no finite number of pool-sized hosts can hold the demand (a dimension has no capacity). */
  readonly hosts: number | null;
  /**
   * What makes it: a dimension or 'items' (pod slots) for volume and L2, else the rule: 'spread:<service>',
   * 'isolation' (partitions), 'labels:<label>+…', 'nodes:<dimension>', 'lp' or 'partitions' (in whole hosts).
   */
  readonly by: Dimension | 'items' | string | null;
  /** Which bound: the volume (or slot) count, Martello–Toth L2, or a rule (see BoundMethod). */
  readonly method?: BoundMethod;
}

/** Fewest hosts covering `total` when host capacity per group is `cap(g)`, largest first; extends with the largest host beyond the pool. */
export function coverCount(total: number, groups: readonly HostGroup[], cap: (g: HostGroup) => number): number | null {
  if (total <= 0) return 0;
  const sorted = groups.filter((g) => cap(g) > 0).sort((a, b) => cap(b) - cap(a));
  if (sorted.length === 0) return null;
  let remaining = total, hosts = 0;
  for (const g of sorted) {
    const c = cap(g);
    if (remaining <= g.count * c) return hosts + Math.ceil(remaining / c);
    hosts += g.count;
    remaining -= g.count * c;
  }
  return hosts + Math.ceil(remaining / cap(sorted[0]));
}

/** `demandTotals` per dimension (kernel units) and `itemCount` of the items to place. */
export function volumeLowerBound(demandTotals: readonly number[], itemCount: number, hosts: readonly HostGroup[]): LowerBound {
  let best: LowerBound = { hosts: 0, by: null };
  for (let d = 0; d < DIMS; d++) {
    const k = coverCount(demandTotals[d], hosts, (g) => g.allocatable[d]);
    if (k === null) return { hosts: null, by: DIMENSIONS[d] };
    if (k > (best.hosts ?? 0)) best = { hosts: k, by: DIMENSIONS[d] };
  }
  if (hosts.length > 0 && hosts.every((g) => g.maxItems > 0)) {
    const k = coverCount(itemCount, hosts, (g) => g.maxItems);
    if (k !== null && k > (best.hosts ?? 0)) best = { hosts: k, by: 'items' };
  }
  return best;
}

/** Best bound for the items `out` placed (all items when `out` is null) of an expansion; `l2` false: volume only. */
export function planLowerBound(e: Expansion, out: Pick<PackOutcome, 'itemHost'> | null, l2 = true): LowerBound {
  const starts = groupStarts(e.items);
  const totals = new Array<number>(DIMS).fill(0);
  let count = 0;
  e.items.forEach((g, k) => {
    for (let i = starts[k]; i < starts[k + 1]; i++) {
      if (out && out.itemHost[i] < 0) continue;
      count++;
      for (let d = 0; d < DIMS; d++) totals[d] += g.demand[d];
    }
  });
  const volume = volumeLowerBound(totals, count, e.hosts);
  const best: LowerBound = { ...volume, method: 'volume' };
  const first = e.hosts[0];
  if (!l2 || volume.hosts === null || !first || !e.hosts.every((g) => g.allocatable.every((c, d) => c === first.allocatable[d]))) return best;
  // Item groups with the count of their placed items: the bound works on counts, not on every item.
  const demands = new Float64Array(e.items.length * DIMS);
  const counts = new Float64Array(e.items.length);
  e.items.forEach((g, k) => {
    demands.set(g.demand, DIMS * k);
    for (let i = starts[k]; i < starts[k + 1]; i++) if (!(out && out.itemHost[i] < 0)) counts[k]++;
  });
  const bin = countedBinLowerBound(DIMS, first.allocatable, demands, counts);
  return bin.bins > (best.hosts ?? 0) && Number.isFinite(bin.bins) ? { hosts: bin.bins, by: DIMENSIONS[bin.dim], method: bin.method } : best;
}


/** Items to bound: a demand vector, how many, and what the rules need to know of them. */
export interface BoundItem {
  readonly serviceId: string;
  readonly tenant: string;
  readonly demand: readonly number[];
  readonly count: number;
}

/** The larger of two bounds (the first on a tie); a bound of null hosts (nothing holds the items) wins. */
export const bestOf = (a: LowerBound, b: LowerBound): LowerBound => {
  if (a.hosts === null) return a;
  if (b.hosts === null) return b;
  return b.hosts > a.hosts ? b : a;
};

/** Volume, slot and (identical hosts) L2 bound of `items` on the host groups `hosts`. */
export function poolBound(items: readonly BoundItem[], hosts: readonly HostGroup[], l2 = true): LowerBound {
  const totals = new Array<number>(DIMS).fill(0);
  let count = 0;
  for (const it of items) {
    count += it.count;
    for (let d = 0; d < DIMS; d++) totals[d] += it.demand[d] * it.count;
  }
  if (count === 0) return { hosts: 0, by: null, method: 'volume' };
  if (hosts.length === 0) return { hosts: null, by: null, method: 'volume' };
  const volume: LowerBound = { ...volumeLowerBound(totals, count, hosts), method: 'volume' };
  const first = hosts[0];
  if (!l2 || volume.hosts === null || !hosts.every((g) => g.allocatable.every((c, d) => c === first.allocatable[d]))) return volume;
  const demands = new Float64Array(items.length * DIMS);
  items.forEach((it, k) => demands.set(it.demand, DIMS * k));
  const bin = countedBinLowerBound(DIMS, first.allocatable, demands, items.map((it) => it.count));
  return Number.isFinite(bin.bins) && bin.bins > (volume.hosts ?? 0) ? { hosts: bin.bins, by: DIMENSIONS[bin.dim], method: bin.method } : volume;
}

/** The placed items of an expansion as bound items (all when `out` is null). */
export function boundItems(e: Expansion, out: { readonly itemHost: ArrayLike<number> } | null): BoundItem[] {
  const starts = groupStarts(e.items);
  return e.items.map((g, k) => {
    let count = g.count;
    if (out) {
      count = 0;
      for (let i = starts[k]; i < starts[k + 1]; i++) if (out.itemHost[i] >= 0) count++;
    }
    return { serviceId: g.serviceId, tenant: g.tenant, demand: g.demand, count };
  });
}

/** How a model's rules constrain hosts, for the rule-aware bounds. */
interface RuleFacts {
  readonly services: ReadonlyMap<string, Service>;
  /** The service's items need hosts of their tenant's own. */
  readonly hostExclusive: (s: Service) => boolean;
  /** Labels a host group carries. */
  readonly labels: (g: HostGroup) => readonly string[];
}

function ruleFacts(scenario: Scenario, model: ComparedModel): RuleFacts {
  const models = new Map(scenario.hostModels.map((m) => [m.id, m]));
  return {
    services: servicesById(scenario),
    hostExclusive: (s) => placementRule(model, s.isolation, scenario) === 'host-exclusive',
    labels: (g) => models.get(g.modelId)?.labels ?? [],
  };
}

/**
 * The best of the rule-aware bounds of `items` on `hosts`, where `subset(items, hosts)` bounds a subset of the
 * items on a subset of the hosts (the pool bound, or container-in-VM's pods-and-node-VMs bound).
 */
function ruleBounds(items: readonly BoundItem[], hosts: readonly HostGroup[], f: RuleFacts,
  subset: (items: readonly BoundItem[], hosts: readonly HostGroup[]) => LowerBound): LowerBound {
  let best = subset(items, hosts);
  if (best.hosts === null) return best;
  // Spread: ⌈n / m⌉ domains, at least one host each.
  for (const it of items) {
    const spread = f.services.get(it.serviceId)?.spread;
    if (!spread || it.count === 0) continue;
    best = bestOf(best, { hosts: Math.ceil(it.count / spread.maxPerDomain), by: `spread:${it.serviceId}`, method: 'spread' });
  }
  // Isolation: one partition per tenant with items needing hosts of their own (at least its own bound, and one host
  // per domain its spread rules force, since those items live on its hosts only), one for the tenants that share.
  const exclusive = (it: BoundItem) => f.hostExclusive(f.services.get(it.serviceId)!);
  const exclusiveTenants = new Set(items.filter((it) => it.count > 0 && exclusive(it)).map((it) => it.tenant));
  if (exclusiveTenants.size > 0) {
    let sum = 0, finite = true;
    const own = new Map<string, number>();
    for (const t of exclusiveTenants) {
      const mine = items.filter((it) => it.tenant === t && exclusive(it));
      let b = subset(mine, hosts).hosts;
      if (b === null) { finite = false; continue; }
      for (const it of mine) {
        const spread = f.services.get(it.serviceId)?.spread;
        if (spread && it.count > 0) b = Math.max(b, Math.ceil(it.count / spread.maxPerDomain));
      }
      own.set(t, b);
      sum += b;
    }
    const shared = subset(items.filter((it) => !exclusiveTenants.has(it.tenant)), hosts).hosts;
    if (shared === null) finite = false; else sum += shared;
    if (finite) sum = Math.max(sum, spillBound(items, hosts, own, exclusive));
    if (finite && sum > (best.hosts ?? 0)) best = { hosts: sum, by: 'isolation', method: 'isolation' };
  }
  // Labels: items requiring a label set on the hosts that carry it.
  const sets = new Map<string, readonly string[]>();
  for (const it of items) {
    const req = f.services.get(it.serviceId)?.requiredHostLabels ?? [];
    // JSON keys: labels are free text, so ["a+b"] and ["a", "b"] must stay two sets.
    if (it.count > 0 && req.length > 0) sets.set(JSON.stringify([...req].sort()), req);
  }
  for (const req of sets.values()) {
    const key = [...req].sort().join('+');
    const needing = items.filter((it) => req.every((l) => (f.services.get(it.serviceId)?.requiredHostLabels ?? []).includes(l)));
    const carrying = hosts.filter((g) => req.every((l) => f.labels(g).includes(l)));
    if (carrying.length === 0) continue; // those items cannot be placed at all: nothing placed to bound
    const b = subset(needing, carrying);
    if (b.hosts !== null && b.hosts > (best.hosts ?? 0)) best = { hosts: b.hosts, by: `labels:${key}`, method: 'labels' };
  }
  return best;
}

/**
 * Isolation with the room of each partition counted: a host holding a tenant's exclusive items holds that tenant's
 * items only, so the tenants that share, and whatever of an exclusive tenant's other items does not fit beside its
 * exclusive ones on its `own` hosts, need further hosts; each host more (the tenant's or a shared one) takes at most
 * the largest host's capacity of it. Hosts ≥ Σ own + ⌈spilled volume ÷ largest capacity⌉ in every dimension.
 */
function spillBound(items: readonly BoundItem[], hosts: readonly HostGroup[], own: ReadonlyMap<string, number>, exclusive: (it: BoundItem) => boolean): number {
  const largest = new Array<number>(DIMS).fill(0);
  for (const g of hosts) for (let d = 0; d < DIMS; d++) largest[d] = Math.max(largest[d], g.allocatable[d]);
  let base = 0;
  for (const b of own.values()) base += b;
  let spill = 0;
  for (let d = 0; d < DIMS; d++) {
    if (largest[d] <= 0) continue;
    let volume = 0;
    const kept = new Map<string, { exclusive: number; other: number }>();
    for (const it of items) {
      const v = it.demand[d] * it.count;
      if (v <= 0) continue;
      if (!own.has(it.tenant)) { volume += v; continue; }
      const k = kept.get(it.tenant) ?? { exclusive: 0, other: 0 };
      if (exclusive(it)) k.exclusive += v; else k.other += v;
      kept.set(it.tenant, k);
    }
    for (const [t, k] of kept) volume += Math.max(0, k.other - Math.max(0, own.get(t)! * largest[d] - k.exclusive));
    spill = Math.max(spill, Math.ceil(volume / largest[d] - 1e-9));
  }
  return base + spill;
}

/** Rule-aware bound of a one-level model (VMs, pods on bare metal) for the items `out` placed (all when null). */
export function rulesLowerBound(scenario: Scenario, model: 'vm' | 'container', e: Expansion, out: Pick<PackOutcome, 'itemHost'> | null): LowerBound {
  return ruleBounds(boundItems(e, out), e.hosts, ruleFacts(scenario, model), (items, hosts) => poolBound(items, hosts));
}

/** Container-in-VM: the levels a bound needs — pods (with their node VM pools) and the hosts under the VM model. */
export interface TwoLevelShape {
  readonly pods: Expansion;
  readonly hosts: readonly HostGroup[];
}

/** Node VMs a host of group g holds at most: ⌊capacity ÷ least node VM demand⌋ over CPU, memory and disk. */
function nodeSlots(g: HostGroup, least: readonly number[]): number {
  let k = Infinity;
  for (let d = 0; d < 3; d++) if (least[d] > 0) k = Math.min(k, Math.floor(g.allocatable[d] / least[d]));
  return Number.isFinite(k) ? k : Number.MAX_SAFE_INTEGER;
}

/**
 * Container-in-VM, for the pods `podHost` placed (all when null), for one node VM shape: the best of the pods'
 * own bound on the hosts (their demand is inside their node VMs'), the node VMs they need at least and the
 * node VMs one host holds, and the rules (spread, isolation partitions of hosts, labels), each with what made it.
 */
export function twoLevelLowerBound(scenario: Scenario, plan: TwoLevelShape, podHost: ArrayLike<number> | null, rules = true): LowerBound {
  const f = ruleFacts(scenario, 'container-in-vm');
  const nodeExclusive = (s: Service) => placementRule('container-in-vm', s.isolation, scenario) !== 'none';
  const pools = plan.pods.hosts;
  const node = pools[0];
  const least = [node.physical[0], node.physical[1] + nodeVmOverheadMiB(scenario.deployment.vm, node), node.physical[2]];
  const pods = boundItems(plan.pods, podHost ? { itemHost: podHost } : null);
  /** Node VMs the pods need at least: node-exclusive tenants' pods in node VMs of their own. */
  const nodesFor = (items: readonly BoundItem[]): number | null => {
    const one = [node]; // every pool has the same shape
    const exclusive = new Set(items.filter((it) => it.count > 0 && nodeExclusive(f.services.get(it.serviceId)!)).map((it) => it.tenant));
    let sum = 0;
    for (const t of exclusive) {
      const b = poolBound(items.filter((it) => it.tenant === t && nodeExclusive(f.services.get(it.serviceId)!)), one).hosts;
      if (b === null) return null;
      sum += b;
    }
    const shared = poolBound(items.filter((it) => !exclusive.has(it.tenant)), one).hosts;
    if (shared === null) return null;
    const all = poolBound(items, one).hosts;
    return Math.max(sum + shared, all ?? 0);
  };
  const subset = (items: readonly BoundItem[], hosts: readonly HostGroup[]): LowerBound => {
    const own = poolBound(items, hosts);
    const n = nodesFor(items);
    if (own.hosts === null || n === null) return own;
    const byNodes = coverCount(n, hosts, (g) => nodeSlots(g, least));
    return byNodes !== null && byNodes > own.hosts ? { hosts: byNodes, by: 'nodes', method: 'nodes' } : own;
  };
  return rules ? ruleBounds(pods, plan.hosts, f, subset) : subset(pods, plan.hosts);
}
