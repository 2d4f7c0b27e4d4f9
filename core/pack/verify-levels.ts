// An independent check of a two-level placement (pods → node VMs → hosts), beside verify.ts and built on it:
// it shares no code with the packers or the two-level planner, only plain input arrays, and checks every rule
// at the level it speaks of:
//   node VMs   Σ demand of the pods in a node VM <= its allocatable capacity; pods <= its pod limit; a node VM
//              holding a pod that needs a node VM of its tenant's own holds that tenant's pods only
//   hosts      Σ host-level demand of the node VMs on a host <= its capacity (each node VM's demand computed
//              from the pods in it by the caller's deployment model, not read from the packer)
//   physical   by each pod's host (through its node VM): required labels, tenants that need a host of their
//              own, spread per host / rack / site counting pods, affinity groups on one host
import { verifyPacking, type PackingInput, type Verdict, type Violation } from './verify';

export interface TwoLevelInput {
  readonly dims: number;
  readonly pods: number;
  readonly podDemand: ArrayLike<number>;
  readonly podTenant: ArrayLike<number>;
  /** 1: the node VM holding the pod holds only its tenant's pods. */
  readonly podNodeExclusive: ArrayLike<number>;
  /** 1: the host holding the pod holds only its tenant's pods. */
  readonly podHostExclusive: ArrayLike<number>;
  readonly labelWords: number;
  readonly podLabels: ArrayLike<number>;
  /** Spread group (at the physical level) per pod, −1 none. */
  readonly podSpread: ArrayLike<number>;
  /** Affinity group per pod (one host), −1 none. */
  readonly podAffinity: ArrayLike<number>;
  readonly nodes: number;
  readonly nodeCapacity: ArrayLike<number>;
  readonly nodeMaxItems: ArrayLike<number>;
  readonly hosts: number;
  readonly hostCapacity: ArrayLike<number>;
  readonly hostRack: ArrayLike<number>;
  readonly hostSite: ArrayLike<number>;
  readonly hostLabels: ArrayLike<number>;
  readonly spreadLevel: ArrayLike<number>;
  readonly spreadMax: ArrayLike<number>;
  /** Host-level demand (dims values) of a node VM holding these pods. */
  readonly nodeDemand: (pods: readonly number[]) => ArrayLike<number>;
}

const none = (n: number) => new Int32Array(n).fill(-1);

/** `podNode[p]`: node VM of pod p (−1 none); `nodeHost[n]`: host of node VM n (−1 none). */
export function verifyTwoLevel(x: TwoLevelInput, podNode: ArrayLike<number>, nodeHost: ArrayLike<number>): Verdict {
  const { dims, pods, nodes, hosts } = x;
  const nodeLevel: PackingInput = {
    hosts: nodes, items: pods, dims, labelWords: 0, hostCapacity: x.nodeCapacity, hostMaxItems: x.nodeMaxItems,
    hostRack: new Int32Array(nodes), hostSite: new Int32Array(nodes), hostLabels: [], itemDemand: x.podDemand, itemTenant: x.podTenant,
    itemExclusive: x.podNodeExclusive, itemSpread: none(pods), itemAffinity: none(pods), itemLabels: [], spreadLevel: [], spreadMax: [],
  };
  const v1 = verifyPacking(nodeLevel, podNode);

  // Node VMs in use, with their pods, and their host-level demand.
  const podsOf = new Map<number, number[]>();
  for (let p = 0; p < pods; p++) {
    const n = podNode[p];
    if (!(n >= 0 && n < nodes)) continue;
    const list = podsOf.get(n);
    if (list) list.push(p);
    else podsOf.set(n, [p]);
  }
  const used = [...podsOf.keys()].sort((a, b) => a - b);
  const demand = new Float64Array(used.length * dims);
  used.forEach((n, j) => demand.set(Array.from(x.nodeDemand(podsOf.get(n)!)).slice(0, dims), j * dims));
  const hostLevel: PackingInput = {
    hosts, items: used.length, dims, labelWords: 0, hostCapacity: x.hostCapacity, hostMaxItems: new Int32Array(hosts),
    hostRack: x.hostRack, hostSite: x.hostSite, hostLabels: [], itemDemand: demand, itemTenant: new Int32Array(used.length),
    itemExclusive: new Int32Array(used.length), itemSpread: none(used.length), itemAffinity: none(used.length), itemLabels: [],
    spreadLevel: [], spreadMax: [],
  };
  const v2 = verifyPacking(hostLevel, used.map((n) => nodeHost[n]));

  // Every physical rule, by the host each pod ends up on.
  const podHost = Int32Array.from({ length: pods }, (_, p) => {
    const n = podNode[p];
    return n >= 0 && n < nodes ? nodeHost[n] : -1;
  });
  const physical: PackingInput = {
    hosts, items: pods, dims: 0, labelWords: x.labelWords, hostCapacity: [], hostMaxItems: new Int32Array(hosts),
    hostRack: x.hostRack, hostSite: x.hostSite, hostLabels: x.hostLabels, itemDemand: [], itemTenant: x.podTenant,
    itemExclusive: x.podHostExclusive, itemSpread: x.podSpread, itemAffinity: x.podAffinity, itemLabels: x.podLabels,
    spreadLevel: x.spreadLevel, spreadMax: x.spreadMax,
  };
  const v3 = verifyPacking(physical, podHost);
  const tag = (level: string, vs: readonly Violation[]) => vs.map((v) => ({ ...v, message: `${level}: ${v.message}` }));
  const violations = [...tag('node VMs', v1.violations), ...tag('hosts', v2.violations), ...tag('pods on hosts', v3.violations)].slice(0, 20);
  return {
    feasible: v1.feasible && v2.feasible && v3.feasible, hostsUsed: v2.hostsUsed, placed: v3.placed, unplaced: v3.unplaced, violations,
  };
}
