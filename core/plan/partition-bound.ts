// Isolation partitions in whole hosts: a lower bound on the hosts of a one-level plan (VMs, pods on bare metal) whose
// tenants need hosts of their own, as a small mixed-integer program that HiGHS settles quickly.
//
// In any plan, each host in use belongs to one partition: the tenant t whose host-exclusive items it holds (it then
// holds t's items only), or, holding no such item, the shared partition. Items that need hosts of their own sit in
// their tenant's partition, a tenant's other items in its partition or the shared one, everyone else's in the shared
// one. Counting hosts and items instead of naming them (items of a service are interchangeable, and so are items of
// services alike in demand, partitions and labels, and hosts of a group), every plan gives a solution of
//   h_pk  hosts of group k in partition p (integer, Σ_p h_pk <= count_k)     x_gpk  items of g in partition p on k (>= 0)
//   minimise   Σ h_pk                          (the host count, whatever the policy's objective)
//   cover      Σ_pk x_gpk = n_g
//   capacity   Σ_g a_gd x_gpk <= C_kd h_pk      ∀ p, k, d (and item slots where hosts have a pod limit)
//   large      Σ_{g: 2 a_gd > C_kd} x_gpk <= h_pk      two items over half a host's d never share it
//   spread     x_gpk <= m_g h_pk (per host; spreads over racks or sites are left out, see below)
//   labels     x_gpk exists only where k carries the labels g requires, and one item of g fits one host of k
// so its optimum is at most the hosts of every plan, the optimal one included: a valid lower bound. Affinity and
// spreads over racks or sites are relaxed away: their rows made identical racks distinct, and HiGHS then spent its
// nodes on that symmetry (estates of 10 racks ran into the time limit). It is a relaxation of the exact
// one-binary-per-item model (core/plan/exact.ts) by aggregation over identical items and hosts, as in the LP
// relaxation (lp.ts), but the host counts stay integer per partition: each
// partition is rounded up on its own, and what a tenant's shareable items fill of its own hosts is chosen at best
// with the others (Martello & Toth's "large items" argument, Knapsack Problems, 1990, ch. 8, for the `large` rows).
// The LP relaxation cannot see either: it splits hosts between partitions fractionally.
//
// Only an optimal MIP gives a bound. A node limit bounds the work, so that the answer does not depend on the machine;
// the time limit, far above what that many nodes take, only backs it up.
import type { Highs } from 'highs';
import { DIMS } from '../model/dimensions';
import type { Expansion, HostGroup } from '../model/expansion';
import type { Scenario, Service } from '../scenario/schema';
import { boundItems, type BoundItem, type LowerBound } from './bounds';
import { hostRules } from './constraints';
import { fits } from './lp';
import { LpBuilder } from './lp-model';
import { servicesById } from '../scenario/services-by-id';

/** Largest partition MIP tried: its columns (item groups × partitions they may use × host groups, plus host counts). */
export const PARTITION_MAX_COLUMNS = 20_000;
/** Branch-and-bound nodes HiGHS may explore (deterministic, unlike a time limit, which only backs it up). */
const MAX_NODES = 1_000;
/** Seconds HiGHS may spend on it: a backstop for machines far slower than MAX_NODES needs. */
export const PARTITION_SECONDS = 10;

const SHARED = '';

/** Partitions item g may use: its tenant's when it needs hosts of their own, also the shared one when its tenant has such items. */
function partitionsOf(it: BoundItem, exclusive: boolean, partitioned: ReadonlySet<string>): string[] {
  if (exclusive) return [it.tenant];
  return partitioned.has(it.tenant) ? [it.tenant, SHARED] : [SHARED];
}

/**
 * The partition bound of the items `out` placed (all when null), or null when no tenant needs hosts of its own, the
 * MIP is too large, or HiGHS does not prove its optimum within its node and time limits.
 */
export function partitionLowerBound(highs: Highs, scenario: Scenario, model: 'vm' | 'container', e: Expansion,
  out: { readonly itemHost: ArrayLike<number> } | null, seconds = PARTITION_SECONDS): LowerBound | null {
  const services = servicesById(scenario);
  const items = boundItems(e, out).filter((it) => it.count > 0);
  const rules = hostRules(scenario, model);
  const exclusive = items.map((it) => rules.exclusive(services.get(it.serviceId)!));
  const partitioned = new Set(items.filter((_, i) => exclusive[i]).map((it) => it.tenant));
  if (partitioned.size === 0) return null;
  const labels = rules.labels;
  const hosts = alikeHosts(e.hosts, labels);
  const parts = [...partitioned, SHARED];
  const groups = alikeItems(items.map((it, i) => ({
    it, service: services.get(it.serviceId)!, parts: partitionsOf(it, exclusive[i], partitioned).map((p) => parts.indexOf(p)),
  })));
  const columns = parts.length * hosts.length + groups.reduce((n, g) => n + g.parts.length, 0) * hosts.length;
  if (columns > PARTITION_MAX_COLUMNS) return null;

  const lp = new LpBuilder();
  const h = parts.map((p) => hosts.map((g, k) => lp.col({ name: `h[${p},${k}]`, cost: 1, lower: 0, upper: g.count, integer: true })));
  hosts.forEach((g, k) => lp.row(`pool@${k}`, 'capacity', -Infinity, g.count, parts.map((_, p) => [h[p][k], 1] as const)));
  // The items' columns on partition p and host group k, gathered as they are made.
  const on = parts.map(() => hosts.map((): { it: BoundItem; j: number }[] => []));
  groups.forEach(({ it, service: s, parts: partsOfGroup }, i) => {
    const required = s.requiredHostLabels ?? [];
    const mine: number[] = [];
    for (const p of partsOfGroup) {
      hosts.forEach((g, k) => {
        if (!fits(it.demand, g) || !required.every((l) => labels(g).includes(l))) return;
        const j = lp.col({ name: `x[${i},${p},${k}]`, cost: 0, lower: 0, upper: it.count });
        mine.push(j);
        on[p][k].push({ it, j });
        // Spread over hosts: at most m of the service on each host of the partition and group.
        if (s.spread?.domain === 'host') lp.row(`spread:${s.id}@${p}/${k}`, `spread:${s.id}`, -Infinity, 0, [[j, 1], [h[p][k], -s.spread.maxPerDomain]]);
      });
    }
    lp.row(`cover:${i}`, 'cover', it.count, it.count, mine.map((j) => [j, 1] as const));
  });
  on.forEach((byGroup, p) => byGroup.forEach((cols, k) => {
    if (cols.length === 0) return;
    const g = hosts[k];
    for (let d = 0; d < DIMS; d++) {
      const used = cols.filter(({ it }) => it.demand[d] > 0);
      if (used.length > 0) lp.row(`capacity@${p}/${k}/${d}`, 'capacity', -Infinity, 0, [[h[p][k], -g.allocatable[d]], ...used.map(({ it, j }) => [j, it.demand[d]] as const)]);
      const large = cols.filter(({ it }) => 2 * it.demand[d] > g.allocatable[d]);
      if (large.length > 0) lp.row(`large@${p}/${k}/${d}`, 'capacity', -Infinity, 0, [[h[p][k], -1], ...large.map(({ j }) => [j, 1] as const)]);
    }
    if (g.maxItems > 0) lp.row(`slots@${p}/${k}`, 'slots', -Infinity, 0, [[h[p][k], -g.maxItems], ...cols.map(({ j }) => [j, 1] as const)]);
  }));
  const sol = lp.solve(highs, seconds, undefined, { mip_max_nodes: MAX_NODES });
  if (sol.status !== 'optimal') return null;
  // Every column of the objective is an integer host count of cost 1: the optimum is a whole number.
  return { hosts: Math.max(0, Math.round(sol.value)), by: 'partitions', method: 'partitions' };
}

interface ItemGroup { readonly it: BoundItem; readonly service: Service; readonly parts: readonly number[] }

/**
 * Items the MIP cannot tell apart — the same demand, partitions and required labels, and no spread over hosts of their
 * own (that row is per service) — as one group of their total count: the same optimum with fewer columns (an estate's
 * many services of a few shapes become a few groups). The group keeps its first service for labels and spread.
 */
function alikeItems(items: readonly ItemGroup[]): ItemGroup[] {
  return mergeAlike(items,
    (g, i) => (g.service.spread?.domain === 'host' ? `#${i}` : JSON.stringify([g.it.demand, g.parts, [...(g.service.requiredHostLabels ?? [])].sort()])),
    (seen, g) => ({ ...seen, it: { ...seen.it, count: seen.it.count + g.it.count } }));
}

/**
 * Host groups the MIP cannot tell apart — the same capacity, pod limit and labels — as one group of their total count:
 * the same optimum with fewer columns (a fleet's racks of one host model become one group).
 */
function alikeHosts(groups: readonly HostGroup[], labels: (g: HostGroup) => readonly string[]): HostGroup[] {
  return mergeAlike(groups, (g) => JSON.stringify([g.allocatable, g.maxItems, [...labels(g)].sort()]),
    (seen, g) => ({ ...seen, count: seen.count + g.count }));
}

/** One entry per key (the first of its kind, in order), the later ones merged into it. Keys are JSON, so that no two
 * different label lists (labels are free text) make one key. */
function mergeAlike<T>(list: readonly T[], key: (x: T, i: number) => string, merge: (seen: T, x: T) => T): T[] {
  const alike = new Map<string, T>();
  list.forEach((x, i) => {
    const k = key(x, i);
    const seen = alike.get(k);
    alike.set(k, seen === undefined ? x : merge(seen, x));
  });
  return [...alike.values()];
}
