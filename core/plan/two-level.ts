// Container-in-VM as one plan in two packed levels, each by the engine's algorithm under every rule at the level
// it speaks of (core/model/container-in-vm.ts has the model):
//
//   level 1, pods → node VMs of one shape (core/plan/constraints.ts through a node RuleView):
//     capacity and the pod limit of a node VM; a pod whose tenant needs a node VM or a host of its own gets a
//     node VM holding its tenant only; affinity groups share one node VM (so one host); a spread service has at
//     most `cap` replicas in one node VM (a node VM lies in one host, rack and site, so cap ≤ maxPerDomain); a pod
//     requiring host labels goes to a node VM of a pool whose label set some host model carries (one pool per
//     distinct label set of the host models, restricted to the labels services require).
//   level 2, node VMs → hosts (the VM model's host capacity): each used node VM is one item of its shape plus the
//     VM model's overheads on what runs in it; it requires the union of its pods' labels; a node VM holding pods
//     that need a host of their own is exclusive to its tenant, and a node VM of mixed tenants never shares a
//     host with an exclusive one; spread counts pods by the physical domain of their node VM: a node VM with c
//     replicas of a spread service carries c members of that service's spread group — itself and c − 1 items of
//     no demand bound to it by affinity (the kernel's generic rules, unchanged).
//
// The levels are iterated: a per-node-VM cap of maxPerDomain can leave node VMs that no host combines (four
// `api` pods in each of two node VMs, at most four per host), so where a host-level spread rule meets node VMs
// that share hosts, level 1 is packed again with the cap divided by the node VMs one host holds, and the better
// plan is kept (fewer unplaced pods, then lower cost, then fewer hosts).
import { DOMAIN_HOST, EXCLUSIVE_HOST, EXCLUSIVE_NONE } from '../../assembly/abi';
import { copyInputs, copyOutcome, type ArenaInputs, type Packer, type PackOptions, type PackOutcome } from '../kernel/packer';
import { podGroups } from '../model/container';
import { nodePool, nodeVmItem, nodeVmOverheadMiB, type NodeContents } from '../model/container-in-vm';
import { DIMS, type Vector } from '../model/dimensions';
import type { Expansion, HostGroup, ItemGroup } from '../model/expansion';
import { hostPool } from '../model/hosts';
import { placementRule, type PlacementRule } from '../model/isolation';
import { vmHostCapacity } from '../model/vm';
import type { NodeShape, Scenario, Service } from '../scenario/schema';
import { bestOf, planLowerBound, twoLevelLowerBound } from './bounds';
import { encodeConstraints, hostRules, LEVEL, planConstraints, type RuleView } from './constraints';
import { encodeExpansion, groupStarts, totalCount } from './encode';
import { packingOrder } from './host-order';
import { policyOptions } from './pack-model';
import { servicesById } from '../scenario/services-by-id';

/** One packed level: the arena as filled and a copy of the packer's answer. */
export interface LevelPacking {
  readonly inputs: ArenaInputs;
  readonly out: PackOutcome;
  readonly options: PackOptions;
}

export interface TwoLevelPlan {
  readonly shape: NodeShape;
  /** Level 1: pod groups (catalogue order) on node VM pools. */
  readonly pods: Expansion;
  readonly podLevel: LevelPacking;
  /** Placement rule of each pod group. */
  readonly podRules: readonly PlacementRule[];
  /** Level 2: one item group per used node VM (bin order) on the host pool (VM capacity). */
  readonly nodes: Expansion;
  /** Arena of level 2: the node VMs first (nodes.items order), then the spread members bound to them. */
  readonly nodeLevel: LevelPacking;
  /** Level-1 bin of each node VM item. */
  readonly nodeBin: Int32Array;
  /** Per node VM item: the tenant whose pods need a host of their own, or '' (shares hosts). */
  readonly nodeKeys: readonly string[];
  /** Node VM item of each pod (−1: no node VM), and its host (−1: none). */
  readonly podNode: Int32Array;
  readonly podHost: Int32Array;
  /** Per-node-VM cap of each spread service used at level 1 (service id → cap). */
  readonly spreadCaps: ReadonlyMap<string, number>;
  readonly hostsUsed: number;
  readonly cost: number;
  readonly unplacedPods: number;
}

export interface TwoLevelOptions {
  /** A quick screen: First Fit Decreasing at both levels, no improvement phase (same rules). */
  readonly screen?: boolean;
}

const zero = (): Vector => [0, 0, 0, 0];

/** Labels services require, sorted. */
function requiredLabels(scenario: Scenario): string[] {
  return [...new Set(scenario.services.filter((s) => s.replicas > 0).flatMap((s) => s.requiredHostLabels ?? []))].sort();
}

/** Distinct sets of required labels the host models of the pool carry (one node VM pool each), '' joined. */
function labelClasses(scenario: Scenario, hosts: readonly HostGroup[]): string[][] {
  const wanted = new Set(requiredLabels(scenario));
  const models = new Map(scenario.hostModels.map((m) => [m.id, m]));
  const seen = new Map<string, string[]>();
  for (const g of hosts) {
    const set = [...new Set((models.get(g.modelId)?.labels ?? []).filter((l) => wanted.has(l)))].sort();
    seen.set(set.join('\u0000'), set);
  }
  if (seen.size === 0) seen.set('', []);
  return [...seen.values()];
}

/** Node VM pools: one per label class, each with as many node VMs as pods it may hold. */
function nodePools(scenario: Scenario, shape: NodeShape, pods: readonly ItemGroup[], hosts: readonly HostGroup[]): { pools: HostGroup[]; labels: Map<string, readonly string[]> } {
  const services = servicesById(scenario);
  const classes = labelClasses(scenario, hosts);
  const pools: HostGroup[] = [];
  const labels = new Map<string, readonly string[]>();
  classes.forEach((set, k) => {
    const fits = pods.filter((g) => (services.get(g.serviceId)?.requiredHostLabels ?? []).every((l) => set.includes(l)));
    const count = Math.max(1, totalCount(fits));
    const groupId = classes.length === 1 ? 'node-vms' : `node-vms-${k + 1}`;
    pools.push({ ...nodePool(scenario, shape, count), groupId });
    labels.set(groupId, set);
  });
  return { pools, labels };
}

/** Level 1's reading of the rules: bins are node VMs. */
function nodeRules(scenario: Scenario, labels: ReadonlyMap<string, readonly string[]>, caps: ReadonlyMap<string, number>): RuleView {
  return {
    exclusive: (s) => placementRule('container-in-vm', s.isolation, scenario) !== 'none',
    spread: (s) => (s.spread ? { level: DOMAIN_HOST, max: caps.get(s.id) ?? s.spread.maxPerDomain } : null),
    labels: (g) => labels.get(g.groupId) ?? [],
    cost: () => 1,
  };
}

/** Packs the arena as filled with the policy's algorithm (or FFD alone for a screen), stopping at `target`. */
function packFilled(scenario: Scenario, packer: Packer, units: number, target: number, screen?: boolean): { options: PackOptions; out: PackOutcome } {
  const { options: policy } = policyOptions(scenario, units);
  const options: PackOptions = screen ? { ...policy, rule: 'first-fit', order: 'decreasing', iterations: 0 } : policy;
  return { options, out: copyOutcome(packer.pack({ ...options, targetCost: target })) };
}

/** The host pool under the VM model (what node VMs are placed on). */
export function nodeHostPool(scenario: Scenario): HostGroup[] {
  const vm = scenario.deployment.vm;
  return packingOrder(scenario, hostPool(scenario, (_m, physical) => ({ ...vmHostCapacity(physical, vm), maxItems: 0 })));
}

/** Node VMs of `shape` that one host of the pool holds at most (full node VMs), the largest over host groups. */
export function nodesPerHost(scenario: Scenario, shape: NodeShape, hosts: readonly HostGroup[]): number {
  const node = nodePool(scenario, shape, 1);
  const vm = scenario.deployment.vm;
  const full: Vector = [
    node.physical[0] + Math.round(node.physical[0] * vm.cpuVirtualisationOverhead), node.physical[1] + nodeVmOverheadMiB(vm, node), node.physical[2], 0,
  ];
  let most = 0;
  for (const g of hosts) {
    let k = Infinity;
    for (let d = 0; d < 3; d++) if (full[d] > 0) k = Math.min(k, Math.floor(g.allocatable[d] / full[d]));
    if (Number.isFinite(k)) most = Math.max(most, k);
  }
  return most;
}

export function planTwoLevel(scenario: Scenario, shape: NodeShape, packer: Packer, o: TwoLevelOptions = {}): TwoLevelPlan {
  const hosts = nodeHostPool(scenario);
  const first = planWithCaps(scenario, shape, packer, hosts, new Map(), o);
  // Iterate the levels when a host-level spread rule meets node VMs that share a host.
  const k = nodesPerHost(scenario, shape, hosts);
  const caps = new Map<string, number>();
  for (const s of scenario.services) {
    if (s.replicas > 0 && s.spread?.domain === 'host' && k > 1) {
      const cap = Math.max(1, Math.floor(s.spread.maxPerDomain / k));
      if (cap < s.spread.maxPerDomain) caps.set(s.id, cap);
    }
  }
  if (caps.size === 0) return first;
  const second = planWithCaps(scenario, shape, packer, hosts, caps, o);
  return better(second, first) ? second : first;
}

/** a is a better two-level plan than b: fewer unplaced pods, then lower cost, then fewer hosts. */
export function better(a: TwoLevelPlan, b: TwoLevelPlan): boolean {
  if (a.unplacedPods !== b.unplacedPods) return a.unplacedPods < b.unplacedPods;
  if (a.cost !== b.cost) return a.cost < b.cost;
  return a.hostsUsed < b.hostsUsed;
}

function planWithCaps(scenario: Scenario, shape: NodeShape, packer: Packer, hosts: readonly HostGroup[], caps: ReadonlyMap<string, number>,
  o: TwoLevelOptions): TwoLevelPlan {
  const services = servicesById(scenario);
  const groups = podGroups(scenario);
  const podRules = groups.map((g) => placementRule('container-in-vm', services.get(g.serviceId)!.isolation, scenario));
  const { pools, labels } = nodePools(scenario, shape, groups, hosts);
  const pods: Expansion = { model: 'container', items: groups, hosts: pools, rejected: [] };

  // Level 1: pods → node VMs.
  const view = nodeRules(scenario, labels, caps);
  const c1 = planConstraints(scenario, pods, view);
  const a1 = encodeExpansion(pods, packer, c1.shape);
  encodeConstraints(scenario, 'container', pods, c1, a1, view);
  const podInputs = copyInputs(a1);
  const podTarget = planLowerBound(pods, null, false).hosts ?? 0;
  const l1 = packFilled(scenario, packer, totalCount(groups), podTarget, o.screen);
  const podLevel: LevelPacking = { inputs: podInputs, ...l1 };

  // What each used node VM holds.
  const podStarts = groupStarts(groups);
  const binStarts = groupStarts(pools);
  const contents = new Map<number, { pods: number; demand: Vector; workload: Vector; runtime: Vector; sidecars: Vector; tenants: Set<string>;
    hostExclusive: string | null; labels: Set<string>; spread: Map<string, number> }>();
  const D = DIMS;
  groups.forEach((g, k) => {
    const s = services.get(g.serviceId)!;
    for (let i = podStarts[k]; i < podStarts[k + 1]; i++) {
      const n = l1.out.itemHost[i];
      if (n < 0) continue;
      let c = contents.get(n);
      if (!c) {
        contents.set(n, (c = { pods: 0, demand: zero(), workload: zero(), runtime: zero(), sidecars: zero(), tenants: new Set(), hostExclusive: null,
          labels: new Set(), spread: new Map() }));
      }
      c.pods++;
      for (let d = 0; d < D; d++) {
        c.demand[d] += g.demand[d];
        c.workload[d] += g.parts?.workload?.[d] ?? g.demand[d];
        c.runtime[d] += g.parts?.runtime?.[d] ?? 0;
        c.sidecars[d] += g.parts?.sidecars?.[d] ?? 0;
      }
      c.tenants.add(g.tenant);
      if (podRules[k] === 'host-exclusive') c.hostExclusive = g.tenant;
      for (const l of s.requiredHostLabels ?? []) c.labels.add(l);
      if (s.spread) c.spread.set(s.id, (c.spread.get(s.id) ?? 0) + 1);
    }
  });
  const used = [...contents.keys()].sort((a, b) => a - b);
  const poolOf = (bin: number) => {
    let k = 0;
    while (bin >= binStarts[k + 1]) k++;
    return pools[k];
  };
  const nodeItems: ItemGroup[] = used.map((n) => {
    const c = contents.get(n)!;
    const holder: NodeContents = { pods: c.pods, demand: c.demand, parts: { workload: c.workload, runtime: c.runtime, sidecars: c.sidecars } };
    const { demand, parts } = nodeVmItem(poolOf(n), holder, scenario.deployment.vm);
    const tenant = c.tenants.size === 1 ? [...c.tenants][0] : '';
    return { serviceId: `node-vm-${n + 1}`, tenant, count: 1, demand, workload: c.workload, parts };
  });
  const nodeKeys = used.map((n) => contents.get(n)!.hostExclusive ?? '');
  const nodes: Expansion = { model: 'vm', items: nodeItems, hosts, rejected: [] };

  // Level 2: node VMs (and the spread members bound to them) → hosts.
  const spreadServices = scenario.services.filter((s) => s.replicas > 0 && s.spread).map((s) => s.id);
  const spreadGroup = new Map(spreadServices.map((id, g) => [id, g]));
  // Members beyond the node VM itself: one per spread replica it holds, less one (the node VM is the first).
  let members = 0;
  for (const n of used) for (const count of contents.get(n)!.spread.values()) members += count;
  members -= used.filter((n) => contents.get(n)!.spread.size > 0).length;
  const labelList = requiredLabels(scenario);
  const labelBit = new Map(labelList.map((l, k) => [l, k]));
  const w = Math.ceil(labelList.length / 32);
  const arenaItems: ItemGroup[] = [...nodeItems, ...(members > 0 ? [{ serviceId: 'spread-members', tenant: '', count: members, demand: zero(), workload: zero() }] : [])];
  const a2 = encodeExpansion({ model: 'vm', items: arenaItems, hosts, rejected: [] }, packer, { labelWords: w, spreadGroups: spreadServices.length });
  const rules = hostRules(scenario, 'container-in-vm');
  const racks = new Map<string, number>(), sites = new Map<string, number>();
  const hostStarts = groupStarts(hosts);
  hosts.forEach((g, k) => {
    if (!racks.has(g.rackId)) racks.set(g.rackId, racks.size);
    if (!sites.has(g.siteId)) sites.set(g.siteId, sites.size);
    const bits = new Int32Array(w);
    for (const l of rules.labels(g)) {
      const b = labelBit.get(l);
      if (b !== undefined) bits[b >> 5] |= 1 << (b & 31);
    }
    for (let h = hostStarts[k]; h < hostStarts[k + 1]; h++) {
      a2.hostRack[h] = racks.get(g.rackId)!;
      a2.hostSite[h] = sites.get(g.siteId)!;
      a2.hostCost[h] = rules.cost(g);
      if (w > 0) a2.hostLabels.set(bits, h * w);
    }
  });
  spreadServices.forEach((id, g) => {
    const s: Service = services.get(id)!;
    a2.spreadLevel[g] = LEVEL[s.spread!.domain];
    a2.spreadMax[g] = s.spread!.maxPerDomain;
  });
  const tenantIndex = new Map(scenario.tenants.map((t, k) => [t.id, k]));
  const nodeTenant = used.map((n, j) => {
    const c = contents.get(n)!;
    // A node VM of several tenants is a tenant of its own: it never joins a host exclusive to one tenant.
    return c.tenants.size === 1 ? tenantIndex.get([...c.tenants][0]) ?? 0 : scenario.tenants.length + j;
  });
  used.forEach((n, j) => {
    const c = contents.get(n)!;
    a2.itemTenant[j] = nodeTenant[j];
    a2.itemExclusive[j] = c.hostExclusive !== null ? EXCLUSIVE_HOST : EXCLUSIVE_NONE;
    const bits = new Int32Array(w);
    for (const l of c.labels) {
      const b = labelBit.get(l)!;
      bits[b >> 5] |= 1 << (b & 31);
    }
    if (w > 0) a2.itemLabels.set(bits, j * w);
    // The node VM itself is the first member of one spread group it holds replicas of.
    const firstSpread = [...c.spread.keys()][0];
    a2.itemSpread[j] = firstSpread === undefined ? -1 : spreadGroup.get(firstSpread)!;
    if (c.spread.size > 1 || [...c.spread.values()].some((x) => x > 1)) a2.itemAffinity[j] = j;
  });
  // The other members: c − 1 more of the node VM's first group, c of each other group.
  let m = used.length;
  used.forEach((n, j) => {
    const c = contents.get(n)!;
    let firstDone = false;
    for (const [id, count] of c.spread) {
      const extra = firstDone ? count : count - 1;
      firstDone = true;
      for (let r = 0; r < extra; r++, m++) {
        a2.itemTenant[m] = nodeTenant[j];
        a2.itemExclusive[m] = a2.itemExclusive[j];
        a2.itemSpread[m] = spreadGroup.get(id)!;
        a2.itemAffinity[m] = j;
      }
    }
  });
  const nodeInputs = copyInputs(a2);
  // The improvement phase may stop at a proven bound: of these node VMs, or of any plan of the pods.
  const hostTarget = scenario.policy.objective === 'hosts'
    ? bestOf(planLowerBound(nodes, null, false), twoLevelLowerBound(scenario, { pods, hosts }, null)).hosts ?? 0 : 0;
  const l2 = packFilled(scenario, packer, used.length, hostTarget, o.screen);
  const nodeLevel: LevelPacking = { inputs: nodeInputs, ...l2 };

  // Each pod's node VM item and host.
  const itemOfBin = new Map(used.map((n, j) => [n, j]));
  const podNode = Int32Array.from(l1.out.itemHost, (n) => (n < 0 ? -1 : itemOfBin.get(n)!));
  const podHost = Int32Array.from(podNode, (j) => (j < 0 ? -1 : l2.out.itemHost[j]));
  let unplacedPods = 0;
  for (const h of podHost) if (h < 0) unplacedPods++;
  return {
    shape, pods, podLevel, podRules, nodes, nodeLevel, nodeBin: Int32Array.from(used), nodeKeys, podNode, podHost, spreadCaps: caps,
    hostsUsed: l2.out.hostsUsed, cost: l2.out.cost, unplacedPods,
  };
}
