// Isolation exposure of a plan: how many pairs of instances of different tenants are separated only by each
// kind of boundary, and how much one compromise reaches (the largest blast radius of one host and of one
// shared kernel). Also checks every instance got the placement rule its requirement maps to (violations
// must be 0; a non-zero count is a planner bug, never a planning outcome).
import type { PlacementRule } from '../model/isolation';
import type { IsolationBoundary } from '../scenario/schema';

/** Where each placed instance ended up; indices are ids within the plan. */
export interface InstancePlacement {
  readonly tenant: Int32Array;
  readonly host: Int32Array;
  /** Node VM holding the instance (container-in-VM), −1 otherwise. */
  readonly node: Int32Array;
  /** Kernel the instance shares with others (host or node kernel), −1 when it runs its own (VM, sandbox). */
  readonly kernel: Int32Array;
  readonly rule: readonly PlacementRule[];
}

export interface BlastRadius {
  readonly instances: number;
  readonly tenants: number;
}

export interface IsolationExposure {
  /** The ranking used, strongest first, as the planner reads it. */
  readonly ranking: string;
  /** Pairs of instances of different tenants whose closest shared boundary is each kind. */
  readonly crossTenantPairs: Readonly<Partial<Record<IsolationBoundary, number>>>;
  readonly largestHostBlast: BlastRadius;
  readonly largestKernelBlast: BlastRadius;
  /** Instances per placement rule. */
  readonly rules: Readonly<Record<PlacementRule, number>>;
  /** Instances sharing a host (host-exclusive) or node VM (node-exclusive) with another tenant. */
  readonly violations: number;
}

/** Per group id: instances per tenant. */
function tenantsPerGroup(group: Int32Array, tenant: Int32Array): Map<number, Map<number, number>> {
  const out = new Map<number, Map<number, number>>();
  group.forEach((g, i) => {
    if (g < 0) return;
    let m = out.get(g);
    if (!m) out.set(g, (m = new Map()));
    m.set(tenant[i], (m.get(tenant[i]) ?? 0) + 1);
  });
  return out;
}

/** Unordered pairs of instances of different tenants inside the same group. */
export function crossTenantPairs(perGroup: Map<number, Map<number, number>>): number {
  let pairs = 0;
  for (const tenants of perGroup.values()) {
    let n = 0, same = 0;
    for (const c of tenants.values()) { n += c; same += c * c; }
    pairs += (n * n - same) / 2;
  }
  return pairs;
}

function largest(perGroup: Map<number, Map<number, number>>, fallback: BlastRadius): BlastRadius {
  let best = fallback;
  for (const tenants of perGroup.values()) {
    let n = 0;
    for (const c of tenants.values()) n += c;
    if (n > best.instances || (n === best.instances && tenants.size > best.tenants)) best = { instances: n, tenants: tenants.size };
  }
  return best;
}

/**
 * `nodeBoundary`: what separates two instances in one node VM (container-in-VM) or on one host (VM and
 * container models, where there is no node level); `hostBoundary`: two instances on one host in different
 * node VMs (container-in-VM only).
 */
export function isolationExposure(p: InstancePlacement, ranking: readonly IsolationBoundary[],
  nodeBoundary: IsolationBoundary, hostBoundary?: IsolationBoundary): IsolationExposure {
  const perHost = tenantsPerGroup(p.host, p.tenant);
  const perNode = tenantsPerGroup(p.node, p.tenant);
  const hostPairs = crossTenantPairs(perHost);
  const crossTenant: Partial<Record<IsolationBoundary, number>> = {};
  const addPairs = (b: IsolationBoundary, n: number) => { crossTenant[b] = (crossTenant[b] ?? 0) + n; };
  if (hostBoundary === undefined) addPairs(nodeBoundary, hostPairs);
  else {
    const nodePairs = crossTenantPairs(perNode);
    addPairs(nodeBoundary, nodePairs);
    addPairs(hostBoundary, hostPairs - nodePairs);
  }
  const placed = p.host.length;
  const own: BlastRadius = placed > 0 ? { instances: 1, tenants: 1 } : { instances: 0, tenants: 0 };
  const rules: Record<PlacementRule, number> = { none: 0, 'node-exclusive': 0, 'host-exclusive': 0 };
  let violations = 0;
  p.rule.forEach((r, i) => {
    rules[r]++;
    if (r === 'host-exclusive' && perHost.get(p.host[i])!.size > 1) violations++;
    if (r === 'node-exclusive' && (p.node[i] < 0 || perNode.get(p.node[i])!.size > 1)) violations++;
  });
  return {
    ranking: ranking.join(' > '),
    crossTenantPairs: crossTenant,
    largestHostBlast: largest(perHost, { instances: 0, tenants: 0 }),
    largestKernelBlast: largest(tenantsPerGroup(p.kernel, p.tenant), own),
    rules,
    violations,
  };
}
