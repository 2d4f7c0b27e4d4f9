// Maps a scenario's placement rules onto the kernel's generic mechanisms (assembly/abi.ts), per expanded item
// and host:
//   tenants      itemTenant = index of the service's tenant in scenario.tenants
//   isolation    itemExclusive = EXCLUSIVE_HOST when the deployment model cannot give the service the boundary
//                it asks for from other tenants without a host of its tenant's own (core/model/isolation.ts,
//                placementRule, under the scenario's editable ranking). With the default ranking that is:
//                `dedicated-host` in every model; in the container model also `vm`, because pods on one host
//                share its kernel (and `sandbox` too when the runtime class is runc, whose boundary is the shared
//                kernel). The VM model gives every other level with the hypervisor.
//   spread       one spread group per service with `spread`: at most maxPerDomain replicas per host/rack/site
//   affinity     services naming the same affinityGroup: replica k of each forms one group that shares a host
//   labels       a service's requiredHostLabels must all be among its host's model labels (one bit per label)
//   domains      hostRack / hostSite = dense ids of the host group's rack and site
//   cost         policy.objective "cost": a host costs its model's priceUSD; otherwise 1 (minimise the count)
//
// A level of a two-level plan (pods → node VMs, core/plan/two-level.ts) reads the same rules through another
// RuleView: which services need a bin of their tenant's own, how many replicas one bin may hold, which labels a
// bin offers.
import { DOMAIN_HOST, DOMAIN_RACK, DOMAIN_SITE, EXCLUSIVE_HOST, EXCLUSIVE_NONE } from '../../assembly/abi';
import type { ArenaShape, PackArena } from '../kernel/packer';
import type { DeploymentModel, Expansion, HostGroup } from '../model/expansion';
import { placementRule, type ComparedModel } from '../model/isolation';
import type { Scenario, Service } from '../scenario/schema';
import { groupStarts } from './encode';
import { servicesById } from '../scenario/services-by-id';

export const LEVEL = { host: DOMAIN_HOST, rack: DOMAIN_RACK, site: DOMAIN_SITE } as const;

/** How one packing level reads the scenario's rules. */
export interface RuleView {
  /** The service's items need bins (hosts, node VMs) holding its tenant only. */
  exclusive(s: Service): boolean;
  /** The spread group of the service at this level (DOMAIN_* and most items per domain), or null. */
  spread(s: Service): { readonly level: number; readonly max: number } | null;
  /** Labels a bin of the group offers. */
  labels(g: HostGroup): readonly string[];
  /** Cost of running one bin of the group. */
  cost(g: HostGroup): number;
}

/** The rules as they hold for items placed straight on hosts (VMs, pods on bare metal, node VMs). */
export function hostRules(scenario: Scenario, model: ComparedModel): RuleView {
  const models = new Map(scenario.hostModels.map((m) => [m.id, m]));
  return {
    exclusive: (s) => placementRule(model, s.isolation, scenario) === 'host-exclusive',
    spread: (s) => (s.spread ? { level: LEVEL[s.spread.domain], max: s.spread.maxPerDomain } : null),
    labels: (g) => models.get(g.modelId)?.labels ?? [],
    cost: (g) => (scenario.policy.objective === 'cost' ? models.get(g.modelId)?.priceUSD ?? 1 : 1),
  };
}

export interface ConstraintPlan {
  readonly shape: ArenaShape;
  /** Label names in bit order. */
  readonly labels: readonly string[];
  /** Services with a spread group, in group order. */
  readonly spreadServices: readonly string[];
}


/** Arena sizes the expansion's rules need: label words and spread groups. */
export function planConstraints(scenario: Scenario, e: Expansion, view?: RuleView): ConstraintPlan {
  const services = servicesById(scenario);
  const labels = [...new Set(e.items.flatMap((g) => services.get(g.serviceId)?.requiredHostLabels ?? []))].sort();
  const spreadServices = e.items.filter((g) => {
    const s = services.get(g.serviceId);
    return s && (view ? view.spread(s) : s.spread);
  }).map((g) => g.serviceId);
  return { shape: { labelWords: Math.ceil(labels.length / 32), spreadGroups: spreadServices.length }, labels, spreadServices };
}

export function encodeConstraints(scenario: Scenario, model: DeploymentModel, e: Expansion, c: ConstraintPlan, a: PackArena,
  view: RuleView = hostRules(scenario, model)): void {
  const services = servicesById(scenario);
  const tenantIndex = new Map(scenario.tenants.map((t, k) => [t.id, k]));
  const labelBit = new Map(c.labels.map((l, k) => [l, k]));
  const w = a.labelWords;
  // Hosts: domains, labels, cost.
  const racks = new Map<string, number>(), sites = new Map<string, number>();
  const hostStarts = groupStarts(e.hosts);
  e.hosts.forEach((g, k) => {
    if (!racks.has(g.rackId)) racks.set(g.rackId, racks.size);
    if (!sites.has(g.siteId)) sites.set(g.siteId, sites.size);
    const cost = view.cost(g);
    const bits = new Int32Array(w);
    for (const l of view.labels(g)) {
      const b = labelBit.get(l);
      if (b !== undefined) bits[b >> 5] |= 1 << (b & 31);
    }
    for (let h = hostStarts[k]; h < hostStarts[k + 1]; h++) {
      a.hostRack[h] = racks.get(g.rackId)!;
      a.hostSite[h] = sites.get(g.siteId)!;
      a.hostCost[h] = cost;
      if (w > 0) a.hostLabels.set(bits, h * w);
    }
  });
  // Spread groups.
  c.spreadServices.forEach((id, g) => {
    const spread = view.spread(services.get(id)!)!;
    a.spreadLevel[g] = spread.level;
    a.spreadMax[g] = spread.max;
  });
  const spreadGroup = new Map(c.spreadServices.map((id, g) => [id, g]));
  // Items: tenant, isolation, spread, labels, affinity (replica k of each service in a group → one id).
  const affinityId = new Map<string, number>();
  const itemStarts = groupStarts(e.items);
  e.items.forEach((g, k) => {
    const s = services.get(g.serviceId);
    const tenant = tenantIndex.get(g.tenant) ?? 0;
    const exclusive = s && view.exclusive(s) ? EXCLUSIVE_HOST : EXCLUSIVE_NONE;
    const bits = new Int32Array(w);
    for (const l of s?.requiredHostLabels ?? []) {
      const b = labelBit.get(l)!;
      bits[b >> 5] |= 1 << (b & 31);
    }
    const sg = spreadGroup.get(g.serviceId) ?? -1;
    for (let i = itemStarts[k]; i < itemStarts[k + 1]; i++) {
      a.itemTenant[i] = tenant;
      a.itemExclusive[i] = exclusive;
      a.itemSpread[i] = sg;
      if (w > 0) a.itemLabels.set(bits, i * w);
      if (s?.affinityGroup !== undefined) {
        const key = `${s.affinityGroup}\u0000${i - itemStarts[k]}`;
        if (!affinityId.has(key)) affinityId.set(key, affinityId.size);
        a.itemAffinity[i] = affinityId.get(key)!;
      }
    }
  });
}
