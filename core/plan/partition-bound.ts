// Isolation partitions in whole hosts: a lower bound on the hosts of a one-level plan (VMs, pods on bare metal) whose
// tenants need hosts of their own, as a small mixed-integer program that HiGHS settles quickly.
//
// In any plan, each host in use belongs to one partition: the tenant t whose host-exclusive items it holds (it then
// holds t's items only), or, holding no such item, the shared partition. Items that need hosts of their own sit in
// their tenant's partition, a tenant's other items in its partition or the shared one, everyone else's in the shared
// one. Counting hosts and items instead of naming them (items of a service are interchangeable, so are hosts of a
// group), every plan gives a solution of
//   h_pk  hosts of group k in partition p (integer, Σ_p h_pk <= count_k)     x_gpk  items of g in partition p on k (>= 0)
//   minimise   Σ h_pk                          (the host count, whatever the policy's objective)
//   cover      Σ_pk x_gpk = n_g
//   capacity   Σ_g a_gd x_gpk <= C_kd h_pk      ∀ p, k, d (and item slots where hosts have a pod limit)
//   large      Σ_{g: 2 a_gd > C_kd} x_gpk <= h_pk      two items over half a host's d never share it
//   spread     x_gpk <= m_g h_pk (per host) · Σ_{p, k in D} x_gpk <= m_g (per rack or site)
//   labels     x_gpk exists only where k carries the labels g requires, and one item of g fits one host of k
// so its optimum is at most the hosts of every plan, the optimal one included: a valid lower bound (affinity is
// relaxed away). It is a relaxation of the exact one-binary-per-item model (core/plan/exact.ts) by aggregation over
// identical items and hosts, as in the LP relaxation (lp.ts), but the host counts stay integer per partition: each
// partition is rounded up on its own, and what a tenant's shareable items fill of its own hosts is chosen at best
// with the others (Martello & Toth's "large items" argument, Knapsack Problems, 1990, ch. 8, for the `large` rows).
// The LP relaxation cannot see either: it splits hosts between partitions fractionally.
//
// Only an optimal MIP gives a bound. A node limit bounds the work, so that the answer does not depend on the machine;
// the time limit only backs it up.
import type { Highs } from 'highs';
import { DIMS } from '../model/dimensions';
import type { Expansion, HostGroup } from '../model/expansion';
import { placementRule } from '../model/isolation';
import type { Scenario, Service } from '../scenario/schema';
import { boundItems, type BoundItem, type LowerBound } from './bounds';
import { LpBuilder } from './lp-model';

/** Largest partition MIP tried: its columns (item groups × partitions they may use × host groups, plus host counts). */
export const PARTITION_MAX_COLUMNS = 20_000;
/** Branch-and-bound nodes HiGHS may explore (deterministic, unlike a time limit, which only backs it up). */
const MAX_NODES = 20_000;

const SHARED = '';

/** Partitions item g may use: its tenant's when it needs hosts of their own, also the shared one when its tenant has such items. */
function partitionsOf(it: BoundItem, exclusive: boolean, partitioned: ReadonlySet<string>): string[] {
  if (exclusive) return [it.tenant];
  return partitioned.has(it.tenant) ? [it.tenant, SHARED] : [SHARED];
}

function canHold(it: BoundItem, g: HostGroup, labels: readonly string[], required: readonly string[]): boolean {
  return it.demand.every((a, d) => a <= g.allocatable[d]) && required.every((l) => labels.includes(l));
}

/**
 * The partition bound of the items `out` placed (all when null), or null when no tenant needs hosts of its own, the
 * MIP is too large, or HiGHS does not prove its optimum within its node and time limits.
 */
export function partitionLowerBound(highs: Highs, scenario: Scenario, model: 'vm' | 'container', e: Expansion,
  out: { readonly itemHost: ArrayLike<number> } | null, seconds = 5): LowerBound | null {
  const services = new Map(scenario.services.map((s) => [s.id, s]));
  const hostModels = new Map(scenario.hostModels.map((m) => [m.id, m]));
  const items = boundItems(e, out).filter((it) => it.count > 0);
  const exclusive = (it: BoundItem) => placementRule(model, services.get(it.serviceId)!.isolation, scenario) === 'host-exclusive';
  const partitioned = new Set(items.filter(exclusive).map((it) => it.tenant));
  if (partitioned.size === 0) return null;
  const hosts = alikeHosts(e.hosts, items.map((it) => services.get(it.serviceId)!), (g) => hostModels.get(g.modelId)?.labels ?? []);
  const parts = [...partitioned, SHARED];
  const columns = parts.length * hosts.length + items.reduce((n, it) => n + partitionsOf(it, exclusive(it), partitioned).length, 0) * hosts.length;
  if (columns > PARTITION_MAX_COLUMNS) return null;

  const lp = new LpBuilder();
  const h = parts.map((p) => hosts.map((g, k) => lp.col({ name: `h[${p},${k}]`, cost: 1, lower: 0, upper: g.count, integer: true })));
  hosts.forEach((g, k) => lp.row(`pool@${k}`, 'capacity', -Infinity, g.count, parts.map((_, p) => [h[p][k], 1] as const)));
  // x[i] maps partition index × host group → column.
  const x = items.map((it, i) => {
    const s = services.get(it.serviceId)!;
    const required = s.requiredHostLabels ?? [];
    const mine = new Map<string, number>();
    for (const p of partitionsOf(it, exclusive(it), partitioned)) {
      const pi = parts.indexOf(p);
      hosts.forEach((g, k) => {
        if (canHold(it, g, hostModels.get(g.modelId)?.labels ?? [], required)) mine.set(`${pi}/${k}`, lp.col({ name: `x[${i},${pi},${k}]`, cost: 0, lower: 0, upper: it.count }));
      });
    }
    lp.row(`cover:${it.serviceId}`, 'cover', it.count, it.count, [...mine.values()].map((j) => [j, 1] as const));
    return mine;
  });
  parts.forEach((_, p) => hosts.forEach((g, k) => {
    const on = items.flatMap((it, i) => (x[i].has(`${p}/${k}`) ? [{ it, j: x[i].get(`${p}/${k}`)! }] : []));
    if (on.length === 0) return;
    for (let d = 0; d < DIMS; d++) {
      const used = on.filter(({ it }) => it.demand[d] > 0);
      if (used.length > 0) lp.row(`capacity@${p}/${k}/${d}`, 'capacity', -Infinity, 0, [[h[p][k], -g.allocatable[d]], ...used.map(({ it, j }) => [j, it.demand[d]] as const)]);
      const large = on.filter(({ it }) => 2 * it.demand[d] > g.allocatable[d]);
      if (large.length > 0) lp.row(`large@${p}/${k}/${d}`, 'capacity', -Infinity, 0, [[h[p][k], -1], ...large.map(({ j }) => [j, 1] as const)]);
    }
    if (g.maxItems > 0) lp.row(`slots@${p}/${k}`, 'slots', -Infinity, 0, [[h[p][k], -g.maxItems], ...on.map(({ j }) => [j, 1] as const)]);
  }));
  items.forEach((it, i) => spreadRows(lp, services.get(it.serviceId)!, hosts, x[i], h));
  const sol = lp.solve(highs, seconds, undefined, { mip_max_nodes: MAX_NODES });
  if (sol.status !== 'optimal') return null;
  return { hosts: Math.max(0, Math.ceil(sol.value - 1e-6)), by: 'partitions', method: 'partitions' };
}

/**
 * Host groups the MIP cannot tell apart — the same capacity, pod limit and labels, and the same rack or site where a
 * spread rule counts them — as one group of their total count: the same optimum with fewer columns (a fleet's racks
 * of one host model become one group).
 */
function alikeHosts(groups: readonly HostGroup[], services: readonly Service[], labels: (g: HostGroup) => readonly string[]): HostGroup[] {
  const byRack = services.some((s) => s.spread?.domain === 'rack');
  const bySite = byRack || services.some((s) => s.spread?.domain === 'site');
  const alike = new Map<string, HostGroup>();
  for (const g of groups) {
    const key = [g.allocatable.join(','), g.maxItems, [...labels(g)].sort().join('+'), bySite ? g.siteId : '', byRack ? g.rackId : ''].join('\u0000');
    const seen = alike.get(key);
    alike.set(key, seen ? { ...seen, count: seen.count + g.count } : g);
  }
  return [...alike.values()];
}

/** Spread of one service: per host (x <= m h in each partition and group) or per rack / site domain (over partitions). */
function spreadRows(lp: LpBuilder, s: Service, hosts: readonly HostGroup[], x: ReadonlyMap<string, number>, h: readonly (readonly number[])[]): void {
  const spread = s.spread;
  if (!spread) return;
  const domains = new Map<string, number[]>();
  for (const [key, j] of x) {
    const [p, k] = key.split('/').map(Number);
    if (spread.domain === 'host') { lp.row(`spread:${s.id}@${key}`, `spread:${s.id}`, -Infinity, 0, [[j, 1], [h[p][k], -spread.maxPerDomain]]); continue; }
    const g = hosts[k];
    const domain = spread.domain === 'rack' ? `${g.siteId}/${g.rackId}` : g.siteId;
    domains.set(domain, [...(domains.get(domain) ?? []), j]);
  }
  for (const [domain, cols] of domains) lp.row(`spread:${s.id}@${domain}`, `spread:${s.id}`, -Infinity, spread.maxPerDomain, cols.map((j) => [j, 1] as const));
}
