// Exact plans of small instances as mixed-integer programs (HiGHS), for tests and benchmarks — never the app: they
// prove how many hosts the optimum needs, so a bound can be checked (bound ≤ optimum) and a plan shown optimal.
//
// One level (VMs, pods on bare metal), one binary per item and host it may use:
//   min Σ_h cost_h y_h   s.t.  Σ_h x_ih = 1 (each item the plan placed) · Σ_i a_id x_ih <= C_hd y_h · Σ_i x_ih <= P_h y_h
//   · spread Σ_{i of g, h in D} x_ih <= m_g · isolation: z_th marks hosts holding t's items that need hosts of their own,
//   x_ih <= z_th for those items, x_jh <= 1 − z_th for every other tenant's item j · affinity x_ih = x_jh
// Container-in-VM, one node VM shape: each host h offers K_h node VM slots (as many as its capacity holds of the
// shape's least demand); a slot n is used (u_n) or not, and holds pods (x_pn):
//   Σ_n x_pn = 1 · pods fit the node VM's allocatable and pod slots · on each host the used slots' shapes plus their
//   per-VM and virtualisation overheads (on the CPU and bandwidth their pods use) fit its capacity · u_n <= y_h ·
//   spread over hosts, racks, sites · labels by host · isolation per node VM (node-exclusive) and per host · affinity
//   groups on one host
import type { Highs } from 'highs';
import { nodeVmOverheadMiB } from '../model/container-in-vm';
import { DIMS } from '../model/dimensions';
import type { Expansion, HostGroup } from '../model/expansion';
import { placementRule } from '../model/isolation';
import type { Scenario } from '../scenario/schema';
import { groupStarts, totalCount } from './encode';
import { LpBuilder } from './lp-model';
import { servicesById } from '../scenario/services-by-id';

export interface ExactPlan {
  readonly status: 'optimal' | 'infeasible' | 'other';
  /** Hosts (or cost) of an optimal plan. */
  readonly optimum: number | null;
}

interface Item { readonly group: number; readonly serviceId: string; readonly tenant: string; readonly demand: readonly number[]; readonly replica: number }

function expandItems(e: Expansion, placed: ArrayLike<number> | null): Item[] {
  const starts = groupStarts(e.items);
  const out: Item[] = [];
  e.items.forEach((g, k) => {
    for (let i = starts[k]; i < starts[k + 1]; i++) {
      if (placed && placed[i] < 0) continue;
      out.push({ group: k, serviceId: g.serviceId, tenant: g.tenant, demand: g.demand, replica: i - starts[k] });
    }
  });
  return out;
}

function expandHosts(groups: readonly HostGroup[]): HostGroup[] {
  return groups.flatMap((g) => Array.from({ length: g.count }, () => g));
}

const domainOf = (h: HostGroup, domain: 'host' | 'rack' | 'site', index: number) =>
  (domain === 'host' ? `h${index}` : domain === 'rack' ? `${h.siteId}/${h.rackId}` : h.siteId);

function solveExact(highs: Highs, lp: LpBuilder, seconds: number): ExactPlan {
  const sol = lp.solve(highs, seconds);
  return { status: sol.status, optimum: sol.status === 'optimal' ? Math.round(sol.value * 1e6) / 1e6 : null };
}

/** The fewest hosts (or least cost) holding the items `placed` holds (all when null) of a one-level model. */
export function exactOneLevel(highs: Highs, scenario: Scenario, model: 'vm' | 'container', e: Expansion, placed: ArrayLike<number> | null,
  seconds = 20): ExactPlan {
  const services = servicesById(scenario);
  const models = new Map(scenario.hostModels.map((m) => [m.id, m]));
  const items = expandItems(e, placed);
  const hosts = expandHosts(e.hosts);
  const lp = new LpBuilder();
  const y = hosts.map((h, k) => lp.col({ name: `y${k}`, cost: scenario.policy.objective === 'cost' ? models.get(h.modelId)?.priceUSD ?? 1 : 1, lower: 0, upper: 1, integer: true }));
  const x = items.map((it, i) => hosts.map((h, k) => {
    const req = services.get(it.serviceId)?.requiredHostLabels ?? [];
    const ok = it.demand.every((a, d) => a <= h.allocatable[d]) && req.every((l) => (models.get(h.modelId)?.labels ?? []).includes(l));
    return ok ? lp.col({ name: `x${i}_${k}`, cost: 0, lower: 0, upper: 1, integer: true }) : -1;
  }));
  items.forEach((_, i) => lp.row(`cover${i}`, 'cover', 1, 1, x[i].filter((j) => j >= 0).map((j) => [j, 1] as const)));
  hosts.forEach((h, k) => {
    for (let d = 0; d < DIMS; d++) {
      lp.row(`cap${k}/${d}`, 'capacity', -Infinity, 0, [[y[k], -h.allocatable[d]], ...items.flatMap((it, i) => (x[i][k] >= 0 ? [[x[i][k], it.demand[d]] as [number, number]] : []))]);
    }
    if (h.maxItems > 0) lp.row(`slots${k}`, 'slots', -Infinity, 0, [[y[k], -h.maxItems], ...items.flatMap((_, i) => (x[i][k] >= 0 ? [[x[i][k], 1] as [number, number]] : []))]);
    items.forEach((_, i) => { if (x[i][k] >= 0) lp.row(`on${i}/${k}`, 'on', -Infinity, 0, [[x[i][k], 1], [y[k], -1]]); });
  });
  spreadRows(lp, scenario, items, hosts, (i, k) => (x[i][k] >= 0 ? [x[i][k]] : []));
  const exclusive = (it: Item) => placementRule(model, services.get(it.serviceId)!.isolation, scenario) === 'host-exclusive';
  isolationRows(lp, items, exclusive, hosts.map((_, k) => k), (i, k) => (x[i][k] >= 0 ? [x[i][k]] : []), 'h');
  affinityRows(lp, scenario, items, hosts.map((_, k) => k), (i, k) => (x[i][k] >= 0 ? [x[i][k]] : []));
  return solveExact(highs, lp, seconds);
}

function spreadRows(lp: LpBuilder, scenario: Scenario, items: readonly Item[], hosts: readonly HostGroup[], cols: (i: number, k: number) => number[]): void {
  const services = servicesById(scenario);
  const byService = new Map<string, number[]>();
  items.forEach((it, i) => { if (services.get(it.serviceId)?.spread) byService.set(it.serviceId, [...(byService.get(it.serviceId) ?? []), i]); });
  for (const [id, list] of byService) {
    const spread = services.get(id)!.spread!;
    const domains = new Map<string, number[]>();
    hosts.forEach((h, k) => { const key = domainOf(h, spread.domain, k); domains.set(key, [...(domains.get(key) ?? []), k]); });
    for (const [key, ks] of domains) lp.row(`spread ${id}@${key}`, 'spread', -Infinity, spread.maxPerDomain, list.flatMap((i) => ks.flatMap((k) => cols(i, k).map((j) => [j, 1] as const))));
  }
}

/** Bins (hosts or node VM slots) keep tenant t alone when they hold its items that need it. */
function isolationRows(lp: LpBuilder, items: readonly Item[], exclusive: (it: Item) => boolean, bins: readonly number[], cols: (i: number, b: number) => number[], prefix: string): void {
  const tenants = [...new Set(items.filter(exclusive).map((it) => it.tenant))];
  for (const t of tenants) {
    for (const b of bins) {
      const z = lp.col({ name: `${prefix}z${t}_${b}`, cost: 0, lower: 0, upper: 1, integer: true });
      items.forEach((it, i) => {
        for (const j of cols(i, b)) {
          if (it.tenant === t && exclusive(it)) lp.row(`${prefix}own ${i}/${b}`, 'isolation', -Infinity, 0, [[j, 1], [z, -1]]);
          else if (it.tenant !== t) lp.row(`${prefix}apart ${i}/${b}`, 'isolation', -Infinity, 1, [[j, 1], [z, 1]]);
        }
      });
    }
  }
}

/** Replica k of each service of an affinity group on one host. */
function affinityRows(lp: LpBuilder, scenario: Scenario, items: readonly Item[], hosts: readonly number[], cols: (i: number, k: number) => number[]): void {
  const group = new Map(scenario.services.filter((s) => s.affinityGroup !== undefined).map((s) => [s.id, s.affinityGroup!]));
  const members = new Map<string, number[]>();
  items.forEach((it, i) => {
    const g = group.get(it.serviceId);
    if (g !== undefined) members.set(`${g}#${it.replica}`, [...(members.get(`${g}#${it.replica}`) ?? []), i]);
  });
  for (const list of members.values()) {
    for (let m = 1; m < list.length; m++) {
      for (const k of hosts) lp.row(`aff ${list[0]}/${list[m]}@${k}`, 'affinity', 0, 0, [...cols(list[0], k).map((j) => [j, 1] as const), ...cols(list[m], k).map((j) => [j, -1] as const)]);
    }
  }
}

/** The fewest hosts for the pods `placed` holds (all when null) in node VMs of the shape of `pods.hosts` (one pool). */
export function exactTwoLevel(highs: Highs, scenario: Scenario, pods: Expansion, hostGroups: readonly HostGroup[], placed: ArrayLike<number> | null,
  seconds = 20): ExactPlan {
  const services = servicesById(scenario);
  const models = new Map(scenario.hostModels.map((m) => [m.id, m]));
  const vm = scenario.deployment.vm;
  const node = pods.hosts[0];
  const reserved = node.reserved ?? [0, 0, 0, 0];
  const items = expandItems(pods, placed);
  const hosts = expandHosts(hostGroups);
  const least = [node.physical[0], node.physical[1] + nodeVmOverheadMiB(vm, node), node.physical[2]];
  const lp = new LpBuilder();
  const y = hosts.map((h, k) => lp.col({ name: `y${k}`, cost: scenario.policy.objective === 'cost' ? models.get(h.modelId)?.priceUSD ?? 1 : 1, lower: 0, upper: 1, integer: true }));
  const slots: { host: number; u: number }[] = [];
  hosts.forEach((h, k) => {
    let K = items.length;
    for (let d = 0; d < 3; d++) if (least[d] > 0) K = Math.min(K, Math.floor(h.allocatable[d] / least[d]));
    for (let n = 0; n < K; n++) slots.push({ host: k, u: lp.col({ name: `u${k}_${n}`, cost: 0, lower: 0, upper: 1, integer: true }) });
  });
  const x = items.map((it, i) => slots.map((sl, n) => {
    const h = hosts[sl.host];
    const req = services.get(it.serviceId)?.requiredHostLabels ?? [];
    const ok = it.demand.every((a, d) => a <= node.allocatable[d]) && req.every((l) => (models.get(h.modelId)?.labels ?? []).includes(l));
    return ok ? lp.col({ name: `x${i}_${n}`, cost: 0, lower: 0, upper: 1, integer: true }) : -1;
  }));
  items.forEach((_, i) => lp.row(`cover${i}`, 'cover', 1, 1, x[i].filter((j) => j >= 0).map((j) => [j, 1] as const)));
  const inNode = (n: number, f: (it: Item) => number) => items.flatMap((it, i) => (x[i][n] >= 0 ? [[x[i][n], f(it)] as [number, number]] : []));
  slots.forEach((sl, n) => {
    for (let d = 0; d < DIMS; d++) lp.row(`node${n}/${d}`, 'node', -Infinity, 0, [[sl.u, -node.allocatable[d]], ...inNode(n, (it) => it.demand[d])]);
    if (node.maxItems > 0) lp.row(`nodeslots${n}`, 'node', -Infinity, 0, [[sl.u, -node.maxItems], ...inNode(n, () => 1)]);
    lp.row(`onhost${n}`, 'on', -Infinity, 0, [[sl.u, 1], [y[sl.host], -1]]);
  });
  hosts.forEach((h, k) => {
    const mine = slots.map((sl, n) => ({ sl, n })).filter((s) => s.sl.host === k);
    const perNode = [node.physical[0] + reserved[0] * vm.cpuVirtualisationOverhead, node.physical[1] + nodeVmOverheadMiB(vm, node), node.physical[2], 0];
    const perPod = (it: Item, d: number) => (d === 0 ? it.demand[0] * vm.cpuVirtualisationOverhead : d === 3 ? it.demand[3] * (1 + vm.ioVirtualisationOverhead) : 0);
    for (let d = 0; d < DIMS; d++) {
      lp.row(`cap${k}/${d}`, 'capacity', -Infinity, 0, [[y[k], -h.allocatable[d]], ...mine.flatMap(({ sl, n }) => [[sl.u, perNode[d]] as [number, number], ...inNode(n, (it) => perPod(it, d))])]);
    }
  });
  // Rules by host: spread, host isolation, affinity — over the slots of each host.
  const onHost = (i: number, k: number) => slots.flatMap((sl, n) => (sl.host === k && x[i][n] >= 0 ? [x[i][n]] : []));
  spreadRows(lp, scenario, items, hosts, onHost);
  const rule = (it: Item) => placementRule('container-in-vm', services.get(it.serviceId)!.isolation, scenario);
  isolationRows(lp, items, (it) => rule(it) !== 'none', slots.map((_, n) => n), (i, n) => (x[i][n] >= 0 ? [x[i][n]] : []), 'n');
  isolationRows(lp, items, (it) => rule(it) === 'host-exclusive', hosts.map((_, k) => k), onHost, 'h');
  affinityRows(lp, scenario, items, hosts.map((_, k) => k), onHost);
  return solveExact(highs, lp, seconds);
}

/** Items or pods a model places, for sizing exact solves (tests and benchmarks decide what is small enough). */
export function exactSize(e: Expansion): number {
  return totalCount(e.items) * totalCount(e.hosts);
}
