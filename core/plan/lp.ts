// The LP relaxation of a plan with its rules, and its dual: what each resource of each host model is worth, whether
// a host model earns its place, and what each rule costs.
//
// Items of one service are interchangeable and so are hosts of one host group, so the relaxation counts them:
//   y_k  hosts of group k switched on (0 … count_k)       x_gk  items of service g on hosts of group k (>= 0)
//   minimise   Σ_k cost_k y_k
//   cover      Σ_k x_gk = n_g                                      (every placed item of g)
//   capacity   Σ_g a_gd x_gk <= C_kd y_k            ∀ k, d          (price: what one more unit of d is worth)
//   slots      Σ_g x_gk <= P_k y_k                  ∀ k with a pod limit
//   spread     x_gk <= m_g y_k (host) · Σ_{k in D} x_gk <= m_g (each rack or site D)
//   isolation  e_tk hosts of group k kept for tenant t: t's items needing hosts of their own fit in them, and the
//              tenants that share fit in the rest: Σ_{g of t} a_gd x_gk <= C_kd e_tk, Σ_{g shared} a_gd x_gk <=
//              C_kd (y_k − Σ_t e_tk)
//   labels     x_gk exists only where group k carries every label g requires, and one item of g fits one host
// Container-in-VM adds node VMs n_k on hosts of group k: the pods fit the node VMs' allocatable capacity and pod
// slots, and the node VMs (their shape, per-VM overhead and the CPU / I/O virtualisation overhead of what runs in
// them, less the half unit the model's rounding may take off) fit the hosts; a tenant whose pods need node VMs of
// their own gets node VMs n_tk of its own. Every integer plan is a solution of this LP, so ⌈LP⌉ is a lower bound;
// affinity groups are relaxed away (their cost is measured by re-planning).
//
// Dual (HiGHS row duals, sign: ∂objective/∂bound): a capacity row's dual times the hosts of the group in use is
// the hosts (or cost) saved per unit more of that resource on every such host — 0 where the resource does not bind;
// a host model's reduced cost is what the LP would gain per host more of it (negative: worth more than it costs).
// A rule's cost is measured, not read off a dual: the LP and the plan solved again without the rule (lp.ts and
// core/plan/dual.ts).
import type { Highs } from 'highs';
import { nodeVmOverheadMiB } from '../model/container-in-vm';
import { DIMENSIONS, DIMS, type Dimension } from '../model/dimensions';
import type { Expansion, HostGroup } from '../model/expansion';
import { placementRule } from '../model/isolation';
import type { Scenario, Service } from '../scenario/schema';
import { boundItems, type BoundItem } from './bounds';
import { LpBuilder, type LpRow, type LpSolution } from './lp-model';
import { servicesById } from '../scenario/services-by-id';

/** Planner units of a dimension (kernel units per planner unit). */
export const PLANNER_UNITS: Readonly<Record<Dimension | 'pods', { unit: string; per: number }>> = {
  cpu: { unit: 'core', per: 1000 }, memory: { unit: 'GiB', per: 1024 }, disk: { unit: 'GB', per: 1000 }, network: { unit: 'Gbps', per: 1000 },
  pods: { unit: 'pod slot', per: 1 },
};

export interface ResourcePrice {
  readonly hostModel: string;
  readonly resource: Dimension | 'pods';
  /** Hosts (or cost) saved per planner unit more of the resource on every host of the model in use; 0: not binding. */
  readonly price: number;
  readonly unit: string;
}

export interface HostModelCost {
  readonly hostModel: string;
  /** The LP's reduced cost of one more host of the model (negative: worth more than it costs). */
  readonly reducedCost: number;
  /** Hosts of the model the LP switches on. */
  readonly hostsInLp: number;
}

export interface PlanLp {
  readonly status: LpSolution['status'];
  readonly value: number | null;
  /** ⌈value⌉ (hosts objective) or the value (cost), null when the LP was not solved. */
  readonly bound: number | null;
  readonly prices: readonly ResourcePrice[];
  readonly hostModels: readonly HostModelCost[];
  /** Rule ids with rows in this LP (spread:<service>, isolation:<tenant>, labels:<service>). */
  readonly rules: readonly string[];
}

interface Built {
  readonly lp: LpBuilder;
  /** y column per host group. */
  readonly y: readonly number[];
  readonly hosts: readonly HostGroup[];
  /** Capacity row per host group and dimension (or -1); slots row per host group (or -1). */
  readonly capacity: readonly (readonly number[])[];
  readonly slots: readonly number[];
  /** Rules that restrict variables rather than rows (labels): rule id → columns it removed (re-added without it). */
  readonly rules: readonly string[];
  readonly hostsObjective: boolean;
}

/** Whether one item of this demand fits one host of group g. */
export const fits = (demand: readonly number[], g: HostGroup) => demand.every((a, d) => a <= g.allocatable[d]);

/** Labels the host model of a group carries. */
export function labelsOf(scenario: Scenario): (g: HostGroup) => readonly string[] {
  const models = new Map(scenario.hostModels.map((m) => [m.id, m]));
  return (g) => models.get(g.modelId)?.labels ?? [];
}

/** What one host of a group costs the objective: its model's price with "cost", else 1. */
export function costOf(scenario: Scenario): (g: HostGroup) => number {
  const models = new Map(scenario.hostModels.map((m) => [m.id, m]));
  return (g) => (scenario.policy.objective === 'cost' ? models.get(g.modelId)?.priceUSD ?? 1 : 1);
}

/**
 * Assignment columns x[g,k] where item group g may go on host group k (it fits, and k carries the labels its
 * service requires, unless that rule is left out), and one row covering each group's count.
 */
function assignmentColumns(lp: LpBuilder, items: readonly BoundItem[], services: ReadonlyMap<string, Service>, hosts: readonly HostGroup[],
  labels: (g: HostGroup) => readonly string[], without: ReadonlySet<string>, rules: Set<string>,
  fitsOn: (it: BoundItem, h: HostGroup) => boolean): Map<number, number>[] {
  return items.map((it, g) => {
    const req = without.has(`labels:${it.serviceId}`) ? [] : services.get(it.serviceId)?.requiredHostLabels ?? [];
    if (req.length > 0) rules.add(`labels:${it.serviceId}`);
    const cols = new Map<number, number>();
    if (it.count === 0) return cols;
    hosts.forEach((h, k) => {
      if (fitsOn(it, h) && req.every((l) => labels(h).includes(l))) cols.set(k, lp.col({ name: `x[${g},${k}]`, cost: 0, lower: 0, upper: Infinity }));
    });
    lp.row(`cover:${it.serviceId}`, 'cover', it.count, it.count, [...cols.values()].map((j) => [j, 1] as const));
    return cols;
  });
}

/** The terms Σ_g f(g) · x[g,k] of host group k. */
function termsOn(items: readonly BoundItem[], x: readonly ReadonlyMap<number, number>[], k: number, f: (it: BoundItem) => number): [number, number][] {
  return items.flatMap((it, g) => (x[g].has(k) ? [[x[g].get(k)!, f(it)] as [number, number]] : []));
}

/** Spread rows of every service with a spread rule and pods to place (each such rule is named among the LP's rules). */
function spreadRulesRows(lp: LpBuilder, items: readonly BoundItem[], services: ReadonlyMap<string, Service>, hosts: readonly HostGroup[],
  x: readonly ReadonlyMap<number, number>[], y: readonly number[], rules: Set<string>): void {
  items.forEach((it, g) => {
    const s = services.get(it.serviceId);
    if (!s?.spread || it.count === 0) return;
    rules.add(`spread:${s.id}`);
    spreadRows(lp, s, s.spread.maxPerDomain, hosts, x[g], y);
  });
}

/** Spread rows of one service: per host (x ≤ m y) or per rack / site domain. */
function spreadRows(lp: LpBuilder, s: Service, m: number, hosts: readonly HostGroup[], x: ReadonlyMap<number, number>, y: readonly number[]): void {
  const spread = s.spread!;
  const tag = `spread:${s.id}`;
  if (spread.domain === 'host') {
    for (const [k, j] of x) lp.row(`${tag}@${hosts[k].groupId}`, tag, -Infinity, 0, [[j, 1], [y[k], -m]]);
    return;
  }
  const domains = new Map<string, number[]>();
  for (const [k, j] of x) {
    const key = spread.domain === 'rack' ? `${hosts[k].siteId}/${hosts[k].rackId}` : hosts[k].siteId;
    const list = domains.get(key);
    if (list) list.push(j); else domains.set(key, [j]);
  }
  for (const [key, cols] of domains) lp.row(`${tag}@${key}`, tag, -Infinity, m, cols.map((j) => [j, 1] as const));
}

/** Isolation partitions of host groups: tenants whose items need hosts (or node VMs) of their own. */
function isolationRows(lp: LpBuilder, items: readonly BoundItem[], exclusive: (it: BoundItem) => boolean, x: readonly ReadonlyMap<number, number>[],
  bins: readonly number[], capacityOf: (k: number, d: number) => number, dims: readonly number[], tagPrefix: string, upper: (k: number) => number): void {
  const tenants = [...new Set(items.filter((it) => it.count > 0 && exclusive(it)).map((it) => it.tenant))];
  if (tenants.length === 0) return;
  bins.forEach((bin, k) => {
    const own = tenants.map((t) => lp.col({ name: `${tagPrefix}e[${t},${k}]`, cost: 0, lower: 0, upper: upper(k) }));
    for (const d of dims) {
      const cap = capacityOf(k, d);
      tenants.forEach((t, ti) => {
        const terms: [number, number][] = [[own[ti], -cap]];
        items.forEach((it, g) => { if (it.tenant === t && exclusive(it) && x[g].has(k)) terms.push([x[g].get(k)!, it.demand[d]]); });
        if (terms.length > 1) lp.row(`${tagPrefix}isolation:${t}@${k}/${d}`, `isolation:${t}`, -Infinity, 0, terms);
      });
      // Items of tenants outside a set T of exclusive tenants fit in the bins not kept for T: T = every exclusive
      // tenant (the tenants that share) and, for up to 3 such tenants, every other set (an exclusive tenant's other
      // items, and other exclusive tenants' items, never use T's bins). Rows for every set make the relaxation without
      // one tenant's rule a relaxation of the one with it, so a rule's LP cost is >= 0.
      for (const subset of tenantSubsets(tenants.length)) {
        const inT = new Set(subset.map((ti) => tenants[ti]));
        const rows: [number, number][] = [[bin, -cap], ...subset.map((ti) => [own[ti], cap] as [number, number])];
        items.forEach((it, g) => {
          if (inT.has(it.tenant) || !x[g].has(k)) return;
          rows.push([x[g].get(k)!, it.demand[d]]);
        });
        lp.row(`${tagPrefix}isolation@${k}/${d}/${subset.join('+')}`, 'isolation', -Infinity, 0, rows);
      }
    }
    lp.row(`${tagPrefix}partitions@${k}`, 'isolation', 0, Infinity, [[bin, 1], ...own.map((c) => [c, -1] as [number, number])]);
  });
}

/**
 * Sets of the first n exclusive tenants given isolation rows: every non-empty one for n <= 3; beyond that only all of
 * them (each row holds every other tenant's items, so more sets would grow the matrix with the tenants squared).
 */
function tenantSubsets(n: number): number[][] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (n > 3) return [all];
  const out: number[][] = [];
  for (let mask = 1; mask < 1 << n; mask++) out.push(all.filter((i) => mask & (1 << i)));
  return out;
}

/** Dimensions some item uses. */
function usedDims(items: readonly BoundItem[]): number[] {
  return Array.from({ length: DIMS }, (_, d) => d).filter((d) => items.some((it) => it.count > 0 && it.demand[d] > 0));
}

/** The relaxation of a one-level model (VMs, pods on bare metal) for the items `out` placed (all when null). */
export function buildOneLevel(scenario: Scenario, model: 'vm' | 'container', e: Expansion, out: { readonly itemHost: ArrayLike<number> } | null,
  without: ReadonlySet<string> = new Set()): Built {
  const services = servicesById(scenario);
  const items = boundItems(e, out);
  const hosts = e.hosts;
  const lp = new LpBuilder();
  const cost = costOf(scenario);
  const y = hosts.map((g, k) => lp.col({ name: `y[${k}]`, cost: cost(g), lower: 0, upper: g.count }));
  const rules = new Set<string>();
  const x = assignmentColumns(lp, items, services, hosts, labelsOf(scenario), without, rules, (it, h) => fits(it.demand, h));
  const dims = usedDims(items);
  const capacity = hosts.map((h, k) => Array.from({ length: DIMS }, (_, d) => (dims.includes(d)
    ? lp.row(`capacity:${h.groupId}/${DIMENSIONS[d]}`, 'capacity', -Infinity, 0,
      [[y[k], -h.allocatable[d]], ...termsOn(items, x, k, (it) => it.demand[d])])
    : -1)));
  const slots = hosts.map((h, k) => (h.maxItems > 0
    ? lp.row(`slots:${h.groupId}`, 'slots', -Infinity, 0, [[y[k], -h.maxItems], ...termsOn(items, x, k, () => 1)])
    : -1));
  spreadRulesRows(lp, items, services, hosts, x, y, rules);
  const exclusive = (it: BoundItem) => placementRule(model, services.get(it.serviceId)!.isolation, scenario) === 'host-exclusive';
  for (const it of items) if (it.count > 0 && exclusive(it)) rules.add(`isolation:${it.tenant}`);
  isolationRows(lp, items, exclusive, x, y, (k, d) => hosts[k].allocatable[d], dims, '', (k) => hosts[k].count);
  return { lp, y, hosts, capacity, slots, rules: [...rules].sort(), hostsObjective: scenario.policy.objective === 'hosts' };
}

/** The relaxation of container-in-VM for one node VM shape (`pods`: pod groups on the node VM pools; `hosts`: VM capacity). */
export function buildTwoLevel(scenario: Scenario, pods: Expansion, hosts: readonly HostGroup[], podHost: ArrayLike<number> | null,
  without: ReadonlySet<string> = new Set()): Built {
  const services = servicesById(scenario);
  const items = boundItems(pods, podHost ? { itemHost: podHost } : null);
  const node = pods.hosts[0];
  const vm = scenario.deployment.vm;
  const lp = new LpBuilder();
  const cost = costOf(scenario);
  const y = hosts.map((g, k) => lp.col({ name: `y[${k}]`, cost: cost(g), lower: 0, upper: g.count }));
  const n = hosts.map((_, k) => lp.col({ name: `n[${k}]`, cost: 0, lower: 0, upper: Infinity }));
  const rules = new Set<string>();
  const x = assignmentColumns(lp, items, services, hosts, labelsOf(scenario), without, rules, (it) => fits(it.demand.slice(0, 3), node));
  const podTerms = (k: number, f: (it: BoundItem) => number) => termsOn(items, x, k, f);
  // Pods in node VMs: CPU, memory, disk and pod slots of the node VMs on hosts of group k.
  const nodeDims = [0, 1, 2].filter((d) => items.some((it) => it.demand[d] > 0));
  hosts.forEach((_, k) => {
    for (const d of nodeDims) lp.row(`node:${k}/${DIMENSIONS[d]}`, 'node', -Infinity, 0, [[n[k], -node.allocatable[d]], ...podTerms(k, (it) => it.demand[d])]);
    if (node.maxItems > 0) lp.row(`node-slots:${k}`, 'node', -Infinity, 0, [[n[k], -node.maxItems], ...podTerms(k, () => 1)]);
  });
  // Node VMs on hosts: shape + per-VM memory + virtualisation overhead on what runs in them (a half unit rounded off at most).
  const reserved = node.reserved ?? [0, 0, 0, 0];
  const perNode = [
    node.physical[0] + reserved[0] * vm.cpuVirtualisationOverhead - 0.5, node.physical[1] + nodeVmOverheadMiB(vm, node), node.physical[2], -0.5,
  ];
  const perPod = (it: BoundItem, d: number) => (d === 0 ? it.demand[0] * vm.cpuVirtualisationOverhead : d === 3 ? it.demand[3] * (1 + vm.ioVirtualisationOverhead) : 0);
  const capacity = hosts.map((h, k) => Array.from({ length: DIMS }, (_, d) => lp.row(`capacity:${h.groupId}/${DIMENSIONS[d]}`, 'capacity', -Infinity, 0,
    [[y[k], -h.allocatable[d]], [n[k], Math.max(0, perNode[d])], ...podTerms(k, (it) => perPod(it, d))])));
  spreadRulesRows(lp, items, services, hosts, x, y, rules);
  const rule = (it: BoundItem) => placementRule('container-in-vm', services.get(it.serviceId)!.isolation, scenario);
  for (const it of items) if (it.count > 0 && rule(it) !== 'none') rules.add(`isolation:${it.tenant}`);
  // Node VMs of a tenant's own, then hosts of a tenant's own (on the pods' own demand).
  isolationRows(lp, items, (it) => rule(it) !== 'none', x, n, (_k, d) => node.allocatable[d], nodeDims, 'node-', () => Infinity);
  isolationRows(lp, items, (it) => rule(it) === 'host-exclusive', x, y, (k, d) => hosts[k].allocatable[d], usedDims(items), 'host-', (k) => hosts[k].count);
  return { lp, y, hosts, capacity, slots: hosts.map(() => -1), rules: [...rules].sort(), hostsObjective: scenario.policy.objective === 'hosts' };
}

/** Rows of rule `id` (spread:<service>, isolation:<tenant> with the shared partition rows when it is the last). */
export function ruleRow(id: string): (r: LpRow) => boolean {
  return (r) => r.tag === id;
}

/** Solves a built relaxation (without the rows `drop` names) and reads its bound and dual. */
export function solveRelaxation(highs: Highs, b: Built, seconds = 5, drop: (r: LpRow) => boolean = () => false): PlanLp {
  const sol = b.lp.solve(highs, seconds, (r) => !drop(r));
  if (sol.status !== 'optimal') return { status: sol.status, value: null, bound: null, prices: [], hostModels: [], rules: b.rules };
  const bound = b.hostsObjective ? Math.max(0, Math.ceil(sol.value - 1e-6)) : sol.value;
  const prices = new Map<string, number>();
  const inLp = new Map<string, number>(), reduced = new Map<string, number>();
  b.hosts.forEach((h, k) => {
    const used = sol.colValue[b.y[k]];
    inLp.set(h.modelId, (inLp.get(h.modelId) ?? 0) + used);
    const rc = sol.colDual[b.y[k]];
    reduced.set(h.modelId, Math.min(reduced.get(h.modelId) ?? Infinity, rc));
    const add = (resource: Dimension | 'pods', row: number, per: number) => {
      if (row < 0 && resource === 'pods') return;
      const key = `${h.modelId}\u0000${resource}`;
      if (row < 0) { prices.set(key, prices.get(key) ?? 0); return; } // nothing demands it: price 0
      // Hosts saved per planner unit more on each host of the group in use: −dual × units × hosts in use.
      prices.set(key, (prices.get(key) ?? 0) + Math.max(0, -sol.rowDual[row]) * per * used);
    };
    DIMENSIONS.forEach((d, i) => add(d, b.capacity[k][i], PLANNER_UNITS[d].per));
    add('pods', b.slots[k], 1);
  });
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return {
    status: 'optimal', value: round(sol.value), bound,
    prices: [...prices].map(([key, price]) => {
      const [hostModel, resource] = key.split('\u0000') as [string, Dimension | 'pods'];
      return { hostModel, resource, price: round(price), unit: PLANNER_UNITS[resource].unit };
    }),
    hostModels: [...inLp].map(([hostModel, hostsInLp]) => ({ hostModel, hostsInLp: round(hostsInLp), reducedCost: round(reduced.get(hostModel) ?? 0) })),
    rules: b.rules,
  };
}
